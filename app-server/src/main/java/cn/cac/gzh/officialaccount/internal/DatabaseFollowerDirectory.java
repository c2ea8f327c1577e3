package cn.cac.gzh.officialaccount.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.officialaccount.FollowerDirectory;

import org.springframework.stereotype.Service;

@Service
class DatabaseFollowerDirectory implements FollowerDirectory {

    private final FollowerMapper followers;

    DatabaseFollowerDirectory(FollowerMapper followers) {
        this.followers = followers;
    }

    @Override
    public Map<Long, String> followerOpenidsOf(Collection<Long> operatorIds) {
        Map<Long, String> openids = new HashMap<>();
        if (!operatorIds.isEmpty()) {
            // an operator may follow from more than one openid: any one of them reaches them
            for (var follower : followers.subscribedOfOperators(operatorIds)) {
                openids.putIfAbsent(follower.operatorId(), follower.openid());
            }
        }
        return openids;
    }

    @Override
    public Map<String, Long> operatorsOf(Collection<String> followerOpenids) {
        Map<String, Long> operators = new HashMap<>();
        if (!followerOpenids.isEmpty()) {
            for (var follower : followers.linkedAmong(followerOpenids)) {
                operators.put(follower.openid(), follower.operatorId());
            }
        }
        return operators;
    }

    @Override
    public List<String> followersAfter(String afterOpenid, int limit) {
        return followers.subscribedAfter(afterOpenid, limit);
    }
}
