//! Questions answered from the index: full-text search (FTS5 finds the items, `found`
//! ranks them) and an actor's statements (the actor merged across briefings through
//! `actor_keys`, then each briefing's quotes by them and their affiliates).

use super::Index;
use super::found::{self, ActorRef, Briefing, Hit, Keys, Statements};
use super::record::{ActorRow, Item, Place, QuoteRow};
use super::store::{self, split};
use super::text;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, HashSet};

fn briefing(ix: &Index, rel: String, title: Option<String>, published: Option<String>) -> Briefing {
    Briefing {
        path: ix.root.join(&rel),
        rel,
        title: title.unwrap_or_default(),
        published,
    }
}

pub fn search(ix: &Index, query: &str) -> rusqlite::Result<Vec<Hit>> {
    let terms = text::terms(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let mut st = ix.conn.prepare_cached(
        "SELECT i.kind, i.ord, i.section, i.paragraph, i.quote, i.item, i.text,
                f.path, f.title, f.published
         FROM items_fts JOIN items i ON i.id = items_fts.rowid JOIN files f ON f.id = i.file
         WHERE items_fts MATCH ?1",
    )?;
    let mut rows = st.query([text::fts_query(&terms)])?;
    let mut hits = Vec::new();
    while let Some(r) = rows.next()? {
        let item = Item {
            kind: store::kind(&r.get::<_, String>(0)?),
            place: Place {
                section: r.get(2)?,
                paragraph: r.get(3)?,
                quote: r.get(4)?,
                item: r.get(5)?,
            },
            text: r.get(6)?,
        };
        let b = briefing(ix, r.get(7)?, r.get(8)?, r.get(9)?);
        if let Some(h) = found::hit(&b, r.get(1)?, &item, &terms) {
            hits.push(h);
        }
    }
    found::rank(&mut hits);
    Ok(hits)
}

struct IndexKeys<'a>(&'a Connection);

impl Keys for IndexKeys<'_> {
    type Error = rusqlite::Error;

    fn with_key(&mut self, key: &str) -> rusqlite::Result<Vec<ActorRef>> {
        let mut st = self
            .0
            .prepare_cached("SELECT file, ix FROM actor_keys WHERE key = ?1")?;
        st.query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    }

    fn keys_of(&mut self, (file, ix): ActorRef) -> rusqlite::Result<Vec<String>> {
        let mut st = self
            .0
            .prepare_cached("SELECT key FROM actor_keys WHERE file = ?1 AND ix = ?2")?;
        st.query_map(params![file, ix], |r| r.get(0))?.collect()
    }
}

fn actors_of(conn: &Connection, file: i64) -> rusqlite::Result<Vec<ActorRow>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, kind, role, affiliation, aliases, native_name, same_as
         FROM actors WHERE file = ?1 ORDER BY ix",
    )?;
    st.query_map([file], |r| {
        Ok(ActorRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            role: r.get(3)?,
            affiliation: r.get(4)?,
            aliases: split(&r.get::<_, String>(5)?),
            native_name: r.get(6)?,
            same_as: split(&r.get::<_, String>(7)?),
        })
    })?
    .collect()
}

pub fn actor_statements(ix: &Index, name: &str) -> rusqlite::Result<Option<Statements>> {
    let conn = &ix.conn;
    let refs = found::same_actor(&mut IndexKeys(conn), name)?;
    if refs.is_empty() {
        return Ok(None);
    }
    let mut by_file: BTreeMap<i64, HashSet<u32>> = BTreeMap::new();
    for (file, a) in refs {
        by_file.entry(file).or_default().insert(a);
    }
    let mut rows: Vec<(String, u32, ActorRow)> = Vec::new();
    let mut statements = Vec::new();
    let mut quotes = conn.prepare_cached(
        "SELECT ix, id, section, section_id, section_title, speaker, text, mode, said, context, via
         FROM quotes WHERE file = ?1 ORDER BY ix",
    )?;
    for (file, chosen) in &by_file {
        let Some((rel, title, published)) = conn
            .query_row(
                "SELECT path, title, published FROM files WHERE id = ?1",
                [file],
                |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
        else {
            continue;
        };
        let b = briefing(ix, rel.clone(), title, published);
        let actors = actors_of(conn, *file)?;
        for &a in chosen {
            if let Some(row) = actors.get(a as usize) {
                rows.push((rel.clone(), a, row.clone()));
            }
        }
        let affiliations: Vec<Option<u32>> = actors.iter().map(|a| a.affiliation).collect();
        let speakers = found::with_members(&affiliations, chosen);
        let mut q = quotes.query([file])?;
        while let Some(r) = q.next()? {
            let speaker: u32 = r.get(5)?;
            if !speakers.contains(&speaker) {
                continue;
            }
            let row = QuoteRow {
                id: r.get(1)?,
                section: r.get(2)?,
                section_id: r.get(3)?,
                section_title: r.get(4)?,
                speaker,
                text: r.get(6)?,
                mode: r.get(7)?,
                said: r.get(8)?,
                context: r.get(9)?,
                via: r.get(10)?,
            };
            if let Some(who) = actors.get(speaker as usize) {
                statements.push(found::statement(&b, r.get(0)?, &row, who));
            }
        }
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let described: Vec<(&str, &ActorRow)> = rows.iter().map(|(r, _, a)| (r.as_str(), a)).collect();
    found::in_date_order(&mut statements);
    Ok(Some(Statements {
        actor: found::describe(&described),
        statements,
    }))
}

/// Every file of the index, by path, with its first error when it does not load.
pub fn briefings(ix: &Index) -> rusqlite::Result<Vec<(Briefing, Option<String>)>> {
    let mut st = ix
        .conn
        .prepare_cached("SELECT path, title, published, error FROM files ORDER BY path")?;
    st.query_map([], |r| {
        Ok((briefing(ix, r.get(0)?, r.get(1)?, r.get(2)?), r.get(3)?))
    })?
    .collect()
}

/// The files that do not load: path (escaped) and first error.
pub fn failed(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    let mut st =
        conn.prepare_cached("SELECT path, error FROM files WHERE error IS NOT NULL ORDER BY path")?;
    st.query_map([], |r| {
        Ok((
            crate::load::diag::escape(&r.get::<_, String>(0)?),
            r.get(1)?,
        ))
    })?
    .collect()
}
