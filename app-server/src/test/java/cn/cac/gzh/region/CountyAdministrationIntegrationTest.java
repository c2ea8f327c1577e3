package cn.cac.gzh.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.CountyStaff;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import cn.cac.testsupport.SecondCounty;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a county is an administrator's action in the console, with an import of its place names; each county keeps
 * its own dictionary, and the self-check suggests the county whose place names an account's name carries.
 */
@IntegrationTest
class CountyAdministrationIntegrationTest {


    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void theCityAddsACountyAndImportsItsPlaceNames() throws Exception {
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        // a county code of 商丘市 this database does not have yet (the test database outlives a run)
        String code;
        String name = "测试" + UUID.randomUUID().toString().substring(0, 4) + "县";
        ConsoleClient.Answer added;
        do {
            code = "4114" + (50 + ThreadLocalRandom.current().nextInt(49));
            added = city.post("/api/console/admin/counties", Map.of("code", code, "name", name));
        } while (added.status() == 409);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.get("city")).isEqualTo("商丘市");
        assertThat(added.get("province")).isEqualTo("河南省");
        String county = code;
        assertThat(city.post("/api/console/admin/counties", Map.of("code", county, "name", name)).code()).isEqualTo("COUNTY_EXISTS");
        for (String wrong : List.of("411521", "411400", "41142x", "4114")) {
            var refused = city.post("/api/console/admin/counties", Map.of("code", wrong, "name", "错误县"));
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("COUNTY_CODE_INVALID");
        }
        assertThat(city.post("/api/console/admin/counties", Map.of("code", "411499", "name", "县")).code())
                .isEqualTo("COUNTY_NAME_INVALID");
        MiniApi api = MiniApi.on(port);
        List<Map<String, Object>> served = (List<Map<String, Object>>) api.get("/api/regions/counties", null).get("counties");
        assertThat(served).extracting(c -> c.get("code")).contains(county, "411422");
        assertThat(dictionaryTerms(api, county)).as("its own name is its first word").containsExactly(name);

