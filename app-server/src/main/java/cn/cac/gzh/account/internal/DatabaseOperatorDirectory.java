package cn.cac.gzh.account.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.cac.gzh.account.OperatorDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DatabaseOperatorDirectory implements OperatorDirectory {

    private final JdbcClient jdbc;

    DatabaseOperatorDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> findByUnionId(String unionid) {
        if (unionid == null || unionid.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM account_operator WHERE unionid = ? ORDER BY id LIMIT 1").param(unionid)
                .query(Long.class).optional();
    }

    @Override
    public Map<Long, String> miniProgramOpenids(Collection<Long> operatorIds) {
        Map<Long, String> openids = new HashMap<>();
        if (operatorIds.isEmpty()) {
            return openids;
        }
        jdbc.sql("SELECT id, openid FROM account_operator WHERE id IN (:ids)").param("ids", operatorIds)
                .query((rs, row) -> openids.put(rs.getLong("id"), rs.getString("openid"))).list();
        return openids;
    }
}
