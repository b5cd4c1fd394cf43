//! `orch webcam start|stop|status|config|snapshot`: a bot's virtual webcam.

use std::sync::Arc;

use base64::Engine as _;
use orch::protocol::{Failure, FailureKind, Response};

use crate::state::State;
use crate::supervisor::{self, BotHandle};

async fn live(
    state: &Arc<State>,
    id: &str,
    what: &str,
) -> Result<(String, Arc<BotHandle>), Failure> {
    let (row, handle) = supervisor::find_live(state, id, what).await?;
    Ok((row.name, handle))
}

fn no_webcam(handle: &BotHandle) -> Failure {
    Failure::new(
        FailureKind::NotFound,
        format!(
            "bot {} has no webcam: orch webcam start {}",
            handle.id, handle.id
        ),
    )
}

fn cam(handle: &BotHandle) -> Result<Arc<crate::webcam::Webcam>, Failure> {
    handle
        .webcam
        .lock()
        .expect("webcam lock")
        .clone()
        .ok_or_else(|| no_webcam(handle))
}

fn answer(r: Result<Response, Failure>) -> Response {
    r.unwrap_or_else(Response::Failure)
}

pub async fn start(
    state: &Arc<State>,
    id: &str,
    set: Vec<String>,
    output: Option<String>,
) -> Response {
    answer(
        async {
            let (name, handle) = live(state, id, "start a webcam").await?;
            let cam = crate::webcam::start(state, &handle, &name, &set, output.as_deref()).await?;
            Ok(Response::Webcam(Box::new(cam.status())))
        }
        .await,
    )
}

pub async fn stop(state: &Arc<State>, id: &str) -> Response {
    answer(
        async {
            let (_, handle) = live(state, id, "stop a webcam").await?;
            let status = crate::webcam::stop(&handle).ok_or_else(|| no_webcam(&handle))?;
            Ok(Response::Webcam(Box::new(status)))
        }
        .await,
    )
}

pub async fn status(state: &Arc<State>, id: &str, set: Vec<String>) -> Response {
    answer(
        async {
            let (_, handle) = live(state, id, "show a webcam").await?;
            let cam = cam(&handle)?;
            cam.configure(&set)?;
            Ok(Response::Webcam(Box::new(cam.status())))
        }
        .await,
    )
}

pub async fn snapshot(state: &Arc<State>, id: &str) -> Response {
    answer(
        async {
            let (_, handle) = live(state, id, "take a webcam snapshot").await?;
            let png = cam(&handle)?.snapshot().await?;
            Ok(Response::Image {
                png_base64: base64::engine::general_purpose::STANDARD.encode(png),
            })
        }
        .await,
    )
}
