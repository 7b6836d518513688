-- Strength plans: the generated 12-week schedule, and what the runner logged against it.
-- Plans are replaced, never edited in place, so old logs always point at the plan they followed.

CREATE SEQUENCE strength_plans_id_seq START 1;
CREATE TABLE strength_plans (
    id                 BIGINT PRIMARY KEY DEFAULT nextval('strength_plans_id_seq'),
    athlete_id         BIGINT NOT NULL,
    start_date         DATE NOT NULL,
    pain_site          VARCHAR,                       -- NULL: no current pain
    pain_level         SMALLINT NOT NULL CHECK (pain_level BETWEEN 0 AND 10),
    pain_trend         VARCHAR NOT NULL CHECK (pain_trend IN ('settling', 'stable', 'rising')),
    sessions_per_week  SMALLINT NOT NULL CHECK (sessions_per_week BETWEEN 2 AND 3),
    run_days           SMALLINT[] NOT NULL,           -- 0 = Monday
    hard_days          SMALLINT[] NOT NULL,
    weekdays           SMALLINT[] NOT NULL,           -- the days the sessions landed on
    phase_weeks        SMALLINT[] NOT NULL,
    notes              VARCHAR[] NOT NULL DEFAULT [],
    status             VARCHAR NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'replaced')),
    created_at         TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX strength_plans_athlete ON strength_plans (athlete_id, status);

CREATE TABLE strength_sessions (
    plan_id    BIGINT NOT NULL,
    number     INTEGER NOT NULL,
    date       DATE NOT NULL,
    week       SMALLINT NOT NULL,
    phase      SMALLINT NOT NULL CHECK (phase BETWEEN 1 AND 3),
    template   VARCHAR NOT NULL CHECK (template IN ('A', 'B')),
    exercises  VARCHAR[] NOT NULL,                    -- keys into the exercise library
    PRIMARY KEY (plan_id, number)
);

CREATE TABLE strength_session_logs (
    plan_id          BIGINT NOT NULL,
    number           INTEGER NOT NULL,
    athlete_id       BIGINT NOT NULL,
    done_on          DATE NOT NULL,
    minutes          DOUBLE NOT NULL CHECK (minutes > 0),
    rpe              DOUBLE NOT NULL CHECK (rpe BETWEEN 0 AND 10),
    activity_id      BIGINT NOT NULL,                 -- the WeightTraining activity it created
    morning_settled  BOOLEAN,                         -- next morning no worse than before
    morning_pain     SMALLINT CHECK (morning_pain BETWEEN 0 AND 10),
    note             VARCHAR,
    created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at       TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (plan_id, number)
);

CREATE TABLE strength_exercise_logs (
    plan_id       BIGINT NOT NULL,
    number        INTEGER NOT NULL,
    exercise_key  VARCHAR NOT NULL,
    level         SMALLINT NOT NULL CHECK (level >= 1),
    sets          SMALLINT NOT NULL CHECK (sets BETWEEN 0 AND 10),
    reps          SMALLINT NOT NULL CHECK (reps BETWEEN 0 AND 300),  -- or hold seconds per set
    load_kg       DOUBLE NOT NULL CHECK (load_kg BETWEEN 0 AND 500),
    pain          SMALLINT NOT NULL CHECK (pain BETWEEN 0 AND 10),
    PRIMARY KEY (plan_id, number, exercise_key)
);
