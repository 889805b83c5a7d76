//! Questions answered from the index: full-text search (FTS5 finds the items, `found`
//! ranks them) and an actor's statements (the actor merged across briefings through
//! the key sets, then each briefing's quotes by them and their affiliates).

use super::Index;
use super::found::{self, ActorRef, Briefing, Search, Speaker, Statements};
use super::record::{ActorRow, Item, Place, QuoteRow};
use super::store::{self, split};
use super::text;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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
    // What ranks a hit, from the narrow index `items_rank` (not the items' rows, which
    // hold their text): its score first, so only the hits that can be among the best
    // `limit` need their briefing's date and path.
    let mut st = conn.prepare_cached(
        "SELECT i.id, i.kind, i.ord, i.file
         FROM items_fts JOIN items i INDEXED BY items_rank ON i.id = items_fts.rowid
         WHERE items_fts MATCH ?1",
    )?;
    let mut scored: Vec<(u32, u32, i64, i64)> = st
        .query_map([text::fts_query(&terms)], |r| {
            let id: i64 = r.get(0)?;
            let kind = store::kind(&r.get::<_, String>(1)?);
            let words: u32 = whole
                .iter()
                .map(|w| if w.contains(&id) { 2 } else { 1 })
                .sum();
            Ok((words * 10 + kind.weight(), r.get(2)?, r.get(3)?, id))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let total = scored.len();
    let limit = limit.unwrap_or(usize::MAX);
    if limit < scored.len() {
        // The limit-th best score: a hit scored lower cannot be returned.
        let (_, nth, _) = scored.select_nth_unstable_by(limit, |a, b| b.0.cmp(&a.0));
        let floor = nth.0;
        scored.retain(|h| h.0 >= floor);
    }
    let mut files: HashMap<i64, (Option<String>, String)> = HashMap::new();
    let mut st = conn.prepare_cached("SELECT id, published, path FROM files")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        files.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
    }
    drop(rows);
    let none = (None, String::new());
    let mut found: Vec<(u32, &Option<String>, &str, u32, i64)> = scored
        .into_iter()
        .filter_map(|(score, ord, file, id)| {
            let (published, path) = files.get(&file).unwrap_or(&none);
            // A hit whose file is gone was never returned (the join dropped it).
            files
                .contains_key(&file)
                .then_some((score, published, path.as_str(), ord, id))
        })
        .collect();
    found.sort_by(|a, b| {
        found::rank_key(a.0, a.1, a.2, a.3).cmp(&found::rank_key(b.0, b.1, b.2, b.3))
    });
    found.truncate(limit);
    let mut st = conn.prepare_cached(
        "SELECT i.kind, i.ord, i.section, i.paragraph, i.quote, i.item, i.text,
                f.path, f.title, f.published
         FROM items i JOIN files f ON f.id = i.file WHERE i.id = ?1",
    )?;
    let mut hits = Vec::with_capacity(found.len());
    // One `Briefing` per file, shared by its hits.
    let mut shared: HashMap<String, Arc<Briefing>> = HashMap::new();
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
        let rel: String = r.get(7)?;
        let b = if let Some(b) = shared.get(&rel) {
            Arc::clone(b)
        } else {
            let b = Arc::new(briefing(ix, rel.clone(), r.get(8)?, r.get(9)?));
            shared.insert(rel, Arc::clone(&b));
            b
        };
        hits.extend(found::hit(&b, r.get(1)?, &item, &terms));
    }
    snapshot.commit()?;
    Ok(Search { hits, total })
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

/// `found::same_actor` over key sets, in one recursive query: from the typed keys to
/// the sets that hold them, from those sets to all their keys, and so on. A row is a
/// key (set NULL) or a set (key NULL); UNION meets each once. The sets are few (one per
/// distinct way an actor is named), so this does not grow with the briefings.
fn same_keysets(conn: &Connection, name: &str) -> rusqlite::Result<Vec<i64>> {
    let [id, named] = found::typed_keys(name);
    let mut st = conn.prepare_cached(
        "WITH RECURSIVE n(key, keyset) AS (
             VALUES (?1, NULL), (?2, NULL)
             UNION
             SELECT NULL, s.keyset FROM n JOIN keyset_keys s ON s.key = n.key
             UNION
             SELECT s.key, NULL FROM n JOIN keyset_keys s INDEXED BY keyset_keys_keyset
                 ON s.keyset = n.keyset
         )
         SELECT keyset FROM n WHERE key IS NULL",
    )?;
    st.query_map([id, named], |r| r.get(0))?.collect()
}

