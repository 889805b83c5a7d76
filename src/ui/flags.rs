//! Flags (pairs of regional indicators, 🇺🇳) and terminals that keep each half in a
//! cell of its own.
//!
//! Ratatui draws a flag as one grapheme two columns wide and, when the next frame puts
//! narrower text there, writes only the first column: the second is a hidden cell it
//! believes blank. A terminal that pairs the indicators erases the whole flag then;
//! one that gives each its own column (tmux 3.3) erases only the first, and the
//! second half stays on screen, a stray `🇳` over the new text. So the frame after a
//! flag writes the column behind it explicitly.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Position;

/// Whether a cell's symbol starts with a regional indicator (U+1F1E6..U+1F1FF, whose
/// UTF-8 starts F0 9F 87): three byte compares per cell, every frame.
fn is_flag(symbol: &str) -> bool {
    symbol.as_bytes().starts_with(&[0xF0, 0x9F, 0x87])
}

/// Where the last frame drew flags.
#[derive(Debug, Default)]
pub struct Flags {
    drawn: Vec<Position>,
}

impl Flags {
    /// Called with each frame's buffer before it is drawn: where a flag of the last
    /// frame gave way to narrower content, the column behind it is written this
    /// frame whatever it holds. Then remembers this frame's flags.
    pub fn repair_flags(&mut self, buf: &mut Buffer) {
        let area = buf.area;
        for &p in &self.drawn {
            let behind = Position::new(p.x.saturating_add(1), p.y);
            if !area.contains(p) || !area.contains(behind) {
                continue;
            }
            // A wide grapheme there covers the column behind as the flag did.
            if crate::text::width(buf[p].symbol()) < 2 {
                buf[behind].set_diff_option(CellDiffOption::AlwaysUpdate);
            }
        }
        self.drawn.clear();
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                if is_flag(buf[(x, y)].symbol()) {
                    self.drawn.push(Position::new(x, y));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    /// The cells ratatui writes to go from `prev` to `next`.
    fn written(prev: &Buffer, next: &Buffer) -> Vec<(u16, u16)> {
        prev.diff(next).iter().map(|&(x, y, _)| (x, y)).collect()
    }

    fn frame(text: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, text, ratatui::style::Style::default());
        buf
    }

    #[test]
    fn the_column_behind_a_flag_is_written_when_the_flag_goes() {
        let mut flags = Flags::default();
        let mut prev = frame("ab🇺🇳cd");
        flags.repair_flags(&mut prev);
        // Ratatui alone writes column 2 only: a terminal that keeps the indicators
        // apart still shows the 🇳 in column 3.
        let plain = frame("ab    ");
        assert_eq!(written(&prev, &plain), vec![(2, 0), (4, 0), (5, 0)]);
        let mut next = frame("ab    ");
        flags.repair_flags(&mut next);
        assert_eq!(written(&prev, &next), vec![(2, 0), (3, 0), (4, 0), (5, 0)]);
        // Once gone, nothing more is forced (the frame after writes the column once
        // more, as its option changes back; the one after that, nothing).
        let mut after = frame("ab    ");
        flags.repair_flags(&mut after);
        let mut later = frame("ab    ");
        flags.repair_flags(&mut later);
        assert_eq!(written(&after, &later), Vec::<(u16, u16)>::new());
    }

    #[test]
    fn a_flag_that_stays_or_moves_is_drawn_as_ratatui_draws_it() {
        let mut flags = Flags::default();
        let mut prev = frame("ab🇺🇳cd");
        flags.repair_flags(&mut prev);
        let mut same = frame("ab🇺🇳cd");
        flags.repair_flags(&mut same);
        assert_eq!(written(&prev, &same), Vec::<(u16, u16)>::new());
        // Moved one column left: its old first column now holds its second half,
        // and the old second column is written.
        let mut moved = frame("a🇺🇳 cd");
        flags.repair_flags(&mut moved);
        assert!(written(&same, &moved).contains(&(3, 0)));
    }
}
