//! Questions answered by reading every file, without an index (`--no-cache`): slower,
//! the same answers, one briefing in memory at a time. Also the truth the index is
//! tested against.

use super::found::{self, ActorRef, Briefing, Keys, Speaker, Statements};
use super::record::{self, ActorRow, Record};
use super::walk::{self, Found};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// An answer, with the folders that could not be read on the way (escaped).
#[derive(Debug, Clone, PartialEq)]
pub struct Scanned<T> {
    pub answer: T,
    pub problems: Vec<String>,
}

fn load(f: &Found) -> Option<Record> {
    let bytes = crate::load::source::read(&f.path).ok()?;
    crate::load::load_bytes(&f.rel, &bytes)
        .ok()
        .map(|l| record::record(&l.briefing))
}

fn briefing(f: &Found, r: &Record) -> Arc<Briefing> {
    Arc::new(Briefing {
        path: f.path.clone(),
        rel: f.rel.clone(),
        title: r.title.clone(),
        published: r.published.clone(),
    })
}

fn files(root: &Path) -> Result<walk::Walk, String> {
    let root = super::library_root(root)?;
    Ok(walk::walk(&root, &walk::Fs))
}

/// The best `limit` hits of `query` (all without one), and how many there are.
pub fn search(
    root: &Path,
    query: &str,
    limit: Option<usize>,
) -> Result<Scanned<found::Search>, String> {
    let found = files(root)?;
    let terms = super::text::terms(query);
    let mut hits = Vec::new();
    if !terms.is_empty() {
        for f in &found.files {
            let Some(r) = load(f) else { continue };
            let b = briefing(f, &r);
            for (ord, item) in r.items.iter().enumerate() {
                let ord = u32::try_from(ord).unwrap_or(u32::MAX);
                hits.extend(found::hit(&b, ord, item, &terms));
            }
        }
    }
    found::rank(&mut hits);
    let total = hits.len();
    hits.truncate(limit.unwrap_or(usize::MAX));
    Ok(Scanned {
        answer: found::Search { hits, total },
        problems: found.problems,
    })
}

/// Every actor of the library by key (each of `ActorRow::all_keys`), as the index's
/// key sets hold them.
#[derive(Default)]
struct ScanKeys {
    by_key: HashMap<String, Vec<ActorRef>>,
    keys: HashMap<ActorRef, Vec<String>>,
}

impl Keys for ScanKeys {
    type Error = std::convert::Infallible;

    fn with_key(&mut self, key: &str) -> Result<(Vec<ActorRef>, Vec<String>), Self::Error> {
        let actors = self.by_key.get(key).cloned().unwrap_or_default();
        let keys = actors
            .iter()
            .flat_map(|a| self.keys.get(a).into_iter().flatten().cloned())
            .collect();
        Ok((actors, keys))
    }
}

pub fn actor_statements(root: &Path, name: &str) -> Result<Scanned<Option<Statements>>, String> {
    let found = files(root)?;
    // First pass: every actor's keys (small), one briefing at a time.
    let mut keys = ScanKeys::default();
    for (n, f) in found.files.iter().enumerate() {
        let Some(r) = load(f) else { continue };
        let file = i64::try_from(n).unwrap_or(i64::MAX);
        for (ix, a) in r.actors.iter().enumerate() {
            let at = (file, u32::try_from(ix).unwrap_or(u32::MAX));
            let all = a.all_keys();
            for k in &all {
                keys.by_key.entry(k.clone()).or_default().push(at);
            }
            keys.keys.insert(at, all);
        }
    }
    let Ok(refs) = found::same_actor(&mut keys, name);
    let answer = if refs.is_empty() {
        None
    } else {
        let mut by_file: BTreeMap<i64, HashSet<u32>> = BTreeMap::new();
        for (file, a) in refs {
            by_file.entry(file).or_default().insert(a);
        }
        // Second pass: the quotes, from the briefings the actor is in.
        let mut rows: Vec<(String, u32, ActorRow)> = Vec::new();
        let mut statements = Vec::new();
        for (file, chosen) in &by_file {
            let Some(f) = usize::try_from(*file).ok().and_then(|n| found.files.get(n)) else {
                continue;
            };
            let Some(r) = load(f) else { continue };
            let b = briefing(f, &r);
            for &a in chosen {
                if let Some(row) = r.actors.get(a as usize) {
                    rows.push((f.rel.clone(), a, row.clone()));
                }
            }
            let affiliations: Vec<Option<u32>> = r.actors.iter().map(|a| a.affiliation).collect();
            let speakers: HashMap<u32, Arc<Speaker>> = found::with_members(&affiliations, chosen)
                .into_iter()
                .filter_map(|a| Some((a, Speaker::of(r.actors.get(a as usize)?))))
                .collect();
            for (ix, q) in r.quotes.iter().enumerate() {
                if let Some(who) = speakers.get(&q.speaker) {
                    let ix = u32::try_from(ix).unwrap_or(u32::MAX);
                    statements.push(found::statement(&b, ix, q.clone(), who));
                }
            }
        }
        rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let described: Vec<(&str, &ActorRow)> =
            rows.iter().map(|(r, _, a)| (r.as_str(), a)).collect();
        found::in_date_order(&mut statements);
        Some(Statements {
            actor: found::describe(&described),
            statements,
        })
    };
    Ok(Scanned {
        answer,
        problems: found.problems,
    })
}

/// Every actor of the library, merged across briefings, with counts, as the index's
/// `actors` answers.
pub fn actors(root: &Path) -> Result<Scanned<Vec<found::ActorCount>>, String> {
    let found = files(root)?;
    let mut seen = Vec::new();
    for (n, f) in found.files.iter().enumerate() {
        let Some(r) = load(f) else { continue };
        let file = i64::try_from(n).unwrap_or(i64::MAX);
        for ((ix, a), quotes) in r.actors.iter().enumerate().zip(r.said_by_actor()) {
            let ix = u32::try_from(ix).unwrap_or(u32::MAX);
            seen.push(found::ActorSeen {
                at: (file, ix),
                rel: f.rel.clone(),
                row: a.clone(),
                quotes,
            });
        }
    }
    Ok(Scanned {
        answer: found::merge_actors(seen),
        problems: found.problems,
    })
}
