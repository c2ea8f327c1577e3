package cn.cac.gzh.office;

import java.util.List;
import java.util.Map;

import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OfficeInformationIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void officeInformationComesFromTheDatabaseWithoutLogin() {
        var info = MiniApi.on(port).get("/api/mini/office", null);

        assertThat(info.status()).isEqualTo(200);
        Map<String, Object> office = info.map("office");
        assertThat((String) office.get("name")).contains("网信办");
        assertThat(office.get("address")).isEqualTo("睢县县委五楼宣传部");
        assertThat((List<Map<String, Object>>) office.get("contacts")).extracting(c -> c.get("name"))
                .containsExactly("汪方勇", "陆伟松");
        assertThat(info.get("daysAfterOpening")).isEqualTo(30);
        assertThat((List<Map<String, Object>>) info.get("campaigns")).anySatisfy(campaign -> {
            assertThat(campaign.get("startsOn")).isEqualTo("2016-08-01");
            assertThat(campaign.get("endsOn")).isEqualTo("2016-08-10");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void editedContactsShowAtOnce() {
        jdbc.update("INSERT INTO office_contact (region_code, name, phone, sort_order) VALUES ('411422', '值班室', '0370-0000000', 99)");
        try {
            var info = MiniApi.on(port).get("/api/mini/office", null);
            assertThat((List<Map<String, Object>>) info.map("office").get("contacts")).extracting(c -> c.get("name"))
                    .endsWith("值班室");
        } finally {
            jdbc.update("DELETE FROM office_contact WHERE name = '值班室'");
        }
    }
}
