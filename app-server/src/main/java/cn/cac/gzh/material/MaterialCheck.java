package cn.cac.gzh.material;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The automatic check of one material against the form: WeChat's OCR of the photo, compared field by field
 * with what the operator typed (docs/materials.md#automatic-check). Never blocks a submission.
 */
@Schema(description = "材料自动核对结果（微信OCR识别后与填写内容比对，仅供参考，不影响提交）")
public record MaterialCheck(
        @Schema(description = "PENDING=识别中，DONE=已核对，UNCHECKED=暂未核对（微信服务异常或额度用尽，稍后重试），SKIPPED=未核对（PDF 文件、识别前已被替换或已删除，statusLabel 说明原因）") Status status,
        String statusLabel,
        @Schema(description = "是否有不一致的项目") boolean mismatch,
        @Schema(description = "识别完成时间") OffsetDateTime checkedAt,
        List<Result> results) {

    public enum Status {
        PENDING("识别中"), DONE("已核对"), UNCHECKED("暂未核对"), SKIPPED("未核对");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Field {
        DOCUMENT("证件"), SIDE("证件面"), NAME("姓名"), ID_NUMBER("身份证号码"), VALIDITY("有效期限"),
        CREDIT_CODE("统一社会信用代码"), UNIT_NAME("单位名称"), LEGAL_REPRESENTATIVE("法定代表人");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Outcome {
        MATCH, MISMATCH, UNREADABLE
    }

    /**
     * @param recognised what the photo says (ID numbers masked)
     * @param entered    what the form says (ID numbers masked)
     */
    public record Result(Field field, String fieldLabel, Outcome outcome, String recognised, String entered,
            String message) {
    }

    /** Not checked, with the reason in the label (a PDF, replaced before its turn, deleted). */
    public static MaterialCheck skipped(String label) {
        return new MaterialCheck(Status.SKIPPED, label, false, null, List.of());
    }

    public static MaterialCheck of(Status status, OffsetDateTime checkedAt, List<Result> results) {
        return new MaterialCheck(status, status.label(), results.stream().anyMatch(r -> r.outcome() == Outcome.MISMATCH),
                checkedAt, List.copyOf(results));
    }
}
