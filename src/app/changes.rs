//! What the last live reload changed (issue 20): the rows of the change list (`D`),
//! where Enter on each leads, the words of the status notice, and which new or changed
//! quotes the reader has not seen yet.
//!
//! The rows are made from `diff::diff(old, new)` by the reload (`run::changes`, since
//! `diff` sits above the state machine); everything here is pure.

use crate::model::{ActorIx, ClaimIx, QuoteIx, SectionIx};

/// What happened to the item of a row (as `diff::Kind` says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    /// A quote now in another section.
    Moved,
}

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
    pub kind: ChangeKind,
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
    /// The changes of a reload, as rows; every quote a row adds, changes or moves is
    /// unseen. `quotes` is how many quotes the new briefing has.
    pub fn new(rows: Vec<ChangeRow>, quotes: usize) -> Self {
        let mut unseen = vec![false; quotes];
        for r in &rows {
            if let Goto::Quote(q) = r.goto
                && r.kind != ChangeKind::Removed
                && let Some(u) = unseen.get_mut(q.get())
            {
                *u = true;
            }
        }
        Self {
            rows: Some(rows),
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
    let parts: Vec<String> = counts.iter().map(|(what, n)| plural(what, *n)).collect();
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
