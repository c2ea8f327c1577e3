package cn.cac.gzh.console.internal;

import java.util.List;

import cn.cac.gzh.console.StaffDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DatabaseStaffDirectory implements StaffDirectory {

    private final JdbcClient sql;

    DatabaseStaffDirectory(JdbcClient sql) {
        this.sql = sql;
    }

    @Override
    public List<String> reviewerFollowerOpenids() {
        return sql.sql("""
                SELECT DISTINCT u.oa_openid FROM staff_user u JOIN staff_user_role r ON r.staff_id = u.id
                WHERE u.enabled = TRUE AND u.oa_openid IS NOT NULL AND r.role IN ('REVIEWER', 'ADMIN') ORDER BY u.oa_openid""")
                .query(String.class).list();
    }
}
