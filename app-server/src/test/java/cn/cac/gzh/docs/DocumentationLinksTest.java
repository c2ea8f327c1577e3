package cn.cac.gzh.docs;

import cn.cac.testsupport.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link of README.md, deploy/README.md and docs/**.md leads somewhere (docs/index.md links them all). */
class DocumentationLinksTest {

    @Test
    void everyRelativeLinkNamesAnExistingFileAndHeading() {
        Path root = root();
        List<Path> documents = MarkdownLinks.documents(root);
        assertThat(documents).contains(root.resolve("README.md"), root.resolve("docs/index.md"),
                root.resolve("docs/guide/operator.md"), root.resolve("docs/faq.md"));
        assertThat(MarkdownLinks.broken(root, documents, Set.of())).isEmpty();
    }

    @Test
    void theIndexLinksEveryDocument() {
        Path root = root();
        List<String> linked = MarkdownLinks.links(read(root.resolve("docs/index.md")));
        for (Path document : MarkdownLinks.documents(root)) {
            String relative = root.resolve("docs").relativize(document).toString().replace('\\', '/');
            if (document.startsWith(root.resolve("docs")) && !relative.equals("index.md")) {
                assertThat(linked).as("docs/index.md links " + relative).contains(relative);
            }
        }
        assertThat(linked).containsAll(List.of("getting-started.md", "demo.md", "faq.md", "guide/operator.md",
                "guide/staff.md", "guide/admin.md"));
        assertThat(read(root.resolve("README.md"))).contains("](docs/index.md)");
    }

    @Test
    void aMissingFileOrHeadingIsReportedAndAnAllowedOneIsNot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/guide"));
        Files.writeString(root.resolve("README.md"), "[ok](docs/a.md#二配置-要点) [gone](docs/gone.md) `[code](docs/x.md)`\n");
        Files.writeString(root.resolve("docs/a.md"), "# A\n\n## 二、配置 要点\n\n[anchor](#a) [bad](#nowhere) [up](../README.md)\n"
                + "```\n[fenced](nothing.md)\n```\n[web](https://example.com/x) [later](soon.md)\n");
        Files.writeString(root.resolve("docs/guide/b.md"), "![shot](../images/missing.png) [a](../a.md#二配置-要点)\n");

        List<String> broken = MarkdownLinks.broken(root, MarkdownLinks.documents(root), Set.of("docs/soon.md"));

        assertThat(broken).containsExactlyInAnyOrder(
                "README.md: docs/gone.md (no such file)",
                "docs/a.md: #nowhere (no heading with this anchor)",
                "docs/guide/b.md: ../images/missing.png (no such file)");
    }

    @Test
    void headingsGetGithubsAnchors() {
        assertThat(MarkdownLinks.headings("# Upgrades (Flyway)\n## 45009：接口调用已达当日上限\n## 4.2 IP 白名单\n"
                + "### Token errors (40001, 42001)\n## 上传材料提示“网络连接失败”（uploadFile 合法域名）\n## Tests\n## Tests\n"))
                .containsExactly("upgrades-flyway", "45009接口调用已达当日上限", "42-ip-白名单", "token-errors-40001-42001",
                        "上传材料提示网络连接失败uploadfile-合法域名", "tests", "tests-1");
    }

    private static Path root() {
        return RepositoryRoot.path();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
