-- orch schema, version 1. Never edit a migration that has shipped: add V2__... instead.
-- Times are Unix seconds (REAL). JSON columns hold JSON text.

-- A bot: a supervised worker bringing one audio stream into the daemon.
CREATE TABLE bots (
    id               TEXT PRIMARY KEY,
    name             TEXT,
    kind             TEXT NOT NULL CHECK (kind IN ('file', 'command', 'meeting')),
    source           TEXT,
    meeting_url      TEXT,
    platform         TEXT,
    preset           TEXT,
    language         TEXT,
    target_languages TEXT NOT NULL DEFAULT '[]',
    dedup_key        TEXT,
    state            TEXT NOT NULL CHECK (state IN
                        ('requested', 'starting', 'running', 'stopping', 'stopped', 'failed', 'recovering')),
    state_reason     TEXT,
    state_detail     TEXT,
    restarts         INTEGER NOT NULL DEFAULT 0,
    options          TEXT NOT NULL DEFAULT '{}',
    created_at       REAL NOT NULL,
    updated_at       REAL NOT NULL,
    ended_at         REAL
);
CREATE INDEX bots_state ON bots (state);
-- The same meeting cannot be joined twice by live bots.
CREATE UNIQUE INDEX bots_live_dedup ON bots (dedup_key)
    WHERE dedup_key IS NOT NULL
      AND state IN ('requested', 'starting', 'running', 'recovering', 'stopping');

-- One run of a bot.
CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    bot_id        TEXT NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    started_at    REAL NOT NULL,
    ended_at      REAL,
    source        TEXT,
    preset        TEXT,
    audio_seconds REAL NOT NULL DEFAULT 0,
    restarts      INTEGER NOT NULL DEFAULT 0,
    errors        INTEGER NOT NULL DEFAULT 0,
    end_reason    TEXT,
    meeting_id    TEXT,
    meeting_title TEXT,
    metadata      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX sessions_bot ON sessions (bot_id, started_at);

-- State transitions (with reason), alerts and other events of a bot's sessions.
CREATE TABLE session_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    bot_id     TEXT NOT NULL REFERENCES bots (id) ON DELETE CASCADE,
    session_id TEXT REFERENCES sessions (id) ON DELETE CASCADE,
    time       REAL NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('state', 'alert', 'participant', 'speaker', 'info')),
    from_state TEXT,
    to_state   TEXT,
    reason     TEXT,
    severity   TEXT NOT NULL DEFAULT 'info' CHECK (severity IN ('debug', 'info', 'warning', 'error')),
    data       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX session_events_bot ON session_events (bot_id, time);
CREATE INDEX session_events_session ON session_events (session_id, time);

-- Per-block processing statistics of a session, aggregated over a window.
CREATE TABLE processing_stats (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    window_start    REAL NOT NULL,
    window_end      REAL NOT NULL,
    blocks          INTEGER NOT NULL,
    dropped_blocks  INTEGER NOT NULL DEFAULT 0,
    p50_ms          REAL,
    p95_ms          REAL,
    p99_ms          REAL,
    realtime_factor REAL,
    stages          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX processing_stats_session ON processing_stats (session_id, window_start);

-- User presets (built-ins live in the binary). `chain` is the versioned TOML chain.
CREATE TABLE presets (
    name           TEXT PRIMARY KEY,
    description    TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT 'user',
    format_version INTEGER NOT NULL,
    chain          TEXT NOT NULL,
    created_at     REAL NOT NULL,
    updated_at     REAL NOT NULL
);

-- Stored analysis reports (files or live sessions).
CREATE TABLE analyses (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    source          TEXT NOT NULL,
    session_id      TEXT REFERENCES sessions (id) ON DELETE SET NULL,
    created_at      REAL NOT NULL,
    duration_s      REAL,
    integrated_lufs REAL,
    true_peak_dbtp  REAL,
    report          TEXT NOT NULL
);
CREATE INDEX analyses_session ON analyses (session_id);

-- Room for what follows: participants, transcripts and translations of a session.
CREATE TABLE participants (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    external_id   TEXT,
    name          TEXT,
    speaker_id    TEXT,
    joined_at     REAL,
    left_at       REAL,
    speaking_s    REAL NOT NULL DEFAULT 0,
    metadata      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX participants_speaker ON participants (session_id, speaker_id);

CREATE TABLE transcripts (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    language     TEXT,
    confidence   REAL,
    source       TEXT,
    speaker_id   TEXT,
    speaker_name TEXT,
    start_s      REAL,
    end_s        REAL,
    metadata     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX transcripts_session ON transcripts (session_id, start_s);

CREATE TABLE translations (
    id              TEXT PRIMARY KEY,
    session_id      TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    transcript_id   TEXT REFERENCES transcripts (id) ON DELETE SET NULL,
    source_language TEXT,
    target_language TEXT NOT NULL,
    text            TEXT NOT NULL,
    confidence      REAL,
    start_s         REAL,
    end_s           REAL,
    metadata        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX translations_session ON translations (session_id, start_s);
