//! Bots, their sessions and their events. Every state change is one transaction that
//! updates the bot and appends the event, so history and current state never disagree.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Db;
use crate::bots::{BotKind, BotSpec, BotState, Reason};
pub use crate::records::{EventRow, SessionRow};
use crate::records::{Removed, SessionPerformance, StatsWindow};
use crate::{Error, Result};

/// A bot as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BotRow {
    /// Bot id.
    pub id: String,
    /// Human name.
    pub name: String,
    /// The spec it was spawned with.
    pub spec: BotSpec,
    /// Current preset.
    pub preset: String,
    /// Current state.
    pub state: BotState,
    /// Reason of the last transition.
    pub reason: Option<String>,
    /// Detail of the last transition (an error message).
    pub detail: Option<String>,
    /// Restarts so far.
    pub restarts: u32,
    /// Unix time of the spawn.
    pub created_at: f64,
    /// Unix time of the last change.
    pub updated_at: f64,
    /// Unix time it ended.
    pub ended_at: Option<f64>,
}

const BOT_COLUMNS: &str = "id, name, options, preset, state, state_reason, state_detail, restarts, created_at, updated_at, ended_at";

fn bot_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<BotRow> {
    let spec: String = r.get(2)?;
    let state: String = r.get(4)?;
    Ok(BotRow {
        id: r.get(0)?,
        name: r.get(1)?,
        spec: serde_json::from_str(&spec).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        preset: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        state: BotState::from_name(&state).unwrap_or(BotState::Failed),
        reason: r.get(5)?,
        detail: r.get(6)?,
        restarts: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
        ended_at: r.get(10)?,
    })
}

impl Db {
    fn db_err(&self, e: impl std::fmt::Display) -> Error {
        Error::Database {
            path: self.path().to_path_buf(),
            message: e.to_string(),
        }
    }

    /// Store a new bot in state `requested`. A live bot with the same dedup key makes
    /// this fail with an `Invalid` error naming that bot.
    pub fn insert_bot(
        &self,
        id: &str,
        name: &str,
        spec: &BotSpec,
        preset: &str,
        now: f64,
    ) -> Result<()> {
        if let Some(key) = &spec.dedup_key {
            let other: Option<String> = self
                .conn()
                .query_row(
                    "SELECT id FROM bots WHERE dedup_key = ?1 AND state NOT IN ('stopped','failed')",
                    [key],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.db_err(e))?;
            if let Some(other) = other {
                return Err(Error::Invalid(format!(
                    "bot {other} is already live with dedup key `{key}`"
                )));
            }
        }
        let spec_json = serde_json::to_string(spec).expect("spec serializes");
        let tx = self
            .conn()
            .unchecked_transaction()
            .map_err(|e| self.db_err(e))?;
        tx.execute(
            "INSERT INTO bots (id, name, kind, source, meeting_url, platform, preset, language, \
             target_languages, dedup_key, state, state_reason, options, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'requested', 'spawned', ?11, ?12, ?12)",
            params![
                id,
                name,
                spec.kind.name(),
                spec.source,
                spec.meeting_url,
                spec.platform.map(|p| p.name()),
                preset,
                spec.language,
                serde_json::to_string(&spec.target_languages).expect("json"),
                spec.dedup_key,
                spec_json,
                now
            ],
        )
        .map_err(|e| self.db_err(e))?;
        tx.execute(
            "INSERT INTO session_events (bot_id, time, kind, to_state, reason) VALUES (?1, ?2, 'state', 'requested', 'spawned')",
            params![id, now],
        )
        .map_err(|e| self.db_err(e))?;
        tx.commit().map_err(|e| self.db_err(e))
    }

