//! Presets: complete DSP chains with a name, a description and a category.
//!
//! - [`builtin`]: the 13 read-only built-ins (always present, shipped in the binary).
//! - [`model`]: [`Preset`], name rules and `--set stage.param=value` overrides.
//! - [`file`]: the versioned TOML export/import format.
//! - [`diff`]: parameter-level differences between two chains.
//! - [`compare`]: one file run through several chains, measured side by side.
//!
//! User presets live in a [`PresetStore`] (the daemon's database implements it). The
//! functions below hold the rules every caller (daemon handlers, the bot supervisor)
//! shares: built-ins are read-only and their names reserved, every stored preset
//! validates, and a refused change writes nothing.

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

use crate::{Error, Result};

/// Where user presets are kept: plain storage, no rules (the functions of this module
/// apply them). The store's `Db` implements it.
pub trait PresetStore {
    /// Every user preset, by name.
    fn presets(&self) -> Result<Vec<Preset>>;
    /// The user preset `name`, if stored.
    fn preset(&self, name: &str) -> Result<Option<Preset>>;
    /// Store `preset`; an existing one of that name needs `replace`. Returns whether one
    /// was replaced.
    fn put_preset(&self, preset: &Preset, replace: bool) -> Result<bool>;
    /// Rename a stored preset.
    fn rename_preset(&self, from: &str, to: &str) -> Result<()>;
    /// Delete a stored preset; returns whether it existed.
    fn delete_preset(&self, name: &str) -> Result<bool>;
}

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

fn not_found(db: &impl PresetStore, name: &str) -> Error {
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
pub fn resolve(db: &impl PresetStore, name: &str) -> Result<Preset> {
    validate_name(name)?;
    if let Some(p) = builtin(name) {
        return Ok(p);
    }
    db.preset(name)?.ok_or_else(|| not_found(db, name))
}

/// Every preset: the built-ins (in their fixed order), then the user presets by name.
pub fn list(db: &impl PresetStore) -> Result<Vec<Preset>> {
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
pub fn create(db: &impl PresetStore, name: &str, from: &str, edit: &Edit) -> Result<Preset> {
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
pub fn update(db: &impl PresetStore, name: &str, edit: &Edit) -> Result<Preset> {
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
pub fn rename(db: &impl PresetStore, from: &str, to: &str) -> Result<Preset> {
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
pub fn delete(db: &impl PresetStore, name: &str) -> Result<()> {
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
pub fn import(db: &impl PresetStore, preset: &Preset, replace: bool) -> Result<bool> {
    if is_builtin(&preset.name) {
        return Err(reserved(&preset.name));
    }
    let mut p = preset.clone();
    p.builtin = false;
    p.validate()?;
    db.put_preset(&p, replace)
}
