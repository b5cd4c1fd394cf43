//! The bot supervisor: spawns bots, runs one lifecycle task per bot
//! ([`runner`]) around one audio thread ([`worker`]), restarts crashed or stalled
//! bots with backoff, applies leave rules, and stores every transition.
//!
//! Locking: the map of live bots is a std mutex held only to insert, remove or clone a
//! handle, never across an await or while the database is used.

mod chain_change;
mod guard;
mod leftovers;
mod log_writer;
mod procinfo;
pub mod runner;
mod shared;
mod source;
mod worker;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use orch::bots::{BotInfo, BotKind, BotSpec, BotState, Reason};
use orch::dsp::chain::ChainConfig;
use orch::protocol::{Failure, FailureKind};

use orch::store::bots::BotRow;
use tokio::sync::{mpsc, watch};

pub use procinfo::{cpu_s as process_cpu_s, self_rss_kib};

/// CPU seconds of a live bot: its worker process, or its audio thread without one.
fn bot_cpu_s(shared: &Shared) -> Option<f64> {
    shared.pid().and_then(procinfo::cpu_s).or_else(|| {
        shared
            .tid()
            .and_then(|t| procinfo::cpu_s_at(&format!("/proc/self/task/{t}/stat")))
    })
}

/// What the daemon and its live bots use of the machine.
pub fn system(state: &State, data_dir: &std::path::Path) -> orch::protocol::SystemInfo {
    let bots = state
        .supervisor
        .handles()
        .iter()
        .map(|h| {
            let pid = h.shared.pid();
            orch::protocol::BotResources {
                id: h.id.clone(),
                name: h.spec.name.clone().unwrap_or_default(),
                pid,
                cpu_s: bot_cpu_s(&h.shared),
                rss_kib: pid.and_then(procinfo::rss_kib),
            }
        })
        .collect();
    let disk = orch::disk::space(data_dir);
    orch::protocol::SystemInfo {
        cpu_s: procinfo::cpu_s(std::process::id()),
        rss_kib: procinfo::self_rss_kib(),
        threads: procinfo::self_threads(),
        open_files: procinfo::self_open_files(),
        data_dir_bytes: procinfo::dir_bytes(data_dir),
        disk_free_bytes: disk.map(|d| d.0),
        disk_total_bytes: disk.map(|d| d.1),
        bots,
    }
}
pub use chain_change::change as change_chain;
pub use shared::Shared;
pub use source::signal_group;

use crate::state::State;

/// Orders for a bot's runner.
#[derive(Debug)]
pub enum Control {
    /// Stop gracefully within `timeout`, or kill at once with `force`.
    Terminate { force: bool, timeout: Duration },
    /// The daemon is shutting down.
    Shutdown,
}

/// A live bot.
pub struct BotHandle {
    /// Bot id.
    pub id: String,
    /// Spec it was spawned with.
    pub spec: BotSpec,
    /// Shared with the audio thread.
    pub shared: Arc<Shared>,
    /// Orders to the runner.
    pub control: mpsc::UnboundedSender<Control>,
    /// Current state, reason and detail (mirrors the database).
    pub state: Mutex<(BotState, Option<Reason>, Option<String>)>,
    /// Current session.
    pub session_id: Mutex<Option<String>>,
    /// When the current session started.
    pub started: Mutex<Instant>,
    /// Current preset.
    pub preset: Mutex<String>,
    /// Audio pushed by an attached meeting-bot program.
    pub push: Mutex<Option<std::sync::mpsc::SyncSender<Vec<f32>>>>,
    /// Dropped pushed chunks (queue full).
    pub push_dropped: std::sync::atomic::AtomicU64,
    /// Becomes true when the runner has finished.
    pub done: watch::Receiver<bool>,
    /// The session's transcription clock, kept across restarts.
    pub clock: Arc<crate::transcription::SessionClock>,
    /// The bot's virtual webcam, while one runs.
    pub webcam: Mutex<Option<Arc<crate::webcam::Webcam>>>,
    /// The transcript writer of transcription turned on during the current run.
    pub late_writer: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl BotHandle {
    /// A handle in `state` for bot `id`, with the runner's end of its control channel
    /// and the sender that marks it done.
    fn new(
        id: &str,
        spec: &BotSpec,
        preset: &str,
        (state, reason): (BotState, Reason),
    ) -> (
        Arc<BotHandle>,
        mpsc::UnboundedReceiver<Control>,
        watch::Sender<bool>,
    ) {
        let (control_tx, control_rx) = mpsc::unbounded_channel();
        let (done_tx, done_rx) = watch::channel(false);
        let handle = Arc::new(BotHandle {
            id: id.to_string(),
            spec: spec.clone(),
            shared: Arc::new(Shared::new(id)),
            control: control_tx,
            state: Mutex::new((state, Some(reason), None)),
            session_id: Mutex::new(None),
            started: Mutex::new(Instant::now()),
            preset: Mutex::new(preset.to_string()),
            clock: Default::default(),
            push: Mutex::new(None),
            push_dropped: 0.into(),
            done: done_rx,
            webcam: Mutex::new(None),
            late_writer: Mutex::new(None),
        });
        (handle, control_rx, done_tx)
    }
}

/// The shell command line of a command bot: a named template from `[bots.commands]`,
/// else the source itself. `None` for other kinds.
fn command_line(cfg: &orch::config::Config, spec: &BotSpec) -> Option<String> {
    (spec.kind == BotKind::Command).then(|| {
        let src = spec.source.clone().unwrap_or_default();
        cfg.bots.commands.get(&src).cloned().unwrap_or(src)
    })
}

/// All live bots.
#[derive(Default)]
pub struct Supervisor {
    bots: Mutex<HashMap<String, Arc<BotHandle>>>,
}

impl Supervisor {
    /// Live bot handles.
    pub fn handles(&self) -> Vec<Arc<BotHandle>> {
        self.bots
            .lock()
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default()
    }