    /// Move a bot to `to` with `reason`, appending the state event (one transaction).
    pub fn set_bot_state(
        &self,
        id: &str,
        to: BotState,
        reason: Reason,
        detail: Option<&str>,
        session_id: Option<&str>,
        now: f64,
    ) -> Result<BotState> {
        let tx = self
            .conn()
            .unchecked_transaction()
            .map_err(|e| self.db_err(e))?;
        let from: String = tx
            .query_row("SELECT state FROM bots WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| Error::NotFound {
                what: "bot",
                name: id.to_string(),
            })?;
        let from = BotState::from_name(&from).unwrap_or(BotState::Failed);
        // A refused transition is the caller's error, not the storage's.
        crate::bots::lifecycle::transition(from, to)
            .map_err(|e| Error::Invalid(format!("bot {id}: {e}")))?;
        let ended = to.is_terminal().then_some(now);
        tx.execute(
            "UPDATE bots SET state = ?2, state_reason = ?3, state_detail = ?4, updated_at = ?5, \
             ended_at = coalesce(?6, ended_at), restarts = restarts + ?7 WHERE id = ?1",
            params![
                id,
                to.name(),
                reason.name(),
                detail,
                now,
                ended,
                i64::from(reason == Reason::Restarting)
            ],
        )
        .map_err(|e| self.db_err(e))?;
        let severity = match (to, reason) {
            (BotState::Failed, _) => "error",
            (_, Reason::Crashed | Reason::Stalled | Reason::Interrupted) => "warning",
            _ => "info",
        };
        let data = serde_json::json!({ "detail": detail }).to_string();
        tx.execute(
            "INSERT INTO session_events (bot_id, session_id, time, kind, from_state, to_state, reason, severity, data) \
             VALUES (?1, ?2, ?3, 'state', ?4, ?5, ?6, ?7, ?8)",
            params![id, session_id, now, from.name(), to.name(), reason.name(), severity, data],
        )
        .map_err(|e| self.db_err(e))?;
        tx.commit().map_err(|e| self.db_err(e))?;
        Ok(from)
    }

    /// Record a non-state event (an alert, a participant change...).
    #[allow(clippy::too_many_arguments)]
    pub fn add_bot_event(
        &self,
        bot_id: &str,
        session_id: Option<&str>,
        kind: &str,
        severity: &str,
        reason: Option<&str>,
        data: &serde_json::Value,
        now: f64,
    ) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO session_events (bot_id, session_id, time, kind, reason, severity, data) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![bot_id, session_id, now, kind, reason, severity, data.to_string()],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// Change the preset recorded for a bot.
    pub fn set_bot_preset(&self, id: &str, preset: &str, now: f64) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE bots SET preset = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, preset, now],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// Store a bot's changed settings (`orch bot config --set`).
    pub fn set_bot_spec(&self, id: &str, spec: &BotSpec, now: f64) -> Result<()> {
        let json = serde_json::to_string(spec).expect("spec serializes");
        self.conn()
            .execute(
                "UPDATE bots SET options = ?2, target_languages = ?3, updated_at = ?4 WHERE id = ?1",
                params![
                    id,
                    json,
                    serde_json::to_string(&spec.target_languages).expect("json"),
                    now
                ],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// One bot.
    pub fn bot(&self, id: &str) -> Result<Option<BotRow>> {
        self.conn()
            .query_row(
                &format!("SELECT {BOT_COLUMNS} FROM bots WHERE id = ?1"),
                [id],
                bot_row,
            )
            .optional()
            .map_err(|e| self.db_err(e))
    }

    /// Bots, newest first: live ones only unless `all`; optionally in one state.
    pub fn bots(&self, all: bool, state: Option<BotState>) -> Result<Vec<BotRow>> {
        let mut sql = format!("SELECT {BOT_COLUMNS} FROM bots WHERE 1=1");
        if !all && state.is_none() {
            sql.push_str(" AND state NOT IN ('stopped','failed')");
        }
        if state.is_some() {
            sql.push_str(" AND state = ?1");
        }
        sql.push_str(" ORDER BY created_at DESC, id");
        let mut st = self.conn().prepare(&sql).map_err(|e| self.db_err(e))?;
        let rows = match state {
            Some(s) => st.query_map([s.name()], bot_row),
            None => st.query_map([], bot_row),
        }
        .map_err(|e| self.db_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.db_err(e))
    }

    /// Bots by state name, and the restarts of all bots (for the metrics).
    pub fn bot_totals(&self) -> Result<(Vec<(String, u64)>, u64)> {
        let mut st = self
            .conn()
            .prepare("SELECT state, count(*) FROM bots GROUP BY state")
            .map_err(|e| self.db_err(e))?;
        let by_state = st
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })
            .map_err(|e| self.db_err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.db_err(e))?;
        let restarts: i64 = self
            .conn()
            .query_row("SELECT coalesce(sum(restarts), 0) FROM bots", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.db_err(e))?;
        Ok((by_state, restarts.max(0) as u64))
    }

    /// Start a session of a bot.
    pub fn start_session(
        &self,
        session_id: &str,
        bot_id: &str,
        source: &str,
        preset: &str,
        now: f64,
    ) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO sessions (id, bot_id, started_at, source, preset) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![session_id, bot_id, now, source, preset],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// Update a session's running totals.
    pub fn update_session(
        &self,
        session_id: &str,
        audio_s: f64,
        restarts: u32,
        errors: u32,
    ) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE sessions SET audio_seconds = ?2, restarts = ?3, errors = ?4 WHERE id = ?1",
                params![session_id, audio_s, restarts, errors],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// End a session.
    pub fn end_session(&self, session_id: &str, reason: Reason, now: f64) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE sessions SET ended_at = ?2, end_reason = ?3 WHERE id = ?1 AND ended_at IS NULL",
                params![session_id, now, reason.name()],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// Sessions started at or after `since`, newest first; of one bot when given.
    pub fn sessions(&self, since: f64, bot_id: Option<&str>) -> Result<Vec<SessionRow>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, bot_id, started_at, ended_at, source, preset, audio_seconds, restarts, errors, end_reason \
                 FROM sessions WHERE started_at >= ?1 AND (?2 IS NULL OR bot_id = ?2) ORDER BY started_at DESC",
            )
            .map_err(|e| self.db_err(e))?;
        let rows = st
            .query_map(params![since, bot_id], |r| {
                Ok(SessionRow {
                    id: r.get(0)?,
                    bot_id: r.get(1)?,
                    started_at: r.get(2)?,
                    ended_at: r.get(3)?,
                    source: r.get(4)?,
                    preset: r.get(5)?,
                    audio_seconds: r.get(6)?,
                    restarts: r.get(7)?,
                    errors: r.get(8)?,
                    end_reason: r.get(9)?,
                })
            })
            .map_err(|e| self.db_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.db_err(e))
    }

    /// The last `n` alerts of a bot, oldest first.
    pub fn bot_alerts(&self, bot_id: &str, n: usize) -> Result<Vec<EventRow>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, bot_id, session_id, time, kind, from_state, to_state, reason, severity, data \
                 FROM session_events WHERE bot_id = ?1 AND kind = 'alert' ORDER BY id DESC LIMIT ?2",
            )
            .map_err(|e| self.db_err(e))?;
        let mut rows = st
            .query_map(params![bot_id, n as i64], event_row)
            .map_err(|e| self.db_err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.db_err(e))?;
        rows.reverse();
        Ok(rows)
    }

    /// Events of a bot (or of all bots), oldest first, after sequence number `after`.
    pub fn bot_events(
        &self,
        bot_id: Option<&str>,
        since: f64,
        limit: u32,
    ) -> Result<Vec<EventRow>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT id, bot_id, session_id, time, kind, from_state, to_state, reason, severity, data \
                 FROM session_events WHERE (?1 IS NULL OR bot_id = ?1) AND time >= ?2 \
                 ORDER BY id DESC LIMIT ?3",
            )
            .map_err(|e| self.db_err(e))?;
        let rows = st
            .query_map(params![bot_id, since, limit], event_row)
            .map_err(|e| self.db_err(e))?;
        let mut v: Vec<EventRow> = rows
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.db_err(e))?;
        v.reverse();
        Ok(v)
    }

    /// Bots left live by a daemon that died: returns their ids and open session ids.
    pub fn live_bots(&self) -> Result<Vec<(String, Option<String>)>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT b.id, (SELECT s.id FROM sessions s WHERE s.bot_id = b.id AND s.ended_at IS NULL \
                 ORDER BY s.started_at DESC LIMIT 1) FROM bots b WHERE b.state NOT IN ('stopped','failed')",
            )
            .map_err(|e| self.db_err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.db_err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.db_err(e))
    }

    /// Delete ended bots (with their sessions and events) that ended before `cutoff`.
    ///
    /// Everything that hangs off their sessions goes with them (events, statistics,
    /// chunks, transcripts, translations, participants, and the analyses of those
    /// sessions), in one transaction. Returns the counts and the (bot, session) pairs
    /// removed, whose log files the caller deletes.
    pub fn cleanup_bots(&self, cutoff: f64) -> Result<(Removed, Vec<(String, String)>)> {
        let tx = self
            .conn()
            .unchecked_transaction()
            .map_err(|e| self.db_err(e))?;
        let old = "SELECT id FROM bots WHERE state IN ('stopped','failed') AND ended_at < ?1";
        let sessions: Vec<(String, String)> = {
            let mut st = tx
                .prepare(&format!(
                    "SELECT bot_id, id FROM sessions WHERE bot_id IN ({old})"
                ))
                .map_err(|e| self.db_err(e))?;
            st.query_map([cutoff], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.db_err(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.db_err(e))?
        };
        let before = self.history()?;
        let analyses = tx
            .execute(
                &format!(
                    "DELETE FROM analyses WHERE session_id IN \
                     (SELECT id FROM sessions WHERE bot_id IN ({old}))"
                ),
                [cutoff],
            )
            .map_err(|e| self.db_err(e))?;
        let bots = tx
            .execute(&format!("DELETE FROM bots WHERE id IN ({old})"), [cutoff])
            .map_err(|e| self.db_err(e))?;
        let after = self.history()?;
        tx.commit().map_err(|e| self.db_err(e))?;
        let removed = Removed {
            bots: bots as u64,
            sessions: sessions.len() as u64,
            events: before.events.saturating_sub(after.events),
            stats_windows: before.stats_windows.saturating_sub(after.stats_windows),
            chunks: before.chunks.saturating_sub(after.chunks),
            transcript_lines: before
                .transcript_lines
                .saturating_sub(after.transcript_lines),
            translations: before.translations.saturating_sub(after.translations),
            analyses: analyses as u64,
            log_files: 0,
        };
        Ok((removed, sessions))
    }

    /// Store one processing window of a session.
    pub fn insert_window(&self, w: &StatsWindow, stages: &serde_json::Value) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO processing_stats (session_id, window_start, window_end, blocks, dropped_blocks, \
                 p50_ms, p95_ms, p99_ms, realtime_factor, stages) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                params![
                    w.session_id,
                    w.start,
                    w.end,
                    w.blocks as i64,
                    w.dropped_blocks as i64,
                    w.p50_ms,
                    w.p95_ms,
                    w.p99_ms,
                    w.realtime_factor,
                    stages.to_string()
                ],
            )
            .map(|_| ())
            .map_err(|e| self.db_err(e))
    }

    /// The processing windows of a session, oldest first.
    pub fn windows(&self, session_id: &str) -> Result<Vec<StatsWindow>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT session_id, window_start, window_end, blocks, dropped_blocks, p50_ms, p95_ms, \
                 p99_ms, realtime_factor FROM processing_stats WHERE session_id = ?1 ORDER BY window_start, id",
            )
            .map_err(|e| self.db_err(e))?;
        st.query_map([session_id], |r| {
            Ok(StatsWindow {
                session_id: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
                blocks: r.get::<_, i64>(3)? as u64,
                dropped_blocks: r.get::<_, i64>(4)? as u64,
                p50_ms: r.get(5)?,
                p95_ms: r.get(6)?,
                p99_ms: r.get(7)?,
                realtime_factor: r.get(8)?,
            })
        })
        .map_err(|e| self.db_err(e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| self.db_err(e))
    }

    /// Processing figures of the sessions started at or after `since` (of one bot when
    /// given), newest first, from their stored windows.
    pub fn session_performance(
        &self,
        since: f64,
        bot_id: Option<&str>,
    ) -> Result<Vec<SessionPerformance>> {
        let mut st = self
            .conn()
            .prepare(
                "SELECT s.id, s.bot_id, s.started_at, s.ended_at, s.end_reason, count(p.id), \
                 coalesce(sum(p.blocks), 0), coalesce(sum(p.dropped_blocks), 0), max(p.p95_ms), \
                 max(p.p99_ms), min(p.realtime_factor) \
                 FROM sessions s LEFT JOIN processing_stats p ON p.session_id = s.id \
                 WHERE s.started_at >= ?1 AND (?2 IS NULL OR s.bot_id = ?2) \
                 GROUP BY s.id ORDER BY s.started_at DESC",
            )
            .map_err(|e| self.db_err(e))?;
        st.query_map(params![since, bot_id], |r| {
            Ok(SessionPerformance {
                session_id: r.get(0)?,
                bot_id: r.get(1)?,
                started_at: r.get(2)?,
                ended_at: r.get(3)?,
                end_reason: r.get(4)?,
                windows: r.get::<_, i64>(5)? as u64,
                blocks: r.get::<_, i64>(6)? as u64,
                dropped_blocks: r.get::<_, i64>(7)? as u64,
                worst_p95_ms: r.get(8)?,
                worst_p99_ms: r.get(9)?,
                min_realtime_factor: r.get(10)?,
            })
        })
        .map_err(|e| self.db_err(e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| self.db_err(e))
    }
}

