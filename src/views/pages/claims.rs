//! The Claims view: a matrix of claims by actor with a stance in each cell, or, when the
//! terminal is too narrow for the matrix, a list of positions under each claim.
//!
//! With members folded, a state's or organisation's column holds its members'
//! positions too. A folded cell never hides one: it shows the head's own stance, then
//! the other positions counted by stance (`✘ denies · 1? 1✔`), and Enter on it lists
//! them all.

use super::{Page, PageBlock, Structure, Target, Tone};
use crate::model::{ActorIx, Briefing, Claim, ClaimIx};
use crate::text::{truncate, width as text_width, wrap};
use crate::views::analysis::{
    STANCES, counts_label, is_contested, stance_counts, stance_glyph, stance_label, top_level,
};
use crate::views::filter::Filter;

/// The claim column never gets narrower than this; below it, the list form is used.
/// The column holds the statement, then the stance counts and the contested flag.
const MIN_CLAIM: usize = 26;
/// The claim column's share before actor headers grow past their cells: enough for a
/// statement to read as a sentence.
const CLAIM_SHARE: usize = 40;
/// Header rows at most: a name wraps onto a second row before it is cut.
const HEAD_ROWS: usize = 2;

/// Which column a position's actor falls in: itself, or its top-level actor when folded.
fn column_of(b: &Briefing, a: ActorIx, fold: bool) -> ActorIx {
    if fold { top_level(b, a) } else { a }
}

fn shown(filter: &Filter, a: ActorIx) -> bool {
    !filter.is_active() || filter.selects[a.get()]
}

/// Whether a claim has a position the filter shows.
fn has_shown(filter: &Filter, claim: &Claim) -> bool {
    claim.positions.iter().any(|p| shown(filter, p.actor))
}

/// How the matrix shares the width: the claim column, then each actor column (its
/// cell and a one-column gap), and each actor's header, on one or two rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixLayout {
    /// Folded cells in their short form (`✘ +1✔ 1?`), when the long one does not fit.
    pub compact: bool,
    pub claim: usize,
    pub columns: Vec<usize>,
    pub headers: Vec<Vec<String>>,
}

impl MatrixLayout {
    fn head_rows(&self) -> usize {
        self.headers.iter().map(Vec::len).max().unwrap_or(1)
    }
}

/// The shown positions of claim `ci` in column `col`, in file order.
pub fn cell_positions(
    b: &Briefing,
    filter: &Filter,
    fold: bool,
    ci: usize,
    col: ActorIx,
) -> Vec<usize> {
    b.claims[ci]
        .positions
        .iter()
        .enumerate()
        .filter(|(_, p)| shown(filter, p.actor) && column_of(b, p.actor, fold) == col)
        .map(|(i, _)| i)
        .collect()
}

