//! Debian's Chromium, headless, in a fresh profile, driven over a DevTools pipe. The
//! browser comes from the system (`meeting.chromium`); nothing is ever downloaded.
//!
//! No orphans: the browser runs in its own process group, which [`Browser`] kills on
//! drop; its main process gets SIGKILL if orch-meet dies (`PR_SET_PDEATHSIG`), and its
//! helpers (renderers, zygote) exit when their browser goes.

use std::fs::File;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tokio::sync::mpsc;

use crate::cdp::{Cdp, CdpEvent};

/// The flags of a headless meeting browser. Audio plays into no device; media
/// permissions are granted without a prompt; the fake devices stand in for a
/// microphone and camera (the bot is muted, and its camera is a canvas it draws).
const FLAGS: &[&str] = &[
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    // This machine's network is closed: no update, sync or metrics connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-quic",
    "--metrics-recording-only",
    // Containers have a small /dev/shm.
    "--disable-dev-shm-usage",
    "--autoplay-policy=no-user-gesture-required",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    "--mute-audio",
    "--lang=en-US",
    "--window-size=1280,720",
    // Memory: one renderer, for the meeting tab: no site-per-process split, no spare
    // renderer, no prewarmed omnibox popup (a WebUI renderer of its own, even headless),
    // the audio service inside the browser process.
    "--renderer-process-limit=1",
    "--disable-features=site-per-process,SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup,Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,AudioServiceOutOfProcess",
    "--remote-debugging-pipe",
];

/// A running browser.
pub struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    /// Commands to the browser.
    pub cdp: Cdp,
}

impl Browser {
    /// Start `chromium` with a new empty profile; returns it and its event stream.
    pub fn launch(chromium: &Path) -> Result<(Browser, mpsc::UnboundedReceiver<CdpEvent>), String> {
        let profile = tempfile::Builder::new()
            .prefix("orch-meet-")
            .tempdir()
            .map_err(|e| format!("cannot make a browser profile: {e}"))?;
        // Commands go in on the browser's fd 3, replies come out on its fd 4.
        let (cmd_read, cmd_write) = pipe()?;
        let (out_read, out_write) = pipe()?;
        let (child_in, child_out) = (cmd_read.as_raw_fd(), out_write.as_raw_fd());
        let mut command = Command::new(chromium);
        command
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0);
        if is_root() {
            // Chromium's sandbox needs user namespaces it cannot get as root in a
            // container; the meeting page is the only thing it runs.
            command.arg("--no-sandbox");
        }
        command.arg("about:blank");
        // SAFETY: only async-signal-safe calls between fork and exec: dup2 and prctl.
        #[allow(unsafe_code)]
        unsafe {
            command.pre_exec(move || {
                if libc::dup2(child_in, 3) < 0 || libc::dup2(child_out, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().map_err(|e| {
            format!(
                "cannot start the browser {} ({e}); install Debian's chromium or set meeting.chromium",
                chromium.display()
            )
        })?;
        // The child's ends now live in the browser only.
        drop(cmd_read);
        drop(out_write);
        let (cdp, events) = Cdp::new(File::from(cmd_write), File::from(out_read));
        Ok((
            Browser {
                child,
                _profile: profile,
                cdp,
            },
            events,
        ))
    }

    /// The browser's main process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the browser's main process has exited.
    pub fn exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// Close the browser: ask it, then kill its whole process group.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(
            Duration::from_secs(2),
            self.cdp.call("Browser.close", serde_json::json!({}), None),
        )
        .await;
        for _ in 0..20 {
            if self.exited() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Drop kills what is left.
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        kill_group(self.child.id());
        let _ = self.child.wait();
        // Helpers may outlive the main process by a moment: sweep the group again.
        std::thread::sleep(Duration::from_millis(100));
        kill_group(self.child.id());
    }
}

fn kill_group(pgid: u32) {
    // SAFETY: kill has no memory preconditions; a group that is gone gives ESRCH.
    #[allow(unsafe_code)]
    unsafe {
        libc::kill(-(pgid as libc::pid_t), libc::SIGKILL);
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    #[allow(unsafe_code)]
    unsafe {
        libc::geteuid() == 0
    }
}

/// A close-on-exec pipe whose ends sit above fd 9, so the dup2 onto 3 and 4 in the
/// child never overwrites one end with the other.
fn pipe() -> Result<(OwnedFd, OwnedFd), String> {
    let mut fds = [0 as RawFd; 2];
    // SAFETY: pipe2 writes two fds into the array; fcntl duplicates valid fds, and each
    // fd is owned exactly once.
    #[allow(unsafe_code)]
    unsafe {
        if libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) < 0 {
            return Err(format!("pipe: {}", std::io::Error::last_os_error()));
        }
        let (r, w) = (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]));
        let high = |fd: &OwnedFd| -> Result<OwnedFd, String> {
            let n = libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 10);
            if n < 0 {
                return Err(format!("fcntl: {}", std::io::Error::last_os_error()));
            }
            Ok(OwnedFd::from_raw_fd(n))
        };
        Ok((high(&r)?, high(&w)?))
    }
}
