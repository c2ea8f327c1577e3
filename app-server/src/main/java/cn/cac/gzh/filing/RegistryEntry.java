package cn.cac.gzh.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** One registry row (no personal numbers). */
public record RegistryEntry(long id, String accountName, String wechatId, String originalId, FormType formType,
        String subjectName, String township, FilingStatus status, String statusLabel, String filingNumber,
        LocalDate dueOn, boolean overdue, long operatorId, OffsetDateTime submittedAt, OffsetDateTime createdAt,
        boolean paperReceived,
        @Schema(description = "材料自动核对发现不一致") boolean materialMismatch) {
}
