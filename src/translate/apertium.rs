//! Apertium, fully offline, through the Debian packages (`apertium` plus a pair such as
//! `apertium-eng-spa`).
//!
//! One long-lived pipeline per language pair, in Apertium's null-flush mode: a line goes
//! in followed by a NUL byte and its translation comes out followed by a NUL byte. After
//! the pair's data is loaded (about 0.7 s, once) a line takes a few milliseconds, where
//! `apertium eng-spa` as a process per line takes over a second (docs/benchmarks.md).
//! The `apertium` script itself cannot be kept running (its text deformatter and its
//! awk wrappers do not pass NUL flushes on), so orch runs the pair's mode pipeline as
//! `apertium-wblank-mode -z` prints it and does the plain-text deformatting
//! (`apertium-destxt`) and reformatting (`apertium-retxt`) itself; the result is the
//! same text `apertium -u PAIR` gives for a single line.
//!
//! What may block: a call holds its pair's pipeline for the line's round trip, bounded
//! by the timeout; a pipeline that times out, dies or garbles the protocol is killed
//! (its whole process group) and started again on the next call.
//!
//! What counts as a failure: a pipeline that dies (a transient [`EngineError::Unreachable`])
//! or times out ([`EngineError::Timeout`]) is a failure of the engine, retried and
//! counted by its breaker; a program that cannot be started is one too, but not retried
//! ([`EngineError::Config`]). A pair that is not installed is no failure of the engine:
//! [`Translator::supports`] refuses it before any call, naming the package to install.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Lang, LineContext, TranslateError, Translator};
use crate::engine::EngineError;

/// ISO 639-1 codes and the ISO 639-3 codes Apertium names its pairs with.
const CODES: &[(&str, &str)] = &[
    ("af", "afr"),
    ("an", "arg"),
    ("be", "bel"),
    ("bg", "bul"),
    ("br", "bre"),
    ("bs", "hbs"),
    ("ca", "cat"),
    ("cy", "cym"),
    ("da", "dan"),
    ("de", "deu"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("eu", "eus"),
    ("fr", "fra"),
    ("gl", "glg"),
    ("hi", "hin"),
    ("hr", "hbs"),
    ("id", "ind"),
    ("is", "isl"),
    ("it", "ita"),
    ("kk", "kaz"),
    ("mk", "mkd"),
    ("ms", "zlm"),
    ("nb", "nob"),
    ("nl", "nld"),
    ("nn", "nno"),
    ("no", "nor"),
    ("oc", "oci"),
    ("pl", "pol"),
    ("pt", "por"),
    ("ro", "ron"),
    ("ru", "rus"),
    ("sc", "srd"),
    ("sl", "slv"),
    ("sr", "hbs"),
    ("sv", "swe"),
    ("tr", "tur"),
    ("tt", "tat"),
    ("uk", "ukr"),
    ("ur", "urd"),
];

/// The Debian packages of Apertium pairs (Debian 12), each with both directions.
const DEBIAN_PACKAGES: &[&str] = &[
    "afr-nld", "arg-cat", "bel-rus", "cat-ita", "cat-srd", "dan-nor", "eng-cat", "eng-spa",
    "fra-cat", "fra-frp", "hbs-eng", "hbs-mkd", "hbs-slv", "ind-zlm", "isl-eng", "isl-swe",
    "mkd-bul", "mkd-eng", "nno-nob", "oci-fra", "pol-szl", "por-cat", "rus-ukr", "spa-arg",
    "spa-ast", "spa-cat", "spa-ita", "srd-ita", "swe-dan", "swe-nor", "urd-hin", "af-nl", "br-fr",
    "ca-it", "en-ca", "en-es", "en-gl", "eo-ca", "eo-en", "eo-es", "eo-fr", "es-ast", "es-ca",
    "es-gl", "es-it", "es-pt", "es-ro", "eu-en", "eu-es", "fr-es", "id-ms", "is-sv", "mk-bg",
    "mk-en", "oc-ca", "oc-es", "pt-ca", "pt-gl",
];

/// The Apertium engine: pair discovery and one pipeline per pair.
pub struct Apertium {
    dir: PathBuf,
    timeout: Duration,
    pipes: Mutex<HashMap<String, Arc<Mutex<Option<Pipe>>>>>,
}

impl std::fmt::Debug for Apertium {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Apertium").field("dir", &self.dir).finish()
    }
}

