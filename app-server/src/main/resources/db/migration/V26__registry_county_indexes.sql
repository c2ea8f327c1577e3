-- Found by the registry benchmark at 10 counties × 100,000 filings (docs/performance.md): a county office's (or a
-- drill-down's) statements carry county_code = '<county>' (common.CountyScopeInterceptor). An index that does not
-- start with county_code answers them only by reading every matching row of the city to drop nine in ten (or, for a
-- township or a number, to confirm the county the value already implies): the capped count of a township read ~5,000
-- rows outside the buffer pool, 1.2 s instead of 77 ms city-wide; page 200 newest first read 40,000 rows. Each index
-- below is the county's twin of a city-wide one (V11, V13, V5), so the county's list, filters, sorts and review queue
-- are answered from an index in order, as the city's are.
CREATE INDEX idx_filing_county_created ON filing (county_code, created_at);
CREATE INDEX idx_filing_county_status_created ON filing (county_code, status, created_at);
CREATE INDEX idx_filing_county_status_submitted ON filing (county_code, status, submitted_at);
CREATE INDEX idx_filing_county_township_status_created ON filing (county_code, township, status, created_at);
CREATE INDEX idx_filing_county_account_name ON filing (county_code, account_name);
CREATE INDEX idx_filing_county_number ON filing (county_code, filing_number);
CREATE INDEX idx_filing_county_subject ON filing (county_code, subject_name);
CREATE INDEX idx_filing_county_due ON filing (county_code, due_on);
