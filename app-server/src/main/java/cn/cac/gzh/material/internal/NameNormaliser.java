package cn.cac.gzh.material.internal;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;

/**
 * Makes a typed name and a recognised one comparable: full-width forms to half-width (NFKC), traditional
 * characters to simplified (ICU's Traditional-Simplified), no whitespace, no middle dots (minority names are
 * written with or without ·), letters in upper case. ICU's transliterators are thread-safe once built.
 */
final class NameNormaliser {

    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");

    private NameNormaliser() {
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String halfWidth = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String simplified = TO_SIMPLIFIED.transliterate(halfWidth);
        return simplified.replaceAll("[\\s\\u00B7\\u2022\\u30FB\\u2027.]", "").toUpperCase(java.util.Locale.ROOT);
    }

    static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }
}
