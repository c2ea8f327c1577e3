package cn.cac.gzh.common.identifiers;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import cn.cac.gzh.common.identifiers.UnifiedSocialCreditCodes.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UnifiedSocialCreditCodesTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    static Stream<String> validCodes() {
        return Stream.of(
                "91310110666007217T",
                "91350100M000100Y43", // letters inside the embedded organisation code
                "92141127MA0KD1Y64A", // post-2015 "MA" organisation code
                "12440600MB2C07549J", // public institution (registered by the establishment office)
                "91440300708461136T",
                "91110000802100433B",
                "91330100716105852F",
                "91110108551385082Q",
                "914403001922038216",
                "91110000710935732K",
                "91440300279446850J", // embedded organisation code with check 0
                "12100000400000624D",
                // synthetic codes, check characters computed once with the GB 32100 / GB 11714 algorithms
                "913205071000004970", // 31 - (sum mod 31) = 31 wraps round to '0'
                "91320507100000139Y", // highest check value (30)
                "9132050710000018X2"); // embedded organisation code with check X
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void acceptsValidCodes(String code) {
        assertThat(UnifiedSocialCreditCodes.validate(code)).isEqualTo(Result.VALID);
        assertThat(UnifiedSocialCreditCodes.isValid(code)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                    | FORMAT
            91310110666007217     | FORMAT
            91310110666007217T0   | FORMAT
            91310110666007217t    | FORMAT
            91310110666007217I    | FORMAT
            9131011O666007217T    | FORMAT
            9131011066600S217T    | FORMAT
            9131011066600V217T    | FORMAT
            9131011066600Z217T    | FORMAT
            91310110-666007217T   | FORMAT
            ' 91310110666007217T' | FORMAT
            '91310110666007217T ' | FORMAT
            ９１３１０１１０６６６００７２１７T    | FORMAT
            91310110666007217A    | CHECKSUM
            91310110666007227T    | CHECKSUM
            19310110666007217T    | CHECKSUM
            913205071000004971    | CHECKSUM
            91350100M000100Y44    | CHECKSUM
            91350203M0001QKT19    | CHECKSUM
            91310110666007218X    | EMBEDDED_ORGANIZATION_CODE
            91440300708461137X    | EMBEDDED_ORGANIZATION_CODE
            9131011066600721A4    | EMBEDDED_ORGANIZATION_CODE
            9132050710000018Y5    | EMBEDDED_ORGANIZATION_CODE
            1210000040000062XT    | EMBEDDED_ORGANIZATION_CODE
            """)
    void rejectsInvalidCodesWithTheReason(String code, Result expected) {
        assertThat(UnifiedSocialCreditCodes.validate(code)).isEqualTo(expected);
        assertThat(UnifiedSocialCreditCodes.isValid(code)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(UnifiedSocialCreditCodes.validate(null)).isEqualTo(Result.FORMAT);
    }

    static Stream<Arguments> codesWithWrongCheckCharacter() {
        return validCodes().flatMap(valid -> ALPHABET.chars()
                .filter(c -> c != valid.charAt(17))
                .mapToObj(c -> Arguments.of(valid.substring(0, 17) + (char) c)));
    }

    @ParameterizedTest
    @MethodSource("codesWithWrongCheckCharacter")
    void rejectsEveryWrongCheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCodes.validate(code)).isEqualTo(Result.CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            91310110666007217T  | 66600721-7
            91350100M000100Y43  | M000100Y-4
            9132050710000018X2  | 10000018-X
            """)
    void extractsTheEmbeddedOrganizationCode(String code, String expected) {
        assertThat(UnifiedSocialCreditCodes.organizationCode(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource({"91310110666007218X", "91310110666007217A"})
    void hasNoOrganizationCodeWhenInvalid(String code) {
        assertThat(UnifiedSocialCreditCodes.organizationCode(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            91310110666007217t       | 91310110666007217T
            '  91350100m000100y43  ' | 91350100M000100Y43
            """)
    void normalizesCaseAndWhitespace(String input, String expected) {
        assertThat(UnifiedSocialCreditCodes.normalize(input)).isEqualTo(expected);
        assertThat(UnifiedSocialCreditCodes.isValid(UnifiedSocialCreditCodes.normalize(input))).isTrue();
    }

    @Test
    void normalizesNullToNull() {
        assertThat(UnifiedSocialCreditCodes.normalize(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"91310110666007217, T", "91320507100000497, 0", "91320507100000139, Y"})
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(UnifiedSocialCreditCodes.checkChar(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource({"9131011066600721", "9131011066600721I", "913101106660072170"})
    void refusesToComputeACheckCharacterForMalformedInput(String first17) {
        assertThatIllegalArgumentException().isThrownBy(() -> UnifiedSocialCreditCodes.checkChar(first17));
    }
}
