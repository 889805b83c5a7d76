//! Search over the whole briefing: section titles, bodies, quote texts and speakers.
//!
//! Matching is case-insensitive: each piece of a section (see `view::pieces`) is
//! lower-cased with `str::to_lowercase`. That is done once, at start, into one buffer
//! (`SearchIndex`), so a keystroke never lower-cases the briefing. A new query is found
//! with one `memchr::memmem` scan of the buffer; while the query grows, the previous
//! query's occurrences are narrowed instead (every occurrence of `ministr` is one of
//! `minist` at the same place), and Backspace goes back to them. A filter change only
//! re-selects among the occurrences. Offsets map back to the displayed text only for
//! the few lines on screen or the one match being jumped to.

use super::filter::Filter;
use super::view::{attribution, pieces, quote_words};
use crate::model::{Briefing, QuoteIx, SectionIx};
use memchr::memmem::Finder;
use std::ops::Range;
use steps::Picked;

/// Where one piece starts in the index and what it is.
#[derive(Debug, Clone, Copy)]
struct PieceAt {
    start: usize,
    section: usize,
    piece: usize,
    quote: Option<QuoteIx>,
}

/// The lower-cased text of every section's pieces, in reading order, in one buffer.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Each piece lower-cased and followed by a NUL, which cleaned text never holds, so
    /// no match runs from one piece into the next.
    lower: String,
    pieces: Vec<PieceAt>,
}

/// Where a match is: section, piece within the section, byte offset in the
/// lower-cased piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub section: usize,
    pub piece: usize,
    pub offset: usize,
}

impl SearchIndex {
    /// Indexes the pieces of every section, in the order `view::pieces` gives them.
    pub fn new(b: &Briefing) -> Self {
        // Sized once: growing a buffer of many megabytes copies it and faults in fresh
        // pages at every doubling.
        let text: usize = b
            .sections
            .iter()
            .map(|s| s.title.len() + s.paragraphs.iter().map(String::len).sum::<usize>())
            .sum::<usize>()
            + b.quotes.iter().map(|q| q.text.len() + 80).sum::<usize>();
        let pieces = b
            .sections
            .iter()
            .map(|s| 1 + s.paragraphs.len())
            .sum::<usize>()
            + 2 * b.quotes.len();
        let mut index = Self {
            lower: String::with_capacity(text + text / 16),
            pieces: Vec::with_capacity(pieces),
        };
        for (s, section) in b.sections.iter().enumerate() {
            index.push(s, &section.title, None);
            for p in &section.paragraphs {
                index.push(s, p, None);
            }
            for q in section.quotes.clone().map(QuoteIx::at) {
                index.push(s, &quote_words(b, q), Some(q));
                index.push(s, &attribution(b, q), Some(q));
            }
        }
        index
    }

    /// Builds an index from (section, text, quote) pieces in reading order.
    pub fn from_pieces<'a>(
        pieces: impl IntoIterator<Item = (usize, &'a str, Option<QuoteIx>)>,
    ) -> Self {
        let mut index = Self::default();
        for (section, text, quote) in pieces {
            index.push(section, text, quote);
        }
        index
    }

    fn push(&mut self, section: usize, text: &str, quote: Option<QuoteIx>) {
        let piece = match self.pieces.last() {
            Some(last) if last.section == section => last.piece + 1,
            _ => 0,
        };
        self.pieces.push(PieceAt {
            start: self.lower.len(),
            section,
            piece,
            quote,
        });
        push_lower(&mut self.lower, text);
        self.lower.push('\0');
    }

    /// Whether piece `p` is a quote's words (a quote's attribution follows them).
    fn is_words(&self, p: usize) -> bool {
        self.pieces[p]
            .quote
            .is_some_and(|q| p == 0 || self.pieces[p - 1].quote != Some(q))
    }

