-- Safety incidents and early shelter leaves reported on a case over /api/cases/{code}/... (issue 16, item 4).
-- One row per accepted report: who reported, for which case, what kind and when, and where the report went
-- (the engine task it started). The reporter's free-text note is personal data: sealed with the vault's
-- field cipher (AES-GCM, case code and column as associated data), never stored in clear.
-- Runs unchanged on H2 and PostgreSQL.
CREATE TABLE nrs_case_incident (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_code       VARCHAR(32)  NOT NULL,
    report_type     VARCHAR(24)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    occurred_on     DATE         NOT NULL,
    reported_by     VARCHAR(64)  NOT NULL,
    reporter_agency VARCHAR(64),
    reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    process_instance_id VARCHAR(64) NOT NULL,
    task_id         VARCHAR(64),
    task_group      VARCHAR(64),
    task_due        TIMESTAMP WITH TIME ZONE,
    note_sealed     VARCHAR(12000),
    note_key_id     VARCHAR(64),
    CONSTRAINT ck_nrs_case_incident_type CHECK (report_type IN ('safety-incident', 'shelter-left-early'))
);

-- The duplicate-click check: the same user, case, type and kind within a short window.
CREATE INDEX ix_nrs_case_incident_recent ON nrs_case_incident (case_code, reported_by, report_type, kind, reported_at);
