package cn.cac.gzh.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relative links of Markdown files: each must name a file or folder that exists, and a {@code #fragment} into a
 * Markdown file must name one of its headings (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens).
 * Links with a scheme (https:, mailto:) are not followed; code blocks and inline code are not read.
 */
final class MarkdownLinks {

    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private MarkdownLinks() {
    }

    /** README.md, deploy/README.md and every .md under docs/ of {@code root}. */
    static List<Path> documents(Path root) {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("README.md", "deploy/README.md")) {
            if (Files.isRegularFile(root.resolve(top))) {
                files.add(root.resolve(top));
            }
        }
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** One line per broken link: "file: target (why)"; targets in {@code mayBeMissing} (relative to root) are let through. */
    static List<String> broken(Path root, List<Path> files, Set<String> mayBeMissing) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (String link : links(read(file))) {
                String problem = check(root, file, link, mayBeMissing, anchors);
                if (problem != null) {
                    problems.add(root.relativize(file) + ": " + link + " (" + problem + ")");
                }
            }
        }
        return problems;
    }

    private static String check(Path root, Path file, String link, Set<String> mayBeMissing, Map<Path, Set<String>> anchors) {
        if (SCHEME.matcher(link).find()) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? "" : link.substring(hash + 1);
        Path target = path.isEmpty() ? file : file.getParent().resolve(decode(path)).normalize();
        if (!target.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(target)) {
            return mayBeMissing.contains(root.relativize(target).toString().replace('\\', '/')) ? null : "no such file";
        }
        if (!fragment.isEmpty() && target.toString().endsWith(".md")
                && !anchors.computeIfAbsent(target, t -> headings(read(t))).contains(decode(fragment))) {
            return "no heading with this anchor";
        }
        return null;
    }

    /** The link targets of a Markdown text, outside fenced code blocks and inline code. */
    static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
                while (matcher.find()) {
                    links.add(matcher.group(1));
                }
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings of a Markdown text (a repeated heading gets -1, -2 …). */
    static Set<String> headings(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (!fenced && heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: markup and punctuation dropped, lower case, each space a hyphen. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc} -]", "").replace(' ', '-');
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