    /// The live handle of `id`.
    pub fn get(&self, id: &str) -> Option<Arc<BotHandle>> {
        self.bots.lock().ok().and_then(|m| m.get(id).cloned())
    }

    fn remove(&self, id: &str) {
        if let Ok(mut m) = self.bots.lock() {
            m.remove(id);
        }
    }

    /// Number of live bots.
    pub fn live(&self) -> usize {
        self.bots.lock().map(|m| m.len()).unwrap_or(0)
    }

    /// Ask every bot to stop and wait (up to `within`) until their runners finish.
    pub async fn shutdown_all(&self, within: Duration) {
        let handles = self.handles();
        for h in &handles {
            let _ = h.control.send(Control::Shutdown);
        }
        let _ = tokio::time::timeout(within, async {
            for h in handles {
                let mut done = h.done.clone();
                let _ = done.wait_for(|d| *d).await.map(|_| ());
            }
        })
        .await;
    }
}

/// A new bot id: `b` and 8 hex digits, random.
pub fn new_id(prefix: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    format!("{prefix}{:08x}", h.finish() as u32)
}

/// The chain of a preset: a built-in or a user preset from the database.
pub async fn resolve_preset(state: &Arc<State>, name: &str) -> Result<ChainConfig, Failure> {
    let name = name.to_string();
    state
        .with_db(move |db| orch::presets::resolve(db, &name).map(|p| p.chain))
        .await
}

/// Spawn a bot: validate, check limits and dedup, store it, start its runner.
pub async fn spawn(state: &Arc<State>, spec: BotSpec) -> Result<String, Failure> {
    spec.validate().map_err(crate::state::failure)?;
    let cfg = state.config.read().expect("config lock").config.clone();
    let preset = spec
        .preset
        .clone()
        .unwrap_or_else(|| cfg.dsp.default_preset.clone());
    let chain = resolve_preset(state, &preset).await?;
    let command_line = command_line(&cfg, &spec);
    if spec.kind == BotKind::Meeting {
        source::MeetingLaunch::new(&cfg, &spec)
            .map_err(|e| Failure::new(FailureKind::Invalid, e))?;
    }
    if spec.kind == BotKind::File {
        source::check_file(spec.source.as_deref().unwrap_or_default())?;
    }
    if let Some(w) = &spec.webcam {
        crate::webcam::settings_for(state, &w.set)?;
        if let Some(o) = &w.output {
            let o = orch::webcam::Output::parse(o)
                .map_err(|e| Failure::new(FailureKind::Invalid, e))?;
            crate::webcam::check_output(&o)?;
        }
    }
    let id = new_id("b");
    let name = spec.name.clone().unwrap_or_else(|| id.clone());
    let (handle, control_rx, done_tx) =
        BotHandle::new(&id, &spec, &preset, (BotState::Requested, Reason::Spawned));
    {
        let mut map = state.supervisor.bots.lock().expect("bots lock");
        let max = cfg.bots.max_concurrent as usize;
        if map.len() >= max {
            return Err(Failure::new(
                FailureKind::Busy,
                if max == 0 {
                    "bots are disabled: bots.max_concurrent is 0".to_string()
                } else {
                    format!(
                        "bot limit reached: {} bots live (bots.max_concurrent = {max})",
                        map.len()
                    )
                },
            ));
        }
        map.insert(id.clone(), handle.clone());
    }
    let (sid, sname, sspec, spreset) = (id.clone(), name.clone(), spec.clone(), preset.clone());
    let now = orch::protocol::now_unix();
    if let Err(e) = state
        .with_db(move |db| db.insert_bot(&sid, &sname, &sspec, &spreset, now))
        .await
    {
        state.supervisor.remove(&id);
        return Err(e);
    }
    tracing::info!(bot = %id, kind = spec.kind.name(), "bot spawned");
    if let Some(w) = &spec.webcam
        && let Err(f) =
            crate::webcam::start(state, &handle, &name, &w.set, w.output.as_deref()).await
    {
        tracing::warn!(bot = %id, "webcam: {}", f.message);
    }
    let st = state.clone();
    tokio::spawn(async move {
        runner::run(
            st.clone(),
            handle,
            control_rx,
            chain,
            command_line,
            Reason::Spawned,
        )
        .await;
        let _ = done_tx.send(true);
    });
    Ok(id)
}

/// Find a bot by id or unique prefix (live ones first, then the database).
pub async fn find(state: &Arc<State>, id: &str) -> Result<BotRow, Failure> {
    let want = id.to_string();
    state
        .with_db(move |db| {
            if let Some(b) = db.bot(&want)? {
                return Ok(b);
            }
            let matches: Vec<BotRow> = db
                .bots(true, None)?
                .into_iter()
                .filter(|b| b.id.starts_with(&want) || b.name == want)
                .collect();
            match matches.len() {
                1 => Ok(matches.into_iter().next().expect("one")),
                0 => Err(orch::Error::NotFound {
                    what: "bot",
                    name: want,
                }),
                n => Err(orch::Error::Invalid(format!(
                    "`{want}` matches {n} bots; give more of the id"
                ))),
            }
        })
        .await
}

/// The live bot `id` (an id, a prefix or a name) with its handle, for a request that
/// needs one (`what` it would do, e.g. "change preset"). A bot that exists but has ended
/// is the same failure for every such request: `Invalid` (exit 5), naming its state and
/// where its history is.
pub async fn find_live(
    state: &Arc<State>,
    id: &str,
    what: &str,
) -> Result<(BotRow, Arc<BotHandle>), Failure> {
    let row = find(state, id).await?;
    match state.supervisor.get(&row.id) {
        Some(handle) => Ok((row, handle)),
        None => Err(Failure::new(
            FailureKind::Invalid,
            format!(
                "bot {} has ended ({}): only a live bot can {what}; its history: \
                 orch events --bot {}",
                row.id, row.state, row.id
            ),
        )),
    }
}

/// Everything known about a bot: the stored row plus live figures.
pub fn info(state: &State, row: BotRow) -> BotInfo {
    let live = state.supervisor.get(&row.id);
    let mut info = BotInfo {
        id: row.id.clone(),
        name: row.name.clone(),
        kind: row.spec.kind,
        source: row.spec.source_label(),
        state: row.state,
        reason: row.reason.as_deref().and_then(reason_from_name),
        detail: row.detail.clone(),
        preset: row.preset.clone(),
        dedup_key: row.spec.dedup_key.clone(),
        restarts: row.restarts,
        created_at: row.created_at,
        ended_at: row.ended_at,
        uptime_s: None,
        session_id: None,
        pid: None,
        cpu_s: None,
        rss_kib: None,
        live: None,
        pushed_dropped: None,
        transcription: None,
        translation: None,
        alerts: Vec::new(),
        spec: row.spec,
    };
    // A change the database could not take yet (a full disk) is what happened.
    if let Some(c) = state.unsaved.pending(&info.id) {
        info.state = c.to;
        info.reason = Some(c.reason);
        info.detail = c.detail;
        if c.to.is_terminal() {
            info.ended_at = Some(c.time);
        }
    }
    if let Some(h) = live {
        if h.spec.kind == BotKind::Meeting {
            info.pushed_dropped = Some(h.push_dropped.load(std::sync::atomic::Ordering::Relaxed));
        }
        if let Ok(s) = h.state.lock() {
            info.state = s.0;
            info.reason = s.1;
            info.detail = s.2.clone();
        }
        info.session_id = h.session_id.lock().ok().and_then(|s| s.clone());
        info.transcription = h
            .shared
            .transcriber
            .lock()
            .ok()
            .and_then(|t| t.as_ref().map(|t| t.stats()));
        info.translation = h
            .shared
            .translation
            .lock()
            .ok()
            .and_then(|t| t.as_ref().map(|t| t.stats()))
            .filter(|s| !s.is_empty());
        info.uptime_s = h.started.lock().ok().map(|t| t.elapsed().as_secs_f64());
        if let Ok(p) = h.preset.lock() {
            info.preset = p.clone();
        }
        info.pid = h.shared.pid();
        info.cpu_s = bot_cpu_s(&h.shared);
        info.rss_kib = info.pid.and_then(procinfo::rss_kib);
        info.live = h.shared.live();
    }
    info
}

/// Parse a stored reason name.
pub fn reason_from_name(s: &str) -> Option<Reason> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// On daemon start: bots a crashed daemon left live are interrupted; what their
/// programs left running is ended, and they are marked failed, or resumed when
/// `bots.resume_interrupted` is set.
pub async fn recover(state: &Arc<State>) -> orch::Result<()> {
    let (resume, socket) = state
        .config
        .read()
        .map(|c| {
            (
                c.config.bots.resume_interrupted,
                c.config.daemon.socket.clone(),
            )
        })
        .map_err(|_| orch::Error::Other("config lock poisoned".into()))?;
    let ids: Vec<String> = state
        .with_db(|db| db.live_bots())
        .await
        .map_err(|f| orch::Error::Other(f.message))?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let ended =
        tokio::task::spawn_blocking(move || leftovers::end(&ids, &socket, Duration::from_secs(2)))
            .await
            .unwrap_or(0);
    if ended > 0 {
        tracing::warn!("ended {ended} processes interrupted bots left running");
    }
    let now = orch::protocol::now_unix();
    let left = state
        .with_db(move |db| {
            let live = db.live_bots()?;
            let mut rows = Vec::new();
            for (id, session) in live {
                if let Some(s) = &session {
                    db.end_session(s, Reason::Interrupted, now)?;
                }
                let row = db.bot(&id)?.expect("live bot row");
                let to = if resume && row.state != BotState::Stopping {
                    BotState::Recovering
                } else if row.state == BotState::Stopping {
                    BotState::Stopped
                } else {
                    BotState::Failed
                };
                // Requested and starting bots cannot go to recovering: they fail (or
                // stop) like the rest, unless resumed through starting below.
                let to = if to == BotState::Recovering && !row.state.can_go_to(to) {
                    BotState::Failed
                } else {
                    to
                };
                db.set_bot_state(
                    &id,
                    to,
                    Reason::Interrupted,
                    Some("orchd stopped while the bot ran"),
                    session.as_deref(),
                    now,
                )?;
                rows.push((db.bot(&id)?.expect("row"), to));
            }
            Ok(rows)
        })
        .await
        .map_err(|f| orch::Error::Other(f.message))?;
    for (row, to) in left {
        tracing::warn!(bot = %row.id, "bot was interrupted by a daemon crash");
        if to == BotState::Recovering {
            if let Err(e) = resume_bot(state, row).await {
                tracing::error!("cannot resume a bot: {}", e.message);
            }
        }
    }
    Ok(())
}

async fn resume_bot(state: &Arc<State>, row: BotRow) -> Result<(), Failure> {
    let chain = resolve_preset(state, &row.preset).await?;
    let cfg = state.config.read().expect("config lock").config.clone();
    let command_line = command_line(&cfg, &row.spec);
    let (handle, control_rx, done_tx) = BotHandle::new(
        &row.id,
        &row.spec,
        &row.preset,
        (BotState::Recovering, Reason::Interrupted),
    );
    state
        .supervisor
        .bots
        .lock()
        .expect("bots lock")
        .insert(row.id.clone(), handle.clone());
    let st = state.clone();
    tokio::spawn(async move {
        runner::run(st, handle, control_rx, chain, command_line, Reason::Resumed).await;
        let _ = done_tx.send(true);
    });
    Ok(())
}
