//! The layers of the core library, lowest first, and the test that keeps them: a module
//! may use modules of lower layers only, never one of its own layer or above, so the
//! graph of `crate::` paths has no cycle. docs/Architecture.md describes the layers.
//!
//! A new top-level module goes into the table below at the lowest layer its imports
//! allow; the test fails for a module missing from the table.

/// Top-level modules of `src/`, lowest layer first.
const LAYERS: &[&[&str]] = &[
    // The error type and exit codes; the test signals (tests only).
    &["error", "test_signals"],
    // Bounded reads of the small text files users name; free space of filesystems.
    &["text_file", "disk"],
    // Paths of the data directory and socket; records shared by store and protocol;
    // language codes.
    &["paths", "records", "lang"],
    // Private files and directories (owner-only modes) under those paths; the
    // process's metrics (some sampled from records); the virtual webcam (captions drawn
    // as video, from records).
    &["private", "metrics", "webcam"],
    // Calls to external engines (HTTP, retries, circuit breakers; counted in metrics).
    &["engine"],
    // Audio blocks, decoding and writing.
    &["audio"],
    // Filter primitives shared by the analyzers and the realtime engine.
    &["signal"],
    // Streaming analyzers (loudness, spectrum, quality).
    &["analysis"],
    // The realtime engine: stages, chains, the pipeline.
    &["dsp"],
    // Named chains and their rules over a `PresetStore`.
    &["presets"],
    // The configuration (checks the default preset's name) and the pure bot model.
    &["config", "bots"],
    // SQLite storage and the wire protocol (both carry records, bots and presets);
    // translation of transcript lines and speech to text (their engines are
    // configured by `config`).
    &["store", "protocol", "translate", "transcribe"],
];

/// Items of `lib.rs` reached as `crate::Item`, and the module that defines them.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("Error", "error"),
    ("Result", "error"),
    ("ExitCode", "error"),
    ("VERSION", ""),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Code without comments (line and block comments; doc comments are comments too).
fn strip_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let b = src.as_bytes();
    let mut i = 0;
    let mut in_str = false;
    while i < b.len() {
        if in_str {
            if b[i] == b'\\' {
                i += 2;
                continue;
            }
            if b[i] == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        if b[i] == b'"' && (i == 0 || b[i - 1] != b'\'') {
            in_str = true;
            i += 1;
            continue;
        }
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        }
        out.push(b[i] as char);
        i += 1;
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first path segment of every `crate::` path in `code`, groups included
/// (`crate::{a::X, b}` gives `a` and `b`).
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let tail = rest.trim_start();
        if let Some(group) = tail.strip_prefix('{') {
            let mut depth = 0usize;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        found.push(ident(&group[i..]).to_string());
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.push(ident(tail).to_string());
        }
    }
    found
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_its_own_layer_or_above() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "layers" {
            continue;
        }
        let Some(layer) = layer_of(&module) else {
            problems.push(format!(
                "src/{}: module `{module}` is not in LAYERS (src/layers.rs): add it to the \
                 lowest layer its imports allow",
                rel.display()
            ));
            continue;
        };
        let code = strip_comments(&std::fs::read_to_string(&file).unwrap());
        let mut used = crate_paths(&code);
        used.sort();
        used.dedup();
        for name in used {
            let target = ROOT_ITEMS
                .iter()
                .find(|(item, _)| *item == name)
                .map_or(name.as_str(), |(_, m)| m);
            if target.is_empty() || target == module {
                continue;
            }
            match layer_of(target) {
                Some(l) if l < layer => {}
                Some(_) => problems.push(format!(
                    "src/{}: `{module}` uses `crate::{name}`, which is not below it",
                    rel.display()
                )),
                None => problems.push(format!(
                    "src/{}: `crate::{name}` is neither a layered module nor a known root item",
                    rel.display()
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_groups_and_ignores_comments() {
    let code = strip_comments(
        "use crate::{dsp::X, audio::{A, B}, Error};\n// crate::store\n/* crate::protocol */\n\
         let s = \"crate::config\"; fn f() -> crate::Result<()> { my_crate::x() }",
    );
    assert_eq!(crate_paths(&code), ["dsp", "audio", "Error", "Result"]);
}

#[test]
fn every_layered_module_exists_once() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut seen = Vec::new();
    for m in LAYERS.iter().flat_map(|l| l.iter()) {
        assert!(!seen.contains(m), "`{m}` is in two layers");
        seen.push(m);
        assert!(
            src.join(format!("{m}.rs")).is_file() || src.join(m).join("mod.rs").is_file(),
            "`{m}` is in LAYERS but there is no src/{m}.rs or src/{m}/mod.rs"
        );
    }
}
