package cn.cac.gzh.common.identifiers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifier cases the mini-program's utils/validation.js is tested with (miniprogram/shared/identifier-cases.json),
 * run through the server's validators: both sides must give the same answer on every case.
 * Maven runs tests in the module directory, so the table is one level up.
 */
class SharedIdentifierCasesTest {

    static final Path TABLE = Path.of("..", "miniprogram", "shared", "identifier-cases.json");

    static JsonNode table() {
        try {
            return new ObjectMapper().readTree(Files.readString(TABLE));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + TABLE.toAbsolutePath(), e);
        }
    }

    static Stream<Arguments> cases(String kind) {
        List<Arguments> rows = new ArrayList<>();
        for (JsonNode c : table().path(kind)) {
            rows.add(Arguments.of(c.path("value").asText(), c.path("valid").asBoolean(),
                    c.hasNonNull("result") ? c.get("result").asText() : null));
        }
        return rows.stream();
    }

    static Stream<Arguments> residentId() {
        return cases("residentId");
    }

    static Stream<Arguments> uscc() {
        return cases("uscc");
    }

    static Stream<Arguments> organizationCode() {
        return cases("organizationCode");
    }

    static Stream<Arguments> unitCode() {
        return cases("unitCode");
    }

    static Stream<Arguments> mobile() {
        return cases("mobile");
    }

    @Test
    void theTableHasAtLeastEightCasesOfEachKindWithBothAnswers() {
        JsonNode table = table();
        for (String kind : List.of("residentId", "uscc", "organizationCode", "mobile", "unitCode")) {
            JsonNode cases = table.path(kind);
            assertThat(cases.size()).as(kind).isGreaterThanOrEqualTo(8);
            assertThat(cases.findValuesAsText("valid")).as(kind).contains("true", "false");
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("residentId")
    void residentIdNumbers(String value, boolean valid, String result) {
        LocalDate today = LocalDate.parse(table().path("today").asText());
        assertThat(ResidentIdNumbers.validate(value, today).name()).isEqualTo(result);
        assertThat(ResidentIdNumbers.isValid(value, today)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("uscc")
    void unifiedSocialCreditCodes(String value, boolean valid, String result) {
        assertThat(UnifiedSocialCreditCodes.validate(value).name()).isEqualTo(result);
        assertThat(UnifiedSocialCreditCodes.isValid(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("organizationCode")
    void organizationCodes(String value, boolean valid, String result) {
        assertThat(OrganizationCodes.validate(value).name()).isEqualTo(result);
        assertThat(OrganizationCodes.isValid(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("unitCode")
    void unitCodes(String value, boolean valid, String ignored) {
        assertThat(new UnitCodeValidator().isValid(value, null)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("mobile")
    void mobileNumbers(String value, boolean valid, String ignored) {
        assertThat(MobileNumbers.isValid(value)).isEqualTo(valid);
    }
}
