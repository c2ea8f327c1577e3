package cn.cac.gzh.wechat.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpConfigStorage;

/**
 * WxJava's official-account service, with one fix: after taking the token lock it looks again whether
 * another caller fetched the token meanwhile. WxJava 4.7.9.B fetches as soon as it holds the lock, so
 * callers that waited for it each fetch once more: a cold start with 64 concurrent senders made two or
 * more fetches (each fetch counts against WeChat's daily quota of the token API).
 */
class TokenRecheckingWxMpService extends WxMpServiceImpl {

    /** How long a caller waits for another one's fetch, as WxJava does. */
    private static final long LOCK_WAIT_MILLIS = 3_000;

    @Override
    public String getAccessToken(boolean forceRefresh) throws WxErrorException {
        WxMpConfigStorage config = getWxMpConfigStorage();
        if (!forceRefresh && !config.isAccessTokenExpired()) {
            return config.getAccessToken();
        }
        Lock lock = config.getAccessTokenLock();
        boolean locked = false;
        try {
            long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
            do {
                locked = lock.tryLock(100, TimeUnit.MILLISECONDS);
                // fetched by someone else while this caller waited (also the check WxJava leaves out once locked)
                if (!forceRefresh && !config.isAccessTokenExpired()) {
                    return config.getAccessToken();
                }
                if (!locked && System.currentTimeMillis() > deadline) {
                    throw new WxRuntimeException("timed out waiting for the access token");
                }
            } while (!locked);
            String response = config.isStableAccessToken() ? doGetStableAccessTokenRequest(forceRefresh) : doGetAccessTokenRequest();
            return extractAccessToken(response);
        } catch (IOException e) {
            throw new WxRuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WxRuntimeException(e);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }
}
