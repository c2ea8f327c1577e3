package cn.cac.gzh.account.internal;

import java.time.LocalDateTime;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface SessionMapper {

    @Insert("""
            INSERT INTO account_session (operator_id, access_token_hash, refresh_token_hash,
                                         access_expires_at, refresh_expires_at, created_at)
            VALUES (#{operatorId}, #{accessHash}, #{refreshHash}, #{accessExpiresAt}, #{refreshExpiresAt}, #{now})
            """)
    void insert(long operatorId, String accessHash, String refreshHash, LocalDateTime accessExpiresAt,
            LocalDateTime refreshExpiresAt, LocalDateTime now);

    /** The operator of a live access token, or null. */
    @Select("""
            SELECT operator_id FROM account_session
            WHERE access_token_hash = #{accessHash} AND revoked_at IS NULL AND access_expires_at > #{now}
            """)
    Long findOperatorByAccessToken(String accessHash, LocalDateTime now);

    /** Whether the token exists but has expired (to tell the client to refresh rather than log in). */
    @Select("""
            SELECT COUNT(*) > 0 FROM account_session
            WHERE access_token_hash = #{accessHash} AND revoked_at IS NULL AND access_expires_at <= #{now}
            """)
    boolean isExpiredAccessToken(String accessHash, LocalDateTime now);

    /** Revokes a live refresh token: 1 when this call did it, 0 when it was unknown, expired or already used. */
    @Update("""
            UPDATE account_session SET revoked_at = #{now}
            WHERE refresh_token_hash = #{refreshHash} AND revoked_at IS NULL AND refresh_expires_at > #{now}
            """)
    int revokeLiveRefreshToken(String refreshHash, LocalDateTime now);

    @Select("SELECT operator_id FROM account_session WHERE refresh_token_hash = #{refreshHash}")
    long operatorOfRefreshToken(String refreshHash);

    @Update("UPDATE account_session SET revoked_at = #{now} WHERE access_token_hash = #{accessHash} AND revoked_at IS NULL")
    int revokeByAccessToken(String accessHash, LocalDateTime now);
}
