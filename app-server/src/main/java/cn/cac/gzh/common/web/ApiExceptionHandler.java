package cn.cac.gzh.common.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.common.FieldProblem;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves the service as an {@link ApiError} with a stable code and a Chinese message. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> refused(DomainException e) {
        var answer = ResponseEntity.status(statusOf(e.kind()));
        if (e.retryAfterSeconds() > 0) {
            answer.header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return answer.body(new ApiError(e.code(), e.getMessage(), e.fieldErrors()));
    }

    /** The one place where the domain's kinds of refusal become HTTP statuses. */
    static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return status(HttpStatus.BAD_REQUEST, new ApiError("VALIDATION_FAILED", "请求参数校验失败", problems));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> violated(ConstraintViolationException e) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return status(HttpStatus.BAD_REQUEST, new ApiError("VALIDATION_FAILED", "请求参数校验失败", problems));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestLimitFilter.PayloadTooLargeException) {
                return status(HttpStatus.CONTENT_TOO_LARGE, RequestLimitFilter.TOO_LARGE);
            }
        }
        return status(HttpStatus.BAD_REQUEST, new ApiError("MALFORMED_REQUEST", "请求体格式错误，应为有效的 JSON"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
        return status(HttpStatus.BAD_REQUEST, new ApiError("MALFORMED_REQUEST", "参数 " + e.getName() + " 的格式不正确"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return status(HttpStatus.BAD_REQUEST, new ApiError("MALFORMED_REQUEST", "缺少请求头 " + e.getHeaderName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return status(HttpStatus.BAD_REQUEST, new ApiError("MALFORMED_REQUEST", "缺少参数 " + e.getParameterName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的内容类型，请使用 application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return status(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("METHOD_NOT_ALLOWED", "不支持该请求方法"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
        return status(HttpStatus.NOT_FOUND, new ApiError("NOT_FOUND", "请求的资源不存在"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return status(HttpStatus.CONTENT_TOO_LARGE, new ApiError("PAYLOAD_TOO_LARGE", "请求内容过大"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ApiError> stale(OptimisticLockingFailureException e) {
        return status(HttpStatus.CONFLICT, new ApiError("VERSION_CONFLICT", "数据已被修改，请刷新后重试"));
    }

    /**
     * Deadlocks, lock waits and a starved pool that outlasted the retries, a database that is restarting:
     * busy, not broken. Redis away (Spring Data Redis failures are DataAccessExceptions too): sign-in unavailable.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ApiError> database(Exception e, HttpServletRequest request) {
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        var outage = OutageAnswer.of(e);
        if (outage.isPresent()) {
            return outage.get().answer(e, request.getMethod(), request.getRequestURI());
        }
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // any other request Spring MVC itself refused (e.g. an Accept it cannot serve): the caller's fault, not a 500
            return ResponseEntity.status(framework.getStatusCode()).body(new ApiError("MALFORMED_REQUEST", "请求格式不正确"));
        }
        log.error("Unhandled error", e);
        return status(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("INTERNAL_ERROR", "服务器内部错误，请稍后再试"));
    }

    private static String message(FieldError error) {
        if (error.isBindingFailure()) {
            return "格式不正确";
        }
        return error.getDefaultMessage();
    }

    private static ResponseEntity<ApiError> status(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).body(body);
    }
}
