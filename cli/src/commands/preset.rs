//! `orch preset ...`: list, show, create, update, rename, delete, export, import, diff
//! and compare presets.
//!
//! Built-ins resolve in-process, so `list`, `show`, `export`, `diff` and `compare` work
//! without a daemon for them; user presets live in orchd's database and are reached
//! through the daemon (autostarted unless `--no-autostart`). [`resolve_preset`] is the
//! one resolver every command uses (`orch process --preset` included).

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use orch::presets::compare::{Comparison, Metrics, compare_file};
use orch::presets::diff::{Change, Difference, changed_from_default, diff};
use orch::presets::file::{from_file_str, to_file_string};
use orch::presets::{self, Edit, Preset};
use orch::protocol::{Request, Response};
use orch::{Error, Result};
use serde::Serialize;

use super::Ctx;
use crate::connect::{reply, request};
use crate::output::{key_values, table};

/// Subcommands of `orch preset`.
#[derive(Debug, Subcommand)]
pub enum PresetCommand {
    /// List every preset: name, category, built-in or user, stages enabled, description.
    ///
    /// Built-ins are always listed; user presets come from orchd (when it cannot be
    /// reached, a warning says they are missing). `--json` prints
    /// `{"presets": [{name, category, description, builtin, stages}], "user_presets": bool}`.
    List(ListArgs),
    /// Show one preset: a summary and each stage's switch, gains and changed parameters.
    ///
    /// `--json` prints the whole preset (name, description, category, builtin, chain);
    /// `--toml` prints the preset file `orch preset export` writes.
    Show(ShowArgs),
    /// Create a user preset from another preset, changing parameters with --set.
    ///
    /// Example: `orch preset create loud-voice --from voice --set compression.ratio=4
    /// --set agc.max_gain_db=18`. Every value is checked against the stage's range.
    Create(CreateArgs),
    /// Change a user preset's parameters, description or category (built-ins are
    /// read-only).
    Update(UpdateArgs),
    /// Rename a user preset.
    Rename(RenameArgs),
    /// Delete a user preset.
    Delete(DeleteArgs),
    /// Write a preset as a versioned TOML file (stdout by default).
    ///
    /// The format (`format_version = 1`, a `[preset]` table, then the `[[stage]]`
    /// tables of the chain) is documented in docs/presets.md.
    Export(ExportArgs),
    /// Store a preset file as a user preset.
    ///
    /// The file is checked whole first: a malformed or invalid file is refused with its
    /// file name, line and key, and nothing is written. A preset that already exists is
    /// only overwritten with --replace.
    Import(ImportArgs),
    /// Show the parameters that differ between two presets.
    ///
    /// Stages added or removed, a changed order, and per stage the switch, gains and
    /// every differing parameter. `--json` prints `{"a", "b", "identical",
    /// "differences": [{stage, param, change, a, b}]}`.
    Diff(DiffArgs),
    /// Run an audio file through several presets and compare the results side by side.
    ///
    /// Runs in-process. For the input and each preset's output: integrated loudness,
    /// true peak, loudness range, SNR estimate, spectral centroid, speech ratio, and the
    /// chain's processing time and latency. --write-dir keeps the processed files
    /// (32-bit float WAV) for listening. `--json` keys: docs/presets.md.
    Compare(CompareArgs),
    /// Switch a running bot to this preset, without a click or gap.
    ///
    /// Parameter changes are applied in place; a different set or order of stages is
    /// rebuilt and crossfaded. `orch bot status` shows the bot's current preset.
    Apply(ApplyArgs),
}

/// Arguments of `orch preset apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// Preset name (built-in or user).
    pub name: String,
    /// The running bot (id, unique prefix or name).
    #[arg(long, value_name = "ID")]
    pub bot: String,
}

/// Arguments of `orch preset list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only presets of this category (voice, music, broadcast, real_time, general, ...).
    #[arg(long, value_name = "CATEGORY")]
    pub category: Option<String>,
}

/// Arguments of `orch preset show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Preset name.
    pub name: String,
    /// Print the preset file (as `orch preset export` writes it; wins over --json).
    #[arg(long)]
    pub toml: bool,
}

