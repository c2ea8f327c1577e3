package cn.cac.gzh;

import cn.cac.testsupport.ExternalSettings;
import cn.cac.testsupport.IntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second instance started with one setting missing or wrong refuses to start, and the report
 * names the setting to fix. The other settings point at the live services of this test's context.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FailFastIntegrationTest {

    @Autowired
    Environment environment;

    @ParameterizedTest(name = "{0} → names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --spring.datasource.url=jdbc:mysql://127.0.0.1:9/filing  | spring.datasource.url (SPRING_DATASOURCE_URL)
            --spring.datasource.password=wrong-password-for-test     | spring.datasource.password (SPRING_DATASOURCE_PASSWORD)
            --spring.data.redis.port=9                               | spring.data.redis.port (SPRING_DATA_REDIS_PORT)
            --storage.endpoint=http://127.0.0.1:9                    | storage.endpoint (STORAGE_ENDPOINT)
            --storage.secret-key=wrong-secret                        | storage.secret-key (STORAGE_SECRET_KEY)
            --storage.bucket=X                                       | storage.bucket (STORAGE_BUCKET)
            --storage.access-key=                                    | storage.access-key (STORAGE_ACCESS_KEY)
            --wechat.mp.app-id=                                      | wechat.mp.app-id (WECHAT_MP_APP_ID)
            --wechat.miniapp.secret=                                 | wechat.miniapp.secret (WECHAT_MINIAPP_SECRET)
            --wechat.mp.aes-key=too-short                            | wechat.mp.aes-key (WECHAT_MP_AES_KEY)
            --region.county-code=41142                               | region.county-code (REGION_COUNTY_CODE)
            --pii.encryption-key=not-a-key                           | pii.encryption-key (PII_ENCRYPTION_KEY)
            --pii.index-key=                                         | pii.index-key (PII_INDEX_KEY)
            --pii.previous-encryption-keys=1:not-a-key               | pii.previous-encryption-keys (PII_PREVIOUS_ENCRYPTION_KEYS)
            --pii.encryption-key-version=0                           | pii.encryption-key-version (PII_ENCRYPTION_KEY_VERSION)
            """)
    void startFailsAndNamesTheSetting(String badSetting, String named, CapturedOutput output) {
        String[] arguments = ExternalSettings.asArguments(environment, badSetting.strip());
        if (badSetting.contains("datasource.password")) {
            // the embedded database accepts any password; only a real server can refuse one
            org.junit.jupiter.api.Assumptions.assumeFalse(
                    environment.getProperty("devservices.embedded-database", Boolean.class, false),
                    "embedded MariaDB runs without grant tables");
        }

        assertThatThrownBy(() -> SpringApplication.run(FilingPlatformApplication.class, arguments).close())
                .isInstanceOf(Exception.class);

        String all = output.getAll();
        assertThat(all).contains("APPLICATION FAILED TO START");
        String report = all.substring(all.lastIndexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains(named.strip());
        if (badSetting.matches(".*(secret|password|aes-key|pii.*key)=.+")) {
            String value = badSetting.substring(badSetting.indexOf('=') + 1).strip();
            assertThat(report).as("a secret's value is never echoed").doesNotContain(value);
        }
    }
}
