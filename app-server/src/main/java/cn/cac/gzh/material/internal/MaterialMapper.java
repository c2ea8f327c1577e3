package cn.cac.gzh.material.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.material.MaterialType;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface MaterialMapper {

    record Ticket(String id, long filingId, long operatorId, MaterialType materialType, String uploadKey,
            String fileName, String contentType, long declaredSize, String status, LocalDateTime createdAt,
            LocalDateTime expiresAt) {
    }

    record StoredFile(long id, long filingId, MaterialType materialType, String objectKey, String fileName,
            String contentType, long sizeBytes, String sha256, LocalDateTime uploadedAt, LocalDateTime supersededAt,
            LocalDateTime purgedAt) {
    }

    @Insert("""
            INSERT INTO material_upload (id, filing_id, operator_id, material_type, upload_key, file_name, content_type,
                                         declared_size, status, created_at, expires_at)
            VALUES (#{id}, #{filingId}, #{operatorId}, #{materialType}, #{uploadKey}, #{fileName}, #{contentType},
                    #{declaredSize}, 'PENDING', #{createdAt}, #{expiresAt})
            """)
    void insertTicket(Ticket ticket);

    @Select("SELECT * FROM material_upload WHERE id = #{id} AND filing_id = #{filingId}")
    Ticket ticket(String id, long filingId);

    /** Marks a pending ticket confirmed: 1 when this call did it, 0 when another request already had. */
    @Update("UPDATE material_upload SET status = 'CONFIRMED', finished_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int claimTicket(String id, LocalDateTime at);

    @Update("UPDATE material_upload SET status = #{status}, finished_at = #{at} WHERE id = #{id}")
    void finishTicket(String id, String status, LocalDateTime at);

    @Select("SELECT * FROM material_upload WHERE status = 'PENDING' AND expires_at < #{cutoff} ORDER BY expires_at LIMIT 500")
    List<Ticket> pendingExpiredBefore(LocalDateTime cutoff);

    @Insert("""
            INSERT INTO material_file (filing_id, material_type, upload_id, object_key, file_name, content_type,
                                       size_bytes, sha256, uploaded_by, uploaded_at)
            VALUES (#{filingId}, #{type}, #{uploadId}, #{objectKey}, #{fileName}, #{contentType}, #{size}, #{sha256},
                    #{uploadedBy}, #{at})
            """)
    void insertFile(long filingId, MaterialType type, String uploadId, String objectKey, String fileName,
            String contentType, long size, String sha256, long uploadedBy, LocalDateTime at);

    @Update("""
            UPDATE material_file SET superseded_at = #{at}
            WHERE filing_id = #{filingId} AND material_type = #{type} AND superseded_at IS NULL
            """)
    void supersede(long filingId, MaterialType type, LocalDateTime at);

    @Select("SELECT * FROM material_file WHERE upload_id = #{uploadId}")
    StoredFile fileOfUpload(String uploadId);

    @Select("SELECT * FROM material_file WHERE id = #{id}")
    StoredFile file(long id);

    @Select("SELECT * FROM material_file WHERE id = #{id} AND filing_id = #{filingId}")
    StoredFile fileOfFiling(long id, long filingId);

    @Select("SELECT * FROM material_file WHERE filing_id = #{filingId} ORDER BY material_type, id DESC")
    List<StoredFile> filesOfFiling(long filingId);

    @Select("""
            SELECT DISTINCT material_type FROM material_file
            WHERE filing_id = #{filingId} AND superseded_at IS NULL AND purged_at IS NULL
            """)
    List<MaterialType> currentTypes(long filingId);

    @Select("SELECT * FROM material_file WHERE filing_id = #{filingId} AND purged_at IS NULL")
    List<StoredFile> unpurgedFilesOf(long filingId);

    @Update("UPDATE material_file SET purged_at = #{at} WHERE id = #{id}")
    void markPurged(long id, LocalDateTime at);
}
