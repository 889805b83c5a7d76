//! What the last live reload changed (issue 20): the rows of the change list (`D`),
//! where Enter on each leads, the words of the status notice, and which new or changed
//! quotes the reader has not seen yet.
//!
//! Made from `diff::diff(old, new)` when a reload succeeds; pure, like all of `app`.

use crate::diff::{Change, Diff, Kind};
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx, SectionIx};

/// Where Enter on a change leads, in the new briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Goto {
    /// A quote: shown in the Reader and selected in Quotes, as jump-to-quote does.
    Quote(QuoteIx),
    /// An actor's position on a claim: the Claims view with that cell selected.
    Stance(ClaimIx, ActorIx),
    /// A claim: the Claims view on its first cell.
    Claim(ClaimIx),
    /// A figure (by index): the Figures view on it.
    Figure(usize),
    /// A timeline event: the Timeline view.
    Event,
    Section(SectionIx),
    /// An actor: the Actors view.
    Actor,
    /// The item is no longer in the briefing (removed); Enter says so.
    Gone,
}

/// One row of the change list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub kind: Kind,
    /// What the row says: `new quote  Keir Starmer: “…”`, `stance  Russia on …: ✘ denies → ~ likely`.
    pub text: String,
    pub goto: Goto,
}

/// The last reload's changes, kept until the next reload.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// `None` before any reload (the list says so); empty when a reload changed nothing.
    pub rows: Option<Vec<ChangeRow>>,
    /// Per quote of the briefing: new or changed by the last reload and not seen yet
    /// (see `App::see_changes` for what counts as seen).
    pub unseen: Vec<bool>,
}

impl Changes {
    /// The changes from `old` to `new`, every new or changed quote unseen.
    pub fn new(old: &Briefing, new: &Briefing) -> Self {
        let d = crate::diff::diff(old, new);
        let mut unseen = vec![false; new.quotes.len()];
        for c in d.changes.iter().filter(|c| c.item == "quote") {
            if c.change != Kind::Removed
                && let Some(q) = quote_ix(new, c.id.as_deref())
            {
                unseen[q.get()] = true;
            }
        }
        Self {
            rows: Some(rows(new, &d)),
            unseen,
        }
    }

    /// Whether quote `q` carries the new-or-changed mark.
    pub fn is_unseen(&self, q: QuoteIx) -> bool {
        self.unseen.get(q.get()).copied().unwrap_or(false)
    }

    /// Clears `q`'s mark.
    pub fn see(&mut self, q: QuoteIx) {
        if let Some(u) = self.unseen.get_mut(q.get()) {
            *u = false;
        }
    }

