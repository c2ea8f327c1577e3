package cn.cac.gzh.officialaccount;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Who follows the office's official account, for sending template messages. */
public interface FollowerDirectory {

    /** The follower openids of these operators, where they follow the account now. */
    Map<Long, String> followerOpenidsOf(Collection<Long> operatorIds);

    /** The operators these followers are (followers not linked to an operator are left out). */
    Map<String, Long> operatorsOf(Collection<String> followerOpenids);

    /** Current followers in openid order after {@code afterOpenid} ({@code ""} to start), at most {@code limit}. */
    List<String> followersAfter(String afterOpenid, int limit);
}
