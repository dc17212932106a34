-- "Person not reachable" reported on a case over /api/cases/{code}/person-not-reachable (issue 16, item 4): a report
-- type of its own in nrs_case_incident, routed like a safety incident. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE nrs_case_incident DROP CONSTRAINT ck_nrs_case_incident_type;
ALTER TABLE nrs_case_incident ADD CONSTRAINT ck_nrs_case_incident_type
    CHECK (report_type IN ('safety-incident', 'shelter-left-early', 'person-not-reachable'));
