//! Translations of transcript lines, one row per line and target language.

use rusqlite::params;

use super::Db;
use crate::Result;
use crate::records::TranslationRow;

const COLUMNS: &str = "id, session_id, transcript_id, source_language, target_language, text, \
     engine, original, latency_ms, start_s, end_s";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TranslationRow> {
    Ok(TranslationRow {
        id: r.get(0)?,
        session_id: r.get(1)?,
        transcript_id: r.get(2)?,
        source_language: r.get(3)?,
        target_language: r.get(4)?,
        text: r.get(5)?,
        engine: r.get(6)?,
        original: r.get(7)?,
        latency_ms: r.get(8)?,
        start_s: r.get(9)?,
        end_s: r.get(10)?,
    })
}

impl Db {
    /// Store a translation; returns it with its id.
    pub fn insert_translation(&self, t: &TranslationRow, now: f64) -> Result<TranslationRow> {
        self.conn()
            .execute(
                "INSERT INTO translations (session_id, transcript_id, source_language, \
                 target_language, text, engine, original, latency_ms, start_s, end_s, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    t.session_id,
                    t.transcript_id,
                    t.source_language,
                    t.target_language,
                    t.text,
                    t.engine,
                    t.original,
                    t.latency_ms,
                    t.start_s,
                    t.end_s,
                    now
                ],
            )
            .map_err(|e| self.tx_err(e))?;
        Ok(TranslationRow {
            id: self.conn().last_insert_rowid(),
            ..t.clone()
        })
    }

    /// A session's translations into `langs` (all languages when empty), in time order.
    pub fn translations(&self, session_id: &str, langs: &[String]) -> Result<Vec<TranslationRow>> {
        let mut stmt = self
            .conn()
            .prepare(&format!(
                "SELECT {COLUMNS} FROM translations WHERE session_id = ?1 \
                 ORDER BY start_s, transcript_id, id"
            ))
            .map_err(|e| self.tx_err(e))?;
        let rows: Vec<TranslationRow> = stmt
            .query_map([session_id], row)
            .and_then(|rows| rows.collect())
            .map_err(|e| self.tx_err(e))?;
        Ok(rows
            .into_iter()
            .filter(|t| langs.is_empty() || langs.contains(&t.target_language))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::records::{TranscriptRow, TranslationRow};
    use crate::store::Db;

    #[test]
    fn translations_are_stored_against_their_line_and_read_by_language() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        db.conn()
            .execute_batch(
                "INSERT INTO bots (id, name, kind, state, created_at, updated_at) \
                 VALUES ('b1', 'b', 'file', 'running', 0, 0); \
                 INSERT INTO sessions (id, bot_id, started_at) VALUES ('s1', 'b1', 0);",
            )
            .unwrap();
        let line = db
            .insert_transcript(
                &TranscriptRow {
                    id: 0,
                    session_id: "s1".into(),
                    chunk_seq: 0,
                    start_s: 1.0,
                    end_s: 2.5,
                    text: "Good morning.".into(),
                    language: Some("en".into()),
                    confidence: None,
                    speaker: "Speaker 1".into(),
                    speaker_label: None,
                    speaker_method: "default".into(),
                    speaker_confidence: 0.0,
                    words: vec![],
                },
                0.0,
            )
            .unwrap();
        for (lang, text) in [("es", "Buenos días."), ("fr", "Bonjour.")] {
            db.insert_translation(
                &TranslationRow {
                    id: 0,
                    session_id: "s1".into(),
                    transcript_id: line.id,
                    source_language: Some("en".into()),
                    target_language: lang.into(),
                    text: text.into(),
                    engine: "apertium".into(),
                    original: false,
                    latency_ms: Some(3.0),
                    start_s: line.start_s,
                    end_s: line.end_s,
                },
                0.0,
            )
            .unwrap();
        }
        let es = db.translations("s1", &["es".into()]).unwrap();
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].text, "Buenos días.");
        assert_eq!((es[0].start_s, es[0].end_s), (1.0, 2.5));
        assert_eq!(db.translations("s1", &[]).unwrap().len(), 2);
    }
}
