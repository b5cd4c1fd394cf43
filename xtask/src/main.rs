//! `cargo xtask gen`: regenerate `completions/` and `man/` from the clap definitions.
//! `cargo xtask check`: fail when they are stale.

use std::path::Path;

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match std::env::args().nth(1).as_deref() {
        Some("gen") => {
            let n = xtask::write(&root)?;
            println!("wrote {n} files into completions/ and man/");
            Ok(())
        }
        Some("check") => {
            let stale = xtask::stale(&root)?;
            if stale.is_empty() {
                println!("completions/ and man/ are fresh");
                Ok(())
            } else {
                anyhow::bail!("stale generated files: {stale:?}; run `cargo xtask gen`")
            }
        }
        _ => anyhow::bail!("usage: cargo xtask gen|check"),
    }
}
