package cn.cac.gzh.common.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import static org.assertj.core.api.Assertions.assertThat;

class MobileNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13912345678       | 13912345678
            13012345678       | 13012345678
            14512345678       | 14512345678
            15012345678       | 15012345678
            16612345678       | 16612345678
            17712345678       | 17712345678
            18812345678       | 18812345678
            19912345678       | 19912345678
            +8613912345678    | 13912345678
            '+86 13912345678' | 13912345678
            +86-13912345678   | 13912345678
            8613912345678     | 13912345678
            '86 13912345678'  | 13912345678
            86-13912345678    | 13912345678
            """)
    void acceptsValidNumbersAndNormalizesThemToElevenDigits(String number, String national) {
        assertThat(MobileNumbers.isValid(number)).isTrue();
        assertThat(MobileNumbers.normalize(number)).isEqualTo(national);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource(delimiter = '|', textBlock = """
            12345678901
            12012345678
            10012345678
            11012345678
            1391234567
            139123456789
            +861391234567
            +8612012345678
            '+87 13912345678'
            '0086 13912345678'
            '+86  13912345678'
            '+86 - 13912345678'
            86+13912345678
            ' 13912345678'
            '13912345678 '
            '139 1234 5678'
            139-1234-5678
            1391234567a
            １３９１２３４５６７８
            +86
            86
            '+86 '
            """)
    void rejectsInvalidNumbers(String number) {
        assertThat(MobileNumbers.isValid(number)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '  +86 13912345678 ' | 13912345678
            ' 8613912345678'     | 13912345678
            ' 12345 '            | 12345
            '139 1234 5678'      | 139 1234 5678
            ''                   | ''
            """)
    void normalizeTrimsAndLeavesInvalidInputOtherwiseUnchanged(String input, String expected) {
        assertThat(MobileNumbers.normalize(input)).isEqualTo(expected);
    }

    @Test
    void normalizesNullToNull() {
        assertThat(MobileNumbers.normalize(null)).isNull();
    }
}
