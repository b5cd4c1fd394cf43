//! A bot's virtual webcam in the daemon: a board of captions fed from the bot's
//! `transcript` and `translation` events, redrawn (in a blocking task) only when a
//! caption comes or goes or a setting changes, and a frame clock that repeats the last
//! frame at the configured rate into the output (`output.rs`). Nothing here touches the
//! bot's audio thread: a reader that stops reading stalls only the output's task.

mod output;

pub use output::check as check_output;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use orch::engine::latency::Latencies;
use orch::protocol::{Event, Failure, FailureKind};
use orch::webcam::{Board, Frame, Header, Output, Renderer, Settings, Status};
use tokio::sync::{Notify, watch};

use crate::state::State;
use crate::supervisor::BotHandle;

/// A frame out, and when the oldest caption it first shows arrived.
pub struct Shown {
    pub frame: Frame,
    caption_at: Option<Instant>,
}

/// What the drawing task and the handlers share.
struct Drawing {
    board: Board,
    renderer: Renderer,
    header: Header,
}

/// A running webcam.
pub struct Webcam {
    bot_id: String,
    bot_name: String,
    output: Option<Output>,
    settings: Mutex<Settings>,
    drawing: Arc<Mutex<Drawing>>,
    started: Instant,
    frames: AtomicU64,
    renders: AtomicU64,
    written: AtomicU64,
    streaming: AtomicBool,
    output_state: Mutex<String>,
    /// Wakes the drawing task after a settings change.
    redraw: Notify,
    stop: watch::Sender<bool>,
    frame: watch::Sender<Arc<Shown>>,
    /// Draw times, and caption-to-frame delays (ms).
    latency: Mutex<(Latencies, Latencies)>,
    /// The oldest caption not drawn yet.
    pending: Mutex<Option<Instant>>,
}

impl std::fmt::Debug for Webcam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webcam")
            .field("bot", &self.bot_id)
            .finish_non_exhaustive()
    }
}

fn invalid(m: impl Into<String>) -> Failure {
    Failure::new(FailureKind::Invalid, m)
}

/// The settings a start asks for: `[webcam]` of the configuration, then `set`.
pub fn settings_for(state: &State, set: &[String]) -> Result<Settings, Failure> {
    let base = state
        .config
        .read()
        .expect("config lock")
        .config
        .webcam
        .clone();
    base.with_changes(set).map_err(invalid)
}

/// Start `handle`'s webcam (refused when it has one).
pub async fn start(
    state: &Arc<State>,
    handle: &Arc<BotHandle>,
    name: &str,
    set: &[String],
    output: Option<&str>,
) -> Result<Arc<Webcam>, Failure> {
    let settings = settings_for(state, set)?;
    let output = output.map(Output::parse).transpose().map_err(invalid)?;
    if let Some(o) = &output {
        output::check(o)?;
    }
    if handle.webcam.lock().expect("webcam lock").is_some() {
        return Err(invalid(format!(
            "bot {} already has a webcam: orch webcam stop {} first",
            handle.id, handle.id
        )));
    }
    let header = Header {
        bot: name.to_string(),
        session: handle.session_id.lock().ok().and_then(|s| s.clone()),
    };
    let s2 = settings.clone();
    let (renderer, first) = tokio::task::spawn_blocking(move || {
        let mut r = Renderer::new(&s2)?;
        let frame = Frame::from_pixmap(r.render(&Board::new(), &s2, &header));
        Ok::<_, orch::Error>((r, (frame, header)))
    })
    .await
    .map_err(|e| Failure::new(FailureKind::Internal, e.to_string()))?
    .map_err(crate::state::failure)?;
    let (frame, header) = first;
    let (stop, _) = watch::channel(false);
    let (frame_tx, _) = watch::channel(Arc::new(Shown {
        frame,
        caption_at: None,
    }));
    let cam = Arc::new(Webcam {
        bot_id: handle.id.clone(),
        bot_name: name.to_string(),
        output_state: Mutex::new(
            if output.is_some() {
                "opening"
            } else {
                "no output"
            }
            .into(),
        ),
        output,
        settings: Mutex::new(settings),
        drawing: Arc::new(Mutex::new(Drawing {
            board: Board::new(),
            renderer,
            header,
        })),
        started: Instant::now(),
        frames: 0.into(),
        renders: 1.into(),
        written: 0.into(),
        streaming: false.into(),
        redraw: Notify::new(),
        stop,
        frame: frame_tx,
        latency: Mutex::new(Default::default()),
        pending: Mutex::new(None),
    });
    {
        let mut slot = handle.webcam.lock().expect("webcam lock");
        if slot.is_some() {
            return Err(invalid(format!("bot {} already has a webcam", handle.id)));
        }
        *slot = Some(cam.clone());
    }
    tokio::spawn(captions(state.clone(), handle.clone(), cam.clone()));
    tokio::spawn(clock(cam.clone()));
    tracing::info!(bot = %handle.id, output = ?cam.output.as_ref().map(|o| o.to_string()), "webcam started");
    Ok(cam)
}

