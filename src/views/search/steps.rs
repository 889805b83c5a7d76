//! The search index read a step at a time: a scan from a byte on, a narrowing from an
//! occurrence on, a selection from an occurrence on, each stopping when its budget of
//! work units is spent and saying where to go on from. A unit is about one byte of
//! index scanned; an occurrence recorded, checked or selected costs more.

use super::{Match, SearchIndex};
use crate::model::QuoteIx;
use memchr::memmem::Finder;

/// Units per occurrence recorded by a scan, checked by a narrowing, selected.
const FOUND: usize = 200;
const CHECKED: usize = 64;
const PICKED: usize = 160;

/// How far a selection went: the next occurrence to look at, the piece of the last
/// one, and where the last match ends (matches do not overlap).
#[derive(Debug, Clone, Copy, Default)]
pub struct Picked {
    pub next: usize,
    piece: usize,
    end: usize,
}

/// Calls `f` with each occurrence of `needle` (not empty) in `hay`, overlapping ones
/// included, in order, until it returns false.
fn each_occurrence(hay: &[u8], needle: &[u8], mut f: impl FnMut(usize) -> bool) {
    if let &[byte] = needle {
        // The one-byte iterator: less work per occurrence than a `Finder`, and the
        // first letter of a query is common (one byte in sixty is an `m`).
        for i in memchr::memchr_iter(byte, hay) {
            if !f(i) {
                return;
            }
        }
        return;
    }
    let finder = Finder::new(needle);
    // Without a border (an end that is also a start), occurrences cannot overlap, and
    // the one-pass iterator finds them all.
    let n = needle.len();
    if !(1..n).any(|k| needle[n - k..] == needle[..k]) {
        for i in finder.find_iter(hay) {
            if !f(i) {
                return;
            }
        }
        return;
    }
    let mut at = 0;
    while let Some(i) = finder.find(&hay[at..]) {
        if !f(at + i) {
            return;
        }
        at += i + 1;
    }
}

impl SearchIndex {
    /// Records the occurrences of `needle` that start at byte `at` or later, until the
    /// budget is spent: where to go on from, or `None` at the end of the index.
    pub(in crate::views) fn scan(
        &self,
        needle: &[u8],
        at: usize,
        budget: &mut usize,
        out: &mut Vec<usize>,
    ) -> Option<usize> {
        let hay = self.lower.as_bytes();
        if needle.is_empty() || at >= hay.len() {
            return None;
        }
        let end = at.saturating_add((*budget).max(1)).min(hay.len());
        // Occurrences starting before `end`, even if they run past it.
        let window = &hay[at..end.saturating_add(needle.len() - 1).min(hay.len())];
        let (mut next, mut found) = (end, 0);
        let limit = *budget;
        each_occurrence(window, needle, |i| {
            if at + i >= end {
                return false;
            }
            out.push(at + i);
            found += 1;
            if i + 1 + found * FOUND >= limit {
                next = at + i + 1;
                return false;
            }
            true
        });
        *budget = budget.saturating_sub(next - at + found * FOUND);
        (next < hay.len()).then_some(next)
    }

    /// Records which of `prev` (a prefix's occurrences) from `from` on are occurrences
    /// of `needle`, until the budget is spent: where to go on from, or `None`.
    pub(in crate::views) fn narrow(
        &self,
        prev: &[usize],
        from: usize,
        needle: &[u8],
        budget: &mut usize,
        out: &mut Vec<usize>,
    ) -> Option<usize> {
        let hay = self.lower.as_bytes();
        let to = from
            .saturating_add((*budget / CHECKED).max(1))
            .min(prev.len());
        out.extend(
            prev[from..to]
                .iter()
                .copied()
                .filter(|&i| hay[i..].starts_with(needle)),
        );
        *budget = budget.saturating_sub((to - from) * CHECKED);
        (to < prev.len()).then_some(to)
    }

    /// Selects matches among `occurrences` (sorted) of a needle `len` bytes long, from
    /// where `picked` left off, until the budget is spent: inside one piece, not
    /// overlapping the previous match (as `str::match_indices` finds them), in a piece
    /// whose quote, if any, `keep` accepts.
    pub(in crate::views) fn select(
        &self,
        occurrences: &[usize],
        len: usize,
        keep: impl Fn(QuoteIx) -> bool,
        (picked, budget): (&mut Picked, &mut usize),
        out: &mut Vec<Match>,
    ) {
        let from = picked.next;
        // At least one when there is any budget, so that every step makes progress.
        let take = if *budget == 0 {
            0
        } else {
            (*budget / PICKED).max(1)
        };
        let to = from.saturating_add(take).min(occurrences.len());
        for &i in &occurrences[from..to] {
            picked.piece = self.piece_at(i, picked.piece);
            let at = self.pieces[picked.piece];
            let piece_end = self
                .pieces
                .get(picked.piece + 1)
                .map_or(self.lower.len(), |n| n.start)
                - 1;
            if i < picked.end || i + len > piece_end || at.quote.is_some_and(|q| !keep(q)) {
                continue;
            }
            picked.end = i + len;
            out.push(Match {
                section: at.section,
                piece: at.piece,
                offset: i - at.start,
            });
        }
        picked.next = to;
        *budget = budget.saturating_sub((to - from) * PICKED);
    }
}
