package cn.cac.gzh.filing;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static cn.cac.testsupport.FilingForms.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every malformed field answers 400 with the field's path and a Chinese message, and nothing is stored. */
@IntegrationTest
class FilingValidationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    String token;

    @BeforeEach
    void setUp() {
        api = MiniApi.on(port);
        token = api.loginWithConsent("validation-" + UUID.randomUUID()).accessToken();
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                arguments("responsible ID checksum", "unit.responsiblePerson.idNumber", "校验位",
                        spoil(f -> section(f, "unit", "responsiblePerson").put("idNumber", "110105194912310021"))),
                arguments("responsible ID province", "unit.responsiblePerson.idNumber", "省级",
                        spoil(f -> section(f, "unit", "responsiblePerson").put("idNumber", "990105194912310025"))),
                arguments("administrator ID Feb 30", "unit.administrator.idNumber", "出生日期",
                        spoil(f -> section(f, "unit", "administrator").put("idNumber", "110105200002300011"))),
                arguments("administrator ID born in the future", "unit.administrator.idNumber", "出生日期",
                        spoil(f -> section(f, "unit", "administrator").put("idNumber", "110105209901010017"))),
                arguments("ID too short", "unit.responsiblePerson.idNumber", "18位",
                        spoil(f -> section(f, "unit", "responsiblePerson").put("idNumber", "11010519491231"))),
                arguments("USCC checksum", "unit.creditCode", "统一社会信用代码",
                        spoil(f -> section(f, "unit").put("creditCode", "91310110666007217A"))),
                arguments("organisation code checksum", "unit.creditCode", "统一社会信用代码或组织机构代码",
                        spoil(f -> section(f, "unit").put("creditCode", "66600721-8"))),
                arguments("responsible mobile", "unit.responsiblePerson.phone", "手机号码",
                        spoil(f -> section(f, "unit", "responsiblePerson").put("phone", "12912345678"))),
                arguments("administrator mobile", "unit.administrator.phone", "手机号码",
                        spoil(f -> section(f, "unit", "administrator").put("phone", "1391234567"))),
                arguments("WeChat ID", "account.wechatId", "微信号",
                        spoil(f -> section(f, "account").put("wechatId", "1abc"))),
                arguments("original ID", "account.originalId", "原始ID",
                        spoil(f -> section(f, "account").put("originalId", "gh_123"))),
                arguments("blank account name", "account.name", "不能为空",
                        spoil(f -> section(f, "account").put("name", "  "))),
                arguments("account name too long", "account.name", "长度",
                        spoil(f -> section(f, "account").put("name", "睢".repeat(65)))),
                arguments("opened in the future", "account.openedOn", "不能晚于今天",
                        spoil(f -> section(f, "account").put("openedOn", "2999-01-01"))),
                arguments("missing form type", "formType", "不能为空",
                        spoil(f -> f.remove("formType"))),
                arguments("missing account", "account", "不能为空",
                        spoil(f -> f.remove("account"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void invalidFieldIsRejectedAndNothingIsStored(String name, String field, String messagePart,
            Consumer<Map<String, Object>> spoil) {
        String originalId = FilingForms.newOriginalId();
        Map<String, Object> form = FilingForms.unitForm(originalId);
        spoil.accept(form);
        int before = filingCount();

        var response = api.post("/api/mini/filings", token, form);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.get("message")).isEqualTo("请求参数校验失败");
        assertThat(response.fieldErrors()).anySatisfy(error -> {
            assertThat(error.get("field")).isEqualTo(field);
            assertThat((String) error.get("message")).contains(messagePart);
        });
        assertThat(filingCount()).isEqualTo(before);
    }

    @Test
    void sameRulesApplyWhenSavingADraft() {
        var created = api.post("/api/mini/filings", token, FilingForms.minimalDraft(FilingForms.newOriginalId()));
        Map<String, Object> form = FilingForms.unitForm((String) section(created.map("form"), "account").get("originalId"));
        section(form, "unit", "responsiblePerson").put("idNumber", "110105194912310021");

        var response = api.put("/api/mini/filings/" + created.id(), token, Map.of("version", created.version(), "form", form));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).extracting(e -> e.get("field")).containsExactly("form.unit.responsiblePerson.idNumber");
        var unchanged = api.get("/api/mini/filings/" + created.id(), token);
        assertThat(unchanged.version()).isEqualTo(created.version());
        assertThat(section(unchanged.map("form"), "unit").get("name")).isNull();
    }

    @Test
    void organisationCodeAndLowerCaseXAreAccepted() {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        section(form, "unit").put("creditCode", "66600721-7");
        section(form, "unit", "responsiblePerson").put("idNumber", "11010519491231002x");
        section(form, "unit", "responsiblePerson").put("phone", "+86 13912345678");

        var response = api.post("/api/mini/filings", token, form);

        assertThat(response.status()).isEqualTo(201);
        assertThat(section(response.map("form"), "unit").get("creditCode")).isEqualTo("66600721-7");
        assertThat(section(response.map("form"), "unit", "responsiblePerson").get("phone")).isEqualTo("139****5678");
    }

    @Test
    void selfEmployedIndividualNeedsBusinessNameAndLicence() {
        Map<String, Object> form = FilingForms.individualForm(FilingForms.newOriginalId());
        section(form, "individual").put("selfEmployed", true);
        var created = api.post("/api/mini/filings", token, form);

        var response = api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("FILING_INCOMPLETE");
        assertThat(response.fieldErrors()).extracting(e -> (String) e.get("field"))
                .filteredOn(field -> field.startsWith("individual."))
                .containsExactlyInAnyOrder("individual.businessName", "individual.licenceNumber");
    }

    @Test
    void malformedJsonIsA400WithAStableCode() {
        int before = filingCount();

        var broken = api.postRaw("/api/mini/filings", token, "{\"formType\": \"UNIT\", \"account\": {");
        var wrongEnum = api.postRaw("/api/mini/filings", token, "{\"formType\": \"COMPANY\", \"account\": {\"name\": \"x\"}}");
        var wrongDate = api.postRaw("/api/mini/filings", token,
                "{\"formType\": \"UNIT\", \"account\": {\"name\": \"x\", \"openedOn\": \"2016-13-45\"}}");

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat((String) broken.get("message")).contains("JSON");
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(wrongDate.status()).isEqualTo(400);
        assertThat(filingCount()).isEqualTo(before);
    }

    @Test
    void unknownPathAndWrongIdTypeAreClearErrors() {
        assertThat(api.get("/api/mini/filings/abc", token).code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.get("/api/mini/filings/999999999", token).code()).isEqualTo("FILING_NOT_FOUND");
    }

    private static Consumer<Map<String, Object>> spoil(Consumer<Map<String, Object>> change) {
        return change;
    }

    private int filingCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM filing", Integer.class);
    }
}
