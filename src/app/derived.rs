//! What the reader works out once per briefing so that keys never read the whole of
//! it: the search index, the lexicon of short texts that search in the analyst views
//! reads, the timeline's date order and each actor's quotes, positions and figures.
//!
//! Each part is made when first needed, or by `warm`, which the terminal loop calls
//! once the first frame is on screen: a large briefing is shown before it is indexed,
//! and keys typed meanwhile wait for the index (tens of milliseconds at 10 MB).

use super::pages::{Gathered, Lexicon};
use super::search::SearchIndex;
use crate::analysis::{self, Entry};
use crate::model::{Briefing, PartialDate};
use std::cell::OnceCell;

#[derive(Debug, Clone, Default)]
pub struct Derived {
    search: OnceCell<SearchIndex>,
    lexicon: OnceCell<Lexicon>,
    timeline: OnceCell<Vec<(PartialDate, Entry)>>,
    gathered: OnceCell<Gathered>,
}

impl Derived {
    /// The lower-cased text of every section, for search in the Briefing view.
    pub fn search(&self, b: &Briefing) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(b))
    }

    /// Names, titles, events, claims and figures lower-cased, for search in a view.
    pub fn lexicon(&self, b: &Briefing) -> &Lexicon {
        self.lexicon.get_or_init(|| Lexicon::new(b))
    }

    /// Events and dated quotes in date order (`analysis::timeline`).
    pub fn timeline(&self, b: &Briefing) -> &[(PartialDate, Entry)] {
        self.timeline.get_or_init(|| analysis::timeline(b))
    }

    /// Each actor's quotes, positions and figures, and the actors in tree order.
    pub fn gathered(&self, b: &Briefing) -> &Gathered {
        self.gathered.get_or_init(|| Gathered::new(b))
    }

    /// Makes every part now.
    pub fn warm(&self, b: &Briefing) {
        self.search(b);
        self.lexicon(b);
        self.timeline(b);
        self.gathered(b);
    }

    pub fn is_warm(&self) -> bool {
        self.search.get().is_some()
            && self.lexicon.get().is_some()
            && self.timeline.get().is_some()
            && self.gathered.get().is_some()
    }

    /// Heap bytes of the parts made so far (for the memory benchmark).
    pub fn heap_bytes(&self) -> usize {
        self.search.get().map_or(0, SearchIndex::heap_bytes)
            + self.lexicon.get().map_or(0, Lexicon::heap_bytes)
            + self
                .timeline
                .get()
                .map_or(0, |t| t.capacity() * size_of::<(PartialDate, Entry)>())
            + self.gathered.get().map_or(0, Gathered::heap_bytes)
    }
}
