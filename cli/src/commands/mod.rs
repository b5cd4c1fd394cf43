//! One file per command. `dispatch` is the one place that maps a parsed command to its
//! implementation.

pub mod analytics;
pub mod analyze;
pub mod bot;
pub mod bot_config;
pub mod captions;
pub mod config;
pub mod daemon;
pub mod db;
pub mod events;
pub mod normalize;
pub mod preset;
pub mod process;
pub mod speakers;
pub mod status;
pub mod transcribe;
pub mod transcript;
pub mod translate;
pub mod webcam;

use crate::cli::{Cli, Command};
use crate::output::Output;

/// What every command gets: the global flags and how to print.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub global: crate::cli::GlobalArgs,
    pub out: Output,
}

/// Run the parsed command.
pub fn dispatch(cli: Cli) -> orch::Result<()> {
    let ctx = Ctx {
        out: Output::new(&cli.global),
        global: cli.global,
    };
    match cli.command {
        Command::Status(args) => status::run(&ctx, args),
        Command::Daemon(cmd) => daemon::run(&ctx, cmd),
        Command::Config(cmd) => config::run(&ctx, cmd),
        Command::Db(cmd) => db::run(&ctx, cmd),
        Command::Bot(cmd) => bot::run(&ctx, cmd),
        Command::Events(args) => events::run(&ctx, args),
        Command::Analytics(cmd) => analytics::run(&ctx, cmd),
        Command::Analyze(args) => analyze::run(&ctx, args),
        Command::Process(args) => process::run(&ctx, args),
        Command::Normalize(args) => normalize::run(&ctx, args),
        Command::Preset(cmd) => preset::run(&ctx, cmd),
        Command::Translate(args) => translate::run(&ctx, args),
        Command::Transcribe(args) => transcribe::run(&ctx, args),
        Command::Transcript(cmd) => transcript::run(&ctx, cmd),
        Command::Captions(args) => captions::run(&ctx, args),
        Command::Speakers(cmd) => speakers::run(&ctx, cmd),
        Command::Webcam(cmd) => webcam::run(&ctx, cmd),
    }
}
