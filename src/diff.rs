//! `brief diff OLD NEW`: what changed between two briefings, by meaning, not by lines.
//!
//! Actors, sections, quotes, claims and their positions, figures and timeline events
//! are matched by id, and where ids differ by content (a quote by speaker and text, a
//! claim by statement, an actor by name, a section by title); a figure by what it
//! measures and who gave it, an event by what happened. A renamed id with the same
//! content is no change; a quote whose section changed is a move.

use crate::model::{ActorIx, Briefing, PartialDate, QuoteMode, SectionIx};
use crate::views::analysis::stance_label;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;

/// How `brief diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text, a line per item (coloured on a terminal)
    #[default]
    Text,
    /// Markdown: a list item per item, a nested one per change
    Markdown,
    /// JSON, for scripts
    Json,
}

/// What happened to one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Added,
    Removed,
    Changed,
    /// A quote now in another section (and perhaps changed too).
    Moved,
}

/// One piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Word {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    pub text: String,
}

/// One field of an item, before and after (absent on the side that lacks it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// For text (a quote's words, a statement), the word-level diff.
    pub words: Option<Vec<Word>>,
}

/// One added, removed, changed or moved item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub change: Kind,
    /// `actor`, `section`, `quote`, `claim`, `figure` or `event`.
    pub item: &'static str,
    /// The item's id (the new one when both have one); figures and events have none.
    pub id: Option<String>,
    /// How the item reads: an actor's name, a quote's speaker, a claim's statement...
    pub label: String,
    /// For an added or removed item, its text (a quote's words, a figure's value...).
    pub text: Option<String>,
    /// For a changed or moved item, what changed.
    pub fields: Vec<Field>,
}

/// Every difference between two briefings, in the order actors, sections, quotes,
/// claims, figures, timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
}

impl Diff {
    /// Whether the two say the same thing.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares `old` with `new`.
pub fn diff(old: &Briefing, new: &Briefing) -> Diff {
    let mut d = Differ {
        old,
        new,
        actors: Vec::new(),
        sections: Vec::new(),
        out: Vec::new(),
    };
    d.actors();
    d.sections();
    d.quotes();
    d.claims();
    d.figures();
    d.timeline();
    Diff { changes: d.out }
}

/// Which old items match which new ones.
struct Matching {
    pairs: Vec<(usize, usize)>,
    removed: Vec<usize>,
    added: Vec<usize>,
}

/// A key of one side's item for one matching pass; `None` takes no part in it.
type Key<'a> = Box<dyn Fn(usize) -> Option<String> + 'a>;

/// Matches `n_old` items with `n_new` by each pass's keys in turn (first by id, then
/// by content); equal keys pair in file order. Pairs come in the new file's order.
fn match_items(n_old: usize, n_new: usize, passes: &[(Key<'_>, Key<'_>)]) -> Matching {
    let mut old_to_new: Vec<Option<usize>> = vec![None; n_old];
    let mut new_taken = vec![false; n_new];
    for (old_key, new_key) in passes {
        let mut free: HashMap<String, Vec<usize>> = HashMap::new();
        for j in (0..n_new).rev().filter(|&j| !new_taken[j]) {
            if let Some(k) = new_key(j) {
                free.entry(k).or_default().push(j);
            }
        }
        for (i, slot) in old_to_new.iter_mut().enumerate() {
            if slot.is_some() {
                continue;
            }
            if let Some(j) = old_key(i).and_then(|k| free.get_mut(&k).and_then(Vec::pop)) {
                *slot = Some(j);
                new_taken[j] = true;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = old_to_new
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
        .collect();
    pairs.sort_by_key(|&(_, j)| j);
    Matching {
        pairs,
        removed: (0..n_old).filter(|&i| old_to_new[i].is_none()).collect(),
        added: (0..n_new).filter(|&j| !new_taken[j]).collect(),
    }
}

struct Differ<'a> {
    old: &'a Briefing,
    new: &'a Briefing,
    /// Each old actor's match in the new briefing.
    actors: Vec<Option<ActorIx>>,
    /// Each old section's match in the new briefing.
    sections: Vec<Option<SectionIx>>,
    out: Vec<Change>,
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn mode(m: QuoteMode) -> String {
    match m {
        QuoteMode::Direct => "direct",
        QuoteMode::Reported => "reported",
    }
    .to_owned()
}

/// A field that differs, or nothing.
fn field(name: &str, before: Option<String>, after: Option<String>) -> Option<Field> {
    (before != after).then(|| Field {
        field: name.to_owned(),
        before,
        after,
        words: None,
    })
}

/// A text field that differs, with its word-level diff.
fn text_field(name: &str, before: &str, after: &str) -> Option<Field> {
    (before != after).then(|| Field {
        field: name.to_owned(),
        before: Some(before.to_owned()),
        after: Some(after.to_owned()),
        words: Some(words(before, after)),
    })
}

/// The word-level diff of two texts, runs of one kind merged.
pub fn words(before: &str, after: &str) -> Vec<Word> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(before, after);
    let mut out: Vec<Word> = Vec::new();
    for c in diff.iter_all_changes() {
        let op = match c.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(c.value()),
            _ => out.push(Word {
                op,
                text: c.value().to_owned(),
            }),
        }
    }
    out
}

impl Differ<'_> {
    fn old_actor_name(&self, a: ActorIx) -> String {
        self.old.actor(a).name.clone()
    }

    fn new_actor_name(&self, a: ActorIx) -> String {
        self.new.actor(a).name.clone()
    }

    /// Whether old actor `a` is new actor `b`.
    fn same_actor(&self, a: Option<ActorIx>, b: Option<ActorIx>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => self.actors[a.get()] == Some(b),
            _ => false,
        }
    }

