package cn.cac.gzh.common.web;

import cn.cac.gzh.common.DomainException;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits at the edge, before security: request bodies other than multipart uploads (which have
 * {@code spring.servlet.multipart.*}) and WeChat's callbacks (64 KB, checked by the portal) may not
 * exceed {@code request-limits.max-body-size} ({@code 413 PAYLOAD_TOO_LARGE}, nothing read, nothing
 * changed), and the sign-in paths are limited per client IP ({@code 429 RATE_LIMITED}).
 */
class RequestLimitFilter extends OncePerRequestFilter {

    static final ApiError TOO_LARGE = new ApiError("PAYLOAD_TOO_LARGE", "请求内容过大");

    private final ApiErrorWriter errors;
    private final RequestRateLimits limits;
    private final long maxBodySize;

    RequestLimitFilter(ApiErrorWriter errors, RequestRateLimits limits, long maxBodySize) {
        this.errors = errors;
        this.limits = limits;
        this.maxBodySize = maxBodySize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/wechat/portal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod())) {
            String limit = switch (request.getRequestURI()) {
                case "/api/mini/auth/login" -> RequestRateLimits.MINI_LOGIN;
                case "/api/console/auth/login" -> RequestRateLimits.CONSOLE_LOGIN_IP;
                default -> null;
            };
            long retryAfter = limit == null ? 0 : limits.check(limit, request.getRemoteAddr());
            if (retryAfter > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                errors.write(response, 429, new ApiError(DomainException.RATE_LIMITED, DomainException.RATE_LIMITED_MESSAGE));
                return;
            }
        }
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodySize) {
            errors.write(response, 413, TOO_LARGE);
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBodySize), response);
    }

    /** A body without a length (chunked) is cut off at the limit: reading past it fails. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException() {
            super("request body larger than the limit");
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), max);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        BoundedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
