//! One bot's lifecycle task: start the audio thread, watch it (stalls, leave rules,
//! terminate orders), restart it with backoff after a crash or stall, and store every
//! transition with its reason.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use orch::bots::backoff::Backoff;
use orch::bots::{BotKind, BotState, Reason};
use orch::dsp::chain::ChainConfig;
use orch::protocol::{Event, now_unix};
use orch::records::StatsWindow;
use tokio::sync::mpsc;

use super::source::signal_group;
use super::worker::{self, WorkerMsg, WorkerParams};
use super::{BotHandle, Control};
use crate::state::State;

/// How often the runner checks for stalls and persists statistics.
const TICK: Duration = Duration::from_millis(250);
/// How often processing statistics are stored.
const STATS_EVERY: Duration = Duration::from_secs(10);

/// How the audio thread's life ended, as the runner sees it.
struct Ending {
    reason: Reason,
    detail: Option<String>,
    opened: bool,
    /// Set when the runner itself asked the thread to stop.
    ordered: Option<Reason>,
}

/// Run the bot until it ends.
pub async fn run(
    state: Arc<State>,
    bot: Arc<BotHandle>,
    mut control: mpsc::UnboundedReceiver<Control>,
    chain: ChainConfig,
    command_line: Option<String>,
    first_reason: Reason,
) {
    let cfg = state.config.read().expect("config lock").config.clone();
    let b = &cfg.bots;
    let backoff = Backoff {
        initial: Duration::from_secs_f64(b.restart_backoff_s),
        max: Duration::from_secs_f64(b.restart_backoff_max_s),
        max_restarts: b.max_restarts,
    };
    let session = super::new_id("s");
    {
        let (sid, bid) = (session.clone(), bot.id.clone());
        let source = bot.spec.source_label();
        let preset = bot.preset.lock().map(|p| p.clone()).unwrap_or_default();
        let now = now_unix();
        if let Err(f) = state
            .with_db(move |db| db.start_session(&sid, &bid, &source, &preset, now))
            .await
        {
            tracing::error!(bot = %bot.id, "cannot store the session: {}", f.message);
        }
        *bot.session_id.lock().expect("session lock") = Some(session.clone());
        *bot.started.lock().expect("started lock") = Instant::now();
    }
    bot.shared.set_leave_rules(
        bot.spec.max_duration_s.unwrap_or(b.max_duration_s),
        bot.spec.silence_timeout_s.unwrap_or(b.silence_timeout_s),
    );
    let log_writer = super::log_writer::LogWriter::start(
        &bot,
        cfg.daemon.data_dir.clone(),
        &session,
        cfg.bots.log_max_bytes,
    );
    let mut chain = chain;
    let mut restarts: u32 = 0;
    let mut errors: u32 = 0;
    let mut reason_in = first_reason;
    let final_reason;
    loop {
        set_state(&state, &bot, BotState::Starting, reason_in, None).await;
        let ending = run_once(
            &state,
            &bot,
            &mut control,
            &chain,
            command_line.clone(),
            &cfg,
        )
        .await;
        store_report(&state, &bot, &session).await;
        // A preset applied while running is kept across restarts.
        let preset = bot.preset.lock().map(|p| p.clone()).unwrap_or_default();
        if let Ok(c) = super::resolve_preset(&state, &preset).await {
            chain = c;
        }
        if let Some(ordered) = ending.ordered {
            let (s, _, _) = current(&bot);
            if s != BotState::Stopping {
                set_state(&state, &bot, BotState::Stopping, ordered, None).await;
            }
            set_state(
                &state,
                &bot,
                BotState::Stopped,
                ordered,
                ending.detail.clone(),
            )
            .await;
            final_reason = ordered;
            break;
        }
        match ending.reason {
            Reason::SourceEnded
            | Reason::MaxDuration
            | Reason::SilenceTimeout
            | Reason::Finished
            | Reason::MeetingEnded
            | Reason::LeftAlone
            | Reason::NobodyJoined => {
                set_state(
                    &state,
                    &bot,
                    BotState::Stopping,
                    ending.reason,
                    ending.detail.clone(),
                )
                .await;
                set_state(
                    &state,
                    &bot,
                    BotState::Stopped,
                    ending.reason,
                    ending.detail,
                )
                .await;
                final_reason = ending.reason;
                break;
            }
            refusal if refusal.is_refusal() => {
                set_state(&state, &bot, BotState::Failed, refusal, ending.detail).await;
                final_reason = refusal;
                break;
            }
            Reason::SourceError
                if !ending.opened && (restarts == 0 || bot.spec.kind == BotKind::File) =>
            {
                set_state(
                    &state,
                    &bot,
                    BotState::Failed,
                    Reason::SourceError,
                    ending.detail,
                )
                .await;
                final_reason = Reason::SourceError;
                break;
            }
            why => {
                // Crashed, stalled, or a source that failed on a restart.
                errors += 1;
                let why = if why == Reason::Stalled {
                    Reason::Stalled
                } else {
                    Reason::Crashed
                };
                let message = format!(
                    "bot {} {}: {}",
                    bot.id,
                    why.name(),
                    ending.detail.as_deref().unwrap_or("no detail")
                );
                crate::alerts::alert(&state, &bot.id, &session, "warning", &message).await;
                match backoff.delay(restarts) {
                    Some(delay) => {
                        set_state(
                            &state,
                            &bot,
                            BotState::Recovering,
                            why,
                            ending.detail.clone(),
                        )
                        .await;
                        tokio::select! {
                            _ = tokio::time::sleep(delay) => {}
                            c = control.recv() => {
                                let r = match c {
                                    Some(Control::Terminate { force: true, .. }) => Reason::Killed,
                                    Some(Control::Terminate { .. }) => Reason::TerminatedByUser,
                                    Some(Control::Shutdown) | None => Reason::DaemonShutdown,
                                };
                                set_state(&state, &bot, BotState::Stopping, r, None).await;
                                set_state(&state, &bot, BotState::Stopped, r, None).await;
                                final_reason = r;
                                break;
                            }
                        }
                        restarts += 1;
                        reason_in = Reason::Restarting;
                        store_totals(&state, &bot, &session, restarts, errors).await;
                        continue;
                    }
                    None => {
                        let detail = format!(
                            "gave up after {restarts} restart(s); last: {}",
                            ending.detail.as_deref().unwrap_or(why.name())
                        );
                        let message = format!("bot {} failed: {detail}", bot.id);
                        crate::alerts::alert(&state, &bot.id, &session, "error", &message).await;
                        set_state(
                            &state,
                            &bot,
                            BotState::Failed,
                            Reason::RestartLimit,
                            Some(detail),
                        )
                        .await;
                        final_reason = Reason::RestartLimit;
                        break;
                    }
                }
            }
        }
    }
    store_totals(&state, &bot, &session, restarts, errors).await;
    store_stats(&state, &bot, &session).await;
    let (sid, now) = (session.clone(), now_unix());
    let _ = state
        .with_db(move |db| db.end_session(&sid, final_reason, now))
        .await;
    log_writer.finish().await;
    state.supervisor.remove(&bot.id);
    tracing::info!(bot = %bot.id, reason = final_reason.name(), "bot ended");
}

