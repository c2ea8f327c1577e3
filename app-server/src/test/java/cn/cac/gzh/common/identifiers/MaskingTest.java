package cn.cac.gzh.common.identifiers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X | 110***********002X
            440524188001010014 | 440***********0014
            110105491231002    | 110********1002
            12345678901        | 123****8901
            12345678           | ********
            1234567            | *******
            123                | ***
            ''                 | ''
            """)
    void masksIdNumbers(String value, String expected) {
        assertThat(Masking.idNumber(value)).isEqualTo(expected).hasSameSizeAs(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13912345678   | 139****5678
            +8613912345678 | +86*******5678
            1391234567    | **********
            139123456     | *********
            12            | **
            ''            | ''
            """)
    void masksPhoneNumbers(String value, String expected) {
        assertThat(Masking.phone(value)).isEqualTo(expected).hasSameSizeAs(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            张三丰        | 张**
            张三          | 张*
            张            | *
            欧阳娜娜      | 欧***
            阿卜杜·热合曼 | 阿******
            𠮷野家        | 𠮷**
            ''            | ''
            """)
    void masksNames(String value, String expected) {
        assertThat(Masking.name(value)).isEqualTo(expected);
    }

    @Test
    void leavesNullAsNull() {
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.name(null)).isNull();
    }
}
