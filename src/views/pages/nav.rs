//! Moving through a page's items: by row (j/k, pages: the item on the line so many
//! rows away, nearest in column), by click. Each walks only the lines it moves over.
//! (Search is `find`.)

use super::{PageState, Pos};
use crate::model::Briefing;
use crate::views::filter::Filter;

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
}
