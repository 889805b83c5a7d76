//! An analyst view's page as the reader keeps it: its blocks (`Structure`), the blocks
//! wrapped so far at the current width, the selection and the scroll.
//!
//! Positions are (block, line in block), so nothing needs the height of the blocks
//! above the screen: a key or a resize wraps what it shows or walks over, never more
//! than a screenful or two, whatever the size of the briefing. Wrapped blocks are kept
//! until the width, the filter or the fold changes.

use super::{Page, PageCell, Structure, Target, View};
use crate::model::Briefing;
use crate::views::filter::Filter;
use crate::views::indexes::Indexed;
use std::borrow::Cow;
use std::rc::Rc;

/// Pages of at most this many blocks are wrapped whole, so their scrollbar is exact;
/// on longer ones it is estimated from the blocks wrapped so far.
const WHOLE: usize = 256;
/// Most blocks kept wrapped; past this the cache starts again from the screen.
const KEEP: usize = 4096;

/// A line of a page: its block and its line within the block. Ordered as the page is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub block: usize,
    pub line: usize,
}

/// One analyst view's page: what it shows, the selected item and the first line shown.
#[derive(Debug, Clone, Default)]
pub struct PageState {
    /// The selected item (items are numbered in page order).
    pub selected: usize,
    /// The first line on screen.
    pub scroll: Pos,
    /// What the structure was made for: view, filter generation, fold.
    pub(in crate::views) key: Option<(View, u64, bool)>,
    pub(in crate::views) width: usize,
    pub(in crate::views) fold: bool,
    /// Shared with `Indexes` when it is a view's whole page (no filter): switching to
    /// it again costs nothing, however long it is.
    pub(in crate::views) structure: Rc<Structure>,
    /// Blocks wrapped at `width`, by block; `kept` of them, with `kept_lines` lines.
    /// Boxed: a slot per block is one pointer, so forgetting a page of thousands of
    /// blocks clears a small vector, not megabytes of empty pages.
    wrapped: Vec<Option<Box<Page>>>,
    kept: usize,
    kept_lines: usize,
    /// The last search on this page, as far as it went.
    pub(in crate::views) found: Option<crate::views::search::page::PageSearch>,
}

impl PageState {
    /// The page's blocks and items, before wrapping.
    pub fn structure(&self) -> &Structure {
        &self.structure
    }

    /// How many items (selectable things) the page has.
    pub fn items(&self) -> usize {
        self.structure.targets.len()
    }

    /// What the view's title counts (claims, figures, entries, actors): which of them
    /// holds the selection (from 1; 0 with none) and how many the page shows.
    pub fn counter(&self) -> (usize, usize) {
        let total = self.structure.unit_start.len();
        let at = if self.items() == 0 {
            0
        } else {
            self.structure
                .unit_of_item(self.selected)
                .map_or(0, |u| u + 1)
        };
        (at, total)
    }

    /// Where Enter on item `n` leads.
    pub fn target(&self, n: usize) -> Option<Target> {
        self.structure.targets.get(n).copied()
    }

    pub fn targets(&self) -> &[Target] {
        &self.structure.targets
    }

    pub fn blocks(&self) -> usize {
        self.structure.blocks.len()
    }

    /// One past the last line.
    pub fn end(&self) -> Pos {
        Pos {
            block: self.blocks(),
            line: 0,
        }
    }

    /// Makes the page the one for this view, filter, fold and width, then keeps the
    /// selection in range and on screen, and the screen full when the page allows.
    pub fn sync(
        &mut self,
        view: View,
        (b, derived): Indexed<'_>,
        filter: &Filter,
        width: usize,
        fold: bool,
        rows: usize,
    ) {
        let key = Some((view, filter.generation, fold));
        // The claims matrix shares the width between its columns (or becomes a list
        // when it does not fit): a new width makes it again.
        let flips = view == View::Claims && width != self.width;
        if self.key != key || flips {
            self.structure = match derived.whole_page(view, b) {
                Some(page) if !filter.is_active() => page,
                _ => Rc::new(Structure::new(view, (b, derived), filter, width, fold)),
            };
            (self.key, self.fold, self.width) = (key, fold, width);
            self.forget();
            self.found = None;
            self.scroll = Pos {
                block: self.scroll.block.min(self.blocks().saturating_sub(1)),
                line: 0,
            };
        } else if width != self.width || self.kept > KEEP {
            // A search goes on past a full cache and a resize, but the Claims view's
            // matches are read from wrapped cells: there a new width starts it again.
            if width != self.width && view == View::Claims {
                self.found = None;
            }
            self.width = width;
            self.forget();
        }
        if self.blocks() <= WHOLE {
            for i in 0..self.blocks() {
                self.wrap(b, filter, i);
            }
        }
        if self.scroll.block < self.blocks() {
            let h = self.height(b, filter, self.scroll.block);
            self.scroll.line = self.scroll.line.min(h.saturating_sub(1));
        } else {
            self.scroll = Pos::default();
        }
        self.selected = self.selected.min(self.items().saturating_sub(1));
        if self.items() > 0 {
            let sel = self.item_pos(b, filter, self.selected);
            if sel < self.scroll {
                self.scroll = sel;
            } else if rows > 0 && self.distance(b, filter, self.scroll, sel, rows) >= rows {
                self.scroll = self.retreat(b, filter, sel, rows - 1).0;
            }
            // The heading of the selection's group (an actor's profile, a measure, a
            // claim, the matrix's header) stays in view with it whenever both fit.
            let head = Pos {
                block: self.structure.heading_of(sel.block),
                line: 0,
            };
            if head < self.scroll && self.distance(b, filter, head, sel, rows) < rows {
                self.scroll = head;
            }
            // With the last item selected, what follows it (the rest of its entry,
            // actors with no entries, the notes under the claims) comes into view:
            // the page's end on the bottom row, or the selection at the top.
            if rows > 0 && self.selected + 1 == self.items() {
                let bottom = self.retreat(b, filter, self.end(), rows).0;
                self.scroll = self.scroll.max(bottom.min(sel));
            }
        }
        let end = self.end();
        if self.distance(b, filter, self.scroll, end, rows) < rows {
            self.scroll = self.retreat(b, filter, end, rows).0;
        }
        // Wrap what is on screen, so that drawing finds it ready.
        self.advance(b, filter, self.scroll, rows);
    }

