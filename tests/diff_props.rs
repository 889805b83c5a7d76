//! Property tests of `brief diff` (issue 20): a generated briefing has no differences
//! with itself, and after random changes (a quote's words edited, its speaker or date
//! changed, a stance changed, a figure revised, a quote added, removed or moved to
//! another section, ids renamed with the same content) the diff lists exactly the
//! changes applied: each one, and nothing else.

use brief::diff::{Kind, diff};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

const VOCAB: [&str; 8] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
];
const STANCES: [&str; 4] = ["asserts", "likely", "undecided", "denies"];

/// A quote; `tag` is its identity across changes and makes its text unique.
#[derive(Debug, Clone)]
struct Quote {
    tag: usize,
    id: String,
    speaker: usize,
    words: Vec<usize>,
    said: Option<u32>,
}

#[derive(Debug, Clone)]
struct Section {
    id: String,
    quotes: Vec<Quote>,
}

#[derive(Debug, Clone)]
struct Claim {
    id: String,
    /// (actor, stance) pairs, one per actor.
    positions: Vec<(usize, usize)>,
}

/// A briefing as the test builds it; `toml` writes it as a briefing file. Actor `k` is
/// named `Actor k`, section `k` titled `Section k`, claim `k` states `Claim k holds.`,
/// figure `k` measures `Measure k`: names never change, ids may.
#[derive(Debug, Clone)]
struct Spec {
    actors: Vec<String>,
    sections: Vec<Section>,
    claims: Vec<Claim>,
    /// (actor, value)
    figures: Vec<(usize, u32)>,
}

impl Spec {
    fn toml(&self) -> String {
        let mut t = String::from(
            "format = 1\n\n[briefing]\ntitle = \"Generated\"\npublished = 2025-02-01\n",
        );
        for (k, id) in self.actors.iter().enumerate() {
            let _ = write!(
                t,
                "\n[[actors]]\nid = \"{id}\"\nname = \"Actor {k}\"\nkind = \"person\"\n"
            );
        }
        for (k, s) in self.sections.iter().enumerate() {
            let _ = write!(
                t,
                "\n[[sections]]\nid = \"{}\"\ntitle = \"Section {k}\"\n",
                s.id
            );
            for q in &s.quotes {
                let _ = write!(
                    t,
                    "\n[[sections.quotes]]\nid = \"{}\"\nspeaker = \"{}\"\ntext = \"{}\"\n",
                    q.id,
                    self.actors[q.speaker],
                    text(q)
                );
                if let Some(d) = q.said {
                    let _ = writeln!(t, "said = 2025-01-{d:02}");
                }
            }
        }
        for (k, c) in self.claims.iter().enumerate() {
            let _ = write!(
                t,
                "\n[[claims]]\nid = \"{}\"\nstatement = \"Claim {k} holds.\"\n",
                c.id
            );
            for &(a, s) in &c.positions {
                let _ = write!(
                    t,
                    "\n[[claims.positions]]\nactor = \"{}\"\nstance = \"{}\"\n",
                    self.actors[a], STANCES[s]
                );
            }
        }
        for (k, &(a, v)) in self.figures.iter().enumerate() {
            let _ = write!(
                t,
                "\n[[figures]]\nmeasure = \"Measure {k}\"\nvalue = \"{v}\"\nactor = \"{}\"\n",
                self.actors[a]
            );
        }
        t
    }

    /// Where the quote with `tag` is: (section, position).
    fn find(&self, tag: usize) -> (usize, usize) {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(s, sec)| sec.quotes.iter().position(|q| q.tag == tag).map(|i| (s, i)))
            .expect("the quote is there")
    }

    fn quote(&mut self, tag: usize) -> &mut Quote {
        let (s, i) = self.find(tag);
        &mut self.sections[s].quotes[i]
    }

    fn tags(&self) -> Vec<usize> {
        self.sections
            .iter()
            .flat_map(|s| s.quotes.iter().map(|q| q.tag))
            .collect()
    }
}

fn text(q: &Quote) -> String {
    let words: Vec<&str> = q.words.iter().map(|&w| VOCAB[w]).collect();
    format!("{} q{}.", words.join(" "), q.tag)
}