/// One life of the audio thread.
async fn run_once(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
    control: &mut mpsc::UnboundedReceiver<Control>,
    chain: &ChainConfig,
    command_line: Option<String>,
    cfg: &orch::config::Config,
) -> Ending {
    let b = &cfg.bots;
    bot.shared.stop.store(false, Ordering::Relaxed);
    bot.shared.set_pid(None);
    bot.shared.set_group(None);
    bot.shared.touch();
    let push = if bot.spec.kind == BotKind::Meeting {
        let (tx, rx) = std::sync::mpsc::sync_channel(256);
        *bot.push.lock().expect("push lock") = Some(tx);
        Some(rx)
    } else {
        None
    };
    let (tx, mut rx) = mpsc::unbounded_channel();
    let params = WorkerParams {
        spec: bot.spec.clone(),
        chain: chain.clone(),
        preset: bot.preset.lock().map(|p| p.clone()).unwrap_or_default(),
        block_ms: b.block_ms,
        command_line,
        meeting: super::source::MeetingLaunch::new(cfg, &bot.spec).ok(),
        socket: cfg.daemon.socket.clone(),
        push,
        stop_grace: Duration::from_secs_f64(b.terminate_timeout_s),
        transcribe: None,
    };
    let (setup, writer) = match transcribe_setup(state, bot, cfg) {
        Some((setup, writer)) => (Some(setup), Some(writer)),
        None => (None, None),
    };
    let params = WorkerParams {
        transcribe: setup,
        ..params
    };
    let thread = match worker::spawn(params, bot.shared.clone(), tx) {
        Ok(t) => t,
        Err(e) => {
            return Ending {
                reason: Reason::SourceError,
                detail: Some(format!("cannot start the audio thread: {e}")),
                opened: false,
                ordered: None,
            };
        }
    };
    let mut opened = false;
    let mut ordered: Option<Reason> = None;
    let mut stalled = false;
    let mut kill_at: Option<Instant> = None;
    let mut tick = tokio::time::interval(TICK);
    let mut last_stats = Instant::now();
    let stall = Duration::from_secs_f64(b.stall_timeout_s);
    // A command that never writes a byte would keep the bot `starting` for ever.
    let start_by = (bot.spec.kind == BotKind::Command)
        .then(|| Instant::now() + Duration::from_secs_f64(b.start_timeout_s));
    let mut stall_detail = format!("no audio for {:.1} s", stall.as_secs_f64());
    let (reason, detail) = loop {
        tokio::select! {
            msg = rx.recv() => match msg {
                Some(WorkerMsg::Opened { sample_rate, channels }) => {
                    tracing::debug!(bot = %bot.id, sample_rate, channels, "source open");
                    opened = true;
                    set_state(state, bot, BotState::Running, Reason::SourceOpened, None).await;
                }
                Some(WorkerMsg::Exited { reason, detail }) => break (reason, detail),
                None => break (Reason::Crashed, Some("the audio thread died".into())),
            },
            c = control.recv(), if ordered.is_none() => {
                let (why, force, timeout) = match c {
                    Some(Control::Terminate { force, timeout }) => {
                        (if force { Reason::Killed } else { Reason::TerminatedByUser }, force, timeout)
                    }
                    Some(Control::Shutdown) | None => {
                        (Reason::DaemonShutdown, false, Duration::from_secs_f64(b.terminate_timeout_s))
                    }
                };
                ordered = Some(why);
                set_state(state, bot, BotState::Stopping, why, None).await;
                bot.shared.stop.store(true, Ordering::Relaxed);
                if let Some(group) = bot.shared.group() {
                    signal_group(group, if force { libc::SIGKILL } else { libc::SIGTERM });
                }
                // Close a meeting bot's audio queue so a blocked read wakes up.
                bot.push.lock().expect("push lock").take();
                kill_at = Some(Instant::now() + if force { Duration::ZERO } else { timeout });
            }
            _ = tick.tick() => {
                if let Some(at) = kill_at
                    && Instant::now() >= at
                {
                    if let Some(group) = bot.shared.group() {
                        signal_group(group, libc::SIGKILL);
                    }
                    if ordered == Some(Reason::TerminatedByUser) {
                        ordered = Some(Reason::Killed);
                    }
                    kill_at = None;
                }
                let never_started = !opened && start_by.is_some_and(|t| Instant::now() >= t);
                if never_started {
                    stall_detail = format!("the command wrote no audio within {} s", b.start_timeout_s);
                }
                if ordered.is_none()
                    && !stalled
                    && ((opened && bot.shared.idle_s() > stall.as_secs_f64()) || never_started)
                {
                    stalled = true;
                    bot.shared.log(&format!("{stall_detail}: stalled"));
                    bot.shared.stop.store(true, Ordering::Relaxed);
                    if let Some(group) = bot.shared.group() {
                        signal_group(group, libc::SIGKILL);
                    }
                    bot.push.lock().expect("push lock").take();
                }
                if last_stats.elapsed() >= STATS_EVERY {
                    last_stats = Instant::now();
                    let session = bot.session_id.lock().ok().and_then(|s| s.clone());
                    if let Some(s) = session {
                        store_stats(state, bot, &s).await;
                    }
                }
            }
        }
    };
    let _ = tokio::task::spawn_blocking(move || thread.join()).await;
    bot.push.lock().expect("push lock").take();
    // No chain runs until the next run opens its source.
    bot.shared
        .running_chain
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    // The audio is over: transcribe what is queued (the engine gets a bounded while).
    let transcriber = bot
        .shared
        .transcriber
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if let Some(t) = transcriber {
        let drain = Duration::from_secs_f64(
            (cfg.transcription.connect_timeout_s + cfg.transcription.read_timeout_s).min(30.0),
        );
        let _ = tokio::task::spawn_blocking(move || t.finish(drain)).await;
    }
    // Every line is stored, translated and published before the bot's state changes.
    let late = bot.late_writer.lock().expect("writer lock").take();
    for w in writer.into_iter().chain(late) {
        let _ = w.await;
    }
    bot.shared
        .translation
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    bot.shared
        .translation_control
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take();
    if stalled && ordered.is_none() {
        return Ending {
            reason: Reason::Stalled,
            detail: Some(stall_detail),
            opened,
            ordered: None,
        };
    }
    Ending {
        reason,
        detail,
        opened,
        ordered,
    }
}