/// What a cell says: the column actor's own stance, then every other position in it
/// counted by stance after ` · ` (`✘ denies · 1✔ 1?`); when the column's actor takes
/// no position itself, its members' (`member: ~ likely`, `members: 2✔`); `·` when
/// the cell is empty.
///
/// `compact` is the short form for narrow screens: the own stance's glyph, then the
/// others after `+` (`✘ +1✔ 1?`, `+2✔`).
pub fn cell_label(
    b: &Briefing,
    ci: usize,
    positions: &[usize],
    col: ActorIx,
    compact: bool,
) -> String {
    let claim = &b.claims[ci];
    let own = positions
        .iter()
        .find(|&&pi| claim.positions[pi].actor == col);
    let mut counts = [0usize; 4];
    for &pi in positions.iter().filter(|&&pi| Some(&pi) != own) {
        let s = claim.positions[pi].stance;
        counts[STANCES.iter().position(|&x| x == s).unwrap_or(0)] += 1;
    }
    let others: Vec<String> = STANCES
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(&s, n)| format!("{n}{}", stance_glyph(s)))
        .collect();
    let others = others.join(" ");
    if compact && !others.is_empty() {
        let own = own.map(|&pi| format!("{} ", stance_glyph(claim.positions[pi].stance)));
        return format!("{}+{others}", own.unwrap_or_default());
    }
    match own {
        Some(&pi) if others.is_empty() => stance_label(claim.positions[pi].stance).to_owned(),
        Some(&pi) => format!("{} · {others}", stance_label(claim.positions[pi].stance)),
        None if others.is_empty() => "·".to_owned(),
        None if positions.len() == 1 => {
            format!(
                "member: {}",
                stance_label(claim.positions[positions[0]].stance)
            )
        }
        None => format!("members: {others}"),
    }
}

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter, width: usize, fold: bool) {
    if b.claims.is_empty() {
        s.push(PageBlock::Message("This briefing has no claims."), []);
        return;
    }
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
    // With a filter on, only the claims the chosen actors take a position on; without
    // one, every claim, those with no position recorded too.
    let claims: Vec<usize> = (0..b.claims.len())
        .filter(|&ci| !filter.is_active() || has_shown(filter, &b.claims[ci]))
        .collect();
    let hidden = b.claims.len() - claims.len();
    if claims.is_empty() {
        s.push(PageBlock::Message(EMPTY_FILTERED), []);
        return;
    }
    s.matrix = layout(b, filter, fold, &s.columns, &claims, width);
    if s.matrix.is_some() {
        s.push(PageBlock::MatrixHead, []);
        for &ci in &claims {
            let targets: Vec<Target> = s
                .columns
                .iter()
                .filter_map(|&col| cell_target(b, filter, fold, ci, col))
                .collect();
            s.push_unit(PageBlock::MatrixRow(ci), targets);
        }
        let folded = fold
            && b.claims.iter().any(|c| {
                c.positions
                    .iter()
                    .any(|p| shown(filter, p.actor) && b.actor(p.actor).affiliation.is_some())
            });
        if folded {
            s.push(PageBlock::FoldNote, []);
        }
    } else {
        for &ci in &claims {
            s.push_unit(PageBlock::ListClaim(ci), []);
            for (pi, p) in b.claims[ci].positions.iter().enumerate() {
                if shown(filter, p.actor) {
                    s.push(
                        PageBlock::ListPosition(ci, pi),
                        [Target::Position(ClaimIx::at(ci), pi)],
                    );
                }
            }
        }
    }
    if hidden > 0 {
        s.push(PageBlock::HiddenClaims(hidden), []);
    }
}

const EMPTY_FILTERED: &str =
    "No claim has a position from the chosen actors (c clears the filter, a changes it).";

/// Where Enter on a cell leads: its one position, or, for a folded cell holding
/// several, the list of them. `None` for an empty cell.
fn cell_target(
    b: &Briefing,
    filter: &Filter,
    fold: bool,
    ci: usize,
    col: ActorIx,
) -> Option<Target> {
    let positions = cell_positions(b, filter, fold, ci, col);
    match positions.as_slice() {
        [] => None,
        [pi] => Some(Target::Position(ClaimIx::at(ci), *pi)),
        _ => Some(Target::Cell(ClaimIx::at(ci), col)),
    }
}

