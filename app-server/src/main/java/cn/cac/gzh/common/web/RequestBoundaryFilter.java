package cn.cac.gzh.common.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;


import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outer edge of every request but WeChat's callbacks: gives it an id (the caller's
 * {@code X-Request-Id} when it is well-formed, else a new one) for the logs and the answer, and
 * answers a busy database that escaped the filters (e.g. the token check) like the controllers do.
 */
class RequestBoundaryFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ApiErrorWriter errors;

    RequestBoundaryFilter(ApiErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && WELL_FORMED.matcher(given).matches() ? given : newId();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (response.isCommitted()) {
                throw e;
            }
            var recognised = OutageAnswer.of(e);
            if (recognised.isEmpty()) {
                throw e;
            }
            OutageAnswer outage = recognised.get();
            // e.g. the console's session could not be read (Redis down), a bearer token not checked (database down)
            outage.log(e, request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, outage.retryAfter());
            errors.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), outage.body());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
