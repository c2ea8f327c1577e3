package cn.cac.gzh.reminder.internal;

import java.util.List;
import java.util.Set;

import cn.cac.gzh.filing.FilingStatus;

/**
 * The reminder rules. Each says what its offsets count from ({@link #offsetMeaning}), which
 * placeholders its texts may use, and in which filing states a pending reminder is still worth sending.
 */
enum RuleCode {
    CAMPAIGN_DEADLINE("集中登记截止提醒", "截止日前几天（如 3,1）", List.of("公众号", "截止日期", "剩余天数"), Set.of(FilingStatus.DRAFT, FilingStatus.REJECTED)),
    OPENING_WINDOW("新开通账号30日内备案提醒", "开通后第几天（如 7,20,27）", List.of("公众号", "开通日期", "已开通天数", "截止日期", "剩余天数"),
            Set.of(FilingStatus.DRAFT, FilingStatus.REJECTED)),
    REJECTED_IDLE("退回后未重新提交提醒", "退回后第几天（如 3,7）", List.of("公众号", "退回日期", "退回原因", "截止日期"), Set.of(FilingStatus.REJECTED)),
    OVERDUE("逾期通知", "截止日后第几天（如 1）", List.of("公众号", "截止日期", "已逾期天数"), Set.of(FilingStatus.DRAFT, FilingStatus.REJECTED)),
    STAFF_DIGEST("逾期日报（发给工作人员）", "不使用（每天早上一次）", List.of("日期", "数量", "名单"), Set.of()),
    ANNUAL_RECONFIRMATION("年度备案信息确认", "备案周年日前几天（0 为当天）", List.of("公众号", "备案编号", "年数"), Set.of(FilingStatus.APPROVED));

    private final String label;
    private final String offsetMeaning;
    private final List<String> placeholders;
    private final Set<FilingStatus> stillDueIn;

    RuleCode(String label, String offsetMeaning, List<String> placeholders, Set<FilingStatus> stillDueIn) {
        this.label = label;
        this.offsetMeaning = offsetMeaning;
        this.placeholders = placeholders;
        this.stillDueIn = stillDueIn;
    }

    String label() {
        return label;
    }

    String offsetMeaning() {
        return offsetMeaning;
    }

    List<String> placeholders() {
        return placeholders;
    }

    /** Whether a reminder of this rule still makes sense for a filing in {@code status}. */
    boolean stillDue(FilingStatus status) {
        return stillDueIn.contains(status);
    }
}
