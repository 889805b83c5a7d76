//! Search on an analyst view's page: the items that hold a query, found block by block
//! in page order, only as far as a key needs (the next match after the selection, and
//! at most `KEY_BLOCKS` blocks), then a step at a time between keys (`App::search_step`) for
//! a match further on and to count the rest. So no key costs more than a bounded
//! number of blocks, however long the page.

use super::matches::BlockMatcher;
use crate::model::Briefing;
use crate::views::Direction;
use crate::views::filter::Filter;
use crate::views::indexes::Indexed;
use crate::views::pages::{PageState, Structure};
use crate::views::search::{holds, occurs_in};

/// Blocks a key checks at most for the match it goes to; past them the search goes
/// on between keys and selects the match when it finds it.
const KEY_BLOCKS: usize = 512;
/// Blocks checked per step between keys: a few tenths of a millisecond.
const STEP_BLOCKS: usize = 1024;

/// A search on a page: its query, the items found so far (in page order, from the
/// first block on), the next block to check, and the match keys asked for and are
/// still waiting for.
#[derive(Debug, Clone)]
pub(in crate::views) struct PageSearch {
    query: String,
    hits: BlockMatcher,
    items: Vec<usize>,
    next: usize,
    wanted: Option<WantedMatch>,
}

/// The match keys wait for: the `skip`-th after (or before) `from`, the item
/// selected when the first of them was pressed (`n n` before the first match is
/// found goes two matches on).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WantedMatch {
    direction: Direction,
    from: usize,
    skip: usize,
}

impl PageSearch {
    fn push(&mut self, n: usize) {
        if self.items.last().is_none_or(|&l| n > l) {
            self.items.push(n);
        }
    }

    /// Whether the blocks checked so far settle the match wanted. Every block from
    /// `next` on gives items from its first item less one on (`check`), so once the
    /// next block starts past `from`, every item before it is known. Wrapping round
    /// needs every block checked.
    fn settles(&self, s: &Structure, w: WantedMatch) -> bool {
        if self.next >= s.blocks.len() {
            true
        } else if w.direction == Direction::Forward {
            let after = self.items.len() - self.items.partition_point(|&n| n <= w.from);
            after > w.skip
        } else {
            let past = s.item_start.get(self.next).is_none_or(|&i| i > w.from);
            past && self.items.partition_point(|&n| n < w.from) > w.skip
        }
    }

    /// The match wanted, wrapping round, once `settles` says so.
    fn choose(&self, w: WantedMatch) -> Option<usize> {
        let n = self.items.len();
        if n == 0 {
            return None;
        }
        let at = if w.direction == Direction::Forward {
            (self.items.partition_point(|&i| i <= w.from) + w.skip) % n
        } else {
            let before = self.items.partition_point(|&i| i < w.from);
            (before + n * (w.skip / n + 1) - 1 - w.skip % n) % n
        };
        self.items.get(at).copied()
    }
}

impl PageState {
    /// Selects the next (or previous) item that holds `query`, wrapping around, with
    /// every block checked: which of how many matching items it is, or `None` when
    /// none does.
    pub fn find(
        &mut self,
        briefing: Indexed<'_>,
        filter: &Filter,
        query: &str,
        direction: Direction,
    ) -> Option<(usize, usize)> {
        self.start_search(query, direction);
        self.search_until(briefing, filter, usize::MAX);
        self.scan(briefing, filter, usize::MAX, |_, _| false);
        let f = self.found.as_ref()?;
        let at = f.items.binary_search(&self.selected).ok()?;
        Some((at, f.items.len()))
    }

    /// `find` for a key: checks at most `KEY_BLOCKS` blocks for the match to select;
    /// if it is further, `search_step` selects it when found. Says whether it
    /// was settled now (selected, or none found).
    pub fn seek(
        &mut self,
        briefing: Indexed<'_>,
        filter: &Filter,
        query: &str,
        direction: Direction,
    ) -> bool {
        self.start_search(query, direction);
        self.search_until(briefing, filter, KEY_BLOCKS)
    }

    /// Starts (or goes on with) the search for `query`, wanting the match after (or
    /// before) the selection.
    fn start_search(&mut self, query: &str, direction: Direction) {
        let needle = query.to_lowercase();
        if needle.is_empty() {
            self.found = None;
            return;
        }
        if self.found.as_ref().is_none_or(|f| f.query != query) {
            self.found = Some(PageSearch {
                query: query.to_owned(),
                hits: BlockMatcher::new(&needle),
                items: Vec::new(),
                next: 0,
                wanted: None,
            });
        }
        if let Some(f) = &mut self.found {
            // Pressed again before the match was found, and in the same direction:
            // one match further.
            f.wanted = Some(match f.wanted {
                Some(w) if w.direction == direction && self.selected == w.from => WantedMatch {
                    skip: w.skip + 1,
                    ..w
                },
                _ => WantedMatch {
                    direction,
                    from: self.selected,
                    skip: 0,
                },
            });
        }
    }

