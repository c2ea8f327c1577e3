package cn.cac.gzh.deploy;

import cn.cac.testsupport.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's deploy/ folder and the README's configuration table, for the deployment file tests. */
final class DeployFiles {

    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

    private DeployFiles() {
    }

    /** The repository root (deploy/ and README.md are there). */
    static Path root() {
        return RepositoryRoot.path();
    }

    static Path deploy(String relative) {
        return root().resolve("deploy").resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variables of README.md's "Configuration (production)" table: the names in backticks of each row's
     * first column (some rows name several, comma-separated), with the row's default column.
     */
    static Map<String, String> readmeVariables() {
        return configurationTable(read(root().resolve("README.md")));
    }

    static Map<String, String> configurationTable(String readme) {
        int start = readme.indexOf("## Configuration (production)");
        if (start < 0) {
            throw new IllegalStateException("README.md has no \"## Configuration (production)\" section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String defaultValue = cells[cells.length - 1].strip();
            Matcher names = VARIABLE.matcher(cells[1]);
            while (names.find()) {
                variables.put(names.group(1), defaultValue);
            }
        }
        if (variables.size() < 20) {
            throw new IllegalStateException("README.md's configuration table has only " + variables.keySet());
        }
        return variables;
    }

    /** Variables without a default (column "—"): the service does not start without them. */
    static java.util.Set<String> requiredVariables() {
        java.util.Set<String> required = new java.util.TreeSet<>();
        readmeVariables().forEach((name, defaultValue) -> {
            if (defaultValue.equals("—")) {
                required.add(name);
            }
        });
        return required;
    }
}
