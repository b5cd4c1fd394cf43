//! Presets: complete DSP chains with a name, a description and a category.
//!
//! - [`builtin`]: the 13 read-only built-ins (always present, shipped in the binary).
//! - [`model`]: [`Preset`], name rules and `--set stage.param=value` overrides.
//! - [`file`]: the versioned TOML export/import format.
//! - [`diff`]: parameter-level differences between two chains.
//! - [`compare`]: one file run through several chains, measured side by side.
//!
//! User presets live in the daemon's database (`crate::store::presets`). The functions
//! below hold the rules every caller (daemon handlers, later the bot supervisor) shares:
//! built-ins are read-only and their names reserved, every stored preset validates,
//! and a refused change writes nothing.

pub mod builtin;
pub mod compare;
pub mod diff;
pub mod file;
pub mod model;

pub use builtin::{BUILTIN_NAMES, builtin, builtins, is_builtin};
pub use model::{
    DEFAULT_CATEGORY, Override, Preset, apply_overrides, validate_category, validate_description,
    validate_name,
};

use crate::store::Db;
use crate::{Error, Result};

/// What `create` and `update` change besides the chain's parameters.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    /// New description.
    #[serde(default)]
    pub description: Option<String>,
    /// New category.
    #[serde(default)]
    pub category: Option<String>,
    /// `stage.param=value` overrides, applied in order.
    #[serde(default)]
    pub set: Vec<String>,
}

fn read_only(name: &str) -> Error {
    Error::Invalid(format!(
        "preset `{name}` is built in and read-only; copy it with \
         `orch preset create NEW_NAME --from {name}`"
    ))
}

fn reserved(name: &str) -> Error {
    Error::Invalid(format!(
        "`{name}` is the name of a built-in preset; choose another name"
    ))
}

fn not_found(db: &Db, name: &str) -> Error {
    let users: Vec<String> = db
        .presets()
        .map(|v| v.into_iter().map(|p| p.name).collect())
        .unwrap_or_default();
    let users = if users.is_empty() {
        "none".to_string()
    } else {
        users.join(", ")
    };
    Error::Missing(format!(
        "preset `{name}` not found (built-ins: {}; user presets: {users})",
        BUILTIN_NAMES.join(", ")
    ))
}

/// The preset `name`: a built-in, else a user preset from `db`. The daemon and the bot
/// supervisor resolve names with this.
pub fn resolve(db: &Db, name: &str) -> Result<Preset> {
    validate_name(name)?;
    if let Some(p) = builtin(name) {
        return Ok(p);
    }
    db.preset(name)?.ok_or_else(|| not_found(db, name))
}

/// Every preset: the built-ins (in their fixed order), then the user presets by name.
pub fn list(db: &Db) -> Result<Vec<Preset>> {
    let mut all = builtins();
    all.extend(db.presets()?);
    Ok(all)
}

fn apply_edit(preset: &mut Preset, edit: &Edit) -> Result<()> {
    if let Some(d) = &edit.description {
        validate_description(d)?;
        preset.description = d.clone();
    }
    if let Some(c) = &edit.category {
        validate_category(c)?;
        preset.category = c.clone();
    }
    apply_overrides(&mut preset.chain, &edit.set)
}

/// Store a new user preset `name` derived from `from` (built-in or user) with `edit`
/// applied. The category defaults to the base's.
pub fn create(db: &Db, name: &str, from: &str, edit: &Edit) -> Result<Preset> {
    validate_name(name)?;
    if is_builtin(name) {
        return Err(reserved(name));
    }
    let mut p = resolve(db, from)?;
    p.name = name.to_string();
    p.builtin = false;
    if edit.description.is_none() {
        p.description = format!("Derived from `{from}`");
    }
    apply_edit(&mut p, edit)?;
    p.validate()?;
    db.put_preset(&p, false)?;
    Ok(p)
}

