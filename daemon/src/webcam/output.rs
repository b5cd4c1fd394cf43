//! Where frames go: a YUV4MPEG2 stream into a file or a FIFO, or I420 frames into a
//! v4l2loopback device. A FIFO waits for a reader, and for the next one when a reader
//! leaves; writes never block the daemon (the FIFO is non-blocking, the file and the
//! device are written by tokio's blocking pool), and stop cancels a write in progress.

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use orch::protocol::{Failure, FailureKind};
use orch::webcam::Output;
use orch::webcam::video::{Y4M_FRAME, y4m_header};
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::sync::watch;

use super::Webcam;

type Sink = Box<dyn AsyncWrite + Unpin + Send>;

/// Refuse an output that cannot work, before the webcam starts.
pub fn check(o: &Output) -> Result<(), Failure> {
    let bad = |m: String| Err(Failure::new(FailureKind::Invalid, m));
    match o {
        Output::Y4m(p) => match std::fs::metadata(p) {
            Ok(m) if m.is_file() || m.file_type().is_fifo() => Ok(()),
            Ok(_) => bad(format!(
                "output {}: not a regular file or a FIFO",
                p.display()
            )),
            Err(_) if p.parent().is_some_and(Path::is_dir) => Ok(()),
            Err(_) => bad(format!(
                "output {}: its directory does not exist",
                p.display()
            )),
        },
        Output::V4l2(p) => match std::fs::metadata(p) {
            Ok(m) if m.file_type().is_char_device() => Ok(()),
            Ok(_) => bad(format!("output {}: not a video device", p.display())),
            Err(_) => Err(Failure::new(
                FailureKind::NotFound,
                format!(
                    "no video device {}: load v4l2loopback first \
                     (sudo modprobe v4l2loopback devices=1 exclusive_caps=1)",
                    p.display()
                ),
            )),
        },
    }
}

enum Open {
    Ready(Sink, bool),
    /// A FIFO with no reader yet.
    Wait,
    Fatal(String),
}

async fn open(o: &Output, width: u32, height: u32) -> Open {
    match o {
        Output::Y4m(p) => {
            let fifo = std::fs::metadata(p).is_ok_and(|m| m.file_type().is_fifo());
            if fifo {
                match tokio::net::unix::pipe::OpenOptions::new().open_sender(p) {
                    Ok(s) => Open::Ready(Box::new(s), true),
                    Err(e) if e.raw_os_error() == Some(libc::ENXIO) => Open::Wait,
                    Err(e) => Open::Fatal(format!("cannot open {}: {e}", p.display())),
                }
            } else {
                match tokio::fs::File::create(p).await {
                    Ok(f) => Open::Ready(Box::new(f), false),
                    Err(e) => Open::Fatal(format!("cannot create {}: {e}", p.display())),
                }
            }
        }
        Output::V4l2(p) => {
            let p = p.clone();
            let opened = tokio::task::spawn_blocking(move || v4l2_open(&p, width, height)).await;
            match opened {
                Ok(Ok(f)) => Open::Ready(Box::new(tokio::fs::File::from_std(f)), false),
                Ok(Err(e)) => Open::Fatal(e),
                Err(e) => Open::Fatal(e.to_string()),
            }
        }
    }
}