        // the import: townships (their names become words), short forms, other words; comments and blank lines
        String text = """
                # 乡镇（街道）
                镇\t新城镇
                乡,旧庄乡
                街道  东关街道
                乡镇简称 新城 新城镇
                乡镇简称 旧庄 旧庄乡

                历史名称 %s古城   # 旧称
                本地特征 %s湖
                """.formatted(name.substring(0, 2), name.substring(0, 2));
        var imported = city.post("/api/console/admin/counties/" + county + "/place-names/import", Map.of("text", text));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).containsEntry("townshipsAdded", 3).containsEntry("placeNamesAdded", 4)
                .containsEntry("alreadyThere", 0);
        assertThat(dictionaryTerms(api, county)).containsExactlyInAnyOrder(name, "新城镇", "旧庄乡", "东关街道", "新城", "旧庄",
                name.substring(0, 2) + "古城", name.substring(0, 2) + "湖");
        assertThat((List<Map<String, Object>>) city.get("/api/console/admin/counties").body().get("items"))
                .as("the list counts each county's dictionary")
                .filteredOn(c -> county.equals(c.get("code"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("townships", 3).containsEntry("placeNames", 8));
        var again = city.post("/api/console/admin/counties/" + county + "/place-names/import", Map.of("text", text));
        assertThat(again.body()).containsEntry("townshipsAdded", 0).containsEntry("placeNamesAdded", 0)
                .containsEntry("alreadyThere", 7);
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'COUNTY' AND target_id = ? ORDER BY id",
                String.class, county)).containsExactly("COUNTY_ADDED", "PLACE_NAMES_IMPORTED", "PLACE_NAMES_IMPORTED");
        assertThat(jdbc.queryForList("SELECT DISTINCT county_code FROM audit_log WHERE target_type = 'COUNTY' AND target_id = ?",
                String.class, county)).as("the county's own entries, which its office sees").containsExactly(county);

        // a faulty list writes nothing and names its lines
        int before = dictionaryTerms(api, county).size();
        var faulty = city.post("/api/console/admin/counties/" + county + "/place-names/import", Map.of("text",
                "镇 南门镇\n乡镇简称 南门\n城区 老城\n本地特征 好\n乡镇简称 北门 北门镇"));
        assertThat(faulty.status()).isEqualTo(400);
        assertThat(faulty.code()).isEqualTo("IMPORT_INVALID");
        assertThat((String) faulty.get("message")).contains("第2行", "须写明所属乡镇", "第3行", "类别“城区”无法识别", "第4行", "应为2至32个字");
        var unknownTownship = city.post("/api/console/admin/counties/" + county + "/place-names/import",
                Map.of("text", "镇 南门镇\n乡镇简称 北门 北门镇"));
        assertThat(unknownTownship.code()).isEqualTo("TOWNSHIP_NOT_FOUND");
        assertThat(dictionaryTerms(api, county)).as("nothing of a refused import").hasSize(before);
        assertThat(city.post("/api/console/admin/counties/999999/place-names/import", Map.of("text", "镇 南门镇")).code())
                .isEqualTo("COUNTY_UNKNOWN");

        // the console's dictionary pages work per county: the city names one
        assertThat(city.post("/api/console/admin/place-names?county=" + county, Map.of("term", "新城大桥", "kind", "LOCAL_FEATURE"))
                .status()).isEqualTo(201);
        assertThat((List<Map<String, Object>>) city.get("/api/console/admin/place-names?county=" + county).get("placeNames"))
                .extracting(p -> p.get("term")).contains("新城大桥");
        assertThat((List<Map<String, Object>>) city.get("/api/console/admin/place-names").get("placeNames"))
                .as("without a county: the default one").extracting(p -> p.get("term")).contains("睢县").doesNotContain("新城大桥");

        // the self-check suggests the county whose words the name carries
        Map<String, Object> check = api.post("/api/mini/self-check", null, Map.of("accountName", "新城镇旧庄便民服务")).body();
        assertThat(check.get("suggestedCountyCode")).isEqualTo(county);
        assertThat((List<Map<String, Object>>) check.get("matchedTerms")).extracting(m -> m.get("countyCode")).containsOnly(county);
        assertThat((List<Map<String, Object>>) check.get("matchedCounties")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("countyName", name).containsEntry("terms", 2));
        assertThat(api.post("/api/mini/self-check", null, Map.of("accountName", "睢州蓼堤新闻")).body().get("suggestedCountyCode"))
                .isEqualTo("411422");
        Map<String, Object> both = api.post("/api/mini/self-check", null, Map.of("accountName", "睢州新城同城")).body();
        assertThat(both.get("suggestedCountyCode")).as("one word each: no suggestion").isNull();
        assertThat((List<Object>) both.get("matchedCounties")).hasSize(2);
        assertThat(both.get("filingRequired")).isEqualTo(true);

        // simultaneous imports of one list into one county: no deadlock surfaces, each entry once
        String burst = "镇 同时镇\n乡镇简称 同时 同时镇\n本地特征 同时广场\n";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ConsoleClient.Answer>> imports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ConsoleClient admin = new ConsoleClient(port);
                assertThat(admin.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
                imports.add(() -> admin.post("/api/console/admin/counties/" + county + "/place-names/import", Map.of("text", burst)));
            }
            int townships = 0;
            int words = 0;
            for (Future<ConsoleClient.Answer> answer : pool.invokeAll(imports)) {
                assertThat(answer.get().status()).isEqualTo(200);
                townships += ((Number) answer.get().get("townshipsAdded")).intValue();
                words += ((Number) answer.get().get("placeNamesAdded")).intValue();
            }
            assertThat(townships).isEqualTo(1);
            assertThat(words).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region_place_name WHERE county_code = ? AND term IN ('同时镇', '同时', '同时广场')",
                Integer.class, county)).isEqualTo(3);
    }

    @Test
    void aCountyOfficeKeepsItsOwnDictionaryOnly() {
        String minquan = SecondCounty.ensure(jdbc);
        ConsoleClient city = new ConsoleClient(port);
        assertThat(city.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        ConsoleClient county = CountyStaff.signedIn(port, city, minquan, List.of("ADMIN"));

        String word = "民权" + UUID.randomUUID().toString().substring(0, 4);
        assertThat(county.post("/api/console/admin/place-names", Map.of("term", word, "kind", "LOCAL_FEATURE")).status())
                .isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT county_code FROM region_place_name WHERE term = ?", String.class, word))
                .as("written into its own county").isEqualTo(minquan);
        assertThat(county.get("/api/console/admin/counties").body().get("items"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .satisfies(c -> assertThat(((Map<?, ?>) c).get("code")).isEqualTo(minquan));
        int suiWords = jdbc.queryForObject("SELECT COUNT(*) FROM region_place_name WHERE county_code = '411422'", Integer.class);
        for (ConsoleClient.Answer refused : List.of(
                county.get("/api/console/admin/place-names?county=411422"),
                county.post("/api/console/admin/place-names?county=411422", Map.of("term", "越界词语", "kind", "LOCAL_FEATURE")),
                county.send("DELETE", "/api/console/admin/place-names?term=%E7%9D%A2%E5%B7%9E&county=411422"),
                county.post("/api/console/admin/counties/411422/place-names/import", Map.of("text", "本地特征 越界词语")))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("SCOPE_FORBIDDEN");
        }
        var addCounty = county.post("/api/console/admin/counties", Map.of("code", "411498", "name", "越权县"));
        assertThat(addCounty.status()).isEqualTo(403);
        assertThat(addCounty.code()).isEqualTo("SCOPE_FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region_place_name WHERE county_code = '411422'", Integer.class))
                .isEqualTo(suiWords);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM region_county WHERE code = '411498'", Integer.class)).isZero();
        assertThat(county.send("DELETE", "/api/console/admin/place-names?term=" + java.net.URLEncoder.encode(word,
                java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(204);
    }

    @SuppressWarnings("unchecked")
    private static List<String> dictionaryTerms(MiniApi api, String county) {
        return ((List<Map<String, Object>>) api.get("/api/regions/dictionary?county=" + county, null).get("placeNames")).stream()
                .map(p -> (String) p.get("term")).toList();
    }
}
