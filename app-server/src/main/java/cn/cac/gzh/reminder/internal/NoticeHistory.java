package cn.cac.gzh.reminder.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.cac.gzh.common.Times;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.MessageTrace;

import org.springframework.stereotype.Component;

/** A filing's notices with what became of each: inbox (read or not) and every WeChat send. */
@Component
class NoticeHistory {

    private static final Map<String, String> STATUS = Map.of("PENDING", "待发送", "SENT", "已发出", "CANCELLED", "已取消");
    private static final Map<String, String> SEND_STATUS = Map.of("QUEUED", "排队中", "SENDING", "发送中", "SENT", "已发送",
            "DELIVERED", "已送达", "FAILED", "发送失败", "UNKNOWN", "结果未知", "SKIPPED", "未发送", "CANCELLED", "已取消");
    private static final Map<String, String> RESULT = Map.of("APPROVED", "审核通过", "REJECTED", "退回", "REVOKED", "撤销");

    record ChannelView(String channel, String channelLabel, String status, String statusLabel, OffsetDateTime sentAt,
            String errorCode) {
    }

    record NoticeView(long id, String kind, String kindLabel, String rule, String ruleLabel, Integer step, String title,
            String body, String status, String statusLabel, OffsetDateTime createdAt, OffsetDateTime sendAt,
            OffsetDateTime sentAt, OffsetDateTime cancelledAt, OffsetDateTime inboxAt, OffsetDateTime readAt,
            List<ChannelView> channels) {
    }

    private final NoticeStore store;
    private final Deliveries deliveries;

    NoticeHistory(NoticeStore store, Deliveries deliveries) {
        this.store = store;
        this.deliveries = deliveries;
    }

    List<NoticeView> of(long filingId, long operatorId) {
        List<NoticeStore.Stored> notices = store.history(filingId);
        Map<String, List<Long>> idsByKind = notices.stream().collect(Collectors.groupingBy(NoticeStore.Stored::kind,
                Collectors.mapping(NoticeStore.Stored::id, Collectors.toList())));
        Map<String, Map<Long, MessageTrace>> traces = new HashMap<>();
        idsByKind.forEach((kind, ids) -> traces.put(kind, deliveries.traces(kind, ids, operatorId)));
        List<NoticeView> views = new ArrayList<>(notices.size());
        for (NoticeStore.Stored notice : notices) {
            MessageTrace trace = traces.getOrDefault(notice.kind(), Map.of()).get(notice.id());
            List<ChannelView> channels = trace == null ? List.of() : trace.channels().stream()
                    .map(c -> new ChannelView(c.channel().name(), c.channel().label(), c.status(),
                            SEND_STATUS.getOrDefault(c.status(), c.status()), Times.display(c.sentAt()), c.errorCode()))
                    .toList();
            views.add(new NoticeView(notice.id(), notice.kind(), NewNotice.REMINDER.equals(notice.kind()) ? "提醒" : "审核结果",
                    notice.ruleCode(), ruleLabel(notice.ruleCode()), notice.step(), notice.title(), notice.body(),
                    notice.status(), STATUS.getOrDefault(notice.status(), notice.status()), Times.display(notice.createdAt()),
                    Times.display(notice.sendAt()), Times.display(notice.sentAt()), Times.display(notice.cancelledAt()),
                    trace == null ? null : Times.display(trace.inboxAt()), trace == null ? null : Times.display(trace.readAt()),
                    channels));
        }
        return views;
    }

    private static String ruleLabel(String code) {
        if (RESULT.containsKey(code)) {
            return RESULT.get(code);
        }
        try {
            return RuleCode.valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
