//! `orch bot config ID [--set key=value...]`: a bot's effective settings, and live
//! changes of those that can change while it runs (preset, leave rules, pausing
//! transcription). Every change is checked before any is applied; applied ones are
//! stored with the bot and noted in its log and events.

use std::sync::Arc;

use orch::bots::settings::{self, Change, Settings};
use orch::protocol::{Failure, FailureKind, Response};

use crate::state::State;
use crate::supervisor::{self, BotHandle};

pub async fn config(state: &Arc<State>, id: &str, set: Vec<String>) -> Response {
    let row = match supervisor::find(state, id).await {
        Ok(r) => r,
        Err(f) => return Response::Failure(f),
    };
    let handle = state.supervisor.get(&row.id);
    let mut changed = Vec::new();
    if !set.is_empty() {
        let Some(handle) = &handle else {
            return invalid(format!(
                "bot {} has ended ({}): only a running bot's settings change",
                row.id,
                row.state.name()
            ));
        };
        match apply(state, handle, &set).await {
            Ok(keys) => changed = keys,
            Err(f) => return Response::Failure(f),
        }
    }
    // Read back what is in force now.
    let row = match supervisor::find(state, &row.id).await {
        Ok(r) => r,
        Err(f) => return Response::Failure(f),
    };
    let (bots, all_bots) = {
        let c = &state.config.read().expect("config lock").config;
        (c.bots.clone(), c.transcription.all_bots)
    };
    let (max_duration_s, silence_timeout_s) = match &handle {
        Some(h) => h.shared.leave_rules(),
        None => (
            row.spec.max_duration_s.unwrap_or(bots.max_duration_s),
            row.spec.silence_timeout_s.unwrap_or(bots.silence_timeout_s),
        ),
    };
    let state_now = handle
        .as_ref()
        .and_then(|h| h.state.lock().ok().map(|s| s.0))
        .unwrap_or(row.state);
    let spec = &row.spec;
    Response::BotConfig(Box::new(Settings {
        id: row.id.clone(),
        name: row.name.clone(),
        kind: spec.kind.name().to_string(),
        source: spec.source_label(),
        state: state_now.name().to_string(),
        preset: handle
            .as_ref()
            .and_then(|h| h.preset.lock().ok().map(|p| p.clone()))
            .unwrap_or(row.preset.clone()),
        language: spec.language.clone(),
        transcribe: spec.transcribe || all_bots,
        transcribe_paused: handle.as_ref().is_some_and(|h| {
            h.shared
                .transcribe_paused
                .load(std::sync::atomic::Ordering::Relaxed)
        }),
        target_languages: spec.target_languages.clone(),
        glossary: spec.glossary.as_ref().map(|g| g.display().to_string()),
        max_duration_s,
        silence_timeout_s,
        speed: spec.speed,
        looped: spec.looped,
        dedup_key: spec.dedup_key.clone(),
        webcam: handle
            .as_ref()
            .and_then(|h| h.webcam.lock().ok().and_then(|w| w.clone()))
            .map(|w| w.settings()),
        webcam_output: handle
            .as_ref()
            .and_then(|h| h.webcam.lock().ok().and_then(|w| w.clone()))
            .and_then(|w| w.output()),
        live_keys: if state_now.is_live() {
            settings::LIVE_KEYS.iter().map(|k| k.to_string()).collect()
        } else {
            Vec::new()
        },
        changed,
    }))
}

fn invalid(message: String) -> Response {
    Response::Failure(Failure::new(FailureKind::Invalid, message))
}

