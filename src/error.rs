//! The library's error type and the documented process exit codes.

use std::path::PathBuf;

/// Exit codes shared by `orch` and `orchd`, documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    /// Success.
    Ok = 0,
    /// Any other failure.
    Failure = 1,
    /// Bad command-line usage (clap's own code).
    Usage = 2,
    /// The daemon could not be reached (or could not be started).
    DaemonUnreachable = 3,
    /// A named thing (file, bot, preset) does not exist.
    NotFound = 4,
    /// Invalid input data or configuration.
    Invalid = 5,
    /// An engine (speech-to-text, translation) failed: unreachable, timing out,
    /// answering with errors, or its circuit breaker open.
    Engine = 6,
}

impl ExitCode {
    /// The numeric code.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// Errors of the core library. Each variant says what failed, where, and carries
/// enough for the binaries to print one line and pick the exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file that should exist does not.
    #[error("{what} not found: {}", path.display())]
    FileNotFound { what: &'static str, path: PathBuf },
    /// A named object (bot, preset, session) does not exist.
    #[error("{what} `{name}` not found")]
    NotFound { what: &'static str, name: String },
    /// Something the daemon reported as not found (its message says what).
    #[error("{0}")]
    Missing(String),
    /// Invalid configuration.
    #[error("{0}")]
    Config(String),
    /// Invalid user input (parameters, audio, preset files).
    #[error("{0}")]
    Invalid(String),
    /// A command line the program cannot carry out as asked (exit 2), e.g. an output
    /// file name of a format orch does not write.
    #[error("{0}")]
    Usage(String),
    /// The daemon could not be reached.
    #[error("{0}")]
    Unreachable(String),
    /// The daemon runs but refused this connection (another user, no free slot, another
    /// protocol version): exit 3, and nothing to autostart.
    #[error("{0}")]
    Refused(String),
    /// The database failed or is unusable.
    #[error("database {}: {message}", path.display())]
    Database { path: PathBuf, message: String },
    /// A protocol violation between client and daemon.
    #[error("{0}")]
    Protocol(String),
    /// An engine failed (exit 6).
    #[error("{0}")]
    Engine(String),
    /// Anything else, with context.
    #[error("{0}")]
    Other(String),
    /// Several failures, each already reported on its own (the files of one `orch
    /// analyze`): the binary prints nothing more and exits with `exit`, the first one's.
    #[error("{failed} inputs failed")]
    Reported { failed: usize, exit: ExitCode },
}

impl Error {
    /// Wrap an I/O error with what was being done and to which path.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        if source.kind() == std::io::ErrorKind::NotFound {
            return Error::FileNotFound { what: "file", path };
        }
        Error::Io {
            action,
            path,
            source,
        }
    }

    /// The exit code a binary should use for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::FileNotFound { .. } | Error::NotFound { .. } | Error::Missing(_) => {
                ExitCode::NotFound
            }
            Error::Config(_) | Error::Invalid(_) => ExitCode::Invalid,
            Error::Unreachable(_) | Error::Refused(_) => ExitCode::DaemonUnreachable,
            Error::Usage(_) => ExitCode::Usage,
            Error::Engine(_) => ExitCode::Engine,
            Error::Io { .. } | Error::Database { .. } | Error::Protocol(_) | Error::Other(_) => {
                ExitCode::Failure
            }
            Error::Reported { exit, .. } => *exit,
        }
    }
}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
