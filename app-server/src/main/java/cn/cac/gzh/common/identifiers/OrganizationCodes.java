package cn.cac.gzh.common.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Organisation codes (组织机构代码) as defined by GB 11714: an eight-character body of digits or upper-case
 * letters and a check character (a digit or X), commonly written with a hyphen before the check character.
 */
public final class OrganizationCodes {

    /** Why a code was accepted or rejected. */
    public enum Result {
        VALID, FORMAT, CHECKSUM;

        public boolean isValid() {
            return this == VALID;
        }
    }

    public static final int BODY_LENGTH = 8;

    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Both the printed form (with hyphen) and the form embedded in a social credit code (without) are common. */
    private static final Pattern FORMAT = Pattern.compile("([0-9A-Z]{8})-?([0-9X])");

    private OrganizationCodes() {
    }

    /**
     * Trims, upper-cases and writes the code in its printed form {@code XXXXXXXX-C}.
     * Input that does not look like an organisation code is only trimmed and upper-cased, so it still fails validation.
     */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        var matcher = FORMAT.matcher(upper);
        return matcher.matches() ? matcher.group(1) + '-' + matcher.group(2) : upper;
    }

    /** Accepts the code with or without the hyphen; letters must be upper-case, so normalise user input first. */
    public static Result validate(String value) {
        if (value == null) {
            return Result.FORMAT;
        }
        var matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return Result.FORMAT;
        }
        return checkChar(matcher.group(1)) == matcher.group(2).charAt(0) ? Result.VALID : Result.CHECKSUM;
    }

    public static boolean isValid(String value) {
        return validate(value).isValid();
    }

    /** The check character for an eight-character body; letters count A=10 ... Z=35. */
    public static char checkChar(String body) {
        if (body == null || body.length() != BODY_LENGTH) {
            throw new IllegalArgumentException("Expected 8 digits or upper-case letters");
        }
        int sum = 0;
        for (int i = 0; i < BODY_LENGTH; i++) {
            sum += valueOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("Expected 8 digits or upper-case letters");
    }
}
