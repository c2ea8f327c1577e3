package cn.cac.testsupport;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Filings brought to review through the mini-program's API, as the tests of several counties need them. */
public final class Submissions {

    private Submissions() {
    }

    /**
     * A 表一 (unit) filing of {@code countyCode} (null: the default county) with its materials, submitted for review.
     *
     * @return the filing's id
     */
    public static long unitFiling(MiniApi api, String token, String originalId, String countyCode) {
        Map<String, Object> form = FilingForms.unitForm(originalId);
        if (countyCode != null) {
            form.put("countyCode", countyCode);
        }
        var created = api.post("/api/mini/filings", token, form);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        new MaterialUploads(api).completeChecklist(token, created.id(), "UNIT");
        assertThat(api.post("/api/mini/filings/" + created.id() + "/submit", token, Map.of("version", created.version()))
                .status()).isEqualTo(200);
        return created.id();
    }
}
