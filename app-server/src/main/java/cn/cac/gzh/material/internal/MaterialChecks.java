package cn.cac.gzh.material.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.filing.FilingFlags;
import cn.cac.gzh.filing.FilingForm;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingSheet;
import cn.cac.gzh.material.MaterialCheck;
import cn.cac.gzh.material.RecognitionProperties;
import cn.cac.gzh.material.internal.RecognitionMapper.Recognition;
import cn.cac.gzh.wechat.DocumentReading;

import org.springframework.stereotype.Service;

/**
 * The check of each material, worked out when asked from the stored reading and the form as it is now (the
 * operator may correct the form after uploading), and the filing's mismatch flag for the review queue.
 */
@Service
class MaterialChecks {

    /** Why a file was not checked ({@code skip_reason}), and how that reads. */
    static final String SKIPPED_PDF = "PDF";
    static final String SKIPPED_REPLACED = "REPLACED";
    static final String SKIPPED_MISSING = "MISSING";
    private static final Map<String, String> SKIPPED_LABELS = Map.of(SKIPPED_PDF, "未核对（PDF 文件不自动识别）",
            SKIPPED_REPLACED, "未核对（识别前已被替换）", SKIPPED_MISSING, "未核对（文件已删除）");

    private final RecognitionMapper recognitions;
    private final MaterialMapper materials;
    private final FilingLookup filings;
    private final FilingFlags flags;
    private final SealedReadings readings;
    private final RecognitionProperties properties;
    private final Clock clock;

    MaterialChecks(RecognitionMapper recognitions, MaterialMapper materials, FilingLookup filings, FilingFlags flags,
            SealedReadings readings, RecognitionProperties properties, Clock clock) {
        this.recognitions = recognitions;
        this.materials = materials;
        this.filings = filings;
        this.flags = flags;
        this.readings = readings;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks by file id, for every file of the filing that has one; empty when the office switched checks off. */
    Map<Long, MaterialCheck> ofFiling(long filingId) {
        if (!properties.enabled()) {
            return Map.of();
        }
        List<Recognition> rows = recognitions.ofFiling(filingId);
        if (rows.isEmpty()) {
            return Map.of();
        }
        // the form (and its ID numbers decrypted) only when there is a reading to compare it with
        FilingForm form = rows.stream().anyMatch(MaterialChecks::read) ? form(filingId) : null;
        LocalDate today = Times.today(clock);
        Map<Long, MaterialCheck> checks = new HashMap<>();
        for (Recognition row : rows) {
            MaterialCheck check = check(row, form, today);
            if (check != null) {
                checks.put(row.fileId(), check);
            }
        }
        return checks;
    }

    /** One file's check, or {@code null} when it has none (the mini-program polls this while a check is pending). */
    MaterialCheck ofFile(long filingId, long fileId) {
        if (!properties.enabled()) {
            return null;
        }
        Recognition row = recognitions.ofFile(fileId);
        if (row == null || row.filingId() != filingId) {
            return null;
        }
        return check(row, read(row) ? form(filingId) : null, Times.today(clock));
    }

    private static boolean read(Recognition row) {
        return "DONE".equals(row.status());
    }

    private FilingForm form(long filingId) {
        return filings.sheet(filingId).map(FilingSheet::form).orElse(null);
    }

    /**
     * Sets the filing's flag from its current files. Called after a reading is stored and when the filing is
     * submitted (its form final), so the review queue's filter is right for every submitted filing.
     */
    void refreshFlag(long filingId) {
        Map<Long, MaterialCheck> checks = ofFiling(filingId);
        boolean mismatch = materials.filesOfFiling(filingId).stream()
                .filter(f -> f.supersededAt() == null && f.purgedAt() == null)
                .map(f -> checks.get(f.id()))
                .anyMatch(c -> c != null && c.mismatch());
        flags.setMaterialMismatch(filingId, mismatch);
    }

    private MaterialCheck check(Recognition row, FilingForm form, LocalDate today) {
        return switch (row.status()) {
            case "PENDING", "RECOGNISING" -> MaterialCheck.of(MaterialCheck.Status.PENDING, null, List.of());
            case "UNCHECKED" -> MaterialCheck.of(MaterialCheck.Status.UNCHECKED, null, List.of());
            case "SKIPPED" -> MaterialCheck.skipped(SKIPPED_LABELS.getOrDefault(row.skipReason(), MaterialCheck.Status.SKIPPED.label()));
            case "DONE" -> MaterialCheck.of(MaterialCheck.Status.DONE, Times.display(row.recognisedAt()),
                    form == null ? List.of() : CrossCheck.check(row.materialType(), reading(row), form, today));
            default -> null; // PURGED: the reading went with the file
        };
    }

    private DocumentReading reading(Recognition row) {
        return Boolean.TRUE.equals(row.readable()) && row.fieldsCipher() != null ? readings.open(row.fieldsCipher())
                : DocumentReading.unreadable();
    }
}
