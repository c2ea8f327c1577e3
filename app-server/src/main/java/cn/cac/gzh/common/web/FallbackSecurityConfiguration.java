package cn.cac.gzh.common.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything no module claims: health probes, API docs and public reference data are open; any
 * other path is refused. Modules put their own chains (ordered before this one) in front.
 */
@Configuration(proxyBeanMethods = false)
class FallbackSecurityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain fallbackSecurityChain(HttpSecurity http, ApiErrorWriter errors) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // absent unless MANAGEMENT_METRICS_ACCESS=read-only (then 404 here stays 404)
                        .requestMatchers(HttpMethod.GET, "/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/api/regions/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response, 401,
                                new ApiError("UNAUTHENTICATED", "请先登录")))
                        .accessDeniedHandler((request, response, e) -> errors.write(response, 403,
                                new ApiError("FORBIDDEN", "无权访问"))));
        return http.build();
    }
}
