package cn.cac.gzh.storage.internal;

import cn.cac.gzh.common.web.ApiError;
import cn.cac.gzh.storage.ObjectStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Storage down, slow or refusing: the caller gets a clear 503 (the operation changed nothing). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ObjectStorageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorageErrorAdvice.class);

    @ExceptionHandler(ObjectStorageException.class)
    ResponseEntity<ApiError> unavailable(ObjectStorageException e) {
        log.warn("Object storage unavailable: reason={}", e.getMessage(), e.getCause());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ApiError("STORAGE_UNAVAILABLE", "文件存储服务暂时不可用，请稍后再试"));
    }
}
