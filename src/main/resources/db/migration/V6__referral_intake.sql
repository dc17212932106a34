-- Referrals received over the intake API (POST /api/referrals), one row per (referring agency, the
-- source's own reference): the unique key makes a repeated or concurrent post of the same referral
-- find the case already opened for it instead of opening a second one. No personal data: the hash
-- covers the case facts only, so a repeat can be told apart from a different referral.
CREATE TABLE nrs_referral_intake (
    case_code         VARCHAR(32)  NOT NULL PRIMARY KEY,
    agency_id         VARCHAR(64)  NOT NULL,
    source_reference  VARCHAR(100) NOT NULL,
    request_hash      VARCHAR(64)  NOT NULL,
    received_by       VARCHAR(64)  NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_nrs_referral_intake_source UNIQUE (agency_id, source_reference)
);
