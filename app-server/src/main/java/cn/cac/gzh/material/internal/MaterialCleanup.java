package cn.cac.gzh.material.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.material.MaterialProperties;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.storage.ObjectStorageException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what nothing needs: uploads never confirmed (after their ticket's grace period), and the
 * materials of filings revoked or abandoned longer than the retention periods. A live filing's
 * files (current or history) are never touched; what WeChat read from a purged file goes with it. Runs on one
 * instance at a time.
 */
@Service
class MaterialCleanup {

    private static final Logger log = LoggerFactory.getLogger(MaterialCleanup.class);

    private final MaterialMapper mapper;
    private final RecognitionMapper recognitions;
    private final FilingLookup filings;
    private final ObjectStorage storage;
    private final MaterialProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MaterialCleanup(MaterialMapper mapper, RecognitionMapper recognitions, FilingLookup filings, ObjectStorage storage, MaterialProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
        this.recognitions = recognitions;
        this.filings = filings;
        this.storage = storage;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Outcome(int expiredUploads, int purgedFiles) {
    }

    @Scheduled(initialDelayString = "${material.cleanup-interval:PT15M}", fixedDelayString = "${material.cleanup-interval:PT15M}")
    @SchedulerLock(name = "material-cleanup", lockAtMostFor = "PT30M")
    public void scheduledRun() {
        Outcome outcome = run();
        log.info("Material clean-up done: expiredUploads={} purgedFiles={}", outcome.expiredUploads(), outcome.purgedFiles());
    }

    Outcome run() {
        LocalDateTime now = LocalDateTime.now(clock);
        int expired = 0;
        for (MaterialMapper.Ticket ticket : mapper.pendingExpiredBefore(now.minus(properties.confirmGrace()))) {
            if (deleted(ticket.uploadKey())) {
                transaction.executeWithoutResult(status -> mapper.finishTicket(ticket.id(), "EXPIRED", now));
                expired++;
            }
        }
        int purged = purge(filings.revokedBefore(now.minus(properties.revokedRetention())), now)
                + purge(filings.abandonedDraftsBefore(now.minus(properties.abandonedDraftRetention())), now);
        return new Outcome(expired, purged);
    }

    private int purge(List<Long> filingIds, LocalDateTime now) {
        int purged = 0;
        for (long filingId : filingIds) {
            for (MaterialMapper.StoredFile file : mapper.unpurgedFilesOf(filingId)) {
                if (deleted(file.objectKey())) {
                    transaction.executeWithoutResult(status -> {
                        mapper.markPurged(file.id(), now);
                        recognitions.purge(file.id());
                    });
                    purged++;
                }
            }
        }
        return purged;
    }

    /** The row changes only after the object is gone, so a failure is simply retried next run. */
    private boolean deleted(String key) {
        try {
            storage.delete(key);
            return true;
        } catch (ObjectStorageException e) {
            log.warn("Clean-up could not delete an object, will retry: reason={}", e.getMessage());
            return false;
        }
    }
}
