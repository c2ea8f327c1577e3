package cn.cac.gzh.delivery.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.cac.gzh.account.OperatorDirectory;
import cn.cac.gzh.delivery.Channel;
import cn.cac.gzh.delivery.Deliveries;
import cn.cac.gzh.delivery.DeliveryProgress;
import cn.cac.gzh.delivery.FailureGroup;
import cn.cac.gzh.delivery.InboxReceipt;
import cn.cac.gzh.delivery.MessageTrace;
import cn.cac.gzh.delivery.OutgoingMessage;
import cn.cac.gzh.officialaccount.FollowerDirectory;

import org.springframework.stereotype.Service;

/** Turning a message and its recipients into rows: inbox items and deliveries, idempotently. */
@Service
class DatabaseDeliveries implements Deliveries {

    /** Rows per INSERT statement. */
    private static final int INSERT_CHUNK = 500;

    private final DeliveryMapper deliveries;
    private final InboxMapper inbox;
    private final OperatorDirectory operators;
    private final FollowerDirectory followers;
    private final DeliveryProperties properties;
    private final Clock clock;

    DatabaseDeliveries(DeliveryMapper deliveries, InboxMapper inbox, OperatorDirectory operators,
            FollowerDirectory followers, DeliveryProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.operators = operators;
        this.followers = followers;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void enqueueToOperators(OutgoingMessage message, Collection<Long> operatorIds, Set<Channel> channels) {
        if (operatorIds.isEmpty()) {
            return;
        }
        Map<Long, Long> inboxIds = writeInbox(message, operatorIds);
        List<DeliveryMapper.NewDelivery> rows = new ArrayList<>();
        DeliveryProperties.Template subscribe = properties.template(message.sourceType(), Channel.SUBSCRIBE);
        if (channels.contains(Channel.SUBSCRIBE) && subscribe != null) {
            List<Long> optedIn = deliveries.optedIn(subscribe.templateId(), operatorIds);
            operators.miniProgramOpenids(optedIn).forEach((operator, openid) ->
                    rows.add(new DeliveryMapper.NewDelivery(Channel.SUBSCRIBE, openid, operator, inboxIds.get(operator))));
        }
        if (channels.contains(Channel.TEMPLATE) && properties.template(message.sourceType(), Channel.TEMPLATE) != null) {
            followers.followerOpenidsOf(operatorIds).forEach((operator, openid) ->
                    rows.add(new DeliveryMapper.NewDelivery(Channel.TEMPLATE, openid, operator, inboxIds.get(operator))));
        }
        writeDeliveries(message, rows);
    }

    @Override
    public void enqueueToFollowers(OutgoingMessage message, Collection<String> followerOpenids) {
        if (followerOpenids.isEmpty() || properties.template(message.sourceType(), Channel.TEMPLATE) == null) {
            return;
        }
        Map<String, Long> known = followers.operatorsOf(followerOpenids);
        Map<Long, Long> inboxIds = writeInbox(message, known.values());
        List<DeliveryMapper.NewDelivery> rows = new ArrayList<>();
        for (String openid : followerOpenids) {
            Long operator = known.get(openid);
            rows.add(new DeliveryMapper.NewDelivery(Channel.TEMPLATE, openid, operator, operator == null ? null : inboxIds.get(operator)));
        }
        writeDeliveries(message, rows);
    }

    /** Inbox items for these operators (existing ones are kept); their ids by operator. */
    private Map<Long, Long> writeInbox(OutgoingMessage message, Collection<Long> operatorIds) {
        Map<Long, Long> ids = new HashMap<>();
        if (operatorIds.isEmpty()) {
            return ids;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> list = List.copyOf(operatorIds);
        for (int from = 0; from < list.size(); from += INSERT_CHUNK) {
            inbox.insertIgnoringDuplicates(message, list.subList(from, Math.min(list.size(), from + INSERT_CHUNK)), now);
        }
        for (var item : inbox.idsOf(message.sourceType(), message.sourceId(), list)) {
            ids.put(item.operatorId(), item.id());
        }
        return ids;
    }

    private void writeDeliveries(OutgoingMessage message, List<DeliveryMapper.NewDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        deliveries.insertMessageIgnoringDuplicate(message);
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            deliveries.insertIgnoringDuplicates(message.sourceType(), message.sourceId(),
                    rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK)), now);
        }
    }

    @Override
    public int cancel(String sourceType, long sourceId) {
        return deliveries.cancelQueued(sourceType, sourceId, LocalDateTime.now(clock));
    }

    @Override
    public DeliveryProgress progress(String sourceType, long sourceId) {
        Map<Channel, Map<String, Long>> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, new LinkedHashMap<>());
        }
        for (var count : deliveries.statusCounts(sourceType, sourceId)) {
            byChannel.get(count.channel()).put(count.status(), count.n());
        }
        InboxMapper.MessageCounts items = inbox.countsOf(sourceType, sourceId);
        return new DeliveryProgress(items.items(), items.opened(), byChannel);
    }

    @Override
    public List<FailureGroup> failures(String sourceType, long sourceId) {
        return deliveries.failures(sourceType, sourceId);
    }

    @Override
    public List<InboxReceipt> receipts(String sourceType, long sourceId, boolean unreadOnly, long afterOperatorId, int limit) {
        return inbox.receipts(sourceType, sourceId, unreadOnly, afterOperatorId, limit);
    }

    @Override
    public Map<Long, MessageTrace> traces(String sourceType, Collection<Long> sourceIds, long operatorId) {
        Map<Long, MessageTrace> traces = new LinkedHashMap<>();
        if (sourceIds.isEmpty()) {
            return traces;
        }
        Map<Long, List<MessageTrace.ChannelTrace>> channels = new HashMap<>();
        for (var row : deliveries.channelTraces(sourceType, sourceIds, operatorId)) {
            channels.computeIfAbsent(row.sourceId(), id -> new ArrayList<>())
                    .add(new MessageTrace.ChannelTrace(row.channel(), row.status(), row.sentAt(), row.errorCode()));
        }
        Map<Long, LocalDateTime[]> items = new HashMap<>();
        for (var item : inbox.itemsOf(sourceType, sourceIds, operatorId)) {
            items.put(item.sourceId(), new LocalDateTime[] {item.createdAt(), item.readAt()});
        }
        for (long id : sourceIds) {
            LocalDateTime[] item = items.getOrDefault(id, new LocalDateTime[2]);
            traces.put(id, new MessageTrace(id, item[0], item[1], List.copyOf(channels.getOrDefault(id, List.of()))));
        }
        return traces;
    }
}
