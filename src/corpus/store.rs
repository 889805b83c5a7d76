//! The index's `SQLite` database: where it lives, its schema, opening it (and starting
//! over when it is damaged or from another schema version), and writing one file's
//! record. Only this file and `query.rs` speak SQL.

use super::record::{Kind, Record};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema's version, kept in `SQLite`'s `user_version`. Change it with the schema:
/// an index of another version is rebuilt from the files.
pub const SCHEMA_VERSION: i64 = 6;

/// How long a write waits for another `brief` writing the same index.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Lists (aliases, tags) are kept as one text, joined by the unit separator: the
/// loader removes control characters from every text, so none holds it.
pub const SEP: char = '\u{1f}';

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    seen INTEGER NOT NULL,
    format INTEGER,
    title TEXT,
    briefing_id TEXT,
    published TEXT,
    summary TEXT,
    tags TEXT,
    error TEXT,
    source TEXT,
    sections INTEGER,
    quotes INTEGER,
    place_key TEXT,
    quote_ids TEXT
);
CREATE INDEX IF NOT EXISTS files_hash ON files(hash);
CREATE TABLE IF NOT EXISTS actors(
    file INTEGER NOT NULL, ix INTEGER NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT NOT NULL, role TEXT, affiliation INTEGER, aliases TEXT NOT NULL,
    native_name TEXT, same_as TEXT NOT NULL, keyset INTEGER NOT NULL,
    members INTEGER NOT NULL, said INTEGER NOT NULL,
    PRIMARY KEY(file, ix)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actors_affiliation ON actors(file, affiliation)
    WHERE affiliation IS NOT NULL;
CREATE INDEX IF NOT EXISTS actors_keyset ON actors(keyset);
-- What merges actors across briefings: each distinct set of keys (an actor's ids,
-- names and same-as, `ActorRow::keys`), once, however many actors have it. A library's
-- thousands of actors have a few hundred sets, so the closure over shared keys walks
-- these, not the actors.
CREATE TABLE IF NOT EXISTS keysets(id INTEGER PRIMARY KEY, keys TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS keyset_keys(
    key TEXT NOT NULL, keyset INTEGER NOT NULL, PRIMARY KEY(key, keyset)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS keyset_keys_keyset ON keyset_keys(keyset, key);
CREATE TABLE IF NOT EXISTS quotes(
    file INTEGER NOT NULL, ix INTEGER NOT NULL, id TEXT NOT NULL, section INTEGER NOT NULL,
    section_id TEXT NOT NULL, section_title TEXT NOT NULL, speaker INTEGER NOT NULL,
    text TEXT NOT NULL, mode TEXT NOT NULL, said TEXT, context TEXT, via TEXT,
    PRIMARY KEY(file, speaker, ix)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS positions(
    file INTEGER NOT NULL, claim_id TEXT NOT NULL, statement TEXT NOT NULL,
    actor INTEGER NOT NULL, stance TEXT NOT NULL, detail TEXT, quote_id TEXT
);
CREATE INDEX IF NOT EXISTS positions_file ON positions(file);
CREATE TABLE IF NOT EXISTS figures(
    file INTEGER NOT NULL, measure TEXT NOT NULL, value TEXT NOT NULL, number REAL,
    actor INTEGER, date TEXT, note TEXT
);
CREATE INDEX IF NOT EXISTS figures_file ON figures(file);
CREATE TABLE IF NOT EXISTS events(
    file INTEGER NOT NULL, date TEXT NOT NULL, event TEXT NOT NULL, actors TEXT NOT NULL,
    section INTEGER
);
CREATE INDEX IF NOT EXISTS events_file ON events(file);
CREATE TABLE IF NOT EXISTS items(
    id INTEGER PRIMARY KEY, file INTEGER NOT NULL, kind TEXT NOT NULL, ord INTEGER NOT NULL,
    section INTEGER, paragraph INTEGER, quote TEXT, item TEXT, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_file ON items(file);
-- What ranks a search hit, without reading the item's row (its text).
CREATE INDEX IF NOT EXISTS items_rank ON items(id, kind, ord, file);
CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5(
    words, content='', contentless_delete=1, tokenize='ascii'
);
";

/// Where indexes are kept: `--cache-dir`, else `$BRIEF_CACHE_DIR`, else
/// `$XDG_CACHE_HOME/brief`, else `~/.cache/brief`.
pub fn cache_dir(flag: Option<&Path>) -> Option<PathBuf> {
    let env = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    flag.map(Path::to_path_buf)
        .or_else(|| env("BRIEF_CACHE_DIR"))
        .or_else(|| env("XDG_CACHE_HOME").map(|d| d.join("brief")))
        .or_else(|| env("HOME").map(|h| h.join(".cache").join("brief")))
}

/// The database file of the library at `root` (canonical): one per library folder,
/// named by a hash of its path so two folders never share one.
pub fn db_path(cache: &Path, root: &Path) -> PathBuf {
    let key = xxhash_rust::xxh3::xxh3_64(root.as_os_str().as_encoded_bytes());
    let name = root.file_name().map_or_else(
        || "root".to_owned(),
        |n| {
            n.to_string_lossy()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .take(32)
                .collect()
        },
    );
    cache.join(format!("library-{name}-{key:016x}.sqlite"))
}

/// Why an index file was set aside.
enum Unusable {
    Version(i64),
    Damaged(String),
}

/// Opens (or creates) the index at `db`. One from another schema version, or one that
/// is not a database, is removed and made again: the notices say so.
pub fn open(db: &Path) -> Result<(Connection, Vec<String>), String> {
    if let Some(dir) = db.parent() {
        if dir.exists() && !dir.is_dir() {
            return Err(format!(
                "the index folder {} is a file, not a folder",
                shown(dir)
            ));
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the index folder {}: {e}", shown(dir)))?;
    }
    let mut notices = Vec::new();
    match try_open(db) {
        Ok(c) => return Ok((c, notices)),
        Err(Ok(Unusable::Version(v))) => notices.push(format!(
            "the index {} is from another version of brief (schema {v}, now {SCHEMA_VERSION}): rebuilt from the files",
            shown(db)
        )),
        Err(Ok(Unusable::Damaged(why))) => notices.push(format!(
            "the index {} was damaged ({why}): rebuilt from the files",
            shown(db)
        )),
        Err(Err(e)) => return Err(e),
    }
    remove(db)?;
    match try_open(db) {
        Ok(c) => Ok((c, notices)),
        Err(Ok(Unusable::Version(_))) => Err(format!("cannot recreate the index {}", shown(db))),
        Err(Ok(Unusable::Damaged(why))) => {
            Err(format!("cannot recreate the index {}: {why}", shown(db)))
        }
        Err(Err(e)) => Err(e),
    }
}

/// Removes an index and its journal files.
pub fn remove(db: &Path) -> Result<(), String> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("cannot remove {}: {e}", shown(Path::new(&p)))),
        }
    }
    Ok(())
}

pub fn shown(p: &Path) -> String {
    crate::load::diag::escape(&p.display().to_string())
}

/// Whether an `SQLite` error means the file is not a sound database.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

fn try_open(db: &Path) -> Result<Connection, Result<Unusable, String>> {
    let sql = |e: rusqlite::Error| {
        if is_damage(&e) {
            Ok(Unusable::Damaged(e.to_string()))
        } else {
            Err(format!("the index {}: {e}", shown(db)))
        }
    };
    let conn = Connection::open(db).map_err(sql)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
    // WAL: a reader never waits for a writer, and a writer's crash loses nothing.
    // Switching to it needs the database to itself, and SQLite answers "busy" at once
    // instead of calling the busy handler while another process opens it: wait here.
    while_busy(|| conn.pragma_update(None, "journal_mode", "WAL")).map_err(sql)?;
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(sql)?;
    // Queries read pages all over a large index: map it, and keep more of it cached,
    // instead of a read call per page.
    conn.pragma_update(None, "mmap_size", 1i64 << 30)
        .map_err(sql)?;
    conn.pragma_update(None, "cache_size", -32_000)
        .map_err(sql)?;
    let version = || conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0));
    match while_busy(version).map_err(sql)? {
        SCHEMA_VERSION => return Ok(conn),
        0 => {}
        other => return Err(Ok(Unusable::Version(other))),
    }
    // New: made in one immediate transaction, so two processes starting at once make
    // it once: the second waits for the first, then finds the version set.
    while_busy(|| conn.execute_batch("BEGIN IMMEDIATE")).map_err(sql)?;
    let made = version().map_err(sql)?;
    let tx_sql = if made == 0 {
        format!("{SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;")
    } else {
        "COMMIT;".to_owned()
    };
    conn.execute_batch(&tx_sql).map_err(sql)?;
    if made != 0 && made != SCHEMA_VERSION {
        return Err(Ok(Unusable::Version(made)));
    }
    Ok(conn)
}

