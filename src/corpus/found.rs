//! What library queries answer: search hits and an actor's statements, with the one
//! order each is given in, and the merging of actors across briefings. The index
//! (`query.rs`) and the plain scan (`scan.rs`) both fill these, through the same
//! functions, so they answer alike.

use super::record::{ActorRow, Item, Kind, Place, QuoteRow};
use super::text::{self, Snippet};
use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;

/// A briefing of the library, as hits and statements name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Briefing {
    /// The file, under the library folder.
    pub path: PathBuf,
    /// The path below the library folder.
    pub rel: String,
    pub title: String,
    pub published: Option<String>,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Shared by every hit in the briefing: a search can return thousands.
    pub briefing: Arc<Briefing>,
    pub kind: Kind,
    pub place: Place,
    pub snippet: Snippet,
    /// Higher is better: whole-word matches, then what kind of text it is.
    pub score: u32,
    /// The item's position among its briefing's items (a tie-breaker).
    pub ord: u32,
}

/// The hit for `item` (the `ord`th of its briefing), if it answers `terms`: every
/// term begins a word of the item (for text, of its one paragraph).
pub fn hit(briefing: &Arc<Briefing>, ord: u32, item: &Item, terms: &[String]) -> Option<Hit> {
    let score = text::score(&item.text, terms)?;
    Some(Hit {
        briefing: Arc::clone(briefing),
        kind: item.kind,
        place: item.place.clone(),
        snippet: text::snippet(&item.text, terms),
        score: score * 10 + item.kind.weight(),
        ord,
    })
}

/// The hits of a search: the best `limit` (all without one), and how many there are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    pub hits: Vec<Hit>,
    pub total: usize,
}

/// What a hit is ranked by: its score (best first), its briefing's date (newest
/// first), its briefing's path and its place in it.
pub fn rank_key<'a>(
    score: u32,
    published: &'a Option<String>,
    rel: &'a str,
    ord: u32,
) -> (Reverse<u32>, Reverse<&'a Option<String>>, &'a str, u32) {
    (Reverse(score), Reverse(published), rel, ord)
}

/// Best first; among equals, the newest briefing first, then by path and place.
pub fn rank(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        (
            Reverse(a.score),
            Reverse(&a.briefing.published),
            &a.briefing.rel,
            a.ord,
        )
            .cmp(&(
                Reverse(b.score),
                Reverse(&b.briefing.published),
                &b.briefing.rel,
                b.ord,
            ))
    });
}

/// One actor's quote, somewhere in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Shared by the briefing's statements, as the speaker is by theirs: an actor can
    /// have thousands, and a copy each was a fifth of the time of
    /// `query::actor_statements` (BENCHMARKS.md, issue 19).
    pub briefing: Arc<Briefing>,
    /// When it was said, else when its briefing was published.
    pub date: Option<String>,
    /// Who said it, as that briefing names them.
    pub speaker: Arc<Speaker>,
    pub quote: String,
    pub section: u32,
    pub section_id: String,
    pub section_title: String,
    pub mode: String,
    pub text: String,
    pub ix: u32,
}

/// A speaker as a briefing names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub id: String,
}

impl Speaker {
    pub fn of(actor: &ActorRow) -> Arc<Self> {
        Arc::new(Self {
            name: actor.name.clone(),
            id: actor.id.clone(),
        })
    }
}

pub fn statement(
    briefing: &Arc<Briefing>,
    ix: u32,
    q: QuoteRow,
    speaker: &Arc<Speaker>,
) -> Statement {
    Statement {
        date: q.said.or_else(|| briefing.published.clone()),
        briefing: Arc::clone(briefing),
        speaker: Arc::clone(speaker),
        quote: q.id,
        section: q.section,
        section_id: q.section_id,
        section_title: q.section_title,
        mode: q.mode,
        text: q.text,
        ix,
    }
}

