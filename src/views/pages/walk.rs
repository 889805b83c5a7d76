//! Walking a page by lines: from one position to another, so many lines down or up.
//! A walk wraps the blocks it passes (they are kept), never the blocks it skips.

use super::{PageState, Pos};
use crate::model::Briefing;
use crate::views::filter::Filter;

impl PageState {
    /// The line of the whole page a position is on. It wraps every block above it, so
    /// the reader never asks; tests compare with the whole page (`pages::build`).
    pub fn line_of(&mut self, b: &Briefing, filter: &Filter, p: Pos) -> usize {
        (0..p.block.min(self.blocks()))
            .map(|i| self.height(b, filter, i))
            .sum::<usize>()
            + p.line
    }

    /// The selected item's row on screen, if it is within `rows` rows of the top.
    pub fn selected_row(&mut self, b: &Briefing, filter: &Filter, rows: usize) -> Option<usize> {
        if self.items() == 0 {
            return None;
        }
        let sel = self.item_pos(b, filter, self.selected);
        let d = self.distance(b, filter, self.scroll, sel, rows);
        (sel >= self.scroll && d < rows).then_some(d)
    }

    /// Lines from `from` to `to` (`to` not before `from`), or `cap` if that many or more.
    pub(in crate::views) fn distance(
        &mut self,
        b: &Briefing,
        filter: &Filter,
        from: Pos,
        to: Pos,
        cap: usize,
    ) -> usize {
        let (mut d, mut p) = (0, from);
        while p.block < to.block {
            d += self.height(b, filter, p.block).saturating_sub(p.line);
            if d >= cap {
                return cap;
            }
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        (d + to.line.saturating_sub(p.line)).min(cap)
    }

    /// `n` lines down from `p`, or as far as the end: the position and the lines moved.
    pub(in crate::views) fn advance(
        &mut self,
        b: &Briefing,
        filter: &Filter,
        mut p: Pos,
        n: usize,
    ) -> (Pos, usize) {
        let mut left = n;
        while p.block < self.blocks() {
            let room = self.height(b, filter, p.block).saturating_sub(p.line);
            if left < room {
                p.line += left;
                return (p, n);
            }
            left -= room;
            p = Pos {
                block: p.block + 1,
                line: 0,
            };
        }
        (self.end(), n - left)
    }

    /// `n` lines up from `p`, or as far as the top: the position and the lines moved.
    pub(in crate::views) fn retreat(
        &mut self,
        b: &Briefing,
        filter: &Filter,
        mut p: Pos,
        n: usize,
    ) -> (Pos, usize) {
        let mut left = n;
        loop {
            if left <= p.line {
                p.line -= left;
                return (p, n);
            }
            left -= p.line;
            if p.block == 0 {
                return (Pos::default(), n - left);
            }
            p.block -= 1;
            p.line = self.height(b, filter, p.block);
        }
    }
}
