package cn.cac.gzh.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import cn.cac.testsupport.RepositoryRoot;

/**
 * The screenshots the documentation links (docs/images/*.png). A browser test's screenshot is copied there only with
 * {@code -Ddocs.screenshots=true} (run that test class alone then), so an ordinary test run leaves docs/ alone.
 */
final class DocumentationImages {

    static final Path FOLDER = RepositoryRoot.resolve("docs/images");

    private DocumentationImages() {
    }

    /** Copies {@code shot} to docs/images/{name}.png when asked to. */
    static void keep(Path shot, String name) {
        if (!Boolean.getBoolean("docs.screenshots")) {
            return;
        }
        try {
            Files.copy(shot, Files.createDirectories(FOLDER).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