/// Oldest first (undated last), then by path and reading order.
pub fn in_date_order(statements: &mut Vec<Statement>) {
    // Their positions sorted, then each moved once: a statement is large to move at
    // every step of a sort, and an actor can have thousands.
    fn key(s: &Statement) -> (bool, &Option<String>, &str, u32) {
        (s.date.is_none(), &s.date, &s.briefing.rel, s.ix)
    }
    let mut order: Vec<usize> = (0..statements.len()).collect();
    order.sort_by(|&a, &b| key(&statements[a]).cmp(&key(&statements[b])));
    let mut slots: Vec<Option<Statement>> =
        std::mem::take(statements).into_iter().map(Some).collect();
    statements.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// An actor as the library sees it: the briefings' actors that are the same one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Actor {
    /// The name most briefings give it (ties: the first in order).
    pub name: String,
    /// Every name and alias it has: `name` first, then the others in the order met
    /// (by path, then position).
    pub names: Vec<String>,
    /// In how many briefings it appears.
    pub briefings: usize,
}

/// What an actor's statements come with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statements {
    pub actor: Actor,
    pub statements: Vec<Statement>,
}

/// An actor of one briefing: the briefing's number (the index's file id, or the
/// scan's position) and the actor's position in it.
pub type ActorRef = (i64, u32);

/// Where actors are looked up by key: the index, or the scan's table.
pub trait Keys {
    type Error;
    /// The actors with `key`, and every key those actors have.
    fn with_key(&mut self, key: &str) -> Result<(Vec<ActorRef>, Vec<String>), Self::Error>;
}

/// The keys a name typed by the user finds: an id as is, a name lowercased.
pub fn typed_keys(name: &str) -> [String; 2] {
    [
        format!("#{}", name.trim()),
        format!("={}", text::name_key(name)),
    ]
}

/// Every actor of the library that is the same as one the typed `name` finds: the
/// closure over shared keys (ids, names, aliases, `same-as`). Sorted.
pub fn same_actor<K: Keys>(keys: &mut K, name: &str) -> Result<Vec<ActorRef>, K::Error> {
    let mut seen_keys: HashSet<String> = HashSet::new();
    let mut found: BTreeSet<ActorRef> = BTreeSet::new();
    let mut queue: VecDeque<String> = typed_keys(name).into_iter().collect();
    while let Some(key) = queue.pop_front() {
        if !seen_keys.insert(key.clone()) {
            continue;
        }
        let (actors, more) = keys.with_key(&key)?;
        found.extend(actors);
        queue.extend(more.into_iter().filter(|k| !seen_keys.contains(k)));
    }
    Ok(found.into_iter().collect())
}

/// Within one briefing: the actors given and every actor affiliated to them, directly
/// or not (the loader cut affiliation cycles).
pub fn with_members<S: std::hash::BuildHasher>(
    affiliations: &[Option<u32>],
    chosen: &HashSet<u32, S>,
) -> HashSet<u32> {
    let mut out = HashSet::new();
    for start in 0..affiliations.len() {
        let mut cur = u32::try_from(start).ok();
        let mut steps = 0;
        while let Some(a) = cur {
            if chosen.contains(&a) {
                out.insert(u32::try_from(start).unwrap_or(u32::MAX));
                break;
            }
            steps += 1;
            if steps > affiliations.len() {
                break;
            }
            cur = affiliations.get(a as usize).copied().flatten();
        }
    }
    out
}

/// The library's view of the actors found (`rows`: each with its briefing's path).
pub fn describe(rows: &[(&str, &ActorRow)]) -> Actor {
    describe_names(
        rows.iter()
            .map(|(rel, a)| (*rel, a.name.as_str(), a.aliases.as_slice())),
    )
}

