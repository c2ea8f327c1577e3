package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** An operator's inbox as the mini-program reads it: newest first, and opened items marked read. */
@Component
class InboxStore {

    private final InboxMapper inbox;
    private final Clock clock;

    InboxStore(InboxMapper inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    List<InboxMapper.Item> newestFirst(long operatorId, int pageNumber, int pageSize) {
        return inbox.newestFirst(operatorId, pageSize, (pageNumber - 1) * pageSize);
    }

    InboxMapper.Counts counts(long operatorId) {
        return inbox.countsFor(operatorId);
    }

    /** Someone else's item is absent, exactly like a missing one. */
    Optional<InboxMapper.Item> owned(long operatorId, long id) {
        return Optional.ofNullable(inbox.owned(id, operatorId));
    }

    /** Only the first reading is kept. */
    void markRead(long id) {
        inbox.markRead(id, LocalDateTime.now(clock));
    }
}
