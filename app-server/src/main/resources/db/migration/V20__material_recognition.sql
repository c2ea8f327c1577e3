-- Material recognition (module `material`): WeChat OCR of ID-card photos and business licences, one row per
-- file, created in the same transaction as the file. Workers on every instance claim due rows
-- (FOR UPDATE SKIP LOCKED, a lease in next_attempt_at), call WeChat outside any transaction and record
-- the answer; a failure leaves the row UNCHECKED with a later next_attempt_at. Times are UTC.
CREATE TABLE material_recognition
(
    file_id         BIGINT      NOT NULL,
    filing_id       BIGINT      NOT NULL,
    material_type   VARCHAR(32) NOT NULL,
    status          VARCHAR(16) NOT NULL COMMENT 'PENDING, RECOGNISING, DONE, UNCHECKED, SKIPPED, PURGED',
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL COMMENT 'due time; while RECOGNISING the end of the lease',
    last_error      VARCHAR(32) NULL COMMENT 'WeChat errcode or failure class of the last attempt, never a message',
    skip_reason     VARCHAR(16) NULL COMMENT 'why SKIPPED: PDF (WeChat reads photos only), REPLACED, MISSING (object gone)',
    readable        BOOLEAN     NULL COMMENT 'did WeChat find the document in the photo',
    fields_cipher   TEXT        NULL COMMENT 'recognised fields as JSON, encrypted like ID numbers (PersonalDataCipher)',
    recognised_at   DATETIME(3) NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (file_id),
    KEY idx_material_recognition_due (status, next_attempt_at),
    KEY idx_material_recognition_filing (filing_id),
    CONSTRAINT fk_material_recognition_file FOREIGN KEY (file_id) REFERENCES material_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Kept by the material module through the filing module's FilingFlags: a current material's recognised
-- content differs from the form. Lets the review queue filter without reading another module's tables.
ALTER TABLE filing ADD COLUMN material_mismatch BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX idx_filing_material_mismatch ON filing (status, material_mismatch, submitted_at);
