-- orch schema, version 3: a translation carries its line's start and end on the session
-- clock, so captions and subtitles of one language read without the transcript.
ALTER TABLE translations ADD COLUMN start_s REAL NOT NULL DEFAULT 0;
ALTER TABLE translations ADD COLUMN end_s REAL NOT NULL DEFAULT 0;
CREATE INDEX translations_language ON translations (session_id, target_language, start_s);