/// Runs `f` again while `SQLite` says the database is busy or locked, for at most
/// `BUSY_TIMEOUT`: for the steps where `SQLite` does not wait by itself.
fn while_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    loop {
        match f() {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

/// What the index knows of a file, to tell whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub id: i64,
    pub path: String,
    pub size: u64,
    pub mtime: i64,
    pub hash: u64,
    /// When the file was last read (nanoseconds since 1970).
    pub seen: i64,
}

/// A file changed this close to when it was read may change again within the same
/// tick of the file system's clock, leaving size and time as they were: such a file
/// is read again (and hashed) until its time is this much older than the reading.
pub const RACY_NS: i64 = 2_000_000_000;

impl Stamp {
    /// Whether a file of this size and time is surely the one read.
    pub fn same(&self, size: u64, mtime: i64) -> bool {
        self.size == size && self.mtime == mtime && mtime < self.seen.saturating_sub(RACY_NS)
    }
}

/// Now, in nanoseconds since 1970.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

pub fn stamps(conn: &Connection) -> rusqlite::Result<Vec<Stamp>> {
    let mut st = conn.prepare_cached("SELECT id, path, size, mtime, hash, seen FROM files")?;
    st.query_map([], |r| {
        Ok(Stamp {
            id: r.get(0)?,
            path: r.get(1)?,
            size: r.get::<_, i64>(2)?.cast_unsigned(),
            mtime: r.get(3)?,
            hash: r.get::<_, i64>(4)?.cast_unsigned(),
            seen: r.get(5)?,
        })
    })?
    .collect()
}

/// Removes a file and everything indexed of it.
pub fn delete(conn: &Connection, path: &str) -> rusqlite::Result<()> {
    let id: Option<i64> = conn
        .query_row("SELECT id FROM files WHERE path = ?1", [path], |r| r.get(0))
        .optional()?;
    let Some(id) = id else { return Ok(()) };
    conn.execute(
        "DELETE FROM items_fts WHERE rowid IN (SELECT id FROM items WHERE file = ?1)",
        [id],
    )?;
    for table in [
        "items",
        "actors",
        "quotes",
        "positions",
        "figures",
        "events",
    ] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE file = ?1"))?
            .execute([id])?;
    }
    conn.execute("DELETE FROM files WHERE id = ?1", [id])?;
    Ok(())
}

