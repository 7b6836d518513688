-- Training plans drafted in the planner: several named plans per athlete, at most one active
-- (kept by pipelines.plans, which switches the flag inside one transaction).

CREATE SEQUENCE plans_id_seq START 1;
CREATE TABLE plans (
    id               BIGINT PRIMARY KEY DEFAULT nextval('plans_id_seq'),
    athlete_id       BIGINT NOT NULL,
    name             VARCHAR NOT NULL,
    active           BOOLEAN NOT NULL DEFAULT false,
    goal_kind        VARCHAR NOT NULL CHECK (goal_kind IN ('volume', 'race', 'manual')),
    goal_date        DATE,
    goal_distance_m  DOUBLE CHECK (goal_distance_m > 0),     -- weekly km goal or race distance
    build_weeks      INTEGER NOT NULL DEFAULT 3 CHECK (build_weeks IN (2, 3)),
    recovery_cut     DOUBLE NOT NULL DEFAULT 0.3 CHECK (recovery_cut BETWEEN 0.2 AND 0.4),
    created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (athlete_id, name)
);

CREATE TABLE plan_weeks (
    plan_id           BIGINT NOT NULL,
    week_start        DATE NOT NULL,                          -- a Monday
    week_type         VARCHAR NOT NULL
                      CHECK (week_type IN ('build', 'recovery', 'taper', 'race', 'rest')),
    target_kind       VARCHAR NOT NULL CHECK (target_kind IN ('distance', 'time', 'load')),
    target            DOUBLE NOT NULL CHECK (target >= 0),    -- metres, seconds or load units
    runs              INTEGER NOT NULL CHECK (runs BETWEEN 0 AND 7),
    long_run_m        DOUBLE CHECK (long_run_m >= 0),
    long_run_weekday  INTEGER CHECK (long_run_weekday BETWEEN 0 AND 6),
    note              VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, week_start)
);
