package cn.cac.gzh.reminder.internal;

import java.util.List;

import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.filing.FilingErrors;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "提醒与通知记录", description = "每个备案收到过的提醒和审核结果通知：何时、经哪个渠道、是否已读")
@RestController
class NoticeHistoryController {

    private final NoticeHistory history;
    private final FilingLookup filings;

    NoticeHistoryController(NoticeHistory history, FilingLookup filings) {
        this.history = history;
        this.filings = filings;
    }

    @Operation(summary = "我的备案收到的提醒和通知", description = "最新的在前。错误码：FILING_NOT_FOUND（不存在或不是本人的备案）。")
    @SecurityRequirement(name = "bearer")
    @GetMapping("/api/mini/filings/{id}/notices")
    List<NoticeHistory.NoticeView> mine(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long id) {
        FilingRef filing = filings.requireOwned(id, operator.id());
        return history.of(filing.id(), filing.operatorId());
    }

    @Operation(summary = "备案的提醒与通知记录（控制台）", description = "审核员、管理员。错误码：FILING_NOT_FOUND。")
    @GetMapping("/api/console/registry/{id}/notices")
    List<NoticeHistory.NoticeView> ofFiling(@PathVariable long id) {
        FilingRef filing = filings.find(id).orElseThrow(FilingErrors::notFound);
        return history.of(filing.id(), filing.operatorId());
    }
}
