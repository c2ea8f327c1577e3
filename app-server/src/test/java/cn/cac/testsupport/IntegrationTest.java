package cn.cac.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.cac.devservices.DevServicesInitializer;
import cn.cac.devservices.WechatSimulator;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against real services: the machine's MariaDB/Redis when
 * the environment names them (as {@code .ci/run} does), embedded dev services otherwise. The schema
 * is rebuilt from the migrations when the context starts. The WeChat identity is the simulator's,
 * whatever the shell exports (local mode would use a {@code WECHAT_MP_TOKEN} given there), because
 * tests sign and check with the simulator's token, key and app ids.
 * <p>
 * Every context runs with the {@link RemoteCallGuard}: a call to WeChat or the bucket inside a database
 * transaction fails the call and the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.flyway.clean-disabled=false", "console.bootstrap-admin-password=" + IntegrationTest.ADMIN_PASSWORD,
                "wechat.miniapp.app-id=" + WechatSimulator.MINIAPP_APP_ID, "wechat.miniapp.secret=" + WechatSimulator.MINIAPP_SECRET,
                "wechat.mp.app-id=" + WechatSimulator.MP_APP_ID, "wechat.mp.secret=" + WechatSimulator.MP_SECRET,
                "wechat.mp.token=" + WechatSimulator.MP_TOKEN, "wechat.mp.aes-key=" + WechatSimulator.MP_AES_KEY,
                "delivery.templates.POLICY.subscribe.template-id=" + WechatSimulator.POLICY_SUBSCRIBE_TEMPLATE_ID,
                "delivery.templates.POLICY.template.template-id=" + WechatSimulator.POLICY_TEMPLATE_ID,
                "delivery.templates.REVIEW_RESULT.subscribe.template-id=" + WechatSimulator.REVIEW_RESULT_SUBSCRIBE_TEMPLATE_ID,
                "delivery.templates.REVIEW_RESULT.template.template-id=" + WechatSimulator.REVIEW_RESULT_TEMPLATE_ID,
                "delivery.templates.REMINDER.subscribe.template-id=" + WechatSimulator.REMINDER_SUBSCRIBE_TEMPLATE_ID,
                "delivery.templates.REMINDER.template.template-id=" + WechatSimulator.REMINDER_TEMPLATE_ID,
                "delivery.templates.DIGEST.template.template-id=" + WechatSimulator.DIGEST_TEMPLATE_ID,
                // reminder jobs are driven by the tests that are about them (ReminderScheduleIntegrationTest runs the timers)
                "reminder.jobs-enabled=false",
                // the test run keeps many contexts alive at once (one pool each): idle ones give their connections
                // back, so that together they stay under the database's max_connections (151 by default)
                "spring.datasource.hikari.minimum-idle=2", "spring.datasource.hikari.idle-timeout=10000",
                // abuse limits count per test context (runs sharing one Redis do not share buckets)
                "rate-limit.key-prefix=test:${random.uuid}:",
                // the delivery pipeline at test speed: quick polls, short back-off and leases
                "delivery.idle-poll=50ms", "delivery.retry-delay=200ms", "delivery.lease=5s", "push.expansion-interval=200ms",
                // material recognition likewise: a failure is retried within seconds, not minutes
                "material.recognition.poll-interval=300ms", "material.recognition.first-retry=500ms",
                "material.recognition.max-retry=2s", "material.recognition.quota-retry=2s"})
@ContextConfiguration(initializers = DevServicesInitializer.class)
@Import({TestDatabaseReset.class, PublishedEventLog.class, RemoteCallGuard.class})
@ExtendWith(RemoteCallGuard.Check.class)
public @interface IntegrationTest {

    /** The first administrator ({@code admin}) of every test context. */
    String ADMIN_PASSWORD = "Admin-Test-2026";
}