impl Apertium {
    /// An engine over the data in `dir` (Debian's is `/usr/share/apertium`; its
    /// `modes/` holds one `PAIR.mode` per direction); a line that takes
    /// longer than `timeout` fails and its pipeline is restarted.
    pub fn new(dir: &Path, timeout: Duration) -> Apertium {
        Apertium {
            dir: dir.to_path_buf(),
            timeout,
            pipes: Mutex::new(HashMap::new()),
        }
    }

    /// The installed directions (`eng-spa`, `spa-eng`, ...), sorted.
    pub fn installed(&self) -> Vec<String> {
        let mut modes: Vec<String> = std::fs::read_dir(self.dir.join("modes"))
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.strip_suffix(".mode").map(str::to_string)
            })
            .collect();
        modes.sort();
        modes
    }

    /// The installed direction for `from` -> `to`, or an error naming the package.
    pub fn pair(&self, from: &Lang, to: &Lang) -> Result<String, TranslateError> {
        let candidates = candidates(from.code(), to.code());
        let installed = self.installed();
        if let Some(p) = candidates.iter().find(|c| installed.contains(c)) {
            return Ok(p.clone());
        }
        let install = match debian_package(from.code(), to.code()) {
            Some(p) => format!("install the Debian package {p} (apt-get install {p})"),
            None => "Debian has no package for it (`apt-cache search apertium` lists the pairs)"
                .to_string(),
        };
        Err(TranslateError::MissingPair {
            from: from.clone(),
            to: to.clone(),
            dir: self.dir.join("modes"),
            looked_for: candidates.join(", "),
            install,
        })
    }

    /// The process group of `pair`'s running pipeline, if one runs.
    pub fn pipeline_pid(&self, pair: &str) -> Option<u32> {
        let slot = self.pipe_slot(pair);
        let guard = slot.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map(|p| p.child.id())
    }

    fn pipe_slot(&self, pair: &str) -> Arc<Mutex<Option<Pipe>>> {
        let mut map = self.pipes.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(pair.to_string()).or_default().clone()
    }
}

impl Translator for Apertium {
    fn name(&self) -> &'static str {
        "apertium"
    }

    fn supports(&self, from: &Lang, to: &Lang) -> Result<(), TranslateError> {
        self.pair(from, to).map(|_| ())
    }

    fn translate(
        &self,
        text: &str,
        from: &Lang,
        to: &Lang,
        _context: &LineContext<'_>,
    ) -> Result<String, EngineError> {
        let pair = self
            .pair(from, to)
            .map_err(|e| EngineError::Config(e.to_string()))?;
        let input = deformat(text);
        if input.is_empty() {
            return Ok(String::new());
        }
        let slot = self.pipe_slot(&pair);
        let mut guard = slot.lock().unwrap_or_else(|p| p.into_inner());
        // A pipeline that died since the last line gets one fresh start.
        for attempt in 0..2 {
            let fresh = guard.is_none();
            if fresh {
                *guard = Some(Pipe::start(&self.dir, &pair)?);
            }
            let pipe = guard.as_mut().expect("started above");
            match pipe.round_trip(&input, self.timeout) {
                Ok(out) => return Ok(reformat(&out)),
                Err(e) => {
                    *guard = None;
                    if fresh || attempt == 1 || matches!(e, EngineError::Timeout { .. }) {
                        return Err(e);
                    }
                }
            }
        }
        unreachable!("the loop returns on its second attempt")
    }
}

/// Pair names to look for: ISO 639-3 (current packages), then ISO 639-1 (older ones).
fn candidates(from: &str, to: &str) -> Vec<String> {
    let mut c = Vec::new();
    if let (Some(a), Some(b)) = (three(from), three(to)) {
        c.push(format!("{a}-{b}"));
    }
    c.push(format!("{from}-{to}"));
    c
}

fn three(code: &str) -> Option<&'static str> {
    CODES.iter().find(|(two, _)| *two == code).map(|(_, t)| *t)
}

