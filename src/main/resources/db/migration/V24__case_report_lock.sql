-- One row per case that has been reported on (issue 16, double submit): a report on a case takes this row with
-- SELECT ... FOR UPDATE before it looks for the same report a moment ago and records its own, and holds it until
-- its transaction commits. Two submits of the same report, on one node or on two, so take turns: the second finds
-- the first saved and gets its answer again instead of opening a second urgent risk review. No personal data.
-- Runs unchanged on H2 and PostgreSQL.
CREATE TABLE nrs_case_report_lock (
    case_code  VARCHAR(32) NOT NULL PRIMARY KEY
);
