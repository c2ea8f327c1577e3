package cn.cac.gzh.common.web;

import java.util.List;

import cn.cac.gzh.common.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every error answer: a stable machine code, a Chinese message for people, and the
 * fields at fault when the input was invalid.
 */
@Schema(description = "错误信息")
public record ApiError(
        @Schema(description = "稳定的错误代码，供程序判断", example = "VALIDATION_FAILED") String code,
        @Schema(description = "中文错误说明", example = "请求参数校验失败") String message,
        @Schema(description = "出错的字段") List<FieldProblem> fieldErrors) {

    public ApiError(String code, String message) {
        this(code, message, List.of());
    }
}
