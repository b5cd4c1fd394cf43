//! CPU time and resident memory of a process (Linux `/proc`).

/// Clock ticks per second of `/proc/*/stat` times.
fn ticks_per_s() -> f64 {
    // SAFETY: sysconf has no preconditions.
    #[allow(unsafe_code)]
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 { t as f64 } else { 100.0 }
}

/// User + system CPU seconds of a process (`/proc/<pid>/stat`).
pub fn cpu_s(pid: u32) -> Option<f64> {
    cpu_s_at(&format!("/proc/{pid}/stat"))
}

/// CPU seconds from a `stat` file (also `/proc/self/task/<tid>/stat`).
pub fn cpu_s_at(path: &str) -> Option<f64> {
    let s = std::fs::read_to_string(path).ok()?;
    let rest = s.rsplit(')').next()?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    // After the command: state is field 3; utime and stime are fields 14 and 15.
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / ticks_per_s())
}

/// Resident memory in KiB (`VmRSS`).
pub fn rss_kib(pid: u32) -> Option<u64> {
    rss_kib_at(&format!("/proc/{pid}/status"))
}

/// Resident memory of this process in KiB.
pub fn self_rss_kib() -> Option<u64> {
    rss_kib_at("/proc/self/status")
}

fn rss_kib_at(path: &str) -> Option<u64> {
    std::fs::read_to_string(path)
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_this_process() {
        assert!(super::self_rss_kib().unwrap() > 0);
        assert!(super::cpu_s(std::process::id()).unwrap() >= 0.0);
    }
}
