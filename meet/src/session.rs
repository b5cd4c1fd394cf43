//! One meeting, from opening the page to leaving it: join, wait in the lobby, stream
//! audio and participants to orchd, apply the leave rules, and say why it ended.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::signal::unix::{SignalKind, signal};

use crate::browser::Browser;
use crate::cdp::{Cdp, CdpEvent};
use crate::orchd::Link;
use crate::platform::Platform;

/// The audio the page hands over: 48 kHz mono s16le (capture.js).
const RATE: u32 = 48_000;

/// What orch-meet was asked to do.
pub struct Settings {
    pub bot_id: String,
    pub socket: PathBuf,
    pub url: String,
    pub name: String,
    pub chromium: PathBuf,
    pub platform: Box<dyn Platform>,
    pub join_timeout: Duration,
    pub lobby_timeout: Duration,
    pub alone_timeout: Duration,
    pub empty_timeout: Duration,
}

/// How a meeting ended.
#[derive(Debug)]
pub enum Outcome {
    /// It ended normally: a reason of the state machine (`meeting_ended`, `left_alone`,
    /// `nobody_joined`), or None when orch-meet was told to stop.
    Left(Option<&'static str>, String),
    /// The bot was not let in: `lobby_denied` or `lobby_timeout`.
    Refused(&'static str, String),
}

/// The page's state, as the platform script reports it.
#[derive(Debug, Deserialize)]
struct PageState {
    phase: String,
    #[serde(default)]
    participants: Vec<Participant>,
}

#[derive(Debug, Deserialize)]
struct Participant {
    id: String,
    name: String,
    #[serde(default)]
    speaking: bool,
    #[serde(default, rename = "self")]
    is_self: bool,
}

/// Join, stay until a leave rule or a signal, leave. Errors are one line (the browser
/// died or hung, the page never offered a join button, orchd went away).
pub async fn run(s: &Settings) -> Result<Outcome, String> {
    let mut link = Link::connect(&s.socket, &s.bot_id).await?;
    let (browser, mut events) = Browser::launch(&s.chromium)?;
    eprintln!("browser started (pid {})", browser.pid());
    let result = meeting(s, &browser.cdp, &mut events, &mut link).await;
    browser.close().await;
    match &result {
        Ok(Outcome::Left(Some(reason), detail)) | Ok(Outcome::Refused(reason, detail)) => {
            link.end(reason, detail).await?;
        }
        _ => {}
    }
    result
}

async fn meeting(
    s: &Settings,
    cdp: &Cdp,
    events: &mut tokio::sync::mpsc::UnboundedReceiver<CdpEvent>,
    link: &mut Link,
) -> Result<Outcome, String> {
    let started = Instant::now();
    eprintln!(
        "opening the {} meeting {}",
        s.platform.name(),
        s.url_for_log()
    );
    let page = open_page(s, cdp).await?;
    let eval = |expr: String| {
        let page = page.clone();
        async move {
            let r = cdp
                .call(
                    "Runtime.evaluate",
                    json!({ "expression": expr, "returnByValue": true, "awaitPromise": true }),
                    Some(&page),
                )
                .await?;
            if let Some(e) = r.get("exceptionDetails") {
                return Err(format!("page script failed: {e}"));
            }
            Ok::<Value, String>(r["result"]["value"].clone())
        }
    };

    // The pre-join screen.
    let deadline = started + s.join_timeout;
    loop {
        let ready =
            eval("!!(window.__orchPlatform && window.__orchPlatform.ready())".into()).await?;
        if ready == json!(true) {
            break;
        }
        if let Ok(Some(state)) = read_state(events.try_recv().ok()) {
            if state.phase == "denied" {
                return Ok(Outcome::Refused(
                    "lobby_denied",
                    "the meeting refused the bot".into(),
                ));
            }
        }
        if Instant::now() > deadline {
            return Err(format!(
                "the page showed no join button within {} s ({})",
                s.join_timeout.as_secs(),
                s.url_for_log()
            ));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let camera = crate::camera::has_webcam(&s.socket, &s.bot_id).await;
    let did = eval(format!(
        "window.__orchPlatform.join({}, {camera})",
        json!(s.name)
    ))
    .await?;
    eprintln!(
        "asked to join as {:?} after {} ms: {}",
        s.name,
        started.elapsed().as_millis(),
        did.as_str().unwrap_or("?")
    );

    let mut term = signal(SignalKind::terminate()).map_err(|e| e.to_string())?;
    let mut int = signal(SignalKind::interrupt()).map_err(|e| e.to_string())?;
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let lobby_deadline = Instant::now() + s.lobby_timeout;
    let mut joined_at: Option<Instant> = None;
    let mut people: HashMap<String, (String, bool)> = HashMap::new();
    let mut alone_since: Option<Instant> = None;
    let mut anyone_came = false;
    let mut audio = AudioCount::default();
    let mut phase = String::from("prejoin");
    loop {
        tokio::select! {
            ev = events.recv() => {
                let Some(ev) = ev else {
                    return Err("the browser exited".into());
                };
                if ev.session.as_deref().is_some_and(|sid| sid != page) {
                    continue;
                }
                match ev.method.as_str() {
                    "Runtime.bindingCalled" => {
                        let name = ev.params["name"].as_str().unwrap_or_default();
                        let payload = ev.params["payload"].as_str().unwrap_or_default();
                        if name == "__orchAudio" {
                            if joined_at.is_some() {
                                audio.chunk(payload, link).await?;
                            }
                            continue;
                        }
                        let Ok(state) = serde_json::from_str::<PageState>(payload) else {
                            continue;
                        };
                        if state.phase != phase {
                            eprintln!("page: {}", state.phase);
                            phase = state.phase.clone();
                        }
                        match state.phase.as_str() {
                            "denied" => {
                                return Ok(Outcome::Refused(
                                    "lobby_denied",
                                    "the meeting's host denied the request to join".into(),
                                ));
                            }
                            "ended" if joined_at.is_some() => {
                                return Ok(Outcome::Left(
                                    Some("meeting_ended"),
                                    "the meeting ended".into(),
                                ));
                            }
                            "in_call" => {
                                if joined_at.is_none() {
                                    link.attach(RATE, 1).await?;
                                    joined_at = Some(Instant::now());
                                    eprintln!(
                                        "joined after {} ms",
                                        started.elapsed().as_millis()
                                    );
                                    if camera {
                                        tokio::spawn(crate::camera::run(
                                            s.socket.clone(),
                                            s.bot_id.clone(),
                                            cdp.clone(),
                                            page.clone(),
                                        ));
                                    }
                                }
                                track_people(&state.participants, &mut people, link).await?;
                                if !people.is_empty() {
                                    anyone_came = true;
                                    alone_since = None;
                                } else if anyone_came && alone_since.is_none() {
                                    alone_since = Some(Instant::now());
                                }
                            }
                            _ => {}
                        }
                    }
                    "Inspector.targetCrashed" => return Err("the meeting page crashed".into()),
                    "Target.detachedFromTarget" => return Err("the meeting page closed".into()),
                    _ => {}
                }
            }
            _ = tick.tick() => {
                if link.closed() {
                    return Err("orchd closed the connection".into());
                }
                match joined_at {
                    None if Instant::now() > lobby_deadline => {
                        return Ok(Outcome::Refused(
                            "lobby_timeout",
                            format!("nobody let the bot in within {} s", s.lobby_timeout.as_secs()),
                        ));
                    }
                    None => {}
                    Some(at) => {
                        audio.report();
                        if let Some(since) = alone_since
                            && since.elapsed() >= s.alone_timeout
                        {
                            leave(&eval).await;
                            return Ok(Outcome::Left(
                                Some("left_alone"),
                                format!("everyone else left {} s ago", since.elapsed().as_secs()),
                            ));
                        }
                        if !anyone_came && at.elapsed() >= s.empty_timeout {
                            leave(&eval).await;
                            return Ok(Outcome::Left(
                                Some("nobody_joined"),
                                format!("nobody else joined within {} s", s.empty_timeout.as_secs()),
                            ));
                        }
                    }
                }
            }
            _ = term.recv() => {
                leave(&eval).await;
                return Ok(Outcome::Left(None, "terminated".into()));
            }
            _ = int.recv() => {
                leave(&eval).await;
                return Ok(Outcome::Left(None, "interrupted".into()));
            }
        }
    }
}

impl Settings {
    /// The meeting's address without its query (which may carry a password).
    fn url_for_log(&self) -> &str {
        self.url.split(['?', '#']).next().unwrap_or_default()
    }
}

/// A new tab with orch's bindings and scripts, navigated to the meeting.
async fn open_page(s: &Settings, cdp: &Cdp) -> Result<String, String> {
    // The tab the browser opened with: a second tab would cost a second renderer.
    let targets = cdp.call("Target.getTargets", json!({}), None).await?;
    let existing = targets["targetInfos"].as_array().and_then(|t| {
        t.iter()
            .find(|t| t["type"] == "page")
            .and_then(|t| t["targetId"].as_str())
            .map(str::to_string)
    });
    let target_id = match existing {
        Some(id) => id,
        None => cdp
            .call("Target.createTarget", json!({ "url": "about:blank" }), None)
            .await?["targetId"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    };
    let attached = cdp
        .call(
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
            None,
        )
        .await?;
    let page = attached["sessionId"]
        .as_str()
        .ok_or("the browser gave no page session")?
        .to_string();
    let p = Some(page.as_str());
    cdp.call("Page.enable", json!({}), p).await?;
    cdp.call("Runtime.enable", json!({}), p).await?;
    // Meeting pages forbid inline scripts and blob: worklets; orch's are trusted.
    cdp.call("Page.setBypassCSP", json!({ "enabled": true }), p)
        .await?;
    for name in ["__orchAudio", "__orchState"] {
        cdp.call("Runtime.addBinding", json!({ "name": name }), p)
            .await?;
    }
    let source = format!("{}\n{}", s.platform.script(), include_str!("capture.js"));
    cdp.call(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
        p,
    )
    .await?;
    let nav = cdp
        .call("Page.navigate", json!({ "url": s.url }), p)
        .await?;
    if let Some(e) = nav.get("errorText").and_then(Value::as_str) {
        return Err(format!("cannot load {}: {e}", s.url_for_log()));
    }
    Ok(page)
}

fn read_state(ev: Option<CdpEvent>) -> Result<Option<PageState>, String> {
    let Some(ev) = ev else { return Ok(None) };
    if ev.method != "Runtime.bindingCalled" || ev.params["name"] != "__orchState" {
        return Ok(None);
    }
    let payload = ev.params["payload"].as_str().unwrap_or_default();
    serde_json::from_str(payload)
        .map(Some)
        .map_err(|e| e.to_string())
}

async fn leave<F, Fut>(eval: &F)
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<Value, String>>,
{
    let _ = tokio::time::timeout(
        Duration::from_secs(3),
        eval("window.__orchPlatform && window.__orchPlatform.leave()".into()),
    )
    .await;
}

/// Report joins, leaves and who starts speaking; `people` holds the others in the call
/// (not the bot) and whether each was speaking.
async fn track_people(
    now: &[Participant],
    people: &mut HashMap<String, (String, bool)>,
    link: &mut Link,
) -> Result<(), String> {
    for p in now.iter().filter(|p| !p.is_self) {
        match people.get_mut(&p.id) {
            None => {
                link.participant("joined", &p.id, &p.name).await?;
                if p.speaking {
                    link.participant("speaking", &p.id, &p.name).await?;
                }
                people.insert(p.id.clone(), (p.name.clone(), p.speaking));
            }
            Some((name, speaking)) => {
                if p.speaking && !*speaking {
                    link.participant("speaking", &p.id, &p.name).await?;
                }
                *name = p.name.clone();
                *speaking = p.speaking;
            }
        }
    }
    let gone: Vec<String> = people
        .keys()
        .filter(|id| !now.iter().any(|p| !p.is_self && &p.id == *id))
        .cloned()
        .collect();
    for id in gone {
        if let Some((name, _)) = people.remove(&id) {
            link.participant("left", &id, &name).await?;
        }
    }
    Ok(())
}

/// Audio handed over by the page: chunks, and chunks lost on the way (a gap in the
/// page's sequence numbers, or a chunk that was not whole samples).
#[derive(Default)]
struct AudioCount {
    next_seq: Option<u64>,
    chunks: u64,
    dropped: u64,
    last_report: Option<Instant>,
}

impl AudioCount {
    async fn chunk(&mut self, payload: &str, link: &mut Link) -> Result<(), String> {
        let Some((seq, data)) = payload.split_once(':') else {
            self.dropped += 1;
            return Ok(());
        };
        let Ok(seq) = seq.parse::<u64>() else {
            self.dropped += 1;
            return Ok(());
        };
        if let Some(want) = self.next_seq
            && seq > want
        {
            self.dropped += seq - want;
        }
        self.next_seq = Some(seq + 1);
        self.chunks += 1;
        link.audio(data.to_string()).await
    }

    /// A log line every minute: audio sent and dropped.
    fn report(&mut self) {
        let now = Instant::now();
        let last = *self.last_report.get_or_insert(now);
        if now.duration_since(last) >= Duration::from_secs(60) {
            self.last_report = Some(now);
            eprintln!(
                "audio: {:.1} s sent, {} chunk(s) dropped",
                self.chunks as f64 * 0.1,
                self.dropped
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_states_parse_and_the_bot_is_told_apart() {
        let s: PageState = serde_json::from_str(
            r#"{"phase":"in_call","participants":[{"id":"a","name":"Ann","speaking":true,"self":false},{"id":"b","name":"Bot","self":true}]}"#,
        )
        .unwrap();
        assert_eq!(s.phase, "in_call");
        assert!(s.participants[0].speaking && !s.participants[0].is_self);
        assert!(s.participants[1].is_self && !s.participants[1].speaking);
    }

    #[test]
    fn urls_are_logged_without_their_query() {
        let s = Settings {
            bot_id: "b".into(),
            socket: "/s".into(),
            url: "https://meet.example/abc?pwd=secret#x".into(),
            name: "n".into(),
            chromium: "chromium".into(),
            platform: crate::platform::by_name("google-meet").unwrap(),
            join_timeout: Duration::from_secs(1),
            lobby_timeout: Duration::from_secs(1),
            alone_timeout: Duration::from_secs(1),
            empty_timeout: Duration::from_secs(1),
        };
        assert_eq!(s.url_for_log(), "https://meet.example/abc");
        assert!(crate::platform::by_name("zoom").is_err());
    }
}