    pub fn len(&self) -> usize {
        self.rows.as_ref().map_or(0, Vec::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn quote_ix(b: &Briefing, id: Option<&str>) -> Option<QuoteIx> {
    let id = id?;
    b.quotes.iter().position(|q| q.id == id).map(QuoteIx::at)
}

fn claim_ix(b: &Briefing, id: Option<&str>) -> Option<ClaimIx> {
    let id = id?;
    b.claims.iter().position(|c| c.id == id).map(ClaimIx::at)
}

/// The field of a claim change that is an actor's stance (not the statement, not a
/// position's detail): the diff names those fields by the actor's name.
fn is_stance(field: &str) -> bool {
    field != "statement" && !field.ends_with(" (detail)")
}

/// A short excerpt for a row: one line, at most 50 columns.
fn short(text: &str) -> String {
    crate::text::truncate(&text.replace('\n', " "), 50)
}

fn before_after(before: Option<&String>, after: Option<&String>) -> String {
    let side = |s: Option<&String>| s.map_or_else(|| "none".to_owned(), |s| short(s));
    format!("{} → {}", side(before), side(after))
}

/// The rows of the list: one per item, but one per stance of a changed claim, so
/// that each stance can lead to its own cell.
fn rows(new: &Briefing, d: &Diff) -> Vec<ChangeRow> {
    let mut out = Vec::new();
    for c in &d.changes {
        let gone = c.change == Kind::Removed;
        let row = |text: String, goto: Goto| ChangeRow {
            kind: c.change,
            text,
            goto: if gone { Goto::Gone } else { goto },
        };
        let what = |noun: &str| match c.change {
            Kind::Added => format!("new {noun}"),
            Kind::Removed => format!("{noun} removed"),
            Kind::Changed => format!("{noun} changed"),
            Kind::Moved => format!("{noun} moved"),
        };
        match c.item {
            "quote" => {
                let words = c
                    .text
                    .as_deref()
                    .or_else(|| {
                        quote_ix(new, c.id.as_deref()).map(|q| new.quote(q).text.as_str())
                    })
                    .unwrap_or("");
                let fields = field_names(c);
                let goto = quote_ix(new, c.id.as_deref()).map_or(Goto::Gone, Goto::Quote);
                out.push(row(
                    format!("{}  {}: “{}”{fields}", what("quote"), c.label, short(words)),
                    goto,
                ));
            }
            "claim" if c.change == Kind::Changed => {
                let claim = claim_ix(new, c.id.as_deref());
                for f in &c.fields {
                    if is_stance(&f.field) {
                        let actor = new
                            .actors
                            .iter()
                            .position(|a| a.name == f.field)
                            .map(ActorIx::at);
                        let goto = match (claim, actor, &f.after) {
                            (Some(c), Some(a), Some(_)) => Goto::Stance(c, a),
                            _ => Goto::Gone,
                        };
                        let verb = match (&f.before, &f.after) {
                            (None, _) => "new stance",
                            (_, None) => "stance removed",
                            _ => "stance changed",
                        };
                        out.push(ChangeRow {
                            kind: c.change,
                            text: format!(
                                "{verb}  {} on “{}”: {}",
                                f.field,
                                short(&c.label),
                                before_after(f.before.as_ref(), f.after.as_ref())
                            ),
                            goto,
                        });
                    } else {
                        out.push(ChangeRow {
                            kind: c.change,
                            text: format!(
                                "claim changed  “{}”: {}",
                                short(&c.label),
                                f.field.replace(" (detail)", "'s detail")
                            ),
                            goto: claim.map_or(Goto::Gone, Goto::Claim),
                        });
                    }
                }
            }
            "claim" => {
                let goto = claim_ix(new, c.id.as_deref()).map_or(Goto::Gone, Goto::Claim);
                out.push(row(format!("{}  “{}”", what("claim"), short(&c.label)), goto));
            }
            "figure" => {
                let value = c.fields.iter().find(|f| f.field == "value");
                let text = match (value, &c.text) {
                    (Some(v), _) => format!(
                        "{}  {}: {}",
                        what("figure"),
                        short(&c.label),
                        before_after(v.before.as_ref(), v.after.as_ref())
                    ),
                    (None, Some(t)) => format!("{}  {}: {}", what("figure"), short(&c.label), t),
                    (None, None) => format!("{}  {}{}", what("figure"), short(&c.label), field_names(c)),
                };
                out.push(row(text, figure_of(new, c)));
            }
            "event" => out.push(row(format!("{}  {}", what("event"), short(&c.label)), Goto::Event)),
            "section" => {
                let goto = c
                    .id
                    .as_deref()
                    .and_then(|id| new.sections.iter().position(|s| s.id == id))
                    .map_or(Goto::Gone, |s| Goto::Section(SectionIx::at(s)));
                out.push(row(format!("{}  {}", what("section"), short(&c.label)), goto));
            }
            other => out.push(row(format!("{}  {}", what(other), short(&c.label)), Goto::Actor)),
        }
    }
    out
}

/// The changed fields' names, for a row: ` (text, said)`.
fn field_names(c: &Change) -> String {
    if c.fields.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = c.fields.iter().map(|f| f.field.as_str()).collect();
    format!(" ({})", names.join(", "))
}

/// The figure a change is about, in the new briefing: figures have no id, so the one
/// that reads as the change's label (measure and who gave it) with the new value.
fn figure_of(new: &Briefing, c: &Change) -> Goto {
    let after = c
        .fields
        .iter()
        .find(|f| f.field == "value")
        .and_then(|f| f.after.clone())
        .or_else(|| c.text.clone());
    let label = |f: &crate::model::Figure| match f.actor {
        Some(a) => format!("{} ({})", f.measure, new.actor(a).name),
        None => f.measure.clone(),
    };
    let found = new
        .figures
        .iter()
        .position(|f| label(f) == c.label && after.as_deref() == Some(f.value.as_str()))
        .or_else(|| new.figures.iter().position(|f| label(f) == c.label));
    found.map_or(Goto::Gone, Goto::Figure)
}

/// The status notice after a reload: `reloaded: 2 new quotes, 1 stance changed`, or
/// `reloaded: nothing changed`. Counted per row of the list, so the words and the list
/// agree.
pub fn summary(rows: &[ChangeRow]) -> String {
    // Each row's text starts with what happened (`new quote`, `stance changed`...).
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in rows {
        let what = r.text.split("  ").next().unwrap_or("").to_owned();
        match counts.iter_mut().find(|(w, _)| *w == what) {
            Some((_, n)) => *n += 1,
            None => counts.push((what, 1)),
        }
    }
    if counts.is_empty() {
        return "reloaded: nothing changed".to_owned();
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(what, n)| plural(what, *n))
        .collect();
    format!("reloaded: {}", parts.join(", "))
}

/// `2 new quotes`, `1 stance changed`, `3 quotes removed`: the noun made plural through
/// `text::count`, wherever it stands in the words.
fn plural(what: &str, n: usize) -> String {
    match what.split_once(' ') {
        Some(("new", noun)) => crate::text::count(n, &format!("new {noun}")),
        Some((noun, verb)) => format!("{} {verb}", crate::text::count(n, noun)),
        None => crate::text::count(n, what),
    }
}