    /// The field for an actor reference, when it is another actor.
    fn actor_field(&self, name: &str, a: Option<ActorIx>, b: Option<ActorIx>) -> Option<Field> {
        if self.same_actor(a, b) {
            return None;
        }
        Some(Field {
            field: name.to_owned(),
            before: a.map(|a| self.old_actor_name(a)),
            after: b.map(|b| self.new_actor_name(b)),
            words: None,
        })
    }

    fn push(&mut self, change: Kind, item: &'static str, id: Option<&str>, label: String) {
        self.out.push(Change {
            change,
            item,
            id: id.map(str::to_owned),
            label,
            text: None,
            fields: Vec::new(),
        });
    }

    fn push_text(
        &mut self,
        change: Kind,
        item: &'static str,
        id: Option<&str>,
        label: String,
        text: String,
    ) {
        self.push(change, item, id, label);
        if let Some(last) = self.out.last_mut() {
            last.text = Some(text);
        }
    }

    fn push_fields(
        &mut self,
        change: Kind,
        item: &'static str,
        id: Option<&str>,
        label: String,
        fields: Vec<Field>,
    ) {
        if change == Kind::Changed && fields.is_empty() {
            return;
        }
        self.push(change, item, id, label);
        if let Some(last) = self.out.last_mut() {
            last.fields = fields;
        }
    }

