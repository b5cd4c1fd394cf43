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

/// Threads of this process (`Threads:` of `/proc/self/status`).
pub fn self_threads() -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|v| v.trim().parse().ok())
}

/// Open file descriptors of this process.
pub fn self_open_files() -> Option<u64> {
    Some(std::fs::read_dir("/proc/self/fd").ok()?.count() as u64)
}

/// Bytes of the regular files under `dir` (a few levels deep: the data directory
/// holds the database and `logs/BOT/SESSION.log`).
pub fn dir_bytes(dir: &std::path::Path) -> u64 {
    fn walk(d: &std::path::Path, depth: u32) -> u64 {
        let Ok(entries) = std::fs::read_dir(d) else {
            return 0;
        };
        entries
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
                Ok(t) if t.is_dir() && depth > 0 => walk(&e.path(), depth - 1),
                _ => 0,
            })
            .sum()
    }
    walk(dir, 3)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_this_process() {
        assert!(super::self_rss_kib().unwrap() > 0);
        assert!(super::cpu_s(std::process::id()).unwrap() >= 0.0);
        assert!(super::self_threads().unwrap() >= 1);
        assert!(super::self_open_files().unwrap() >= 3);
        let (free, total) = orch::disk::space(std::path::Path::new("/")).unwrap();
        assert!(total > 0 && free <= total);
    }

    #[test]
    fn counts_the_bytes_of_a_tree() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("logs/b1")).unwrap();
        std::fs::write(d.path().join("orch.db"), [0u8; 1000]).unwrap();
        std::fs::write(d.path().join("logs/b1/s1.log"), [0u8; 234]).unwrap();
        assert_eq!(super::dir_bytes(d.path()), 1234);
    }
}
