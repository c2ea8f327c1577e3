package cn.cac.devservices.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo county in local mode: on unless {@code demo.enabled=false} ({@code DEMO_ENABLED=false}). Test sources
 * only, like the dev services: the production jar has none of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "demo", name = "enabled", havingValue = "true", matchIfMissing = true)
public class DemoConfiguration {

    @Bean
    DemoCounty demoCounty(ApplicationContext context, JdbcTemplate jdbc) {
        return new DemoCounty(context, jdbc);
    }
}
