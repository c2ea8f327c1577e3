package cn.cac.gzh.common.identifiers;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import cn.cac.gzh.common.identifiers.OrganizationCodes.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrganizationCodesTest {

    static Stream<String> validCodes() {
        return Stream.of(
                "66600721-7",
                "70846113-6",
                "80210043-3",
                "71610585-2",
                "55138508-2",
                "19220382-1",
                "40000062-4",
                "27944685-0", // 11 - (sum mod 11) = 11 gives '0'
                "M000100Y-4",
                "MA0KD1Y6-4",
                "MB2C0754-9",
                "10000018-X", // synthetic: 11 - (sum mod 11) = 10 gives 'X'
                "10000026-X");
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void acceptsValidCodesWithHyphen(String code) {
        assertThat(OrganizationCodes.validate(code)).isEqualTo(Result.VALID);
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void acceptsValidCodesWithoutHyphen(String code) {
        assertThat(OrganizationCodes.isValid(code.replace("-", ""))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | FORMAT
            6660072-17    | FORMAT
            66600721--7   | FORMAT
            66600721-     | FORMAT
            6660072       | FORMAT
            6660072-1     | FORMAT
            6660072170    | FORMAT
            666007210-7   | FORMAT
            66600721-A    | FORMAT
            66600721-x    | FORMAT
            ma0kd1y6-4    | FORMAT
            ' 66600721-7' | FORMAT
            66600721 7    | FORMAT
            66600721_7    | FORMAT
            ６６６００７２１-７   | FORMAT
            66600721-8    | CHECKSUM
            666007218     | CHECKSUM
            66600712-7    | CHECKSUM
            10000018-0    | CHECKSUM
            10000018-9    | CHECKSUM
            27944685-X    | CHECKSUM
            """)
    void rejectsInvalidCodesWithTheReason(String code, Result expected) {
        assertThat(OrganizationCodes.validate(code)).isEqualTo(expected);
        assertThat(OrganizationCodes.isValid(code)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(OrganizationCodes.validate(null)).isEqualTo(Result.FORMAT);
    }

    static Stream<Arguments> codesWithWrongCheckCharacter() {
        return validCodes().flatMap(valid -> "0123456789X".chars()
                .filter(c -> c != valid.charAt(9))
                .mapToObj(c -> Arguments.of(valid.substring(0, 9) + (char) c)));
    }

    @ParameterizedTest
    @MethodSource("codesWithWrongCheckCharacter")
    void rejectsEveryWrongCheckCharacter(String code) {
        assertThat(OrganizationCodes.validate(code)).isEqualTo(Result.CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            66600721-7     | 66600721-7
            666007217      | 66600721-7
            ' 666007217 '  | 66600721-7
            ma0kd1y6-4     | MA0KD1Y6-4
            10000018x      | 10000018-X
            66600721-8     | 66600721-8
            ' abc '        | ABC
            ''             | ''
            """)
    void normalizesToThePrintedForm(String input, String expected) {
        assertThat(OrganizationCodes.normalize(input)).isEqualTo(expected);
    }

    @Test
    void normalizesNullToNull() {
        assertThat(OrganizationCodes.normalize(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"66600721, 7", "27944685, 0", "10000018, X", "M000100Y, 4"})
    void computesTheCheckCharacter(String body, char expected) {
        assertThat(OrganizationCodes.checkChar(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource({"6660072", "666007210", "6660072a", "6660072-"})
    void refusesToComputeACheckCharacterForMalformedInput(String body) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrganizationCodes.checkChar(body));
    }
}
