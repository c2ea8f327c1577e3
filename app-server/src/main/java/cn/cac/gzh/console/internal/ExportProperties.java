package cn.cac.gzh.console.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Background exports ({@code EXPORT_…}).
 *
 * @param threads           exports running at a time per instance
 * @param queueCapacity     exports waiting for a thread per instance; one more is refused (FAILED at once, 503)
 * @param heartbeatInterval how often an instance touches its RUNNING jobs (and each batch touches its job)
 * @param staleAfter        a RUNNING job untouched this long belongs to a dead instance and is failed
 * @param sweepInterval     how often one instance of the cluster looks for such jobs
 */
@ConfigurationProperties("console.export")
record ExportProperties(
        @DefaultValue("2") int threads,
        @DefaultValue("50") int queueCapacity,
        @DefaultValue("30s") Duration heartbeatInterval,
        @DefaultValue("3m") Duration staleAfter,
        @DefaultValue("1m") Duration sweepInterval) {
}
