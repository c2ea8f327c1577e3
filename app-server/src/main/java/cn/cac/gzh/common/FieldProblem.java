package cn.cac.gzh.common;

import io.swagger.v3.oas.annotations.media.Schema;

/** One invalid field: its path in the request (e.g. {@code unit.responsiblePerson.idNumber}) and why. */
public record FieldProblem(
        @Schema(example = "unit.responsiblePerson.idNumber") String field,
        @Schema(example = "身份证号码校验位不正确") String message) {
}