/// The file's new stamp, when its contents are the same (touched, or renamed).
pub fn restamp(conn: &Connection, old_path: &str, new: &Stamp) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE files SET path = ?2, size = ?3, mtime = ?4, seen = ?5 WHERE path = ?1",
    )?
    .execute(params![
        old_path,
        new.path,
        new.size.cast_signed(),
        new.mtime,
        new.seen
    ])?;
    Ok(())
}

fn joined(items: &[String]) -> String {
    let mut s = String::new();
    for (i, t) in items.iter().enumerate() {
        if i > 0 {
            s.push(SEP);
        }
        s.push_str(t);
    }
    s
}

pub fn split(s: &str) -> Vec<String> {
    if s.is_empty() {
        Vec::new()
    } else {
        s.split(SEP).map(str::to_owned).collect()
    }
}

/// Writes a file's record (or its error) in place of whatever was indexed at its path.
// One table after another: long, but one plain mapping, read top to bottom.
#[allow(clippy::too_many_lines)]
pub fn put(
    conn: &Connection,
    stamp: &Stamp,
    record: Result<&Record, &str>,
) -> rusqlite::Result<()> {
    delete(conn, &stamp.path)?;
    let (size, hash) = (stamp.size.cast_signed(), stamp.hash.cast_signed());
    let Ok(r) = record else {
        let error = record.err();
        conn.prepare_cached(
            "INSERT INTO files(path, size, mtime, hash, seen, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![stamp.path, size, stamp.mtime, hash, stamp.seen, error])?;
        return Ok(());
    };
    conn.prepare_cached(
        "INSERT INTO files(path, size, mtime, hash, seen, format, title, briefing_id, published, summary, tags,
                           source, sections, quotes, place_key, quote_ids)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        stamp.path,
        size,
        stamp.mtime,
        hash,
        stamp.seen,
        r.title,
        r.briefing_id,
        r.published,
        r.summary,
        joined(&r.tags),
        r.source,
        i64::try_from(r.sections).unwrap_or(i64::MAX),
        i64::try_from(r.quotes.len()).unwrap_or(i64::MAX),
        r.place_key,
        joined(&r.quotes.iter().map(|q| q.id.clone()).collect::<Vec<_>>())
    ])?;
    let file = conn.last_insert_rowid();
    let mut st = conn.prepare_cached(
        "INSERT INTO actors(file, ix, id, name, kind, role, affiliation, aliases, native_name, same_as,
                            keyset, members, said)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut members = vec![0i64; r.actors.len()];
    for a in &r.actors {
        if let Some(m) = a.affiliation.and_then(|m| members.get_mut(m as usize)) {
            *m += 1;
        }
    }
    // How many quotes each said (the Actors screen's counts, without reading quotes).
    let said = r.said_by_actor();
    let mut keysets: HashMap<String, i64> = HashMap::new();
    for (((ix, a), members), said) in (0i64..).zip(&r.actors).zip(members).zip(said) {
        let keys = a.all_keys();
        let joined_keys = joined(&keys);
        let keyset = if let Some(&id) = keysets.get(&joined_keys) {
            id
        } else {
            let id = keyset(conn, &joined_keys, &keys)?;
            keysets.insert(joined_keys, id);
            id
        };
        st.execute(params![
            file,
            ix,
            a.id,
            a.name,
            a.kind,
            a.role,
            a.affiliation,
            joined(&a.aliases),
            a.native_name,
            joined(&a.same_as),
            keyset,
            members,
            i64::try_from(said).unwrap_or(i64::MAX)
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO quotes(file, ix, id, section, section_id, section_title, speaker, text, mode, said, context, via)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (ix, q) in (0i64..).zip(&r.quotes) {
        st.execute(params![
            file,
            ix,
            q.id,
            q.section,
            q.section_id,
            q.section_title,
            q.speaker,
            q.text,
            q.mode,
            q.said,
            q.context,
            q.via
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO positions(file, claim_id, statement, actor, stance, detail, quote_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for p in &r.positions {
        st.execute(params![
            file,
            p.claim_id,
            p.statement,
            p.actor,
            p.stance,
            p.detail,
            p.quote_id
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO figures(file, measure, value, number, actor, date, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for f in &r.figures {
        st.execute(params![
            file, f.measure, f.value, f.number, f.actor, f.date, f.note
        ])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO events(file, date, event, actors, section) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for e in &r.events {
        let actors: Vec<String> = e.actors.iter().map(ToString::to_string).collect();
        st.execute(params![file, e.date, e.event, joined(&actors), e.section])?;
    }
    let mut st = conn.prepare_cached(
        "INSERT INTO items(file, kind, ord, section, paragraph, quote, item, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut fts = conn.prepare_cached("INSERT INTO items_fts(rowid, words) VALUES (?1, ?2)")?;
    for (ord, it) in (0i64..).zip(&r.items) {
        st.execute(params![
            file,
            it.kind.name(),
            ord,
            it.place.section,
            it.place.paragraph,
            it.place.quote,
            it.place.item,
            it.text
        ])?;
        fts.execute(params![
            conn.last_insert_rowid(),
            super::text::indexed(&it.text)
        ])?;
    }
    Ok(())
}

/// The id of the set `keys` (joined as `joined_keys`), added if new.
fn keyset(conn: &Connection, joined_keys: &str, keys: &[String]) -> rusqlite::Result<i64> {
    let known: Option<i64> = conn
        .prepare_cached("SELECT id FROM keysets WHERE keys = ?1")?
        .query_row([joined_keys], |r| r.get(0))
        .optional()?;
    if let Some(id) = known {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO keysets(keys) VALUES (?1)")?
        .execute([joined_keys])?;
    let id = conn.last_insert_rowid();
    let mut st = conn.prepare_cached("INSERT INTO keyset_keys(key, keyset) VALUES (?1, ?2)")?;
    for k in keys {
        st.execute(params![k, id])?;
    }
    Ok(id)
}

/// Forgets the key sets no actor has any more (their files changed or went): a set
/// left behind would still join the keys it holds, merging actors no briefing merges.
pub fn drop_unused_keysets(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM keysets WHERE NOT EXISTS
             (SELECT 1 FROM actors INDEXED BY actors_keyset WHERE actors.keyset = keysets.id);
         DELETE FROM keyset_keys WHERE NOT EXISTS
             (SELECT 1 FROM keysets WHERE keysets.id = keyset_keys.keyset);",
    )
}

/// The kind stored for an item, read back.
pub fn kind(name: &str) -> Kind {
    Kind::from_name(name).unwrap_or(Kind::Text)
}
