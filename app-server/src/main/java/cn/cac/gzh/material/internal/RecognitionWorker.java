package cn.cac.gzh.material.internal;

import cn.cac.gzh.common.Outages;
import cn.cac.gzh.material.RecognitionProperties;
import cn.cac.gzh.material.internal.RecognitionMetrics.Kind;
import cn.cac.gzh.material.internal.RecognitionMetrics.Outcome;
import cn.cac.gzh.material.internal.RecognitionStore.Claimed;
import cn.cac.gzh.storage.ObjectStorage;
import cn.cac.gzh.storage.ObjectStorageException;
import cn.cac.gzh.wechat.DocumentReading;
import cn.cac.gzh.wechat.DocumentRecognition;
import cn.cac.gzh.wechat.WechatCallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends confirmed photos to WeChat's OCR, on every instance: claims due files (a lease; a crashed worker's
 * files come back when it ends), gives WeChat a short-lived link to each, and records what it read. A failure
 * (quota, busy, unreachable, storage away) leaves the file UNCHECKED and due again later; the filing is never
 * touched by it. Its own thread, so that a slow WeChat never holds up the scheduled jobs.
 */
@Component
class RecognitionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecognitionWorker.class);
    private static final int QUOTA_EXHAUSTED = 45009;

    private final RecognitionStore store;
    private final MaterialMapper materials;
    private final ObjectStorage storage;
    private final DocumentRecognition recognition;
    private final RecognitionMetrics metrics;
    private final RecognitionProperties properties;

    RecognitionWorker(RecognitionStore store, MaterialMapper materials, ObjectStorage storage,
            DocumentRecognition recognition, RecognitionMetrics metrics, RecognitionProperties properties) {
        this.store = store;
        this.materials = materials;
        this.storage = storage;
        this.recognition = recognition;
        this.metrics = metrics;
        this.properties = properties;
    }

    private volatile boolean running;
    private Thread thread;

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Material recognition switched off");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "material-recognition");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Rounds back to back while files are due, a pause when none is. */
    private void loop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = runOnce();
            } catch (RuntimeException e) {
                if (Outages.databaseUnavailable(e)) {
                    log.warn("Material recognition paused, database unavailable: reason={}", Outages.rootMessage(e));
                } else {
                    log.error("Material recognition round failed", e);
                }
            }
            if (claimed == 0 && !pause()) {
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One round: every file due now. Returns how many were claimed. */
    int runOnce() {
        var claimed = store.claimDue();
        for (Claimed file : claimed) {
            try {
                recognise(file);
            } catch (RuntimeException e) {
                // the file comes back when its lease ends; the others of the round go on
                if (Outages.databaseUnavailable(e)) {
                    throw e;
                }
                log.error("Material recognition failed: fileId={}", file.fileId(), e);
            }
        }
        return claimed.size();
    }

    private void recognise(Claimed claimed) {
        MaterialMapper.StoredFile file = materials.file(claimed.fileId());
        if (file.purgedAt() != null || file.supersededAt() != null) {
            store.recordSkipped(claimed, file.purgedAt() != null ? MaterialChecks.SKIPPED_MISSING : MaterialChecks.SKIPPED_REPLACED);
            return;
        }
        Kind kind = CrossCheck.isIdCard(file.materialType()) ? Kind.ID_CARD : Kind.LICENCE;
        try {
            if (storage.stat(file.objectKey()).isEmpty()) {
                // deleted behind our back (nothing here deletes a current file): no photo to read, ever
                log.warn("Material recognition skipped, object missing: fileId={}", file.id());
                store.recordSkipped(claimed, MaterialChecks.SKIPPED_MISSING);
                return;
            }
            String link = storage.presignedGet(file.objectKey(), properties.linkValidity());
            DocumentReading reading = kind == Kind.ID_CARD ? recognition.readIdCard(link)
                    : recognition.readBusinessLicence(link);
            store.recordReading(file.filingId(), claimed, reading);
            metrics.counted(kind, reading.readable() ? Outcome.RECOGNISED : Outcome.UNREADABLE);
            log.info("Material recognised: fileId={} type={} readable={}", file.id(), file.materialType(), reading.readable());
        } catch (WechatCallException e) {
            boolean quota = e.errorCode() == QUOTA_EXHAUSTED;
            store.recordFailure(claimed, "wechat-" + e.errorCode(), quota);
            metrics.counted(kind, quota ? Outcome.QUOTA_EXHAUSTED : Outcome.FAILED);
            log.warn("Material recognition failed, will retry: fileId={} errcode={} attempt={}", file.id(), e.errorCode(),
                    claimed.attempt());
        } catch (ObjectStorageException e) {
            store.recordFailure(claimed, "storage", false);
            metrics.counted(kind, Outcome.FAILED);
            log.warn("Material recognition failed, storage unavailable, will retry: fileId={}", file.id());
        }
    }
}
