package cn.cac.gzh.common.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class RequestBoundaryConfiguration {

    /** Right after the official-account portal (which is first and needs none of this), before security. */
    @Bean
    FilterRegistrationBean<RequestBoundaryFilter> requestBoundary(ApiErrorWriter errors) {
        FilterRegistrationBean<RequestBoundaryFilter> registration = new FilterRegistrationBean<>(new RequestBoundaryFilter(errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("requestBoundary");
        return registration;
    }

    /** CORS preflights are answered before security (which would ask a preflight to sign in). */
    @Bean
    FilterRegistrationBean<CrossOriginFilter> crossOrigin(@Value("${cors.allowed-origins:}") List<String> allowedOrigins) {
        FilterRegistrationBean<CrossOriginFilter> registration = new FilterRegistrationBean<>(new CrossOriginFilter(allowedOrigins));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("crossOrigin");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestLimitFilter> requestLimits(ApiErrorWriter errors, RequestRateLimits limits,
            @Value("${request-limits.max-body-size:1MB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestLimitFilter(errors, limits, maxBodySize.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setName("requestLimits");
        return registration;
    }
}
