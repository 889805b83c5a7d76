//! The Claims view: a matrix of claims by actor with a stance in each cell, or, when the
//! terminal is too narrow for the matrix, a list of positions under each claim.

use super::{Block, Page, Structure, Target, Tone};
use crate::analysis::{counts_label, is_contested, stance_counts, stance_label, top_level};
use crate::app::filter::Filter;
use crate::model::{ActorIx, Briefing, Claim, ClaimIx};
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

fn shown(filter: &Filter, a: ActorIx) -> bool {
    !filter.is_active() || filter.selects[a.get()]
}

/// Whether the matrix with this many columns fits `width`.
pub fn fits(columns: usize, width: usize) -> bool {
    width.saturating_sub(columns * CELL) >= MIN_CLAIM
}

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter, width: usize, fold: bool) {
    // Columns: actors with a shown position, in actor-tree order.
    let mut has = vec![false; b.actors.len()];
    for c in &b.claims {
        for p in c.positions.iter().filter(|p| shown(filter, p.actor)) {
            has[column_of(b, p.actor, fold).get()] = true;
        }
    }
    s.columns = b
        .actor_tree()
        .into_iter()
        .map(|(a, _)| a)
        .filter(|a| has[a.get()])
        .collect();
    s.matrix = fits(s.columns.len(), width);
    if s.matrix {
        s.push(Block::MatrixHead, []);
        for ci in 0..b.claims.len() {
            let targets: Vec<Target> = s
                .columns
                .iter()
                .filter_map(|&col| cell_position(b, filter, fold, ci, col))
                .map(|pi| position_target(b, ci, pi))
                .collect();
            s.push(Block::MatrixRow(ci), targets);
        }
        if fold {
            s.push(Block::FoldNote, []);
        }
    } else {
        for (ci, claim) in b.claims.iter().enumerate() {
            s.push(Block::ListClaim(ci), []);
            for (pi, p) in claim.positions.iter().enumerate() {
                if shown(filter, p.actor) {
                    s.push(Block::ListPosition(ci, pi), [position_target(b, ci, pi)]);
                }
            }
        }
    }
}

/// The first shown position of claim `ci` in column `col`.
fn cell_position(
    b: &Briefing,
    filter: &Filter,
    fold: bool,
    ci: usize,
    col: ActorIx,
) -> Option<usize> {
    b.claims[ci]
        .positions
        .iter()
        .position(|p| shown(filter, p.actor) && column_of(b, p.actor, fold) == col)
}

/// The matrix's header row: "Claim", then one actor per column.
pub fn head(page: &mut Page, b: &Briefing, columns: &[ActorIx], width: usize) {
    let claim_w = width.saturating_sub(columns.len() * CELL);
    page.line()
        .text(format!("{:<claim_w$}", "Claim"), Tone::Heading);
    for &a in columns {
        page.text(
            format!("{:<CELL$}", truncate(&b.actor(a).name, CELL - 1)),
            Tone::Heading,
        );
    }
}

/// One claim's row of the matrix: its statement, a stance per column, its counts.
pub fn row(
    page: &mut Page,
    b: &Briefing,
    filter: &Filter,
    columns: &[ActorIx],
    width: usize,
    fold: bool,
    ci: usize,
) {
    let claim = &b.claims[ci];
    let claim_w = width.saturating_sub(columns.len() * CELL);
    page.blank();
    let lines = crate::text::wrap(&claim.statement, claim_w.saturating_sub(1));
    page.line().text(pad(&lines[0], claim_w), Tone::Strong);
    for &col in columns {
        match cell_position(b, filter, fold, ci, col) {
            Some(pi) => {
                let id = page.item(position_target(b, ci, pi));
                let p = &claim.positions[pi];
                let more = claim
                    .positions
                    .iter()
                    .filter(|q| shown(filter, q.actor) && column_of(b, q.actor, fold) == col)
                    .count()
                    > 1;
                let label = format!("{}{}", stance_label(p.stance), if more { "+" } else { "" });
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
    summary(page, claim, filter);
}

pub fn fold_note(page: &mut Page) {
    page.blank();
    page.line().text(
        "Members are folded into their state or organisation (m shows every actor).",
        Tone::Dim,
    );
}

/// A claim in the list form: its statement and counts.
pub fn list_claim(page: &mut Page, b: &Briefing, filter: &Filter, ci: usize) {
    let claim = &b.claims[ci];
    page.blank();
    page.wrapped(0, &claim.statement, Tone::Strong, None);
    page.line();
    summary(page, claim, filter);
}

/// One position under a claim in the list form.
pub fn list_position(page: &mut Page, b: &Briefing, ci: usize, pi: usize) {
    let p = &b.claims[ci].positions[pi];
    let lead = format!("{:<12}", stance_label(p.stance));
    let who = match &p.detail {
        Some(d) => format!("{}: {d}", b.actor(p.actor).name),
        None => b.actor(p.actor).name.clone(),
    };
    page.entry(2, &lead, &who, Tone::Plain, position_target(b, ci, pi));
}

fn summary(page: &mut Page, claim: &Claim, filter: &Filter) {
    let counts = counts_label(stance_counts(claim, |a| shown(filter, a)));
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
