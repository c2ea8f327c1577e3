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

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Turning a message and its recipients into rows: inbox items and deliveries, idempotently. */
@Service
class DatabaseDeliveries implements Deliveries {

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final OperatorDirectory operators;
    private final FollowerDirectory followers;
    private final DeliveryProperties properties;
    private final Clock clock;

    DatabaseDeliveries(JdbcTemplate jdbc, JdbcClient sql, OperatorDirectory operators, FollowerDirectory followers,
            DeliveryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.operators = operators;
        this.followers = followers;
        this.properties = properties;
        this.clock = clock;
    }

    /** One WeChat message to write. */
    private record NewDelivery(Channel channel, String recipient, Long operatorId, Long inboxItemId) {
    }

    @Override
    public void enqueueToOperators(OutgoingMessage message, Collection<Long> operatorIds, Set<Channel> channels) {
        if (operatorIds.isEmpty()) {
            return;
        }
        Map<Long, Long> inbox = writeInbox(message, operatorIds);
        List<NewDelivery> rows = new ArrayList<>();
        DeliveryProperties.Template subscribe = properties.template(message.sourceType(), Channel.SUBSCRIBE);
        if (channels.contains(Channel.SUBSCRIBE) && subscribe != null) {
            List<Long> optedIn = sql.sql("""
                    SELECT DISTINCT operator_id FROM subscribe_opt_in
                    WHERE template_id = :template AND consumed_at IS NULL AND operator_id IN (:ids)""")
                    .param("template", subscribe.templateId()).param("ids", operatorIds).query(Long.class).list();
            operators.miniProgramOpenids(optedIn).forEach((operator, openid) ->
                    rows.add(new NewDelivery(Channel.SUBSCRIBE, openid, operator, inbox.get(operator))));
        }
        if (channels.contains(Channel.TEMPLATE) && properties.template(message.sourceType(), Channel.TEMPLATE) != null) {
            followers.followerOpenidsOf(operatorIds).forEach((operator, openid) ->
                    rows.add(new NewDelivery(Channel.TEMPLATE, openid, operator, inbox.get(operator))));
        }
        writeDeliveries(message, rows);
    }

    @Override
    public void enqueueToFollowers(OutgoingMessage message, Collection<String> followerOpenids) {
        if (followerOpenids.isEmpty() || properties.template(message.sourceType(), Channel.TEMPLATE) == null) {
            return;
        }
        Map<String, Long> known = followers.operatorsOf(followerOpenids);
        Map<Long, Long> inbox = writeInbox(message, known.values());
        List<NewDelivery> rows = new ArrayList<>();
        for (String openid : followerOpenids) {
            Long operator = known.get(openid);
            rows.add(new NewDelivery(Channel.TEMPLATE, openid, operator, operator == null ? null : inbox.get(operator)));
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
        jdbc.batchUpdate("""
                INSERT INTO inbox_item (operator_id, source_type, source_id, title, summary, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id""", list, 500, (ps, operator) -> {
            ps.setLong(1, operator);
            ps.setString(2, message.sourceType());
            ps.setLong(3, message.sourceId());
            ps.setString(4, message.title());
            ps.setString(5, message.summary());
            ps.setObject(6, now);
        });
        sql.sql("SELECT operator_id, id FROM inbox_item WHERE source_type = :type AND source_id = :id AND operator_id IN (:ids)")
                .param("type", message.sourceType()).param("id", message.sourceId()).param("ids", list)
                .query((rs, row) -> ids.put(rs.getLong("operator_id"), rs.getLong("id"))).list();
        return ids;
    }

    private void writeDeliveries(OutgoingMessage message, List<NewDelivery> rows) {
        if (rows.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        sql.sql("""
                INSERT INTO delivery_message (source_type, source_id, title, summary, published_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE source_id = source_id""")
                .params(message.sourceType(), message.sourceId(), message.title(), message.summary(), message.publishedAt())
                .update();
        jdbc.batchUpdate("""
                INSERT INTO delivery (source_type, source_id, channel, recipient, operator_id, inbox_item_id, status,
                                      next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?) ON DUPLICATE KEY UPDATE id = id""", rows, 500, (ps, row) -> {
            ps.setString(1, message.sourceType());
            ps.setLong(2, message.sourceId());
            ps.setString(3, row.channel().name());
            ps.setString(4, row.recipient());
            ps.setObject(5, row.operatorId());
            ps.setObject(6, row.inboxItemId());
            ps.setObject(7, now);
            ps.setObject(8, now);
        });
    }

    @Override
    public int cancel(String sourceType, long sourceId) {
        return sql.sql("""
                UPDATE delivery SET status = 'CANCELLED', finished_at = ?
                WHERE source_type = ? AND source_id = ? AND status = 'QUEUED'""")
                .params(LocalDateTime.now(clock), sourceType, sourceId).update();
    }

    @Override
    public DeliveryProgress progress(String sourceType, long sourceId) {
        Map<Channel, Map<String, Long>> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, new LinkedHashMap<>());
        }
        sql.sql("""
                SELECT channel, status, COUNT(*) AS n FROM delivery
                WHERE source_type = ? AND source_id = ? GROUP BY channel, status""").params(sourceType, sourceId)
                .query((rs, row) -> byChannel.get(Channel.valueOf(rs.getString("channel"))).put(rs.getString("status"),
                        rs.getLong("n"))).list();
        Map<String, Object> inbox = sql.sql("""
                SELECT COUNT(*) AS items, COUNT(read_at) AS opened FROM inbox_item WHERE source_type = ? AND source_id = ?""")
                .params(sourceType, sourceId).query().singleRow();
        return new DeliveryProgress(((Number) inbox.get("items")).longValue(), ((Number) inbox.get("opened")).longValue(),
                byChannel);
    }

