-- Callbacks from agencies' systems, by their idempotency key: a repeated callback has no second effect.
CREATE TABLE nrs_callback (
    idempotency_key   VARCHAR(100) NOT NULL PRIMARY KEY,
    agency_id         VARCHAR(64)  NOT NULL,
    notification_key  VARCHAR(64)  NOT NULL,
    step              VARCHAR(100) NOT NULL,
    task_id           VARCHAR(64)  NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
