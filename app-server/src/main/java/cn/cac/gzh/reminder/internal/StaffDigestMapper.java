package cn.cac.gzh.reminder.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** staff_digest (one per region and day) and staff_digest_read (who has read which). */
@Mapper
interface StaffDigestMapper {

    String DIGEST_COLUMNS = "d.id, d.region_code, d.digest_on, d.covers_from, d.covers_to, d.overdue_count, d.title, d.body, d.status, d.created_at, d.sent_at";

    /** A digest with one staff member's reading ({@code readAt} null: unread). */
    record SeenRow(long id, String regionCode, LocalDate digestOn, LocalDate coversFrom, LocalDate coversTo, int overdueCount, String title,
            String body, String status, LocalDateTime createdAt, LocalDateTime sentAt, LocalDateTime readAt) {
    }

    @Select("SELECT COUNT(*) FROM staff_digest WHERE region_code = #{region} AND digest_on = #{day}")
    int countOn(String region, LocalDate day);

    /** Null when there is no earlier digest. */
    @Select("SELECT MAX(covers_to) FROM staff_digest WHERE region_code = #{region} AND digest_on < #{day}")
    LocalDate lastCoveredBefore(String region, LocalDate day);

    /** The unique region and day decide which of two racing writers wins; the other's row is ignored. */
    @Insert("""
            INSERT IGNORE INTO staff_digest (region_code, digest_on, covers_from, covers_to, overdue_count, title, body, status, send_at,
                                             sent_at, created_at)
            VALUES (#{region}, #{digestOn}, #{coversFrom}, #{coversTo}, #{overdueCount}, #{title}, #{body}, #{status}, #{sendAt}, NULL, #{now})
            """)
    int insertIgnoringExisting(String region, LocalDate digestOn, LocalDate coversFrom, LocalDate coversTo, int overdueCount, String title,
            String body, String status, LocalDateTime sendAt, LocalDateTime now);

    /** Other instances skip the rows locked here. */
    @Select("SELECT " + DIGEST_COLUMNS + " FROM staff_digest d WHERE d.status = 'PENDING' AND d.send_at <= #{now} ORDER BY d.id LIMIT 10 FOR UPDATE SKIP LOCKED")
    List<StaffDigests.Digest> lockDue(LocalDateTime now);

    @Update("UPDATE staff_digest SET status = 'SENT', sent_at = #{now} WHERE id = #{id} AND status = 'PENDING'")
    int markSent(long id, LocalDateTime now);

    @Select("""
            SELECT d.id, d.region_code, d.digest_on, d.covers_from, d.covers_to, d.overdue_count, d.title, d.body, d.status, d.created_at,
                   d.sent_at, r.read_at
            FROM staff_digest d LEFT JOIN staff_digest_read r ON r.digest_id = d.id AND r.staff_id = #{staffId}
            WHERE d.region_code = #{region} AND d.status = 'SENT' ORDER BY d.digest_on DESC LIMIT #{limit}
            """)
    List<SeenRow> sentNewestFirst(long staffId, String region, int limit);

    @Select("""
            SELECT COUNT(*) FROM staff_digest d
            WHERE d.region_code = #{region} AND d.status = 'SENT'
              AND NOT EXISTS (SELECT 1 FROM staff_digest_read r WHERE r.digest_id = d.id AND r.staff_id = #{staffId})
            """)
    int unread(long staffId, String region);

    @Select("SELECT COUNT(*) FROM staff_digest WHERE id = #{id} AND region_code = #{region} AND status = 'SENT'")
    int countSent(long id, String region);

    @Insert("INSERT IGNORE INTO staff_digest_read (digest_id, staff_id, read_at) VALUES (#{digestId}, #{staffId}, #{now})")
    void markRead(long digestId, long staffId, LocalDateTime now);
}
