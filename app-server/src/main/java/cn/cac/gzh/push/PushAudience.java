package cn.cac.gzh.push;

import java.util.List;

import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.FormType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * @param counties    APPROVED, FILTERED of the city office: only filings of these counties (empty: every county); a
 *                    county office's push reaches its own county's filings only, whatever this says
 */
@Schema(description = "推送对象")
public record PushAudience(
        @NotNull Kind kind,
        FormType formType,
        @Size(max = 32) String township,
        FilingStatus status,
        Boolean overdue,
        @Size(max = 1000) List<Long> operatorIds,
        @Schema(description = "市级网信办：只推送给这些县（区）的备案主体，不填为全部县；县级网信办只能推送本县") @Size(max = 50)
        List<@Pattern(regexp = "\\d{6}", message = "县（区）代码应为6位数字") String> counties) {

    public enum Kind {
        APPROVED, FILTERED, LISTED, FOLLOWERS
    }

    public PushAudience {
        operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
        counties = counties == null ? List.of() : List.copyOf(counties);
    }
}
