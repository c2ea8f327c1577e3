package cn.cac.gzh.filing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MaterialUploads;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a filing belongs: the operator names the county (or gets the default one); numbers run per county and year. */
@IntegrationTest
class FilingCountyIntegrationTest {

    /** 民权县, a second county of 商丘市 (411400). */
    private static final String MINQUAN = SecondCounty.CODE;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    MiniApi api;
    ConsoleClient admin;
    String token;

    @BeforeEach
    void setUp() {
        SecondCounty.ensure(jdbc);
        api = MiniApi.on(port);
        admin = new ConsoleClient(port);
        assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        token = api.loginWithConsent("county-" + UUID.randomUUID()).accessToken();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCountiesAreListedAndAFilingWithoutOneBelongsToTheDefaultCounty() {
        var counties = api.get("/api/regions/counties", null);
        assertThat(counties.get("defaultCountyCode")).isEqualTo("411422");
        assertThat(((List<Map<String, Object>>) counties.get("counties")).stream().map(c -> c.get("code")))
                .contains("411422", MINQUAN);

        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map("form").get("countyCode")).isEqualTo("411422");
        assertThat(jdbc.queryForObject("SELECT county_code FROM filing WHERE id = ?", String.class, created.id())).isEqualTo("411422");
    }

    @Test
    void numbersRunPerCountyAndANumberedFilingStaysInItsCounty() {
        long minquan = approved(MINQUAN);
        long sui = approved(null);
        String minquanNumber = jdbc.queryForObject("SELECT filing_number FROM filing WHERE id = ?", String.class, minquan);
        String suiNumber = jdbc.queryForObject("SELECT filing_number FROM filing WHERE id = ?", String.class, sui);
        assertThat(minquanNumber).matches(MINQUAN + "-\\d{4}-\\d{5}");
        assertThat(suiNumber).matches("411422-\\d{4}-\\d{5}");
        int year = Integer.parseInt(minquanNumber.substring(7, 11));
        assertThat(Integer.parseInt(minquanNumber.substring(12))).as("Minquan's own sequence").isEqualTo(jdbc.queryForObject(
                "SELECT last_value FROM filing_number_sequence WHERE county_code = ? AND year = ?", Integer.class, MINQUAN, year));

        // a change request may not move a numbered filing to another county
        var view = api.get("/api/mini/filings/" + sui, token);
        Map<String, Object> form = FilingForms.unitForm((String) ((Map<?, ?>) view.map("form").get("account")).get("originalId"));
        form.put("countyCode", MINQUAN);
        var moved = api.post("/api/mini/filings/" + sui + "/change-request", token, Map.of("version", view.version(), "form", form));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("COUNTY_LOCKED");
        assertThat(jdbc.queryForObject("SELECT county_code FROM filing WHERE id = ?", String.class, sui)).isEqualTo("411422");
    }

    @Test
    void anUnknownOrMalformedCountyIsRefusedAndNothingIsStored() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM filing", Integer.class);
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        form.put("countyCode", "999999");
        var unknown = api.post("/api/mini/filings", token, form);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("COUNTY_UNKNOWN");
        assertThat(unknown.get("message")).isEqualTo("所选县（区）不在本平台服务范围内");
        form.put("countyCode", "4114");
        var malformed = api.post("/api/mini/filings", token, form);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.fieldErrors()).anySatisfy(e -> assertThat(e.get("field")).isEqualTo("countyCode"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM filing", Integer.class)).isEqualTo(before);

        // a draft may move to another county of the city
        var created = api.post("/api/mini/filings", token, FilingForms.unitForm(FilingForms.newOriginalId()));
        Map<String, Object> moved = FilingForms.unitForm((String) ((Map<?, ?>) created.map("form").get("account")).get("originalId"));
        moved.put("countyCode", MINQUAN);
        var saved = api.put("/api/mini/filings/" + created.id(), token, Map.of("version", created.version(), "form", moved));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.map("form").get("countyCode")).isEqualTo(MINQUAN);
    }

    private long approved(String countyCode) {
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).isEqualTo(201);
        new MaterialUploads(api).completeChecklist(token, created.id(), "UNIT");
        assertThat(api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version())).status())
                .isEqualTo(200);
        assertThat(admin.post("/api/console/review/filings/" + created.id() + "/approve", null).status()).isEqualTo(200);
        return created.id();
    }
}
