-- Bottleneck analytics summary (issue 22 item 5): per day, process definition key, step (activity id) and agency,
-- kept as activities end (engine/ActivityHistoryTap) and rebuilt once from the engine's history (ActivitySummary),
-- so the dashboard reads a few rows per day instead of every historic activity instance. No personal data: keys,
-- ids and counts only. Runs unchanged on H2 and PostgreSQL.
--
-- Rows with agency '' hold the step's ended activities: how many, the longest, and a histogram of their durations
-- in 36 fixed buckets h00..h35 (bounds in ActivityDurations.BOUNDS: percentiles are approximate, within one bucket).
-- Counts of one day are INTEGER: PostgreSQL sums them as BIGINT (a BIGINT column would be summed as NUMERIC, slower).
-- Rows with an agency (a candidate group) hold how often the step's tasks were offered to it that day.
-- The day is the engine's: the date of END_TIME_ as the engine stores it (the JVM's time zone).
CREATE TABLE nrs_activity_day (
    on_day          DATE          NOT NULL,
    proc_def_key    VARCHAR(255)  NOT NULL,
    act_id          VARCHAR(255)  NOT NULL,
    agency          VARCHAR(255)  NOT NULL,
    act_name        VARCHAR(255),
    act_type        VARCHAR(255),
    completed       INTEGER       NOT NULL DEFAULT 0,
    offered         INTEGER       NOT NULL DEFAULT 0,
    max_duration    BIGINT        NOT NULL DEFAULT 0,
    h00 INTEGER NOT NULL DEFAULT 0,
    h01 INTEGER NOT NULL DEFAULT 0,
    h02 INTEGER NOT NULL DEFAULT 0,
    h03 INTEGER NOT NULL DEFAULT 0,
    h04 INTEGER NOT NULL DEFAULT 0,
    h05 INTEGER NOT NULL DEFAULT 0,
    h06 INTEGER NOT NULL DEFAULT 0,
    h07 INTEGER NOT NULL DEFAULT 0,
    h08 INTEGER NOT NULL DEFAULT 0,
    h09 INTEGER NOT NULL DEFAULT 0,
    h10 INTEGER NOT NULL DEFAULT 0,
    h11 INTEGER NOT NULL DEFAULT 0,
    h12 INTEGER NOT NULL DEFAULT 0,
    h13 INTEGER NOT NULL DEFAULT 0,
    h14 INTEGER NOT NULL DEFAULT 0,
    h15 INTEGER NOT NULL DEFAULT 0,
    h16 INTEGER NOT NULL DEFAULT 0,
    h17 INTEGER NOT NULL DEFAULT 0,
    h18 INTEGER NOT NULL DEFAULT 0,
    h19 INTEGER NOT NULL DEFAULT 0,
    h20 INTEGER NOT NULL DEFAULT 0,
    h21 INTEGER NOT NULL DEFAULT 0,
    h22 INTEGER NOT NULL DEFAULT 0,
    h23 INTEGER NOT NULL DEFAULT 0,
    h24 INTEGER NOT NULL DEFAULT 0,
    h25 INTEGER NOT NULL DEFAULT 0,
    h26 INTEGER NOT NULL DEFAULT 0,
    h27 INTEGER NOT NULL DEFAULT 0,
    h28 INTEGER NOT NULL DEFAULT 0,
    h29 INTEGER NOT NULL DEFAULT 0,
    h30 INTEGER NOT NULL DEFAULT 0,
    h31 INTEGER NOT NULL DEFAULT 0,
    h32 INTEGER NOT NULL DEFAULT 0,
    h33 INTEGER NOT NULL DEFAULT 0,
    h34 INTEGER NOT NULL DEFAULT 0,
    h35 INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT pk_nrs_activity_day PRIMARY KEY (on_day, proc_def_key, act_id, agency)
);

CREATE INDEX ix_nrs_activity_day_key ON nrs_activity_day (proc_def_key, on_day);

-- Once the summary has been rebuilt from the engine's history (one row; its presence is the mark).
CREATE TABLE nrs_activity_summary_state (
    name            VARCHAR(40)   NOT NULL PRIMARY KEY,
    done_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
