//! Keeps a bot's log on disk: a task per session that appends every line the bot logs
//! to its session's file (`orch::store::logs`). It hears the same broadcast as
//! `orch bot logs --follow`, so the audio thread never writes to disk.

use std::path::PathBuf;
use std::sync::Arc;

use orch::protocol::Event;
use orch::store::logs::LogFile;
use tokio::sync::{broadcast, oneshot};
use tokio::task::JoinHandle;

use super::BotHandle;

/// The writer of one session's log.
pub struct LogWriter {
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl LogWriter {
    /// Start writing `bot`'s lines to `session`'s file under `data_dir`.
    pub fn start(bot: &Arc<BotHandle>, data_dir: PathBuf, session: &str, cap: u64) -> LogWriter {
        // Subscribe first: no line logged from here on is missed.
        let mut rx = bot.shared.log_tx.subscribe();
        let (stop, mut stopped) = oneshot::channel();
        let (bot_id, session) = (bot.id.clone(), session.to_string());
        let task = tokio::spawn(async move {
            let mut file = match LogFile::open(&data_dir, &bot_id, &session, cap) {
                Ok(f) => f,
                Err(e) => {
                    tracing::warn!(bot = %bot_id, "the bot's log is not kept on disk: {e}");
                    return;
                }
            };
            let mut failing = false;
            let mut write = |time: f64, line: &str| match file.append(time, line) {
                Ok(()) => failing = false,
                Err(e) => {
                    if !failing {
                        tracing::warn!(bot = %bot_id, "cannot keep the bot's log: {e}");
                    }
                    failing = true;
                }
            };
            loop {
                tokio::select! {
                    ev = rx.recv() => match ev {
                        Ok(Event::BotLog { time, line, .. }) => write(time, &line),
                        Ok(_) => {}
                        Err(broadcast::error::RecvError::Lagged(n)) => {
                            write(orch::protocol::now_unix(), &format!("({n} log lines lost: too many at once)"));
                        }
                        Err(broadcast::error::RecvError::Closed) => return,
                    },
                    _ = &mut stopped => {
                        while let Ok(ev) = rx.try_recv() {
                            if let Event::BotLog { time, line, .. } = ev {
                                write(time, &line);
                            }
                        }
                        return;
                    }
                }
            }
        });
        LogWriter {
            stop: Some(stop),
            task,
        }
    }

    /// Write what is left and close the file.
    pub async fn finish(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let _ = (&mut self.task).await;
    }
}
