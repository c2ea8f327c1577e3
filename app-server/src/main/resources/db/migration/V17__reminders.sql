-- Reminders, review-result notices and the overdue digest (module `reminder`). Times are UTC;
-- DATE columns are calendar days in Asia/Shanghai.

-- What the office says and when; administrators edit these in the console.
CREATE TABLE reminder_rule
(
    code       VARCHAR(32)   NOT NULL COMMENT 'CAMPAIGN_DEADLINE, OPENING_WINDOW, REJECTED_IDLE, OVERDUE, STAFF_DIGEST, ANNUAL_RECONFIRMATION',
    enabled    BOOLEAN       NOT NULL,
    offsets    VARCHAR(100)  NOT NULL COMMENT 'comma list of days, meaning per rule (before the deadline, after opening, …)',
    title      VARCHAR(60)   NOT NULL,
    body       VARCHAR(1000) NOT NULL,
    updated_by BIGINT        NULL,
    updated_at DATETIME(3)   NOT NULL,
    version    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO reminder_rule (code, enabled, offsets, title, body, updated_at)
VALUES ('CAMPAIGN_DEADLINE', TRUE, '3,1', '备案截止提醒：还剩{剩余天数}天',
        '您的公众号“{公众号}”尚未完成登记备案，集中登记备案将于{截止日期}截止（还剩{剩余天数}天）。请尽快在小程序中填写并提交备案。',
        UTC_TIMESTAMP(3)),
       ('OPENING_WINDOW', TRUE, '7,20,27', '新开通公众号备案提醒',
        '您的公众号“{公众号}”已开通{已开通天数}天。按规定，新开通的公众号须在开通后30日内（{截止日期}前）完成登记备案，请尽快提交。',
        UTC_TIMESTAMP(3)),
       ('REJECTED_IDLE', TRUE, '3,7', '退回的备案尚未重新提交',
        '您的公众号“{公众号}”的备案于{退回日期}被退回（原因：{退回原因}），至今未重新提交。请按要求修改后重新提交，截止日期为{截止日期}。',
        UTC_TIMESTAMP(3)),
       ('OVERDUE', TRUE, '1', '公众号备案已逾期',
        '您的公众号“{公众号}”的登记备案已于{截止日期}到期，至今未完成。根据《关于开展全县微信公众号登记备案工作的通知》：对延时不报、不履行备案的，县委网信办将根据互联网管理相关法律法规协调即时通讯工具服务提供者对其采取暂停关闭和永久关闭等处置措施；对经督促仍不依法履行备案义务的，由公安机关或相关职能部门依法给予相应处罚。请立即办理。',
        UTC_TIMESTAMP(3)),
       ('STAFF_DIGEST', TRUE, '0', '新增逾期公众号{数量}个',
        '截至{日期}，新增逾期未备案的公众号{数量}个：{名单}。请在管理后台“逾期未备案”中查看并督促。',
        UTC_TIMESTAMP(3)),
       ('ANNUAL_RECONFIRMATION', FALSE, '0', '请确认备案信息是否有变化',
        '您的公众号“{公众号}”（备案编号{备案编号}）已备案满{年数}年。如运营主体、负责人或联系方式有变化，请在小程序中提交变更；没有变化无需操作。',
        UTC_TIMESTAMP(3));

-- Every notice to an operator about one filing: a reminder step or a review result. The unique keys
-- decide "at most once", whoever inserts first: (rule, filing, occasion, step) for reminders, the
-- state change for review results.
CREATE TABLE filing_notice
(
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    kind          VARCHAR(16)   NOT NULL COMMENT 'REMINDER, REVIEW_RESULT (also the delivery source type)',
    rule_code     VARCHAR(32)   NOT NULL COMMENT 'a reminder rule, or APPROVED, REJECTED, REVOKED',
    filing_id     BIGINT        NOT NULL,
    operator_id   BIGINT        NOT NULL,
    occasion      DATE          NULL COMMENT 'the day the steps count from: deadline, opening, rejection, anniversary',
    step          INT           NULL COMMENT 'the offset in days (years for re-confirmation)',
    transition_id BIGINT        NULL COMMENT 'the state change a review result reports',
    title         VARCHAR(60)   NOT NULL,
    body          VARCHAR(1000) NOT NULL,
    status        VARCHAR(16)   NOT NULL COMMENT 'PENDING, SENT (enqueued for delivery), CANCELLED',
    send_at       DATETIME(3)   NOT NULL COMMENT 'not before (quiet hours move it to the next morning)',
    sent_at       DATETIME(3)   NULL,
    cancelled_at  DATETIME(3)   NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_filing_notice_step (rule_code, filing_id, occasion, step),
    UNIQUE KEY uk_filing_notice_transition (transition_id),
    KEY idx_filing_notice_due (status, send_at),
    KEY idx_filing_notice_filing (filing_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The daily digest of newly overdue accounts: one per day, whoever writes it first.
CREATE TABLE staff_digest
(
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    digest_on     DATE          NOT NULL,
    covers_from   DATE          NOT NULL COMMENT 'due dates from … (the day after the previous digest''s last)',
    covers_to     DATE          NOT NULL,
    overdue_count INT           NOT NULL,
    title         VARCHAR(60)   NOT NULL,
    body          VARCHAR(1000) NOT NULL,
    status        VARCHAR(16)   NOT NULL COMMENT 'PENDING, SENT',
    send_at       DATETIME(3)   NOT NULL,
    sent_at       DATETIME(3)   NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_digest_day (digest_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_digest_read
(
    digest_id BIGINT      NOT NULL,
    staff_id  BIGINT      NOT NULL,
    read_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (digest_id, staff_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff who follow the official account get the digest as a template message.
ALTER TABLE staff_user ADD COLUMN oa_openid VARCHAR(64) NULL AFTER display_name;
CREATE UNIQUE INDEX uk_staff_user_oa_openid ON staff_user (oa_openid);

-- The scans read candidates only: unfinished filings by opening day, rejected / approved ones by decision time.
CREATE INDEX idx_filing_status_opened ON filing (status, opened_on);
CREATE INDEX idx_filing_status_decided ON filing (status, decided_at);
