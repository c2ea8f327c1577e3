-- Policy pushes (module `push`) and the delivery pipeline every message to a person goes through
-- (module `delivery`): the inbox, one row per recipient and WeChat channel, subscribe opt-ins.
-- Times are UTC.

CREATE TABLE push_message
(
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    title            VARCHAR(60)  NOT NULL,
    summary          VARCHAR(200) NOT NULL,
    body_html        MEDIUMTEXT   NOT NULL COMMENT 'sanitised (jsoup Safelist) before it is stored',
    audience         VARCHAR(2000) NOT NULL COMMENT 'JSON: kind and filters',
    channels         VARCHAR(64)  NOT NULL COMMENT 'comma list of SUBSCRIBE, TEMPLATE (the inbox always)',
    status           VARCHAR(20)  NOT NULL COMMENT 'DRAFT, AWAITING_APPROVAL, SCHEDULED, SENDING, SENT, CANCELLED',
    scheduled_at     DATETIME(3)  NULL,
    created_by       BIGINT       NOT NULL,
    submitted_by     BIGINT       NULL,
    approved_by      BIGINT       NULL,
    expansion_cursor VARCHAR(64)  NULL COMMENT 'the last recipient (operator id or follower openid) already turned into rows',
    expanded_at      DATETIME(3)  NULL COMMENT 'the whole audience is in rows',
    recipient_count  INT          NOT NULL DEFAULT 0,
    published_at     DATETIME(3)  NULL,
    cancelled_at     DATETIME(3)  NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    version          INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY idx_push_message_due (status, scheduled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE push_attachment
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    push_id      BIGINT       NOT NULL,
    object_key   VARCHAR(100) NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_push_attachment_object (object_key),
    KEY idx_push_attachment_push (push_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The channel that never fails: one item per operator and message.
CREATE TABLE inbox_item
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    operator_id BIGINT       NOT NULL,
    source_type VARCHAR(20)  NOT NULL COMMENT 'POLICY (a push); later REMINDER, REVIEW_RESULT',
    source_id   BIGINT       NOT NULL,
    title       VARCHAR(60)  NOT NULL,
    summary     VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    read_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_inbox_item_source (source_type, source_id, operator_id),
    KEY idx_inbox_item_operator (operator_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What a message says, once per message (the delivery rows only point at it).
CREATE TABLE delivery_message
(
    source_type  VARCHAR(20)  NOT NULL,
    source_id    BIGINT       NOT NULL,
    title        VARCHAR(60)  NOT NULL,
    summary      VARCHAR(200) NOT NULL,
    published_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (source_type, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One WeChat message to one person. Claimed by workers with FOR UPDATE SKIP LOCKED and a lease;
-- the id is the template message's client_msg_id, so a retried send cannot arrive twice.
CREATE TABLE delivery
(
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    source_type     VARCHAR(20)  NOT NULL,
    source_id       BIGINT       NOT NULL,
    channel         VARCHAR(16)  NOT NULL COMMENT 'SUBSCRIBE (mini-program), TEMPLATE (official account)',
    recipient       VARCHAR(64)  NOT NULL COMMENT 'openid in the channel''s app',
    operator_id     BIGINT       NULL,
    inbox_item_id   BIGINT       NULL COMMENT 'the item the message opens',
    status          VARCHAR(16)  NOT NULL COMMENT 'QUEUED, SENDING, SENT, DELIVERED, FAILED, UNKNOWN, SKIPPED, CANCELLED',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    lease_owner     VARCHAR(64)  NULL,
    lease_until     DATETIME(3)  NULL,
    send_started_at DATETIME(3)  NULL COMMENT 'set just before a subscribe message leaves: after a crash it was maybe sent',
    error_code      VARCHAR(16)  NULL,
    error_message   VARCHAR(255) NULL,
    wechat_msg_id   VARCHAR(32)  NULL,
    sent_at         DATETIME(3)  NULL,
    finished_at     DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delivery_recipient (source_type, source_id, channel, recipient),
    KEY idx_delivery_due (status, next_attempt_at),
    KEY idx_delivery_source (source_type, source_id, channel, status),
    KEY idx_delivery_msg (wechat_msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each accepted wx.requestSubscribeMessage result allows one subscribe message with that template.
CREATE TABLE subscribe_opt_in
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    operator_id  BIGINT      NOT NULL,
    template_id  VARCHAR(64) NOT NULL,
    granted_at   DATETIME(3) NOT NULL,
    delivery_id  BIGINT      NULL COMMENT 'the send that used it',
    consumed_at  DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_subscribe_opt_in_delivery (delivery_id),
    KEY idx_subscribe_opt_in_unused (operator_id, template_id, consumed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
