-- Background exports of the registry and the enforcement list (module `console`). The file lives in
-- the bucket, so any instance can report progress and serve the download.
CREATE TABLE export_job
(
    id               CHAR(32)     NOT NULL,
    kind             VARCHAR(16)  NOT NULL COMMENT 'REGISTRY, ENFORCEMENT',
    requested_by     BIGINT       NOT NULL,
    full_id_numbers  BOOLEAN      NOT NULL,
    filter_text      VARCHAR(64)  NULL,
    filter_status    VARCHAR(16)  NULL,
    filter_township  VARCHAR(32)  NULL,
    status           VARCHAR(16)  NOT NULL COMMENT 'RUNNING, DONE, FAILED',
    total_rows       BIGINT       NOT NULL DEFAULT 0,
    rows_written     BIGINT       NOT NULL DEFAULT 0,
    object_key       VARCHAR(100) NULL,
    file_name        VARCHAR(100) NOT NULL,
    error            VARCHAR(200) NULL,
    created_at       DATETIME(3)  NOT NULL,
    finished_at      DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_export_job_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