    /// Which quotes' words hold `needle` (lower-cased), by quote: one pass over the
    /// index that looks only at words and leaves a quote at its first occurrence, so
    /// a common needle costs a find per quote, not per occurrence.
    pub fn quote_word_hits(&self, needle: &str, quotes: usize) -> Vec<bool> {
        let mut hit = vec![false; quotes];
        if needle.is_empty() || needle.contains('\0') {
            return hit;
        }
        let finder = Finder::new(needle.as_bytes());
        let hay = self.lower.as_bytes();
        let next_words = |mut p: usize| {
            while p < self.pieces.len() && !self.is_words(p) {
                p += 1;
            }
            p
        };
        let mut p = next_words(0);
        while p < self.pieces.len() {
            let at = self.pieces[p].start;
            let Some(i) = finder.find(&hay[at..]) else {
                break;
            };
            // Pieces end with a NUL, which the needle does not hold: no match runs
            // from one piece into the next.
            p = self.piece_at(at + i, p);
            if self.is_words(p)
                && let Some(q) = self.pieces[p].quote
                && let Some(h) = hit.get_mut(q.get())
            {
                *h = true;
            }
            p = next_words(p + 1);
        }
        hit
    }

    /// `quote_word_hits` from the needle's occurrences (sorted) instead of a scan.
    pub fn quote_word_hits_among(&self, occurrences: &[usize], quotes: usize) -> Vec<bool> {
        let mut hit = vec![false; quotes];
        let mut p = 0;
        for &i in occurrences {
            p = self.piece_at(i, p);
            if self.is_words(p)
                && let Some(q) = self.pieces[p].quote
                && let Some(h) = hit.get_mut(q.get())
            {
                *h = true;
            }
        }
        hit
    }

    /// Bytes of lower-cased text held.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Heap bytes the index owns (for the memory benchmark).
    pub fn heap_bytes(&self) -> usize {
        self.lower.capacity() + self.pieces.capacity() * size_of::<PieceAt>()
    }

    /// The piece holding offset `i`, searching from piece `from` on (galloping, so a
    /// walk through sorted offsets costs little whether they are dense or sparse).
    fn piece_at(&self, i: usize, from: usize) -> usize {
        let (mut lo, mut step) = (from, 1);
        let mut hi = from + 1;
        while hi < self.pieces.len() && self.pieces[hi].start <= i {
            lo = hi;
            hi += step;
            step *= 2;
        }
        let hi = hi.min(self.pieces.len());
        lo + self.pieces[lo..hi].partition_point(|p| p.start <= i) - 1
    }
}

/// Blocks whose characters all lower-case to themselves (checked against the standard
/// library by a test): the scripts and symbols briefings are mostly written in beside
/// ASCII, so most pieces lower-case without a table lookup per character.
const UNCASED: [(char, char); 10] = [
    ('\u{A0}', '\u{BF}'),       // Latin-1 punctuation and symbols
    ('\u{2000}', '\u{206F}'),   // general punctuation: dashes, quotation marks
    ('\u{20A0}', '\u{20CF}'),   // currency symbols
    ('\u{1100}', '\u{11FF}'),   // Hangul Jamo
    ('\u{3000}', '\u{33FF}'),   // CJK punctuation, kana, compatibility jamo
    ('\u{4E00}', '\u{9FFF}'),   // CJK ideographs
    ('\u{AC00}', '\u{D7AF}'),   // Hangul syllables
    ('\u{FE00}', '\u{FE0F}'),   // variation selectors
    ('\u{1F1E6}', '\u{1F1FF}'), // regional indicators (flags)
    ('\u{1F300}', '\u{1FAFF}'), // emoji and pictographs
];

/// Whether every character of `text` beyond ASCII is in an `UNCASED` block, so that
/// lower-casing its ASCII letters lower-cases it.
pub(crate) fn only_ascii_cased(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|b| !b.is_ascii()) {
        i += off;
        // Lead bytes of U+B000..U+CFFF, all Hangul syllables: the bulk of Korean text.
        if matches!(bytes[i], 0xEB | 0xEC) {
            i += 3;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if !UNCASED.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Appends `text` lower-cased as `str::to_lowercase` does it.
pub(crate) fn push_lower(buf: &mut String, text: &str) {
    if only_ascii_cased(text) {
        // What `to_lowercase` would give, without its per-character table lookups.
        let start = buf.len();
        buf.push_str(text);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&text.to_lowercase());
    }
}

/// Whether `text` lower-cased holds `needle` (lower-cased, not empty).
pub(crate) fn holds(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    if text.is_ascii() {
        let (t, n) = (text.as_bytes(), needle.as_bytes());
        return needle.is_ascii() && t.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    let mut lower = String::with_capacity(text.len());
    push_lower(&mut lower, text);
    lower.contains(needle)
}

/// Lower-cases `text`, recording for each byte of the result the byte of `text` it
/// came from (lower-casing can change lengths: 'İ' becomes two characters).
fn lower_with_map(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lower.push(l);
            map.extend(std::iter::repeat_n(i, l.len_utf8()));
        }
    }
    map.push(text.len());
    (lower, map)
}

