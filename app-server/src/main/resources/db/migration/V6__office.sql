-- The office's public information shown in the mini-program and in official-account replies
-- (module `office`). The notice's contacts are only the starting data: the console edits them.

CREATE TABLE office_profile
(
    id           TINYINT      NOT NULL,
    name         VARCHAR(100) NOT NULL,
    address      VARCHAR(200) NOT NULL,
    email        VARCHAR(100) NULL,
    instructions TEXT         NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_office_profile_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE office_contact
(
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(32) NOT NULL,
    phone      VARCHAR(20) NULL,
    email      VARCHAR(100) NULL,
    sort_order INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO office_profile (id, name, address, email, instructions, updated_at)
VALUES (1, '中共睢县县委网络安全和信息化委员会办公室（县委网信办）', '睢县县委五楼宣传部', 'sxwlk@163.com',
        CONCAT('凡在本县开设、名称含本县或乡镇名称（别称）等显著本地特征、内容主要涉及本县、或注册人属地在本县的微信公众号，',
               '均应登记备案。单位填写表一（加盖公章），个人或个体经营者填写表二，并上传身份证、营业执照（组织机构代码证）等材料。',
               '新开通的公众号应在开通后30日内登记备案。'),
        UTC_TIMESTAMP(3));

INSERT INTO office_contact (name, phone, email, sort_order)
VALUES ('汪方勇', '13837022828', NULL, 1),
       ('陆伟松', '13513701094', NULL, 2);
