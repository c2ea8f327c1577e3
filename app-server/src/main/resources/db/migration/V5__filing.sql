-- Official accounts under filing and their filings (module `filing`). One row per official account:
-- the account's facts, the form (表一 unit / 表二 individual) and the filing's state.
-- ID numbers are stored encrypted (*_id_cipher) with a blind index (*_id_index) for look-ups.
-- DATETIME columns are UTC; DATE columns are calendar days in Asia/Shanghai.

CREATE TABLE filing_campaign
(
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_filing_campaign_ends (ends_on),
    CONSTRAINT ck_filing_campaign_dates CHECK (ends_on >= starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE filing
(
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    operator_id           BIGINT       NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    form_type             VARCHAR(16)  NOT NULL,
    version               INT          NOT NULL DEFAULT 0,
    -- the official account
    account_name          VARCHAR(64)  NOT NULL,
    account_wechat_id     VARCHAR(64)  NULL,
    account_original_id   VARCHAR(32)  NULL,
    account_type          VARCHAR(16)  NULL,
    opened_on             DATE         NULL,
    content_category      VARCHAR(32)  NULL,
    registration_place    VARCHAR(100) NULL,
    operating_place       VARCHAR(100) NULL,
    township              VARCHAR(32)  NULL,
    business_scope        VARCHAR(500) NULL,
    -- 表一: unit
    unit_name             VARCHAR(100) NULL,
    unit_type             VARCHAR(24)  NULL,
    unit_code             VARCHAR(20)  NULL COMMENT 'USCC or organisation code',
    unit_address          VARCHAR(200) NULL,
    responsible_name      VARCHAR(32)  NULL,
    responsible_id_cipher VARCHAR(255) NULL,
    responsible_id_index  CHAR(64)     NULL,
    responsible_phone     VARCHAR(20)  NULL,
    admin_name            VARCHAR(32)  NULL,
    admin_id_cipher       VARCHAR(255) NULL,
    admin_id_index        CHAR(64)     NULL,
    admin_phone           VARCHAR(20)  NULL,
    admin_position        VARCHAR(32)  NULL,
    -- 表二: individual or self-employed
    person_name           VARCHAR(32)  NULL,
    person_id_cipher      VARCHAR(255) NULL,
    person_id_index       CHAR(64)     NULL,
    person_phone          VARCHAR(20)  NULL,
    person_address        VARCHAR(200) NULL,
    self_employed         BOOLEAN      NULL,
    business_name         VARCHAR(100) NULL,
    business_licence_no   VARCHAR(32)  NULL,
    -- the filing
    subject_name          VARCHAR(100) NULL COMMENT 'unit name or person name, for search',
    filing_number         VARCHAR(32)  NULL,
    due_on                DATE         NULL,
    submitted_at          DATETIME(3)  NULL,
    decided_at            DATETIME(3)  NULL,
    rejection_reason      VARCHAR(500) NULL,
    revocation_reason     VARCHAR(500) NULL,
    created_at            DATETIME(3)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_filing_original_id (account_original_id),
    UNIQUE KEY uk_filing_wechat_id (account_wechat_id),
    UNIQUE KEY uk_filing_number (filing_number),
    KEY idx_filing_operator (operator_id),
    KEY idx_filing_status_due (status, due_on),
    KEY idx_filing_account_name (account_name),
    KEY idx_filing_subject_name (subject_name),
    KEY idx_filing_responsible_id (responsible_id_index),
    KEY idx_filing_admin_id (admin_id_index),
    KEY idx_filing_person_id (person_id_index),
    CONSTRAINT fk_filing_operator FOREIGN KEY (operator_id) REFERENCES account_operator (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE filing_transition
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    filing_id   BIGINT       NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    actor_type  VARCHAR(16)  NOT NULL COMMENT 'OPERATOR, STAFF, SYSTEM',
    actor_id    BIGINT       NULL,
    reason      VARCHAR(500) NULL,
    occurred_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_filing_transition_filing (filing_id, id),
    CONSTRAINT fk_filing_transition_filing FOREIGN KEY (filing_id) REFERENCES filing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Filing numbers: one counter per county and year, advanced under the row lock of an upsert.
CREATE TABLE filing_number_sequence
(
    county_code CHAR(6)  NOT NULL,
    year        SMALLINT NOT NULL,
    last_value  INT      NOT NULL,
    PRIMARY KEY (county_code, year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The notice's concentrated filing window (2016-08-01 … 2016-08-10); later campaigns come from the console.
INSERT INTO filing_campaign (name, starts_on, ends_on, created_at, updated_at)
VALUES ('2016年全县微信公众号集中登记备案', '2016-08-01', '2016-08-10', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));
