-- Deleted entries are moved here instead of vanishing, so a delete can be undone and the
-- runner's own record is never lost; the live tables stay free of soft-delete flags.

CREATE SEQUENCE deleted_entries_id_seq START 1;
CREATE TABLE deleted_entries (
    id          BIGINT PRIMARY KEY DEFAULT nextval('deleted_entries_id_seq'),
    athlete_id  BIGINT NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('pain', 'checkin', 'rpe')),
    entry       JSON NOT NULL,                        -- the deleted row, all columns
    deleted_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    restored_at TIMESTAMP                             -- set when the delete was undone
);
CREATE INDEX deleted_entries_athlete ON deleted_entries (athlete_id, deleted_at);
