package cn.cac.gzh.wechat.internal;

import java.util.concurrent.TimeUnit;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The HTTP client WxJava uses for every WeChat call. WxJava's default shares one process-wide pool of
 * 10 connections to api.weixin.qq.com and waits 3 s for one: on a campaign's first morning the 11th
 * simultaneous login then waits behind the others and fails after 3 s. Every WeChat API call goes to
 * one host, so the per-host limit is the whole pool.
 */
final class WechatHttpClients implements ApacheHttpClientBuilder, AutoCloseable {

    static final int MAX_CONNECTIONS = 200;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    /** How long an answer may take once the request is sent ({@code wechat.read-timeout}). */
    static final int DEFAULT_READ_TIMEOUT_MILLIS = 10_000;
    private static final int POOL_WAIT_MILLIS = 5_000;

    private final CloseableHttpClient client;

    WechatHttpClients() {
        this(java.time.Duration.ofMillis(DEFAULT_READ_TIMEOUT_MILLIS));
    }

    WechatHttpClients(java.time.Duration readTimeout) {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        pool.setValidateAfterInactivity(2_000);
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setSocketTimeout(Math.toIntExact(readTimeout.toMillis()))
                        .setConnectionRequestTimeout(POOL_WAIT_MILLIS)
                        .build())
                .evictIdleConnections(60, TimeUnit.SECONDS)
                .disableAutomaticRetries()
                .build();
    }

    @Override
    public CloseableHttpClient build() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    // WxJava passes its proxy and TLS settings through these; we configure none of them
    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] protocols) {
        return this;
    }
}
