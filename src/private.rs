//! orch's state is private to its owner: the data directory is 0700 and the files in it
//! (the database, its WAL and shared-memory files, the daemon log) are 0600, because
//! they hold meeting URLs with their passwords. Existing files with wider modes are
//! tightened, and the caller warns about each one.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use crate::{Error, Result};

/// Mode of the data directory.
pub const DIR_MODE: u32 = 0o700;
/// Mode of every file in it.
pub const FILE_MODE: u32 = 0o600;

/// Create `dir` (and missing parents) as 0700, or tighten an existing directory the
/// current user owns. Returns a warning when a mode was changed. A shared directory
/// (sticky bit, like /tmp) is refused rather than locked up.
pub fn dir(dir: &Path) -> Result<Option<String>> {
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(DIR_MODE)
                .create(dir)
                .map_err(|e| Error::io("cannot create data directory", dir, e))?;
            // The last component gets the mode even under a restrictive umask's opposite.
            set_mode(dir, DIR_MODE)?;
            return Ok(None);
        }
        Err(e) => return Err(Error::io("cannot read data directory", dir, e)),
    };
    if !meta.is_dir() {
        return Err(Error::Invalid(format!(
            "data directory {} is not a directory",
            dir.display()
        )));
    }
    let mode = meta.mode() & 0o7777;
    if mode & 0o077 == 0 || meta.uid() != crate::paths::uid() {
        return Ok(None);
    }
    if mode & 0o1000 != 0 {
        return Err(Error::Invalid(format!(
            "data directory {} is a shared directory (sticky bit, mode {mode:o}); \
             use a directory of its own",
            dir.display()
        )));
    }
    set_mode(dir, DIR_MODE)?;
    Ok(Some(format!(
        "data directory {} was mode {mode:o}, readable by others; changed to 700",
        dir.display()
    )))
}

/// Tighten an existing file to 0600. Returns a warning when its mode was changed;
/// a missing file is fine.
pub fn file(path: &Path) -> Result<Option<String>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("cannot read", path, e)),
    };
    let mode = meta.mode() & 0o7777;
    if !meta.is_file() || mode & 0o077 == 0 || meta.uid() != crate::paths::uid() {
        return Ok(None);
    }
    set_mode(path, FILE_MODE)?;
    Ok(Some(format!(
        "{} was mode {mode:o}, readable by others; changed to 600",
        path.display()
    )))
}

/// Open `path` for appending, creating it as 0600 (an existing file is tightened).
pub fn append(path: &Path) -> Result<(File, Option<String>)> {
    let f = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .map_err(|e| Error::io("cannot open", path, e))?;
    Ok((f, file(path)?))
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io("cannot change the mode of", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().mode() & 0o777
    }

    #[test]
    fn new_directories_and_files_are_private() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("a").join("b");
        assert_eq!(dir(&d).unwrap(), None);
        assert_eq!(mode(&d), 0o700);
        let (_, w) = append(&d.join("log")).unwrap();
        assert_eq!(w, None);
        assert_eq!(mode(&d.join("log")), 0o600);
    }

    #[test]
    fn wide_modes_are_tightened_with_a_warning() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("d");
        std::fs::create_dir(&d).unwrap();
        set_mode(&d, 0o755).unwrap();
        let f = d.join("orch.db");
        std::fs::write(&f, "x").unwrap();
        set_mode(&f, 0o644).unwrap();
        assert!(dir(&d).unwrap().unwrap().contains("was mode 755"));
        assert!(file(&f).unwrap().unwrap().contains("was mode 644"));
        assert_eq!((mode(&d), mode(&f)), (0o700, 0o600));
        assert_eq!(dir(&d).unwrap(), None);
        assert_eq!(file(&f).unwrap(), None);
    }

    #[test]
    fn a_shared_sticky_directory_is_refused() {
        let t = tempfile::tempdir().unwrap();
        set_mode(t.path(), 0o1777).unwrap();
        assert!(dir(t.path()).unwrap_err().to_string().contains("shared"));
        assert_eq!(mode(t.path()), 0o777);
    }
}
