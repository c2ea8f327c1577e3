-- Append-only, hash-chained audit log (module `audit`, docs/audit.md).
-- entry_hash = SHA-256 (hex) over prev_hash + the entry's canonical fields (AuditChain.canonical):
--   id|occurred_at|actor_type|actor_id|action|target_type|target_id|detail|client_ip
-- numbers in decimal, the time as 'yyyy-MM-dd HH:mm:ss.ffffff' (UTC), every text as <UTF-8 byte length>:<text>,
-- NULL as '-'. The first entry's prev_hash is 64 zeros.
ALTER TABLE audit_log
    ADD COLUMN prev_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER client_ip,
    ADD COLUMN entry_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER prev_hash;

-- The chain's end. Every append locks this one row (SELECT ... FOR UPDATE inside the writing transaction), so
-- entries are chained in a line across threads and instances; the row always exists, so the lock is a plain
-- record lock (no gap lock). New entries take id = last_id + 1.
CREATE TABLE audit_chain_head
(
    id        TINYINT     NOT NULL,
    last_id   BIGINT      NOT NULL,
    last_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Existing entries are chained here, once, in id order (single-table UPDATE ... ORDER BY assigns left to right on
-- MySQL 8 and MariaDB, so @chain carries the previous entry's hash into the next row). Everything is hashed as
-- bytes, so no collation mix can arise.
SET @chain = REPEAT('0', 64);

UPDATE audit_log
SET prev_hash  = @chain,
    entry_hash = (@chain := SHA2(CONCAT(
            CAST(@chain AS BINARY),
            CAST(id AS BINARY), '|',
            CAST(DATE_FORMAT(occurred_at, '%Y-%m-%d %H:%i:%s.%f') AS BINARY), '|',
            IF(actor_type IS NULL, '-', CONCAT(LENGTH(actor_type), ':', CAST(actor_type AS BINARY))), '|',
            IF(actor_id IS NULL, '-', CAST(actor_id AS BINARY)), '|',
            IF(action IS NULL, '-', CONCAT(LENGTH(action), ':', CAST(action AS BINARY))), '|',
            IF(target_type IS NULL, '-', CONCAT(LENGTH(target_type), ':', CAST(target_type AS BINARY))), '|',
            IF(target_id IS NULL, '-', CONCAT(LENGTH(target_id), ':', CAST(target_id AS BINARY))), '|',
            IF(detail IS NULL, '-', CONCAT(LENGTH(detail), ':', CAST(detail AS BINARY))), '|',
            IF(client_ip IS NULL, '-', CONCAT(LENGTH(client_ip), ':', CAST(client_ip AS BINARY)))), 256))
ORDER BY id;

INSERT INTO audit_chain_head (id, last_id, last_hash)
SELECT 1, COALESCE(MAX(id), 0), COALESCE((SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1), REPEAT('0', 64))
FROM audit_log;

ALTER TABLE audit_log
    MODIFY prev_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    MODIFY entry_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL;
