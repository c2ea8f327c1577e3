package cn.cac.gzh.common.identifiers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resident identity card numbers (公民身份号码) as defined by GB 11643-1999: a six-digit address code,
 * an eight-digit birth date, a three-digit sequence number and a check character (a digit or X).
 * <p>
 * Accepted are all 18-character numbers that mainland authorities issue in this format:
 * <ul>
 * <li>citizens' numbers, whose first two digits are a province-level code of GB/T 2260 (including the legacy
 * Taiwan code 71);</li>
 * <li>residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民居住证), address codes 810000,
 * 820000 and 830000;</li>
 * <li>foreigners' permanent residence ID cards of 2023 (外国人永久居留身份证): a 9, the two-digit province code
 * of the issuing office, a three-digit nationality code, then birth date, sequence and check character
 * exactly as above.</li>
 * </ul>
 * The check character is GB 11643's MOD 11-2 for all of them.
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

    /** Mainland province-level codes of GB/T 2260 (the offices that issue foreigners' permanent residence IDs). */
    private static final Set<String> MAINLAND_PROVINCE_CODES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65");

    /**
     * First two digits of every accepted number that is not a foreigner's: mainland provinces, Taiwan's legacy
     * code 71, and the residence permits of Hong Kong (81), Macao (82) and Taiwan (83) residents.
     */
    private static final Set<String> PROVINCE_CODES;

    static {
        var codes = new java.util.HashSet<>(MAINLAND_PROVINCE_CODES);
        codes.addAll(Set.of("71", "81", "82", "83"));
        PROVINCE_CODES = Set.copyOf(codes);
    }

    /** The first digit of a foreigner's permanent residence ID (2023); citizens' numbers start with 1 to 8. */
    private static final char FOREIGNER_MARK = '9';

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
        if (!hasKnownAddressCode(value)) {
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

    private static boolean hasKnownAddressCode(String wellFormed) {
        if (wellFormed.charAt(0) == FOREIGNER_MARK) {
            return MAINLAND_PROVINCE_CODES.contains(wellFormed.substring(1, 3));
        }
        return PROVINCE_CODES.contains(wellFormed.substring(0, 2));
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
