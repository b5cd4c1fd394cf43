//! A property test of the decoder's entry point over mutated headers.
//!
//! Seeds are small valid files of every container orch reads (`tests/fixtures/fuzz/seeds`:
//! WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus). Each case mutates bytes of a seed's header
//! (random bytes, boundary values 0 and 0xFF.., truncation) with a seeded generator, so
//! every run checks the same cases, then opens and decodes the result. The property:
//! [`Decoder::open`] and [`Decoder::read`] return (an error or audio), never panic, and
//! every error is one line.
//!
//! `ORCH_FUZZ_CASES=N` runs N cases per seed instead of the default; with
//! `ORCH_FUZZ_SAVE=DIR` the inputs on which symphonia panicked (contained) are written to
//! DIR. Those go to `tests/fixtures/fuzz/crashes`, which every run replays.

use std::path::{Path, PathBuf};

use super::contain::contained_panics;
use super::{Decoder, Planar};
use crate::test_signals::Rng;

const DEFAULT_CASES: usize = 150;

fn fixtures(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(sub)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "md"))
        .collect();
    v.sort();
    v
}

/// Open and decode everything; panics only if the decoder's entry points let one out
/// or an error is not one line.
fn decode_all(path: &Path) {
    match Decoder::open(path) {
        Err(e) => {
            let msg = e.to_string();
            assert!(
                !msg.contains('\n'),
                "{}: a multi-line error: {msg}",
                path.display()
            );
        }
        Ok(mut d) => {
            let mut block = Planar::new(d.info().channels, 4096);
            let mut frames = 0u64;
            while let Ok(true) = d.read(&mut block) {
                frames += block.len() as u64;
                // A mutated length field may promise hours: a few seconds prove the point.
                if frames > 10 * 192_000 {
                    break;
                }
            }
            if let Some(w) = d.warning() {
                assert!(
                    !w.contains('\n'),
                    "{}: a multi-line warning: {w}",
                    path.display()
                );
            }
        }
    }
}

fn below(rng: &mut Rng, n: usize) -> usize {
    rng.next_u32() as usize % n
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = seed.to_vec();
    // Headers live at the start: WAV's fmt chunk, FLAC's STREAMINFO, the first Ogg pages,
    // MP3's first frame headers.
    let head = b.len().min(256);
    for _ in 0..1 + below(rng, 4) {
        let at = below(rng, head);
        match below(rng, 4) {
            0 => b[at] = below(rng, 256) as u8,
            1 => b[at] = 0,
            2 => b[at] = 0xFF,
            _ => {
                // A 4-byte field set to zero (rates, lengths, counts).
                for x in b.iter_mut().skip(at).take(4) {
                    *x = 0;
                }
            }
        }
    }
    if below(rng, 8) == 0 {
        let keep = below(rng, b.len()).max(1);
        b.truncate(keep);
    }
    b
}

#[test]
fn mutated_headers_never_crash_the_decoder() {
    let cases = std::env::var("ORCH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let save = std::env::var_os("ORCH_FUZZ_SAVE").map(PathBuf::from);
    let dir = tempfile::tempdir().unwrap();
    let seeds = files(&fixtures("seeds"));
    assert!(seeds.len() >= 5, "seeds missing: {seeds:?}");
    for seed_path in seeds {
        let seed = std::fs::read(&seed_path).unwrap();
        let ext = seed_path.extension().unwrap().to_str().unwrap().to_string();
        let mut rng = Rng::new(0x5eed ^ seed.len() as u64);
        for case in 0..cases {
            let bytes = mutate(&seed, &mut rng);
            let path = dir.path().join(format!("case-{case}.{ext}"));
            std::fs::write(&path, &bytes).unwrap();
            let before = contained_panics();
            decode_all(&path);
            if let (Some(save), true) = (&save, contained_panics() > before) {
                let name = format!(
                    "{}-{case}.{ext}",
                    seed_path.file_stem().unwrap().to_string_lossy()
                );
                std::fs::create_dir_all(save).unwrap();
                std::fs::write(save.join(name), &bytes).unwrap();
            }
        }
    }
}

#[test]
fn the_crash_corpus_decodes_without_crashing() {
    let crashes = files(&fixtures("crashes"));
    assert!(!crashes.is_empty(), "the crash corpus is empty");
    for path in crashes {
        decode_all(&path);
    }
}
