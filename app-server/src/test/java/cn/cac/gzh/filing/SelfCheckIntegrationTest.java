package cn.cac.gzh.filing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Notice §2 through the HTTP endpoint, with the seeded Sui County dictionary. */
@IntegrationTest
class SelfCheckIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} → required={1}, terms={2}")
    @CsvSource(delimiter = '|', textBlock = """
            睢县发布          | true  | 睢县
            睢縣發佈          | true  | 睢县
            中原水城生活      | true  | 中原水城
            ｜北湖｜夜景      | true  | 北湖
            蓼堤人            | true  | 蓼堤
            襄邑文化 · 睢州   | true  | 襄邑,睢州
            商丘美食          | false |
            城关小吃          | false |
            """)
    @SuppressWarnings("unchecked")
    void nameCriterionUsesTheDictionary(String name, boolean required, String terms) {
        var result = MiniApi.on(port).post("/api/mini/self-check", null, Map.of("accountName", name));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("filingRequired")).isEqualTo(required);
        List<String> matched = ((List<Map<String, Object>>) result.get("matchedTerms")).stream()
                .map(t -> (String) t.get("term")).toList();
        assertThat(matched).containsExactlyElementsOf(terms == null ? List.of() : List.of(terms.split(",")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyOneAnswerMakesFilingRequired() {
        Map<String, Object> request = new HashMap<>(Map.of("accountName", "美食探店"));
        var none = MiniApi.on(port).post("/api/mini/self-check", null, request);
        assertThat(none.get("filingRequired")).isEqualTo(false);
        assertThat((String) none.get("conclusion")).contains("暂不属于");

        request.put("registrantLocal", true);
        var one = MiniApi.on(port).post("/api/mini/self-check", null, request);

        assertThat(one.get("filingRequired")).isEqualTo(true);
        assertThat((List<Map<String, Object>>) one.get("criteria")).hasSize(5)
                .filteredOn(c -> Boolean.TRUE.equals(c.get("met"))).extracting(c -> c.get("criterion"))
                .containsExactly("LOCAL_REGISTRANT");
    }

    @Test
    void nameIsRequired() {
        var result = MiniApi.on(port).post("/api/mini/self-check", null, Map.of("accountName", ""));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.fieldErrors()).extracting(e -> e.get("field")).containsExactly("accountName");
    }
}