/// `describe` from what it reads of each actor: its briefing's path, its name and its
/// aliases, in the library's order (by path, then position).
pub fn describe_names<'a>(
    rows: impl IntoIterator<Item = (&'a str, &'a str, &'a [String])>,
) -> Actor {
    let mut count: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut briefings: HashSet<&str> = HashSet::new();
    for (rel, name, aliases) in rows {
        briefings.insert(rel);
        *count.entry(name).or_default() += 1;
        for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
            if !names.iter().any(|m| m == n) {
                names.push(n.to_owned());
            }
        }
    }
    let name = names
        .iter()
        .max_by_key(|n| {
            (
                count.get(n.as_str()).copied().unwrap_or(0),
                Reverse(names.iter().position(|m| m == *n)),
            )
        })
        .cloned()
        .unwrap_or_default();
    // The name chosen first, the others in the order met (`names` promises it, and
    // the Actors screen shows the rest as aliases).
    if let Some(at) = names.iter().position(|n| *n == name) {
        names[..=at].rotate_right(1);
    }
    Actor {
        name,
        names,
        briefings: briefings.len(),
    }
}

/// The representative of `i`'s group (union-find, halving the path as it goes).
pub fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// One actor of the library's Actors screen: the briefings' actors that are the same
/// one (`same_actor`'s closure), with how often they appear.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActorCount {
    pub actor: Actor,
    /// Quotes they said themselves, across the library (not their affiliates').
    pub quotes: usize,
}

/// One briefing's actor, for `merge_actors`: its briefing's number and path, its
/// position, its row, and how many quotes it said there.
pub struct ActorSeen {
    pub at: ActorRef,
    pub rel: String,
    pub row: ActorRow,
    pub quotes: usize,
}

/// Every actor of the library, merged as `same_actor` merges them (any key shared:
/// id, name, alias, `same-as`), most present first: by briefings, then quotes, then
/// name. Merging in one pass (union by shared key) finds the same groups as following
/// the keys from one name, which the statements then use.
pub fn merge_actors(mut seen: Vec<ActorSeen>) -> Vec<ActorCount> {
    seen.sort_by(|a, b| (&a.rel, a.at.1).cmp(&(&b.rel, b.at.1)));
    let mut parent: Vec<usize> = (0..seen.len()).collect();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, s) in seen.iter().enumerate() {
        for k in s.row.all_keys() {
            match by_key.get(&k) {
                Some(&j) => {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    // The earlier actor stays the root, so a group keeps its order.
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    by_key.insert(k, i);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..seen.len() {
        let r = root(&mut parent, i);
        let g = *group_of.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut out: Vec<ActorCount> = groups
        .iter()
        .map(|members| {
            let rows: Vec<(&str, &ActorRow)> = members
                .iter()
                .map(|&i| (seen[i].rel.as_str(), &seen[i].row))
                .collect();
            ActorCount {
                actor: describe(&rows),
                quotes: members.iter().map(|&i| seen[i].quotes).sum(),
            }
        })
        .collect();
    most_present_first(&mut out);
    out
}

/// The Actors screen's order: by briefings, then quotes, then name; groups otherwise
/// equal stay in the order of their first actor (by path, then position): a stable
/// sort.
pub fn most_present_first(actors: &mut [ActorCount]) {
    actors.sort_by(|a, b| {
        (Reverse(a.actor.briefings), Reverse(a.quotes), &a.actor.name).cmp(&(
            Reverse(b.actor.briefings),
            Reverse(b.quotes),
            &b.actor.name,
        ))
    });
}

/// One file as the index lists it, for the library's list: what decides whether the
/// file changed since it was indexed, and what its row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Its path below the library folder, size and time when indexed.
    pub stamp: super::store::Stamp,
    /// `None` for a file that does not load (the list reads it again for its report).
    pub briefing: Option<ListedBriefing>,
}

/// What the library's list shows of a briefing that loads, and what counts its
/// unread quotes: the key of its remembered place and its quotes' ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedBriefing {
    pub title: String,
    pub source: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    pub sections: usize,
    pub quotes: usize,
    pub tags: Vec<String>,
    pub place_key: String,
    pub quote_ids: Vec<String>,
}
