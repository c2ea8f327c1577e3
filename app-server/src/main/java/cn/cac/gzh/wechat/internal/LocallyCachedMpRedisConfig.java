package cn.cac.gzh.wechat.internal;

import java.util.concurrent.TimeUnit;

import me.chanjar.weixin.common.redis.WxRedisOps;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

/**
 * The official account's access token in Redis (shared by every instance, see {@link WechatConfiguration}),
 * plus a copy in this instance for a few seconds. WxJava reads the token twice per call (its time to live,
 * then its value): at thousands of template messages per second those two round trips to Redis cost as
 * much as the call to WeChat. The copy is dropped when WxJava expires the token (WeChat answered
 * 40001/42001) or stores a new one, and is never kept past the token's own expiry; a token renewed
 * elsewhere reaches this instance within {@link #LOCAL_NANOS} (or at its first 40001).
 */
class LocallyCachedMpRedisConfig extends WxMpRedisConfigImpl {

    private static final long serialVersionUID = 1L;
    /** How long the copy is used before Redis is asked again. */
    static final long LOCAL_NANOS = 5_000_000_000L;

    private record Copy(String token, long validUntilNanos) {
        boolean fresh() {
            return System.nanoTime() - validUntilNanos < 0;
        }
    }

    private transient volatile Copy copy;

    LocallyCachedMpRedisConfig(WxRedisOps redisOps, String keyPrefix) {
        super(redisOps, keyPrefix);
    }

    @Override
    public String getAccessToken() {
        Copy current = copy;
        return current != null && current.fresh() ? current.token() : super.getAccessToken();
    }

    @Override
    public boolean isAccessTokenExpired() {
        Copy current = copy;
        if (current != null && current.fresh()) {
            return false;
        }
        // what the superclass checks (expired when less than 2 s are left), keeping the time left
        Long secondsLeft = getRedisOps().getExpire(getAccessTokenKey());
        if (secondsLeft == null || secondsLeft < 2) {
            return true;
        }
        String token = getRedisOps().getValue(getAccessTokenKey());
        if (token == null) {
            return true;
        }
        copy = new Copy(token, System.nanoTime() + Math.min(LOCAL_NANOS, TimeUnit.SECONDS.toNanos(secondsLeft - 2)));
        return false;
    }

    @Override
    public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
        copy = null;
        super.updateAccessToken(accessToken, expiresInSeconds);
    }

    @Override
    public void expireAccessToken() {
        copy = null;
        super.expireAccessToken();
    }
}
