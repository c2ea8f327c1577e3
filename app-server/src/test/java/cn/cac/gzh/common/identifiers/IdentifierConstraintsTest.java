package cn.cac.gzh.common.identifiers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotations through a real Hibernate Validator, with the validation clock fixed. */
class IdentifierConstraintsTest {

    /** 2025-06-15 23:30 in Shanghai, still 15:30 in UTC. */
    private static final Instant LATE_EVENING_IN_SHANGHAI = Instant.parse("2025-06-15T15:30:00Z");

    /** 2025-06-16 00:30 in Shanghai but still 2025-06-15 in UTC, so only the Shanghai calendar admits 16 June. */
    private static final Instant JUST_AFTER_MIDNIGHT_IN_SHANGHAI = Instant.parse("2025-06-15T16:30:00Z");

    private static final String BORN_16_JUNE_2025 = "110105202506161230";

    record Applicant(
            @ResidentIdNumber String idNumber,
            @UnifiedSocialCreditCode String creditCode,
            @OrganizationCode String organizationCode,
            @UnitCode String unitCode,
            @MobileNumber String mobile) {

        static Applicant valid() {
            return new Applicant("11010519491231002X", "91310110666007217T", "66600721-7", "91310110666007217T",
                    "+86 13912345678");
        }
    }

    record LegalRepresentative(@ResidentIdNumber(message = "法定代表人身份证号码无效") String idNumber) {
    }

    record Contacts(List<@MobileNumber String> mobiles) {
    }

    private final ValidatorFactory factory = factoryAt(LATE_EVENING_IN_SHANGHAI);
    private final Validator validator = factory.getValidator();

    @AfterEach
    void closeFactory() {
        factory.close();
    }

    @Test
    void acceptsValidValues() {
        assertThat(validator.validate(Applicant.valid())).isEmpty();
    }

    @Test
    void treatsNullAndEmptyAsValidBecauseRequirednessIsCheckedElsewhere() {
        assertThat(validator.validate(new Applicant(null, null, null, null, null))).isEmpty();
        assertThat(validator.validate(new Applicant("", "", "", "", ""))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1101051949123100   | 身份证号码格式应为18位，最后一位可为X
            11010519491231002Y | 身份证号码格式应为18位，最后一位可为X
            990102199003071233 | 身份证号码前两位不是有效的省级行政区划代码
            110105199002301231 | 身份证号码中的出生日期无效或晚于今天
            110105202506161230 | 身份证号码中的出生日期无效或晚于今天
            110105194912310020 | 身份证号码校验位不正确
            """)
    void explainsWhyAResidentIdNumberIsInvalid(String idNumber, String message) {
        assertThat(messages(validator.validate(withIdNumber(idNumber)))).containsExactly(message);
    }

    @Test
    void acceptsALowerCaseCheckCharacter() {
        assertThat(validator.validate(withIdNumber("11010519491231002x"))).isEmpty();
    }

    @Test
    void countsTodayInTheShanghaiCalendar() {
        assertThat(validator.validate(withIdNumber(BORN_16_JUNE_2025))).hasSize(1);
        try (ValidatorFactory afterMidnight = factoryAt(JUST_AFTER_MIDNIGHT_IN_SHANGHAI)) {
            assertThat(afterMidnight.getValidator().validate(withIdNumber(BORN_16_JUNE_2025))).isEmpty();
        }
    }

    @Test
    void aMessageWrittenAtTheUseSiteWins() {
        assertThat(messages(validator.validate(new LegalRepresentative("990102199003071233"))))
                .containsExactly("法定代表人身份证号码无效");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            9131011066600721   | 统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）
            91310110666007217t | 统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）
            91310110666007217A | 统一社会信用代码校验位不正确
            91310110666007218X | 统一社会信用代码第9至17位不是有效的组织机构代码
            """)
    void explainsWhyAUnifiedSocialCreditCodeIsInvalid(String code, String message) {
        Applicant applicant = new Applicant(null, code, null, null, null);
        assertThat(messages(validator.validate(applicant))).containsExactly(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"66600721-8", "6660072", "ma0kd1y6-4"})
    void rejectsAnInvalidOrganizationCode(String code) {
        Applicant applicant = new Applicant(null, null, code, null, null);
        assertThat(messages(validator.validate(applicant))).containsExactly("组织机构代码无效");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310110666007217T", "66600721-7", "666007217", "92141127MA0KD1Y64A"})
    void acceptsEitherKindOfUnitCode(String code) {
        assertThat(validator.validate(new Applicant(null, null, null, code, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310110666007217A", "91310110666007218X", "66600721-8", "6660072", "13912345678"})
    void rejectsAnInvalidUnitCode(String code) {
        Applicant applicant = new Applicant(null, null, null, code, null);
        assertThat(messages(validator.validate(applicant))).containsExactly("应为有效的统一社会信用代码或组织机构代码");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "1391234567", "+87 13912345678"})
    void rejectsAnInvalidMobileNumber(String mobile) {
        Applicant applicant = new Applicant(null, null, null, null, mobile);
        assertThat(messages(validator.validate(applicant))).containsExactly("手机号码无效");
    }

    @Test
    void validatesContainerElements() {
        Set<ConstraintViolation<Contacts>> violations =
                validator.validate(new Contacts(List.of("13912345678", "12345678901")));
        assertThat(messages(violations)).containsExactly("手机号码无效");
        assertThat(violations.iterator().next().getPropertyPath().toString()).isEqualTo("mobiles[1].<list element>");
    }

    @Test
    void reportsOneViolationPerInvalidValue() {
        Applicant applicant = new Applicant("990102199003071233", "91310110666007217A", "66600721-8", "6660072",
                "12345678901");
        assertThat(validator.validate(applicant)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("idNumber", "creditCode", "organizationCode", "unitCode", "mobile");
    }

    private static Applicant withIdNumber(String idNumber) {
        return new Applicant(idNumber, null, null, null, null);
    }

    private static <T> List<String> messages(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }

    private static ValidatorFactory factoryAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return Validation.byDefaultProvider().configure().clockProvider(() -> clock).buildValidatorFactory();
    }
}
