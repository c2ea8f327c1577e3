-- Office staff of the web console (module `console`). No default password anywhere: the first
-- administrator comes from configuration (or a generated password printed by the local run command).

CREATE TABLE staff_user
(
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(32)  NOT NULL,
    display_name        VARCHAR(32)  NOT NULL,
    password_hash       VARCHAR(100) NOT NULL COMMENT 'BCrypt',
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts     INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(3)  NULL,
    password_changed_at DATETIME(3)  NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_staff_user_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_user_role
(
    staff_id BIGINT      NOT NULL,
    role     VARCHAR(16) NOT NULL COMMENT 'ADMIN, REVIEWER, PUBLISHER',
    PRIMARY KEY (staff_id, role),
    CONSTRAINT fk_staff_user_role_user FOREIGN KEY (staff_id) REFERENCES staff_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Reasons a reviewer picks when sending a filing back; administrators edit them.
CREATE TABLE review_reason_template
(
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    text       VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO review_reason_template (text, sort_order)
VALUES ('身份证复印件不清晰，请重新上传', 1),
       ('营业执照（组织机构代码证）复印件不清晰或已过期', 2),
       ('登记备案表未加盖单位公章', 3),
       ('登记备案表未签字', 4),
       ('公众号原始ID或微信号与实际不符', 5),
       ('单位负责人或管理员信息与证件不一致', 6);