fn spec() -> impl Strategy<Value = Spec> {
    let quote = (
        0usize..4,
        proptest::collection::vec(0usize..VOCAB.len(), 3..6),
        proptest::option::of(1u32..=28),
    );
    (
        2usize..=4,
        proptest::collection::vec(proptest::collection::vec(quote, 1..=3), 2..=3),
        proptest::collection::vec(
            proptest::collection::vec(proptest::option::of(0usize..4), 4),
            1..=3,
        ),
        proptest::collection::vec((0usize..4, 1u32..5000), 0..=2),
    )
        .prop_map(|(n_actors, sections, claims, figures)| {
            let mut tag = 0;
            Spec {
                actors: (0..n_actors).map(|k| format!("a{k}")).collect(),
                sections: sections
                    .into_iter()
                    .enumerate()
                    .map(|(k, quotes)| Section {
                        id: format!("s{k}"),
                        quotes: quotes
                            .into_iter()
                            .map(|(speaker, words, said)| {
                                tag += 1;
                                Quote {
                                    tag,
                                    id: format!("q{tag}"),
                                    speaker: speaker % n_actors,
                                    words,
                                    said,
                                }
                            })
                            .collect(),
                    })
                    .collect(),
                claims: claims
                    .into_iter()
                    .enumerate()
                    .map(|(k, stances)| Claim {
                        id: format!("c{k}"),
                        positions: stances
                            .into_iter()
                            .enumerate()
                            .filter(|&(a, _)| a < n_actors)
                            .filter_map(|(a, s)| s.map(|s| (a, s)))
                            .collect(),
                    })
                    .collect(),
                figures: figures
                    .into_iter()
                    .map(|(a, v)| (a % n_actors, v))
                    .collect(),
            }
        })
}

/// One random change; `pick` chooses its target among those it may apply to (and
/// `other` a second choice: a word, a speaker, a section...).
#[derive(Debug, Clone)]
enum Mutation {
    EditWord,
    ChangeSpeaker,
    ChangeDate,
    ChangeStance,
    ReviseFigure,
    AddQuote,
    RemoveQuote,
    MoveQuote,
    RenameQuote,
    RenameActor,
    RenameSection,
    RenameClaim,
}

fn mutation() -> impl Strategy<Value = (Mutation, usize, usize)> {
    let kind = prop_oneof![
        Just(Mutation::EditWord),
        Just(Mutation::ChangeSpeaker),
        Just(Mutation::ChangeDate),
        Just(Mutation::ChangeStance),
        Just(Mutation::ReviseFigure),
        Just(Mutation::AddQuote),
        Just(Mutation::RemoveQuote),
        Just(Mutation::MoveQuote),
        Just(Mutation::RenameQuote),
        Just(Mutation::RenameActor),
        Just(Mutation::RenameSection),
        Just(Mutation::RenameClaim),
    ];
    (kind, any::<usize>(), any::<usize>())
}

