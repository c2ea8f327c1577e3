package cn.cac.gzh.account.internal;

import cn.cac.gzh.common.web.ApiError;
import cn.cac.gzh.common.web.ApiErrorWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * {@code /api/mini/**}: stateless, bearer tokens issued by {@link OperatorSessions}. No cookies, so no
 * CSRF exposure. Public: login, refresh, the self-check, office information and the privacy notice.
 */
@Configuration(proxyBeanMethods = false)
class MiniProgramSecurityConfiguration {

    static final String[] PUBLIC_PATHS = {"/api/mini/auth/login", "/api/mini/auth/refresh", "/api/mini/self-check",
            "/api/mini/office", "/api/mini/privacy-notice", "/api/mini/forms/**"};

    @Bean
    @Order(10)
    SecurityFilterChain miniProgramSecurityChain(HttpSecurity http, OperatorSessions sessions, ApiErrorWriter errors)
            throws Exception {
        http.securityMatcher("/api/mini/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().hasRole("OPERATOR"))
                .addFilterBefore(new OperatorTokenFilter(sessions), UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> {
                            boolean expired = Boolean.TRUE.equals(request.getAttribute(OperatorTokenFilter.EXPIRED_ATTRIBUTE));
                            errors.write(response, 401, expired
                                    ? new ApiError("TOKEN_EXPIRED", "登录已过期，请刷新登录状态")
                                    : new ApiError("UNAUTHENTICATED", "请先登录"));
                        })
                        .accessDeniedHandler((request, response, e) -> errors.write(response, 403,
                                new ApiError("FORBIDDEN", "无权访问"))));
        return http.build();
    }
}