/// Shares `width` between the claim column and the actor columns, or `None` when
/// the cells and the narrowest claim column do not fit (the list form is used).
///
/// Each actor column gets at least its widest cell; the claim column up to
/// `CLAIM_SHARE`; what is left makes headers whole, on two rows first (so most
/// fit), then on one; the claim column takes the rest.
fn layout(
    b: &Briefing,
    filter: &Filter,
    fold: bool,
    columns: &[ActorIx],
    claims: &[usize],
    width: usize,
) -> Option<MatrixLayout> {
    // "✔ asserts" is the narrowest label a cell with a position shows.
    if columns.len() * 10 + MIN_CLAIM > width {
        return None;
    }
    let cells_at = |compact: bool| -> Vec<usize> {
        columns
            .iter()
            .map(|&col| {
                claims
                    .iter()
                    .map(|&ci| {
                        let positions = cell_positions(b, filter, fold, ci, col);
                        text_width(&cell_label(b, ci, &positions, col, compact))
                    })
                    .max()
                    .unwrap_or(1)
                    + 1
            })
            .collect()
    };
    let fits = |w: &Vec<usize>| w.iter().sum::<usize>() + MIN_CLAIM <= width;
    let (compact, mut widths) = match cells_at(false) {
        w if fits(&w) => (false, w),
        _ => match cells_at(true) {
            w if fits(&w) => (true, w),
            _ => return None,
        },
    };
    let cells: usize = widths.iter().sum();
    let longest = claims
        .iter()
        .map(|&ci| text_width(&b.claims[ci].statement) + 1)
        .max()
        .unwrap_or(MIN_CLAIM);
    let claim_share = longest.clamp(MIN_CLAIM, CLAIM_SHARE).min(width - cells);
    // Whole headers on two rows come first, from all the room above the narrowest
    // claim column; then the claim column's share; then headers on one row.
    let mut spare = width - cells - MIN_CLAIM;
    let names: Vec<&str> = columns.iter().map(|&a| b.actor(a).name.as_str()).collect();
    for (n, target) in [two_rows_width as fn(&str) -> usize, text_width]
        .into_iter()
        .enumerate()
    {
        if n == 1 {
            spare = spare.saturating_sub(claim_share - MIN_CLAIM);
        }
        // Smallest shortfalls first: as many whole headers as the room allows.
        let mut order: Vec<usize> = (0..columns.len()).collect();
        order.sort_by_key(|&i| (target(names[i]) + 1).saturating_sub(widths[i]));
        for i in order {
            let short = (target(names[i]) + 1).saturating_sub(widths[i]);
            if short <= spare {
                widths[i] += short;
                spare -= short;
            }
        }
    }
    let headers = columns
        .iter()
        .zip(&widths)
        .map(|(&a, &w)| header(b, a, w - 1))
        .collect();
    Some(MatrixLayout {
        compact,
        claim: width - widths.iter().sum::<usize>(),
        columns: widths,
        headers,
    })
}

/// `name` on at most two rows of `w` columns, broken between words only.
fn in_rows(name: &str, w: usize) -> Option<Vec<String>> {
    let rows = wrap(name, w.max(1));
    let whole = rows.join(" ") == name.split_whitespace().collect::<Vec<_>>().join(" ");
    (whole && rows.len() <= HEAD_ROWS && rows.iter().all(|r| text_width(r) <= w)).then_some(rows)
}

/// The narrowest width at which `name` fits on at most two rows.
fn two_rows_width(name: &str) -> usize {
    let full = text_width(name);
    (1..=full)
        .find(|&w| in_rows(name, w).is_some())
        .unwrap_or(full)
}

/// An actor's header in `w` columns: its name on one row or two; else its longest
/// alias that fits (a short name, "UK"); else the name cut with `…` on the second row.
fn header(b: &Briefing, a: ActorIx, w: usize) -> Vec<String> {
    let actor = b.actor(a);
    let name = actor.name.as_str();
    if text_width(name) <= w {
        return vec![name.to_owned()];
    }
    if let Some(rows) = in_rows(name, w) {
        return rows;
    }
    if let Some(alias) = actor
        .aliases
        .iter()
        .filter(|al| text_width(al) <= w)
        .max_by_key(|al| text_width(al))
    {
        return vec![alias.clone()];
    }
    // Cut: the whole words that fit on the first row, the rest cut with `…` on the
    // second; a first word too long for the column is cut on one row.
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut fit = 0;
    while fit < words.len() && text_width(&words[..=fit].join(" ")) <= w {
        fit += 1;
    }
    if fit == 0 {
        return vec![truncate(name, w)];
    }
    vec![words[..fit].join(" "), truncate(&words[fit..].join(" "), w)]
}

/// The matrix's header rows: "Claim", then one actor per column.
pub fn head(page: &mut Page, m: &MatrixLayout) {
    for row in 0..m.head_rows() {
        let first = if row == 0 { "Claim" } else { "" };
        page.line().text(pad(first, m.claim), Tone::Heading);
        for (h, &w) in m.headers.iter().zip(&m.columns) {
            let text = h.get(row).map_or("", String::as_str);
            page.text(pad(text, w), Tone::Heading);
        }
    }
}

