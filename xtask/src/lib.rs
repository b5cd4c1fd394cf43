//! Generation of the shell completions and man pages from the clap definitions:
//! one source for flags, help, man pages and completions.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

/// A generated file: its path relative to the repository root, and its bytes.
pub type File = (PathBuf, Vec<u8>);

/// Every generated file.
pub fn generate() -> anyhow::Result<Vec<File>> {
    let mut files = Vec::new();
    // Man pages first: clap_complete adds `help` subcommands that would otherwise leak
    // into the man pages.
    let orch = orch_cli::Cli::command();
    man_pages(&orch, "", &mut files)?;
    let orchd = orch_daemon::Args::command();
    man_pages(&orchd, "", &mut files)?;
    for (mut cmd, name) in [(orch, "orch"), (orchd, "orchd")] {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, name, &mut buf);
            let file = match shell {
                Shell::Bash => format!("{name}.bash"),
                Shell::Zsh => format!("_{name}"),
                Shell::Fish => format!("{name}.fish"),
                Shell::Elvish => format!("{name}.elv"),
                _ => format!("_{name}.ps1"),
            };
            files.push((Path::new("completions").join(file), buf));
        }
    }
    Ok(files)
}

fn man_pages(cmd: &clap::Command, prefix: &str, files: &mut Vec<File>) -> anyhow::Result<()> {
    let name = if prefix.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{prefix}-{}", cmd.get_name())
    };
    let cmd = cmd
        .clone()
        .name(name.clone())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    files.push((Path::new("man").join(format!("{name}.1")), buf));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &name, files)?;
    }
    Ok(())
}

/// Write every generated file under `root`, removing stale ones it no longer makes.
pub fn write(root: &Path) -> anyhow::Result<usize> {
    let files = generate()?;
    for dir in ["completions", "man"] {
        let d = root.join(dir);
        if d.exists() {
            for e in std::fs::read_dir(&d)? {
                let p = e?.path();
                if p.is_file() && !files.iter().any(|(f, _)| root.join(f) == p) {
                    std::fs::remove_file(p)?;
                }
            }
        }
        std::fs::create_dir_all(&d)?;
    }
    for (path, bytes) in &files {
        std::fs::write(root.join(path), bytes)?;
    }
    Ok(files.len())
}

/// The generated files that differ from, or are missing in, `root` (and extra ones).
pub fn stale(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let files = generate()?;
    let mut out: Vec<PathBuf> = files
        .iter()
        .filter(|(p, bytes)| std::fs::read(root.join(p)).ok().as_ref() != Some(bytes))
        .map(|(p, _)| p.clone())
        .collect();
    for dir in ["completions", "man"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            for e in rd.flatten() {
                let rel = Path::new(dir).join(e.file_name());
                if !files.iter().any(|(f, _)| *f == rel) {
                    out.push(rel);
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_completions_and_man_pages_are_fresh() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let stale = super::stale(&root).unwrap();
        assert!(
            stale.is_empty(),
            "generated files are stale: {stale:?}\nrun `cargo xtask gen` and commit the result"
        );
    }
}
