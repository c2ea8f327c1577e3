-- The office's official account (module `officialaccount`).

-- Followers: who follows the account, linked to a mini-program operator through the unionid.
CREATE TABLE oa_follower
(
    openid          VARCHAR(64)  NOT NULL,
    unionid         VARCHAR(64)  NULL,
    subscribed      BOOLEAN      NOT NULL,
    scene           VARCHAR(64)  NULL COMMENT 'qrscene_… parameter of the QR code that brought them',
    subscribed_at   DATETIME(3)  NULL,
    unsubscribed_at DATETIME(3)  NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (openid),
    KEY idx_oa_follower_unionid (unionid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the account says; editable data, not code. {miniprogram} is replaced by a link into the mini-program.
CREATE TABLE oa_reply_text
(
    code       VARCHAR(32)  NOT NULL,
    content    VARCHAR(1000) NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO oa_reply_text (code, content, updated_at)
VALUES ('WELCOME', CONCAT('欢迎关注睢县网信办！\n本县微信公众号须依法登记备案，新开通的公众号应在开通后30日内备案。\n',
                          '请点击 {miniprogram} 在线登记备案。\n回复“备案”查看办理方法，“政策”查看最新政策，“联系”获取联系方式。'), UTC_TIMESTAMP(3)),
       ('HOW_TO_FILE', CONCAT('办理方法：\n1. 打开 {miniprogram}，微信登录并同意隐私政策；\n2. 先做“备案自查”；\n',
                              '3. 单位填写表一、个人填写表二，上传身份证、营业执照等材料；\n4. 打印登记表签字（表一加盖公章）后扫描上传并提交；\n',
                              '5. 审核通过后获得备案编号，纸质材料一式两份报送县委网信办。'), UTC_TIMESTAMP(3)),
       ('POLICY', '最新政策法规请在 {miniprogram} 的“消息”中查看；备案后的运营者会收到网信办推送的新政策、新法规。', UTC_TIMESTAMP(3)),
       ('HELP', '您好！回复“备案”查看办理方法，“政策”查看最新政策，“联系”获取网信办联系方式。', UTC_TIMESTAMP(3));

-- Outcomes WeChat reports later (template and mass sends), for the delivery pipeline.
CREATE TABLE oa_send_report
(
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    event        VARCHAR(32)  NOT NULL COMMENT 'TEMPLATESENDJOBFINISH, MASSSENDJOBFINISH',
    msg_id       VARCHAR(32)  NULL,
    openid       VARCHAR(64)  NULL,
    status       VARCHAR(64)  NULL,
    total_count  INT          NULL,
    sent_count   INT          NULL,
    error_count  INT          NULL,
    received_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_oa_send_report_msg (msg_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
