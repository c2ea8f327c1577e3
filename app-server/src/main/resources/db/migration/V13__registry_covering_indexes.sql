-- Found by the registry benchmark (docs/performance.md): status + township filters must be answered
-- from an index alone, or the capped count looks up tens of thousands of rows (about 1 s at 1M filings).
CREATE INDEX idx_filing_township_status_created ON filing (township, status, created_at);
CREATE INDEX idx_filing_form_status_created ON filing (form_type, status, created_at);
