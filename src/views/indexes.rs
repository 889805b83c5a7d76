//! What the reader works out once per briefing so that keys never read the whole of
//! it: the search index, the lexicon of short texts that search in the analyst views
//! reads, the timeline's date order, each actor's quotes, positions and figures, and
//! the analyst views' pages without a filter.
//!
//! Each part is made when first needed, or by `index_step`, which the terminal loop
//! calls between keys once the first frame is on screen: a large briefing is shown
//! before it is indexed, and a key typed meanwhile waits for one step (the search
//! index, most of the work, is made a few hundred kilobytes of text at a time), not
//! for the whole (tens of milliseconds at 10 MB).

use super::filter::Filter;
use super::pages::{ActorActivity, Lexicon, Structure, View};
use super::search::SearchIndex;
use crate::model::{Briefing, PartialDate};
use crate::views::analysis::{self, TimelineEntry};
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// A briefing with what is worked out once from it (`Indexes`): what the pages and the
/// searches read together, handed over as one value.
pub type Indexed<'a> = (&'a Briefing, &'a Indexes);

#[derive(Debug, Clone, Default)]
pub struct Indexes {
    search: OnceCell<SearchIndex>,
    lexicon: OnceCell<Lexicon>,
    timeline: OnceCell<Vec<(PartialDate, TimelineEntry)>>,
    gathered: OnceCell<ActorActivity>,
    /// The Figures, Timeline and Actors pages without a filter (they do not depend on
    /// the width or the fold).
    whole_pages: [OnceCell<Rc<Structure>>; 3],
    /// The search index while `index_step` makes it: the sections indexed so far, and
    /// the next.
    building: RefCell<Option<(SearchIndex, usize)>>,
}

/// Bytes of text a step of `index_step` indexes: about half a millisecond.
const WARM_BYTES: usize = 256 << 10;

impl Indexes {
    /// The lower-cased text of every section: the typed search, and quotes' words
    /// for search in a view.
    pub fn search(&self, b: &Briefing) -> &SearchIndex {
        self.search.get_or_init(|| match self.building.take() {
            // A key needs it before `index_step` has made it all: the rest now.
            Some((mut index, next)) => {
                index.extend(b, next, usize::MAX);
                index
            }
            None => SearchIndex::new(b),
        })
    }

    /// Names, titles, events, claims and figures lower-cased, for search in a view.
    pub fn lexicon(&self, b: &Briefing) -> &Lexicon {
        self.lexicon.get_or_init(|| Lexicon::new(b))
    }

    /// Events and dated quotes in date order (`analysis::timeline`).
    pub fn timeline(&self, b: &Briefing) -> &[(PartialDate, TimelineEntry)] {
        self.timeline.get_or_init(|| analysis::timeline(b))
    }

    /// Each actor's quotes, positions and figures, and the actors in tree order.
    pub fn actor_activity(&self, b: &Briefing) -> &ActorActivity {
        self.gathered.get_or_init(|| ActorActivity::new(b))
    }

    /// The page of the Figures, Timeline or Actors view with no filter; `None` for the
    /// others (the Claims page depends on the width, the Briefing view has none).
    pub fn whole_page(&self, view: View, b: &Briefing) -> Option<Rc<Structure>> {
        let slot = match view {
            View::Figures => &self.whole_pages[0],
            View::Timeline => &self.whole_pages[1],
            View::Actors => &self.whole_pages[2],
            View::Briefing | View::Claims => return None,
        };
        let page = || Structure::new(view, (b, self), &Filter::new(b), 0, false);
        Some(Rc::clone(slot.get_or_init(|| Rc::new(page()))))
    }

    /// Makes every part now (the index in one go, then what `index_step` makes).
    pub fn build_indexes(&self, b: &Briefing) {
        self.search(b);
        while !self.index_step(b) {}
    }

    /// Makes a step of what is not made yet: some sections of the search index, or
    /// one other part. Whether every part is made (nothing was left to do): then
    /// `indexes_built` holds.
    pub fn index_step(&self, b: &Briefing) -> bool {
        if self.search.get().is_none() {
            let mut building = self.building.borrow_mut();
            let (index, next) = building.get_or_insert_with(|| (SearchIndex::sized(b), 0));
            match index.extend(b, *next, WARM_BYTES) {
                Some(n) => *next = n,
                None => {
                    if let Some((index, _)) = building.take() {
                        let _ = self.search.set(index);
                    }
                }
            }
            return false;
        }
        if self.lexicon.get().is_none() {
            self.lexicon(b);
            return false;
        }
        if self.timeline.get().is_none() {
            self.timeline(b);
            return false;
        }
        if self.gathered.get().is_none() {
            self.actor_activity(b);
            return false;
        }
        let views = [View::Figures, View::Timeline, View::Actors];
        if let Some(k) = (0..3).find(|&k| self.whole_pages[k].get().is_none()) {
            self.whole_page(views[k], b);
            return false;
        }
        true
    }

    pub fn indexes_built(&self) -> bool {
        self.search.get().is_some()
            && self.lexicon.get().is_some()
            && self.timeline.get().is_some()
            && self.gathered.get().is_some()
            && self.whole_pages.iter().all(|p| p.get().is_some())
    }

    /// Heap bytes of the parts made so far (for the memory benchmark).
    pub fn heap_bytes(&self) -> usize {
        self.search.get().map_or(0, SearchIndex::heap_bytes)
            + self.lexicon.get().map_or(0, Lexicon::heap_bytes)
            + self.timeline.get().map_or(0, |t| {
                t.capacity() * size_of::<(PartialDate, TimelineEntry)>()
            })
            + self.gathered.get().map_or(0, ActorActivity::heap_bytes)
            + (self.whole_pages.iter())
                .filter_map(OnceCell::get)
                .map(|s| s.heap_bytes())
                .sum::<usize>()
    }
}
