package cn.cac.gzh.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cac.testsupport.ConsoleClient;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * With TRUSTED_PROXIES naming only some other address, a client on loopback is no proxy: its X-Forwarded-For is
 * ignored and the audit log keeps the address the connection came from.
 */
@IntegrationTest
@TestPropertySource(properties = "TRUSTED_PROXIES=10.255.255.0/24")
class UntrustedProxyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aForgedForwardedForFromAnUntrustedClientIsIgnored() {
        ConsoleClient forger = new ConsoleClient(port).withHeader("X-Forwarded-For", "203.0.113.66");
        assertThat(forger.login("admin", IntegrationTest.ADMIN_PASSWORD).status()).isEqualTo(200);
        String clientIp = jdbc.queryForObject(
                "SELECT client_ip FROM audit_log WHERE action = 'LOGIN' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(clientIp).isEqualTo("127.0.0.1");
    }
}
