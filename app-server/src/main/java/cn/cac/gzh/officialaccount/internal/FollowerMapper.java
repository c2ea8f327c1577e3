package cn.cac.gzh.officialaccount.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** oa_follower: who follows the account, and which operator (if any) they are. */
@Mapper
interface FollowerMapper {

    record FollowerOperator(String openid, long operatorId) {
    }

    /** Callers pass a non-empty collection: {@code IN ()} is not valid SQL. */
    @Select("""
            <script>
            SELECT openid, operator_id FROM oa_follower WHERE subscribed AND operator_id IN
            <foreach collection="operatorIds" item="id" open="(" separator="," close=")">#{id}</foreach>
            </script>
            """)
    List<FollowerOperator> subscribedOfOperators(Collection<Long> operatorIds);

    /** Callers pass a non-empty collection: {@code IN ()} is not valid SQL. */
    @Select("""
            <script>
            SELECT openid, operator_id FROM oa_follower WHERE operator_id IS NOT NULL AND openid IN
            <foreach collection="openids" item="openid" open="(" separator="," close=")">#{openid}</foreach>
            </script>
            """)
    List<FollowerOperator> linkedAmong(Collection<String> openids);

    @Select("SELECT operator_id FROM oa_follower WHERE openid = #{openid}")
    Long operatorOf(String openid);

    @Select("SELECT openid FROM oa_follower WHERE subscribed AND openid > #{afterOpenid} ORDER BY openid LIMIT #{limit}")
    List<String> subscribedAfter(String afterOpenid, int limit);

    @Insert("""
            INSERT INTO oa_follower (openid, subscribed, scene, subscribed_at, updated_at) VALUES (#{openid}, TRUE, #{scene}, #{at}, #{at})
            ON DUPLICATE KEY UPDATE subscribed = TRUE, scene = COALESCE(VALUES(scene), scene),
                                    subscribed_at = VALUES(subscribed_at), unsubscribed_at = NULL, updated_at = VALUES(updated_at)
            """)
    void subscribed(String openid, String scene, LocalDateTime at);

    @Insert("""
            INSERT INTO oa_follower (openid, subscribed, unsubscribed_at, updated_at) VALUES (#{openid}, FALSE, #{at}, #{at})
            ON DUPLICATE KEY UPDATE subscribed = FALSE, unsubscribed_at = VALUES(unsubscribed_at), updated_at = VALUES(updated_at)
            """)
    void unsubscribed(String openid, LocalDateTime at);

    @Update("UPDATE oa_follower SET unionid = #{unionid}, updated_at = #{at} WHERE openid = #{openid}")
    void linkUnionId(String openid, String unionid, LocalDateTime at);

    /** The follower sync's view wins: unionid, operator and subscription are overwritten. */
    @Insert("""
            INSERT INTO oa_follower (openid, unionid, operator_id, subscribed, updated_at)
            VALUES (#{openid}, #{unionid}, #{operatorId}, #{subscribed}, #{at})
            ON DUPLICATE KEY UPDATE unionid = VALUES(unionid), operator_id = VALUES(operator_id),
                                    subscribed = VALUES(subscribed), updated_at = VALUES(updated_at)
            """)
    void upsert(String openid, String unionid, Long operatorId, boolean subscribed, LocalDateTime at);
}