/// Arguments of `orch preset create`.
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Name of the new preset: 1 to 64 of a-z, 0-9, `_`, `-`.
    pub name: String,
    /// The preset to start from (built-in or user).
    #[arg(long, value_name = "BASE")]
    pub from: String,
    /// One-line description [default: "Derived from `BASE`"].
    #[arg(long, short, value_name = "TEXT")]
    pub description: Option<String>,
    /// Category [default: the base's].
    #[arg(long, short, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// Change a parameter: stage.param=value (repeatable). Also `stage.enabled`,
    /// `stage.gain_in_db`, `stage.gain_out_db`, and list entries such as
    /// `equalizer.bands[0].gain_db`.
    #[arg(long = "set", value_name = "STAGE.PARAM=VALUE")]
    pub set: Vec<String>,
}

/// Arguments of `orch preset update`.
#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The user preset to change.
    pub name: String,
    /// New one-line description.
    #[arg(long, short, value_name = "TEXT")]
    pub description: Option<String>,
    /// New category.
    #[arg(long, short, value_name = "CATEGORY")]
    pub category: Option<String>,
    /// Change a parameter: stage.param=value (repeatable).
    #[arg(long = "set", value_name = "STAGE.PARAM=VALUE")]
    pub set: Vec<String>,
}

/// Arguments of `orch preset rename`.
#[derive(Debug, Args)]
pub struct RenameArgs {
    /// Current name.
    pub old: String,
    /// New name.
    pub new: String,
}

/// Arguments of `orch preset delete`.
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The user preset to delete.
    pub name: String,
}

/// Arguments of `orch preset export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Preset name (built-in or user).
    pub name: String,
    /// Write to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `orch preset import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Preset file (`-` reads stdin).
    pub file: PathBuf,
    /// Overwrite a user preset of the same name.
    #[arg(long)]
    pub replace: bool,
    /// Store under this name instead of the file's.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Arguments of `orch preset diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// First preset.
    pub a: String,
    /// Second preset.
    pub b: String,
}

/// Arguments of `orch preset compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Presets to compare (one or more).
    #[arg(required = true, value_name = "PRESET")]
    pub presets: Vec<String>,
    /// The audio file (WAV, FLAC, MP3, Ogg Vorbis, AAC/M4A).
    #[arg(long, short, value_name = "FILE")]
    pub file: PathBuf,
    /// Keep each processed file as DIR/<file stem>.<preset>.wav.
    #[arg(long, value_name = "DIR")]
    pub write_dir: Option<PathBuf>,
}

/// Run `orch preset ...`.
pub fn run(ctx: &Ctx, cmd: PresetCommand) -> Result<()> {
    match cmd {
        PresetCommand::List(a) => list(ctx, a),
        PresetCommand::Show(a) => show(ctx, a),
        PresetCommand::Create(a) => create(ctx, a),
        PresetCommand::Update(a) => update(ctx, a),
        PresetCommand::Rename(a) => rename(ctx, a),
        PresetCommand::Delete(a) => delete(ctx, a),
        PresetCommand::Export(a) => export(ctx, a),
        PresetCommand::Import(a) => import(ctx, a),
        PresetCommand::Diff(a) => diff_cmd(ctx, a),
        PresetCommand::Compare(a) => compare(ctx, a),
        PresetCommand::Apply(a) => apply(ctx, a),
    }
}

fn apply(ctx: &Ctx, a: ApplyArgs) -> Result<()> {
    presets::validate_name(&a.name)?;
    let req = Request::BotApplyPreset {
        id: a.bot,
        preset: a.name.clone(),
    };
    let bot = request(ctx, req, reply!(Response::Bot(b) => *b))?;
    if ctx.out.json {
        ctx.out.json(&bot);
    } else {
        ctx.out
            .text(format!("bot {} now runs preset {}", bot.id, bot.preset));
    }
    Ok(())
}

/// The preset `name`: a built-in in-process, else a user preset from orchd.
pub fn resolve_preset(ctx: &Ctx, name: &str) -> Result<Preset> {
    presets::validate_name(name)?;
    if let Some(p) = presets::builtin(name) {
        return Ok(p);
    }
    let req = Request::PresetGet {
        name: name.to_string(),
    };
    match request(ctx, req, reply!(Response::Preset(p) => p)) {
        Err(Error::Unreachable(why)) => Err(Error::Unreachable(format!(
            "preset `{name}` is not a built-in, and user presets need orchd: {why}"
        ))),
        other => other,
    }
}

