package cn.cac.gzh.tour;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import cn.cac.devservices.WechatSimulator;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.WechatSimulatorClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guided tour, docs/getting-started.md, executed as written: every {@code ```shell} block in order in one bash
 * session against the real application with the WeChat simulator, only the banner's values (service, simulator,
 * the administrator's password) set to this context's. Each block must end with status 0 and print the lines its
 * {@code #>} comments promise; at the end the simulator must hold the subscribe message of the tour's push.
 */
@IntegrationTest
class GuidedTourIntegrationTest {

    /** A step waits at most 30 s for the push (its loops); one that takes longer is broken. */
    private static final Duration STEP_LIMIT = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Value("${wechat.api-base-url}")
    String simulator;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path folder;

    @Test
    void everyStepOfTheTourRunsAsWrittenAndTheMessageReachesTheSimulator() throws IOException {
        String markdown = Files.readString(TourDocument.LOCATION, StandardCharsets.UTF_8);
        assertThat(markdown).as("the tour starts from the README's run command")
                .contains("mvn -B -f app-server/pom.xml spring-boot:test-run");
        TourDocument tour = TourDocument.parse(markdown).with(Map.of("BASE", "http://127.0.0.1:" + port,
                "SIM", simulator, "ADMIN_PASSWORD", IntegrationTest.ADMIN_PASSWORD));
        assertThat(tour.steps()).as("the tour's executed blocks").hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(step -> assertThat(step.expected()).as(step + " promises some output").isNotEmpty());

        try (BashSession bash = new BashSession(folder)) {
            for (TourDocument.Step step : tour.steps()) {
                long started = System.nanoTime();
                BashSession.Result result = bash.run(step.script(), STEP_LIMIT);
                System.out.printf("Guided tour: %s took %d ms%n", step, (System.nanoTime() - started) / 1_000_000);
                assertThat(result.exitStatus()).as("%s ended with status %d; it printed:%n%s", step, result.exitStatus(),
                        result.text()).isZero();
                assertThat(step.firstMissing(result.lines())).as("%s did not print the line it promises; it printed:%n%s",
                        step, result.text()).isNull();
            }
            String run = variable(bash, "RUN");
            long push = Long.parseLong(variable(bash, "PUSH"));

            // the tour's operator got exactly one subscribe message, the policy notice's, and it is the push's delivery
            WireMock wechat = WechatSimulatorClient.connect(simulator);
            var sends = wechat.find(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                    .withRequestBody(matchingJsonPath("$.touser", WireMock.equalTo("sim-openid-tour-" + run))));
            assertThat(sends).hasSize(1);
            assertThat(sends.get(0).getBodyAsString())
                    .contains("\"template_id\":\"" + WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID + "\"")
                    .contains("pages/inbox/detail");
            assertThat(jdbc.queryForList("SELECT status FROM delivery WHERE source_type = 'POLICY' AND source_id = ? "
                    + "AND channel = 'SUBSCRIBE'", String.class, push)).containsExactly("SENT");
        }
    }

    private static String variable(BashSession bash, String name) {
        var result = bash.run("echo \"$" + name + "\"", Duration.ofSeconds(5));
        assertThat(result.lines()).as("$%s after the tour", name).hasSize(1).first().asString().isNotBlank();
        return result.lines().get(0).strip();
    }
}
