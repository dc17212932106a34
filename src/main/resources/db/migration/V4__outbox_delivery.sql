-- Delivery state of each outbox entry: attempts, the last error (a status code or "timeout", never a
-- response body), and when it was delivered.
ALTER TABLE nrs_outbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE nrs_outbox ADD COLUMN last_error VARCHAR(200);
ALTER TABLE nrs_outbox ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE nrs_outbox ADD COLUMN channel VARCHAR(20);
