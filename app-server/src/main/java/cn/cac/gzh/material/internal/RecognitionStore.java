package cn.cac.gzh.material.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.material.RecognitionProperties;
import cn.cac.gzh.material.internal.RecognitionMapper.Claimable;
import cn.cac.gzh.wechat.DocumentReading;

import org.springframework.stereotype.Service;

/**
 * The database half of recognition, each step one short transaction: claiming due files under a lease, and
 * recording a reading (with the filing's flag) or a failure. WeChat is called between them, never inside.
 */
@Service
class RecognitionStore {

    private final RecognitionMapper mapper;
    private final MaterialChecks checks;
    private final SealedReadings readings;
    private final RecognitionProperties properties;
    private final RetryingTransactions transactions;
    private final Clock clock;

    RecognitionStore(RecognitionMapper mapper, MaterialChecks checks, SealedReadings readings,
            RecognitionProperties properties, RetryingTransactions transactions, Clock clock) {
        this.mapper = mapper;
        this.checks = checks;
        this.readings = readings;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A file this worker may recognise until its lease ends; {@code attempt} fences the recording. */
    record Claimed(long fileId, int attempt) {
    }

    List<Claimed> claimDue() {
        return transactions.execute("claimRecognitions", () -> {
            LocalDateTime now = LocalDateTime.now(clock);
            List<Claimable> due = mapper.lockDue(now, properties.batch());
            LocalDateTime leaseUntil = now.plus(properties.lease());
            due.forEach(row -> mapper.claim(row.fileId(), leaseUntil));
            return due.stream().map(row -> new Claimed(row.fileId(), row.attempts() + 1)).toList();
        });
    }

    /** Stores the reading and updates the filing's flag in the same transaction. */
    void recordReading(long filingId, Claimed claimed, DocumentReading reading) {
        transactions.run("recordRecognition", () -> {
            String sealed = reading.readable() ? readings.seal(reading) : null;
            if (mapper.recordReading(claimed.fileId(), claimed.attempt(), reading.readable(), sealed,
                    LocalDateTime.now(clock)) == 1) {
                checks.refreshFlag(filingId);
            }
        });
    }

    /** Tried again after the back-off (longer when WeChat's daily quota is used up). */
    void recordFailure(Claimed claimed, String error, boolean quotaExhausted) {
        LocalDateTime retryAt = LocalDateTime.now(clock)
                .plus(quotaExhausted ? properties.quotaRetry() : properties.retryAfter(claimed.attempt()));
        transactions.run("recordRecognitionFailure", () -> mapper.recordFailure(claimed.fileId(), claimed.attempt(), error, retryAt));
    }

    /** Nothing to read: the file was replaced or purged before its turn ({@code reason} says which). */
    void recordSkipped(Claimed claimed, String reason) {
        transactions.run("skipRecognition", () -> mapper.recordSkipped(claimed.fileId(), claimed.attempt(), reason));
    }
}