    fn forget(&mut self) {
        self.wrapped = vec![None; self.blocks()];
        (self.kept, self.kept_lines) = (0, 0);
    }

    /// Block `i` as its own page: lines from its first, item ids of the whole page.
    pub(in crate::views) fn render(&self, b: &Briefing, filter: &Filter, i: usize) -> Page {
        let mut page = Page {
            width: self.width.max(1),
            first_item: self.structure.item_start[i],
            after_text: i > 0,
            ..Page::default()
        };
        let block = self.structure.blocks[i];
        self.structure
            .render(b, filter, self.fold, block, &mut page);
        page
    }

    /// Block `i`, wrapped now if it was not yet.
    pub(in crate::views) fn wrap(&mut self, b: &Briefing, filter: &Filter, i: usize) -> &Page {
        if self.wrapped.len() != self.blocks() {
            self.forget();
        }
        if self.wrapped[i].is_none() {
            let page = self.render(b, filter, i);
            self.kept += 1;
            self.kept_lines += page.lines.len();
            self.wrapped[i] = Some(Box::new(page));
        }
        self.wrapped[i].get_or_insert_default()
    }

    /// Block `i` if wrapped, else wrapped for this one use.
    pub(in crate::views) fn with_block<R>(
        &self,
        b: &Briefing,
        filter: &Filter,
        i: usize,
        f: impl FnOnce(&Page) -> R,
    ) -> R {
        match self.wrapped.get(i).and_then(Option::as_deref) {
            Some(page) => f(page),
            None => f(&self.render(b, filter, i)),
        }
    }

    pub(in crate::views) fn height(&mut self, b: &Briefing, filter: &Filter, i: usize) -> usize {
        self.wrap(b, filter, i).lines.len()
    }

    /// Where item `k` (which must exist) is.
    pub fn item_pos(&mut self, b: &Briefing, filter: &Filter, k: usize) -> Pos {
        let block = self.structure.block_of_item(k);
        let first = self.structure.item_start[block];
        let line = self.wrap(b, filter, block).items[k - first].line;
        Pos { block, line }
    }

    /// The lines on screen: `rows` lines from the scroll position.
    pub fn visible_lines(
        &self,
        b: &Briefing,
        filter: &Filter,
        rows: usize,
    ) -> Vec<Cow<'_, [PageCell]>> {
        let mut out: Vec<Cow<'_, [PageCell]>> = Vec::with_capacity(rows.min(256));
        let mut p = self.scroll;
        while out.len() < rows && p.block < self.blocks() {
            let want = rows - out.len();
            match self.wrapped.get(p.block).and_then(Option::as_deref) {
                Some(page) => out.extend(
                    page.lines
                        .iter()
                        .skip(p.line)
                        .take(want)
                        .map(|l| Cow::Borrowed(l.as_slice())),
                ),
                None => out.extend(
                    self.render(b, filter, p.block)
                        .lines
                        .into_iter()
                        .skip(p.line)
                        .take(want)
                        .map(Cow::Owned),
                ),
            }
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        out
    }

    /// The scrollbar's content length and position, in lines: exact when every block
    /// is wrapped, otherwise estimated from the average height of those that are.
    pub fn scrollbar(&self) -> (usize, usize) {
        if self.kept == self.blocks() {
            let heights = self
                .wrapped
                .iter()
                .map(|p| p.as_ref().map_or(0, |p| p.lines.len()));
            let above: usize = heights.clone().take(self.scroll.block).sum();
            return (heights.sum(), above + self.scroll.line);
        }
        let per_block = (self.kept_lines / self.kept.max(1)).max(1);
        (
            self.blocks() * per_block,
            self.scroll.block * per_block + self.scroll.line,
        )
    }
}
