package cn.cac.gzh.common.identifiers;

import java.util.Locale;
import java.util.Optional;

/**
 * Unified social credit codes (统一社会信用代码) as defined by GB 32100-2015: eighteen characters over an alphabet
 * of digits and upper-case letters without I, O, S, V and Z. Characters 9 to 17 are the GB 11714 organisation code
 * of the entity and the last character is a check character.
 */
public final class UnifiedSocialCreditCodes {

    /** Why a code was accepted or rejected, in the order the checks run. */
    public enum Result {
        VALID, FORMAT, CHECKSUM, EMBEDDED_ORGANIZATION_CODE;

        public boolean isValid() {
            return this == VALID;
        }
    }

    public static final int LENGTH = 18;

    /** The position of a character in this string is its numeric value. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int ORGANIZATION_CODE_START = 8;
    private static final int ORGANIZATION_CODE_END = 17;

    private UnifiedSocialCreditCodes() {
    }

    /** Trims and upper-cases, so that user input can be stored in one canonical form. */
    public static String normalize(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** Letters must be upper-case and there must be no surrounding whitespace, so normalise user input first. */
    public static Result validate(String value) {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Result.FORMAT;
        }
        if (value.charAt(LENGTH - 1) != checkChar(value.substring(0, LENGTH - 1))) {
            return Result.CHECKSUM;
        }
        // The overall check character does not protect the embedded code on its own: a code copied with a
        // wrong organisation code but a recomputed check character would otherwise pass.
        if (!OrganizationCodes.isValid(value.substring(ORGANIZATION_CODE_START, ORGANIZATION_CODE_END))) {
            return Result.EMBEDDED_ORGANIZATION_CODE;
        }
        return Result.VALID;
    }

    public static boolean isValid(String value) {
        return validate(value).isValid();
    }

    /** The embedded organisation code in its printed form (XXXXXXXX-C), if the whole code is valid. */
    public static Optional<String> organizationCode(String value) {
        if (!isValid(value)) {
            return Optional.empty();
        }
        String embedded = value.substring(ORGANIZATION_CODE_START, ORGANIZATION_CODE_END);
        return Optional.of(OrganizationCodes.normalize(embedded));
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("Expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Unexpected character at position " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        // 31 - (sum mod 31) lies in 1..31; 31 wraps round to the character whose value is 0.
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
