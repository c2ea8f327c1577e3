-- One staff digest a day per region: the city office's covers the whole city, a county office's its own filings only
-- (a county's staff read no other county's overdue account names). Existing digests were the city's.
ALTER TABLE staff_digest ADD COLUMN region_code CHAR(6) NULL AFTER id;
UPDATE staff_digest SET region_code = CONCAT(LEFT('${regioncounty}', 4), '00');
ALTER TABLE staff_digest
    MODIFY region_code CHAR(6) NOT NULL COMMENT 'GB/T 2260 code: the city (whole city) or one county',
    DROP INDEX uk_staff_digest_day,
    ADD UNIQUE KEY uk_staff_digest_region_day (region_code, digest_on);
