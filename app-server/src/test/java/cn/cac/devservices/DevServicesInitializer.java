package cn.cac.devservices;

import java.nio.file.Path;
import java.util.UUID;

import cn.cac.gzh.common.RedactedUrls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded twin for every external service the environment does not configure:
 * MariaDB unless {@code spring.datasource.url}, Redis unless {@code spring.data.redis.host}/{@code url}/{@code cluster.nodes}/{@code sentinel.nodes},
 * S3 unless {@code storage.endpoint}, the WeChat simulator unless {@code wechat.api-base-url}.
 * Settings the environment gives are never replaced: with the simulator, only the WeChat app ids,
 * secrets, token and key left unset are filled with its values ({@link LocalWechatSettings}).
 * A twin that cannot start stops the start with one line naming the cause and the fix
 * ({@link DevServiceStartException}, shown in the banner frame and by {@link DevServiceFailureAnalyzer}).
 * Used by the run command ({@link LocalFilingPlatform}) and by integration tests; never packaged.
 */
public final class DevServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Keep database and objects between runs under {@link #DIRECTORY} (the run command) instead of a throw-away folder. */
    public static final String PERSISTENT = "devservices.persistent";
    public static final String DIRECTORY = "devservices.directory";
    /** Set when the database is the embedded one, so test clean-up knows it may wipe it. */
    public static final String EMBEDDED_DATABASE = "devservices.embedded-database";
    public static final String BEAN_NAME = "devServices";
    /**
     * Always start every twin, whatever the environment names (fault tests stop and restart them, so
     * they must never be the machine's shared MariaDB, Redis or storage).
     */
    public static final String PRIVATE_TWINS = "devservices.private-twins";
    /** Development-only keys (32 bytes each, Base64); production sets PII_ENCRYPTION_KEY / PII_INDEX_KEY. */
    static final String DEV_ENCRYPTION_KEY = "ZGV2LW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=";
    static final String DEV_INDEX_KEY = "ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LTMyYnl0ZXM=";

    private static final Logger log = LoggerFactory.getLogger(DevServicesInitializer.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        boolean persistent = env.getProperty(PERSISTENT, Boolean.class, false);
        Path directory = persistent ? Path.of(env.getProperty(DIRECTORY, ".devservices"))
                : Path.of("target", "devservices", UUID.randomUUID().toString());
        DevServices services = new DevServices(directory, !persistent);
        boolean embeddedDatabase = false;
        LocalWechatSettings wechat = null;
        boolean privateTwins = env.getProperty(PRIVATE_TWINS, Boolean.class, false);
        if (privateTwins) {
            log.info("Dev services: private twins for this context (the environment's services are not used)");
        }
        try {
            if (!privateTwins && env.containsProperty("spring.datasource.url")) {
                log.info("Dev services: using the external database at {}",
                        RedactedUrls.redact(env.getProperty("spring.datasource.url")));
            } else {
                services.add(EmbeddedMariaDb.start(directory.resolve("mariadb")));
                embeddedDatabase = true;
            }
            if (!privateTwins && env.containsProperty("spring.data.redis.cluster.nodes")) {
                // Spring Boot prefers cluster nodes over host/port: no single embedded Redis beside them
                log.info("Dev services: using the external Redis Cluster at {}", env.getProperty("spring.data.redis.cluster.nodes"));
            } else if (!privateTwins && env.containsProperty("spring.data.redis.sentinel.nodes")) {
                log.info("Dev services: using the external Redis Sentinels at {}", env.getProperty("spring.data.redis.sentinel.nodes"));
            } else if (!privateTwins && (env.containsProperty("spring.data.redis.host") || env.containsProperty("spring.data.redis.url"))) {
                log.info("Dev services: using the external Redis at {}:{}",
                        env.getProperty("spring.data.redis.host", "(url)"), env.getProperty("spring.data.redis.port", "6379"));
            } else {
                services.add(EmbeddedRedis.start());
            }
            if (!privateTwins && env.containsProperty("storage.endpoint")) {
                log.info("Dev services: using the external object storage at {}", env.getProperty("storage.endpoint"));
            } else {
                services.add(EmbeddedS3.start(persistent ? directory.resolve("s3") : null));
            }
            if (!privateTwins && env.containsProperty("wechat.api-base-url")) {
                log.info("Dev services: using the WeChat API at {}", env.getProperty("wechat.api-base-url"));
            } else {
                services.add(WechatSimulator.start());
                // what the environment sets wins; the simulator fills only what is missing
                wechat = LocalWechatSettings.resolve(env);
                wechat.describe().forEach(services::note);
            }
        } catch (DevServiceStartException e) {
            services.close();
            System.err.println(DevServicesBanner.selfCheckFailed(e));
            throw e;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        var properties = services.properties();
        if (wechat != null) {
            properties.putAll(wechat.simulatorValues());
        }
        if (persistent && !env.containsProperty("console.bootstrap-admin-password")) {
            // local mode: a generated first password, shown in the banner (never a default one)
            properties.put("console.generate-bootstrap-password", "true");
        }
        if (!env.containsProperty("pii.encryption-key")) {
            // fixed development keys: data in .devservices/ must stay readable across restarts
            properties.put("pii.encryption-key", DEV_ENCRYPTION_KEY);
            properties.put("pii.index-key", DEV_INDEX_KEY);
        }
        properties.put(EMBEDDED_DATABASE, String.valueOf(embeddedDatabase));
        env.getPropertySources().addFirst(new MapPropertySource("devServices", properties));
        context.getBeanFactory().registerSingleton(BEAN_NAME, services);
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            // registered before any other bean, so destroyed after all of them: the connection pools,
            // Redis clients and schedulers close while the services they talk to are still there
            registry.registerDisposableBean(BEAN_NAME, services::close);
            services.closedWithContext();
        } else {
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    services.close();
                }
            });
        }
        context.addApplicationListener(event -> {
            if (event instanceof ApplicationFailedEvent) {
                services.close();
            }
        });
    }
}
