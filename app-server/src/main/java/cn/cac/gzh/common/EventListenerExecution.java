package cn.cac.gzh.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' event listeners after a commit ({@code @ApplicationModuleListener}
 * is {@code @Async}). Named {@code taskExecutor} because other executors exist (exports, the portal)
 * and Spring would otherwise fall back to a new thread per event: on a campaign's first morning,
 * hundreds of submissions would start hundreds of listener threads, each wanting a database connection
 * the requests need. A bounded pool keeps listeners to a few connections; an event the queue cannot
 * take stays in the outbox and is resubmitted ({@link EventResubmission}), so nothing is lost.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecution {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor(@Value("${events.listener-threads:4}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("event-");
        // a graceful stop lets listeners at work finish; what is left is replayed at the next start
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