fn current(bot: &BotHandle) -> (BotState, Option<Reason>, Option<String>) {
    bot.state
        .lock()
        .map(|s| s.clone())
        .unwrap_or((BotState::Failed, None, None))
}

/// Move the bot to `to` in memory, in the database and on the event bus.
async fn set_state(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
    to: BotState,
    reason: Reason,
    detail: Option<String>,
) {
    let from = current(bot).0;
    if from == to {
        return;
    }
    if !from.can_go_to(to) {
        tracing::error!(bot = %bot.id, "refused transition {from} -> {to} ({reason})");
        return;
    }
    if let Ok(mut s) = bot.state.lock() {
        *s = (to, Some(reason), detail.clone());
    }
    let session = bot.session_id.lock().ok().and_then(|s| s.clone());
    let now = now_unix();
    // Stored in order, now or (a full disk) once the database takes writes again.
    let change = crate::unsaved::Change {
        bot_id: bot.id.clone(),
        to,
        reason,
        detail: detail.clone(),
        session_id: session,
        time: now,
    };
    let _ = state.unsaved.record(state, change).await;
    bot.shared.log(&format!(
        "{from} -> {to} ({reason}){}",
        detail
            .as_deref()
            .map(|d| format!(": {d}"))
            .unwrap_or_default()
    ));
    state.publish(Event::BotState {
        time: now,
        bot_id: bot.id.clone(),
        from,
        to,
        reason,
        detail,
    });
}