    fn actors(&mut self) {
        let (o, n) = (self.old, self.new);
        let found = match_items(
            o.actors.len(),
            n.actors.len(),
            &[
                (
                    Box::new(|i| Some(o.actors[i].id.clone())),
                    Box::new(|j| Some(n.actors[j].id.clone())),
                ),
                (
                    Box::new(|i| Some(o.actors[i].name.clone())),
                    Box::new(|j| Some(n.actors[j].name.clone())),
                ),
            ],
        );
        self.actors = vec![None; o.actors.len()];
        for &(i, j) in &found.pairs {
            self.actors[i] = Some(ActorIx::at(j));
        }
        for &i in &found.removed {
            let a = &o.actors[i];
            self.push_text(
                Kind::Removed,
                "actor",
                Some(&a.id),
                a.name.clone(),
                a.kind.name().to_owned(),
            );
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.actors[i], &n.actors[j]);
            let fields = [
                field("name", Some(a.name.clone()), Some(b.name.clone())),
                field(
                    "kind",
                    Some(a.kind.name().into()),
                    Some(b.kind.name().into()),
                ),
                field("role", a.role.clone(), b.role.clone()),
                self.actor_field("affiliation", a.affiliation, b.affiliation),
                field(
                    "aliases",
                    Some(a.aliases.join(", ")).filter(|s| !s.is_empty()),
                    Some(b.aliases.join(", ")).filter(|s| !s.is_empty()),
                ),
                field("native name", a.native_name.clone(), b.native_name.clone()),
            ];
            let fields = fields.into_iter().flatten().collect();
            self.push_fields(Kind::Changed, "actor", Some(&b.id), b.name.clone(), fields);
        }
        for &j in &found.added {
            let b = &n.actors[j];
            self.push_text(
                Kind::Added,
                "actor",
                Some(&b.id),
                b.name.clone(),
                b.kind.name().to_owned(),
            );
        }
    }

    fn sections(&mut self) {
        let (o, n) = (self.old, self.new);
        let found = match_items(
            o.sections.len(),
            n.sections.len(),
            &[
                (
                    Box::new(|i| Some(o.sections[i].id.clone())),
                    Box::new(|j| Some(n.sections[j].id.clone())),
                ),
                (
                    Box::new(|i| Some(o.sections[i].title.clone())),
                    Box::new(|j| Some(n.sections[j].title.clone())),
                ),
            ],
        );
        self.sections = vec![None; o.sections.len()];
        for &(i, j) in &found.pairs {
            self.sections[i] = Some(SectionIx::at(j));
        }
        for &i in &found.removed {
            let s = &o.sections[i];
            self.push(Kind::Removed, "section", Some(&s.id), s.title.clone());
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.sections[i], &n.sections[j]);
            let fields = [
                text_field("title", &a.title, &b.title),
                text_field("text", &a.paragraphs.join(" ¶ "), &b.paragraphs.join(" ¶ ")),
            ];
            let fields = fields.into_iter().flatten().collect();
            self.push_fields(
                Kind::Changed,
                "section",
                Some(&b.id),
                b.title.clone(),
                fields,
            );
        }
        for &j in &found.added {
            let s = &n.sections[j];
            self.push(Kind::Added, "section", Some(&s.id), s.title.clone());
        }
    }

    fn quotes(&mut self) {
        let (o, n) = (self.old, self.new);
        let actors = &self.actors;
        let found = match_items(
            o.quotes.len(),
            n.quotes.len(),
            &[
                (
                    Box::new(|i| Some(o.quotes[i].id.clone())),
                    Box::new(|j| Some(n.quotes[j].id.clone())),
                ),
                (
                    Box::new(|i| {
                        let q = &o.quotes[i];
                        actors[q.speaker.get()].map(|s| format!("{}\0{}", s.0, q.text))
                    }),
                    Box::new(|j| {
                        let q = &n.quotes[j];
                        Some(format!("{}\0{}", q.speaker.0, q.text))
                    }),
                ),
            ],
        );
        for &i in &found.removed {
            let q = &o.quotes[i];
            self.push_text(
                Kind::Removed,
                "quote",
                Some(&q.id),
                self.old_actor_name(q.speaker),
                q.text.clone(),
            );
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.quotes[i], &n.quotes[j]);
            let moved = self.sections[a.section.get()] != Some(b.section);
            let mut fields = Vec::new();
            if moved {
                fields.push(Field {
                    field: "section".to_owned(),
                    before: Some(o.section(a.section).title.clone()),
                    after: Some(n.section(b.section).title.clone()),
                    words: None,
                });
            }
            fields.extend(
                [
                    self.actor_field("speaker", Some(a.speaker), Some(b.speaker)),
                    text_field("text", &a.text, &b.text),
                    field("said", date(a.said), date(b.said)),
                    field("mode", Some(mode(a.mode)), Some(mode(b.mode))),
                    field("context", a.context.clone(), b.context.clone()),
                    field("via", a.via.clone(), b.via.clone()),
                ]
                .into_iter()
                .flatten(),
            );
            let kind = if moved { Kind::Moved } else { Kind::Changed };
            self.push_fields(
                kind,
                "quote",
                Some(&b.id),
                self.new_actor_name(b.speaker),
                fields,
            );
        }
        for &j in &found.added {
            let q = &n.quotes[j];
            self.push_text(
                Kind::Added,
                "quote",
                Some(&q.id),
                self.new_actor_name(q.speaker),
                q.text.clone(),
            );
        }
    }

    fn claims(&mut self) {
        let (o, n) = (self.old, self.new);
        let found = match_items(
            o.claims.len(),
            n.claims.len(),
            &[
                (
                    Box::new(|i| Some(o.claims[i].id.clone())),
                    Box::new(|j| Some(n.claims[j].id.clone())),
                ),
                (
                    Box::new(|i| Some(o.claims[i].statement.clone())),
                    Box::new(|j| Some(n.claims[j].statement.clone())),
                ),
            ],
        );
        for &i in &found.removed {
            let c = &o.claims[i];
            self.push(Kind::Removed, "claim", Some(&c.id), c.statement.clone());
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.claims[i], &n.claims[j]);
            let mut fields: Vec<Field> = text_field("statement", &a.statement, &b.statement)
                .into_iter()
                .collect();
            let actors = &self.actors;
            let pm = match_items(
                a.positions.len(),
                b.positions.len(),
                &[(
                    Box::new(|p| actors[a.positions[p].actor.get()].map(|x| x.0.to_string())),
                    Box::new(|q| Some(b.positions[q].actor.0.to_string())),
                )],
            );
            for &p in &pm.removed {
                let pos = &a.positions[p];
                fields.push(Field {
                    field: self.old_actor_name(pos.actor),
                    before: Some(stance_label(pos.stance).to_owned()),
                    after: None,
                    words: None,
                });
            }
            for &(was_ix, now_ix) in &pm.pairs {
                let (was, now) = (&a.positions[was_ix], &b.positions[now_ix]);
                let who = self.new_actor_name(now.actor);
                fields.extend(field(
                    &who,
                    Some(stance_label(was.stance).to_owned()),
                    Some(stance_label(now.stance).to_owned()),
                ));
                fields.extend(field(
                    &format!("{who} (detail)"),
                    was.detail.clone(),
                    now.detail.clone(),
                ));
            }
            for &q in &pm.added {
                let pos = &b.positions[q];
                fields.push(Field {
                    field: self.new_actor_name(pos.actor),
                    before: None,
                    after: Some(stance_label(pos.stance).to_owned()),
                    words: None,
                });
            }
            self.push_fields(
                Kind::Changed,
                "claim",
                Some(&b.id),
                b.statement.clone(),
                fields,
            );
        }
        for &j in &found.added {
            let c = &n.claims[j];
            self.push(Kind::Added, "claim", Some(&c.id), c.statement.clone());
        }
    }

    fn figures(&mut self) {
        let (o, n) = (self.old, self.new);
        let actors = &self.actors;
        let found = match_items(
            o.figures.len(),
            n.figures.len(),
            &[(
                Box::new(|i| {
                    let f = &o.figures[i];
                    let who = match f.actor {
                        None => Some(String::new()),
                        Some(a) => actors[a.get()].map(|x| x.0.to_string()),
                    };
                    who.map(|w| format!("{}\0{w}", f.measure))
                }),
                Box::new(|j| {
                    let f = &n.figures[j];
                    let who = f.actor.map(|a| a.0.to_string()).unwrap_or_default();
                    Some(format!("{}\0{who}", f.measure))
                }),
            )],
        );
        let label = |b: &Briefing, f: &crate::model::Figure| match f.actor {
            Some(a) => format!("{} ({})", f.measure, b.actor(a).name),
            None => f.measure.clone(),
        };
        for &i in &found.removed {
            let f = &o.figures[i];
            self.push_text(Kind::Removed, "figure", None, label(o, f), f.value.clone());
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.figures[i], &n.figures[j]);
            let fields = [
                field("value", Some(a.value.clone()), Some(b.value.clone())),
                field("date", date(a.date), date(b.date)),
                field("note", a.note.clone(), b.note.clone()),
            ];
            let fields = fields.into_iter().flatten().collect();
            self.push_fields(Kind::Changed, "figure", None, label(n, b), fields);
        }
        for &j in &found.added {
            let f = &n.figures[j];
            self.push_text(Kind::Added, "figure", None, label(n, f), f.value.clone());
        }
    }

    fn timeline(&mut self) {
        let (o, n) = (self.old, self.new);
        let found = match_items(
            o.timeline.len(),
            n.timeline.len(),
            &[(
                Box::new(|i| Some(o.timeline[i].event.clone())),
                Box::new(|j| Some(n.timeline[j].event.clone())),
            )],
        );
        for &i in &found.removed {
            let e = &o.timeline[i];
            self.push_text(
                Kind::Removed,
                "event",
                None,
                e.event.clone(),
                e.date.to_string(),
            );
        }
        for &(i, j) in &found.pairs {
            let (a, b) = (&o.timeline[i], &n.timeline[j]);
            let same_actors = a.actors.len() == b.actors.len()
                && a.actors
                    .iter()
                    .zip(&b.actors)
                    .all(|(x, y)| self.same_actor(Some(*x), Some(*y)));
            let names = |br: &Briefing, list: &[ActorIx]| {
                let names: Vec<&str> = list.iter().map(|x| br.actor(*x).name.as_str()).collect();
                Some(names.join(", ")).filter(|s| !s.is_empty())
            };
            let same_section = match (a.section, b.section) {
                (None, None) => true,
                (Some(was), Some(now)) => self.sections[was.get()] == Some(now),
                _ => false,
            };
            let fields = [
                field("date", Some(a.date.to_string()), Some(b.date.to_string())),
                (!same_actors)
                    .then(|| field("actors", names(o, &a.actors), names(n, &b.actors)))
                    .flatten(),
                (!same_section)
                    .then(|| {
                        field(
                            "section",
                            a.section.map(|s| o.section(s).title.clone()),
                            b.section.map(|s| n.section(s).title.clone()),
                        )
                    })
                    .flatten(),
            ];
            let fields = fields.into_iter().flatten().collect();
            self.push_fields(Kind::Changed, "event", None, b.event.clone(), fields);
        }
        for &j in &found.added {
            let e = &n.timeline[j];
            self.push_text(
                Kind::Added,
                "event",
                None,
                e.event.clone(),
                e.date.to_string(),
            );
        }
    }
}

