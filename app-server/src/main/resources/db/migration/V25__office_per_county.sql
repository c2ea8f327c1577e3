-- Several counties (issue 17): each office has its own public information and campaigns.
-- office_profile and office_contact are keyed by region_code: a county's code for a county office, its city's code
-- (ending in 00) for the city office. A county without a profile of its own shows the city's (profile and contacts
-- together). The installation's one office (REGION_COUNTY_CODE, the placeholder below) keeps its row and contacts.
-- The city office gets a row of its own that invents nothing: the official name of a city's cyberspace office
-- (中共<市>委网络安全和信息化委员会办公室), no address, no e-mail and no contacts until the city office fills them in
-- on the console, and the county's instructions with 本县 read as 本市. Times are UTC.

ALTER TABLE office_profile DROP CONSTRAINT ck_office_profile_single;
ALTER TABLE office_profile ADD COLUMN region_code CHAR(6) NULL FIRST;
UPDATE office_profile SET region_code = '${regioncounty}';
ALTER TABLE office_profile
    DROP PRIMARY KEY,
    DROP COLUMN id,
    MODIFY region_code CHAR(6) NOT NULL COMMENT 'a county''s code (county office) or its city''s, ending in 00 (city office)',
    ADD PRIMARY KEY (region_code);

INSERT INTO office_profile (region_code, name, address, email, instructions, updated_at)
SELECT c.code, CONCAT('中共', c.name, '委网络安全和信息化委员会办公室（市委网信办）'), '', NULL,
       COALESCE((SELECT REPLACE(p.instructions, '本县', '本市') FROM office_profile p WHERE p.region_code = '${regioncounty}'),
                ''),
       UTC_TIMESTAMP(3)
FROM region_city c
WHERE c.code = CONCAT(LEFT('${regioncounty}', 4), '00')
  AND NOT EXISTS (SELECT 1 FROM office_profile o WHERE o.region_code = c.code);

ALTER TABLE office_contact ADD COLUMN region_code CHAR(6) NULL AFTER id;
UPDATE office_contact SET region_code = '${regioncounty}';
ALTER TABLE office_contact
    MODIFY region_code CHAR(6) NOT NULL,
    ADD KEY idx_office_contact_region (region_code, sort_order);

-- A campaign of one county (county_code) or of every county (NULL, set by the city office). The campaigns there were
-- the installation county's ("全县"): they stay its own, so no due date changes.
ALTER TABLE filing_campaign ADD COLUMN county_code CHAR(6) NULL COMMENT 'NULL: every county of the city' AFTER id;
UPDATE filing_campaign SET county_code = '${regioncounty}';
ALTER TABLE filing_campaign
    ADD KEY idx_filing_campaign_county (county_code, starts_on),
    ADD CONSTRAINT fk_filing_campaign_county FOREIGN KEY (county_code) REFERENCES region_county (code);