/// Pairs (file, actor) as SQL gets them: one JSON array of integers, `file << 32 | ix`.
fn pairs(refs: &[ActorRef]) -> String {
    serde_json::to_string(
        &refs
            .iter()
            .map(|&(f, a)| (f << 32) | i64::from(a))
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default()
}

/// Actors of the library, each with its row.
type Rows = Vec<(ActorRef, ActorRow)>;

/// The actors that have one of `keysets`, whole (for `describe`), sorted; and those of
/// them that have members.
fn chosen_actors(conn: &Connection, keysets: &[i64]) -> rusqlite::Result<(Rows, Vec<ActorRef>)> {
    let mut st = conn.prepare_cached(
        "SELECT a.id, a.name, a.kind, a.role, a.affiliation, a.aliases, a.native_name,
                a.same_as, a.file, a.ix, a.members
         FROM actors a INDEXED BY actors_keyset
         WHERE a.keyset IN (SELECT value FROM json_each(?1))",
    )?;
    let mut chosen: Rows = Vec::new();
    let mut leaders: Vec<ActorRef> = Vec::new();
    let mut q = st.query([serde_json::to_string(keysets).unwrap_or_default()])?;
    while let Some(r) = q.next()? {
        let at: ActorRef = (r.get(8)?, r.get(9)?);
        if r.get::<_, i64>(10)? > 0 {
            leaders.push(at);
        }
        chosen.push((at, actor_row(r)?));
    }
    chosen.sort_unstable_by_key(|c| c.0);
    Ok((chosen, leaders))
}

/// Adds to `speakers`, down the affiliations, the members of `leaders` (what
/// `found::with_members` finds: the loader cut affiliation cycles, and UNION stops at
/// any actor met twice).
fn add_members(
    conn: &Connection,
    leaders: &[ActorRef],
    speakers: &mut HashMap<ActorRef, Arc<Speaker>>,
) -> rusqlite::Result<()> {
    if leaders.is_empty() {
        return Ok(());
    }
    let mut st = conn.prepare_cached(
        "WITH RECURSIVE m(file, ix) AS (
             SELECT value >> 32, value & 4294967295 FROM json_each(?1)
             UNION
             SELECT a.file, a.ix FROM m JOIN actors a INDEXED BY actors_affiliation
                 ON a.file = m.file AND a.affiliation = m.ix
         )
         SELECT a.id, a.name, a.file, a.ix FROM m JOIN actors a
             ON a.file = m.file AND a.ix = m.ix",
    )?;
    let mut q = st.query([pairs(leaders)])?;
    while let Some(r) = q.next()? {
        let at: ActorRef = (r.get(2)?, r.get(3)?);
        if let std::collections::hash_map::Entry::Vacant(e) = speakers.entry(at) {
            e.insert(Arc::new(Speaker {
                id: r.get(0)?,
                name: r.get(1)?,
            }));
        }
    }
    Ok(())
}

/// An actor's statements in a few set-based queries, whatever the number of briefings:
/// the key sets that are the same actor, the actors that have them (one range of
/// `actors_keyset`), everyone affiliated to those that have members (a recursive query
/// down `actors_affiliation`), their files, then the quotes of all of them, one range
/// of the quotes' key (file, speaker, ix) each. Lists go in as JSON arrays
/// (`json_each`).
pub fn actor_statements(ix: &Index, name: &str) -> rusqlite::Result<Option<Statements>> {
    let conn = &ix.conn;
    let snapshot = conn.unchecked_transaction()?;
    let keysets = same_keysets(conn, name)?;
    if keysets.is_empty() {
        return Ok(None);
    }
    let (chosen, leaders) = chosen_actors(conn, &keysets)?;
    if chosen.is_empty() {
        return Ok(None);
    }
    let mut speakers: HashMap<ActorRef, Arc<Speaker>> = chosen
        .iter()
        .map(|(at, row)| (*at, Speaker::of(row)))
        .collect();
    add_members(conn, &leaders, &mut speakers)?;
    let mut file_ids: Vec<i64> = chosen.iter().map(|c| c.0.0).collect();
    file_ids.dedup();
    let mut st = conn.prepare_cached(
        "SELECT id, path, title, published FROM files
         WHERE id IN (SELECT value FROM json_each(?1))",
    )?;
    let files: HashMap<i64, Arc<Briefing>> = st
        .query_map(
            [serde_json::to_string(&file_ids).unwrap_or_default()],
            |r| {
                Ok((
                    r.get(0)?,
                    Arc::new(briefing(ix, r.get(1)?, r.get(2)?, r.get(3)?)),
                ))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT q.file, q.speaker, q.ix, q.id, q.section, q.section_id, q.section_title,
                q.text, q.mode, q.said, q.context, q.via
         FROM json_each(?1) j CROSS JOIN quotes q
             ON q.file = j.value >> 32 AND q.speaker = j.value & 4294967295",
    )?;
    let mut statements = Vec::with_capacity(speakers.len() * 4);
    // In the order of files: statements come out nearly in date order, for the sort.
    let mut said_by: Vec<ActorRef> = speakers.keys().copied().collect();
    said_by.sort_unstable();
    let mut q = st.query([pairs(&said_by)])?;
    while let Some(r) = q.next()? {
        let at: ActorRef = (r.get(0)?, r.get(1)?);
        let (Some(b), Some(who)) = (files.get(&at.0), speakers.get(&at)) else {
            continue;
        };
        let row = QuoteRow {
            id: r.get(3)?,
            section: r.get(4)?,
            section_id: r.get(5)?,
            section_title: r.get(6)?,
            speaker: at.1,
            text: r.get(7)?,
            mode: r.get(8)?,
            said: r.get(9)?,
            context: r.get(10)?,
            via: r.get(11)?,
        };
        statements.push(found::statement(b, r.get(2)?, row, who));
    }
    drop(q);
    // By path, then position, as the scan gives them to `describe`.
    let mut described: Vec<(&str, u32, &ActorRow)> = chosen
        .iter()
        .filter_map(|(at, row)| Some((files.get(&at.0)?.rel.as_str(), at.1, row)))
        .collect();
    described.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let described: Vec<(&str, &ActorRow)> = described.iter().map(|d| (d.0, d.2)).collect();
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

/// One actor, for `actors`: its merged key set, its place (its file's rank by path,
/// its position), what `describe` reads, how many quotes it said.
struct SeenActor {
    group: usize,
    place: (usize, u32),
    name: String,
    aliases: Vec<String>,
    said: usize,
}

/// The key sets, each numbered, and a union-find forest over those numbers in which
/// sets that share a key are one tree (`found::root` gives a set's tree).
fn merged_keysets(conn: &Connection) -> rusqlite::Result<(HashMap<i64, usize>, Vec<usize>)> {
    let mut sets: HashMap<i64, usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut st = conn.prepare_cached("SELECT keyset, key FROM keyset_keys")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let number = *sets.entry(r.get(0)?).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        });
        match by_key.entry(r.get(1)?) {
            std::collections::hash_map::Entry::Occupied(other) => {
                let here = found::root(&mut parent, number);
                let there = found::root(&mut parent, *other.get());
                parent[here.max(there)] = here.min(there);
            }
            std::collections::hash_map::Entry::Vacant(new) => {
                new.insert(number);
            }
        }
    }
    Ok((sets, parent))
}

