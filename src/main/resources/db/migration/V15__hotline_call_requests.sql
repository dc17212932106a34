-- Hotline calls recorded with an Idempotency-Key (POST .../hotline-call/submit-form): one row per (operator,
-- key), written in the same transaction as the call's process, so a call whose answer was lost can be sent
-- again and gets the same call back instead of a second one. The hash tells a repeat from a different call
-- under the same key; the answer kept is the engine's process instance (ids and links, no call content).
CREATE TABLE nrs_hotline_call_request (
    user_id              VARCHAR(64)   NOT NULL,
    idempotency_key      VARCHAR(100)  NOT NULL,
    request_hash         VARCHAR(64)   NOT NULL,
    process_instance_id  VARCHAR(64),
    response_status      INTEGER,
    response_body        VARCHAR(4000),
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_nrs_hotline_call_request PRIMARY KEY (user_id, idempotency_key)
);
