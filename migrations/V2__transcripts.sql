-- orch schema, version 2: speech to text. Times on the session clock are seconds from
-- the session's start (REAL); other times are Unix seconds.

-- One chunk of a session's audio sent (or not) to a speech-to-text engine.
CREATE TABLE chunks (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    start_s       REAL NOT NULL,
    end_s         REAL NOT NULL,
    overlap_s     REAL NOT NULL DEFAULT 0,
    cut           TEXT NOT NULL CHECK (cut IN ('pause', 'gap', 'length', 'end')),
    speech_s      REAL NOT NULL DEFAULT 0,
    quality_score REAL,
    quality       TEXT NOT NULL DEFAULT '{}',
    status        TEXT NOT NULL CHECK (status IN ('transcribed', 'failed', 'dropped')),
    engine        TEXT,
    latency_ms    REAL,
    error         TEXT,
    created_at    REAL NOT NULL
);
CREATE INDEX chunks_session ON chunks (session_id, seq);

-- Version 1 reserved `transcripts` and `translations` tables that nothing ever wrote
-- (no release stored a row in them): they are replaced by the shapes below.
DROP INDEX translations_session;
DROP TABLE translations;
DROP INDEX transcripts_session;
DROP TABLE transcripts;

-- One line of a session's transcript.
CREATE TABLE transcripts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id        TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    chunk_seq         INTEGER NOT NULL,
    start_s           REAL NOT NULL,
    end_s             REAL NOT NULL,
    text              TEXT NOT NULL,
    language          TEXT,
    confidence        REAL,
    speaker_label     TEXT,
    speaker           TEXT NOT NULL,
    speaker_method    TEXT NOT NULL CHECK (speaker_method IN ('engine', 'participant', 'manual', 'default')),
    speaker_confidence REAL NOT NULL DEFAULT 0,
    words             TEXT NOT NULL DEFAULT '[]',
    created_at        REAL NOT NULL
);
CREATE INDEX transcripts_session ON transcripts (session_id, start_s);

-- Names given to a session's speaker labels (`orch speakers map`).
CREATE TABLE speaker_names (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    label      TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (session_id, label)
);

-- A transcript line translated into one language.
CREATE TABLE translations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    transcript_id   INTEGER NOT NULL REFERENCES transcripts (id) ON DELETE CASCADE,
    source_language TEXT,
    target_language TEXT NOT NULL,
    text            TEXT NOT NULL,
    engine          TEXT NOT NULL,
    original        INTEGER NOT NULL DEFAULT 0,
    latency_ms      REAL,
    created_at      REAL NOT NULL
);
CREATE INDEX translations_session ON translations (session_id, transcript_id);
