package cn.cac.gzh.common.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description in /v3/api-docs and the Swagger UI. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "公众号登记备案平台 API", version = "v1",
        description = "小程序接口（/api/mini/**）使用 Authorization: Bearer 令牌；错误统一返回 {code, message, fieldErrors}，code 为稳定的错误代码；"
                + "每个应答带 X-Request-Id 头（可由调用方传入），报告问题时请附上。"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "POST /api/mini/auth/login 返回的 accessToken")
class OpenApiConfiguration {

    /** Any operation that touches the database may meet a busy one: say so once, for all of them. */
    @Bean
    OpenApiCustomizer databaseBusyResponse() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                responses.computeIfAbsent("503", status -> new ApiResponse().description(
                        "服务暂时繁忙（错误码 DATABASE_BUSY 等），请按 Retry-After 头所示秒数后重试"));
                operation.setResponses(responses);
            }));
        };
    }
}
