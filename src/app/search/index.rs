//! The search index: every section's pieces lower-cased once into one buffer, and
//! where each piece starts, so that a query is a scan of bytes, never a lower-casing
//! of the briefing.

use super::case::push_lower;
use crate::app::view::{attribution, quote_words};
use crate::model::{Briefing, QuoteIx};
use memchr::memmem::Finder;

/// Where one piece starts in the index and what it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct PieceAt {
    pub(super) start: usize,
    pub(super) section: usize,
    pub(super) piece: usize,
    pub(super) quote: Option<QuoteIx>,
}

/// The lower-cased text of every section's pieces, in reading order, in one buffer.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Each piece lower-cased and followed by a NUL, which cleaned text never holds, so
    /// no match runs from one piece into the next.
    pub(super) lower: String,
    pub(super) pieces: Vec<PieceAt>,
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
    pub(super) fn piece_at(&self, i: usize, from: usize) -> usize {
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
