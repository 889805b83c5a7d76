//! The search index: every section's pieces lower-cased once into one buffer, and
//! where each piece starts, so that a query is a scan of bytes, never a lower-casing
//! of the briefing.

use super::case::push_lower;
use crate::model::{Briefing, QuoteIx, SectionIx};
use crate::views::lines::{attribution, overview, quote_words};

/// Where one piece starts in the index and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::views) struct PieceAt {
    pub(in crate::views) start: usize,
    pub(in crate::views) section: usize,
    pub(in crate::views) piece: usize,
    pub(in crate::views) quote: Option<QuoteIx>,
}

/// The lower-cased text of every section's pieces, in reading order, in one buffer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    /// Each piece lower-cased and followed by a NUL, which cleaned text never holds, so
    /// no match runs from one piece into the next.
    pub(in crate::views) lower: String,
    pub(in crate::views) pieces: Vec<PieceAt>,
    /// By quote, the piece of its words (`u32::MAX` for a quote not indexed): search
    /// in the views reads one quote's words at a time.
    quote_piece: Vec<u32>,
}

impl SearchIndex {
    /// Indexes the pieces of every section, in the order `view::pieces` gives them.
    pub fn new(b: &Briefing) -> Self {
        let mut index = Self::sized(b);
        index.extend(b, 0, usize::MAX);
        index
    }

    /// An empty index with room for all of `b`: growing a buffer of many megabytes
    /// copies it and faults in fresh pages at every doubling.
    pub fn sized(b: &Briefing) -> Self {
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
        Self {
            lower: String::with_capacity(text + text / 16),
            pieces: Vec::with_capacity(pieces),
            quote_piece: vec![u32::MAX; b.quotes.len()],
        }
    }

    /// Indexes sections from `section` on until about `bytes` of text are added (at
    /// least one section): the section to go on from, or `None` when all are in.
    pub fn extend(&mut self, b: &Briefing, section: usize, bytes: usize) -> Option<usize> {
        let until = self.lower.len().saturating_add(bytes);
        for (s, sec) in b.sections.iter().enumerate().skip(section) {
            if s > section && self.lower.len() >= until {
                return Some(s);
            }
            // In the order `view::pieces` gives them: the summary above section 1.
            if let Some(summary) = overview(b, SectionIx::at(s)) {
                self.push(s, summary, None);
            }
            self.push(s, &sec.title, None);
            for p in &sec.paragraphs {
                self.push(s, p, None);
            }
            for q in sec.quotes.clone().map(QuoteIx::at) {
                self.push(s, &quote_words(b, q), Some(q));
                self.push(s, &attribution(b, q), Some(q));
            }
        }
        None
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
        if let Some(q) = quote
            && self.pieces.last().is_none_or(|last| last.quote != Some(q))
        {
            if self.quote_piece.len() <= q.get() {
                self.quote_piece.resize(q.get() + 1, u32::MAX);
            }
            self.quote_piece[q.get()] = u32::try_from(self.pieces.len()).unwrap_or(u32::MAX);
        }
        self.pieces.push(PieceAt {
            start: self.lower.len(),
            section,
            piece,
            quote,
        });
        push_lower(&mut self.lower, text);
        self.lower.push('\0');
    }

    /// A quote's words lower-cased (without its attribution), as indexed.
    pub fn quote_words(&self, q: QuoteIx) -> Option<&str> {
        let p = *self.quote_piece.get(q.get())? as usize;
        let start = self.pieces.get(p)?.start;
        let end = self.pieces.get(p + 1).map_or(self.lower.len(), |n| n.start);
        // Less the NUL that ends every piece.
        self.lower.get(start..end.checked_sub(1)?)
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
        self.lower.capacity()
            + self.pieces.capacity() * size_of::<PieceAt>()
            + self.quote_piece.capacity() * size_of::<u32>()
    }

    /// The piece holding offset `i`, searching from piece `from` on (galloping, so a
    /// walk through sorted offsets costs little whether they are dense or sparse).
    pub(in crate::views) fn piece_at(&self, i: usize, from: usize) -> usize {
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
