-- The official account's reply texts per office (issue 17): the account serves the whole city, so its texts so far
-- become the city's (every county's unless it has its own); a county office may give its own version of a text,
-- which its followers get (a follower's county: the county of the operator's latest filing). Times are UTC.
ALTER TABLE oa_reply_text ADD COLUMN region_code CHAR(6) NULL FIRST;
UPDATE oa_reply_text SET region_code = CONCAT(LEFT('${regioncounty}', 4), '00');
ALTER TABLE oa_reply_text
    MODIFY region_code CHAR(6) NOT NULL COMMENT 'the city''s code (the default) or a county''s (its own version)',
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (region_code, code);
