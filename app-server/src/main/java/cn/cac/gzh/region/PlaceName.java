package cn.cac.gzh.region;

/**
 * One dictionary word.
 *
 * @param township the township the word stands for, or {@code null} for county-wide words
 */
public record PlaceName(String term, PlaceNameKind kind, String township) {
}
