package cn.cac.gzh.officialaccount.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The account's own messages: reply texts it sends (oa_reply_text) and send reports it receives (oa_send_report). */
@Mapper
interface AccountMessageMapper {

    record ReplyText(String regionCode, String code, String content) {
    }

    @Select("SELECT region_code, code, content FROM oa_reply_text")
    List<ReplyText> replyTexts();

    @Select("SELECT region_code, code, content FROM oa_reply_text WHERE region_code = #{regionCode} ORDER BY code")
    List<ReplyText> replyTextsOf(String regionCode);

    @Insert("""
            INSERT INTO oa_reply_text (region_code, code, content, updated_at) VALUES (#{regionCode}, #{code}, #{content}, #{at})
            ON DUPLICATE KEY UPDATE content = VALUES(content), updated_at = VALUES(updated_at)""")
    void putReplyText(String regionCode, String code, String content, LocalDateTime at);

    @Delete("DELETE FROM oa_reply_text WHERE region_code = #{regionCode} AND code = #{code}")
    int removeReplyText(String regionCode, String code);

    @Insert("""
            INSERT INTO oa_send_report (event, msg_id, openid, status, total_count, sent_count, error_count, received_at)
            VALUES (#{event}, #{msgId}, #{openid}, #{status}, #{totalCount}, #{sentCount}, #{errorCount}, #{receivedAt})
            """)
    void insertSendReport(String event, String msgId, String openid, String status, Integer totalCount, Integer sentCount,
            Integer errorCount, LocalDateTime receivedAt);
}
