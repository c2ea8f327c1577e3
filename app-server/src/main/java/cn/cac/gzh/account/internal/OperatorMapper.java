package cn.cac.gzh.account.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface OperatorMapper extends BaseMapper<OperatorRow> {

    /**
     * Creates the operator or records another login, in one statement on the unique openid: no
     * locking read of a row that may not exist yet (its gap lock made simultaneous first logins
     * deadlock each other). A unionid once known is never cleared by a login without one. Either way
     * {@link #lastUpsertedId()} then names the row.
     */
    @Insert("""
            INSERT INTO account_operator (openid, unionid, session_key, last_login_at, created_at, updated_at)
            VALUES (#{openid}, #{unionid}, #{sessionKey}, #{now}, #{now}, #{now})
            ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), unionid = COALESCE(VALUES(unionid), unionid),
                                    session_key = VALUES(session_key), last_login_at = VALUES(last_login_at),
                                    updated_at = VALUES(updated_at)
            """)
    void upsertLogin(String openid, String unionid, String sessionKey, LocalDateTime now);

    /** The id {@link #upsertLogin} created or found, on this connection (LAST_INSERT_ID(id) in the update). */
    @Select("SELECT LAST_INSERT_ID()")
    long lastUpsertedId();

    @Update("UPDATE account_operator SET phone = #{phone}, phone_bound_at = #{now}, updated_at = #{now} WHERE id = #{id}")
    int bindPhone(long id, String phone, LocalDateTime now);

    record Openid(long id, String openid) {
    }

    @Select("SELECT id FROM account_operator WHERE unionid = #{unionid} ORDER BY id LIMIT 1")
    Long idByUnionId(String unionid);

    /** {@code ids} must not be empty ({@code IN ()} is not SQL). */
    @Select("""
            <script>SELECT id, openid FROM account_operator WHERE id IN
            <foreach item="id" collection="ids" open="(" separator="," close=")">#{id}</foreach></script>""")
    List<Openid> openids(Collection<Long> ids);
}
