//! User presets (built-ins live in the binary, see `crate::presets`). The chain is kept
//! as its versioned TOML text, `format_version` being the chain format version. The
//! rules (names, built-ins read-only, validation) are in `crate::presets`; this file is
//! plain storage.

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::dsp::chain::{CHAIN_VERSION, ChainConfig};
use crate::presets::Preset;
use crate::{Error, Result};

fn now() -> f64 {
    crate::records::now_unix()
}

impl Db {
    fn preset_err(&self, e: impl std::fmt::Display) -> Error {
        Error::Database {
            path: self.path().to_path_buf(),
            message: e.to_string(),
        }
    }

    fn preset_from_row(
        &self,
        name: String,
        description: String,
        category: String,
        version: i64,
        chain: String,
    ) -> Result<Preset> {
        if version != i64::from(CHAIN_VERSION) {
            return Err(self.preset_err(format!(
                "preset `{name}` has chain format {version}, this orch reads {CHAIN_VERSION}"
            )));
        }
        let chain = ChainConfig::from_toml_str(&chain, &format!("stored preset `{name}`"))
            .map_err(|e| self.preset_err(e))?;
        Ok(Preset {
            name,
            description,
            category,
            builtin: false,
            chain,
        })
    }

    /// Every user preset, by name.
    pub fn presets(&self) -> Result<Vec<Preset>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT name, description, category, format_version, chain FROM presets \
                 ORDER BY name",
            )
            .map_err(|e| self.preset_err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(|e| self.preset_err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (n, d, c, v, ch) = row.map_err(|e| self.preset_err(e))?;
            out.push(self.preset_from_row(n, d, c, v, ch)?);
        }
        Ok(out)
    }

    /// The user preset `name`, if stored.
    pub fn preset(&self, name: &str) -> Result<Option<Preset>> {
        let row: Option<(String, String, String, i64, String)> = self
            .conn()
            .query_row(
                "SELECT name, description, category, format_version, chain FROM presets \
                 WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(|e| self.preset_err(e))?;
        row.map(|(n, d, c, v, ch)| self.preset_from_row(n, d, c, v, ch))
            .transpose()
    }

    /// Insert `preset`, or with `replace` overwrite a stored one of that name (keeping
    /// its creation time). Returns whether one was replaced. Without `replace`, an
    /// existing name is an error and nothing changes.
    pub fn put_preset(&self, preset: &Preset, replace: bool) -> Result<bool> {
        let tx = self
            .conn()
            .unchecked_transaction()
            .map_err(|e| self.preset_err(e))?;
        let exists: bool = tx
            .query_row(
                "SELECT count(*) FROM presets WHERE name = ?1",
                [&preset.name],
                |r| r.get::<_, i64>(0),
            )
            .map_err(|e| self.preset_err(e))?
            > 0;
        if exists && !replace {
            return Err(Error::Invalid(format!(
                "preset `{}` already exists (replace it with `orch preset import --replace`, \
                 or change it with `orch preset update`)",
                preset.name
            )));
        }
        let t = now();
        tx.execute(
            "INSERT INTO presets (name, description, category, format_version, chain, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) \
             ON CONFLICT (name) DO UPDATE SET description = excluded.description, \
             category = excluded.category, format_version = excluded.format_version, \
             chain = excluded.chain, updated_at = excluded.updated_at",
            params![
                preset.name,
                preset.description,
                preset.category,
                CHAIN_VERSION,
                preset.chain.to_toml_string(),
                t
            ],
        )
        .map_err(|e| self.preset_err(e))?;
        tx.commit().map_err(|e| self.preset_err(e))?;
        Ok(exists)
    }

    /// Rename a stored preset. Errors when `from` is missing or `to` is taken.
    pub fn rename_preset(&self, from: &str, to: &str) -> Result<()> {
        let tx = self
            .conn()
            .unchecked_transaction()
            .map_err(|e| self.preset_err(e))?;
        let taken: i64 = tx
            .query_row("SELECT count(*) FROM presets WHERE name = ?1", [to], |r| {
                r.get(0)
            })
            .map_err(|e| self.preset_err(e))?;
        if taken > 0 {
            return Err(Error::Invalid(format!(
                "cannot rename `{from}` to `{to}`: preset `{to}` already exists"
            )));
        }
        let n = tx
            .execute(
                "UPDATE presets SET name = ?2, updated_at = ?3 WHERE name = ?1",
                params![from, to, now()],
            )
            .map_err(|e| self.preset_err(e))?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "preset",
                name: from.to_string(),
            });
        }
        tx.commit().map_err(|e| self.preset_err(e))
    }

    /// Delete a stored preset; false when there was none.
    pub fn delete_preset(&self, name: &str) -> Result<bool> {
        self.conn()
            .execute("DELETE FROM presets WHERE name = ?1", [name])
            .map(|n| n > 0)
            .map_err(|e| self.preset_err(e))
    }

    /// How many user presets are stored.
    pub fn preset_count(&self) -> Result<u64> {
        self.conn()
            .query_row("SELECT count(*) FROM presets", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| self.preset_err(e))
    }
}

impl crate::presets::PresetStore for Db {
    fn presets(&self) -> Result<Vec<Preset>> {
        Db::presets(self)
    }
    fn preset(&self, name: &str) -> Result<Option<Preset>> {
        Db::preset(self, name)
    }
    fn put_preset(&self, preset: &Preset, replace: bool) -> Result<bool> {
        Db::put_preset(self, preset, replace)
    }
    fn rename_preset(&self, from: &str, to: &str) -> Result<()> {
        Db::rename_preset(self, from, to)
    }
    fn delete_preset(&self, name: &str) -> Result<bool> {
        Db::delete_preset(self, name)
    }
}

#[cfg(test)]
mod rules_tests {
    //! The preset rules of `crate::presets` over real storage.
    use crate::presets::*;
    use crate::store::Db;

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
