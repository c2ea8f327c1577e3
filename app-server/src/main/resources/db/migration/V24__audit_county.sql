-- Which county an audit entry belongs to (issue 17): the county office of that county sees it in its audit view
-- (common.CountyScopeInterceptor narrows audit_log like `filing`); NULL is a city-wide entry (scheduled jobs, the
-- city office's own accounts and pushes, settings), which only the city office sees. Decided once, at write time,
-- by audit.internal.DatabaseAuditTrail.
--
-- NOT part of the hash chain: AuditChain.hash (and V18's canonical form) covers id|occurred_at|actor_type|actor_id|
-- action|target_type|target_id|detail|client_ip only, so every existing entry verifies unchanged and
-- GET /api/console/admin/audit/verify keeps reporting the chain valid. Attributing an entry to a county is a
-- classification for reading, not part of what was recorded.
--
-- A single-county installation's entries were all its county's (REGION_COUNTY_CODE, the placeholder below): the
-- column is added with that county as its default, which fills every existing row without rewriting any of them
-- by statement (audit_log is append-only, AuditAppendOnlyTest), and the default is then taken away, so a new
-- entry is city-wide unless the writer names its county.
ALTER TABLE audit_log ADD COLUMN county_code CHAR(6) NULL DEFAULT '${regioncounty}' AFTER client_ip;
ALTER TABLE audit_log
    MODIFY county_code CHAR(6) NULL DEFAULT NULL,
    ADD KEY idx_audit_log_county (county_code, id);