/// What the changes applied add up to, per item. Each field changes at most once, so
/// no change undoes another; a renamed quote keeps its words and speaker (with both
/// its id and its content changed it matches nothing, and reads as removed plus added,
/// which is right but not this test).
#[derive(Debug, Default)]
struct Applied {
    /// Quote tag → the fields changed ("text", "speaker", "said", "section").
    quotes: BTreeMap<usize, BTreeSet<&'static str>>,
    renamed_quotes: BTreeSet<usize>,
    added: BTreeSet<usize>,
    /// Old ids of removed quotes.
    removed: Vec<String>,
    /// Claim → actors whose stance changed.
    stances: BTreeMap<usize, BTreeSet<usize>>,
    figures: BTreeSet<usize>,
    renamed: BTreeSet<(&'static str, usize)>,
}

fn pick<T: Copy>(from: &[T], n: usize) -> Option<T> {
    (!from.is_empty()).then(|| from[n % from.len()])
}

/// Applies one change to `spec` if it has a target; records it in `applied`. One arm
/// per kind of change, read together.
#[allow(clippy::too_many_lines)]
fn apply(spec: &mut Spec, applied: &mut Applied, (mutation, n, m): &(Mutation, usize, usize)) {
    let (n, m) = (*n, *m);
    let b = spec;
    // Quotes that may take a change of `field`: not added, not yet changed in that
    // field, and for the words or the speaker (what a renamed quote is matched by),
    // not renamed.
    let free = |b: &Spec, applied: &Applied, field: &str| -> Vec<usize> {
        let content = matches!(field, "text" | "speaker");
        b.tags()
            .into_iter()
            .filter(|t| !applied.added.contains(t))
            .filter(|t| !(content && applied.renamed_quotes.contains(t)))
            .filter(|t| applied.quotes.get(t).is_none_or(|f| !f.contains(field)))
            .collect()
    };
    match mutation {
        Mutation::EditWord => {
            if let Some(t) = pick(&free(b, applied, "text"), n) {
                let quote = b.quote(t);
                let word = m % quote.words.len();
                quote.words[word] = (quote.words[word] + 1 + m % (VOCAB.len() - 1)) % VOCAB.len();
                applied.quotes.entry(t).or_default().insert("text");
            }
        }
        Mutation::ChangeSpeaker => {
            if let Some(t) = pick(&free(b, applied, "speaker"), n) {
                let actors = b.actors.len();
                let quote = b.quote(t);
                quote.speaker = (quote.speaker + 1 + m % (actors - 1)) % actors;
                applied.quotes.entry(t).or_default().insert("speaker");
            }
        }
        Mutation::ChangeDate => {
            if let Some(t) = pick(&free(b, applied, "said"), n) {
                let quote = b.quote(t);
                quote.said = match quote.said {
                    Some(_) if m % 2 == 0 => None,
                    Some(day) => Some(day % 28 + 1),
                    None => Some(u32::try_from(m % 28).unwrap() + 1),
                };
                applied.quotes.entry(t).or_default().insert("said");
            }
        }
        Mutation::ChangeStance => {
            let cells: Vec<(usize, usize)> = b
                .claims
                .iter()
                .enumerate()
                .flat_map(|(c, claim)| claim.positions.iter().map(move |p| (c, p.0)))
                .filter(|(c, a)| applied.stances.get(c).is_none_or(|s| !s.contains(a)))
                .collect();
            if let Some((c, a)) = pick(&cells, n) {
                let p = b.claims[c].positions.iter_mut().find(|p| p.0 == a).unwrap();
                p.1 = (p.1 + 1 + m % 3) % 4;
                applied.stances.entry(c).or_default().insert(a);
            }
        }
        Mutation::ReviseFigure => {
            let free: Vec<usize> = (0..b.figures.len())
                .filter(|f| !applied.figures.contains(f))
                .collect();
            if let Some(f) = pick(&free, n) {
                b.figures[f].1 += 1 + u32::try_from(m % 100).unwrap();
                applied.figures.insert(f);
            }
        }
        Mutation::AddQuote => {
            let tag = 1000 + applied.added.len();
            let s = n % b.sections.len();
            let speaker = m % b.actors.len();
            b.sections[s].quotes.push(Quote {
                tag,
                id: format!("new{tag}"),
                speaker,
                words: vec![m % VOCAB.len(), n % VOCAB.len()],
                said: None,
            });
            applied.added.insert(tag);
        }
        Mutation::RemoveQuote => {
            let untouched: Vec<usize> = b
                .tags()
                .into_iter()
                .filter(|t| !applied.added.contains(t) && !applied.renamed_quotes.contains(t))
                .filter(|t| !applied.quotes.contains_key(t))
                .collect();
            if let Some(t) = pick(&untouched, n) {
                let (section, at) = b.find(t);
                let quote = b.sections[section].quotes.remove(at);
                applied.removed.push(quote.id);
            }
        }
        Mutation::MoveQuote => {
            if let Some(t) = pick(&free(b, applied, "section"), n) {
                let (section, at) = b.find(t);
                let quote = b.sections[section].quotes.remove(at);
                let to = (section + 1 + m % (b.sections.len() - 1)) % b.sections.len();
                b.sections[to].quotes.push(quote);
                applied.quotes.entry(t).or_default().insert("section");
            }
        }
        Mutation::RenameQuote => {
            // Added quotes too (still added, under the new id), moved or re-dated ones
            // too (matched by speaker and words), once each.
            let untouched: Vec<usize> = b
                .tags()
                .into_iter()
                .filter(|t| !applied.renamed_quotes.contains(t))
                .filter(|t| {
                    applied
                        .quotes
                        .get(t)
                        .is_none_or(|f| !f.contains("text") && !f.contains("speaker"))
                })
                .collect();
            if let Some(t) = pick(&untouched, n) {
                let quote = b.quote(t);
                quote.id = format!("renamed-q{t}");
                applied.renamed_quotes.insert(t);
            }
        }
        Mutation::RenameActor => {
            let k = n % b.actors.len();
            if applied.renamed.insert(("actor", k)) {
                b.actors[k] = format!("renamed-a{k}");
            }
        }
        Mutation::RenameSection => {
            let k = n % b.sections.len();
            if applied.renamed.insert(("section", k)) {
                b.sections[k].id = format!("renamed-s{k}");
            }
        }
        Mutation::RenameClaim => {
            let k = n % b.claims.len();
            if applied.renamed.insert(("claim", k)) {
                b.claims[k].id = format!("renamed-c{k}");
            }
        }
    }
}

/// A change as the test compares it: kind, item, id and the fields named.
type Seen = (Kind, &'static str, Option<String>, Vec<String>);

fn expected(b: &Spec, applied: &Applied) -> Vec<Seen> {
    let mut out = Vec::new();
    for (&t, fields) in &applied.quotes {
        let (s, i) = b.find(t);
        let kind = if fields.contains("section") {
            Kind::Moved
        } else {
            Kind::Changed
        };
        let mut fields: Vec<String> = fields.iter().map(|f| (*f).to_owned()).collect();
        fields.sort();
        out.push((
            kind,
            "quote",
            Some(b.sections[s].quotes[i].id.clone()),
            fields,
        ));
    }
    for &t in &applied.added {
        let (s, i) = b.find(t);
        out.push((
            Kind::Added,
            "quote",
            Some(b.sections[s].quotes[i].id.clone()),
            vec![],
        ));
    }
    for id in &applied.removed {
        out.push((Kind::Removed, "quote", Some(id.clone()), vec![]));
    }
    for (&c, actors) in &applied.stances {
        let mut fields: Vec<String> = actors.iter().map(|a| format!("Actor {a}")).collect();
        fields.sort();
        out.push((Kind::Changed, "claim", Some(b.claims[c].id.clone()), fields));
    }
    for _ in &applied.figures {
        out.push((Kind::Changed, "figure", None, vec!["value".to_owned()]));
    }
    out.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
    out
}

fn seen(d: &brief::diff::Diff) -> Vec<Seen> {
    let mut out: Vec<Seen> = d
        .changes
        .iter()
        .map(|c| {
            let mut fields: Vec<String> = c.fields.iter().map(|f| f.field.clone()).collect();
            fields.sort();
            (c.change, c.item, c.id.clone(), fields)
        })
        .collect();
    out.sort_by(|x, y| format!("{x:?}").cmp(&format!("{y:?}")));
    out
}

fn load(text: &str) -> brief::model::Briefing {
    brief::load::load_str("generated.toml", text)
        .unwrap_or_else(|r| panic!("{}\n{text}", r.render()))
        .briefing
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_briefing_has_no_differences_with_itself(a in spec()) {
        let text = a.toml();
        let (x, y) = (load(&text), load(&text));
        prop_assert!(diff(&x, &x).is_empty());
        prop_assert_eq!(seen(&diff(&x, &y)), vec![]);
    }

    #[test]
    fn the_diff_lists_exactly_the_changes_applied(
        a in spec(),
        changes in proptest::collection::vec(mutation(), 1..8),
    ) {
        let mut b = a.clone();
        let mut applied = Applied::default();
        for c in &changes {
            apply(&mut b, &mut applied, c);
        }
        let (old, new) = (a.toml(), b.toml());
        let d = diff(&load(&old), &load(&new));
        prop_assert_eq!(seen(&d), expected(&b, &applied), "OLD:\n{}\nNEW:\n{}", old, new);
    }
}
