package cn.cac.gzh.common.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The API's description in /v3/api-docs and the Swagger UI. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "公众号登记备案平台 API", version = "v1",
        description = "小程序接口（/api/mini/**）使用 Authorization: Bearer 令牌；错误统一返回 {code, message, fieldErrors}，code 为稳定的错误代码。"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "POST /api/mini/auth/login 返回的 accessToken")
class OpenApiConfiguration {
}
