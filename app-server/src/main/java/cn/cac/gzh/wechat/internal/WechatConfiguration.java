package cn.cac.gzh.wechat.internal;

import java.time.Duration;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaRedisBetterConfigImpl;
import cn.cac.gzh.wechat.WechatProperties;
import me.chanjar.weixin.common.redis.RedisTemplateWxRedisOps;
import me.chanjar.weixin.common.redis.WxRedisOps;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpHostConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * WxJava wired by hand (there is no starter for 4.7.9.B). Tokens live in Redis and come from
 * {@code stable_token}, which returns the same token to every instance while it is valid, so N
 * instances never invalidate each other's token.
 */
@Configuration(proxyBeanMethods = false)
class WechatConfiguration {

    @Bean
    WxRedisOps wechatRedisOps(StringRedisTemplate redisTemplate) {
        return new RedisTemplateWxRedisOps(redisTemplate);
    }

    /** One pool for both services (closed with the context). */
    @Bean
    WechatHttpClients wechatHttpClients(
            @Value("${wechat.read-timeout:" + WechatHttpClients.DEFAULT_READ_TIMEOUT_MILLIS + "ms}") Duration readTimeout) {
        return new WechatHttpClients(readTimeout);
    }

    @Bean
    WxMaService wxMaService(WechatProperties properties, WxRedisOps redisOps, WechatHttpClients http) {
        var config = new WxMaRedisBetterConfigImpl(redisOps, properties.tokenKeyPrefix());
        config.setAppid(properties.miniapp().appId());
        config.setSecret(properties.miniapp().secret());
        config.setApiHostUrl(baseUrl(properties));
        config.setApacheHttpClientBuilder(http);
        config.useStableAccessToken(true);
        var service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        // the service keeps its own copy (defaults 1000 ms × 5 ≈ 31 s per call); the config's is not read
        service.setMaxRetryTimes(properties.maxRetryTimes());
        service.setRetrySleepMillis(properties.retrySleepMillis());
        return service;
    }

    @Bean
    WxMpService wxMpService(WechatProperties properties, WxRedisOps redisOps, WechatHttpClients http) {
        var mp = properties.mp();
        var config = new LocallyCachedMpRedisConfig(redisOps, properties.tokenKeyPrefix());
        config.setAppId(mp.appId());
        config.setSecret(mp.secret());
        config.setToken(mp.token());
        config.setAesKey(mp.aesKey());
        String host = baseUrl(properties);
        config.setHostConfig(WxMpHostConfig.builder().apiHost(host).mpHost(host).openHost(host).build());
        config.setApacheHttpClientBuilder(http);
        config.useStableAccessToken(true);
        var service = new TokenRecheckingWxMpService();
        service.setWxMpConfigStorage(config);
        service.setMaxRetryTimes(properties.maxRetryTimes());
        service.setRetrySleepMillis(properties.retrySleepMillis());
        return service;
    }

    private static String baseUrl(WechatProperties properties) {
        String url = properties.apiBaseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
