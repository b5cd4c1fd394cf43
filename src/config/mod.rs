//! The one typed configuration of orch: every setting is read from here.
//!
//! Loading order: defaults < config file < `ORCH_<SECTION>_<KEY>` environment variables
//! (plus the short forms `ORCH_SOCKET`, `ORCH_DATA_DIR`, `ORCH_LOG_LEVEL`) < flags.
//! Unknown keys are rejected; errors name the file, line and key.

mod load;
mod meeting;
mod model;

pub use meeting::MeetingConfig;

pub(crate) use load::describe as describe_toml_error;
pub use load::{Loaded, Source, load, load_file, parse};
pub use model::{
    BotsConfig, CHUNKING_PRESETS, CliConfig, Config, DaemonConfig, DspConfig, LOG_LEVELS,
    MetricsConfig, TranscriptionConfig, TranscriptionEngine, TranslationConfig, TranslationEngine,
};
