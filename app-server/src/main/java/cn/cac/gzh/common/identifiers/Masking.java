package cn.cac.gzh.common.identifiers;

/**
 * Masks personal identifiers for display and logging, keeping just enough to let a person recognise their own data.
 * Works on Unicode code points so that names with supplementary characters keep their length.
 */
public final class Masking {

    private static final String MASK = "*";

    /** Fewer hidden characters than this would reveal nearly the whole value, so such input is masked entirely. */
    private static final int MIN_HIDDEN = 4;

    private Masking() {
    }

    /** Keeps the first 3 and last 4 characters: 11010519491231002X becomes 110***********002X. */
    public static String idNumber(String value) {
        return keepEnds(value, 3, 4);
    }

    /** Keeps the first 3 and last 4 digits: 13912345678 becomes 139****5678. */
    public static String phone(String value) {
        return keepEnds(value, 3, 4);
    }

    /** Keeps the first character: 张三丰 becomes 张**, 张三 becomes 张*; a one-character name is masked entirely. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < 2) {
            return stars(length);
        }
        return value.substring(0, value.offsetByCodePoints(0, 1)) + stars(length - 1);
    }

    private static String keepEnds(String value, int keepFirst, int keepLast) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        int hidden = length - keepFirst - keepLast;
        if (hidden < MIN_HIDDEN) {
            return stars(length);
        }
        int headEnd = value.offsetByCodePoints(0, keepFirst);
        int tailStart = value.offsetByCodePoints(0, keepFirst + hidden);
        return value.substring(0, headEnd) + stars(hidden) + value.substring(tailStart);
    }

    private static String stars(int count) {
        return MASK.repeat(count);
    }
}
