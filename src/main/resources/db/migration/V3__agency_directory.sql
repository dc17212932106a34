-- The agency directory: each NRS agency or territorial team (id = its Camunda group id), what it offers,
-- where, and how it is reached. Contacts are configuration, entered by administrators, never invented.
-- The fixed lists (kind, channel, region, service type) are checked here too. Runs on H2 and PostgreSQL.
CREATE TABLE nrs_agency (
    id                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    kind                VARCHAR(10)   NOT NULL,
    shelter_places      INTEGER,
    channel             VARCHAR(20)   NOT NULL,
    webhook_url         VARCHAR(2000),
    -- Signs the webhook calls, so it is kept; the API never returns it.
    webhook_secret      VARCHAR(200),
    email               VARCHAR(254),
    external_task_topic VARCHAR(64),
    active              BOOLEAN       NOT NULL,
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_nrs_agency_kind CHECK (kind IN ('agency', 'team')),
    CONSTRAINT ck_nrs_agency_channel CHECK (channel IN ('none', 'webhook', 'email', 'external-task')),
    CONSTRAINT ck_nrs_agency_shelter_places CHECK (shelter_places >= 0)
);

CREATE TABLE nrs_agency_region (
    agency_id VARCHAR(64) NOT NULL,
    region    VARCHAR(20) NOT NULL,
    CONSTRAINT pk_nrs_agency_region PRIMARY KEY (agency_id, region),
    CONSTRAINT fk_nrs_agency_region_agency FOREIGN KEY (agency_id) REFERENCES nrs_agency (id),
    CONSTRAINT ck_nrs_agency_region CHECK (region IN ('chisinau', 'balti', 'cahul', 'comrat', 'transnistria',
        'north', 'centre', 'south', 'abroad', 'national'))
);

CREATE TABLE nrs_agency_service (
    agency_id    VARCHAR(64) NOT NULL,
    service_type VARCHAR(30) NOT NULL,
    CONSTRAINT pk_nrs_agency_service PRIMARY KEY (agency_id, service_type),
    CONSTRAINT fk_nrs_agency_service_agency FOREIGN KEY (agency_id) REFERENCES nrs_agency (id),
    CONSTRAINT ck_nrs_agency_service CHECK (service_type IN ('legal', 'medical', 'psychological', 'social', 'shelter',
        'repatriation', 'identification', 'education', 'vocational-training', 'employment', 'family-community',
        'hotline'))
);

CREATE INDEX ix_nrs_agency_service_type ON nrs_agency_service (service_type);
CREATE INDEX ix_nrs_agency_region_region ON nrs_agency_region (region);