/// Change a user preset's description, category or parameters.
pub fn update(db: &Db, name: &str, edit: &Edit) -> Result<Preset> {
    validate_name(name)?;
    if is_builtin(name) {
        return Err(read_only(name));
    }
    let mut p = db.preset(name)?.ok_or_else(|| not_found(db, name))?;
    apply_edit(&mut p, edit)?;
    p.validate()?;
    db.put_preset(&p, true)?;
    Ok(p)
}

/// Rename a user preset.
pub fn rename(db: &Db, from: &str, to: &str) -> Result<Preset> {
    validate_name(from)?;
    validate_name(to)?;
    if is_builtin(from) {
        return Err(read_only(from));
    }
    if is_builtin(to) {
        return Err(reserved(to));
    }
    if db.preset(from)?.is_none() {
        return Err(not_found(db, from));
    }
    db.rename_preset(from, to)?;
    db.preset(to)?.ok_or_else(|| not_found(db, to))
}

/// Delete a user preset.
pub fn delete(db: &Db, name: &str) -> Result<()> {
    validate_name(name)?;
    if is_builtin(name) {
        return Err(read_only(name));
    }
    if db.delete_preset(name)? {
        Ok(())
    } else {
        Err(not_found(db, name))
    }
}

/// Store an imported preset (validated whole first: a refused import writes nothing).
/// An existing user preset of that name needs `replace`. Returns whether one was
/// replaced.
pub fn import(db: &Db, preset: &Preset, replace: bool) -> Result<bool> {
    if is_builtin(&preset.name) {
        return Err(reserved(&preset.name));
    }
    let mut p = preset.clone();
    p.builtin = false;
    p.validate()?;
    db.put_preset(&p, replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("orch.db")).unwrap();
        (dir, db)
    }

    fn edit(sets: &[&str]) -> Edit {
        Edit {
            set: sets.iter().map(|s| s.to_string()).collect(),
            ..Edit::default()
        }
    }

    #[test]
    fn crud_round_trip() {
        let (_d, db) = db();
        let p = create(&db, "mine", "voice", &edit(&["compression.ratio=5"])).unwrap();
        assert_eq!(p.category, "voice");
        assert_eq!(resolve(&db, "mine").unwrap(), p);
        assert_eq!(list(&db).unwrap().len(), 14);
        let u = update(
            &db,
            "mine",
            &Edit {
                description: Some("Mine".into()),
                category: Some("custom".into()),
                set: vec!["limiter.threshold_db=-2".into()],
            },
        )
        .unwrap();
        assert_eq!(u.description, "Mine");
        assert_ne!(u.chain, p.chain);
        assert_eq!(resolve(&db, "mine").unwrap(), u);
        let r = rename(&db, "mine", "ours").unwrap();
        assert_eq!(r.chain, u.chain);
        assert!(resolve(&db, "mine").is_err());
        // Derive from a user preset.
        let c = create(&db, "copy", "ours", &Edit::default()).unwrap();
        assert_eq!(c.chain, u.chain);
        delete(&db, "ours").unwrap();
        delete(&db, "copy").unwrap();
        assert_eq!(db.preset_count().unwrap(), 0);
    }

    #[test]
    fn builtins_are_read_only_and_reserved() {
        let (_d, db) = db();
        create(&db, "mine", "default", &Edit::default()).unwrap();
        let errs = [
            update(&db, "voice", &edit(&[])).unwrap_err(),
            delete(&db, "voice").unwrap_err(),
            rename(&db, "voice", "x").unwrap_err(),
            rename(&db, "mine", "voice").unwrap_err(),
            create(&db, "music", "default", &Edit::default()).unwrap_err(),
            import(&db, &builtin("noisy").unwrap(), true).unwrap_err(),
        ];
        for e in errs {
            assert_eq!(e.exit_code(), crate::ExitCode::Invalid, "{e}");
            assert!(e.to_string().contains("built"), "{e}");
        }
        assert_eq!(db.preset_count().unwrap(), 1);
    }

    #[test]
    fn refused_changes_write_nothing() {
        let (_d, db) = db();
        let p = create(&db, "mine", "default", &Edit::default()).unwrap();
        assert!(
            update(
                &db,
                "mine",
                &edit(&["limiter.threshold_db=-2", "compression.ratio=99"])
            )
            .is_err()
        );
        assert_eq!(resolve(&db, "mine").unwrap(), p);
        assert!(create(&db, "other", "default", &edit(&["agc.max_gain_db=99"])).is_err());
        assert!(create(&db, "mine", "voice", &Edit::default()).is_err());
        assert_eq!(resolve(&db, "mine").unwrap(), p);
        let mut bad = p.clone();
        bad.name = "bad".into();
        bad.chain.stages[0].gain_in_db = 50.0;
        assert!(import(&db, &bad, true).is_err());
        assert_eq!(db.preset_count().unwrap(), 1);
        // Import over an existing one needs replace.
        let mut other = builtin("music").unwrap();
        other.name = "mine".into();
        let e = import(&db, &other, false).unwrap_err();
        assert!(e.to_string().contains("already exists"), "{e}");
        assert!(import(&db, &other, true).unwrap());
        assert_eq!(resolve(&db, "mine").unwrap().chain, other.chain);
    }

    #[test]
    fn unknown_names_list_what_exists() {
        let (_d, db) = db();
        create(&db, "mine", "default", &Edit::default()).unwrap();
        let e = resolve(&db, "nope").unwrap_err();
        assert_eq!(e.exit_code(), crate::ExitCode::NotFound);
        assert!(e.to_string().contains("user presets: mine"), "{e}");
        assert_eq!(
            delete(&db, "nope").unwrap_err().exit_code(),
            crate::ExitCode::NotFound
        );
        assert_eq!(
            resolve(&db, "No").unwrap_err().exit_code(),
            crate::ExitCode::Invalid
        );
    }
}

