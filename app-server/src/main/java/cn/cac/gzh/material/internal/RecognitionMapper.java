package cn.cac.gzh.material.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.material.MaterialType;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code material_recognition}: one row per file sent (or not) to WeChat's OCR. */
@Mapper
interface RecognitionMapper {

    record Recognition(long fileId, long filingId, MaterialType materialType, String status, int attempts,
            LocalDateTime nextAttemptAt, String lastError, String skipReason, Boolean readable, String fieldsCipher,
            LocalDateTime recognisedAt) {
    }

    record Claimable(long fileId, int attempts) {
    }

    record StatusCount(String status, long count) {
    }

    /** In the transaction that files the upload, so the file and its recognition exist together or not at all. */
    @Insert("""
            INSERT INTO material_recognition (file_id, filing_id, material_type, status, skip_reason, next_attempt_at, created_at)
            SELECT id, filing_id, material_type, #{status}, #{skipReason,jdbcType=VARCHAR}, #{at}, #{at}
            FROM material_file WHERE upload_id = #{uploadId}
            """)
    void insertFor(String uploadId, String status, String skipReason, LocalDateTime at);

    /** Due rows, including ones whose worker's lease ran out; rows a concurrent claim holds are skipped. */
    @Select("""
            SELECT file_id, attempts FROM material_recognition
            WHERE status IN ('PENDING', 'UNCHECKED', 'RECOGNISING') AND next_attempt_at <= #{now}
            ORDER BY next_attempt_at LIMIT #{limit} FOR UPDATE SKIP LOCKED
            """)
    List<Claimable> lockDue(LocalDateTime now, int limit);

    @Update("""
            UPDATE material_recognition SET status = 'RECOGNISING', attempts = attempts + 1, next_attempt_at = #{leaseUntil}
            WHERE file_id = #{fileId}
            """)
    void claim(long fileId, LocalDateTime leaseUntil);

    /** Only the claim with this attempt number may record: a worker whose lease ran out changes nothing. */
    @Update("""
            UPDATE material_recognition SET status = 'DONE', readable = #{readable}, fields_cipher = #{fieldsCipher},
                   recognised_at = #{at}, last_error = NULL
            WHERE file_id = #{fileId} AND status = 'RECOGNISING' AND attempts = #{attempt}
            """)
    int recordReading(long fileId, int attempt, boolean readable, String fieldsCipher, LocalDateTime at);

    @Update("""
            UPDATE material_recognition SET status = 'UNCHECKED', last_error = #{error}, next_attempt_at = #{retryAt}
            WHERE file_id = #{fileId} AND status = 'RECOGNISING' AND attempts = #{attempt}
            """)
    int recordFailure(long fileId, int attempt, String error, LocalDateTime retryAt);

    @Update("""
            UPDATE material_recognition SET status = 'SKIPPED', skip_reason = #{reason}
            WHERE file_id = #{fileId} AND status = 'RECOGNISING' AND attempts = #{attempt}
            """)
    int recordSkipped(long fileId, int attempt, String reason);

    @Select("SELECT * FROM material_recognition WHERE filing_id = #{filingId}")
    List<Recognition> ofFiling(long filingId);

    @Select("SELECT * FROM material_recognition WHERE file_id = #{fileId}")
    Recognition ofFile(long fileId);

    /** Retention: the recognised content goes with the file. */
    @Update("""
            UPDATE material_recognition SET status = 'PURGED', fields_cipher = NULL, readable = NULL
            WHERE file_id = #{fileId}
            """)
    void purge(long fileId);

    @Select("SELECT status, COUNT(*) AS count FROM material_recognition WHERE status IN ('PENDING', 'UNCHECKED', 'RECOGNISING') GROUP BY status")
    List<StatusCount> backlog();
}