/// The chain of preset `name`, or of the configured `dsp.default_preset` when `None`.
/// Returns the preset's name with it.
pub fn resolve_chain(
    ctx: &Ctx,
    name: Option<&str>,
) -> Result<(String, orch::dsp::chain::ChainConfig)> {
    let name = match name {
        Some(n) => n.to_string(),
        None => crate::connect::config(ctx)?.config.dsp.default_preset,
    };
    let p = resolve_preset(ctx, &name)?;
    Ok((p.name, p.chain))
}

/// One row of `orch preset list --json`.
#[derive(Debug, Serialize)]
struct ListItem<'a> {
    name: &'a str,
    category: &'a str,
    description: &'a str,
    builtin: bool,
    stages: Vec<orch::dsp::StageKind>,
}

fn list(ctx: &Ctx, args: ListArgs) -> Result<()> {
    let listed = request(
        ctx,
        Request::PresetList,
        reply!(Response::Presets { presets } => presets),
    );
    let (all, user_presets) = match listed {
        Ok(presets) => (presets, true),
        Err(Error::Unreachable(why)) => {
            ctx.out.warn(format!(
                "user presets not shown: orchd is not reachable ({why})"
            ));
            (presets::builtins(), false)
        }
        Err(e) => return Err(e),
    };
    let shown: Vec<&Preset> = all
        .iter()
        .filter(|p| args.category.as_ref().is_none_or(|c| &p.category == c))
        .collect();
    if ctx.out.json {
        let items: Vec<ListItem> = shown
            .iter()
            .map(|p| ListItem {
                name: &p.name,
                category: &p.category,
                description: &p.description,
                builtin: p.builtin,
                stages: p.enabled_stages(),
            })
            .collect();
        ctx.out.json(&serde_json::json!({
            "presets": items,
            "user_presets": user_presets,
        }));
        return Ok(());
    }
    if ctx.out.quiet {
        for p in shown {
            ctx.out.data(&p.name);
        }
        return Ok(());
    }
    let mut t = table(&["name", "category", "source", "stages", "description"]);
    for p in shown {
        t.add_row(vec![
            p.name.clone(),
            p.category.clone(),
            source(p).to_string(),
            format!("{}/{}", p.enabled_stages().len(), p.chain.stages.len()),
            p.description.clone(),
        ]);
    }
    ctx.out.text(t.to_string());
    Ok(())
}

fn source(p: &Preset) -> &'static str {
    if p.builtin { "built-in" } else { "user" }
}

fn fmt_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn show(ctx: &Ctx, args: ShowArgs) -> Result<()> {
    let p = resolve_preset(ctx, &args.name)?;
    if args.toml {
        print!("{}", to_file_string(&p));
        return Ok(());
    }
    if ctx.out.json {
        ctx.out.json(&p);
        return Ok(());
    }
    let enabled: Vec<&str> = p.enabled_stages().iter().map(|k| k.name()).collect();
    ctx.out.text(key_values(&[
        ("name", p.name.clone()),
        ("category", p.category.clone()),
        ("source", source(&p).to_string()),
        ("description", p.description.clone()),
        (
            "stages",
            if enabled.is_empty() {
                "none (pass-through)".to_string()
            } else {
                enabled.join(" > ")
            },
        ),
    ]));
    ctx.out.text("");
    let mut t = table(&[
        "#",
        "stage",
        "on",
        "in dB",
        "out dB",
        "changed from defaults",
    ]);
    for (i, s) in p.chain.stages.iter().enumerate() {
        let all = changed_from_default(s);
        let mut changed: Vec<String> = all
            .iter()
            .filter(|(k, _)| !k.starts_with("bands"))
            .map(|(k, v)| format!("{k}={}", fmt_value(v)))
            .collect();
        if all.iter().any(|(k, _)| k.starts_with("bands"))
            && let orch::dsp::chain::StageParams::Equalizer(eq) = &s.params
        {
            changed.push(format!("bands: {}", eq_bands(&eq.bands)));
        }
        t.add_row(vec![
            (i + 1).to_string(),
            s.kind().name().to_string(),
            if s.enabled { "yes" } else { "no" }.to_string(),
            format!("{}", s.gain_in_db),
            format!("{}", s.gain_out_db),
            if changed.is_empty() {
                "-".to_string()
            } else {
                changed.join(", ")
            },
        ]);
    }
    ctx.out.text(t.to_string());
    Ok(())
}