/// Check every change, then apply them all; returns the keys changed.
async fn apply(
    state: &Arc<State>,
    handle: &Arc<BotHandle>,
    set: &[String],
) -> Result<Vec<String>, Failure> {
    let bad = |m: String| Failure::new(FailureKind::Invalid, m);
    let changes = settings::parse(set).map_err(crate::state::failure)?;
    // Checks that need the daemon: the preset exists, transcription was set up.
    let mut chain = None;
    let mut changed_preset = None;
    for c in &changes {
        match c {
            Change::Preset(name) => {
                chain = Some((name.clone(), supervisor::resolve_preset(state, name).await?));
            }
            Change::Transcribe(true)
                if handle.shared.transcriber.lock().is_ok_and(|t| t.is_none())
                    && handle.shared.blocks.lock().is_ok_and(|b| b.is_none()) =>
            {
                return Err(bad(format!(
                    "bot {}'s source is not open yet: turn transcription on once it runs",
                    handle.id
                )));
            }
            Change::TargetLanguages(_)
                if !changes.contains(&Change::Transcribe(true))
                    && handle
                        .shared
                        .translation_control
                        .lock()
                        .is_ok_and(|t| t.is_none()) =>
            {
                return Err(bad(format!(
                    "bot {} does not transcribe, or its translation engine could not start \
                     (see orch bot logs): its target languages cannot change",
                    handle.id
                )));
            }
            Change::WebcamSettings(pairs) => {
                let starting = changes.contains(&Change::Webcam(true));
                let cam = handle.webcam.lock().expect("webcam lock").clone();
                match cam {
                    Some(cam) if !starting => cam.check(pairs)?,
                    None if starting => {
                        crate::webcam::settings_for(state, pairs)?;
                    }
                    _ => {
                        return Err(bad(format!(
                            "bot {} has no webcam: set webcam=on (with these) or orch webcam start",
                            handle.id
                        )));
                    }
                }
            }
            Change::Webcam(on) => {
                let has = handle.webcam.lock().expect("webcam lock").is_some();
                if *on == has {
                    return Err(bad(format!(
                        "bot {}'s webcam is already {}",
                        handle.id,
                        if has { "on" } else { "off" }
                    )));
                }
            }
            _ => {}
        }
    }
    // The chain first: the bot may refuse it, and then nothing else changes either.
    if let Some((name, chain)) = chain.take() {
        supervisor::change_chain(handle, &name, chain).await?;
        changed_preset = Some(name);
    }
    let (mut max_d, mut silence) = handle.shared.leave_rules();
    // The stored spec: earlier `--set`s are in it, not in the spawn-time copy.
    let row = supervisor::find(state, &handle.id).await?;
    let mut spec = row.spec;
    let mut notes = Vec::new();
    // Transcription starts first: target languages given with it need its workers.
    let mut ordered = changes.clone();
    ordered.sort_by_key(|c| !matches!(c, Change::Transcribe(true)));
    for c in &ordered {
        match c {
            Change::Preset(_) => {}
            Change::MaxDuration(v) => {
                notes.push(format!("max_duration_s {max_d} -> {v}"));
                max_d = *v;
                spec.max_duration_s = Some(*v);
            }
            Change::SilenceTimeout(v) => {
                notes.push(format!("silence_timeout_s {silence} -> {v}"));
                silence = *v;
                spec.silence_timeout_s = Some(*v);
            }
            Change::TargetLanguages(langs) => {
                let control = handle
                    .shared
                    .translation_control
                    .lock()
                    .ok()
                    .and_then(|c| c.clone());
                if let Some(c) = control {
                    let mut live = c.lock().unwrap_or_else(|p| p.into_inner());
                    live.set_targets(langs).map_err(|e| {
                        Failure::new(FailureKind::Internal, format!("cannot start a thread: {e}"))
                    })?;
                }
                let names: Vec<String> = langs.iter().map(|l| l.to_string()).collect();
                notes.push(format!(
                    "target_languages [{}] -> [{}]",
                    spec.target_languages.join(", "),
                    names.join(", ")
                ));
                spec.target_languages = names;
            }
            Change::Webcam(false) => {
                crate::webcam::stop(handle);
                spec.webcam = None;
                notes.push("webcam off".into());
            }
            Change::Webcam(true) => {
                let mut w = spec.webcam.clone().unwrap_or_default();
                if let Some(Change::WebcamSettings(pairs)) = changes
                    .iter()
                    .find(|c| matches!(c, Change::WebcamSettings(_)))
                {
                    w.set.extend(pairs.iter().cloned());
                }
                crate::webcam::start(state, handle, &row.name, &w.set, w.output.as_deref()).await?;
                spec.webcam = Some(w);
                notes.push("webcam on".into());
            }
            Change::WebcamSettings(pairs) => {
                if changes.contains(&Change::Webcam(true)) {
                    continue;
                }
                if let Some(cam) = handle.webcam.lock().expect("webcam lock").clone() {
                    cam.configure(pairs)?;
                }
                spec.webcam
                    .get_or_insert_with(Default::default)
                    .set
                    .extend(pairs.iter().cloned());
                notes.push(format!("webcam {}", pairs.join(" ")));
            }
            Change::Transcribe(true)
                if handle.shared.transcriber.lock().is_ok_and(|t| t.is_none()) =>
            {
                supervisor::runner::start_live_transcription(state, handle)?;
                handle
                    .shared
                    .transcribe_paused
                    .store(false, std::sync::atomic::Ordering::Relaxed);
                spec.transcribe = true;
                notes.push("transcription started".into());
            }
            Change::Transcribe(on) => {
                handle
                    .shared
                    .transcribe_paused
                    .store(!on, std::sync::atomic::Ordering::Relaxed);
                notes.push(format!(
                    "transcription {}",
                    if *on { "resumed" } else { "paused" }
                ));
            }
        }
    }
    handle.shared.set_leave_rules(max_d, silence);
    if let Some(name) = changed_preset {
        notes.push(format!("preset {name}"));
    }
    for n in &notes {
        handle.shared.log(&format!("config: {n}"));
    }
    let keys: Vec<String> = changes.iter().map(|c| c.key().to_string()).collect();
    let (bid, now) = (handle.id.clone(), orch::protocol::now_unix());
    let preset = changes.iter().find_map(|c| match c {
        Change::Preset(p) => Some(p.clone()),
        _ => None,
    });
    let data = serde_json::json!({ "changed": keys, "notes": notes });
    state
        .with_db(move |db| {
            db.set_bot_spec(&bid, &spec, now)?;
            if let Some(p) = &preset {
                db.set_bot_preset(&bid, p, now)?;
            }
            db.add_bot_event(
                &bid,
                None,
                "info",
                "info",
                Some("config_changed"),
                &data,
                now,
            )
        })
        .await?;
    Ok(keys)
}
