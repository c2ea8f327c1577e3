package cn.cac.gzh.console.internal;

import java.time.LocalDateTime;
import java.util.List;

import cn.cac.gzh.console.StaffRole;
import com.baomidou.mybatisplus.annotation.InterceptorIgnore;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface StaffMapper {

    record StaffRow(long id, String username, String displayName, String passwordHash, boolean enabled,
            int failedAttempts, LocalDateTime lockedUntil, LocalDateTime createdAt, String scopeCode) {
    }

    final class NewStaff {
        public Long id;
        public String username;
        public String displayName;
        public String passwordHash;
        public String scopeCode;
        public LocalDateTime at;
    }

    @Select("SELECT COUNT(*) FROM staff_user")
    long count();

    @Select("SELECT id, username, display_name, password_hash, enabled, failed_attempts, locked_until, created_at, county_code AS scope_code FROM staff_user WHERE username = #{username}")
    StaffRow byUsername(String username);

    @Select("SELECT id, username, display_name, password_hash, enabled, failed_attempts, locked_until, created_at, county_code AS scope_code FROM staff_user WHERE id = #{id}")
    StaffRow byId(long id);

    @Select("SELECT id, username, display_name, password_hash, enabled, failed_attempts, locked_until, created_at, county_code AS scope_code FROM staff_user ORDER BY id")
    List<StaffRow> all();

    @Select("SELECT role FROM staff_user_role WHERE staff_id = #{staffId} ORDER BY role")
    List<StaffRole> roles(long staffId);

    @Insert("""
            INSERT INTO staff_user (username, display_name, password_hash, county_code, password_changed_at, created_at, updated_at)
            VALUES (#{username}, #{displayName}, #{passwordHash}, #{scopeCode}, #{at}, #{at}, #{at})
            """)
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewStaff staff);

    @Insert("INSERT INTO staff_user_role (staff_id, role) VALUES (#{staffId}, #{role})")
    void addRole(long staffId, StaffRole role);

    @Delete("DELETE FROM staff_user_role WHERE staff_id = #{staffId}")
    void clearRoles(long staffId);

    /** MySQL assigns left to right: the lock is decided on the counter before it is incremented. */
    @Update("UPDATE staff_user SET locked_until = CASE WHEN failed_attempts + 1 >= #{max} THEN #{lockUntil} ELSE locked_until END, failed_attempts = failed_attempts + 1, updated_at = #{at} WHERE id = #{id}")
    void recordFailure(long id, int max, LocalDateTime lockUntil, LocalDateTime at);

    @Update("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL, updated_at = #{at} WHERE id = #{id}")
    void recordSuccess(long id, LocalDateTime at);

    @Update("UPDATE staff_user SET password_hash = #{hash}, password_changed_at = #{at}, failed_attempts = 0, locked_until = NULL, updated_at = #{at} WHERE id = #{id}")
    void setPassword(long id, String hash, LocalDateTime at);

    @Update("UPDATE staff_user SET display_name = #{displayName}, enabled = #{enabled}, county_code = #{scopeCode}, updated_at = #{at} WHERE id = #{id}")
    void update(long id, String displayName, boolean enabled, String scopeCode, LocalDateTime at);

    /** The caller's own account even when its scope just changed (not narrowed to the scope the session remembers). */
    @InterceptorIgnore(tenantLine = "true")
    @Select("SELECT id, username, display_name, password_hash, enabled, failed_attempts, locked_until, created_at, county_code AS scope_code FROM staff_user WHERE id = #{id}")
    StaffRow byIdInAnyScope(long id);

    /** The city's row, locked until the transaction ends (it always exists: no gap lock). */
    @Select("SELECT code FROM region_city WHERE code = #{cityCode} FOR UPDATE")
    String lockCity(String cityCode);

    /** Not narrowed: a county office's change must not be able to leave the city without an administrator either. */
    @InterceptorIgnore(tenantLine = "true")
    @Select("""
            SELECT COUNT(*) FROM staff_user u JOIN staff_user_role r ON r.staff_id = u.id
            WHERE u.enabled = TRUE AND u.county_code = #{cityCode} AND r.role = 'ADMIN'""")
    long enabledAdministratorsOf(String cityCode);

    /** Enabled reviewers and administrators of one scope who bound their WeChat (see {@link StaffWechatBinding}). */
    @Select("""
            SELECT DISTINCT u.oa_openid FROM staff_user u JOIN staff_user_role r ON r.staff_id = u.id
            WHERE u.county_code = #{scopeCode} AND u.enabled = TRUE AND u.oa_openid IS NOT NULL AND r.role IN ('REVIEWER', 'ADMIN')
            ORDER BY u.oa_openid""")
    List<String> reviewerFollowerOpenids(String scopeCode);

    @Select("SELECT oa_openid IS NOT NULL FROM staff_user WHERE id = #{id}")
    Boolean hasOpenid(long id);

    @Select("SELECT display_name FROM staff_user WHERE id = #{id}")
    String displayName(long id);

    @Update("UPDATE staff_user SET oa_openid = #{openid,jdbcType=VARCHAR} WHERE id = #{id}")
    int setOpenid(long id, String openid);

    /** Frees the openid from any other staff account (it is unique). */
    @Update("UPDATE staff_user SET oa_openid = NULL WHERE oa_openid = #{openid} AND id <> #{exceptId}")
    int releaseOpenid(String openid, long exceptId);
}
