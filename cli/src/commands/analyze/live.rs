//! `orch analyze --live SOURCE`: meters ten times a second from a running bot (SOURCE
//! is its id) or from raw PCM on stdin streamed through the daemon (SOURCE is `-`).
//! A redrawn line on a terminal, NDJSON with `--json`; Ctrl-C (or the end of the
//! stream) prints the summary.

use std::io::{IsTerminal, Write};

use orch::analysis::Meters;
use orch::audio::RawFormat;
use orch::audio::pcm::encode_base64;
use orch::protocol::{Event, Request, Response, ServerBody};
use orch::{Error, Result};
use tokio::io::AsyncReadExt;

use super::super::Ctx;
use crate::connect::{ask, block_on, connect, reply};

/// Run the live analysis of `source`.
pub fn run(ctx: &Ctx, source: &str, raw: Option<(RawFormat, u32, usize)>) -> Result<()> {
    if source == "-" {
        let (fmt, rate, channels) = raw.ok_or_else(|| {
            Error::Invalid(
                "`--live -` reads raw PCM from stdin and needs --format, --rate and --channels"
                    .into(),
            )
        })?;
        block_on(stdin(ctx, fmt, rate, channels))
    } else {
        block_on(bot(ctx, source))
    }
}

/// One meter line.
fn line(m: &Meters) -> String {
    let f = |v: Option<f64>| v.map_or("  -  ".to_string(), |v| format!("{v:5.1}"));
    format!(
        "{:7.1}s  M {}  S {}  I {} LUFS  TP {} dBTP  RMS {} dBFS  centroid {} Hz",
        m.t_s,
        f(m.momentary_lufs),
        f(m.short_term_lufs),
        f(m.integrated_lufs),
        f(m.true_peak_dbtp),
        f(m.rms_dbfs),
        m.centroid_hz.map_or("-".into(), |c| format!("{c:.0}"))
    )
}

struct Printer {
    json: bool,
    redraw: bool,
    printed: bool,
}

impl Printer {
    fn new(ctx: &Ctx) -> Printer {
        Printer {
            json: ctx.out.json,
            redraw: !ctx.out.json && std::io::stdout().is_terminal(),
            printed: false,
        }
    }

    fn meters(&mut self, bot_id: &str, m: &Meters) {
        let mut out = std::io::stdout().lock();
        if self.json {
            let _ = writeln!(
                out,
                "{}",
                serde_json::json!({"type": "meters", "source": bot_id, "meters": m})
            );
        } else if self.redraw {
            let _ = write!(out, "\r\x1b[K{}", line(m));
        } else {
            let _ = writeln!(out, "{}", line(m));
        }
        let _ = out.flush();
        self.printed = true;
    }

    fn end_line(&self) {
        if self.redraw && self.printed {
            println!();
        }
    }
}

async fn bot(ctx: &Ctx, id: &str) -> Result<()> {
    let mut c = connect(ctx).await?;
    let req = Request::BotStatus { id: id.to_string() };
    let bot_id = ask(&mut c, req, reply!(Response::Bot(b) => b.id)).await?;
    c.subscribe(Request::BotMeters { id: bot_id.clone() })
        .await?;
    let mut p = Printer::new(ctx);
    let mut last = None;
    loop {
        let next = tokio::select! {
            ev = c.next_event() => ev?,
            _ = tokio::signal::ctrl_c() => None,
        };
        match next {
            Some((_, Event::Meters { bot_id, meters })) => {
                p.meters(&bot_id, &meters);
                last = Some(meters);
            }
            Some(_) => {}
            None => break,
        }
    }
    p.end_line();
    // The summary: the bot as it is now.
    let mut c = connect(ctx).await?;
    let info = ask(
        &mut c,
        Request::BotStatus { id: bot_id },
        reply!(Response::Bot(b) => *b),
    )
    .await?;
    let meters = info.live.as_ref().map(|l| l.meters).or(last);
    if ctx.out.json {
        ctx.out.json(&serde_json::json!({
            "type": "summary", "source": info.id, "state": info.state, "meters": meters,
            "audio_s": info.live.as_ref().map(|l| l.audio_s),
        }));
    } else {
        println!(
            "bot {} ({}): {}",
            info.id,
            info.state,
            meters.map_or("no audio".into(), |m| line(&m))
        );
    }
    Ok(())
}

