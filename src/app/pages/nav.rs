//! Moving through a page's items: by row (j/k, pages: the item on the line so many
//! rows away, nearest in column), by click, by search. Each walks only the lines it
//! moves over, except search, which checks every block once per query (`matching`).

use super::hits::Hits;
use super::{PageState, Pos};
use crate::app::derived::Derived;
use crate::app::filter::Filter;
use crate::app::search::{holds, occurs_in};
use crate::model::Briefing;

impl PageState {
    /// The first item at or after `p` (the item count if none).
    fn first_item_from(&mut self, b: &Briefing, filter: &Filter, p: Pos) -> usize {
        let first = self.structure.item_start[p.block];
        let page = self.wrap(b, filter, p.block);
        first + page.items.iter().take_while(|it| it.line < p.line).count()
    }

    /// The last item at or before `p`, if any.
    fn last_item_to(&mut self, b: &Briefing, filter: &Filter, p: Pos) -> Option<usize> {
        let first = self.structure.item_start[p.block];
        let page = self.wrap(b, filter, p.block);
        (first + page.items.iter().take_while(|it| it.line <= p.line).count()).checked_sub(1)
    }

    /// The item on line `p` whose column is nearest `column` (the first of equals).
    fn nearest_on(
        &mut self,
        b: &Briefing,
        filter: &Filter,
        p: Pos,
        column: usize,
    ) -> Option<usize> {
        let first = self.structure.item_start[p.block];
        let page = self.wrap(b, filter, p.block);
        page.items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.line == p.line)
            .min_by_key(|(_, it)| it.column.abs_diff(column))
            .map(|(n, _)| first + n)
    }

    fn selected_column(&mut self, b: &Briefing, filter: &Filter) -> usize {
        let block = self.structure.block_of_item(self.selected);
        let local = self.selected - self.structure.item_start[block];
        self.wrap(b, filter, block).items[local].column
    }

    /// Down `step` rows: the first line with items at least that far below, or else
    /// the last item's line if it is below.
    pub fn down(&mut self, b: &Briefing, filter: &Filter, step: usize) {
        if self.items() == 0 {
            return;
        }
        let cur = self.item_pos(b, filter, self.selected);
        let column = self.selected_column(b, filter);
        let (p, moved) = self.advance(b, filter, cur, step);
        let mut target = None;
        if moved == step && p < self.end() {
            let k = self.first_item_from(b, filter, p);
            if k < self.items() {
                target = Some(self.item_pos(b, filter, k));
            }
        }
        if target.is_none() {
            let last = self.item_pos(b, filter, self.items() - 1);
            target = (last > cur).then_some(last);
        }
        if let Some(n) = target.and_then(|t| self.nearest_on(b, filter, t, column)) {
            self.selected = n;
        }
    }

    /// Up `step` rows: the last line with items at least that far above, or else the
    /// first item's line if it is above.
    pub fn up(&mut self, b: &Briefing, filter: &Filter, step: usize) {
        if self.items() == 0 {
            return;
        }
        let cur = self.item_pos(b, filter, self.selected);
        let column = self.selected_column(b, filter);
        let (p, moved) = self.retreat(b, filter, cur, step);
        let mut target = None;
        if moved == step
            && let Some(k) = self.last_item_to(b, filter, p)
        {
            target = Some(self.item_pos(b, filter, k));
        }
        if target.is_none() {
            let first = self.item_pos(b, filter, 0);
            target = (first < cur).then_some(first);
        }
        if let Some(n) = target.and_then(|t| self.nearest_on(b, filter, t, column)) {
            self.selected = n;
        }
    }

    /// A click `row` rows below the top of the page, `column` columns in: the item on
    /// that line whose cell starts at or before the click, or else the line's first.
    pub fn click(&mut self, b: &Briefing, filter: &Filter, row: usize, column: usize) {
        let (p, moved) = self.advance(b, filter, self.scroll, row);
        if moved < row || p >= self.end() {
            return;
        }
        let first = self.structure.item_start[p.block];
        let page = self.wrap(b, filter, p.block);
        let on_line = |it: &&super::Item| it.line == p.line;
        let hit = page
            .items
            .iter()
            .rposition(|it| on_line(&it) && it.column <= column)
            .or_else(|| page.items.iter().position(|it| on_line(&it)));
        if let Some(n) = hit {
            self.selected = first + n;
        }
    }

    /// Selects the next (or previous) item that holds `query`, wrapping around: which
    /// of how many matching items it is, or `None` when none does.
    pub fn find(
        &mut self,
        briefing: (&Briefing, &Derived),
        filter: &Filter,
        query: &str,
        forward: bool,
    ) -> Option<(usize, usize)> {
        self.find_using(briefing, filter, (query, None), forward)
    }

    /// `find`, given the occurrences of the lower-cased query in the search index when
    /// the search typed in the status line has found them all already.
    pub fn find_using(
        &mut self,
        (b, derived): (&Briefing, &Derived),
        filter: &Filter,
        (query, occurrences): (&str, Option<&[usize]>),
        forward: bool,
    ) -> Option<(usize, usize)> {
        if !matches!(&self.found, Some((q, _)) if q == query) {
            let m = self.matching((b, derived), filter, (query, occurrences));
            self.found = Some((query.to_owned(), m));
        }
        // The items found are in page order: the next and the previous are a binary
        // search away, however many there are.
        let matching = self.found.as_ref().map_or(&[][..], |(_, m)| m.as_slice());
        let (&first, &last) = (matching.first()?, matching.last()?);
        let sel = self.selected;
        let next = if forward {
            let k = matching.partition_point(|&n| n <= sel);
            matching.get(k).copied().unwrap_or(first)
        } else {
            let k = matching.partition_point(|&n| n < sel);
            k.checked_sub(1).map_or(last, |k| matching[k])
        };
        let (at, count) = (matching.partition_point(|&n| n < next), matching.len());
        self.selected = next;
        Some((at, count))
    }

    /// Every item that holds `query`, in order. An item holds it when its block's
    /// texts do (`Structure::texts`: through `Hits` for the blocks it knows). A head
    /// (a profile, a figure group) has no item: its text counts for the item after
    /// it (its own first entry; for an actor with none, the first entry below, often
    /// a member's), or the item above at the end of the page; any other block without
    /// items counts for the item above. Claims have no texts: their rows are wrapped and read
    /// cell by cell.
    fn matching(
        &mut self,
        (b, derived): (&Briefing, &Derived),
        filter: &Filter,
        (query, occurrences): (&str, Option<&[usize]>),
    ) -> Vec<usize> {
        let needle = query.to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits: Option<Hits<'_>> = None;
        let mut out: Vec<usize> = Vec::new();
        let push = |out: &mut Vec<usize>, n: usize| {
            if out.last().is_none_or(|&l| n > l) {
                out.push(n);
            }
        };
        for i in 0..self.blocks() {
            let block = self.structure.blocks[i];
            let first = self.structure.item_start[i];
            let end = self
                .structure
                .item_start
                .get(i + 1)
                .copied()
                .unwrap_or(self.items());
            let known = if Hits::knows(block) {
                hits.get_or_insert_with(|| Hits::new(b, derived, &needle, occurrences))
                    .block(block)
            } else {
                None
            };
            let texts = || self.structure.texts(b, block);
            let hit = if let Some(hit) = known {
                hit
            } else if let Some(texts) = texts() {
                texts.iter().any(|t| holds(t, &needle))
            } else {
                for n in self.cell_matches(b, filter, i, query, &needle) {
                    push(&mut out, n);
                }
                continue;
            };
            if !hit {
                continue;
            }
            if end > first {
                for n in first..end {
                    push(&mut out, n);
                }
            } else if block.is_head() && first < self.items() {
                push(&mut out, first);
            } else if let Some(owner) = first.checked_sub(1) {
                push(&mut out, owner);
            }
        }
        out
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
