package cn.cac.gzh.common.identifiers;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import cn.cac.gzh.common.identifiers.ResidentIdNumbers.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResidentIdNumbersTest {

    /** Fixed so that "born tomorrow" and "born today" rows stay meaningful. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    // Synthetic numbers whose check characters were computed once with the GB 11643 algorithm, except the
    // two examples from the standard itself.
    static Stream<String> validNumbers() {
        return Stream.of(
                "11010519491231002X", // GB 11643 example, check X
                "440524188001010014", // GB 11643 example, born 1880
                "110105199003071239",
                "110105185001010013", // earliest accepted birth date
                "110105200002290021", // 29 February of a leap year
                "31011520250615003X", // born today
                "310115198801010030", // check 0
                "710000198001010045", // Taiwan
                "810000199912310055", // Hong Kong
                "820000200101010064", // Macao
                "830000198506150024", // residence permit of a Taiwan resident
                "830000200101010066", // residence permit of a Taiwan resident
                "931840198506150015", // foreigner's permanent residence ID (2023), issued in Shanghai
                "650102198511110072",
                "540102197007070083");
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void acceptsValidNumbers(String number) {
        assertThat(ResidentIdNumbers.validate(number, TODAY)).isEqualTo(Result.VALID);
        assertThat(ResidentIdNumbers.isValid(number, TODAY)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002x", "31011520250615003x"})
    void acceptsLowerCaseCheckCharacter(String number) {
        assertThat(ResidentIdNumbers.validate(number, TODAY)).isEqualTo(Result.VALID);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                    | FORMAT
            1101051949123100      | FORMAT
            11010519491231002     | FORMAT
            11010519491231002XX   | FORMAT
            110105194912310020X   | FORMAT
            110105491231002       | FORMAT
            11010519491231002Y    | FORMAT
            11010519491231002Z    | FORMAT
            1101051949123100X2    | FORMAT
            A10105194912310020    | FORMAT
            1101-5194912310020    | FORMAT
            ' 11010519491231002X' | FORMAT
            '11010519491231002X ' | FORMAT
            １１０１０５１９４９１２３１００２X | FORMAT
            990102199003071233    | PROVINCE
            000102199003071234    | PROVINCE
            160102199003071239    | PROVINCE
            840000199003071232    | PROVINCE
            860000199003071236    | PROVINCE
            983840198506150016    | PROVINCE
            971840198506150012    | PROVINCE
            830000198506150025    | CHECKSUM
            931840198506150016    | CHECKSUM
            110105199002301231    | BIRTH_DATE
            110105190013011239    | BIRTH_DATE
            110105199001001237    | BIRTH_DATE
            110105190002291239    | BIRTH_DATE
            110105184912311234    | BIRTH_DATE
            110105202506161230    | BIRTH_DATE
            110105210001011237    | BIRTH_DATE
            110105194912310020    | CHECKSUM
            440524188001010015    | CHECKSUM
            110105199003071238    | CHECKSUM
            11010519900307123X    | CHECKSUM
            310115202506150030    | CHECKSUM
            """)
    void rejectsInvalidNumbersWithTheReason(String number, Result expected) {
        assertThat(ResidentIdNumbers.validate(number, TODAY)).isEqualTo(expected);
        assertThat(ResidentIdNumbers.isValid(number, TODAY)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(ResidentIdNumbers.validate(null, TODAY)).isEqualTo(Result.FORMAT);
    }

    @Test
    void birthDateIsComparedWithTheGivenDay() {
        assertThat(ResidentIdNumbers.validate("110105202506161230", TODAY.plusDays(1))).isEqualTo(Result.VALID);
        assertThat(ResidentIdNumbers.validate("31011520250615003X", TODAY.minusDays(1))).isEqualTo(Result.BIRTH_DATE);
    }

    /** Every wrong check character is caught, not just the ones in the table above. */
    static Stream<Arguments> numbersWithWrongCheckCharacter() {
        return validNumbers().flatMap(valid -> "0123456789X".chars()
                .filter(c -> c != valid.charAt(17))
                .mapToObj(c -> Arguments.of(valid.substring(0, 17) + (char) c)));
    }

    @ParameterizedTest
    @MethodSource("numbersWithWrongCheckCharacter")
    void rejectsEveryWrongCheckCharacter(String number) {
        assertThat(ResidentIdNumbers.validate(number, TODAY)).isEqualTo(Result.CHECKSUM);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002x       | 11010519491231002X
            '  11010519491231002X  ' | 11010519491231002X
            440524188001010014       | 440524188001010014
            ''                       | ''
            """)
    void normalizesCaseAndWhitespace(String input, String expected) {
        assertThat(ResidentIdNumbers.normalize(input)).isEqualTo(expected);
    }

    @Test
    void normalizesNullToNull() {
        assertThat(ResidentIdNumbers.normalize(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            11010519491231002X | 1949-12-31
            11010519491231002x | 1949-12-31
            440524188001010014 | 1880-01-01
            110105200002290021 | 2000-02-29
            110105202506161230 | 2025-06-16
            """)
    void extractsTheBirthDate(String number, LocalDate expected) {
        assertThat(ResidentIdNumbers.birthDate(number)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource({"110105199002301231", "110105190013011239", "1101051949123100", "11010519491231002Y"})
    void hasNoBirthDateWhenMalformedOrNotACalendarDate(String number) {
        assertThat(ResidentIdNumbers.birthDate(number)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "44052418800101001, 4", "31011519880101003, 0"})
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(ResidentIdNumbers.checkChar(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource({"1101051949123100", "1101051949123100A"})
    void refusesToComputeACheckCharacterForMalformedInput(String first17) {
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumbers.checkChar(first17));
    }
}
