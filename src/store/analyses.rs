//! Stored analysis reports: a bot session's report when a run ends, and files saved
//! with `orch analyze --save`. The report is the `orch analyze --json` object; its
//! duration, integrated loudness and true peak are copied into columns for listing.

use rusqlite::params;

use super::Db;
use crate::Result;
use crate::records::AnalysisRow;

impl Db {
    /// Store a report of `source` (of a bot session when given); returns its id.
    pub fn insert_analysis(
        &self,
        source: &str,
        session_id: Option<&str>,
        report: &serde_json::Value,
        now: f64,
    ) -> Result<i64> {
        let num = |path: &[&str]| {
            path.iter()
                .try_fold(report, |v, k| v.get(k))
                .and_then(serde_json::Value::as_f64)
        };
        self.conn()
            .execute(
                "INSERT INTO analyses (source, session_id, created_at, duration_s, integrated_lufs, \
                 true_peak_dbtp, report) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    source,
                    session_id,
                    now,
                    num(&["duration_s"]),
                    num(&["loudness", "integrated_lufs"]),
                    num(&["loudness", "true_peak_dbtp"]),
                    report.to_string()
                ],
            )
            .map_err(|e| self.error(e))?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Reports stored at or after `since`, newest first, without their bodies.
    pub fn analyses(&self, since: f64) -> Result<Vec<AnalysisRow>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, source, session_id, created_at, duration_s, integrated_lufs, true_peak_dbtp \
                 FROM analyses WHERE created_at >= ?1 ORDER BY created_at DESC, id DESC",
            )
            .map_err(|e| self.error(e))?;
        st.query_map([since], analysis_row)
            .map_err(|e| self.error(e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.error(e))
    }

    /// One report with its body.
    pub fn analysis(&self, id: i64) -> Result<Option<AnalysisRow>> {
        use rusqlite::OptionalExtension;
        self.conn()
            .query_row(
                "SELECT id, source, session_id, created_at, duration_s, integrated_lufs, true_peak_dbtp, report \
                 FROM analyses WHERE id = ?1",
                [id],
                |r| {
                    let body: String = r.get(7)?;
                    Ok(AnalysisRow {
                        report: serde_json::from_str(&body).ok(),
                        ..analysis_row(r)?
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(e))
    }
}

/// A row selected as id, source, session_id, created_at, duration_s, integrated_lufs,
/// true_peak_dbtp (the report left out).
fn analysis_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AnalysisRow> {
    Ok(AnalysisRow {
        id: r.get(0)?,
        source: r.get(1)?,
        session_id: r.get(2)?,
        created_at: r.get(3)?,
        duration_s: r.get(4)?,
        integrated_lufs: r.get(5)?,
        true_peak_dbtp: r.get(6)?,
        report: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_stored_listed_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        let report = serde_json::json!({
            "file": "a.wav",
            "duration_s": 12.5,
            "loudness": {"integrated_lufs": -23.1, "true_peak_dbtp": -1.5},
        });
        let id = db.insert_analysis("a.wav", None, &report, 100.0).unwrap();
        db.insert_analysis("b.wav", None, &serde_json::json!({}), 200.0)
            .unwrap();
        let all = db.analyses(0.0).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].source, "a.wav");
        assert_eq!(all[1].integrated_lufs, Some(-23.1));
        assert_eq!(all[1].duration_s, Some(12.5));
        assert!(all[1].report.is_none());
        assert_eq!(db.analyses(150.0).unwrap().len(), 1);
        assert_eq!(db.analysis(id).unwrap().unwrap().report, Some(report));
        assert!(db.analysis(999).unwrap().is_none());
    }
}