/// The Debian package holding `from` -> `to`, if there is one.
fn debian_package(from: &str, to: &str) -> Option<String> {
    let mut names = Vec::new();
    if let (Some(a), Some(b)) = (three(from), three(to)) {
        names.extend([format!("{a}-{b}"), format!("{b}-{a}")]);
    }
    names.extend([format!("{from}-{to}"), format!("{to}-{from}")]);
    names
        .into_iter()
        .find(|n| DEBIAN_PACKAGES.contains(&n.as_str()))
        .map(|n| format!("apertium-{n}"))
}

/// Characters Apertium's stream format reserves, escaped with a backslash
/// (as `apertium-destxt` does).
const RESERVED: &[char] = &['\\', '[', ']', '/', '<', '>', '{', '}', '@', '^', '$'];

/// Plain text to Apertium's stream format, the way `apertium-destxt` does it for one
/// line: whitespace runs become one space, reserved characters are escaped, and the
/// line ends with the sentence mark `.[]` that the reformatter removes again.
fn deformat(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars().filter(|&c| c != '\0') {
            if RESERVED.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    if !out.is_empty() {
        out.push_str(".[]");
    }
    out
}

/// Apertium's stream format back to plain text, as `apertium-retxt` does: the final
/// sentence mark goes, escapes are undone and superblank brackets dropped.
fn reformat(stream: &str) -> String {
    let s = stream
        .strip_suffix(".[]")
        .or_else(|| stream.strip_suffix("[]"))
        .unwrap_or(stream);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '[' | ']' => {}
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

/// One running pair pipeline in null-flush mode.
struct Pipe {
    pair: String,
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<std::io::Result<Vec<u8>>>,
    stderr: Arc<Mutex<String>>,
}

impl Pipe {
    fn start(dir: &Path, pair: &str) -> Result<Pipe, EngineError> {
        let mode = dir.join("modes").join(format!("{pair}.mode"));
        let start_err = |program: &str, detail: String| {
            EngineError::Config(format!("cannot start {program}: {detail}"))
        };
        let script = Command::new("apertium-wblank-mode")
            .arg("-z")
            .arg(&mode)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| {
                start_err(
                    "apertium-wblank-mode",
                    format!("{e} (install the Debian package apertium)"),
                )
            })?;
        if !script.status.success() {
            return Err(start_err(
                "apertium-wblank-mode",
                format!(
                    "{} for {}: {}",
                    script.status,
                    mode.display(),
                    String::from_utf8_lossy(&script.stderr).trim()
                ),
            ));
        }
        let script = String::from_utf8_lossy(&script.stdout).to_string();
        // The mode script takes the generator's option ($1: -n, no unknown-word marks,
        // as `apertium -u`) and the tagger's ($2: none).
        let mut child = {
            use std::os::unix::process::CommandExt;
            Command::new("bash")
                .arg("-c")
                .arg(&script)
                .arg(format!("apertium-{pair}"))
                .arg("-n")
                .arg("")
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .process_group(0)
                .spawn()
                .map_err(|e| start_err("bash", e.to_string()))?
        };
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let mut err_pipe = child.stderr.take().expect("piped");
        let (tx, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name(format!("apertium-{pair}"))
            .spawn(move || {
                let mut r = BufReader::new(stdout);
                loop {
                    let mut buf = Vec::new();
                    let res = match r.read_until(0, &mut buf) {
                        Ok(0) => Err(std::io::ErrorKind::UnexpectedEof.into()),
                        Ok(_) if buf.last() == Some(&0) => {
                            buf.pop();
                            Ok(buf)
                        }
                        Ok(_) => Err(std::io::ErrorKind::UnexpectedEof.into()),
                        Err(e) => Err(e),
                    };
                    let end = res.is_err();
                    if tx.send(res).is_err() || end {
                        return;
                    }
                }
            })
            .map_err(|e| start_err("a reader thread", e.to_string()))?;
        let stderr = Arc::new(Mutex::new(String::new()));
        let keep = stderr.clone();
        std::thread::Builder::new()
            .name(format!("apertium-{pair}-err"))
            .spawn(move || {
                let mut chunk = [0u8; 1024];
                while let Ok(n) = err_pipe.read(&mut chunk) {
                    if n == 0 {
                        return;
                    }
                    let mut s = keep.lock().unwrap_or_else(|p| p.into_inner());
                    s.push_str(&String::from_utf8_lossy(&chunk[..n]));
                    if s.len() > 4096 {
                        let cut = s.len() - 2048;
                        let cut = (cut..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                        s.drain(..cut);
                    }
                }
            })
            .map_err(|e| start_err("a reader thread", e.to_string()))?;
        Ok(Pipe {
            pair: pair.to_string(),
            child,
            stdin,
            lines,
            stderr,
        })
    }

    /// The pipeline as errors name it.
    fn what(&self) -> String {
        format!("the Apertium pipeline {}", self.pair)
    }

    fn round_trip(&mut self, input: &str, timeout: Duration) -> Result<String, EngineError> {
        let failed = |pipe: &Pipe, detail: String| {
            let stderr = pipe.stderr.lock().unwrap_or_else(|p| p.into_inner());
            let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
            EngineError::Unreachable {
                url: pipe.what(),
                detail: match last {
                    Some(l) => format!("{detail}: {}", l.trim()),
                    None => detail,
                },
            }
        };
        let mut frame = Vec::with_capacity(input.len() + 1);
        frame.extend_from_slice(input.as_bytes());
        frame.push(0);
        if let Err(e) = self
            .stdin
            .write_all(&frame)
            .and_then(|_| self.stdin.flush())
        {
            return Err(failed(self, format!("cannot write to the pipeline: {e}")));
        }
        match self.lines.recv_timeout(timeout) {
            Ok(Ok(bytes)) => Ok(String::from_utf8_lossy(&bytes).to_string()),
            Ok(Err(e)) => Err(failed(self, format!("the pipeline ended ({e})"))),
            Err(RecvTimeoutError::Timeout) => Err(EngineError::Timeout {
                url: self.what(),
                limit_s: timeout.as_secs_f64(),
            }),
            Err(RecvTimeoutError::Disconnected) => {
                Err(failed(self, "the pipeline ended".to_string()))
            }
        }
    }
}

impl Drop for Pipe {
    fn drop(&mut self) {
        // The pipeline is a process group (bash and one process per stage).
        let pgid = self.child.id() as i32;
        // SAFETY: kill(2) with a negative pid signals the group this Pipe started
        // (process_group(0) made the child its leader); no memory is touched.
        #[allow(unsafe_code)]
        unsafe {
            libc::kill(-pgid, libc::SIGKILL);
        }
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deformat_escapes_like_destxt() {
        assert_eq!(
            deformat("  I have a [car]\n $5 "),
            "I have a \\[car\\] \\$5.[]"
        );
        assert_eq!(
            deformat("a/b <c> {d} @e ^f \\g"),
            "a\\/b \\<c\\> \\{d\\} \\@e \\^f \\\\g.[]"
        );
        assert_eq!(deformat(" \n\0"), "");
    }

    #[test]
    fn reformat_undoes_the_stream_format() {
        assert_eq!(reformat("Hola Mundo..[]"), "Hola Mundo.");
        assert_eq!(
            reformat(" Tengo un \\[coche\\] \\$5.[]"),
            "Tengo un [coche] $5"
        );
        assert_eq!(reformat("a[ ]b\\\\"), "a b\\");
    }

    /// Real Apertium: a pipeline killed between two lines is started again for the
    /// second, which still gets the right translation.
    #[test]
    fn a_dead_pipeline_is_restarted() {
        let a = Apertium::new(Path::new("/usr/share/apertium"), Duration::from_secs(30));
        let (en, es) = (Lang::parse("en").unwrap(), Lang::parse("es").unwrap());
        let none = LineContext::default();
        let first = a.translate("Good morning.", &en, &es, &none).unwrap();
        assert_eq!(first, "Buenos días.");
        let pid = a.pipeline_pid("eng-spa").expect("a pipeline runs");
        let killed = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .status()
            .unwrap();
        assert!(killed.success());
        assert_eq!(
            a.translate("Good morning.", &en, &es, &none).unwrap(),
            first
        );
        assert_ne!(a.pipeline_pid("eng-spa"), Some(pid));
    }

    #[test]
    fn pair_names_and_packages() {
        assert_eq!(candidates("en", "es"), ["eng-spa", "en-es"]);
        assert_eq!(candidates("xx", "es"), ["xx-es"]);
        assert_eq!(
            debian_package("es", "en").as_deref(),
            Some("apertium-eng-spa")
        );
        assert_eq!(
            debian_package("en", "gl").as_deref(),
            Some("apertium-en-gl")
        );
        assert_eq!(debian_package("en", "de"), None);
    }
}
