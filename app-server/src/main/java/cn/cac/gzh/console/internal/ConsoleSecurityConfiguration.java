package cn.cac.gzh.console.internal;

import cn.cac.gzh.common.web.ApiError;
import cn.cac.gzh.common.web.ApiErrorWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * {@code /api/console/**} and the console pages: a session cookie (HttpOnly, SameSite=Strict, kept
 * in Redis so every instance knows it), CSRF tokens for every state-changing call (the SPA reads the
 * {@code XSRF-TOKEN} cookie and sends {@code X-XSRF-TOKEN}), roles per path, and a
 * Content-Security-Policy that lets the pages load nothing but the console's own files.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /** Scripts, styles, images and calls from the console's own origin only; no plugins, no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The console uses no device feature. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    SecurityContextRepository consoleSecurityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(20)
    SecurityFilterChain consoleSecurityChain(HttpSecurity http, ApiErrorWriter errors,
            SecurityContextRepository consoleSecurityContextRepository, StaffAccounts accounts) throws Exception {
        http.securityMatcher("/api/console/**", "/console/**")
                .securityContext(context -> context.securityContextRepository(consoleSecurityContextRepository))
                .addFilterAfter(new StaffSessionRefresh(accounts, consoleSecurityContextRepository),
                        SecurityContextHolderFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/console/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/console/auth/csrf").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/console/auth/login").permitAll()
                        .requestMatchers("/api/console/review/**").hasRole("REVIEWER")
                        .requestMatchers("/api/console/registry/**", "/api/console/dashboard/**").hasAnyRole("REVIEWER", "ADMIN")
                        .requestMatchers("/api/console/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/console/pushes/**").hasRole("PUBLISHER")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.spa())
                // the console is static files of its own origin (ES modules, no inline script or style)
                // plus Spring Security's defaults: nosniff, X-Frame-Options DENY, no-store caching, HSTS over HTTPS
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl("/api/console/auth/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) -> errors.write(response, 401,
                                new ApiError("UNAUTHENTICATED", "请先登录")))
                        .accessDeniedHandler((request, response, e) -> errors.write(response, 403,
                                request.getAttribute("org.springframework.security.web.csrf.CsrfToken") != null
                                        && e.getClass().getSimpleName().contains("Csrf")
                                        ? new ApiError("CSRF_INVALID", "页面已过期，请刷新后重试")
                                        : new ApiError("FORBIDDEN", "无权进行此操作"))));
        return http.build();
    }
}
