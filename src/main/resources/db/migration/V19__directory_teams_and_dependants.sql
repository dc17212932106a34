-- Triage asks the agency directory which team of a district is responsible for a new referral (issue 15):
-- the active team of the district offering "identification". The seed says the territorial multidisciplinary
-- teams identify in their district and Interaction in the Transnistria region; databases seeded before this
-- version learn it here (later starts leave existing rows alone). Runs unchanged on H2 and PostgreSQL.
INSERT INTO nrs_agency_service (agency_id, service_type)
    SELECT a.id, 'identification' FROM nrs_agency a
    WHERE a.id IN ('mdt-chisinau', 'mdt-balti', 'mdt-cahul', 'mdt-comrat', 'interaction')
      AND NOT EXISTS (SELECT 1 FROM nrs_agency_service s WHERE s.agency_id = a.id AND s.service_type = 'identification');

-- Family members and dependants (issue 15, item 5): each dependant who needs assistance is a case of their own
-- (own case code, own consent, own person in the vault under that code); this table only links the two codes
-- and says how they are related. Codes and a relation term only, no personal data.
CREATE TABLE nrs_case_dependant (
    dependant_case_code VARCHAR(32)  NOT NULL PRIMARY KEY,
    case_code           VARCHAR(32)  NOT NULL,
    relation            VARCHAR(20)  NOT NULL,
    added_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by            VARCHAR(64)  NOT NULL,
    added_agency        VARCHAR(64),
    CONSTRAINT ck_nrs_case_dependant_relation CHECK (relation IN ('child', 'family-member')),
    CONSTRAINT ck_nrs_case_dependant_not_self CHECK (dependant_case_code <> case_code)
);

CREATE INDEX ix_nrs_case_dependant_case ON nrs_case_dependant (case_code);
