-- The dashboard's counts, covered by indexes (found by the ten-county registry benchmark, docs/performance.md): at
-- 1,000,000 filings the subject-type count read every row (4.9 s, one county's 11.8 s) and the awaiting-paper count
-- every approved row (4.6 s, one county's 4.3 s); with these they read index entries only (0.5, 0.14, 0.2, 0.07 s).
-- Each has a twin starting with county_code for a county office's narrowed statements.
CREATE INDEX idx_filing_status_paper ON filing (status, paper_received_at);
CREATE INDEX idx_filing_county_status_paper ON filing (county_code, status, paper_received_at);
CREATE INDEX idx_filing_form_unit_status ON filing (form_type, unit_type, status);
CREATE INDEX idx_filing_county_form_unit_status ON filing (county_code, form_type, unit_type, status);
