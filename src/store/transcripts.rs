//! Transcripts: chunks sent to a speech-to-text engine, transcript lines, and the names
//! given to speaker labels.

use rusqlite::{OptionalExtension, params};

use super::Db;
pub use crate::records::SpeakerRow;
use crate::records::{ChunkRow, TranscriptRow};
use crate::{Error, Result};

const LINE_COLUMNS: &str = "t.id, t.session_id, t.chunk_seq, t.start_s, t.end_s, t.text, t.language, \
     t.confidence, coalesce(n.name, t.speaker), t.speaker_label, \
     CASE WHEN n.name IS NULL THEN t.speaker_method ELSE 'manual' END, \
     CASE WHEN n.name IS NULL THEN t.speaker_confidence ELSE 1.0 END, t.words";

fn line_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TranscriptRow> {
    let words: String = r.get(12)?;
    Ok(TranscriptRow {
        id: r.get(0)?,
        session_id: r.get(1)?,
        chunk_seq: r.get::<_, i64>(2)? as u64,
        start_s: r.get(3)?,
        end_s: r.get(4)?,
        text: r.get(5)?,
        language: r.get(6)?,
        confidence: r.get(7)?,
        speaker: r.get(8)?,
        speaker_label: r.get(9)?,
        speaker_method: r.get(10)?,
        speaker_confidence: r.get(11)?,
        words: serde_json::from_str(&words).unwrap_or_default(),
    })
}

impl Db {
    pub(super) fn tx_err(&self, e: impl std::fmt::Display) -> Error {
        Error::Database {
            path: self.path().to_path_buf(),
            message: e.to_string(),
        }
    }

    /// Store a chunk's outcome.
    pub fn insert_chunk(&self, session_id: &str, c: &ChunkRow, now: f64) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO chunks (session_id, seq, start_s, end_s, overlap_s, cut, speech_s, \
                 quality_score, quality, status, engine, latency_ms, error, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    session_id,
                    c.seq as i64,
                    c.start_s,
                    c.end_s,
                    c.overlap_s,
                    c.cut,
                    c.speech_s,
                    c.quality_score,
                    c.quality.to_string(),
                    c.status,
                    c.engine,
                    c.latency_ms,
                    c.error,
                    now
                ],
            )
            .map(|_| ())
            .map_err(|e| self.tx_err(e))
    }

    /// Store a transcript line; returns it as stored (its id, and the speaker's mapped
    /// name when its label has one).
    pub fn insert_transcript(&self, line: &TranscriptRow, now: f64) -> Result<TranscriptRow> {
        self.conn()
            .execute(
                "INSERT INTO transcripts (session_id, chunk_seq, start_s, end_s, text, language, \
                 confidence, speaker_label, speaker, speaker_method, speaker_confidence, words, \
                 created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    line.session_id,
                    line.chunk_seq as i64,
                    line.start_s,
                    line.end_s,
                    line.text,
                    line.language,
                    line.confidence,
                    line.speaker_label,
                    line.speaker,
                    line.speaker_method,
                    line.speaker_confidence,
                    serde_json::to_string(&line.words).expect("words serialize"),
                    now
                ],
            )
            .map_err(|e| self.tx_err(e))?;
        let id = self.conn().last_insert_rowid();
        self.conn()
            .query_row(
                &format!(
                    "SELECT {LINE_COLUMNS} FROM transcripts t LEFT JOIN speaker_names n \
                     ON n.session_id = t.session_id AND n.label = coalesce(t.speaker_label, t.speaker) \
                     WHERE t.id = ?1"
                ),
                [id],
                line_row,
            )
            .map_err(|e| self.tx_err(e))
    }

    /// A session's transcript in time order, with mapped speaker names.
    pub fn transcript(&self, session_id: &str) -> Result<Vec<TranscriptRow>> {
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT {LINE_COLUMNS} FROM transcripts t LEFT JOIN speaker_names n \
                 ON n.session_id = t.session_id AND n.label = coalesce(t.speaker_label, t.speaker) \
                 WHERE t.session_id = ?1 ORDER BY t.start_s, t.id"
            ))
            .map_err(|e| self.tx_err(e))?;
        stmt.query_map([session_id], line_row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.tx_err(e))
    }

    /// Whether a session exists.
    pub fn session_exists(&self, session_id: &str) -> Result<bool> {
        self.conn()
            .query_row("SELECT 1 FROM sessions WHERE id = ?1", [session_id], |_| {
                Ok(())
            })
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.tx_err(e))
    }

    /// The newest session of a bot.
    pub fn latest_session(&self, bot_id: &str) -> Result<Option<String>> {
        self.conn()
            .query_row(
                "SELECT id FROM sessions WHERE bot_id = ?1 ORDER BY started_at DESC, rowid DESC LIMIT 1",
                [bot_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.tx_err(e))
    }

    /// A session's `speaking` events (time, name) from the last one before `from` up to
    /// `to` (Unix seconds), in time order.
    pub fn speaking(&self, session_id: &str, from: f64, to: f64) -> Result<Vec<(f64, String)>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT time, coalesce(json_extract(data, '$.name'), json_extract(data, '$.participant_id'))                  FROM session_events WHERE session_id = ?1 AND kind = 'speaker' AND time <= ?3                  AND time >= coalesce((SELECT max(time) FROM session_events                      WHERE session_id = ?1 AND kind = 'speaker' AND time <= ?2), ?2)                  ORDER BY time, id",
            )
            .map_err(|e| self.tx_err(e))?;
        stmt.query_map(params![session_id, from, to], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.tx_err(e))
    }

    /// Give a session's speaker label a name (replacing an earlier one).
    pub fn map_speaker(&self, session_id: &str, label: &str, name: &str) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO speaker_names (session_id, label, name) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (session_id, label) DO UPDATE SET name = excluded.name",
                params![session_id, label, name],
            )
            .map(|_| ())
            .map_err(|e| self.tx_err(e))
    }

    /// A session's speakers: every label its lines carry, and mapped labels.
    pub fn speakers(&self, session_id: &str) -> Result<Vec<SpeakerRow>> {
        let mut stmt = self
            .conn()
            .prepare(
                "WITH labels AS (SELECT coalesce(speaker_label, speaker) AS label, count(*) AS lines \
                 FROM transcripts WHERE session_id = ?1 GROUP BY 1 \
                 UNION SELECT label, 0 FROM speaker_names WHERE session_id = ?1) \
                 SELECT l.label, coalesce(n.name, l.label), max(l.lines), n.name IS NOT NULL \
                 FROM labels l LEFT JOIN speaker_names n ON n.session_id = ?1 AND n.label = l.label \
                 GROUP BY l.label ORDER BY l.label",
            )
            .map_err(|e| self.tx_err(e))?;
        stmt.query_map([session_id], |r| {
            Ok(SpeakerRow {
                label: r.get(0)?,
                name: r.get(1)?,
                lines: r.get::<_, i64>(2)? as u64,
                mapped: r.get(3)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.tx_err(e))
    }
}