/// Write frames into `o` until `stop`.
pub async fn run(cam: Arc<Webcam>, o: Output, fps: u32, mut stop: watch::Receiver<bool>) {
    let (width, height) = {
        let s = cam.settings.lock().expect("settings lock");
        (s.width, s.height)
    };
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / fps as f64));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut retry_at = tokio::time::Instant::now();
    let mut sink: Option<(Sink, bool)> = None;
    let mut fatal = false;
    let mut last: Option<Arc<super::Shown>> = None;
    let mut fresh = cam.frame.subscribe();
    loop {
        // A new frame goes out at once (and the clock starts its interval again), so a
        // caption shows after its draw, not after the next tick.
        tokio::select! {
            _ = tick.tick() => {}
            r = fresh.changed() => {
                if r.is_err() {
                    break;
                }
                tick.reset();
            }
            _ = stop.changed() => break,
        }
        cam.tick();
        if sink.is_none() && !fatal && tokio::time::Instant::now() >= retry_at {
            match open(&o, width, height).await {
                Open::Ready(mut s, fifo) => {
                    let header = y4m_header(width, height, fps);
                    let needs_header = matches!(o, Output::Y4m(_));
                    if needs_header && s.write_all(header.as_bytes()).await.is_err() {
                        cam.set_output_state(false, "the reader left; waiting for a reader");
                        continue;
                    }
                    cam.set_output_state(true, "streaming");
                    sink = Some((s, fifo));
                }
                Open::Wait => {
                    cam.set_output_state(false, "waiting for a reader");
                    retry_at = tokio::time::Instant::now() + Duration::from_millis(200);
                }
                Open::Fatal(e) => {
                    tracing::warn!(bot = %cam.bot_id, "webcam output: {e}");
                    cam.set_output_state(false, e);
                    fatal = true;
                }
            }
        }
        let Some((s, fifo)) = sink.as_mut() else {
            continue;
        };
        let shown = cam.frame.borrow().clone();
        let frame = &shown.frame;
        let is_y4m = matches!(o, Output::Y4m(_));
        let write = async {
            if is_y4m {
                s.write_all(Y4M_FRAME).await?;
            }
            s.write_all(&frame.i420).await
        };
        let result = tokio::select! {
            r = write => r,
            _ = stop.changed() => break,
        };
        match result {
            Ok(()) => {
                cam.written
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                cam.went_out(&shown, &mut last);
            }
            Err(e) if *fifo && e.kind() == std::io::ErrorKind::BrokenPipe => {
                cam.set_output_state(false, "the reader left; waiting for a reader");
                sink = None;
            }
            Err(e) => {
                tracing::warn!(bot = %cam.bot_id, "webcam output: {e}");
                cam.set_output_state(false, format!("write failed: {e}"));
                sink = None;
                fatal = true;
            }
        }
    }
    if let Some((mut s, _)) = sink {
        let _ = s.flush().await;
    }
    cam.set_output_state(false, "stopped");
}

/// Open a v4l2loopback device for output and set its format: I420 frames of
/// `width` x `height`.
fn v4l2_open(path: &Path, width: u32, height: u32) -> Result<std::fs::File, String> {
    use std::os::fd::AsRawFd;
    let f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    // struct v4l2_format: u32 type, then (8-aligned) the v4l2_pix_format union member.
    let mut fmt = [0u32; 52];
    fmt[0] = 2; // V4L2_BUF_TYPE_VIDEO_OUTPUT
    let pix = &mut fmt[2..];
    pix[0] = width;
    pix[1] = height;
    pix[2] = u32::from_le_bytes(*b"YU12"); // V4L2_PIX_FMT_YUV420 (I420)
    pix[3] = 1; // V4L2_FIELD_NONE
    pix[4] = width; // bytesperline (of Y)
    pix[5] = width * height * 3 / 2; // sizeimage
    pix[6] = 1; // V4L2_COLORSPACE_SMPTE170M (BT.601)
    // _IOWR('V', 5, struct v4l2_format), 208 bytes.
    const VIDIOC_S_FMT: libc::c_ulong = 0xC0D0_5605;
    // SAFETY: `fmt` is a 208-byte buffer laid out as struct v4l2_format and lives for
    // the call; the fd is open.
    #[allow(unsafe_code)]
    let rc = unsafe { libc::ioctl(f.as_raw_fd(), VIDIOC_S_FMT, fmt.as_mut_ptr()) };
    if rc != 0 {
        return Err(format!(
            "{} refused the I420 {width}x{height} format (is it a v4l2loopback device?): {}",
            path.display(),
            std::io::Error::last_os_error()
        ));
    }
    Ok(f)
}
