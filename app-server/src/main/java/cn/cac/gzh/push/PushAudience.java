package cn.cac.gzh.push;

import java.util.List;

import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who receives a push.
 *
 * @param kind        {@code APPROVED} all operators with an approved filing; {@code FILTERED} operators with
 *                    a filing matching the filters; {@code LISTED} the operators named; {@code FOLLOWERS} every
 *                    follower of the official account (template messages)
 * @param formType    FILTERED: 表一/表二
 * @param township    FILTERED: the filing's township
 * @param status      FILTERED: the filing's status
 * @param overdue     FILTERED: only overdue filings
 * @param operatorIds LISTED: the operators
 */
@Schema(description = "推送对象")
public record PushAudience(
        @NotNull Kind kind,
        FormType formType,
        @Size(max = 32) String township,
        FilingStatus status,
        Boolean overdue,
        @Size(max = 1000) List<Long> operatorIds) {

    public enum Kind {
        APPROVED, FILTERED, LISTED, FOLLOWERS
    }

    public PushAudience {
        operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
    }
}