/// SGR sequences for coloured text. Only these constants are ever written as control
/// sequences: briefing text was cleaned at load and paths go through
/// `load::diag::escape`, so no byte of a briefing or a path becomes one.
mod sgr {
    pub const RED: &str = "\x1b[31m";
    pub const GREEN: &str = "\x1b[32m";
    pub const YELLOW: &str = "\x1b[33m";
    pub const CYAN: &str = "\x1b[36m";
    pub const BOLD: &str = "\x1b[1m";
    pub const RESET: &str = "\x1b[0m";
}

/// `text` in `colour` (an SGR constant), or as is when `paint` is off.
fn paint(on: bool, colour: &str, text: &str) -> String {
    if on && !text.is_empty() {
        format!("{colour}{text}{}", sgr::RESET)
    } else {
        text.to_owned()
    }
}

/// The diff as text: a heading naming both files, then one line per item (`+` added,
/// `-` removed, `~` changed, `>` moved) and an indented line per changed field. A
/// text field shows its words inline, `[-deleted-]{+inserted+}`.
pub fn text(d: &Diff, old_name: &str, new_name: &str) -> String {
    render_text(d, old_name, new_name, false)
}

/// `text` coloured for a terminal: added green, removed red, changed yellow, moved
/// cyan; deleted words and old values red, inserted words and new values green. The
/// marks (`+ - ~ >`, `[- -]`, `{+ +}`, `→`) stay, so nothing is said by colour alone.
pub fn coloured(d: &Diff, old_name: &str, new_name: &str) -> String {
    render_text(d, old_name, new_name, true)
}

