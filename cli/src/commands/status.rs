//! `orch status`: what the daemon is and holds.

use clap::Args;
use orch::protocol::{Request, Response, StatusInfo};

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::key_values;

/// Arguments of `orch status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Also show what the daemon and each live bot use of the machine: CPU, memory,
    /// threads, open files, the data directory's size and the free disk (always in
    /// `--json`, as `system`).
    #[arg(long)]
    pub system: bool,
}

/// Run `orch status`.
pub fn run(ctx: &Ctx, args: StatusArgs) -> orch::Result<()> {
    let info = request(ctx, Request::Status, reply!(Response::Status(s) => s))?;
    if ctx.out.json {
        ctx.out.json(&info);
    } else if ctx.out.quiet {
        // Scripts: the exit code says whether it runs; the pid is the datum.
        ctx.out.data(info.pid.to_string());
    } else {
        let mut text = render(&info);
        if args.system
            && let Some(sys) = &info.system
        {
            text.push_str("\n\n");
            text.push_str(&render_system(sys));
        }
        ctx.out.text(text);
    }
    Ok(())
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("-".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

fn gib(bytes: u64) -> String {
    format!("{:.1} GiB", bytes as f64 / (1u64 << 30) as f64)
}

fn render_system(s: &orch::protocol::SystemInfo) -> String {
    let or_dash = |v: Option<u64>| v.map_or("-".into(), |v| v.to_string());
    let rows = vec![
        (
            "daemon",
            format!(
                "CPU {}, RSS {}, {} threads, {} open files",
                s.cpu_s.map_or("-".into(), |c| format!("{c:.2} s")),
                mib(s.rss_kib),
                or_dash(s.threads),
                or_dash(s.open_files)
            ),
        ),
        (
            "data dir",
            format!("{:.1} MiB", s.data_dir_bytes as f64 / (1u64 << 20) as f64),
        ),
        (
            "disk",
            match (s.disk_free_bytes, s.disk_total_bytes) {
                (Some(f), Some(t)) => format!("{} free of {}", gib(f), gib(t)),
                _ => "-".into(),
            },
        ),
    ];
    let mut out = key_values(&rows);
    if !s.bots.is_empty() {
        let mut t = crate::output::table(&["bot", "name", "pid", "CPU s", "RSS"]);
        for b in &s.bots {
            t.add_row(vec![
                b.id.clone(),
                crate::output::printable(&b.name),
                b.pid.map_or("(thread)".into(), |p| p.to_string()),
                b.cpu_s.map_or("-".into(), |c| format!("{c:.2}")),
                mib(b.rss_kib),
            ]);
        }
        out.push_str("\n\n");
        out.push_str(&t.to_string());
    }
    out
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
    if let Some(why) = &s.storage_error {
        rows.push((
            "storage",
            format!(
                "FAILING: {why} ({} bots' state changes kept in memory, stored when it recovers)",
                s.unsaved_bots
            ),
        ));
    }
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
