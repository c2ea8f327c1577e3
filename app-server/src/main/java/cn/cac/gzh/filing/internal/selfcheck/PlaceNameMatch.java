package cn.cac.gzh.filing.internal.selfcheck;

import cn.cac.gzh.region.PlaceNameKind;

/**
 * A dictionary word found in an account's name.
 *
 * @param term     the word as the dictionary spells it (e.g. 睢县 for a name written 睢縣)
 * @param kind     why the word makes the account local
 * @param township the township the word stands for, or {@code null} for county-wide words
 * @param start    index of the word's first character in the normalised name ({@link NameNormalizer})
 * @param end      index just past the word's last character in the normalised name
 */
public record PlaceNameMatch(String term, PlaceNameKind kind, String township, int start, int end) {
}
