//! Bringing an index up to date with its folder, file by file: a file whose size and
//! modification time are unchanged is not read (unless it changed just before it was
//! last read: `store::RACY_NS`); one whose bytes hash as before is not
//! parsed (touched, or renamed: a new path with a removed file's hash); any other is
//! parsed, written and dropped before the next, so memory holds one briefing at most.
//! Writes go in batches, each one immediate transaction: another `brief` indexing the
//! same library waits its turn (the busy timeout) instead of interleaving.

use super::store::{self, Stamp};
use super::walk::{self, Found, ListDir};
use super::{Index, record};
use std::collections::HashMap;

/// Files written per transaction: big enough to be fast, small enough that another
/// process waiting for the index gets its turn soon.
const BATCH: usize = 64;

/// What a refresh did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Changes {
    pub added: usize,
    pub updated: usize,
    pub renamed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Every file of the library that does not load: its path below the library
    /// folder (escaped) and its first error.
    pub failed: Vec<(String, String)>,
    /// Folders that could not be read, link loops (escaped).
    pub problems: Vec<String>,
    /// The index rebuilt, and why.
    pub notices: Vec<String>,
}

/// How far a refresh is: files read of those that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

pub fn refresh(
    ix: &mut Index,
    lister: &dyn ListDir,
    progress: &mut dyn FnMut(Progress),
) -> Result<Changes, String> {
    let mut notices = std::mem::take(&mut ix.notices);
    let found = walk::walk(&ix.root, lister);
    let outcome = match apply(ix, &found, progress) {
        // Damage found only now (a page deep inside): start over, once.
        Err(e) if store::is_damage(&e) => {
            notices.push(format!(
                "the index {} was damaged ({e}): rebuilt from the files",
                store::shown(&ix.db)
            ));
            let conn = std::mem::replace(
                &mut ix.conn,
                rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?,
            );
            drop(conn);
            store::remove(&ix.db)?;
            let (conn, more) = store::open(&ix.db)?;
            ix.conn = conn;
            notices.extend(more);
            apply(ix, &found, progress)
        }
        other => other,
    };
    let mut changes = outcome.map_err(|e| ix.error(&e))?;
    changes.problems = found.problems;
    changes.notices = notices;
    Ok(changes)
}

fn apply(
    ix: &Index,
    found: &walk::Walk,
    progress: &mut dyn FnMut(Progress),
) -> rusqlite::Result<Changes> {
    let conn = &ix.conn;
    let mut changes = Changes::default();
    let known: HashMap<String, Stamp> = store::stamps(conn)?
        .into_iter()
        .map(|s| (s.path.clone(), s))
        .collect();
    let mut to_read: Vec<&Found> = Vec::new();
    for f in &found.files {
        match known.get(&f.rel) {
            Some(s) if s.same(f.size, f.mtime) => changes.unchanged += 1,
            _ => to_read.push(f),
        }
    }
    let present: std::collections::HashSet<&str> =
        found.files.iter().map(|f| f.rel.as_str()).collect();
    // Files gone from the folder, by hash: a new file with one of these hashes is
    // that file renamed.
    let mut gone: HashMap<u64, Vec<String>> = HashMap::new();
    for s in known.values() {
        if !present.contains(s.path.as_str()) {
            gone.entry(s.hash).or_default().push(s.path.clone());
        }
    }
    for list in gone.values_mut() {
        list.sort();
    }
    let total = to_read.len();
    for (n, batch) in to_read.chunks(BATCH).enumerate() {
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        let updated = changes.updated;
        for f in batch {
            one_file(conn, f, known.get(&f.rel), &mut gone, &mut changes)?;
        }
        // In the batch's own transaction: a refresh cut short (the program quit)
        // leaves no key set behind that its files no longer have.
        if changes.updated > updated {
            store::drop_unused_keysets(conn)?;
        }
        tx.commit()?;
        progress(super::Progress {
            done: (n * BATCH + batch.len()).min(total),
            total,
        });
    }
    // Nothing changed (most refreshes): no write, so no wait for another `brief`
    // writing the same index.
    if gone.values().any(|g| !g.is_empty()) {
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
        for path in gone.values().flatten() {
            store::delete(conn, path)?;
            changes.removed += 1;
        }
        store::drop_unused_keysets(conn)?;
        tx.commit()?;
    }
    changes.failed = super::query::failed(conn)?;
    Ok(changes)
}

/// Reads one changed (or new) file and brings its entry up to date.
fn one_file(
    conn: &rusqlite::Connection,
    f: &Found,
    known: Option<&Stamp>,
    gone: &mut HashMap<u64, Vec<String>>,
    changes: &mut Changes,
) -> rusqlite::Result<()> {
    let bytes = crate::load::source::read(&f.path);
    let hash = bytes.as_deref().map_or(0, xxhash_rust::xxh3::xxh3_64);
    let stamp = Stamp {
        id: 0,
        path: f.rel.clone(),
        size: f.size,
        mtime: f.mtime,
        hash,
        seen: store::now(),
    };
    if bytes.is_ok() {
        if known.is_some_and(|k| k.hash == hash) {
            // Touched, not changed.
            store::restamp(conn, &f.rel, &stamp)?;
            changes.unchanged += 1;
            return Ok(());
        }
        if known.is_none()
            && let Some(list) = gone.get_mut(&hash)
            && let Some(old) = list.pop()
        {
            store::delete(conn, &f.rel)?;
            if store::restamp(conn, &old, &stamp).is_ok() && exists(conn, &f.rel)? {
                changes.renamed += 1;
                return Ok(());
            }
        }
    }
    let name = f.rel.clone();
    let result = match bytes {
        Ok(bytes) => crate::load::load_bytes(&name, &bytes)
            .map(|l| record::with_place_key(&l.briefing, &bytes))
            .map_err(|report| report.first_error()),
        Err(message) => Err(crate::load::diag::escape(&message)),
    };
    match &result {
        Ok(r) => store::put(conn, &stamp, Ok(r))?,
        Err(e) => store::put(conn, &stamp, Err(e))?,
    }
    if known.is_some() {
        changes.updated += 1;
    } else {
        changes.added += 1;
    }
    Ok(())
}

fn exists(conn: &rusqlite::Connection, path: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM files WHERE path = ?1)",
        [path],
        |r| r.get(0),
    )
}
