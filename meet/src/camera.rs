//! The bot's camera in the meeting: the frames of its virtual webcam (the captions),
//! taken from orchd whenever the webcam draws a new one, painted on the canvas the page's
//! getUserMedia returns (capture.js). The webcam only draws when its captions change, so
//! this costs nothing between captions.

use std::path::PathBuf;
use std::time::Duration;

use orch::protocol::{Client, Request, Response};
use serde_json::json;

use crate::cdp::Cdp;

/// How often the webcam's draw count is read.
const POLL: Duration = Duration::from_millis(200);

/// Whether bot `bot_id` has a webcam right now.
pub async fn has_webcam(socket: &std::path::Path, bot_id: &str) -> bool {
    let Ok(mut client) = Client::connect(socket).await else {
        return false;
    };
    matches!(
        client
            .call(Request::WebcamStatus {
                id: bot_id.to_string(),
                set: Vec::new(),
            })
            .await,
        Ok(Response::Webcam(_))
    )
}

/// Paint each new webcam frame on the page's camera canvas, until the page or orchd
/// goes away.
pub async fn run(socket: PathBuf, bot_id: String, cdp: Cdp, session: String) {
    let Ok(mut client) = Client::connect(&socket).await else {
        return;
    };
    let mut last_draws = None;
    loop {
        tokio::time::sleep(POLL).await;
        let status = client
            .call(Request::WebcamStatus {
                id: bot_id.clone(),
                set: Vec::new(),
            })
            .await;
        let draws = match status {
            Ok(Response::Webcam(s)) => s.renders,
            // No webcam (stopped, or not started yet): look again later.
            Ok(_) => {
                last_draws = None;
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            Err(_) => return,
        };
        if last_draws == Some(draws) {
            continue;
        }
        let png = match client
            .call(Request::WebcamSnapshot { id: bot_id.clone() })
            .await
        {
            Ok(Response::Image { png_base64 }) => png_base64,
            Ok(_) => continue,
            Err(_) => return,
        };
        let drawn = cdp
            .call(
                "Runtime.evaluate",
                json!({
                    "expression": format!("window.__orch.drawCamera({png:?})"),
                    "awaitPromise": true,
                }),
                Some(&session),
            )
            .await;
        match drawn {
            Ok(_) => last_draws = Some(draws),
            Err(_) => return,
        }
    }
}
