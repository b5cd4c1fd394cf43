//! Webcam benchmarks: drawing a 1280x720 frame with five caption boxes (each display
//! mode), converting it to I420, and encoding a PNG snapshot. A webcam draws only when a
//! caption comes or goes (about once a second in a lively meeting); every other frame
//! interval repeats the last I420 frame.
//!
//! ```text
//! cargo bench -p orch --bench webcam
//! ```
//! Results: docs/benchmarks.md, "Webcam".

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use orch::webcam::settings::MODES;
use orch::webcam::video::{Frame, png};
use orch::webcam::{Board, Caption, Header, Renderer, Settings};

fn board() -> Board {
    let mut b = Board::new();
    let texts = [
        "Good morning everyone, let us start with the quarterly numbers and the plan.",
        "Buenos días a todos, empecemos con las cifras trimestrales y el plan.",
        "Revenue grew by twelve percent, mostly from the new subscription tier.",
        "Los ingresos crecieron un doce por ciento, sobre todo por la nueva suscripción.",
        "Any questions before we move on to hiring?",
    ];
    for (i, t) in texts.iter().enumerate() {
        b.add(
            Caption {
                text: t.to_string(),
                speaker: Some(["Ada Lovelace", "Grace Hopper"][i / 2 % 2].into()),
                speaker_label: None,
                source_language: Some("en".into()),
                target_language: (i % 2 == 1).then(|| "es".into()),
                confidence: Some(0.9),
                original: i % 2 == 0,
                time: None,
            },
            i as f64,
        );
    }
    b
}

fn webcam(c: &mut Criterion) {
    let board = board();
    let header = Header {
        bot: "standup".into(),
        session: Some("s1234567890".into()),
    };
    let mut settings = Settings::default();
    let mut r = Renderer::new(&settings).unwrap();
    for mode in MODES {
        settings.mode = mode;
        c.bench_function(&format!("draw/{}", mode.name()), |b| {
            b.iter(|| black_box(r.render(&board, &settings, &header).width()))
        });
    }
    settings.mode = orch::webcam::Mode::Overlay;
    r.render(&board, &settings, &header);
    c.bench_function("i420/1280x720", |b| {
        b.iter(|| black_box(Frame::from_pixmap(r.pixmap()).i420.len()))
    });
    c.bench_function("png/1280x720", |b| {
        b.iter(|| black_box(png(r.pixmap()).unwrap().len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = webcam
}
criterion_main!(benches);
