//! `orch preset ...`: built-in and user presets. The rules live in `orch::presets`;
//! each handler runs one of its functions on the database in a blocking task.

use std::sync::Arc;

use orch::presets::{self, Edit, Preset};
use orch::protocol::Response;

use super::respond;
use crate::state::State;

/// Every preset, built-ins first.
pub async fn list(state: &Arc<State>) -> Response {
    respond(state.with_db(presets::list).await, |presets| {
        Response::Presets { presets }
    })
}

/// One preset.
pub async fn get(state: &Arc<State>, name: String) -> Response {
    respond(
        state.with_db(move |db| presets::resolve(db, &name)).await,
        Response::Preset,
    )
}

/// Derive and store a new user preset.
pub async fn create(state: &Arc<State>, name: String, from: String, edit: Edit) -> Response {
    respond(
        state
            .with_db(move |db| presets::create(db, &name, &from, &edit))
            .await,
        Response::Preset,
    )
}

/// Change a user preset.
pub async fn update(state: &Arc<State>, name: String, edit: Edit) -> Response {
    respond(
        state
            .with_db(move |db| presets::update(db, &name, &edit))
            .await,
        Response::Preset,
    )
}

/// Rename a user preset.
pub async fn rename(state: &Arc<State>, from: String, to: String) -> Response {
    respond(
        state
            .with_db(move |db| presets::rename(db, &from, &to))
            .await,
        Response::Preset,
    )
}

/// Delete a user preset.
pub async fn delete(state: &Arc<State>, name: String) -> Response {
    let message = format!("deleted preset `{name}`");
    respond(
        state.with_db(move |db| presets::delete(db, &name)).await,
        |()| Response::Ok { message },
    )
}

/// Store an imported preset.
pub async fn import(state: &Arc<State>, preset: Preset, replace: bool) -> Response {
    respond(
        state
            .with_db(move |db| {
                let replaced = presets::import(db, &preset, replace)?;
                Ok((presets::resolve(db, &preset.name)?, replaced))
            })
            .await,
        |(preset, replaced)| Response::PresetImported { preset, replaced },
    )
}
