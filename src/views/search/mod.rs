//! Search over the whole briefing: section titles, bodies, quote texts and speakers.
//!
//! Matching is case-insensitive: each piece of a section (see `view::pieces`) is
//! lower-cased once, after the first frame, into one buffer (`index`), so a keystroke
//! never lower-cases the briefing. A query is found a step at a time (`typed`,
//! `steps`): a new one by a `memchr::memmem` scan of the buffer; while it grows, the
//! previous query's occurrences are narrowed instead (every occurrence of `ministr`
//! is one of `minist` at the same place), and Backspace goes back to them; a filter
//! change only re-selects among the occurrences. Offsets map back to the displayed
//! text (`case`) only for the few lines on screen or the one match being jumped to.

mod case;
mod index;
mod lexicon;
mod matches;
pub(crate) mod page;
mod steps;
#[cfg(test)]
mod tests;
mod typed;

pub use case::{displayed_range, find_in, occurs_in};
pub(crate) use case::{holds, push_lower};
pub use index::SearchIndex;
pub use lexicon::Lexicon;
pub use typed::Search;

/// Where a match is: section, piece within the section, byte offset in the
/// lower-cased piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Match {
    pub section: usize,
    pub piece: usize,
    pub offset: usize,
}