/// Enabled EQ bands in one line: `low_shelf 80 Hz -2 dB, peaking 2000 Hz +2 dB 1.17 oct`.
fn eq_bands(bands: &[orch::dsp::stages::equalizer::EqBand]) -> String {
    let on: Vec<String> = bands
        .iter()
        .filter(|b| b.enabled)
        .map(|b| {
            let kind = serde_json::to_value(b.filter_type)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let mut s = format!("{kind} {} Hz {:+} dB", b.frequency_hz, b.gain_db);
            if b.bandwidth_octaves != 1.0 {
                s.push_str(&format!(" {} oct", b.bandwidth_octaves));
            }
            s
        })
        .collect();
    if on.is_empty() {
        "none enabled".to_string()
    } else {
        on.join(", ")
    }
}

fn print_preset(ctx: &Ctx, p: &Preset, message: String) {
    if ctx.out.json {
        ctx.out.json(p);
    } else {
        ctx.out.text(message);
    }
}

fn create(ctx: &Ctx, args: CreateArgs) -> Result<()> {
    let sets = args.set.len();
    let req = Request::PresetCreate {
        name: args.name,
        from: args.from.clone(),
        edit: Edit {
            description: args.description,
            category: args.category,
            set: args.set,
        },
    };
    let p = request(ctx, req, reply!(Response::Preset(p) => p))?;
    let msg = format!(
        "created preset `{}` from `{}` ({sets} parameter{} changed)",
        p.name,
        args.from,
        if sets == 1 { "" } else { "s" }
    );
    print_preset(ctx, &p, msg);
    Ok(())
}

fn update(ctx: &Ctx, args: UpdateArgs) -> Result<()> {
    if args.set.is_empty() && args.description.is_none() && args.category.is_none() {
        return Err(Error::Invalid(
            "nothing to update: give --set, --description or --category".into(),
        ));
    }
    let req = Request::PresetUpdate {
        name: args.name,
        edit: Edit {
            description: args.description,
            category: args.category,
            set: args.set,
        },
    };
    let p = request(ctx, req, reply!(Response::Preset(p) => p))?;
    let msg = format!("updated preset `{}`", p.name);
    print_preset(ctx, &p, msg);
    Ok(())
}

fn rename(ctx: &Ctx, args: RenameArgs) -> Result<()> {
    let req = Request::PresetRename {
        from: args.old.clone(),
        to: args.new,
    };
    let p = request(ctx, req, reply!(Response::Preset(p) => p))?;
    let msg = format!("renamed preset `{}` to `{}`", args.old, p.name);
    print_preset(ctx, &p, msg);
    Ok(())
}

fn delete(ctx: &Ctx, args: DeleteArgs) -> Result<()> {
    let req = Request::PresetDelete {
        name: args.name.clone(),
    };
    let message = request(ctx, req, reply!(Response::Ok { message } => message))?;
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({"deleted": args.name, "message": message}));
    } else {
        ctx.out.text(message);
    }
    Ok(())
}

fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let p = resolve_preset(ctx, &args.name)?;
    let text = to_file_string(&p);
    match &args.output {
        None => print!("{text}"),
        Some(path) => {
            std::fs::write(path, &text)
                .map_err(|e| Error::io("cannot write preset file", path, e))?;
            if ctx.out.json {
                ctx.out
                    .json(&serde_json::json!({"exported": p.name, "file": path}));
            } else {
                ctx.out.note(format!(
                    "exported preset `{}` to {}",
                    p.name,
                    path.display()
                ));
            }
        }
    }
    Ok(())
}

fn read_preset_file(path: &Path) -> Result<Preset> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::io("cannot read preset file", "<stdin>", e))?;
        return from_file_str(&text, "<stdin>");
    }
    let text = orch::text_file::read(path).map_err(|e| e.into_error("preset file", path))?;
    from_file_str(&text, &path.display().to_string())
}

fn import(ctx: &Ctx, args: ImportArgs) -> Result<()> {
    let mut preset = read_preset_file(&args.file)?;
    if let Some(name) = args.name {
        presets::validate_name(&name)?;
        preset.name = name;
    }
    let req = Request::PresetImport {
        preset,
        replace: args.replace,
    };
    let (preset, replaced) = request(
        ctx,
        req,
        reply!(Response::PresetImported { preset, replaced } => (preset, replaced)),
    )?;
    if ctx.out.json {
        ctx.out
            .json(&serde_json::json!({"preset": preset, "replaced": replaced}));
    } else {
        ctx.out.text(format!(
            "imported preset `{}`{}",
            preset.name,
            if replaced {
                " (replaced the stored one)"
            } else {
                ""
            }
        ));
    }
    Ok(())
}

