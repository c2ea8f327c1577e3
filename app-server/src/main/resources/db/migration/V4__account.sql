-- Operators of official accounts (mini-program users), their sessions and their privacy consents
-- (module `account`). All times are UTC.

CREATE TABLE account_operator
(
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    openid         VARCHAR(64) NOT NULL COMMENT 'mini-program openid',
    unionid        VARCHAR(64) NULL COMMENT 'Open Platform unionid, when the mini-program is bound',
    phone          VARCHAR(20) NULL COMMENT 'bound through getPhoneNumber; never logged',
    phone_bound_at DATETIME(3) NULL,
    session_key    VARCHAR(255) NULL COMMENT 'WeChat session_key, encrypted (PersonalDataCipher); never sent to clients',
    last_login_at  DATETIME(3) NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_operator_openid (openid),
    KEY idx_account_operator_unionid (unionid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Our own bearer tokens: only their SHA-256 hashes are stored, so a database leak yields no usable token.
CREATE TABLE account_session
(
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    operator_id        BIGINT      NOT NULL,
    access_token_hash  CHAR(64)    NOT NULL,
    refresh_token_hash CHAR(64)    NOT NULL,
    access_expires_at  DATETIME(3) NOT NULL,
    refresh_expires_at DATETIME(3) NOT NULL,
    created_at         DATETIME(3) NOT NULL,
    revoked_at         DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_session_access (access_token_hash),
    UNIQUE KEY uk_account_session_refresh (refresh_token_hash),
    KEY idx_account_session_operator (operator_id),
    CONSTRAINT fk_account_session_operator FOREIGN KEY (operator_id) REFERENCES account_operator (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_privacy_notice
(
    version      VARCHAR(16)  NOT NULL,
    title        VARCHAR(100) NOT NULL,
    content      TEXT         NOT NULL,
    published_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (version),
    KEY idx_account_privacy_notice_published (published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per acceptance. PIPL Art. 29 asks for a separate consent for sensitive personal
-- information (ID numbers, ID-card images): recorded in its own column.
CREATE TABLE account_consent
(
    id                   BIGINT      NOT NULL AUTO_INCREMENT,
    operator_id          BIGINT      NOT NULL,
    notice_version       VARCHAR(16) NOT NULL,
    personal_info        BOOLEAN     NOT NULL,
    sensitive_info       BOOLEAN     NOT NULL,
    accepted_at          DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_account_consent_version (operator_id, notice_version),
    CONSTRAINT fk_account_consent_operator FOREIGN KEY (operator_id) REFERENCES account_operator (id),
    CONSTRAINT fk_account_consent_notice FOREIGN KEY (notice_version) REFERENCES account_privacy_notice (version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO account_privacy_notice (version, title, content, published_at)
VALUES ('2026-1', '公众号登记备案平台隐私政策',
        CONCAT('县委网信办依据《互联网用户公众账号信息服务管理规定》开展属地微信公众号登记备案工作。',
               '为完成登记备案，本平台将收集：您的微信标识（openid/unionid）、手机号码，',
               '以及登记备案表所列的单位信息、负责人和管理员的姓名、身份证号码、联系电话，',
               '和您上传的营业执照（组织机构代码证）、身份证复印件等材料。\n',
               '其中身份证号码和身份证影像属于敏感个人信息，仅用于核验公众号主体身份，',
               '加密存储，仅授权工作人员可查看，且每次查看均被记录。\n',
               '您的信息仅用于登记备案、备案提醒和政策推送，不向第三方提供；',
               '公众号注销或备案撤销后按规定期限删除。如需查询、更正或删除个人信息，请联系县委网信办。'),
        '2026-01-01 00:00:00.000');
