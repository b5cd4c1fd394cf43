//! `orch status`: what the daemon is and holds.

use clap::Args;
use orch::protocol::{Request, Response, StatusInfo};

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::key_values;

/// Arguments of `orch status`.
#[derive(Debug, Args)]
pub struct StatusArgs {}

/// Run `orch status`.
pub fn run(ctx: &Ctx, _args: StatusArgs) -> orch::Result<()> {
    let info = request(ctx, Request::Status, reply!(Response::Status(s) => s))?;
    if ctx.out.json {
        ctx.out.json(&info);
    } else {
        ctx.out.text(render(&info));
    }
    Ok(())
}

fn render(s: &StatusInfo) -> String {
    let c = &s.counts;
    let mut rows = vec![
        (
            "version",
            format!("{} (protocol {})", s.version, s.protocol),
        ),
        ("pid", s.pid.to_string()),
        ("uptime", human_duration(s.uptime_s)),
        ("started by", s.started_by.clone()),
        ("socket", s.socket.display().to_string()),
        ("data dir", s.data_dir.display().to_string()),
        (
            "config",
            s.config_file
                .as_ref()
                .map_or("defaults (no file)".into(), |p| p.display().to_string()),
        ),
        ("schema", format!("version {}", s.schema_version)),
        (
            "clients",
            format!("{} connected, {} streams", s.clients, s.subscriptions),
        ),
        (
            "bots",
            format!(
                "{} running, {} known, {} sessions",
                c.running_bots, c.bots, c.sessions
            ),
        ),
        ("presets", format!("{} user", c.presets)),
        ("analyses", c.analyses.to_string()),
    ];
    for (what, b) in [
        ("transcription", &s.transcription),
        ("translation", &s.translation),
    ] {
        if let Some(b) = b {
            rows.push((what, breaker(b)));
        }
    }
    key_values(&rows)
}

/// An engine's circuit breaker in one line.
fn breaker(b: &orch::engine::BreakerSnapshot) -> String {
    format!(
        "{}: breaker {}, {} ok, {} failed{}",
        b.engine,
        b.state,
        b.ok,
        b.failed,
        b.last_error
            .as_deref()
            .map(|e| format!(" (last: {})", crate::output::printable(e)))
            .unwrap_or_default()
    )
}

/// `3d 4h`, `5m 12s`, `0.4s`.
pub fn human_duration(secs: f64) -> String {
    let s = secs.max(0.0);
    if s < 10.0 {
        return format!("{s:.1}s");
    }
    let s = s as u64;
    let (d, h, m, sec) = (s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{sec}s"),
        (0, 0, _) => format!("{m}m {sec}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(0.42), "0.4s");
        assert_eq!(human_duration(42.0), "42s");
        assert_eq!(human_duration(312.0), "5m 12s");
        assert_eq!(human_duration(3.0 * 3600.0 + 60.0), "3h 1m");
        assert_eq!(human_duration(2.0 * 86400.0 + 7200.0), "2d 2h");
    }
}
