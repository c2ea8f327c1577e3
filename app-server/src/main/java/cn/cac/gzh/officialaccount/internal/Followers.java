package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.Executor;

import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Who follows the account. The unionid comes from a user-info call made after the reply has gone. */
@Component
class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);

    private final FollowerMapper followers;
    private final WxMpService wechat;
    private final Executor afterReply;
    private final Clock clock;

    Followers(FollowerMapper followers, WxMpService wechat, @Qualifier("officialAccountAfterReply") Executor afterReply, Clock clock) {
        this.followers = followers;
        this.wechat = wechat;
        this.afterReply = afterReply;
        this.clock = clock;
    }

    void subscribed(String openid, String scene) {
        followers.subscribed(openid, scene, LocalDateTime.now(clock));
        afterReply.execute(() -> linkUnionId(openid));
    }

    void unsubscribed(String openid) {
        followers.unsubscribed(openid, LocalDateTime.now(clock));
    }

    private void linkUnionId(String openid) {
        try {
            String unionid = wechat.getUserService().userInfo(openid).getUnionId();
            if (unionid != null) {
                followers.linkUnionId(openid, unionid, LocalDateTime.now(clock));
            }
        } catch (Exception e) {
            // the follower sync will try again; the subscription itself is recorded
            log.warn("Follower info not fetched now: reason={}", e.getMessage());
        }
    }
}
