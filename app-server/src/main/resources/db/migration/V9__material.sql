-- Materials (module `material`): upload tickets and the files of each filing, with history.
-- Object keys are random and carry no personal data. Times are UTC.

-- One presigned upload: the client POSTs straight to the storage server under upload_key, then
-- confirms; unconfirmed tickets are removed with their objects by the clean-up job.
CREATE TABLE material_upload
(
    id            CHAR(32)     NOT NULL COMMENT 'random ticket id',
    filing_id     BIGINT       NOT NULL,
    operator_id   BIGINT       NOT NULL,
    material_type VARCHAR(32)  NOT NULL,
    upload_key    VARCHAR(100) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(64)  NOT NULL,
    declared_size BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL COMMENT 'PENDING, CONFIRMED, REFUSED, EXPIRED',
    created_at    DATETIME(3)  NOT NULL,
    expires_at    DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_material_upload_key (upload_key),
    KEY idx_material_upload_pending (status, expires_at),
    KEY idx_material_upload_filing (filing_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A confirmed file. The newest of a (filing, type) has superseded_at NULL; older ones are the history.
CREATE TABLE material_file
(
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    filing_id     BIGINT       NOT NULL,
    material_type VARCHAR(32)  NOT NULL,
    upload_id     CHAR(32)     NOT NULL,
    object_key    VARCHAR(100) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(64)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    uploaded_by   BIGINT       NOT NULL,
    uploaded_at   DATETIME(3)  NOT NULL,
    superseded_at DATETIME(3)  NULL,
    purged_at     DATETIME(3)  NULL COMMENT 'object deleted under the retention rules; the row stays as a record',
    PRIMARY KEY (id),
    UNIQUE KEY uk_material_file_object (object_key),
    UNIQUE KEY uk_material_file_upload (upload_id),
    KEY idx_material_file_filing (filing_id, material_type, superseded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
