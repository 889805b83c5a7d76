//! Search on an analyst view's page: the items that hold a query, found block by block
//! in page order, only as far as a key needs (the next match after the selection),
//! then a step at a time between keys (`App::work`) to count the rest. So Enter and
//! `n` cost the blocks up to the match they go to, not the whole page.

use super::hits::Hits;
use super::{PageState, Structure};
use crate::app::derived::Derived;
use crate::app::filter::Filter;
use crate::app::search::{holds, occurs_in};
use crate::model::Briefing;

/// Blocks checked per step between keys: a few tenths of a millisecond.
const STEP_BLOCKS: usize = 1024;

/// A search on a page: its query, the items found so far (in page order, from the
/// first block on) and the next block to check.
#[derive(Debug, Clone)]
pub(super) struct Finding {
    query: String,
    needle: String,
    hits: Hits,
    items: Vec<usize>,
    next: usize,
}

impl Finding {
    fn push(&mut self, n: usize) {
        if self.items.last().is_none_or(|&l| n > l) {
            self.items.push(n);
        }
    }
}

/// Where a search went: which match (from 0) of how many found so far, and whether
/// those are all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub at: usize,
    pub count: usize,
    pub complete: bool,
}

impl PageState {
    /// Selects the next (or previous) item that holds `query`, wrapping around: which
    /// of how many matching items it is, all found, or `None` when none does.
    pub fn find(
        &mut self,
        briefing: (&Briefing, &Derived),
        filter: &Filter,
        query: &str,
        forward: bool,
    ) -> Option<(usize, usize)> {
        let found = self.seek(briefing, filter, query, forward);
        self.scan(briefing, filter, usize::MAX, |_, _| false);
        let count = self.found.as_ref().map_or(0, |f| f.items.len());
        found.map(|f| (f.at, count))
    }

    /// `find`, checking blocks only until the item it selects is known: the count
    /// may be of those found so far (`search_step` finds the rest).
    pub fn seek(
        &mut self,
        briefing: (&Briefing, &Derived),
        filter: &Filter,
        query: &str,
        forward: bool,
    ) -> Option<Found> {
        let needle = query.to_lowercase();
        if needle.is_empty() {
            return None;
        }
        if self.found.as_ref().is_none_or(|f| f.query != query) {
            self.found = Some(Finding {
                query: query.to_owned(),
                hits: Hits::new(&needle),
                needle,
                items: Vec::new(),
                next: 0,
            });
        }
        let sel = self.selected;
        // Every block from `next` on gives items from its first item's less one on
        // (`check`): past the selection, every item before it is known.
        let starts = |s: &Structure, next: usize| s.item_start.get(next).is_none_or(|&i| i > sel);
        if forward {
            self.scan(briefing, filter, usize::MAX, |_, f| {
                f.items.last().is_some_and(|&l| l > sel)
            });
        } else {
            self.scan(briefing, filter, usize::MAX, |s, f| starts(s, f.next));
        }
        let f = self.found.as_ref()?;
        let k = f.items.partition_point(|&n| n <= sel);
        let after = f.items.get(k).copied();
        let before = f.items[..f.items.partition_point(|&n| n < sel)]
            .last()
            .copied();
        let next = match (forward, after, before) {
            (true, Some(n), _) | (false, _, Some(n)) => n,
            // Wrapping round: to the first match, found if any is; to the last, once
            // all are.
            (true, None, _) => *f.items.first()?,
            (false, _, None) => {
                self.scan(briefing, filter, usize::MAX, |_, _| false);
                *self.found.as_ref()?.items.last()?
            }
        };
        let f = self.found.as_ref()?;
        self.selected = next;
        Some(Found {
            at: f.items.partition_point(|&n| n < next),
            count: f.items.len(),
            complete: f.next >= self.blocks(),
        })
    }

    /// Whether the search for `query` on this page has blocks left to check.
    pub fn searching(&self, query: &str) -> bool {
        self.found
            .as_ref()
            .is_some_and(|f| f.query == query && f.next < self.blocks())
    }

