-- Domestic-violence group-counselling pilot (Chisinau): the directory of counselling groups. Each group is
-- for victims or for perpetrators, never both; enrolment checks the participant's kind against it.
-- No personal data: a group has an id, a kind, places, a start date and the agency whose counsellors lead it.
-- Runs unchanged on H2 and PostgreSQL.
CREATE TABLE nrs_dv_group (
    id                VARCHAR(40)  NOT NULL PRIMARY KEY,
    kind              VARCHAR(12)  NOT NULL,
    capacity          INTEGER      NOT NULL,
    starts_on         DATE         NOT NULL,
    counsellor_agency VARCHAR(64)  NOT NULL,
    active            BOOLEAN      NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_nrs_dv_group_kind CHECK (kind IN ('victim', 'perpetrator')),
    CONSTRAINT ck_nrs_dv_group_capacity CHECK (capacity BETWEEN 1 AND 50)
);

-- Pilot codes DV-<year>-<sequence> for participants who are not NRS cases (one sequence, unique across nodes).
CREATE SEQUENCE nrs_dv_participant_code_seq START WITH 1 INCREMENT BY 1;
