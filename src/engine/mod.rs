//! What every external engine (speech-to-text, translation over HTTP) shares: an HTTP
//! client with bounded time and size, retries with backoff, and a circuit breaker.
//!
//! The contract:
//! - **Bounded.** Every call ends within its timeouts (connect, then the whole
//!   response) and reads at most [`http::MAX_BODY`] bytes of an answer; a server that
//!   hangs or floods is an [`EngineError`], never a hang.
//! - **Retried.** [`Guard::call`] retries what may pass (no connection, a timeout, 5xx,
//!   429) with exponential backoff, and never what will not (4xx, an answer it cannot
//!   read).
//! - **Guarded.** A [`Breaker`] per engine opens after consecutive failures, so a dead
//!   engine costs nothing while it is down, and lets one trial call through after a
//!   cool-down (half-open).

pub mod breaker;
pub mod http;
pub mod latency;
pub mod limit;
mod retry;

pub use breaker::{Breaker, BreakerSnapshot, BreakerState};
pub use latency::Latencies;
pub use limit::InFlight;
pub use retry::{Guard, RetryPolicy};

/// Why a call to an engine failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    /// No connection could be made.
    #[error("cannot reach {url}: {detail}")]
    Unreachable { url: String, detail: String },
    /// No complete answer within the time limit.
    #[error("no answer from {url} within {limit_s} s")]
    Timeout { url: String, limit_s: f64 },
    /// The engine answered with an HTTP error.
    #[error("{url} answered HTTP {status}: {detail}")]
    Status {
        url: String,
        status: u16,
        detail: String,
    },
    /// The answer is not what the engine's API promises.
    #[error("{url} sent an answer orch cannot read: {detail}")]
    BadAnswer { url: String, detail: String },
    /// The circuit breaker is open: the engine failed too often and is rested.
    #[error("{engine} is failing ({failures} failures in a row); next try in {retry_in_s:.0} s")]
    Open {
        engine: String,
        failures: u32,
        retry_in_s: f64,
    },
    /// The engine is configured wrongly (a missing API key, a bad URL).
    #[error("{0}")]
    Config(String),
}

impl EngineError {
    /// Whether trying again may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            EngineError::Unreachable { .. } | EngineError::Timeout { .. } => true,
            EngineError::Status { status, .. } => {
                *status >= 500 || *status == 429 || *status == 408
            }
            EngineError::BadAnswer { .. } | EngineError::Open { .. } | EngineError::Config(_) => {
                false
            }
        }
    }
}

impl From<EngineError> for crate::Error {
    fn from(e: EngineError) -> crate::Error {
        match e {
            EngineError::Config(m) => crate::Error::Config(m),
            e => crate::Error::Engine(e.to_string()),
        }
    }
}
