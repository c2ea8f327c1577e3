package cn.cac.gzh.officialaccount.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.officialaccount.FollowerDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DatabaseFollowerDirectory implements FollowerDirectory {

    private final JdbcClient jdbc;

    DatabaseFollowerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> followerOpenidsOf(Collection<Long> operatorIds) {
        Map<Long, String> openids = new HashMap<>();
        if (!operatorIds.isEmpty()) {
            jdbc.sql("SELECT operator_id, openid FROM oa_follower WHERE subscribed AND operator_id IN (:ids)")
                    .param("ids", operatorIds)
                    .query((rs, row) -> openids.putIfAbsent(rs.getLong("operator_id"), rs.getString("openid"))).list();
        }
        return openids;
    }

    @Override
    public Map<String, Long> operatorsOf(Collection<String> followerOpenids) {
        Map<String, Long> operators = new HashMap<>();
        if (!followerOpenids.isEmpty()) {
            jdbc.sql("SELECT openid, operator_id FROM oa_follower WHERE operator_id IS NOT NULL AND openid IN (:openids)")
                    .param("openids", followerOpenids)
                    .query((rs, row) -> operators.put(rs.getString("openid"), rs.getLong("operator_id"))).list();
        }
        return operators;
    }

    @Override
    public List<String> followersAfter(String afterOpenid, int limit) {
        return jdbc.sql("SELECT openid FROM oa_follower WHERE subscribed AND openid > ? ORDER BY openid LIMIT ?")
                .params(afterOpenid, limit).query(String.class).list();
    }
}
