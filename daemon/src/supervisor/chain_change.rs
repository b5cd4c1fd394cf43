//! A live chain change (`orch preset apply`, `bot config --set preset=`): the new chain
//! is validated and its stages built on the control side (a blocking task), the audio
//! thread only swaps it in and hands back what it replaced, which is dropped here. The
//! caller hears back only once the audio thread has taken the chain (or refused it), so
//! the stored preset is always the one that runs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use orch::dsp::chain::ChainConfig;
use orch::dsp::pipeline::PreparedChain;
use orch::protocol::{Failure, FailureKind};

use super::BotHandle;
use super::shared::PendingChain;

/// How long the audio thread has to take a prepared chain (it looks before every block).
const TAKE_WITHIN: Duration = Duration::from_secs(3);

/// Give bot `handle` the chain of preset `name`; Ok once it runs it (or, before the
/// bot's audio has started, once it is queued for the start).
pub async fn change(
    handle: &Arc<BotHandle>,
    name: &str,
    chain: ChainConfig,
) -> Result<(), Failure> {
    let shared = &handle.shared;
    let running = shared.running_chain.lock().ok().and_then(|r| r.clone());
    let Some((format, current)) = running else {
        if let Ok(mut p) = shared.pending_chain.lock() {
            *p = Some(PendingChain::Raw(name.to_string(), chain));
        }
        set_preset(handle, name);
        return Ok(());
    };
    let next = chain.clone();
    let prepared = tokio::task::spawn_blocking(move || PreparedChain::new(&current, &next, format))
        .await
        .map_err(|e| Failure::new(FailureKind::Internal, e.to_string()))?
        .map_err(|e| Failure::new(FailureKind::Invalid, e.to_string()))?;
    if let Ok(mut o) = shared.chain_outcome.lock() {
        o.take();
    }
    let older = shared
        .pending_chain
        .lock()
        .ok()
        .and_then(|mut p| p.replace(PendingChain::Prepared(name.to_string(), prepared)));
    drop(older);
    let deadline = Instant::now() + TAKE_WITHIN;
    loop {
        let outcome = shared.chain_outcome.lock().ok().and_then(|mut o| o.take());
        match outcome {
            Some(Ok(retired)) => {
                // The replaced stages are freed here, not on the audio thread.
                tokio::task::spawn_blocking(move || drop(retired));
                if let Ok(mut r) = shared.running_chain.lock() {
                    *r = Some((format, chain));
                }
                set_preset(handle, name);
                shared.log(&format!("preset {name} applied"));
                return Ok(());
            }
            Some(Err(why)) => {
                return Err(Failure::new(
                    FailureKind::Invalid,
                    format!("bot {} refused preset {name}: {why}", handle.id),
                ));
            }
            None if Instant::now() >= deadline => {
                // Not taken (no audio is flowing): take it back, nothing changes.
                if let Ok(mut p) = shared.pending_chain.lock() {
                    p.take();
                }
                return Err(Failure::new(
                    FailureKind::Invalid,
                    format!(
                        "bot {} did not take preset {name} within {} s (no audio is flowing); \
                         nothing changed",
                        handle.id,
                        TAKE_WITHIN.as_secs()
                    ),
                ));
            }
            None => tokio::time::sleep(Duration::from_millis(5)).await,
        }
    }
}

fn set_preset(handle: &BotHandle, name: &str) {
    if let Ok(mut p) = handle.preset.lock() {
        *p = name.to_string();
    }
}