/// One claim's row of the matrix: its statement, a stance per column, its counts.
pub fn row(
    page: &mut Page,
    b: &Briefing,
    filter: &Filter,
    columns: &[ActorIx],
    m: &MatrixLayout,
    fold: bool,
    ci: usize,
) {
    let claim = &b.claims[ci];
    page.blank();
    let lines = wrap(&claim.statement, m.claim.saturating_sub(1));
    page.line().text(pad(&lines[0], m.claim), Tone::Strong);
    for (&col, &w) in columns.iter().zip(&m.columns) {
        let positions = cell_positions(b, filter, fold, ci, col);
        let label = cell_label(b, ci, &positions, col, m.compact);
        match cell_target(b, filter, fold, ci, col) {
            Some(target) => {
                let id = page.item(target);
                page.cell(pad(&label, w - 1), Tone::Plain, Some(id))
                    .text(" ", Tone::Plain);
            }
            None => {
                page.text(pad(&label, w), Tone::Dim);
            }
        }
    }
    for more in &lines[1..] {
        page.line().text(more.clone(), Tone::Strong);
    }
    page.line();
    summary(page, claim, filter);
}

pub fn fold_note(page: &mut Page, compact: bool) {
    page.blank();
    let text = if compact {
        "Members are folded into their state or organisation: a cell gives that actor's own \
         stance, then its members' counted after + (✘ +1✔ 1?: it denies, one member asserts, \
         one is undecided; +2✔ alone: only members take a position). Enter lists them; m gives \
         every actor a column."
    } else {
        "Members are folded into their state or organisation: a cell gives that actor's own \
         stance, then its members' counted after · (✘ denies · 1✔ 1?: it denies, one member \
         asserts, one is undecided); member: or members: marks a cell where only members take \
         a position. Enter lists them; m gives every actor a column."
    };
    page.wrapped(0, text, Tone::Dim, None);
}

/// The line under a filtered page: how many claims the filter hides.
pub fn hidden_note(page: &mut Page, hidden: usize) {
    page.blank();
    let (n, verb) = if hidden == 1 {
        ("1 other claim".to_owned(), "has")
    } else {
        (format!("{hidden} other claims"), "have")
    };
    page.wrapped(
        0,
        &format!("{n} {verb} no position from the chosen actors (c clears the filter)."),
        Tone::Dim,
        None,
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
    page.entry(
        2,
        &lead,
        &who,
        Tone::Plain,
        Target::Position(ClaimIx::at(ci), pi),
    );
}

fn summary(page: &mut Page, claim: &Claim, filter: &Filter) {
    let counts = counts_label(stance_counts(claim, |a| shown(filter, a)));
    let counts = if counts.is_empty() {
        "no position recorded".to_owned()
    } else {
        counts
    };
    page.text(counts, Tone::Dim);
    if is_contested(claim) {
        page.text("  contested", Tone::Flag);
    }
}

/// Pads (or cuts) to exactly `w` columns.
fn pad(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let fill = w.saturating_sub(text_width(&s));
    format!("{s}{}", " ".repeat(fill))
}

/// What the status line says of a selected cell or position: whose stance, which
/// claim (`Northland: ✘ denies · 1✔ 1? — The Kessel dam's spillway is failing.`).
pub fn describe(b: &Briefing, filter: &Filter, fold: bool, target: Target) -> Option<String> {
    let (claim, who, label) = match target {
        Target::Position(c, p) => {
            let pos = b.claim(c).positions.get(p)?;
            (c, pos.actor, stance_label(pos.stance).to_owned())
        }
        Target::Cell(c, col) => {
            let positions = cell_positions(b, filter, fold, c.get(), col);
            (c, col, cell_label(b, c.get(), &positions, col, false))
        }
        _ => return None,
    };
    Some(format!(
        "{}: {label} — {}",
        b.actor(who).name,
        b.claim(claim).statement
    ))
}