    /// Checks up to `budget` blocks for the match wanted, and selects it once
    /// settled, unless the selection moved meanwhile. Whether it is settled.
    fn search_until(&mut self, briefing: Indexed<'_>, filter: &Filter, budget: usize) -> bool {
        let Some(w) = self.found.as_ref().and_then(|f| f.wanted) else {
            return false;
        };
        self.scan(briefing, filter, budget, |s, f| f.settles(s, w));
        let Some(f) = self.found.as_mut() else {
            return false;
        };
        if !f.settles(&self.structure, w) {
            return false;
        }
        f.wanted = None;
        if self.selected == w.from
            && let Some(n) = f.choose(w)
        {
            self.selected = n;
        }
        true
    }

    /// Whether the search for `query` on this page has blocks left to check.
    pub fn searching(&self, query: &str) -> bool {
        self.found
            .as_ref()
            .is_some_and(|f| f.query == query && f.next < self.blocks())
    }

    /// Checks the next `STEP_BLOCKS` blocks for the page's search; whether that
    /// selected the match a key was waiting for.
    pub fn search_step(&mut self, briefing: Indexed<'_>, filter: &Filter) -> bool {
        if self.found.as_ref().is_some_and(|f| f.wanted.is_some()) {
            return self.search_until(briefing, filter, STEP_BLOCKS);
        }
        self.scan(briefing, filter, STEP_BLOCKS, |_, _| false);
        false
    }

    /// "item match 3/17", "17 item matches", "no item match"; while blocks are left
    /// to check, "item match 3/17+", "17+ item matches", or "searching" before the
    /// match a key asked for is found. `None` if the page's search is not for
    /// `query`.
    pub fn search_label(&self, query: &str) -> Option<String> {
        let f = self.found.as_ref().filter(|f| f.query == query)?;
        let more = if f.next < self.blocks() { "+" } else { "" };
        let n = f.items.len();
        Some(match f.items.binary_search(&self.selected) {
            _ if f.wanted.is_some() => "searching".to_owned(),
            Ok(k) => format!("item match {}/{n}{more}", k + 1),
            Err(_) if n == 0 && !more.is_empty() => "searching".to_owned(),
            Err(_) if n == 0 => "no item match".to_owned(),
            Err(_) if n == 1 && more.is_empty() => "1 item match".to_owned(),
            Err(_) => format!("{n}{more} item matches"),
        })
    }

    /// Checks blocks in order until `stop` says enough, `budget` blocks are checked,
    /// or none is left.
    fn scan(
        &mut self,
        (b, derived): Indexed<'_>,
        filter: &Filter,
        mut budget: usize,
        stop: impl Fn(&Structure, &PageSearch) -> bool,
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
    /// its block's texts do (`Structure::texts`: through `BlockMatcher` for the blocks it
    /// knows). A head (a profile, a figure group) has no item: its text counts for
    /// the item after it (its own first entry; for an actor with none, the first
    /// entry below, often a member's), or the item above at the end of the page; any
    /// other block without items counts for the item above. Claims have no texts:
    /// their rows are wrapped and read cell by cell.
    fn check(&self, (b, derived): Indexed<'_>, filter: &Filter, f: &mut PageSearch) {
        let i = f.next;
        let block = self.structure.blocks[i];
        let first = self.structure.item_start[i];
        let end = (self.structure.item_start.get(i + 1).copied()).unwrap_or(self.items());
        let hit = if let Some(hit) = f.hits.block((b, derived), block) {
            hit
        } else if let Some(texts) = self.structure.texts(b, block) {
            texts.iter().any(|t| holds(t, f.hits.needle()))
        } else {
            for n in self.cell_matches(b, filter, i, &f.query, f.hits.needle()) {
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
    /// wrapped lines (an item's rows run from its line to the next item's; a match in
    /// an item's own cell is that item's, elsewhere on a line with several items the
    /// first one's; lines before the block's first item are the rows of the item
    /// before it). In page order, each item once.
    fn cell_matches(
        &self,
        b: &Briefing,
        filter: &Filter,
        i: usize,
        query: &str,
        needle: &str,
    ) -> Vec<usize> {
        let first = self.structure.item_start[i];
        // A claim in the list form heads its positions: its statement's match is its
        // first position's, not the claim above's.
        let heads = matches!(
            self.structure.blocks[i],
            crate::views::pages::PageBlock::ListClaim(_)
        );
        let mut owner = if heads && first < self.items() {
            Some(first)
        } else {
            first.checked_sub(1)
        };
        let mut out = Vec::new();
        self.with_block(b, filter, i, |page| {
            let mut it = 0;
            for (line, cells) in page.lines.iter().enumerate() {
                let on_line = it;
                while it < page.items.len() && page.items[it].line == line {
                    it += 1;
                }
                let owners = if it > on_line {
                    owner = Some(first + on_line);
                    first + on_line..first + it
                } else {
                    owner.map_or(0..0, |o| o..o + 1)
                };
                // A match in a cell is that cell's item; a match elsewhere on the line
                // (a claim's statement, shared by the row's cells) is one match, the
                // line's first item.
                let mut line_hit = false;
                for c in cells.iter().filter(|c| occurs_in(&c.text, query, needle)) {
                    match c.item {
                        Some(id) if owners.contains(&id) => out.push(id),
                        _ => line_hit = true,
                    }
                }
                if line_hit && let Some(first) = owners.clone().next() {
                    out.push(first);
                }
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}