async fn store_totals(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
    session: &str,
    restarts: u32,
    errors: u32,
) {
    let audio = bot.shared.live().map_or(0.0, |l| l.audio_s);
    let sid = session.to_string();
    let _ = state
        .with_db(move |db| db.update_session(&sid, audio, restarts, errors))
        .await;
}

/// Store the analysis report of the run that just ended (`orch analytics analyses`).
async fn store_report(state: &Arc<State>, bot: &Arc<BotHandle>, session: &str) {
    let Some(report) = bot.shared.take_report() else {
        return;
    };
    let (source, sid) = (
        format!("bot {}: {}", bot.id, bot.spec.source_label()),
        session.to_string(),
    );
    let stored = state
        .with_db(move |db| db.insert_analysis(&source, Some(&sid), &report, now_unix()))
        .await;
    if let Err(f) = stored {
        tracing::warn!(bot = %bot.id, "cannot store the session's analysis: {}", f.message);
    }
}

/// Store the processing windows the audio thread finished since the last call.
async fn store_stats(state: &Arc<State>, bot: &Arc<BotHandle>, session: &str) {
    let windows = bot.shared.take_windows();
    if windows.is_empty() {
        return;
    }
    let stages = bot
        .shared
        .live()
        .and_then(|l| l.pipeline)
        .map(|p| serde_json::to_value(&p.stages).unwrap_or_default())
        .unwrap_or_default();
    let speed = if bot.spec.speed > 0.0 {
        bot.spec.speed
    } else {
        1.0
    };
    let rows: Vec<StatsWindow> = windows
        .into_iter()
        .map(|(end, w)| StatsWindow {
            session_id: session.to_string(),
            start: end - w.audio_s / speed,
            end,
            blocks: w.blocks,
            dropped_blocks: w.dropped_blocks,
            p50_ms: Some(w.p50_ms),
            p95_ms: Some(w.p95_ms),
            p99_ms: Some(w.p99_ms),
            realtime_factor: w.realtime_factor,
        })
        .collect();
    let stored = state
        .with_db(move |db| rows.iter().try_for_each(|w| db.insert_window(w, &stages)))
        .await;
    if let Err(f) = stored {
        tracing::warn!(bot = %bot.id, "cannot store processing windows: {}", f.message);
    }
}