/// `orch preset diff --json`.
#[derive(Debug, Serialize)]
struct DiffOutput<'a> {
    a: &'a str,
    b: &'a str,
    identical: bool,
    differences: &'a [Difference],
}

fn diff_cmd(ctx: &Ctx, args: DiffArgs) -> Result<()> {
    let a = resolve_preset(ctx, &args.a)?;
    let b = resolve_preset(ctx, &args.b)?;
    let d = diff(&a.chain, &b.chain);
    if ctx.out.json {
        ctx.out.json(&DiffOutput {
            a: &a.name,
            b: &b.name,
            identical: d.is_empty(),
            differences: &d,
        });
        return Ok(());
    }
    if d.is_empty() {
        ctx.out.text(format!(
            "presets `{}` and `{}` have identical chains",
            a.name, b.name
        ));
        return Ok(());
    }
    // Preset names head the value columns as they are spelled.
    let mut t = table(&[]);
    t.set_header(vec!["STAGE", "PARAMETER", &a.name, &b.name]);
    let show = |v: &Option<serde_json::Value>| v.as_ref().map_or("-".to_string(), fmt_value);
    for x in &d {
        let param = match x.change {
            Change::Added => "(added)".to_string(),
            Change::Removed => "(removed)".to_string(),
            Change::Reordered => "(order)".to_string(),
            Change::Changed => x.param.clone(),
        };
        t.add_row(vec![x.stage.clone(), param, show(&x.a), show(&x.b)]);
    }
    ctx.out.text(t.to_string());
    Ok(())
}

fn compare(ctx: &Ctx, args: CompareArgs) -> Result<()> {
    let presets = args
        .presets
        .iter()
        .map(|n| resolve_preset(ctx, n))
        .collect::<Result<Vec<_>>>()?;
    let c = compare_file(&args.file, &presets, args.write_dir.as_deref())?;
    if ctx.out.json {
        ctx.out.json(&c);
    } else {
        ctx.out.text(render_comparison(&c));
        if let Some(dir) = &args.write_dir {
            ctx.out
                .note(format!("processed files kept in {}", dir.display()));
        }
    }
    Ok(())
}

fn render_comparison(c: &Comparison) -> String {
    let mut header = vec!["".to_string(), "INPUT".to_string()];
    header.extend(c.results.iter().map(|r| r.preset.clone()));
    let mut t = table(&[]);
    t.set_header(header);
    let num =
        |v: Option<f64>, digits: usize| v.map_or("-".to_string(), |x| format!("{x:.digits$}"));
    type Pick = fn(&Metrics) -> Option<f64>;
    let rows: [(&str, Pick, usize); 6] = [
        ("loudness LUFS", |m| m.integrated_lufs, 1),
        ("true peak dBTP", |m| m.true_peak_dbtp, 1),
        ("LRA LU", |m| m.lra_lu, 1),
        ("SNR dB", |m| m.snr_db, 1),
        ("centroid Hz", |m| m.centroid_hz, 0),
        ("speech ratio", |m| m.speech_ratio, 2),
    ];
    for (label, pick, digits) in rows {
        let mut row = vec![label.to_string(), num(pick(&c.input), digits)];
        row.extend(c.results.iter().map(|r| num(pick(&r.metrics), digits)));
        t.add_row(row);
    }
    let mut row = vec!["latency ms".to_string(), "-".to_string()];
    row.extend(c.results.iter().map(|r| format!("{:.1}", r.latency_ms)));
    t.add_row(row);
    let mut row = vec!["processing ms".to_string(), "-".to_string()];
    row.extend(c.results.iter().map(|r| format!("{:.1}", r.processing_ms)));
    t.add_row(row);
    let mut row = vec!["realtime x".to_string(), "-".to_string()];
    row.extend(c.results.iter().map(|r| num(r.realtime_factor, 0)));
    t.add_row(row);
    format!(
        "{}: {:.2} s, {} Hz, {} ch\n\n{t}",
        c.file, c.duration_s, c.sample_rate, c.channels
    )
}
