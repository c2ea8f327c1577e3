package cn.cac.gzh.reminder.internal;

import cn.cac.gzh.filing.FilingStatus;
import cn.cac.gzh.filing.ReminderCandidate;

/** What an operator is told about a decision on their filing. */
final class ReviewResultTexts {

    record Text(String title, String body) {
    }

    private ReviewResultTexts() {
    }

    static boolean reports(FilingStatus to) {
        return to == FilingStatus.APPROVED || to == FilingStatus.REJECTED || to == FilingStatus.REVOKED;
    }

    static Text of(FilingStatus result, ReminderCandidate filing, String reason) {
        String name = filing.accountName();
        String why = reason == null || reason.isBlank() ? "未说明" : reason.strip();
        return switch (result) {
            case APPROVED -> new Text("备案审核通过：" + name,
                    "您的公众号“" + name + "”登记备案已审核通过，备案编号：" + filing.filingNumber() + "。请妥善保存备案编号。");
            case REJECTED -> new Text("备案被退回：" + name,
                    "您的公众号“" + name + "”的登记备案被退回，原因：" + why + "。请按要求修改后在小程序中重新提交。");
            case REVOKED -> new Text("备案已撤销：" + name,
                    "您的公众号“" + name + "”的登记备案已被撤销，原因：" + why + "。如有疑问，请联系县委网信办。");
            default -> throw new IllegalArgumentException("No review result for " + result);
        };
    }
}
