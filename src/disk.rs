//! Free space of a filesystem, and a plain "no space left on DEVICE" for errors that
//! happen because there is none (SQLite says "database or disk is full" or "disk I/O
//! error"; a log write just fails).

use std::path::{Path, PathBuf};

/// Below this many free bytes a filesystem counts as full: SQLite needs pages, not
/// bytes, to write.
pub const FULL_BELOW: u64 = 256 * 1024;

/// Bytes free (to unprivileged users) and in total on the filesystem holding `path`.
pub fn space(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut st = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `c` is a valid NUL-terminated path and `st` points to writable memory of
    // the right type; statvfs only writes into it, and we read it only on success.
    #[allow(unsafe_code)]
    let st = unsafe {
        if libc::statvfs(c.as_ptr(), st.as_mut_ptr()) != 0 {
            return None;
        }
        st.assume_init()
    };
    let frag = st.f_frsize as u64;
    Some((st.f_bavail as u64 * frag, st.f_blocks as u64 * frag))
}

/// `no space left on DEVICE (MOUNT)` when the filesystem that holds (or would hold)
/// `path` is full; `None` when it has room or cannot be examined.
pub fn no_space(path: &Path) -> Option<String> {
    let existing = path.ancestors().find(|p| p.exists())?;
    let (free, _) = space(existing)?;
    if free >= FULL_BELOW {
        return None;
    }
    let dir = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    Some(match mount_of(&dir) {
        Some((device, mount)) => format!("no space left on {device} ({})", mount.display()),
        None => format!("no space left on the filesystem of {}", dir.display()),
    })
}

/// The device and mount point of the filesystem `dir` (canonical) is on, from
/// `/proc/self/mountinfo`: the longest mount point that holds it.
fn mount_of(dir: &Path) -> Option<(String, PathBuf)> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    info.lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let mount = PathBuf::from(unescape(left.split(' ').nth(4)?));
            let device = unescape(right.split(' ').nth(1)?);
            dir.starts_with(&mount).then_some((device, mount))
        })
        .max_by_key(|(_, mount)| mount.as_os_str().len())
}

/// mountinfo writes space, tab, newline and backslash as octal escapes.
fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        match code {
            Some(b) => {
                out.push(b as char);
                rest = &rest[i + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_filesystem_has_a_size_and_a_device() {
        let (free, total) = space(Path::new("/")).unwrap();
        assert!(total > 0 && free <= total);
        let (_, mount) = mount_of(Path::new("/")).unwrap();
        assert_eq!(mount, Path::new("/"));
    }

    #[test]
    fn mountinfo_escapes_are_undone() {
        assert_eq!(unescape(r"/mnt/my\040disk"), "/mnt/my disk");
        assert_eq!(unescape(r"a\\b"), r"a\\b");
        assert_eq!(unescape("plain"), "plain");
    }
}
