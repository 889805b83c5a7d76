//! Questions answered from the index: full-text search (FTS5 finds the items, `found`
//! ranks them) and an actor's statements (the actor merged across briefings through
//! `actor_keys`, then each briefing's quotes by them and their affiliates).

use super::Index;
use super::found::{self, ActorRef, Briefing, Keys, Search, Statements};
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

/// The best `limit` hits (all without one). FTS5 finds the items and which hold each
/// term as a whole word, which is all the score needs: only the hits returned have
/// their text read, for the snippet.
pub fn search(ix: &Index, query: &str, limit: Option<usize>) -> rusqlite::Result<Search> {
    let terms = text::terms(query);
    if terms.is_empty() {
        return Ok(Search::default());
    }
    let conn = &ix.conn;
    // One read transaction: one snapshot (a writer meanwhile changes nothing seen
    // here), and the file lock taken once instead of per statement.
    let snapshot = conn.unchecked_transaction()?;
    let mut whole: Vec<HashSet<i64>> = Vec::with_capacity(terms.len());
    let mut st = conn.prepare_cached("SELECT rowid FROM items_fts WHERE items_fts MATCH ?1")?;
    for t in &terms {
        whole.push(
            st.query_map([format!("\"{t}\"")], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        );
    }
    let mut st = conn.prepare_cached(
        "SELECT i.id, i.kind, i.ord, f.path, f.published
         FROM items_fts JOIN items i ON i.id = items_fts.rowid JOIN files f ON f.id = i.file
         WHERE items_fts MATCH ?1",
    )?;
    let mut found: Vec<(u32, Option<String>, String, u32, i64)> = st
        .query_map([text::fts_query(&terms)], |r| {
            let id: i64 = r.get(0)?;
            let kind = store::kind(&r.get::<_, String>(1)?);
            let words: u32 = whole
                .iter()
                .map(|w| if w.contains(&id) { 2 } else { 1 })
                .sum();
            Ok((
                words * 10 + kind.weight(),
                r.get(4)?,
                r.get(3)?,
                r.get(2)?,
                id,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    found.sort_by(|a, b| {
        found::rank_key(a.0, &a.1, &a.2, a.3).cmp(&found::rank_key(b.0, &b.1, &b.2, b.3))
    });
    let total = found.len();
    found.truncate(limit.unwrap_or(usize::MAX));
    let mut st = conn.prepare_cached(
        "SELECT i.kind, i.ord, i.section, i.paragraph, i.quote, i.item, i.text,
                f.path, f.title, f.published
         FROM items i JOIN files f ON f.id = i.file WHERE i.id = ?1",
    )?;
    let mut hits = Vec::with_capacity(found.len());
    for (.., id) in found {
        let mut rows = st.query([id])?;
        let Some(r) = rows.next()? else { continue };
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
        hits.extend(found::hit(&b, r.get(1)?, &item, &terms));
    }
    snapshot.commit()?;
    Ok(Search { hits, total })
}

struct IndexKeys<'a>(&'a Connection);

impl Keys for IndexKeys<'_> {
    type Error = rusqlite::Error;

    fn with_key(&mut self, key: &str) -> rusqlite::Result<(Vec<ActorRef>, Vec<String>)> {
        let mut st = self
            .0
            .prepare_cached("SELECT file, ix FROM actor_keys WHERE key = ?1")?;
        let actors = st
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self.0.prepare_cached(
            "SELECT DISTINCT b.key FROM actor_keys a
             JOIN actor_keys b ON b.file = a.file AND b.ix = a.ix WHERE a.key = ?1",
        )?;
        let keys = st
            .query_map([key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok((actors, keys))
    }
}

fn actor_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorRow> {
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
}

pub fn actor_statements(ix: &Index, name: &str) -> rusqlite::Result<Option<Statements>> {
    let conn = &ix.conn;
    let snapshot = conn.unchecked_transaction()?;
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
         FROM quotes INDEXED BY quotes_speaker WHERE file = ?1 AND speaker = ?2",
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
        let mut actor = conn.prepare_cached(
            "SELECT id, name, kind, role, affiliation, aliases, native_name, same_as
             FROM actors WHERE file = ?1 AND ix = ?2",
        )?;
        let mut row_of = |a: u32| -> rusqlite::Result<Option<ActorRow>> {
            actor.query_row(params![file, a], actor_row).optional()
        };
        for &a in chosen {
            if let Some(row) = row_of(a)? {
                rows.push((rel.clone(), a, row));
            }
        }
        // Only the affiliated actors are read to find the members.
        let mut affiliated = conn.prepare_cached(
            "SELECT ix, affiliation FROM actors WHERE file = ?1 AND affiliation IS NOT NULL",
        )?;
        let links: Vec<(u32, u32)> = affiliated
            .query_map([file], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let len = links
            .iter()
            .map(|&(a, b)| a.max(b))
            .chain(chosen.iter().copied())
            .max()
            .map_or(0, |m| m as usize + 1);
        let mut affiliations = vec![None; len];
        for (a, parent) in links {
            affiliations[a as usize] = Some(parent);
        }
        let mut speakers: Vec<u32> = found::with_members(&affiliations, chosen)
            .into_iter()
            .collect();
        speakers.sort_unstable();
        for speaker in speakers {
            let Some(who) = row_of(speaker)? else {
                continue;
            };
            let mut q = quotes.query(params![file, speaker])?;
            while let Some(r) = q.next()? {
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
                statements.push(found::statement(&b, r.get(0)?, &row, &who));
            }
        }
    }
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let described: Vec<(&str, &ActorRow)> = rows.iter().map(|(r, _, a)| (r.as_str(), a)).collect();
    found::in_date_order(&mut statements);
    snapshot.commit()?;
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

/// Every actor of the library, merged across briefings, with counts (`found::merge_actors`).
pub fn actors(ix: &Index) -> rusqlite::Result<Vec<found::ActorCount>> {
    let conn = &ix.conn;
    let snapshot = conn.unchecked_transaction()?;
    let mut counts: std::collections::HashMap<(i64, u32), usize> = std::collections::HashMap::new();
    let mut st =
        conn.prepare_cached("SELECT file, speaker, count(*) FROM quotes GROUP BY file, speaker")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let n: i64 = r.get(2)?;
        counts.insert((r.get(0)?, r.get(1)?), usize::try_from(n).unwrap_or(0));
    }
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.name, a.kind, a.role, a.affiliation, a.aliases, a.native_name, a.same_as,
                a.file, a.ix, f.path
         FROM actors a JOIN files f ON f.id = a.file",
    )?;
    let seen = st
        .query_map([], |r| {
            let at: (i64, u32) = (r.get(8)?, r.get(9)?);
            Ok(found::ActorSeen {
                at,
                rel: r.get(10)?,
                row: actor_row(r)?,
                quotes: counts.get(&at).copied().unwrap_or(0),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(st);
    snapshot.commit()?;
    Ok(found::merge_actors(seen))
}

/// Every file indexed, by path, as the library's list needs it (`found::Listed`).
pub fn listing(ix: &Index) -> rusqlite::Result<Vec<found::Listed>> {
    let mut st = ix.conn.prepare_cached(
        "SELECT id, path, size, mtime, hash, seen, error, title, source, published, sections,
                quotes, tags, place_key, quote_ids
         FROM files ORDER BY path",
    )?;
    st.query_map([], |r| {
        let stamp = store::Stamp {
            id: r.get(0)?,
            path: r.get(1)?,
            size: r.get::<_, i64>(2)?.cast_unsigned(),
            mtime: r.get(3)?,
            hash: r.get::<_, i64>(4)?.cast_unsigned(),
            seen: r.get(5)?,
        };
        let error: Option<String> = r.get(6)?;
        let count = |n: Option<i64>| n.and_then(|n| usize::try_from(n).ok()).unwrap_or(0);
        let briefing = if error.is_some() {
            None
        } else {
            Some(found::ListedBriefing {
                title: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                source: r.get(8)?,
                published: r.get(9)?,
                sections: count(r.get(10)?),
                quotes: count(r.get(11)?),
                tags: split(&r.get::<_, Option<String>>(12)?.unwrap_or_default()),
                place_key: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                quote_ids: split(&r.get::<_, Option<String>>(14)?.unwrap_or_default()),
            })
        };
        Ok(found::Listed { stamp, briefing })
    })?
    .collect()
}