fn render_text(d: &Diff, old_name: &str, new_name: &str, on: bool) -> String {
    let (old_name, new_name) = (
        crate::load::diag::escape(old_name),
        crate::load::diag::escape(new_name),
    );
    let mut out = String::new();
    if d.is_empty() {
        let _ = writeln!(
            out,
            "no differences: {old_name} and {new_name} say the same thing"
        );
        return out;
    }
    let heading = format!(
        "{old_name} → {new_name}: {}",
        crate::text::count(d.changes.len(), "difference")
    );
    let _ = writeln!(out, "{}", paint(on, sgr::BOLD, &heading));
    for c in &d.changes {
        let (mark, colour) = match c.change {
            Kind::Added => ('+', sgr::GREEN),
            Kind::Removed => ('-', sgr::RED),
            Kind::Changed => ('~', sgr::YELLOW),
            Kind::Moved => ('>', sgr::CYAN),
        };
        let mut line = format!("{mark} {}", c.item);
        if let Some(id) = &c.id {
            let _ = write!(line, " `{id}`");
        }
        let _ = write!(line, " {}", c.label);
        if let Some(t) = &c.text {
            let _ = write!(line, ": {t}");
        }
        let _ = writeln!(out, "{}", paint(on, colour, &line));
        for f in &c.fields {
            let (red, green) = (
                |t: &str| paint(on, sgr::RED, t),
                |t: &str| paint(on, sgr::GREEN, t),
            );
            let line = match (&f.before, &f.after, &f.words) {
                (_, _, Some(words)) => {
                    let mut inline = String::new();
                    for w in words {
                        match w.op {
                            "delete" => inline.push_str(&red(&format!("[-{}-]", w.text))),
                            "insert" => inline.push_str(&green(&format!("{{+{}+}}", w.text))),
                            _ => inline.push_str(&w.text),
                        }
                    }
                    format!("{}: {inline}", f.field)
                }
                (Some(b), Some(a), None) => format!("{}: {} → {}", f.field, red(b), green(a)),
                (Some(b), None, None) => red(&format!("- {}: {b}", f.field)),
                (None, Some(a), None) => green(&format!("+ {}: {a}", f.field)),
                (None, None, None) => f.field.clone(),
            };
            let _ = writeln!(out, "    {line}");
        }
    }
    out
}

