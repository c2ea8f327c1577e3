package cn.cac.gzh.common.web;

import java.util.List;

import cn.cac.gzh.common.FieldProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error answer: a stable machine code, a Chinese message for people, the fields at
 * fault when the input was invalid, and the request's id (the {@code X-Request-Id} header and the logs carry
 * the same one), so that a screenshot of an error leads to its log lines. The id is filled in at the web
 * edge ({@link RequestIds}); code building an error leaves it out.
 */
@Schema(description = "错误信息")
public record ApiError(
        @Schema(description = "稳定的错误代码，供程序判断", example = "VALIDATION_FAILED") String code,
        @Schema(description = "中文错误说明", example = "请求参数校验失败") String message,
        @Schema(description = "出错的字段") List<FieldProblem> fieldErrors,
        @Schema(description = "请求编号（与响应头 X-Request-Id 及日志中的 requestId 相同），报告问题时请提供",
                example = "3f9a1c0d5e7b2a64", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {

    public ApiError(String code, String message, List<FieldProblem> fieldErrors) {
        this(code, message, fieldErrors, null);
    }

    public ApiError(String code, String message) {
        this(code, message, List.of(), null);
    }

    /** The same error carrying the request's id (unchanged when there is none). */
    ApiError withRequestId(String id) {
        return id == null ? this : new ApiError(code, message, fieldErrors, id);
    }
}
