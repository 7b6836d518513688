-- Strava connection: tokens, sync runs and resume checkpoints, and the runner's sync settings.

CREATE TABLE strava_tokens (
    athlete_id      BIGINT PRIMARY KEY,                -- Strava athlete id (= athletes.id)
    athlete_name    VARCHAR NOT NULL,                  -- as Strava shows it, for "Connected as"
    access_token    VARCHAR NOT NULL,                  -- never logged or shown
    refresh_token   VARCHAR NOT NULL,                  -- rotates: persisted on every refresh
    expires_at      BIGINT NOT NULL,                   -- epoch seconds
    scopes          VARCHAR NOT NULL DEFAULT '',       -- comma list the runner actually granted
    connected_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One-time OAuth state nonces already redeemed, so a redirect cannot be replayed.
CREATE TABLE strava_oauth_nonces (
    nonce       VARCHAR PRIMARY KEY,
    used_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE strava_sync_runs_id_seq START 1;
CREATE TABLE strava_sync_runs (
    id              BIGINT PRIMARY KEY DEFAULT nextval('strava_sync_runs_id_seq'),
    athlete_id      BIGINT NOT NULL,
    mode            VARCHAR NOT NULL,                  -- backfill | incremental | full
    status          VARCHAR NOT NULL,                  -- running | done | paused | failed
    pid             INTEGER,                           -- the process doing the work
    started_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    heartbeat_at    TIMESTAMP NOT NULL DEFAULT current_timestamp,
    finished_at     TIMESTAMP,
    progress        DOUBLE NOT NULL DEFAULT 0,         -- 0..1, for the progress bar
    pages           INTEGER NOT NULL DEFAULT 0,
    requests        INTEGER NOT NULL DEFAULT 0,
    fetched         INTEGER NOT NULL DEFAULT 0,
    upserted        INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0,
    pruned          INTEGER NOT NULL DEFAULT 0,
    resume_after    TIMESTAMP,                         -- UTC; set when paused by rate limits
    message         VARCHAR
);
CREATE INDEX strava_sync_runs_athlete ON strava_sync_runs (athlete_id, started_at);

-- Where an interrupted listing continues: the anchor it lists below, the oldest start seen.
CREATE TABLE strava_sync_checkpoints (
    athlete_id        BIGINT PRIMARY KEY,
    open              BOOLEAN NOT NULL DEFAULT false,  -- a listing is under way (resume it)
    mode              VARCHAR,                         -- backfill | incremental | full
    window_start      TIMESTAMP,                       -- UTC; NULL = all history
    window_end        TIMESTAMP,                       -- UTC; the listing's upper bound
    oldest_seen       TIMESTAMP,                       -- UTC start of the oldest activity stored
    backfill_done     BOOLEAN NOT NULL DEFAULT false,  -- all history has been listed once
    updated_at        TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Ids listed so far by the current (possibly resumed) listing, to find deletions at its end.
CREATE TABLE strava_listed_ids (
    athlete_id   BIGINT NOT NULL,
    activity_id  BIGINT NOT NULL,
    PRIMARY KEY (athlete_id, activity_id)
);

CREATE TABLE strava_settings (
    athlete_id      BIGINT PRIMARY KEY,
    retention_days  INTEGER CHECK (retention_days BETWEEN 7 AND 36500),  -- NULL = keep all
    overlap_days    INTEGER NOT NULL DEFAULT 14 CHECK (overlap_days BETWEEN 1 AND 90),
    fetch_details   BOOLEAN NOT NULL DEFAULT false,    -- one extra request per new run
    updated_at      TIMESTAMP NOT NULL DEFAULT current_timestamp
);