/// Every actor of the library, merged across briefings, with counts: what
/// `found::merge_actors` makes of every actor, made from the key sets. Sets that share
/// a key are one actor (union-find over a few hundred sets, not every actor's keys);
/// each actor's quotes are counted in its row (`said`), so no quote is read.
pub fn actors(ix: &Index) -> rusqlite::Result<Vec<found::ActorCount>> {
    let conn = &ix.conn;
    let snapshot = conn.unchecked_transaction()?;
    // Files by path: an actor's place in the library is (its file's rank, its
    // position), the order `merge_actors` reads actors in.
    let mut st = conn.prepare_cached("SELECT path, id FROM files")?;
    let mut paths: Vec<(String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    paths.sort_unstable();
    let rank: HashMap<i64, usize> = paths.iter().enumerate().map(|(n, p)| (p.1, n)).collect();
    let (sets, mut parent) = merged_keysets(conn)?;
    let mut st = conn.prepare_cached("SELECT keyset, file, ix, name, aliases, said FROM actors")?;
    let mut seen: Vec<SeenActor> = Vec::new();
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let (Some(&set), Some(&file)) = (sets.get(&r.get(0)?), rank.get(&r.get(1)?)) else {
            continue;
        };
        seen.push(SeenActor {
            group: found::root(&mut parent, set),
            place: (file, r.get(2)?),
            name: r.get(3)?,
            aliases: split(&r.get::<_, String>(4)?),
            said: usize::try_from(r.get::<_, i64>(5)?).unwrap_or(0),
        });
    }
    drop(rows);
    snapshot.commit()?;
    seen.sort_unstable_by_key(|s| s.place);
    // Groups in the order of their first actor, as `merge_actors` makes them.
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<&SeenActor>> = Vec::new();
    for s in &seen {
        let g = *group_of.entry(s.group).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(s);
    }
    let mut out: Vec<found::ActorCount> = groups
        .iter()
        .map(|members| found::ActorCount {
            actor: found::describe_names(members.iter().map(|s| {
                (
                    paths[s.place.0].0.as_str(),
                    s.name.as_str(),
                    s.aliases.as_slice(),
                )
            })),
            quotes: members.iter().map(|s| s.said).sum(),
        })
        .collect();
    found::most_present_first(&mut out);
    Ok(out)
}

/// What the library's list reads of a file.
const LISTED: &str = "SELECT id, path, size, mtime, hash, seen, error, title, source, published,
        sections, quotes, tags, place_key, quote_ids FROM files";

/// Every file indexed, by path, as the library's list needs it (`found::Listed`).
pub fn listing(ix: &Index) -> rusqlite::Result<Vec<found::Listed>> {
    let mut st = ix.conn.prepare_cached(&format!("{LISTED} ORDER BY path"))?;
    st.query_map([], listed)?.collect()
}

/// `listing` of the files at `paths` (below the library folder) only, by path.
pub fn listing_of(ix: &Index, paths: &[&str]) -> rusqlite::Result<Vec<found::Listed>> {
    let mut st = ix.conn.prepare_cached(&format!(
        "{LISTED} WHERE path IN (SELECT value FROM json_each(?1)) ORDER BY path"
    ))?;
    st.query_map([serde_json::to_string(paths).unwrap_or_default()], listed)?
        .collect()
}

fn listed(r: &rusqlite::Row<'_>) -> rusqlite::Result<found::Listed> {
    {
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
    }
}