    /// Checks the next `STEP_BLOCKS` blocks for the page's search.
    pub fn search_step(&mut self, briefing: (&Briefing, &Derived), filter: &Filter) {
        self.scan(briefing, filter, STEP_BLOCKS, |_, _| false);
    }

    /// "item match 3/17", "17 item matches", "no item match"; while blocks are left
    /// to check, "item match 3/17+", "17+ item matches" or "searching". `None` if
    /// the page's search is not for `query`.
    pub fn search_label(&self, query: &str) -> Option<String> {
        let f = self.found.as_ref().filter(|f| f.query == query)?;
        let more = if f.next < self.blocks() { "+" } else { "" };
        let n = f.items.len();
        Some(match f.items.binary_search(&self.selected) {
            Ok(k) => format!("item match {}/{n}{more}", k + 1),
            Err(_) if n == 0 && !more.is_empty() => "searching".to_owned(),
            Err(_) if n == 0 => "no item match".to_owned(),
            Err(_) => format!("{n}{more} item matches"),
        })
    }

    /// Checks blocks in order until `stop` says enough, `budget` blocks are checked,
    /// or none is left.
    fn scan(
        &mut self,
        (b, derived): (&Briefing, &Derived),
        filter: &Filter,
        mut budget: usize,
        stop: impl Fn(&Structure, &Finding) -> bool,
    ) {
        let Some(mut f) = self.found.take() else {
            return;
        };
        while f.next < self.blocks() && budget > 0 && !stop(&self.structure, &f) {
            self.check((b, derived), filter, &mut f);
            f.next += 1;
            budget -= 1;
        }
        self.found = Some(f);
    }

    /// Adds the items that block `f.next` makes match. An item holds the query when
    /// its block's texts do (`Structure::texts`: through `Hits` for the blocks it
    /// knows). A head (a profile, a figure group) has no item: its text counts for
    /// the item after it (its own first entry; for an actor with none, the first
    /// entry below, often a member's), or the item above at the end of the page; any
    /// other block without items counts for the item above. Claims have no texts:
    /// their rows are wrapped and read cell by cell.
    fn check(&self, (b, derived): (&Briefing, &Derived), filter: &Filter, f: &mut Finding) {
        let i = f.next;
        let block = self.structure.blocks[i];
        let first = self.structure.item_start[i];
        let end = (self.structure.item_start.get(i + 1).copied()).unwrap_or(self.items());
        let hit = if let Some(hit) = f.hits.block((b, derived), block) {
            hit
        } else if let Some(texts) = self.structure.texts(b, block) {
            texts.iter().any(|t| holds(t, &f.needle))
        } else {
            for n in self.cell_matches(b, filter, i, &f.query, &f.needle) {
                f.push(n);
            }
            return;
        };
        if !hit {
            return;
        }
        if end > first {
            for n in first..end {
                f.push(n);
            }
        } else if block.is_head() && first < self.items() {
            f.push(first);
        } else if let Some(owner) = first.checked_sub(1) {
            f.push(owner);
        }
    }

    /// The items whose rows in block `i` hold `query`, read cell by cell from its
    /// wrapped lines (an item's rows run from its line to the next item's; a line with
    /// several items is each one's; lines before the block's first item are the rows
    /// of the item before it).
    fn cell_matches(
        &self,
        b: &Briefing,
        filter: &Filter,
        i: usize,
        query: &str,
        needle: &str,
    ) -> Vec<usize> {
        let first = self.structure.item_start[i];
        let mut owner = first.checked_sub(1);
        let mut out = Vec::new();
        self.with_block(b, filter, i, |page| {
            let mut it = 0;
            for (line, cells) in page.lines.iter().enumerate() {
                let on_line = it;
                while it < page.items.len() && page.items[it].line == line {
                    it += 1;
                }
                let owners = if it > on_line {
                    owner = Some(first + it - 1);
                    first + on_line..first + it
                } else {
                    owner.map_or(0..0, |o| o..o + 1)
                };
                if !owners.is_empty() && cells.iter().any(|c| occurs_in(&c.text, query, needle)) {
                    out.extend(owners);
                }
            }
        });
        out
    }
}
