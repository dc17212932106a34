-- The agency directory learns, once for several issues (15, 17, 18, 19): the district a territorial team
-- serves (teams per district: transfers, guardianship-<district>), the language its notifications are
-- written in, whether it is told of each new task at once or in a daily digest, and for a partner abroad
-- its country (ISO 3166-1 alpha-2) and the consent purpose that must be given before anything is shared
-- with it. The guardianship authority becomes a kind of service. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE nrs_agency ADD COLUMN district VARCHAR(20);
ALTER TABLE nrs_agency ADD COLUMN language VARCHAR(2) DEFAULT 'ro' NOT NULL;
ALTER TABLE nrs_agency ADD COLUMN notify_mode VARCHAR(20) DEFAULT 'per-task' NOT NULL;
ALTER TABLE nrs_agency ADD COLUMN country VARCHAR(2);
ALTER TABLE nrs_agency ADD COLUMN consent_purpose VARCHAR(30);

-- Districts are the territorial terms of the region list (Vocabulary.DISTRICT), never abroad or national.
ALTER TABLE nrs_agency ADD CONSTRAINT ck_nrs_agency_district CHECK (district IN ('chisinau', 'balti', 'cahul', 'comrat',
    'transnistria', 'north', 'centre', 'south'));
ALTER TABLE nrs_agency ADD CONSTRAINT ck_nrs_agency_language CHECK (language IN ('ro', 'ru', 'en'));
ALTER TABLE nrs_agency ADD CONSTRAINT ck_nrs_agency_notify_mode CHECK (notify_mode IN ('per-task', 'daily-digest'));
-- Two capital letters; which pairs are countries is checked by the API (the JDK's ISO 3166 list).
ALTER TABLE nrs_agency ADD CONSTRAINT ck_nrs_agency_country CHECK (LENGTH(country) = 2 AND country = UPPER(country));
ALTER TABLE nrs_agency ADD CONSTRAINT ck_nrs_agency_consent_purpose CHECK (consent_purpose IN ('partner-abroad',
    'law-enforcement'));
CREATE INDEX ix_nrs_agency_district ON nrs_agency (district);

ALTER TABLE nrs_agency_service DROP CONSTRAINT ck_nrs_agency_service;
ALTER TABLE nrs_agency_service ADD CONSTRAINT ck_nrs_agency_service CHECK (service_type IN ('legal', 'medical',
    'psychological', 'social', 'shelter', 'repatriation', 'identification', 'education', 'vocational-training',
    'employment', 'family-community', 'hotline', 'guardianship'));

-- What the seed says about agencies seeded before this version (later starts leave existing rows alone).
UPDATE nrs_agency SET district = 'chisinau' WHERE id IN ('mdt-chisinau', 'guardianship-chisinau');
INSERT INTO nrs_agency_service (agency_id, service_type)
    SELECT id, 'guardianship' FROM nrs_agency WHERE id = 'guardianship-chisinau';
UPDATE nrs_agency SET country = 'UA', consent_purpose = 'partner-abroad' WHERE id = 'veritas';
UPDATE nrs_agency SET district = 'transnistria' WHERE id = 'interaction';

-- An outbox entry for a new task names the process it belongs to (its task name is translated from
-- task.<process>.<step>); one sent in a daily digest names the digest message that carried it.
ALTER TABLE nrs_outbox ADD COLUMN process_key VARCHAR(64);
ALTER TABLE nrs_outbox ADD COLUMN digest_key VARCHAR(64);
CREATE INDEX ix_nrs_outbox_status_agency ON nrs_outbox (status, agency_id);
