package cn.cac.gzh.common.identifiers;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based tests (jqwik) of the identifier validators: arbitrary input never throws, generated valid numbers
 * (check characters computed here, independently of the production code) are accepted, and a changed character is
 * refused. Rerun with more tries: {@code -Djqwik.tries.default=10000} (docs/architecture.md "Fuzzing").
 */
class IdentifierProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final List<String> ID_PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final String ID_CHECK = "10X98765432";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    // --- arbitrary input never throws -------------------------------------------------------------------------------

    @Property
    void arbitraryInputNeverThrows(@ForAll("junk") String value) {
        ResidentIdNumbers.validate(value, TODAY);
        ResidentIdNumbers.birthDate(value);
        ResidentIdNumbers.validate(ResidentIdNumbers.normalize(value), TODAY);
        UnifiedSocialCreditCodes.validate(value);
        UnifiedSocialCreditCodes.organizationCode(value);
        UnifiedSocialCreditCodes.validate(UnifiedSocialCreditCodes.normalize(value));
        OrganizationCodes.validate(value);
        OrganizationCodes.validate(OrganizationCodes.normalize(value));
        MobileNumbers.isValid(value);
        MobileNumbers.isValid(MobileNumbers.normalize(value));
        new UnitCodeValidator().isValid(value, null);
        new MobileNumberValidator().isValid(value, null);
    }

    /** Any string, plus strings of the identifiers' own characters and lengths, which reach the deeper checks. */
    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789Xx").ofLength(18),
                Arbitraries.strings().withChars(USCC_ALPHABET + "IOSVZ-").ofMinLength(8).ofMaxLength(19),
                Arbitraries.strings().withChars("0123456789+- ").ofMinLength(9).ofMaxLength(16),
                // full-width and other Unicode digits, which must not pass for ASCII ones
                Arbitraries.strings().withChars("0123456789０１２３４５６７８９٠١٢٣").ofLength(18));
    }

    // --- resident ID numbers ----------------------------------------------------------------------------------------

    @Property
    void generatedResidentIdNumbersAreAccepted(@ForAll("residentIds") String id) {
        assertThat(ResidentIdNumbers.validate(id, TODAY)).isEqualTo(ResidentIdNumbers.Result.VALID);
        // a lower-case x is accepted as it is; normalising gives the upper-case form
        assertThat(ResidentIdNumbers.isValid(id.toLowerCase(Locale.ROOT), TODAY)).isTrue();
        assertThat(ResidentIdNumbers.normalize(" " + id.toLowerCase(Locale.ROOT) + "\t")).isEqualTo(id);
    }

    @Property
    void surroundingWhitespaceIsRefusedUntilNormalised(@ForAll("residentIds") String id, @ForAll("whitespace") String space) {
        assertThat(ResidentIdNumbers.validate(space + id, TODAY)).isEqualTo(ResidentIdNumbers.Result.FORMAT);
        assertThat(ResidentIdNumbers.validate(id + space, TODAY)).isEqualTo(ResidentIdNumbers.Result.FORMAT);
        assertThat(ResidentIdNumbers.isValid(ResidentIdNumbers.normalize(space + id + space), TODAY)).isTrue();
    }

    @Property
    void anyOtherCheckCharacterIsRefused(@ForAll("residentIds") String id, @ForAll char replacement) {
        char check = id.charAt(17);
        if (Character.toUpperCase(replacement) == check) {
            return;
        }
        assertThat(ResidentIdNumbers.isValid(id.substring(0, 17) + replacement, TODAY)).isFalse();
    }

    /** MOD 11-2 detects every single substitution, so a changed digit anywhere is refused too. */
    @Property
    void anySingleDigitChangeIsRefused(@ForAll("residentIds") String id,
            @ForAll("positions17") int position, @ForAll("digits") char digit) {
        if (id.charAt(position) == digit) {
            return;
        }
        String changed = id.substring(0, position) + digit + id.substring(position + 1);
        assertThat(ResidentIdNumbers.isValid(changed, TODAY)).isFalse();
    }

    @Provide
    Arbitrary<String> residentIds() {
        Arbitrary<String> citizens = Combinators.combine(Arbitraries.of(ID_PROVINCES), digits(4), birthDates(), digits(3))
                .as((province, area, birth, sequence) -> province + area + birth + sequence);
        Arbitrary<String> foreigners = Combinators.combine(
                        Arbitraries.of(ID_PROVINCES.stream().filter(p -> p.compareTo("70") < 0).toList()), digits(3), birthDates(), digits(3))
                .as((province, nationality, birth, sequence) -> "9" + province + nationality + birth + sequence);
        return Arbitraries.oneOf(citizens, foreigners).map(first17 -> first17 + idCheck(first17));
    }

    private static Arbitrary<String> birthDates() {
        long days = TODAY.toEpochDay() - ResidentIdNumbers.EARLIEST_BIRTH_DATE.toEpochDay();
        return Arbitraries.longs().between(0, days)
                .map(d -> ResidentIdNumbers.EARLIEST_BIRTH_DATE.plusDays(d))
                .map(date -> String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    private static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    // --- unified social credit codes --------------------------------------------------------------------------------

    @Property
    void generatedCreditCodesAreAccepted(@ForAll("creditCodes") String code) {
        assertThat(UnifiedSocialCreditCodes.validate(code)).isEqualTo(UnifiedSocialCreditCodes.Result.VALID);
        assertThat(new UnitCodeValidator().isValid(code, null)).isTrue();
        assertThat(UnifiedSocialCreditCodes.organizationCode(code)).hasValue(code.substring(8, 16) + "-" + code.charAt(16));
    }

    @Property
    void creditCodesMustBeUpperCaseWithoutSurroundingSpace(@ForAll("creditCodes") String code, @ForAll("whitespace") String space) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (!lower.equals(code)) {
            assertThat(UnifiedSocialCreditCodes.validate(lower)).isEqualTo(UnifiedSocialCreditCodes.Result.FORMAT);
        }
        assertThat(UnifiedSocialCreditCodes.validate(space + code)).isEqualTo(UnifiedSocialCreditCodes.Result.FORMAT);
        assertThat(UnifiedSocialCreditCodes.normalize(space + lower + space)).isEqualTo(code);
    }

    @Property
    void anyOtherCreditCodeCheckCharacterIsRefused(@ForAll("creditCodes") String code, @ForAll char replacement) {
        if (replacement == code.charAt(17)) {
            return;
        }
        assertThat(UnifiedSocialCreditCodes.isValid(code.substring(0, 17) + replacement)).isFalse();
        assertThat(new UnitCodeValidator().isValid(code.substring(0, 17) + replacement, null)).isFalse();
    }

    /** The MOD 31 weights are all non-zero modulo the prime 31: every single substitution within the alphabet is caught. */
    @Property
    void anySingleCreditCodeCharacterChangeIsRefused(@ForAll("creditCodes") String code,
            @ForAll("positions17") int position, @ForAll("usccChars") char replacement) {
        if (code.charAt(position) == replacement) {
            return;
        }
        assertThat(UnifiedSocialCreditCodes.isValid(code.substring(0, position) + replacement + code.substring(position + 1)))
                .isFalse();
    }

    @Provide
    Arbitrary<String> creditCodes() {
        net.jqwik.api.arbitraries.StringArbitrary usccChars = Arbitraries.strings().withChars(USCC_ALPHABET);
        return Combinators.combine(usccChars.ofLength(2), digits(6), usccChars.ofLength(8))
                .as((registration, area, orgBody) -> registration + area + orgBody + orgCheck(orgBody))
                .filter(first17 -> USCC_ALPHABET.indexOf(first17.charAt(16)) >= 0)
                .map(first17 -> first17 + usccCheck(first17));
    }

    @Provide
    Arbitrary<Character> usccChars() {
        return Arbitraries.of(USCC_ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }

    private static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    // --- organisation codes -----------------------------------------------------------------------------------------

    @Property
    void generatedOrganizationCodesAreAcceptedWithOrWithoutHyphen(@ForAll("organizationBodies") String body) {
        char check = orgCheck(body);
        assertThat(OrganizationCodes.validate(body + check)).isEqualTo(OrganizationCodes.Result.VALID);
        assertThat(OrganizationCodes.validate(body + "-" + check)).isEqualTo(OrganizationCodes.Result.VALID);
        assertThat(new UnitCodeValidator().isValid(body + "-" + check, null)).isTrue();
        assertThat(OrganizationCodes.normalize("  " + (body + check).toLowerCase(Locale.ROOT) + " ")).isEqualTo(body + "-" + check);
    }

    @Property
    void organizationCodesMustBeUpperCaseWithoutSurroundingSpace(@ForAll("organizationBodies") String body,
            @ForAll("whitespace") String space) {
        String code = body + "-" + orgCheck(body);
        String lower = code.toLowerCase(Locale.ROOT);
        if (!lower.equals(code)) {
            assertThat(OrganizationCodes.isValid(lower)).isFalse();
        }
        assertThat(OrganizationCodes.isValid(space + code)).isFalse();
        assertThat(OrganizationCodes.isValid(code + space)).isFalse();
    }

    @Property
    void anyOtherOrganizationCheckCharacterIsRefused(@ForAll("organizationBodies") String body, @ForAll char replacement) {
        if (replacement == orgCheck(body)) {
            return;
        }
        assertThat(OrganizationCodes.isValid(body + replacement)).isFalse();
        assertThat(OrganizationCodes.isValid(body + "-" + replacement)).isFalse();
    }

    @Provide
    Arbitrary<String> organizationBodies() {
        return Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z').ofLength(8);
    }

    private static char orgCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            sum += (c <= '9' ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    // --- mobile numbers ---------------------------------------------------------------------------------------------

    @Property
    void generatedMobileNumbersAreAcceptedWithEveryPrefix(@ForAll("mobiles") String number,
            @ForAll("mobilePrefixes") String prefix) {
        assertThat(MobileNumbers.isValid(prefix + number)).isTrue();
        assertThat(MobileNumbers.normalize(prefix + number)).isEqualTo(number);
    }

    @Property
    void mobileNumbersAreRefusedWithSurroundingSpaceUntilNormalised(@ForAll("mobiles") String number,
            @ForAll("whitespace") String space) {
        assertThat(MobileNumbers.isValid(space + number)).isFalse();
        assertThat(MobileNumbers.isValid(number + space)).isFalse();
        assertThat(MobileNumbers.normalize(space + number + space)).isEqualTo(number);
    }

    @Property
    void aMobileNumberWithANonDigitOrAWrongLengthIsRefused(@ForAll("mobiles") String number,
            @ForAll("positions11") int position, @ForAll char replacement) {
        if (replacement >= '0' && replacement <= '9') {
            return;
        }
        assertThat(MobileNumbers.isValid(number.substring(0, position) + replacement + number.substring(position + 1))).isFalse();
        assertThat(MobileNumbers.isValid(number.substring(1))).isFalse();
        assertThat(MobileNumbers.isValid(number + number.charAt(position))).isFalse();
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Combinators.combine(Arbitraries.integers().between(3, 9), digits(9)).as((second, rest) -> "1" + second + rest);
    }

    @Provide
    Arbitrary<String> mobilePrefixes() {
        return Arbitraries.of("", "86", "+86", "86 ", "+86 ", "86-", "+86-");
    }

    // --- shared -----------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(" \t\n\r\u000B\f").ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<Integer> positions17() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Integer> positions11() {
        return Arbitraries.integers().between(0, 10);
    }

    @Provide
    Arbitrary<Character> digits() {
        return Arbitraries.chars().range('0', '9');
    }

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().numeric().ofLength(length);
    }
}
