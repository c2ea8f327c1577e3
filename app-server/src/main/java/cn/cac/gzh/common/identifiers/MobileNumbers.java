package cn.cac.gzh.common.identifiers;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: eleven digits starting 13 to 19, optionally written with the +86 or 86 prefix. */
public final class MobileNumbers {

    // [0-9] rather than \d so that the meaning does not depend on regex flags.
    private static final Pattern FORMAT = Pattern.compile("(?:\\+?86[ -]?)?(1[3-9][0-9]{9})");

    private MobileNumbers() {
    }

    /** Accepts 13912345678, +8613912345678, +86 13912345678, 86-13912345678 and the like; no surrounding whitespace. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /**
     * The eleven-digit national number of a valid mobile number (after trimming), so that one person's number is
     * stored and compared in one form. Anything else is returned trimmed but otherwise unchanged, so it still fails
     * {@link #isValid}.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        var matcher = FORMAT.matcher(trimmed);
        return matcher.matches() ? matcher.group(1) : trimmed;
    }
}
