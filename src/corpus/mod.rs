//! The library as a corpus (issue 19): every briefing of a folder indexed in `SQLite`
//! (FTS5 for full text), kept up to date file by file, and the questions asked across
//! briefings: `search` and `actor_statements`. The files are the truth and the index a
//! cache: a damaged or outdated index is rebuilt, never an error; `scan` answers the
//! same questions by reading every file, without an index.
//!
//! `walk` finds the files; `record` makes what is kept of each; `store` writes it;
//! `update` brings the index up to date; `query` (index) and `scan` (files) answer,
//! through `found`, which defines the answers and their order; `text` defines words,
//! matches and snippets; `command` is `brief index`, `brief search` and `brief actor`.

pub mod command;
pub mod found;
pub mod query;
pub mod record;
pub mod scan;
pub mod store;
pub mod text;
pub mod update;
pub mod walk;

pub use found::{
    Actor, ActorCount, Briefing, Hit, Listed, ListedBriefing, Search, Statement, Statements,
};
pub use record::{Kind, Place};
pub use store::{SCHEMA_VERSION, cache_dir};
pub use update::{Changes, Progress};

use std::path::{Path, PathBuf};

/// An open index of one library folder.
pub struct Index {
    pub(crate) conn: rusqlite::Connection,
    /// The library folder (canonical).
    pub root: PathBuf,
    /// The database file.
    pub db: PathBuf,
    /// What opening it had to say (an index rebuilt), for the user.
    pub notices: Vec<String>,
}

impl Index {
    /// Opens the index of the library at `root`, kept in `cache` (see `cache_dir`),
    /// creating it if need be. It is not brought up to date: call `refresh`.
    pub fn open(root: &Path, cache: &Path) -> Result<Self, String> {
        let root = library_root(root)?;
        let db = store::db_path(cache, &root);
        let (conn, notices) = store::open(&db)?;
        Ok(Self {
            conn,
            root,
            db,
            notices,
        })
    }

    /// Starts over: the index removed and made again from the files.
    pub fn rebuild(self) -> Result<Self, String> {
        let (root, db) = (self.root, self.db);
        drop(self.conn);
        store::remove(&db)?;
        let (conn, notices) = store::open(&db)?;
        Ok(Self {
            conn,
            root,
            db,
            notices,
        })
    }

    /// Brings the index up to date with the folder: see `update::refresh`.
    pub fn refresh(&mut self, progress: &mut dyn FnMut(Progress)) -> Result<Changes, String> {
        update::refresh(self, &walk::Fs, progress)
    }

    /// `refresh` with folders listed by `lister` (tests make one fail).
    pub fn refresh_with(
        &mut self,
        lister: &dyn walk::ListDir,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Changes, String> {
        update::refresh(self, lister, progress)
    }

    /// The items of the library that hold every word of `query` (each word beginning
    /// a word of the item, in any case), best first: the first `limit` (all without
    /// one), and how many there are in all.
    pub fn search(&self, query: &str, limit: Option<usize>) -> Result<Search, String> {
        query::search(self, query, limit).map_err(|e| self.error(&e))
    }

    /// What the actor `name` (an id, a name or an alias) and their affiliates said
    /// across the library, oldest first; `None` when no briefing knows the name.
    pub fn actor_statements(&self, name: &str) -> Result<Option<Statements>, String> {
        query::actor_statements(self, name).map_err(|e| self.error(&e))
    }

    /// Every actor of the library, merged across briefings, most present first, with
    /// how many briefings they are in and how many quotes they said.
    pub fn actors(&self) -> Result<Vec<ActorCount>, String> {
        query::actors(self).map_err(|e| self.error(&e))
    }

    /// Every briefing indexed, by path, with its first error when it does not load.
    pub fn briefings(&self) -> Result<Vec<(Briefing, Option<String>)>, String> {
        query::briefings(self).map_err(|e| self.error(&e))
    }

    /// Every file indexed, by path, with what the library's list shows of it: the
    /// list is made from this when the library is opened again (no file read).
    pub fn listing(&self) -> Result<Vec<Listed>, String> {
        query::listing(self).map_err(|e| self.error(&e))
    }

    /// Whether no file is indexed yet (new, or rebuilt): an error counts as empty.
    pub fn is_empty(&self) -> bool {
        self.conn
            .query_row("SELECT NOT EXISTS(SELECT 1 FROM files)", [], |r| r.get(0))
            .unwrap_or(true)
    }

    /// `listing` of the files at `paths` (below the library folder) only.
    pub fn listing_of(&self, paths: &[&str]) -> Result<Vec<Listed>, String> {
        query::listing_of(self, paths).map_err(|e| self.error(&e))
    }

    fn error(&self, e: &rusqlite::Error) -> String {
        format!("the index {}: {e}", store::shown(&self.db))
    }
}

/// The library folder, canonical (so one folder named two ways has one index).
pub fn library_root(dir: &Path) -> Result<PathBuf, String> {
    let shown = store::shown(dir);
    let root = std::fs::canonicalize(dir).map_err(|e| format!("{shown}: {e}"))?;
    if !root.is_dir() {
        return Err(format!("{shown}: not a folder"));
    }
    Ok(root)
}
