package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.Executor;

import me.chanjar.weixin.mp.api.WxMpService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who follows the account. The unionid comes from a user-info call made after the reply has gone. */
@Component
class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);

    private final JdbcClient jdbc;
    private final WxMpService wechat;
    private final Executor afterReply;
    private final Clock clock;

    Followers(JdbcClient jdbc, WxMpService wechat, @Qualifier("officialAccountAfterReply") Executor afterReply, Clock clock) {
        this.jdbc = jdbc;
        this.wechat = wechat;
        this.afterReply = afterReply;
        this.clock = clock;
    }

    void subscribed(String openid, String scene) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO oa_follower (openid, subscribed, scene, subscribed_at, updated_at) VALUES (?, TRUE, ?, ?, ?)
                ON DUPLICATE KEY UPDATE subscribed = TRUE, scene = COALESCE(VALUES(scene), scene),
                                        subscribed_at = VALUES(subscribed_at), unsubscribed_at = NULL, updated_at = VALUES(updated_at)
                """).params(openid, scene, now, now).update();
        afterReply.execute(() -> linkUnionId(openid));
    }

    void unsubscribed(String openid) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO oa_follower (openid, subscribed, unsubscribed_at, updated_at) VALUES (?, FALSE, ?, ?)
                ON DUPLICATE KEY UPDATE subscribed = FALSE, unsubscribed_at = VALUES(unsubscribed_at), updated_at = VALUES(updated_at)
                """).params(openid, now, now).update();
    }

    private void linkUnionId(String openid) {
        try {
            String unionid = wechat.getUserService().userInfo(openid).getUnionId();
            if (unionid != null) {
                jdbc.sql("UPDATE oa_follower SET unionid = ?, updated_at = ? WHERE openid = ?")
                        .params(unionid, LocalDateTime.now(clock), openid).update();
            }
        } catch (Exception e) {
            // the follower sync will try again; the subscription itself is recorded
            log.warn("Follower info not fetched now: reason={}", e.getMessage());
        }
    }
}