/// Kind helper for rows.
pub fn kind_of(row: &BotRow) -> BotKind {
    row.spec.kind
}

/// A `session_events` row selected as id, bot_id, session_id, time, kind, from_state,
/// to_state, reason, severity, data.
fn event_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let data: String = r.get(9)?;
    Ok(EventRow {
        id: r.get(0)?,
        bot_id: r.get(1)?,
        session_id: r.get(2)?,
        time: r.get(3)?,
        kind: r.get(4)?,
        from_state: r.get(5)?,
        to_state: r.get(6)?,
        reason: r.get(7)?,
        severity: r.get(8)?,
        data: serde_json::from_str(&data).unwrap_or(serde_json::Value::Null),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bots::BotKind;

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        (dir, db)
    }

    fn spec(key: Option<&str>) -> BotSpec {
        let mut s = BotSpec::new(BotKind::File);
        s.source = Some("a.wav".into());
        s.dedup_key = key.map(str::to_string);
        s
    }

    #[test]
    fn lifecycle_is_stored_with_history() {
        let (_d, db) = db();
        db.insert_bot("b1", "one", &spec(None), "default", 1.0)
            .unwrap();
        db.set_bot_state("b1", BotState::Starting, Reason::Spawned, None, None, 2.0)
            .unwrap();
        db.start_session("s1", "b1", "a.wav", "default", 2.0)
            .unwrap();
        db.set_bot_state(
            "b1",
            BotState::Running,
            Reason::SourceOpened,
            None,
            Some("s1"),
            3.0,
        )
        .unwrap();
        // An illegal jump is refused and changes nothing.
        assert!(
            db.set_bot_state("b1", BotState::Requested, Reason::Spawned, None, None, 4.0)
                .is_err()
        );
        db.set_bot_state(
            "b1",
            BotState::Stopping,
            Reason::SourceEnded,
            None,
            Some("s1"),
            5.0,
        )
        .unwrap();
        db.set_bot_state(
            "b1",
            BotState::Stopped,
            Reason::SourceEnded,
            None,
            Some("s1"),
            6.0,
        )
        .unwrap();
        db.end_session("s1", Reason::SourceEnded, 6.0).unwrap();
        let b = db.bot("b1").unwrap().unwrap();
        assert_eq!(b.state, BotState::Stopped);
        assert_eq!(b.ended_at, Some(6.0));
        let ev = db.bot_events(Some("b1"), 0.0, 100).unwrap();
        let states: Vec<_> = ev.iter().filter_map(|e| e.to_state.clone()).collect();
        assert_eq!(
            states,
            ["requested", "starting", "running", "stopping", "stopped"]
        );
        assert_eq!(
            db.sessions(0.0, Some("b1")).unwrap()[0]
                .end_reason
                .as_deref(),
            Some("source_ended")
        );
        assert_eq!(db.bots(false, None).unwrap().len(), 0);
        assert_eq!(db.bots(true, None).unwrap().len(), 1);
        let (removed, sessions) = db.cleanup_bots(7.0).unwrap();
        assert_eq!((removed.bots, removed.sessions), (1, 1));
        assert!(removed.events >= 5, "{removed:?}");
        assert_eq!(sessions.len(), 1);
        assert_eq!(db.history().unwrap().events, 0);
        assert!(db.bot_events(Some("b1"), 0.0, 100).unwrap().is_empty());
    }

    #[test]
    fn dedup_key_refuses_a_second_live_bot_only() {
        let (_d, db) = db();
        db.insert_bot("b1", "one", &spec(Some("meet-1")), "default", 1.0)
            .unwrap();
        let e = db
            .insert_bot("b2", "two", &spec(Some("meet-1")), "default", 1.0)
            .unwrap_err();
        assert!(e.to_string().contains("b1"), "{e}");
        db.set_bot_state(
            "b1",
            BotState::Failed,
            Reason::SourceError,
            Some("no file"),
            None,
            2.0,
        )
        .unwrap();
        db.insert_bot("b2", "two", &spec(Some("meet-1")), "default", 3.0)
            .unwrap();
    }

    #[test]
    fn restarts_are_counted() {
        let (_d, db) = db();
        db.insert_bot("b1", "one", &spec(None), "default", 1.0)
            .unwrap();
        db.set_bot_state("b1", BotState::Starting, Reason::Spawned, None, None, 1.0)
            .unwrap();
        db.set_bot_state(
            "b1",
            BotState::Running,
            Reason::SourceOpened,
            None,
            None,
            1.0,
        )
        .unwrap();
        db.set_bot_state("b1", BotState::Recovering, Reason::Crashed, None, None, 1.0)
            .unwrap();
        db.set_bot_state(
            "b1",
            BotState::Starting,
            Reason::Restarting,
            None,
            None,
            1.0,
        )
        .unwrap();
        assert_eq!(db.bot("b1").unwrap().unwrap().restarts, 1);
        assert_eq!(db.live_bots().unwrap().len(), 1);
    }
}