async fn stdin(ctx: &Ctx, fmt: RawFormat, rate: u32, channels: usize) -> Result<()> {
    let client = connect(ctx).await?;
    let (mut reader, mut writer) = client.split();
    let open_id = writer
        .send(Request::LiveOpen {
            sample_rate: rate,
            channels,
        })
        .await?;
    // Read events (meters, failures, the final report) on their own task.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            match reader.next().await {
                Ok(Some(m)) => {
                    if tx.send(Ok(m)).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    break;
                }
            }
        }
    });
    // 100 ms of audio per frame.
    let frame_bytes = fmt.bytes() * channels;
    let chunk = (rate as usize / 10).max(1) * frame_bytes;
    let mut input = tokio::io::stdin();
    let mut buf = vec![0u8; chunk];
    let mut fill = 0usize;
    let mut p = Printer::new(ctx);
    let mut report = None;
    let mut eof = false;
    let mut closed = false;
    loop {
        tokio::select! {
            n = input.read(&mut buf[fill..]), if !eof => {
                let n = n.map_err(|e| Error::io("cannot read", "stdin", e))?;
                if n == 0 {
                    eof = true;
                } else {
                    fill += n;
                }
                let whole = if eof { fill - fill % frame_bytes } else if fill == chunk { fill } else { 0 };
                if whole > 0 {
                    let samples = decode(&buf[..whole], fmt);
                    writer.send(Request::LiveAudio { format: RawFormat::F32Le, data: encode_base64(&samples, RawFormat::F32Le) }).await?;
                    buf.copy_within(whole..fill, 0);
                    fill -= whole;
                }
                if eof && !closed {
                    if fill > 0 {
                        ctx.out.warn(format!("stdin ended inside a frame: {fill} trailing byte(s) ignored"));
                    }
                    writer.send(Request::LiveClose).await?;
                    closed = true;
                }
            }
            _ = tokio::signal::ctrl_c(), if !closed => {
                writer.send(Request::LiveClose).await?;
                closed = true;
                eof = true;
            }
            msg = rx.recv() => {
                let Some(msg) = msg else { break };
                let msg = msg?;
                match msg.body {
                    ServerBody::Event(Event::Meters { bot_id, meters }) if msg.id == open_id => p.meters(&bot_id, &meters),
                    ServerBody::Response(Response::Failure(f)) => return Err(f.into_error()),
                    ServerBody::Response(Response::Analysis { report: r }) => {
                        report = Some(r);
                        break;
                    }
                    _ => {}
                }
            }
        }
    }
    p.end_line();
    let report = report
        .ok_or_else(|| Error::Protocol("orchd closed the live analysis without a report".into()))?;
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({"type": "summary", "report": report}));
    } else {
        let l = &report["loudness"];
        let q = &report["quality"];
        let n = |v: &serde_json::Value| v.as_f64().map_or("-".into(), |v| format!("{v:.1}"));
        println!(
            "summary: {} s, integrated {} LUFS, LRA {} LU, true peak {} dBTP, RMS {} dBFS, speech {}",
            n(&report["duration_s"]),
            n(&l["integrated_lufs"]),
            n(&l["lra_lu"]),
            n(&l["true_peak_dbtp"]),
            n(&q["rms_dbfs"]),
            q["speech_ratio"]
                .as_f64()
                .map_or("-".into(), |v| format!("{:.0}%", v * 100.0))
        );
    }
    Ok(())
}

/// Little-endian PCM bytes to samples.
fn decode(bytes: &[u8], fmt: RawFormat) -> Vec<f32> {
    bytes
        .chunks_exact(fmt.bytes())
        .map(|b| match fmt {
            RawFormat::S16Le => f32::from(i16::from_le_bytes([b[0], b[1]])) / 32768.0,
            RawFormat::S24Le => {
                (i32::from_le_bytes([0, b[0], b[1], b[2]]) >> 8) as f32 / 8_388_608.0
            }
            RawFormat::F32Le => f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        })
        .collect()
}
