package cn.cac.gzh.delivery.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Component;

/** The subscribe-message opt-ins an operator grants: each accepted template allows one message. */
@Component
class OptInStore {

    private final DeliveryMapper deliveries;

    OptInStore(DeliveryMapper deliveries) {
        this.deliveries = deliveries;
    }

    void grant(long operatorId, List<String> templateIds, LocalDateTime now) {
        if (!templateIds.isEmpty()) {
            deliveries.grantOptIns(operatorId, templateIds, now);
        }
    }
}
