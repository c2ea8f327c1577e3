package cn.cac.gzh.common.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resident identity card numbers (公民身份号码) as defined by GB 11643-1999: a six-digit address code,
 * an eight-digit birth date, a three-digit sequence number and a check character (a digit or X).
 */
public final class ResidentIdNumbers {

    /** Why a number was accepted or rejected, in the order the checks run. */
    public enum Result {
        VALID, FORMAT, PROVINCE, BIRTH_DATE, CHECKSUM;

        public boolean isValid() {
            return this == VALID;
        }
    }

    public static final int LENGTH = 18;

    /** Early enough to admit the standard's own example (born 1880), late enough to catch typos like 0990. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1850, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    /** Province-level codes of GB/T 2260, including Taiwan (71), Hong Kong (81) and Macao (82). */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    private ResidentIdNumbers() {
    }

    /** Trims and upper-cases the check character, so that user input can be stored in one canonical form. */
    public static String normalize(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * Checks a number against {@code today} (passed in so that callers and tests control the clock).
     * A lower-case x is accepted as the check character; surrounding whitespace is not, so normalise first.
     */
    public static Result validate(String value, LocalDate today) {
        if (!hasValidFormat(value)) {
            return Result.FORMAT;
        }
        if (!PROVINCE_CODES.contains(value.substring(0, 2))) {
            return Result.PROVINCE;
        }
        Optional<LocalDate> birthDate = calendarDate(value);
        if (birthDate.isEmpty()
                || birthDate.get().isBefore(EARLIEST_BIRTH_DATE)
                || birthDate.get().isAfter(today)) {
            return Result.BIRTH_DATE;
        }
        if (Character.toUpperCase(value.charAt(LENGTH - 1)) != checkChar(value.substring(0, LENGTH - 1))) {
            return Result.CHECKSUM;
        }
        return Result.VALID;
    }

    public static boolean isValid(String value, LocalDate today) {
        return validate(value, today).isValid();
    }

    /**
     * The birth date encoded in a number (normalised first, so case and surrounding whitespace do not matter), or empty
     * if the number is malformed or the date does not exist. Province, date range and check character are not
     * verified here; use {@link #validate} for that.
     */
    public static Optional<LocalDate> birthDate(String value) {
        String normalized = normalize(value);
        return hasValidFormat(normalized) ? calendarDate(normalized) : Optional.empty();
    }

    /** The check character for the first 17 digits of a number. */
    public static char checkChar(String first17Digits) {
        if (first17Digits == null || first17Digits.length() != LENGTH - 1 || !allAsciiDigits(first17Digits)) {
            throw new IllegalArgumentException("Expected 17 ASCII digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean hasValidFormat(String value) {
        if (value == null || value.length() != LENGTH || !allAsciiDigits(value.substring(0, LENGTH - 1))) {
            return false;
        }
        char last = value.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X' || last == 'x';
    }

    private static Optional<LocalDate> calendarDate(String wellFormed) {
        int year = Integer.parseInt(wellFormed.substring(6, 10));
        int month = Integer.parseInt(wellFormed.substring(10, 12));
        int day = Integer.parseInt(wellFormed.substring(12, 14));
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notACalendarDate) {
            return Optional.empty();
        }
    }

    // Character.isDigit would also admit full-width and other Unicode digits, which are not valid here.
    private static boolean allAsciiDigits(String value) {
        return value.chars().allMatch(c -> isAsciiDigit((char) c));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
