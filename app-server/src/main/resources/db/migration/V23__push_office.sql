-- Which office a policy push belongs to (issue 17): a county's code (a county office's push, sent only to its
-- county's filings) or the city's (the city office, to all counties or the ones its audience names). Named
-- county_code so that the county scope (common.CountyScopeInterceptor) narrows it like `filing`. A single-county
-- installation's pushes were its county's.
ALTER TABLE push_message ADD COLUMN county_code CHAR(6) NULL AFTER id;
UPDATE push_message SET county_code = '${regioncounty}';
ALTER TABLE push_message
    MODIFY county_code CHAR(6) NOT NULL,
    ADD KEY idx_push_message_county (county_code, id);
