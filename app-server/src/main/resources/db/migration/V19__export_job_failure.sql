-- Exports survive restarts (issue 13): a RUNNING job names the instance that runs it and is touched
-- (updated_at) while that instance lives; a job whose heartbeat stops is failed by a sweep.
ALTER TABLE export_job
    ADD COLUMN owner      VARCHAR(100) NULL COMMENT 'instance running the job (host:port#process)' AFTER status,
    ADD COLUMN updated_at DATETIME(3)  NULL COMMENT 'heartbeat while RUNNING' AFTER owner;

UPDATE export_job SET updated_at = COALESCE(finished_at, created_at);

CREATE INDEX idx_export_job_status_heartbeat ON export_job (status, updated_at);