/// Stop `handle`'s webcam; its last figures.
pub fn stop(handle: &BotHandle) -> Option<Status> {
    let cam = handle.webcam.lock().expect("webcam lock").take()?;
    let _ = cam.stop.send(true);
    tracing::info!(bot = %handle.id, "webcam stopped");
    Some(cam.status())
}

impl Webcam {
    /// Seconds since the start: the board's clock.
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// The figures `orch webcam status` shows.
    pub fn status(&self) -> Status {
        let settings = self.settings.lock().expect("settings lock").clone();
        let fps = settings.fps;
        let (current, speakers, captions, last, session) = {
            let d = self.drawing.lock().expect("drawing lock");
            (
                d.board.current(),
                d.board.speakers(),
                d.board.added,
                d.board.last_at,
                d.header.session.clone(),
            )
        };
        let duration_s = self.now();
        let frames = self.frames.load(Ordering::Relaxed);
        let unix_now = orch::protocol::now_unix();
        let (render_ms, p50, p95) = {
            let l = self.latency.lock().expect("latency lock");
            (
                l.0.percentile(0.5),
                l.1.percentile(0.5),
                l.1.percentile(0.95),
            )
        };
        Status {
            bot_id: self.bot_id.clone(),
            bot_name: self.bot_name.clone(),
            session_id: session,
            output: self.output.as_ref().map(|o| o.to_string()),
            streaming: self.streaming.load(Ordering::Relaxed),
            output_state: self.output_state.lock().expect("state lock").clone(),
            settings,
            frames,
            renders: self.renders.load(Ordering::Relaxed),
            // Intervals a slow output let pass without a frame (one of slack for timing).
            dropped: ((duration_s * fps as f64) as u64).saturating_sub(frames + 1),
            written: self.written.load(Ordering::Relaxed),
            duration_s,
            average_fps: if duration_s > 0.0 {
                frames as f64 / duration_s
            } else {
                0.0
            },
            captions,
            current_captions: current,
            speakers,
            last_caption_time: last.map(|t| unix_now - (duration_s - t)),
            render_ms,
            caption_to_frame_ms_p50: p50,
            caption_to_frame_ms_p95: p95,
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> Settings {
        self.settings.lock().expect("settings lock").clone()
    }

    /// Where frames go.
    pub fn output(&self) -> Option<String> {
        self.output.as_ref().map(|o| o.to_string())
    }

    /// Check live changes without applying them.
    pub fn check(&self, set: &[String]) -> Result<(), Failure> {
        for pair in set {
            let key = pair
                .split_once('=')
                .map_or(pair.as_str(), |(k, _)| k)
                .trim();
            if orch::webcam::settings::FIXED_KEYS.contains(&key) {
                return Err(invalid(format!(
                    "{key} is fixed while the webcam runs (its video stream keeps its size \
                     and rate): orch webcam stop, then start with the new value"
                )));
            }
        }
        self.settings().with_changes(set).map_err(invalid)?;
        Ok(())
    }

    /// Change settings live (size and rate stay: a stream keeps them).
    pub fn configure(&self, set: &[String]) -> Result<(), Failure> {
        if set.is_empty() {
            return Ok(());
        }
        self.check(set)?;
        let mut s = self.settings.lock().expect("settings lock");
        let next = s.with_changes(set).map_err(invalid)?;
        *s = next;
        drop(s);
        self.redraw.notify_one();
        Ok(())
    }

    /// The current frame as PNG.
    pub async fn snapshot(self: &Arc<Self>) -> Result<Vec<u8>, Failure> {
        let cam = self.clone();
        tokio::task::spawn_blocking(move || {
            let d = cam.drawing.lock().expect("drawing lock");
            orch::webcam::video::png(d.renderer.pixmap())
        })
        .await
        .map_err(|e| Failure::new(FailureKind::Internal, e.to_string()))?
        .map_err(crate::state::failure)
    }

    /// Draw the board now (expiring old captions) and publish the frame.
    async fn draw(self: &Arc<Self>) {
        let cam = self.clone();
        let settings = self.settings.lock().expect("settings lock").clone();
        let now = self.now();
        let caption_at = self.pending.lock().expect("pending lock").take();
        let t0 = Instant::now();
        let frame = tokio::task::spawn_blocking(move || {
            let mut d = cam.drawing.lock().expect("drawing lock");
            let Drawing {
                board,
                renderer,
                header,
            } = &mut *d;
            board.expire(now, settings.caption_s);
            Frame::from_pixmap(renderer.render(board, &settings, header))
        })
        .await;
        if let Ok(frame) = frame {
            self.renders.fetch_add(1, Ordering::Relaxed);
            let ms = t0.elapsed().as_secs_f64() * 1e3;
            self.latency.lock().expect("latency lock").0.push(ms);
            self.frame
                .send_replace(Arc::new(Shown { frame, caption_at }));
        }
    }
}

/// Feed the board from the bot's events; redraw on a new caption, an expiry or a
/// settings change; end with the bot, the daemon or `stop`.
async fn captions(state: Arc<State>, handle: Arc<BotHandle>, cam: Arc<Webcam>) {
    let mut events = state.events.subscribe();
    let mut stop = cam.stop.subscribe();
    let mut done = handle.done.clone();
    let mut shutdown = state.shutdown.subscribe();
    loop {
        let caption_s = cam.settings.lock().expect("settings lock").caption_s;
        let expiry = {
            let d = cam.drawing.lock().expect("drawing lock");
            d.board.next_expiry(caption_s)
        };
        let until_expiry =
            expiry.map(|t| Duration::from_secs_f64((t - cam.now()).max(0.0) + 0.001));
        let mut changed = false;
        let session = handle.session_id.lock().ok().and_then(|s| s.clone());
        {
            let mut d = cam.drawing.lock().expect("drawing lock");
            if session.is_some() && d.header.session != session {
                d.header.session = session;
                changed = true;
            }
        }
        changed |= tokio::select! {
            ev = events.recv() => match ev {
                Ok(Event::Transcript { time, bot_id, line }) if bot_id == cam.bot_id => {
                    cam.caption_came();
                    let now = cam.now();
                    cam.drawing.lock().expect("drawing lock").board.line(&line, time, now);
                    true
                }
                Ok(Event::Translation { time, bot_id, translation }) if bot_id == cam.bot_id => {
                    cam.caption_came();
                    let now = cam.now();
                    cam.drawing.lock().expect("drawing lock").board.translation(&translation, time, now);
                    true
                }
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => false,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
            },
            _ = async { tokio::time::sleep(until_expiry.unwrap_or_default()).await }, if until_expiry.is_some() => true,
            _ = cam.redraw.notified() => true,
            _ = stop.changed() => break,
            _ = done.wait_for(|d| *d) => break,
            _ = shutdown.wait_for(|s| *s) => break,
        };
        if changed {
            cam.draw().await;
        }
    }
    let _ = cam.stop.send(true);
    // A webcam that ended with its bot leaves the handle too.
    let mut slot = handle.webcam.lock().expect("webcam lock");
    if slot.as_ref().is_some_and(|c| Arc::ptr_eq(c, &cam)) {
        *slot = None;
    }
}

/// The frame clock: one tick per frame interval; each tick hands the current frame to
/// the output (when there is one). Ticks a slow output misses are counted as dropped.
async fn clock(cam: Arc<Webcam>) {
    let fps = cam.settings.lock().expect("settings lock").fps;
    let mut stop = cam.stop.subscribe();
    match cam.output.clone() {
        None => {
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / fps as f64));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            let mut last = None;
            loop {
                tokio::select! {
                    _ = tick.tick() => {
                        cam.tick();
                        let shown = cam.frame.borrow().clone();
                        cam.went_out(&shown, &mut last);
                    }
                    _ = stop.changed() => break,
                }
            }
        }
        Some(o) => output::run(cam.clone(), o, fps, stop).await,
    }
}

impl Webcam {
    /// Count one frame interval.
    fn tick(&self) {
        self.frames.fetch_add(1, Ordering::Relaxed);
    }

    fn caption_came(&self) {
        self.pending
            .lock()
            .expect("pending lock")
            .get_or_insert_with(Instant::now);
    }

    /// `shown` went out: the first time a frame with a new caption does, note the delay.
    fn went_out(&self, shown: &Arc<Shown>, last: &mut Option<Arc<Shown>>) {
        if last.as_ref().is_some_and(|l| Arc::ptr_eq(l, shown)) {
            return;
        }
        if let Some(at) = shown.caption_at {
            let ms = at.elapsed().as_secs_f64() * 1e3;
            self.latency.lock().expect("latency lock").1.push(ms);
        }
        *last = Some(shown.clone());
    }

    fn set_output_state(&self, streaming: bool, what: impl Into<String>) {
        self.streaming.store(streaming, Ordering::Relaxed);
        *self.output_state.lock().expect("state lock") = what.into();
    }
}
