package cn.cac.gzh.filing.internal.selfcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.cac.gzh.region.PlaceName;

/**
 * Finds the county's place names in an account's name (notice §2, criterion 3: the name contains the
 * county's or a township's name or short form, or another clear local feature).
 * <p>
 * Both the name and the dictionary words are compared in their {@link NameNormalizer normalised}
 * form, so spacing, punctuation, full-width letters and traditional characters do not hide a word.
 * Longer words win: a word lying entirely inside an occurrence of a longer word is not reported there
 * (中原水城 hides 水城, 蓼堤镇 hides 蓼堤); words that merely overlap are both reported. Each word is
 * reported once, at its first occurrence not hidden by a longer word. Words shorter than two
 * characters after normalisation are ignored as too ambiguous.
 * <p>
 * Immutable and thread-safe.
 */
public final class PlaceNameMatcher {

    private static final int MIN_TERM_LENGTH = 2;

    private static final Comparator<PlaceNameMatch> BY_POSITION = Comparator.comparingInt(PlaceNameMatch::start)
            .thenComparing(Comparator.comparingInt(PlaceNameMatch::end).reversed());

    /** Dictionary words by normalised form, in dictionary order; the first word wins a shared form. */
    private final List<Entry> entries;

    public PlaceNameMatcher(List<PlaceName> placeNames) {
        Map<String, PlaceName> byNormalisedTerm = new LinkedHashMap<>();
        for (PlaceName placeName : List.copyOf(placeNames)) {
            String normalised = NameNormalizer.normalize(placeName.term());
            if (normalised.codePointCount(0, normalised.length()) >= MIN_TERM_LENGTH) {
                byNormalisedTerm.putIfAbsent(normalised, placeName);
            }
        }
        this.entries = byNormalisedTerm.entrySet().stream()
                .map(entry -> new Entry(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The dictionary words in {@code accountName}, in order of position; empty for {@code null}. */
    public List<PlaceNameMatch> match(String accountName) {
        String name = NameNormalizer.normalize(accountName);
        if (name.isEmpty()) {
            return List.of();
        }
        List<Span> occurrences = new ArrayList<>();
        for (Entry entry : entries) {
            for (int from = name.indexOf(entry.term()); from >= 0; from = name.indexOf(entry.term(), from + 1)) {
                occurrences.add(new Span(entry, from, from + entry.term().length()));
            }
        }
        List<PlaceNameMatch> matches = new ArrayList<>();
        for (Entry entry : entries) {
            occurrences.stream()
                    .filter(span -> span.entry() == entry && !isHidden(span, occurrences))
                    .findFirst()
                    .ifPresent(span -> matches.add(span.toMatch()));
        }
        matches.sort(BY_POSITION);
        return List.copyOf(matches);
    }

    /** True when a longer word's occurrence contains {@code span} entirely. */
    private static boolean isHidden(Span span, List<Span> occurrences) {
        return occurrences.stream().anyMatch(other -> other.length() > span.length() && other.contains(span));
    }

    private record Entry(String term, PlaceName placeName) {
        Entry {
            Objects.requireNonNull(placeName.kind(), () -> "Place name without kind: " + placeName.term());
        }
    }

    /** One occurrence of a word, as indexes into the normalised name. */
    private record Span(Entry entry, int start, int end) {

        int length() {
            return end - start;
        }

        boolean contains(Span other) {
            return start <= other.start && other.end <= end;
        }

        PlaceNameMatch toMatch() {
            PlaceName placeName = entry.placeName();
            return new PlaceNameMatch(placeName.term(), placeName.kind(), placeName.township(), start, end);
        }
    }
}
