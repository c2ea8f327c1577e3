package cn.cac.gzh.common;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run on one instance of the cluster at a time (ShedLock on the {@code shedlock}
 * table, using the database's clock so instances with skewed clocks agree). A job failing because the database
 * or Redis is down logs one WARN line per run, not a stack trace ({@link ScheduledJobErrors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
public class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobErrorHandling() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobErrors());
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobErrorHandlingOnVirtualThreads() {
        return scheduler -> scheduler.setErrorHandler(new ScheduledJobErrors());
    }
}
