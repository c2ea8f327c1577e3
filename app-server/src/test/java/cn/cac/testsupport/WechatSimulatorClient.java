package cn.cac.testsupport;

import java.net.URI;

import com.github.tomakehurst.wiremock.client.WireMock;

/** A client of the WeChat simulator's admin API, to see which requests WeChat "received". */
public final class WechatSimulatorClient {

    private WechatSimulatorClient() {
    }

    public static WireMock connect(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return new WireMock(uri.getHost(), uri.getPort());
    }
}
