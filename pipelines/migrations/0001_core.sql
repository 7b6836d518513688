-- Core schema: athletes, activities, the runner's own entries and the derived daily metrics.
-- Every table carries athlete_id so one database can hold several athletes (a coach).

CREATE TABLE athletes (
    id                       BIGINT PRIMARY KEY,      -- Strava athlete id where known
    name                     VARCHAR NOT NULL,
    sex                      VARCHAR CHECK (sex IN ('M', 'F')),
    hr_max                   INTEGER CHECK (hr_max BETWEEN 100 AND 250),
    hr_rest                  INTEGER CHECK (hr_rest BETWEEN 25 AND 120),
    lthr                     INTEGER CHECK (lthr BETWEEN 80 AND 240),
    threshold_pace_s_per_km  DOUBLE CHECK (threshold_pace_s_per_km BETWEEN 120 AND 900),
    timezone                 VARCHAR,
    starting_ctl             DOUBLE NOT NULL DEFAULT 0,
    ctl_days                 INTEGER NOT NULL DEFAULT 42,
    atl_days                 INTEGER NOT NULL DEFAULT 7,
    trimp_female_a           DOUBLE NOT NULL DEFAULT 0.86,
    no_rest_days_limit       INTEGER NOT NULL DEFAULT 10,
    source                   VARCHAR NOT NULL DEFAULT 'manual',
    created_at               TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at               TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE activities (
    id                  BIGINT PRIMARY KEY,           -- Strava activity id where known
    athlete_id          BIGINT NOT NULL,
    source              VARCHAR NOT NULL,             -- strava_api | strava_export | file | demo
    name                VARCHAR,
    sport_type          VARCHAR NOT NULL,             -- as Strava sends it, unknown types kept
    start_date          TIMESTAMP NOT NULL,           -- UTC
    start_date_local    TIMESTAMP NOT NULL,           -- local wall-clock time
    timezone            VARCHAR,
    distance_m          DOUBLE,
    moving_time_s       INTEGER,
    elapsed_time_s      INTEGER,
    elevation_gain_m    DOUBLE,
    average_heartrate   DOUBLE,
    max_heartrate       DOUBLE,
    perceived_exertion  DOUBLE,                       -- as recorded at the source (CR-10)
    hr_histogram        JSON,                         -- seconds per bpm from the HR stream
    load                DOUBLE,
    load_source         VARCHAR,                      -- hr_stream | hr_avg | pace | rpe | default
    raw                 JSON,                         -- the source record as received
    imported_at         TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at          TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX activities_athlete_start ON activities (athlete_id, start_date_local);

CREATE SEQUENCE pain_entries_id_seq START 1;
CREATE TABLE pain_entries (
    id           BIGINT PRIMARY KEY DEFAULT nextval('pain_entries_id_seq'),
    athlete_id   BIGINT NOT NULL,
    date         DATE NOT NULL,
    site         VARCHAR NOT NULL,                    -- hip-lateral, hip-front, buttock, ...
    side         VARCHAR CHECK (side IN ('left', 'right', 'both')),
    site_other   VARCHAR,                             -- free text when site = 'other'
    moment       VARCHAR NOT NULL,                    -- during-run, after-run, next-morning, ...
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    activity_id  BIGINT,
    note         VARCHAR,
    red_flags    VARCHAR[] NOT NULL DEFAULT [],
    source       VARCHAR NOT NULL DEFAULT 'manual',   -- manual | demo | csv
    created_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX pain_entries_athlete_date ON pain_entries (athlete_id, date);

CREATE TABLE wellness_entries (
    athlete_id     BIGINT NOT NULL,
    date           DATE NOT NULL,
    stress         SMALLINT CHECK (stress BETWEEN 1 AND 7),          -- Hooper items: 1 = very,
    sleep_quality  SMALLINT CHECK (sleep_quality BETWEEN 1 AND 7),   -- very good / low;
    fatigue        SMALLINT CHECK (fatigue BETWEEN 1 AND 7),         -- 7 = very, very bad / high
    soreness       SMALLINT CHECK (soreness BETWEEN 1 AND 7),
    mood           SMALLINT CHECK (mood BETWEEN 1 AND 5),
    sleep_hours    DOUBLE CHECK (sleep_hours BETWEEN 0 AND 24),
    resting_hr     INTEGER CHECK (resting_hr BETWEEN 25 AND 120),
    note           VARCHAR,
    source         VARCHAR NOT NULL DEFAULT 'manual',
    created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (athlete_id, date)
);

CREATE TABLE session_rpe (
    activity_id  BIGINT PRIMARY KEY,
    athlete_id   BIGINT NOT NULL,
    rpe          DOUBLE NOT NULL CHECK (rpe BETWEEN 0 AND 10),
    source       VARCHAR NOT NULL DEFAULT 'manual',
    created_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE daily_metrics (
    athlete_id         BIGINT NOT NULL,
    date               DATE NOT NULL,
    load               DOUBLE NOT NULL,
    distance_m         DOUBLE NOT NULL,              -- running distance that day
    moving_time_s      DOUBLE NOT NULL,              -- all sports
    run_count          INTEGER NOT NULL,
    longest_run_m      DOUBLE NOT NULL,
    ctl                DOUBLE NOT NULL,
    atl                DOUBLE NOT NULL,
    tsb                DOUBLE NOT NULL,              -- yesterday's CTL - ATL: form this morning
    tsb_eod            DOUBLE NOT NULL,              -- today's CTL - ATL, after today's load
    ramp               DOUBLE NOT NULL,
    acwr               DOUBLE,                       -- EWMA 7/28, NULL before 28 days
    acwr_rolling       DOUBLE,                       -- uncoupled rolling 7/21, NULL before 28 days
    monotony           DOUBLE,
    strain             DOUBLE,
    longest_run_30d_m  DOUBLE NOT NULL,              -- longest run of the previous 30 days
    PRIMARY KEY (athlete_id, date)
);
