package cn.cac.gzh.officialaccount.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** WeChat's servers call the portal; the portal checks WeChat's signatures itself. */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    @Bean
    @Order(30)
    SecurityFilterChain officialAccountPortalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/wechat/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable());
        return http.build();
    }
}