/// Whether `brief diff` colours its text: `--color always` yes (even through a pipe,
/// as `--color always` means for `ls` and `grep`), `never` no, and `auto` (the
/// default) only on a terminal and when `NO_COLOR` is not set (or empty), as the
/// reader treats it. The config's `color` is not read: `diff` reads no config, so a
/// broken config cannot turn its exit code into an error.
pub fn use_colour(flag: Option<crate::config::ColorWhen>, terminal: bool, no_color: bool) -> bool {
    use crate::config::ColorWhen;
    match flag.unwrap_or(ColorWhen::Auto) {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => terminal && !no_color,
    }
}

/// Briefing text inside Markdown: inline markup escaped, `~` (strikethrough in GFM,
/// and the `~ likely` glyph) and `#` too, so no text opens markup or a heading; a line
/// break becomes ` ¶ `.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            // A line break inside a list item could start a block: paragraphs are
            // marked as the section text's are.
            '\n' => out.push_str(" ¶ "),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A run of changed words between `mark`s (`~~` deleted, `**` inserted), its
/// surrounding blanks kept outside the marks (Markdown ignores a mark next to a blank).
fn md_marked(mark: &str, text: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_owned();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{}{mark}{trail}", md(inner))
}

/// The diff as Markdown: a heading naming both files, then a list item per item
/// (`**added**`, `**removed**`, `**changed**`, `**moved**`) with a nested item per
/// changed field; a text field's words inline, deleted ones ~~struck~~ and inserted
/// ones **bold**. Briefing text and paths are escaped so they cannot add markup.
pub fn markdown(d: &Diff, old_name: &str, new_name: &str) -> String {
    let (old_name, new_name) = (
        md(&crate::load::diag::escape(old_name)),
        md(&crate::load::diag::escape(new_name)),
    );
    let mut out = format!("# Differences: {old_name} → {new_name}\n\n");
    if d.is_empty() {
        out.push_str("No differences: the two say the same thing.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{}:\n",
        crate::text::count(d.changes.len(), "difference")
    );
    for c in &d.changes {
        let kind = match c.change {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
            Kind::Moved => "moved",
        };
        let _ = write!(out, "- **{kind}** {}", c.item);
        if let Some(id) = &c.id {
            // Ids are slugs: no backtick can end the code span.
            let _ = write!(out, " `{id}`");
        }
        let _ = write!(out, " {}", md(&c.label));
        if let Some(t) = &c.text {
            let _ = write!(out, ": {}", md(t));
        }
        out.push('\n');
        for f in &c.fields {
            let name = md(&f.field);
            let line = match (&f.before, &f.after, &f.words) {
                (_, _, Some(words)) => {
                    let inline: String = words
                        .iter()
                        .map(|w| match w.op {
                            "delete" => md_marked("~~", &w.text),
                            "insert" => md_marked("**", &w.text),
                            _ => md(&w.text),
                        })
                        .collect();
                    format!("**{name}**: {inline}")
                }
                (Some(b), Some(a), None) => format!("**{name}**: {} → {}", md(b), md(a)),
                (Some(b), None, None) => format!("**{name}** removed: {}", md(b)),
                (None, Some(a), None) => format!("**{name}** added: {}", md(a)),
                (None, None, None) => format!("**{name}**"),
            };
            let _ = writeln!(out, "  - {line}");
        }
    }
    out
}

/// The diff as JSON: `{"old", "new", "same", "changes": [...]}`, each change with
/// `change`, `item`, `id`, `label`, `text` (added and removed items) and `fields`
/// (`field`, `before`, `after`, and `words` for text).
pub fn json(d: &Diff, old_name: &str, new_name: &str) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        old: String,
        new: String,
        same: bool,
        changes: &'a [Change],
    }
    let out = Out {
        old: crate::load::diag::escape(old_name),
        new: crate::load::diag::escape(new_name),
        same: d.is_empty(),
        changes: &d.changes,
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_diffed_as_words() {
        let w = words("We said what we meant.", "We said what we intended.");
        let ops: Vec<(&str, &str)> = w.iter().map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                ("equal", "We said what we "),
                ("delete", "meant."),
                ("insert", "intended.")
            ]
        );
    }

    #[test]
    fn colour_follows_the_flag_then_the_terminal_and_no_color() {
        use crate::config::ColorWhen::{Always, Auto, Never};
        for (flag, terminal, no_color, want) in [
            (None, true, false, true),
            (None, false, false, false),
            (None, true, true, false),
            (Some(Auto), true, false, true),
            (Some(Auto), false, false, false),
            (Some(Always), false, true, true),
            (Some(Never), true, false, false),
        ] {
            assert_eq!(
                use_colour(flag, terminal, no_color),
                want,
                "{flag:?} terminal={terminal} NO_COLOR={no_color}"
            );
        }
    }

    #[test]
    fn coloured_text_carries_no_control_sequence_from_a_briefing_or_a_path() {
        let base = include_str!("../tests/fixtures/diff/base.toml");
        let hostile = base.replace("We said what we meant.", "We said \\u001b[2J\\u0007what.");
        assert_ne!(hostile, base);
        let load = |t: &str| crate::load::load_str("x.toml", t).unwrap().briefing;
        let d = diff(&load(base), &load(&hostile));
        assert!(!d.is_empty());
        let out = coloured(&d, "old\x1b]52;c;eA==\x07.toml", "new\x1b[1m.toml");
        let mut rest = out.clone();
        for c in [
            sgr::RED,
            sgr::GREEN,
            sgr::YELLOW,
            sgr::CYAN,
            sgr::BOLD,
            sgr::RESET,
        ] {
            rest = rest.replace(c, "");
        }
        assert!(out.contains(sgr::RED), "{out:?}");
        assert!(!rest.contains(['\x1b', '\x07', '\u{9b}']), "{rest:?}");
    }

    #[test]
    fn markdown_keeps_briefing_text_from_making_markup() {
        assert_eq!(md("*a* ~ b # [c]\nd"), "\\*a\\* \\~ b \\# \\[c\\] ¶ d");
        assert_eq!(md_marked("~~", " two words "), " ~~two words~~ ");
        assert_eq!(md_marked("**", " "), " ");
    }

    #[test]
    fn a_briefing_has_no_differences_with_itself() {
        let b = crate::load::bundled().unwrap().briefing;
        assert!(diff(&b, &b).is_empty());
    }
}