/// Byte ranges of `text` where `query` occurs, case-insensitively.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = query.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let (lower, map) = lower_with_map(text);
    lower
        .match_indices(&needle)
        .map(|(i, m)| map[i]..map[i + m.len()].max(map[i] + 1).min(text.len()))
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

/// Whether `find_in(text, query)` finds anything, where `needle` is
/// `query.to_lowercase()`: without allocating when the text is ASCII.
pub fn occurs_in(text: &str, query: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    if text.is_ascii() {
        // ASCII lower-cases to ASCII, which holds no other character.
        return needle.is_ascii()
            && text
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    }
    !find_in(text, query).is_empty()
}

/// The match's byte range in the displayed piece text.
pub fn displayed_range(b: &Briefing, m: Match, query: &str) -> Option<Range<usize>> {
    let piece = pieces(b, SectionIx::at(m.section))
        .into_iter()
        .nth(m.piece)?;
    let (_, map) = lower_with_map(&piece.text);
    let needle = query.to_lowercase();
    let start = *map.get(m.offset)?;
    let end = *map.get(m.offset + needle.len())?;
    Some(start..end.max(start))
}

/// The search the user typed: its matches and which one is current.
///
/// Found a step at a time: each key does at most `KEY_STEP` of work (about a byte of
/// the index scanned per unit) and `App::work` continues what is left while no key is
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

/// Units of work a key does (under 0.1 ms here: the key's frame shows at once), and
/// one `work` call between keys (about 0.4 ms: with its frame, well within a frame's
/// 2 ms, while a search of every `e` in 10 MB finishes in about 20 of them).
const KEY_STEP: usize = 1 << 19;
const WORK_STEP: usize = 8 << 20;

impl Search {
    /// Starts finding the matches again (after the query or the filter changed), and
    /// does one step of it.
    pub fn refresh(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.seek = self.current.and_then(|c| self.matches.get(c).copied());
        self.current = None;
        self.restart(index);
        self.generation = filter.generation;
        self.step(index, |q| filter.matches(b, q), KEY_STEP);
        self.settle(b);
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

    /// All the occurrences of `needle` (the query lower-cased) in the index, if found
    /// already.
    pub fn occurrences(&self, needle: &str) -> Option<&[usize]> {
        self.found
            .last()
            .filter(|f| f.needle == needle && f.left.is_none())
            .map(|f| f.occurrences.as_slice())
    }

    /// Whether matches are still to be found.
    pub fn pending(&self) -> bool {
        self.found
            .last()
            .is_some_and(|f| f.left.is_some() || self.picked.next < f.occurrences.len())
    }

    /// One more step of an unfinished search.
    pub fn work(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.step(index, |q| filter.matches(b, q), WORK_STEP);
        self.settle(b);
    }

    /// Finds every match now.
    pub fn finish(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.step(index, |q| filter.matches(b, q), usize::MAX);
        self.settle(b);
    }

    /// Makes the last entry of `found` the query's, and forgets the matches.
    fn restart(&mut self, index: &SearchIndex) {
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
    fn step(&mut self, index: &SearchIndex, keep: impl Fn(QuoteIx) -> bool, mut budget: usize) {
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
    fn find(&mut self, index: &SearchIndex, keep: impl Fn(QuoteIx) -> bool) -> Vec<Match> {
        self.find_in_steps(index, keep, usize::MAX)
    }

    /// The whole search in steps of `budget` units.
    #[cfg(test)]
    fn find_in_steps(
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

mod steps;
#[cfg(test)]
mod tests;
