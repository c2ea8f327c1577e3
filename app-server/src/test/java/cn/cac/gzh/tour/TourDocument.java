package cn.cac.gzh.tour;

import cn.cac.testsupport.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guided tour (docs/getting-started.md) as a script: its {@code ```shell} blocks in order, each with the heading
 * it stands under and the output lines it promises ({@code #> …} comments, "…" meaning anything). Other fences
 * ({@code ```sh}, {@code ```text}) are for the reader only. The document is the single source: the test runs exactly
 * these blocks, changing nothing but the values of the variables the reader copies from the banner.
 */
record TourDocument(List<Step> steps) {

    static final Path LOCATION = RepositoryRoot.resolve("docs/getting-started.md");

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern EXPECTED = Pattern.compile("^\\s*#>\\s?(.*)$");

    /** One executed block. */
    record Step(int number, String heading, String script, List<String> expected) {

        /** The first line of the expected output that is not found, in order, among the block's output lines; null if all are. */
        String firstMissing(List<String> output) {
            int from = 0;
            for (String line : expected) {
                Pattern pattern = wildcard(line);
                int found = -1;
                for (int i = from; i < output.size(); i++) {
                    if (pattern.matcher(output.get(i).strip()).matches()) {
                        found = i;
                        break;
                    }
                }
                if (found < 0) {
                    return line;
                }
                from = found + 1;
            }
            return null;
        }

        @Override
        public String toString() {
            return "step " + number + " (" + heading + ")";
        }
    }

    static TourDocument read() {
        try {
            return parse(Files.readString(LOCATION, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TourDocument parse(String markdown) {
        List<Step> steps = new ArrayList<>();
        String heading = "";
        String fence = null;
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            Matcher fenceLine = FENCE.matcher(line);
            if (fence == null) {
                if (line.startsWith("## ")) {
                    heading = line.substring(3).strip();
                } else if (fenceLine.matches()) {
                    fence = fenceLine.group(1);
                    script.setLength(0);
                    expected = new ArrayList<>();
                }
            } else if (fenceLine.matches() && fenceLine.group(1).isEmpty()) {
                if (fence.equals("shell")) {
                    steps.add(new Step(steps.size() + 1, heading, script.toString(), List.copyOf(expected)));
                }
                fence = null;
            } else {
                Matcher expectation = EXPECTED.matcher(line);
                if (expectation.matches()) {
                    expected.add(expectation.group(1).strip());
                } else {
                    script.append(line).append('\n');
                }
            }
        }
        if (fence != null) {
            throw new IllegalStateException("getting-started.md: a code block is not closed");
        }
        return new TourDocument(List.copyOf(steps));
    }

    /**
     * The steps with the given variables' values replaced where the document assigns them ({@code NAME=value} at the
     * start of a line, a comment after it kept); fails if the document does not assign one of them.
     */
    TourDocument with(Map<String, String> values) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        values.keySet().forEach(name -> seen.put(name, false));
        List<Step> replaced = steps.stream().map(step -> {
            String script = step.script();
            for (var value : values.entrySet()) {
                Matcher assignment = Pattern.compile("(?m)^" + Pattern.quote(value.getKey()) + "=(?:'[^'\\n]*'|\\S*)")
                        .matcher(script);
                if (assignment.find()) {
                    seen.put(value.getKey(), true);
                    script = assignment.replaceAll(Matcher.quoteReplacement(value.getKey() + "='" + value.getValue() + "'"));
                }
            }
            return new Step(step.number(), step.heading(), script, step.expected());
        }).toList();
        seen.forEach((name, found) -> {
            if (!found) {
                throw new IllegalStateException("getting-started.md no longer assigns " + name + "=… in a shell block");
            }
        });
        return new TourDocument(replaced);
    }

    private static Pattern wildcard(String expected) {
        StringBuilder regex = new StringBuilder();
        String[] literals = expected.split("…", -1);
        for (int i = 0; i < literals.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
