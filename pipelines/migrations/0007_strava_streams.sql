-- Heart-rate streams from Strava: the runner's opt-in, and the activities Strava had none for.

-- One extra request per activity with heart rate, so off until the runner turns it on.
ALTER TABLE strava_settings ADD COLUMN fetch_streams BOOLEAN NOT NULL DEFAULT false;

-- Activities whose streams were asked for and gave no usable heart rate (a 404, an empty
-- answer, or no valid samples); recorded so no later sync spends a request on them again.
-- Activities that did give one are marked by their activities.hr_histogram instead.
CREATE TABLE strava_stream_misses (
    activity_id  BIGINT PRIMARY KEY,
    athlete_id   BIGINT NOT NULL,
    reason       VARCHAR NOT NULL CHECK (reason IN ('not_found', 'empty', 'no_valid_samples')),
    checked_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
