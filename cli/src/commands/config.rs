//! `orch config show|check|path|reload`.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use orch::Result;
use orch::config::Source;
use orch::protocol::{Request, Response};
use serde_json::json;

use super::Ctx;
use crate::connect::{self, reply, request_existing};

/// Subcommands of `orch config`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective configuration (file, environment and flags applied) as TOML.
    Show(ShowArgs),
    /// Validate a configuration file (default: the one orch would read).
    Check(CheckArgs),
    /// Print the path of the configuration file orch reads.
    Path,
    /// Make the running daemon re-read its configuration file (like SIGHUP).
    Reload,
}

/// Arguments of `orch config show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Show the configuration the running daemon uses instead.
    #[arg(long)]
    pub daemon: bool,
}

/// Arguments of `orch config check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The file to check.
    pub file: Option<PathBuf>,
}

/// Run `orch config ...`.
pub fn run(ctx: &Ctx, cmd: ConfigCommand) -> Result<()> {
    match cmd {
        ConfigCommand::Show(a) if a.daemon => {
            let info = request_existing(ctx, Request::ConfigGet, reply!(Response::Config(i) => i))?;
            show(ctx, &info.toml, &info.path, info.from_file)
        }
        ConfigCommand::Show(_) => {
            let l = connect::config(ctx)?;
            show(ctx, &l.config.to_toml(), &l.path, l.source == Source::File)
        }
        ConfigCommand::Check(a) => {
            let l = match &a.file {
                Some(f) => orch::config::load_file(f, true)?,
                None => connect::config(ctx)?,
            };
            if ctx.out.json {
                ctx.out.json(&json!({"ok": true, "path": l.path, "from_file": l.source == Source::File, "env_overrides": l.env_overrides}));
            } else if l.source == Source::File {
                ctx.out.text(format!("{}: ok", l.path.display()));
            } else {
                ctx.out.text(format!(
                    "{}: no such file, defaults are in force: ok",
                    l.path.display()
                ));
            }
            Ok(())
        }
        ConfigCommand::Path => {
            let l = connect::config(ctx)?;
            if ctx.out.json {
                ctx.out
                    .json(&json!({"path": l.path, "exists": l.source == Source::File}));
            } else {
                println!("{}", l.path.display());
            }
            Ok(())
        }
        ConfigCommand::Reload => {
            let info =
                request_existing(ctx, Request::ConfigReload, reply!(Response::Config(i) => i))?;
            if ctx.out.json {
                ctx.out.json(
                    &json!({"reloaded": true, "path": info.path, "from_file": info.from_file}),
                );
            } else {
                ctx.out.text(format!(
                    "orchd reloaded its configuration from {}",
                    info.path.display()
                ));
            }
            Ok(())
        }
    }
}

fn show(ctx: &Ctx, toml_text: &str, path: &std::path::Path, from_file: bool) -> Result<()> {
    if ctx.out.json {
        let value: toml::Value = toml::from_str(toml_text)
            .map_err(|e| orch::Error::Other(format!("cannot re-read configuration: {e}")))?;
        ctx.out
            .json(&json!({"path": path, "from_file": from_file, "config": value}));
    } else {
        if !from_file {
            ctx.out.note(format!(
                "# {} does not exist: built-in defaults",
                path.display()
            ));
        }
        print!("{toml_text}");
    }
    Ok(())
}
