-- Who accessed or changed what (module `audit`), e.g. every presigned download of a material (PIPL Art. 51).
CREATE TABLE audit_log
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(3)  NOT NULL,
    actor_type  VARCHAR(16)  NOT NULL COMMENT 'OPERATOR, STAFF, SYSTEM',
    actor_id    BIGINT       NULL,
    action      VARCHAR(48)  NOT NULL,
    target_type VARCHAR(32)  NOT NULL,
    target_id   VARCHAR(64)  NOT NULL,
    detail      VARCHAR(500) NULL,
    client_ip   VARCHAR(45)  NULL,
    PRIMARY KEY (id),
    KEY idx_audit_log_target (target_type, target_id),
    KEY idx_audit_log_actor (actor_type, actor_id, occurred_at),
    KEY idx_audit_log_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