    @Override
    public List<FailureGroup> failures(String sourceType, long sourceId) {
        return sql.sql("""
                SELECT channel, COALESCE(error_code, '') AS code, MAX(error_message) AS example, COUNT(*) AS n FROM delivery
                WHERE source_type = ? AND source_id = ? AND status IN ('FAILED', 'UNKNOWN')
                GROUP BY channel, COALESCE(error_code, '') ORDER BY n DESC""").params(sourceType, sourceId)
                .query((rs, row) -> new FailureGroup(Channel.valueOf(rs.getString("channel")), rs.getString("code"),
                        rs.getString("example"), rs.getLong("n"))).list();
    }

    @Override
    public List<InboxReceipt> receipts(String sourceType, long sourceId, boolean unreadOnly, long afterOperatorId, int limit) {
        return sql.sql("""
                SELECT operator_id, created_at, read_at FROM inbox_item
                WHERE source_type = ? AND source_id = ? AND operator_id > ? AND (? = FALSE OR read_at IS NULL)
                ORDER BY operator_id LIMIT ?""").params(sourceType, sourceId, afterOperatorId, unreadOnly, limit)
                .query((rs, row) -> new InboxReceipt(rs.getLong("operator_id"),
                        rs.getObject("created_at", LocalDateTime.class), rs.getObject("read_at", LocalDateTime.class))).list();
    }

    @Override
    public Map<Long, MessageTrace> traces(String sourceType, Collection<Long> sourceIds, long operatorId) {
        Map<Long, MessageTrace> traces = new LinkedHashMap<>();
        if (sourceIds.isEmpty()) {
            return traces;
        }
        Map<Long, List<MessageTrace.ChannelTrace>> channels = new HashMap<>();
        sql.sql("""
                SELECT source_id, channel, status, sent_at, error_code FROM delivery
                WHERE source_type = :type AND source_id IN (:ids) AND operator_id = :operator ORDER BY id""")
                .param("type", sourceType).param("ids", sourceIds).param("operator", operatorId)
                .query((rs, row) -> channels.computeIfAbsent(rs.getLong("source_id"), id -> new ArrayList<>())
                        .add(new MessageTrace.ChannelTrace(Channel.valueOf(rs.getString("channel")), rs.getString("status"),
                                rs.getObject("sent_at", LocalDateTime.class), rs.getString("error_code")))).list();
        Map<Long, LocalDateTime[]> inbox = new HashMap<>();
        sql.sql("""
                SELECT source_id, created_at, read_at FROM inbox_item
                WHERE source_type = :type AND source_id IN (:ids) AND operator_id = :operator""")
                .param("type", sourceType).param("ids", sourceIds).param("operator", operatorId)
                .query((rs, row) -> inbox.put(rs.getLong("source_id"), new LocalDateTime[] {
                        rs.getObject("created_at", LocalDateTime.class), rs.getObject("read_at", LocalDateTime.class)})).list();
        for (long id : sourceIds) {
            LocalDateTime[] item = inbox.getOrDefault(id, new LocalDateTime[2]);
            traces.put(id, new MessageTrace(id, item[0], item[1], List.copyOf(channels.getOrDefault(id, List.of()))));
        }
        return traces;
    }
}
