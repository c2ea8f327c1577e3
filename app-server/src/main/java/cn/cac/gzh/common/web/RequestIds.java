package cn.cac.gzh.common.web;

import org.slf4j.MDC;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Puts the request's id ({@link RequestBoundaryFilter} keeps it in the logging context) into every
 * {@link ApiError} a controller or {@link ApiExceptionHandler} answers; {@link ApiErrorWriter} does the same for
 * the filters. Errors are built anywhere without it; these are the two places it is added.
 */
@RestControllerAdvice
class RequestIds implements ResponseBodyAdvice<Object> {

    /** The current request's id, null outside a request. */
    static String current() {
        return MDC.get(RequestBoundaryFilter.MDC_KEY);
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        return body instanceof ApiError error ? error.withRequestId(current()) : body;
    }
}
