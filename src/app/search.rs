//! Search over the whole briefing: section titles, bodies, quote texts and speakers.
//!
//! Matching is case-insensitive by Unicode lower-casing. The lower-cased text is made
//! once at start (`SearchIndex`), so a keystroke is one scan of it, not a lower-casing
//! of the briefing; offsets found in the lower-cased copy map back to the displayed
//! text only for the few lines on screen or the one match being jumped to.

use super::filter::Filter;
use super::view::pieces;
use crate::model::{Briefing, QuoteIx, SectionIx};
use std::ops::Range;

/// One piece of a section (see `view::pieces`), lower-cased.
#[derive(Debug, Clone)]
struct Indexed {
    lower: String,
    quote: Option<QuoteIx>,
}

/// Lower-cased text of every section's pieces, in reading order.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    sections: Vec<Vec<Indexed>>,
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
    pub fn new(b: &Briefing) -> Self {
        let sections = (0..b.sections.len())
            .map(|s| {
                pieces(b, SectionIx::at(s))
                    .into_iter()
                    .map(|p| Indexed {
                        lower: p.text.to_lowercase(),
                        quote: p.quote,
                    })
                    .collect()
            })
            .collect();
        Self { sections }
    }

    /// Every match of `query`, in reading order. Quotes of actors outside the filter
    /// are skipped, as they are in the Quotes pane.
    pub fn find(&self, b: &Briefing, filter: &Filter, query: &str) -> Vec<Match> {
        let needle = query.to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (section, pieces) in self.sections.iter().enumerate() {
            for (piece, p) in pieces.iter().enumerate() {
                if p.quote.is_some_and(|q| !filter.matches(b, q)) {
                    continue;
                }
                out.extend(p.lower.match_indices(&needle).map(|(offset, _)| Match {
                    section,
                    piece,
                    offset,
                }));
            }
        }
        out
    }
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
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// The current match in displayed text: section, piece, byte range; kept so that
    /// frames do not recompute it.
    pub current_range: Option<(usize, usize, Range<usize>)>,
    /// The filter generation the matches were found under.
    pub generation: u64,
}

impl Search {
    /// Finds the matches again (after the query or the filter changed).
    pub fn refresh(&mut self, index: &SearchIndex, b: &Briefing, filter: &Filter) {
        self.matches = index.find(b, filter, &self.query);
        self.generation = filter.generation;
        self.current = self.current.filter(|&c| c < self.matches.len());
        if self.current.is_none() {
            self.current_range = None;
        }
    }

    /// "match 4/17", "17 matches" or "no match".
    pub fn label(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) => "no match".to_owned(),
            (Some(c), n) => format!("match {}/{n}", c + 1),
            (None, 1) => "1 match".to_owned(),
            (None, n) => format!("{n} matches"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively_and_maps_back() {
        assert_eq!(find_in("Rutte said RUTTE", "rutte"), [0..5, 11..16]);
        // 'İ' lower-cases to two characters; offsets still land on the displayed text.
        assert_eq!(find_in("İstanbul and istanbul", "STANBUL"), [2..9, 15..22]);
        assert_eq!(find_in("İstanbul", "İs"), vec![0..3]);
        assert_eq!(find_in("윤석열 대통령", "대통령"), vec![10..19]);
        assert!(find_in("abc", "").is_empty());
    }
}
