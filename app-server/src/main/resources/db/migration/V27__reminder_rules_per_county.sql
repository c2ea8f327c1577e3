-- Reminder rules per office (issue 17): a rule's row is the city office's (region_code = the city's code, the default
-- for every county) or a county's own override of that rule (region_code = the county's code). Without an override a
-- county's filings are reminded by the city's row (fallback per rule code). The rules there were the installation's:
-- they become the city's, so every county goes on being reminded exactly as before. Times are UTC.
ALTER TABLE reminder_rule ADD COLUMN region_code CHAR(6) NULL AFTER code;
UPDATE reminder_rule SET region_code = CONCAT(LEFT('${regioncounty}', 4), '00');
ALTER TABLE reminder_rule
    MODIFY region_code CHAR(6) NOT NULL COMMENT 'the city''s code (its default) or a county''s (its own override)',
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (code, region_code);
