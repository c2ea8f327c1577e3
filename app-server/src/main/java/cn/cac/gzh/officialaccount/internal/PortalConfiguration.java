package cn.cac.gzh.officialaccount.internal;

import java.time.Clock;

import cn.cac.gzh.common.web.RequestRateLimits;
import cn.cac.gzh.wechat.WechatProperties;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration {

    /** First of all filters: before sessions, security and request observation. */
    @Bean
    FilterRegistrationBean<PortalFilter> officialAccountPortal(OfficialAccountInbox inbox, WechatProperties wechat, Clock clock,
            RequestRateLimits limits, MeterRegistry registry) {
        FilterRegistrationBean<PortalFilter> registration = new FilterRegistrationBean<>(
                new PortalFilter(inbox, wechat, clock, limits, new PortalMetrics(registry)));
        registration.addUrlPatterns(PortalFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("officialAccountPortal");
        return registration;
    }

    /** The portal is a filter, not a controller: describe it in the OpenAPI document by hand. */
    @Bean
    OpenApiCustomizer officialAccountPortalDocumentation() {
        return openApi -> {
            Parameter appid = new Parameter().in("path").name("appid").required(true).schema(new StringSchema())
                    .description("公众号 AppID；其他值返回 404");
            ApiResponses common = new ApiResponses()
                    .addApiResponse("200", new ApiResponse().description("回复消息（XML，安全模式下为加密信封）或 success"))
                    .addApiResponse("400", new ApiResponse().description("XML 畸形或含 DOCTYPE"))
                    .addApiResponse("403", new ApiResponse().description("签名、appid 或时间戳不符"))
                    .addApiResponse("404", new ApiResponse().description("未知的 AppID"))
                    .addApiResponse("413", new ApiResponse().description("消息体超过 64 KB"))
                    .addApiResponse("429", new ApiResponse().description("同一 IP 请求过于频繁（Retry-After）"));
            Operation get = new Operation().summary("服务器地址校验").description("签名正确时原样返回 echostr。")
                    .addTagsItem("公众号回调").operationId("officialAccountVerify").addParametersItem(appid)
                    .addParametersItem(query("signature")).addParametersItem(query("timestamp"))
                    .addParametersItem(query("nonce")).addParametersItem(query("echostr"))
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("echostr"))
                            .addApiResponse("403", new ApiResponse().description("签名不符")));
            Operation post = new Operation().summary("接收消息与事件")
                    .description("明文或安全模式（encrypt_type=aes, msg_signature），以相同模式回复；同一消息在多个实例间只处理一次。")
                    .addTagsItem("公众号回调").operationId("officialAccountReceive").addParametersItem(appid)
                    .addParametersItem(query("signature")).addParametersItem(query("timestamp"))
                    .addParametersItem(query("nonce")).addParametersItem(query("encrypt_type"))
                    .addParametersItem(query("msg_signature"))
                    .requestBody(new RequestBody().content(new Content().addMediaType("text/xml",
                            new MediaType().schema(new StringSchema()))))
                    .responses(common);
            openApi.path(PortalFilter.PREFIX + "{appid}", new PathItem().get(get).post(post));
        };
    }

    private static Parameter query(String name) {
        return new Parameter().in("query").name(name).required(false).schema(new StringSchema());
    }

}
