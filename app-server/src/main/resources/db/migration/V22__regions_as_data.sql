-- Several counties on one deployment (module `region`, `filing`, `console`): a city over its counties
-- (GB/T 2260: a county's city is its first four digits and 00, e.g. 411422 睢县 → 411400 商丘市).
-- An installation that served one county (REGION_COUNTY_CODE, the placeholder below) becomes a city with
-- that county: every filing belongs to it, every staff account works for it, nothing else changes
-- (numbers, files and audit entries stay as they are). Until the console assigns counties and scopes, new rows
-- default to that county too. Times are UTC.

CREATE TABLE region_city
(
    code       CHAR(6)     NOT NULL COMMENT 'GB/T 2260 code of the city (地级市), e.g. 411400',
    name       VARCHAR(32) NOT NULL COMMENT 'official name, e.g. 商丘市',
    province   VARCHAR(32) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO region_city (code, name, province, created_at, updated_at)
SELECT CONCAT(LEFT(code, 4), '00'), MIN(city), MIN(province), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)
FROM region_county
GROUP BY LEFT(code, 4);

ALTER TABLE region_county ADD COLUMN city_code CHAR(6) NULL AFTER code;
UPDATE region_county SET city_code = CONCAT(LEFT(code, 4), '00');
ALTER TABLE region_county
    MODIFY city_code CHAR(6) NOT NULL,
    ADD CONSTRAINT fk_region_county_city FOREIGN KEY (city_code) REFERENCES region_city (code);

-- Where a filing belongs; its number's prefix (filing_number_sequence is already per county and year).
ALTER TABLE filing ADD COLUMN county_code CHAR(6) NULL AFTER operator_id;
UPDATE filing SET county_code = '${regioncounty}';
ALTER TABLE filing
    MODIFY county_code CHAR(6) NOT NULL DEFAULT '${regioncounty}',
    ADD KEY idx_filing_county_status (county_code, status, due_on),
    ADD CONSTRAINT fk_filing_county FOREIGN KEY (county_code) REFERENCES region_county (code);

-- What a staff account may see: one county's code, or its city's code for the city office (named county_code so
-- that the county scope narrows staff_user like `filing`: a county office sees its own staff only). Administrators run
-- the deployment: they become the city's (which, with one county, sees exactly what they saw); everyone else the county's.
ALTER TABLE staff_user ADD COLUMN county_code CHAR(6) NULL;
UPDATE staff_user SET county_code = '${regioncounty}';
UPDATE staff_user SET county_code = CONCAT(LEFT('${regioncounty}', 4), '00')
WHERE id IN (SELECT staff_id FROM staff_user_role WHERE role = 'ADMIN');
ALTER TABLE staff_user MODIFY county_code CHAR(6) NOT NULL DEFAULT '${regioncounty}';
