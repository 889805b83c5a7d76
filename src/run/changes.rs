//! The last reload's changes as the reader lists them (issue 20): `diff::diff` of the
//! briefing shown and the one just loaded, made into the change list's rows, each
//! with where Enter leads in the new briefing. Pure; here because `diff` sits above
//! the state machine (`tests/layers.rs`).

use crate::app::changes::{ChangeKind, ChangeRow, Goto};
use crate::diff::{Change, Diff, Kind};
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx, SectionIx};

/// The rows of what changed from `old` to `new`.
pub fn rows(old: &Briefing, new: &Briefing) -> Vec<ChangeRow> {
    rows_of(new, &crate::diff::diff(old, new))
}

fn kind(k: Kind) -> ChangeKind {
    match k {
        Kind::Added => ChangeKind::Added,
        Kind::Removed => ChangeKind::Removed,
        Kind::Changed => ChangeKind::Changed,
        Kind::Moved => ChangeKind::Moved,
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
fn rows_of(new: &Briefing, d: &Diff) -> Vec<ChangeRow> {
    let mut out = Vec::new();
    for c in &d.changes {
        let gone = c.change == Kind::Removed;
        let row = |text: String, goto: Goto| ChangeRow {
            kind: kind(c.change),
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
                    .or_else(|| quote_ix(new, c.id.as_deref()).map(|q| new.quote(q).text.as_str()))
                    .unwrap_or("");
                let fields = field_names(c);
                let goto = quote_ix(new, c.id.as_deref()).map_or(Goto::Gone, Goto::Quote);
                out.push(row(
                    format!("{}  {}: “{}”{fields}", what("quote"), c.label, short(words)),
                    goto,
                ));
            }
            "claim" if c.change == Kind::Changed => claim_rows(new, c, &mut out),
            "claim" => {
                let goto = claim_ix(new, c.id.as_deref()).map_or(Goto::Gone, Goto::Claim);
                out.push(row(
                    format!("{}  “{}”", what("claim"), short(&c.label)),
                    goto,
                ));
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
                    (None, None) => {
                        format!("{}  {}{}", what("figure"), short(&c.label), field_names(c))
                    }
                };
                out.push(row(text, figure_of(new, c)));
            }
            "event" => out.push(row(
                format!("{}  {}", what("event"), short(&c.label)),
                Goto::Event,
            )),
            "section" => {
                let goto =
                    c.id.as_deref()
                        .and_then(|id| new.sections.iter().position(|s| s.id == id))
                        .map_or(Goto::Gone, |s| Goto::Section(SectionIx::at(s)));
                out.push(row(
                    format!("{}  {}", what("section"), short(&c.label)),
                    goto,
                ));
            }
            other => out.push(row(
                format!("{}  {}", what(other), short(&c.label)),
                Goto::Actor,
            )),
        }
    }
    out
}

/// A changed claim's rows: one per stance (leading to its cell), one per other field.
fn claim_rows(new: &Briefing, c: &Change, out: &mut Vec<ChangeRow>) {
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
                kind: kind(c.change),
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
                kind: kind(c.change),
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