#[cfg(test)]
mod config_tests {
    use std::path::Path;

    #[test]
    fn default_preset_is_configurable_and_checked() {
        let p = |text: &str, env: &[(&str, &str)]| {
            let env: Vec<(String, String)> = env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            crate::config::parse(text, Path::new("c.toml"), &env)
        };
        let (c, _) = p("", &[]).unwrap();
        assert_eq!(c.dsp.default_preset, "default");
        let (c, _) = p("[dsp]\ndefault_preset = \"my-voice\"\n", &[]).unwrap();
        assert_eq!(c.dsp.default_preset, "my-voice");
        let (c, _) = p("", &[("ORCH_DSP_DEFAULT_PRESET", "voice")]).unwrap();
        assert_eq!(c.dsp.default_preset, "voice");
        let e = p("[dsp]\ndefault_preset = \"Bad Name\"\n", &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("key `dsp.default_preset`: preset name `Bad Name` is invalid"),
            "{e}"
        );
    }
}

#[cfg(test)]
mod protocol_tests {
    use crate::protocol::{Request, Response};

    #[test]
    fn presets_cross_the_protocol_unchanged() {
        for p in super::builtins() {
            let json = serde_json::to_string(&Response::Preset(p.clone())).unwrap();
            match serde_json::from_str(&json).unwrap() {
                Response::Preset(back) => assert_eq!(back, p),
                other => panic!("{other:?}"),
            }
            let req = Request::PresetImport {
                preset: p.clone(),
                replace: true,
            };
            let json = serde_json::to_string(&req).unwrap();
            match serde_json::from_str(&json).unwrap() {
                Request::PresetImport { preset, replace } => {
                    assert_eq!(preset, p);
                    assert!(replace);
                }
                other => panic!("{other:?}"),
            }
        }
        let r: Request = serde_json::from_str(
            r#"{"type":"preset_update","name":"x","edit":{"set":["agc.max_gain_db=3"]}}"#,
        )
        .unwrap();
        match r {
            Request::PresetUpdate { name, edit } => {
                assert_eq!(name, "x");
                assert_eq!(edit.set, vec!["agc.max_gain_db=3".to_string()]);
                assert!(edit.description.is_none());
            }
            other => panic!("{other:?}"),
        }
    }
}
