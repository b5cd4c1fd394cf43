//! `orch speakers list|map`: who speaks in a session. Lines carry a speaker label (the
//! engine's diarization label, a meeting participant, or `Speaker 1`); `map` gives a
//! label a name, which every line of that label then shows, before and after.

use clap::{Args, Subcommand};
use orch::Result;
use orch::protocol::{Request, Response};
use orch::records::SpeakerRow;

use super::Ctx;
use crate::connect::{ask, block_on, connect, reply};
use crate::output::{printable, table};

/// `orch speakers ...`
#[derive(Debug, Subcommand)]
pub enum SpeakersCommand {
    /// The speakers of a session (of a bot: its newest session).
    List(ListArgs),
    /// Give a session's speaker label a name.
    Map(MapArgs),
}

/// Arguments of `orch speakers list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// A session id, or a bot (id, unique prefix or name) for its newest session.
    #[arg(value_name = "BOT|SESSION")]
    pub target: String,
}

/// Arguments of `orch speakers map`.
#[derive(Debug, Args)]
pub struct MapArgs {
    /// A session id, or a bot (id, unique prefix or name) for its newest session.
    #[arg(value_name = "BOT|SESSION")]
    pub target: String,
    /// The label the lines carry (`Speaker 1`, `SPEAKER_00`...).
    pub label: String,
    /// The name to show for it.
    pub name: String,
}

/// Run `orch speakers`.
pub fn run(ctx: &Ctx, cmd: SpeakersCommand) -> Result<()> {
    let req = match cmd {
        SpeakersCommand::List(a) => Request::SpeakersList { target: a.target },
        SpeakersCommand::Map(a) => Request::SpeakersMap {
            target: a.target,
            label: a.label,
            name: a.name,
        },
    };
    let (session, speakers): (String, Vec<SpeakerRow>) = block_on(async {
        let mut c = connect(ctx).await?;
        ask(
            &mut c,
            req,
            reply!(Response::Speakers { session_id, speakers } => (session_id, speakers)),
        )
        .await
    })?;
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({ "session_id": session, "speakers": speakers }));
        return Ok(());
    }
    if speakers.is_empty() {
        ctx.out.note(format!("session {session}: no speakers yet"));
        return Ok(());
    }
    let mut t = table(&["LABEL", "NAME", "LINES", "MAPPED"]);
    for s in &speakers {
        t.add_row(vec![
            printable(&s.label),
            printable(&s.name),
            s.lines.to_string(),
            if s.mapped { "yes" } else { "no" }.to_string(),
        ]);
    }
    ctx.out.text(t.to_string());
    Ok(())
}
