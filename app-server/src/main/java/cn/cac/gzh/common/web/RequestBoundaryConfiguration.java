package cn.cac.gzh.common.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

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
}
