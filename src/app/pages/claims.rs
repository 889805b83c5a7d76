//! The Claims view: a matrix of claims by actor with a stance in each cell, or, when the
//! terminal is too narrow for the matrix, a list of positions under each claim.

use super::{Page, Target, Tone};
use crate::analysis::{counts_label, is_contested, stance_counts, stance_label, top_level};
use crate::app::filter::Filter;
use crate::model::{ActorIx, Briefing, ClaimIx};
use crate::text::{truncate, width as text_width};

/// Columns of one actor's cell ("? undecided" and a gap).
const CELL: usize = 12;
/// The claim column never gets narrower than this; below it, the list form is used.
/// The column holds the statement, then the stance counts and the contested flag.
const MIN_CLAIM: usize = 26;

/// Which column a position's actor falls in: itself, or its top-level actor when folded.
fn column_of(b: &Briefing, a: ActorIx, fold: bool) -> ActorIx {
    if fold { top_level(b, a) } else { a }
}

pub fn build(b: &Briefing, filter: &Filter, width: usize, fold: bool) -> Page {
    let shown = |a: ActorIx| !filter.is_active() || filter.selects[a.get()];
    // Columns: actors with a shown position, in actor-tree order.
    let mut has = vec![false; b.actors.len()];
    for c in &b.claims {
        for p in c.positions.iter().filter(|p| shown(p.actor)) {
            has[column_of(b, p.actor, fold).get()] = true;
        }
    }
    let columns: Vec<ActorIx> = b
        .actor_tree()
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| has[a.get()])
        .collect();
    let claim_w = width.saturating_sub(columns.len() * CELL);
    if claim_w >= MIN_CLAIM {
        matrix(b, &columns, claim_w, width, fold, &shown)
    } else {
        list(b, width, &shown)
    }
}

fn matrix(
    b: &Briefing,
    columns: &[ActorIx],
    claim_w: usize,
    width: usize,
    fold: bool,
    shown: &dyn Fn(ActorIx) -> bool,
) -> Page {
    let mut page = Page::new(width);
    page.line()
        .text(format!("{:<claim_w$}", "Claim"), Tone::Heading);
    for &a in columns {
        page.text(
            format!("{:<CELL$}", truncate(&b.actor(a).name, CELL - 1)),
            Tone::Heading,
        );
    }
    for (ci, claim) in b.claims.iter().enumerate() {
        page.blank();
        let lines = crate::text::wrap(&claim.statement, claim_w - 1);
        page.line().text(pad(&lines[0], claim_w), Tone::Strong);
        for &col in columns {
            let pos = claim
                .positions
                .iter()
                .position(|p| shown(p.actor) && column_of(b, p.actor, fold) == col);
            match pos {
                Some(pi) => {
                    let id = page.item(position_target(b, ci, pi));
                    let p = &claim.positions[pi];
                    let more = claim
                        .positions
                        .iter()
                        .filter(|q| shown(q.actor) && column_of(b, q.actor, fold) == col)
                        .count()
                        > 1;
                    let label =
                        format!("{}{}", stance_label(p.stance), if more { "+" } else { "" });
                    page.cell(pad(&label, CELL - 1), Tone::Plain, Some(id))
                        .text(" ", Tone::Plain);
                }
                None => {
                    page.text(pad("·", CELL), Tone::Dim);
                }
            }
        }
        for more in &lines[1..] {
            page.line().text(more.clone(), Tone::Strong);
        }
        page.line();
        summary(&mut page, claim, shown);
    }
    if fold {
        page.blank();
        page.line().text(
            "Members are folded into their state or organisation (m shows every actor).",
            Tone::Dim,
        );
    }
    page
}

fn list(b: &Briefing, width: usize, shown: &dyn Fn(ActorIx) -> bool) -> Page {
    let mut page = Page::new(width);
    for (ci, claim) in b.claims.iter().enumerate() {
        page.blank();
        page.wrapped(0, &claim.statement, Tone::Strong, None);
        page.line();
        summary(&mut page, claim, shown);
        for (pi, p) in claim
            .positions
            .iter()
            .enumerate()
            .filter(|(_, p)| shown(p.actor))
        {
            let lead = format!("{:<12}", stance_label(p.stance));
            let who = match &p.detail {
                Some(d) => format!("{}: {d}", b.actor(p.actor).name),
                None => b.actor(p.actor).name.clone(),
            };
            page.entry(2, &lead, &who, Tone::Plain, position_target(b, ci, pi));
        }
    }
    page
}

fn summary(page: &mut Page, claim: &crate::model::Claim, shown: &dyn Fn(ActorIx) -> bool) {
    let counts = counts_label(stance_counts(claim, shown));
    let counts = if counts.is_empty() {
        "no position from the chosen actors".to_owned()
    } else {
        counts
    };
    page.text(counts, Tone::Dim);
    if is_contested(claim) {
        page.text("  contested", Tone::Flag);
    }
}

/// Enter on a position opens its backing quote, or the position itself when it has none.
fn position_target(b: &Briefing, claim: usize, pos: usize) -> Target {
    match b.claims[claim].positions[pos].quote {
        Some(q) => Target::Quote(q),
        None => Target::Position(ClaimIx::at(claim), pos),
    }
}

/// Pads (or cuts) to exactly `w` columns.
fn pad(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let fill = w.saturating_sub(text_width(&s));
    format!("{s}{}", " ".repeat(fill))
}
