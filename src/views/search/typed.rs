//! The search the user types: its matches, the current one, and the finding of them
//! a step at a time over the index.

use super::case::displayed_range;
use super::steps::Picked;
use super::{Match, SearchIndex};
use crate::model::{Briefing, QuoteIx};
use crate::views::filter::Filter;
use std::ops::Range;

/// The search the user typed: its matches and which one is current.
///
/// Found a step at a time: each key does at most `KEY_STEP` of work (about a byte of
/// the index scanned per unit) and `App::search_step` continues what is left while no key is
/// waiting, so a common first letter over a large briefing (678,608 matches of `e` at
/// 10 MB) never holds a frame. Matches are found in reading order, so those found
/// so far are the first ones: `n` and Enter use them, and finish the search only when
/// they need a match beyond them.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// The matches found so far (all of them unless `pending`).
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// The current match in displayed text: section, piece, byte range; kept so that
    /// frames do not recompute it.
    pub current_range: Option<(usize, usize, Range<usize>)>,
    /// The filter generation the matches were found under.
    pub generation: u64,
    /// The lower-cased queries typed on the way to this one, each a prefix of the next,
    /// with their occurrences (whatever the filter): a keystroke narrows the last,
    /// Backspace returns to the one before, a filter change re-selects from the last.
    found: Vec<Found>,
    /// How far the last entry's occurrences are selected into `matches`.
    picked: Picked,
    /// The match that was current when the matches were found again (after a filter
    /// change): the first match found at or after it becomes current, so `n` goes on
    /// from the same place.
    seek: Option<Match>,
}

/// One query's occurrences in the index, and what is left to find.
#[derive(Debug, Clone)]
struct Found {
    needle: String,
    occurrences: Vec<usize>,
    left: Option<Left>,
}

#[derive(Debug, Clone, Copy)]
enum Left {
    /// Scan the index from this byte on.
    Scan(usize),
    /// Check the previous query's occurrences from this one on.
    Narrow(usize),
}

/// Units of work a key does (about 0.1 ms here, at 50 MB too: the key's frame shows
/// at once; four times this cost 0.4 ms at 50 MB), and one `search_step` call between keys
/// (about 0.4 ms: with its frame, well within a frame's 2 ms, while a search of every
/// `e` in 10 MB finishes in about 20 of them).
const KEY_STEP: usize = 1 << 17;
const WORK_STEP: usize = 8 << 20;

impl Search {
    /// Starts finding the matches again (after the query or the filter changed), and
    /// does one step of it.
    pub fn refresh(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        // A place still sought (a second change before it was found) is kept.
        self.seek = (self.current)
            .and_then(|c| self.matches.get(c).copied())
            .or(self.seek);
        self.current = None;
        self.restart(index);
        self.generation = filter.generation;
        self.step(index, |q| filter.matches(b, q), KEY_STEP);
        self.settle(b);
    }

    /// Forgets the current match and any sought (the query changed).
    pub fn clear_current(&mut self) {
        self.current = None;
        self.current_range = None;
        self.seek = None;
    }

    /// The match that was current before a filter change, while it (or the first
    /// match after it) is not found yet.
    pub fn seeking(&self) -> Option<Match> {
        self.seek
    }

    /// Makes current the first match found at or after `seek`, once found; none if
    /// there is none.
    fn settle(&mut self, b: &Briefing) {
        let Some(was) = self.seek else {
            if self.current.is_none() {
                self.current_range = None;
            }
            return;
        };
        if self.current.is_some() {
            // A key chose a match meanwhile.
            self.seek = None;
            return;
        }
        let k = self.matches.partition_point(|m| *m < was);
        if let Some(&m) = self.matches.get(k) {
            self.current = Some(k);
            if m != was {
                self.current_range =
                    displayed_range(b, m, &self.query).map(|r| (m.section, m.piece, r));
            }
        } else if self.pending() {
            return;
        } else {
            self.current_range = None;
        }
        self.seek = None;
    }

    /// Whether matches are still to be found.
    pub fn pending(&self) -> bool {
        self.found
            .last()
            .is_some_and(|f| f.left.is_some() || self.picked.next < f.occurrences.len())
    }

