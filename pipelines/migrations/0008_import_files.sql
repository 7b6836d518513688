-- What each imported activity file was read as, so importing the same export again reads only
-- the files that changed. Keyed by the activity the file belongs to; a file counts as unchanged
-- when its name, size and CRC-32 (the ZIP directory holds both) and the reader version match.
CREATE TABLE import_files (
    activity_id    BIGINT PRIMARY KEY,  -- the export's activity id, or a loose file's content id
    file_name      VARCHAR NOT NULL,    -- as listed in activities.csv, or as the file was named
    size_bytes     BIGINT NOT NULL,     -- of the file as stored (a .gz file: compressed)
    crc32          BIGINT NOT NULL,     -- CRC-32 of those bytes
    reader         VARCHAR NOT NULL,    -- the readers' version; another one reads the file again
    activity_file  VARCHAR,             -- what the file said (JSON), NULL when it was unreadable
    problem        VARCHAR              -- why it could not be read, NULL when it could
);
