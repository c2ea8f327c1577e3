package cn.cac.gzh.region;

import java.util.List;
import java.util.Map;

import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.LocalServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Sui County seed, as the module API and the HTTP endpoint give it. */
@IntegrationTest
class RegionDictionaryIntegrationTest {

    @Autowired
    PlaceNameDictionary dictionary;
    @LocalServerPort
    int port;

    @Test
    void countyIsSuiCounty() {
        assertThat(dictionary.county("411422")).isEqualTo(new County("411422", "睢县", "河南省", "商丘市"));
    }

    @Test
    void townshipsAreSeededInOrder() {
        List<Township> townships = dictionary.townships("411422");

        assertThat(townships).hasSize(20);
        assertThat(townships.get(0).name()).isEqualTo("城关回族镇");
        assertThat(townships).extracting(Township::name).contains("蓼堤镇", "尤吉屯乡", "孙聚寨乡").doesNotHaveDuplicates();
        assertThat(townships).filteredOn(t -> t.name().endsWith("镇")).allMatch(t -> t.kind() == TownshipKind.TOWN);
        assertThat(townships).filteredOn(t -> t.name().endsWith("乡")).allMatch(t -> t.kind() == TownshipKind.TOWNSHIP);
    }

    @Test
    void placeNamesCoverHistoricNamesFeaturesAndTownshipAliases() {
        List<PlaceName> names = dictionary.placeNames("411422");

        assertThat(names).extracting(PlaceName::term, PlaceName::kind, PlaceName::township).contains(
                tuple("睢县", PlaceNameKind.COUNTY_NAME, null),
                tuple("襄邑", PlaceNameKind.HISTORIC_NAME, null),
                tuple("睢州", PlaceNameKind.HISTORIC_NAME, null),
                tuple("水城", PlaceNameKind.LOCAL_FEATURE, null),
                tuple("北湖", PlaceNameKind.LOCAL_FEATURE, null),
                tuple("蓼堤镇", PlaceNameKind.TOWNSHIP_NAME, "蓼堤镇"),
                tuple("蓼堤", PlaceNameKind.TOWNSHIP_ALIAS, "蓼堤镇"));
        // generic words are not local features
        assertThat(names).extracting(PlaceName::term).doesNotContain("城关", "城郊", "后台", "河堤");
        // longest first, so a matcher prefers 中原水城 to 水城
        assertThat(names).extracting(name -> name.term().length()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    @SuppressWarnings("unchecked")
    void dictionaryEndpointAnswersInChinese() {
        var response = LocalServer.client(port).get().uri("/api/regions/dictionary").retrieve()
                .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
                });

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
        var county = (Map<String, Object>) response.getBody().get("county");
        assertThat(county).containsEntry("name", "睢县").containsEntry("code", "411422");
        assertThat((List<?>) response.getBody().get("townships")).hasSize(20);
    }

    @Test
    void openApiDocumentsTheEndpoint() {
        String api = LocalServer.client(port).get().uri("/v3/api-docs").retrieve().body(String.class);

        assertThat(api).contains("/api/regions/dictionary").contains("县（区）地名词典");
    }
}
