package cn.cac.gzh.officialaccount.internal;

import cn.cac.gzh.filing.FilingLookup;

import org.springframework.stereotype.Component;

/**
 * The county whose office a follower deals with: the county of the latest filing of the operator the follower is
 * (linked by unionid, {@link Followers}); none for a follower who is no operator yet or has not filed.
 */
@Component
class FollowerCounty {

    private final FollowerMapper followers;
    private final FilingLookup filings;

    FollowerCounty(FollowerMapper followers, FilingLookup filings) {
        this.followers = followers;
        this.filings = filings;
    }

    /** The county's code, or null. */
    String of(String openid) {
        Long operator = openid == null ? null : followers.operatorOf(openid);
        return operator == null ? null : filings.countyOfOperator(operator).orElse(null);
    }
}