    /// One more step of an unfinished search.
    pub fn search_step(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.step(index, |q| filter.matches(b, q), WORK_STEP);
        self.settle(b);
    }

    /// Finds every match now.
    pub fn finish(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.step(index, |q| filter.matches(b, q), usize::MAX);
        self.settle(b);
    }

    /// Makes the last entry of `found` the query's, and forgets the matches.
    pub(in crate::views) fn restart(&mut self, index: &SearchIndex) {
        let needle = self.query.to_lowercase();
        while self
            .found
            .last()
            .is_some_and(|f| !needle.starts_with(f.needle.as_str()))
        {
            self.found.pop();
        }
        self.matches.clear();
        self.picked = Picked::default();
        if needle.is_empty() {
            self.found.clear();
            return;
        }
        if self.found.last().is_none_or(|f| f.needle != needle) {
            let left = match self.found.last() {
                // Narrowing visits every previous occurrence; a scan is cheaper when
                // the prefix was very common, and needed when it is not all found.
                Some(prev) if prev.left.is_none() && prev.occurrences.len() * 8 <= index.len() => {
                    Left::Narrow(0)
                }
                _ => Left::Scan(0),
            };
            self.found.push(Found {
                needle,
                occurrences: Vec::new(),
                left: Some(left),
            });
        }
    }

    /// Up to `budget` units: finds more occurrences of the query and selects the
    /// matches among them, in rounds in which finding gets at most half of what is
    /// left, so that the matches found show from the first step on rather than only
    /// once the whole index is scanned.
    pub(in crate::views) fn step(
        &mut self,
        index: &SearchIndex,
        keep: impl Fn(QuoteIx) -> bool,
        mut budget: usize,
    ) {
        let Some(last) = self.found.len().checked_sub(1) else {
            return;
        };
        let (below, top) = self.found.split_at_mut(last);
        let top = &mut top[0];
        let needle = top.needle.as_bytes();
        while budget > 0 && (top.left.is_some() || self.picked.next < top.occurrences.len()) {
            let mut part = budget.div_ceil(2);
            let before = part;
            top.left = match top.left {
                Some(Left::Scan(at)) => index
                    .scan(needle, at, &mut part, &mut top.occurrences)
                    .map(Left::Scan),
                Some(Left::Narrow(from)) => {
                    let prev = below.last().map_or(&[][..], |p| p.occurrences.as_slice());
                    index
                        .narrow(prev, from, needle, &mut part, &mut top.occurrences)
                        .map(Left::Narrow)
                }
                None => None,
            };
            budget -= before - part;
            index.select(
                &top.occurrences,
                needle.len(),
                &keep,
                (&mut self.picked, &mut budget),
                &mut self.matches,
            );
        }
    }

    #[cfg(test)]
    pub(in crate::views) fn find(
        &mut self,
        index: &SearchIndex,
        keep: impl Fn(QuoteIx) -> bool,
    ) -> Vec<Match> {
        self.find_in_steps(index, keep, usize::MAX)
    }

    /// The whole search in steps of `budget` units.
    #[cfg(test)]
    pub(in crate::views) fn find_in_steps(
        &mut self,
        index: &SearchIndex,
        keep: impl Fn(QuoteIx) -> bool,
        budget: usize,
    ) -> Vec<Match> {
        self.restart(index);
        loop {
            self.step(index, &keep, budget);
            if !self.pending() {
                return self.matches.clone();
            }
        }
    }

    /// "match 4/17", "17 matches" or "no match"; while matches are still being found,
    /// "searching", "match 4/17+" or "17+ matches".
    pub fn label(&self) -> String {
        let more = if self.pending() { "+" } else { "" };
        match (self.current, self.matches.len()) {
            (_, 0) if self.pending() => "searching".to_owned(),
            (_, 0) => "no match".to_owned(),
            (Some(c), n) => format!("match {}/{n}{more}", c + 1),
            (None, 1) if more.is_empty() => "1 match".to_owned(),
            (None, n) => format!("{n}{more} matches"),
        }
    }
}
