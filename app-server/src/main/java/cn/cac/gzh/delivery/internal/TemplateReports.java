package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.officialaccount.TemplateSendReported;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** TEMPLATESENDJOBFINISH: WeChat's final word on a template message sets the delivery's status. */
@Component
class TemplateReports {

    private final DeliveryStore store;
    private final Clock clock;

    TemplateReports(DeliveryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(TemplateSendReported report) {
        store.reportTemplate(report.msgId(), report.status(), LocalDateTime.now(clock));
    }
}
