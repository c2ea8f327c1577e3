package cn.cac.gzh.reminder.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.console.CurrentStaff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "控制台-通知", description = "工作人员的每日逾期汇总")
@RestController
@RequestMapping("/api/console/notifications")
class StaffNotificationsController {

    private final StaffDigests digests;
    private final Clock clock;

    StaffNotificationsController(StaffDigests digests, Clock clock) {
        this.digests = digests;
        this.clock = clock;
    }

    record NotificationView(long id, LocalDate digestOn, LocalDate coversFrom, LocalDate coversTo, int overdueCount,
            String title, String body, OffsetDateTime sentAt, OffsetDateTime readAt) {
    }

    record Notifications(List<NotificationView> items, int unread) {
    }

    @Operation(summary = "我的通知", description = "本人工作范围的最近30条逾期汇总（全市账号：全市的；县级账号：本县（区）的），最新的在前，含本人未读数。")
    @GetMapping
    Notifications list(@AuthenticationPrincipal CurrentStaff staff) {
        List<NotificationView> items = digests.forStaff(staff.id(), staff.scopeCode(), 30).stream().map(seen -> new NotificationView(
                seen.digest().id(), seen.digest().digestOn(), seen.digest().coversFrom(), seen.digest().coversTo(),
                seen.digest().overdueCount(), seen.digest().title(), seen.digest().body(), Times.display(seen.digest().sentAt()),
                Times.display(seen.readAt()))).toList();
        return new Notifications(items, digests.unread(staff.id(), staff.scopeCode()));
    }

    @Operation(summary = "标记通知已读", description = "错误码：NOTIFICATION_NOT_FOUND（404，不存在或不属于本人工作范围）。")
    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@AuthenticationPrincipal CurrentStaff staff, @PathVariable long id) {
        if (!digests.markRead(id, staff.id(), staff.scopeCode(), LocalDateTime.now(clock))) {
            throw DomainException.notFound("NOTIFICATION_NOT_FOUND", "通知不存在");
        }
    }
}
