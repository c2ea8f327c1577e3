package cn.cac.gzh.common.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code /api/**}, only for the origins in {@code cors.allowed-origins} ({@code ALLOWED_ORIGINS},
 * none by default: the console is served by this service itself and the mini-program is no browser).
 * A preflight from any other origin is refused (403) before security; a simple request from another
 * origin gets no CORS headers, so the browser does not let the page read the answer.
 */
class CrossOriginFilter extends OncePerRequestFilter {

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    CrossOriginFilter(List<String> allowedOrigins) {
        configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList());
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("*"));
        configuration.setExposedHeaders(List.of("Retry-After", "X-Request-Id", "Content-Disposition"));
        configuration.setAllowCredentials(true);
        configuration.setMaxAge(Duration.ofHours(1));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || !CorsUtils.isCorsRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean preflight = CorsUtils.isPreFlightRequest(request);
        boolean allowed = configuration.checkOrigin(request.getHeader("Origin")) != null;
        if (preflight) {
            // answers 200 with the CORS headers, or 403 "Invalid CORS request"; either way the chain ends here
            processor.processRequest(configuration, request, response);
            return;
        }
        if (allowed && !processor.processRequest(configuration, request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }
}
