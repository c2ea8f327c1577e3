-- A follower who is also a mini-program operator (same unionid), found by the follower sync.
ALTER TABLE oa_follower ADD COLUMN operator_id BIGINT NULL AFTER unionid;
CREATE INDEX idx_oa_follower_operator ON oa_follower (operator_id);