/// Turn transcription on for a running bot spawned without it (`bot config --set
/// transcribe=true`): the transcriber starts here, on the control side, and the audio
/// thread takes its tap before its next block; later runs transcribe too. Lines are on
/// the session's clock (from the run's start).
pub fn start_live_transcription(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
) -> Result<(), orch::protocol::Failure> {
    use orch::protocol::{Failure, FailureKind};
    let bad = |m: String| Failure::new(FailureKind::Invalid, m);
    let Some((rate, block)) = *bot.shared.blocks.lock().unwrap_or_else(|e| e.into_inner()) else {
        return Err(bad(format!(
            "bot {}'s source is not open yet: turn transcription on once it runs",
            bot.id
        )));
    };
    let cfg = state.config.read().expect("config lock").config.clone();
    bot.shared.transcribe_added.store(true, Ordering::Relaxed);
    let Some((setup, writer)) = transcribe_setup(state, bot, &cfg) else {
        bot.shared.transcribe_added.store(false, Ordering::Relaxed);
        return Err(Failure::new(
            FailureKind::Invalid,
            format!(
                "cannot start transcription for bot {} (see orch bot logs {})",
                bot.id, bot.id
            ),
        ));
    };
    // The session's clock starts with the run, not with this call.
    let run_started = bot
        .started
        .lock()
        .map(|s| s.elapsed().as_secs_f64())
        .unwrap_or(0.0);
    bot.clock.seed(orch::protocol::now_unix() - run_started);
    let before = setup.before_chain;
    let Some(tap) = worker::start_transcription(setup, rate, block, &bot.shared) else {
        bot.shared.transcribe_added.store(false, Ordering::Relaxed);
        writer.abort();
        return Err(Failure::new(
            FailureKind::Internal,
            format!("cannot start transcription for bot {}", bot.id),
        ));
    };
    *bot.shared
        .pending_tap
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = Some((tap, before));
    *bot.late_writer.lock().expect("writer lock") = Some(writer);
    Ok(())
}

/// Live transcription for this run, when the bot transcribes and the engine can be set
/// up (otherwise the bot runs without it, and says why in its log).
fn transcribe_setup(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
    cfg: &orch::config::Config,
) -> Option<(worker::TranscribeSetup, tokio::task::JoinHandle<()>)> {
    let t = &cfg.transcription;
    let added = bot.shared.transcribe_added.load(Ordering::Relaxed);
    if !(bot.spec.transcribe || t.all_bots || added) {
        return None;
    }
    let (engine, in_flight, ready) = match state.transcription.engine(t) {
        Ok(e) => e,
        Err(e) => {
            bot.shared.log(&format!("transcription is off: {e}"));
            return None;
        }
    };
    let language = bot
        .spec
        .language
        .as_deref()
        .and_then(|l| orch::lang::Lang::parse(l).ok());
    let session = bot.session_id.lock().ok().and_then(|s| s.clone())?;
    let origin = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let engine = engine.with_language(language);
    let translation = translate_setup(state, bot, cfg, &session, engine.language().cloned());
    let (on_event, writer) = crate::transcription::writer(
        state.clone(),
        bot.id.clone(),
        session.clone(),
        (origin.clone(), bot.clock.clone()),
        translation,
    );
    let setup = worker::TranscribeSetup {
        engine,
        in_flight,
        chunking: orch::transcribe::ChunkingParams::from_config(t),
        queue_s: t.queue_s,
        session,
        on_event: Arc::new(on_event),
        origin,
        ready,
        before_chain: t.preset == "none",
    };
    Some((setup, writer))
}

/// Live translation of the bot's lines into its target languages, when it has any and
/// the engine can be set up (otherwise its lines are not translated, and its log says
/// why).
fn translate_setup(
    state: &Arc<State>,
    bot: &Arc<BotHandle>,
    cfg: &orch::config::Config,
    session: &str,
    source: Option<orch::lang::Lang>,
) -> Option<crate::translation::BotTranslation> {
    let targets: Vec<orch::lang::Lang> = bot
        .spec
        .target_languages
        .iter()
        .filter_map(|l| orch::lang::Lang::parse(l).ok())
        .collect();
    // A transcribing bot always gets its workers (none at first without target
    // languages), so `orch bot config --set target_languages=...` can add some live.
    let started = state
        .translation
        .translator(&cfg.translation)
        .and_then(|t| match &bot.spec.glossary {
            Some(path) => orch::translate::Glossary::load(path)
                .map(|g| t.with_glossary(g))
                .map_err(|e| orch::Error::from(orch::translate::TranslateError::from(e))),
            None => Ok(t),
        })
        .and_then(|t| {
            crate::translation::BotTranslation::start(
                state.clone(),
                bot.id.clone(),
                session.to_string(),
                t,
                &targets,
                source,
            )
        });
    match started {
        Ok((t, watch, control)) => {
            *bot.shared
                .translation
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = Some(watch);
            *bot.shared
                .translation_control
                .lock()
                .unwrap_or_else(|e| e.into_inner()) = Some(control);
            Some(t)
        }
        Err(e) => {
            // Silent without target languages: nothing was asked of the engine yet.
            if !targets.is_empty() {
                bot.shared.log(&format!("translation is off: {e}"));
            }
            None
        }
    }
}
