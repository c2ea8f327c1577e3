package cn.cac.gzh.console.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps export jobs from staying RUNNING forever when the instance that ran them is gone. Every job
 * names its owner ({@code host:port#process}); the owner touches its RUNNING jobs' {@code updated_at}
 * every {@code console.export.heartbeat-interval} (and each written batch does too). One instance of the
 * cluster (ShedLock) fails every RUNNING job untouched for {@code console.export.stale-after}; and an
 * instance that starts on the host and port of a dead one fails that one's leftovers at once.
 */
@Component
class ExportHeartbeats {

    static final String INTERRUPTED = "导出因服务重启中断，请重新导出";
    private static final Logger log = LoggerFactory.getLogger(ExportHeartbeats.class);

    private final ExportJobMapper jobs;
    private final ExportProperties properties;
    private final Clock clock;
    private final String process = HexFormat.of().formatHex(randomBytes());
    private volatile String node = hostName() + ":0";

    ExportHeartbeats(ExportJobMapper jobs, ExportProperties properties, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** This process: {@code host:port#random}; the part before {@code #} is the same after a restart. */
    String owner() {
        return node + "#" + process;
    }

    /** Once the port is known: jobs of an earlier process on this host and port died with it. */
    @EventListener
    public void webServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // the management server's context, if any
        }
        node = hostName() + ":" + event.getWebServer().getPort();
        int failed = jobs.failLeftBy(node, owner(), INTERRUPTED, now());
        if (failed > 0) {
            log.warn("Exports left running by this instance's previous process failed: count={} node={}", failed, node);
        }
    }

    @Scheduled(initialDelayString = "${console.export.heartbeat-interval:PT30S}",
            fixedDelayString = "${console.export.heartbeat-interval:PT30S}")
    public void heartbeat() {
        jobs.touchOwnedBy(owner(), now());
    }

    @Scheduled(initialDelayString = "${console.export.sweep-interval:PT1M}", fixedDelayString = "${console.export.sweep-interval:PT1M}")
    @SchedulerLock(name = "export-sweep", lockAtMostFor = "PT5M")
    public void sweep() {
        LocalDateTime now = now();
        int failed = jobs.failStale(now.minus(properties.staleAfter()), INTERRUPTED, now);
        if (failed > 0) {
            log.warn("Exports without a heartbeat for {} failed: count={}", properties.staleAfter(), failed);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
