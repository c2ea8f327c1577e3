-- Notice §3.3/§4.1: the paper copy handed in at the office; §4.3: what the office did about late or
-- missing filings (module `filing`).

ALTER TABLE filing
    ADD COLUMN paper_received_at DATETIME(3) NULL AFTER decided_at,
    ADD COLUMN paper_received_by BIGINT      NULL AFTER paper_received_at;

CREATE TABLE filing_enforcement
(
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    filing_id   BIGINT       NOT NULL,
    action      VARCHAR(24)  NOT NULL COMMENT 'PHONE_URGED, WRITTEN_NOTICE, REPORTED_TO_PLATFORM, SUSPENDED, CLOSED, REFERRED_TO_POLICE',
    acted_on    DATE         NOT NULL COMMENT 'the day it happened (Beijing calendar)',
    note        VARCHAR(500) NULL,
    staff_id    BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_filing_enforcement_filing (filing_id, acted_on),
    CONSTRAINT fk_filing_enforcement_filing FOREIGN KEY (filing_id) REFERENCES filing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- registry filters and sorting at a million rows (docs/performance.md): each common filter can
-- deliver its rows already in the default order (newest first)
CREATE INDEX idx_filing_created ON filing (created_at);
CREATE INDEX idx_filing_status_created ON filing (status, created_at);
CREATE INDEX idx_filing_township_created ON filing (township, created_at);
CREATE INDEX idx_filing_due ON filing (due_on);
CREATE INDEX idx_filing_submitted ON filing (status, submitted_at);
CREATE INDEX idx_filing_form_unit ON filing (form_type, unit_type);
