package cn.cac.gzh.officialaccount.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Handles each callback once across all instances: WeChat retries (up to three times, maybe at
 * two instances at once), so the first arrival claims the message in Redis (SET NX with a TTL); a
 * retry gets the first answer back once it is there, or "success".
 */
@Component
class OfficialAccountInbox {

    private static final Logger log = LoggerFactory.getLogger(OfficialAccountInbox.class);
    private static final Duration KEEP = Duration.ofMinutes(2);

    private final WxMpMessageRouter router;
    private final StringRedisTemplate redis;

    OfficialAccountInbox(WxMpMessageRouter router, StringRedisTemplate redis) {
        this.router = router;
        this.redis = redis;
    }

    /** The plain reply XML, or "" for "nothing to say". */
    String receive(String xml, Map<String, String> fields) {
        // the claim and the reply of one message share a hash tag: one Redis Cluster node holds both, so a
        // retry never finds a claim whose reply lives on a node that is failing over
        String key = "{" + MessageIds.dedupKey(fields) + "}";
        Boolean first = redis.opsForValue().setIfAbsent("oa:dedup:" + key, "1", KEEP);
        if (!Boolean.TRUE.equals(first)) {
            String earlier = redis.opsForValue().get("oa:reply:" + key);
            log.info("Duplicate callback answered without handling: type={}", fields.get("MsgType"));
            return earlier == null ? "" : earlier;
        }
        try {
            WxMpXmlMessage message = Messages.from(fields);
            Map<String, Object> context = new HashMap<>();
            if (fields.get("MsgID") != null) {
                context.put(MessageIds.REPORTED_MSG_ID, fields.get("MsgID"));
            }
            WxMpXmlOutMessage out = router.route(message, context);
            String reply = Messages.toXml(out);
            redis.opsForValue().set("oa:reply:" + key, reply, KEEP);
            return reply;
        } catch (RuntimeException e) {
            // let WeChat's retry try again
            redis.delete("oa:dedup:" + key);
            throw e;
        }
    }
}
