//! Pieces every pane and popup shares: the bordered block that shows focus without
//! colour, the scrollbar, popup backgrounds, and single-row text drawing.

use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{
    Block, BorderType, Clear, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget,
    Widget,
};

/// Draws a pane's border and title. The focused pane gets a thick border and a `▶`
/// before its title, so focus shows in monochrome too. Returns the inner area.
pub fn pane_block(theme: &Theme, area: Rect, buf: &mut Buffer, title: &str, focused: bool) -> Rect {
    let (style, kind, marker) = if focused {
        (theme.border_focus, BorderType::Thick, "▶ ")
    } else {
        (theme.border, BorderType::Plain, "")
    };
    let block = Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Line::styled(
            format!("{marker}{title}"),
            if focused {
                theme.border_focus
            } else {
                theme.title
            },
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A popup: clears what is under it, then draws a thick border with a title.
///
/// The column either side is cleared too, so no text beneath touches the border, and
/// a wide character cut by that edge (its first half outside, its second inside) is
/// blanked whole: a terminal would draw it over the border.
pub fn popup_block(theme: &Theme, area: Rect, buf: &mut Buffer, title: &str) -> Rect {
    let screen = buf.area;
    let left = area.x.saturating_sub(1).max(screen.x);
    let right = (area.right() + 1).min(screen.right());
    let margin = Rect::new(left, area.y, right - left, area.height).intersection(screen);
    Clear.render(margin, buf);
    if margin.x > screen.x {
        for y in margin.top()..margin.bottom() {
            let cell = &mut buf[(margin.x - 1, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.reset();
            }
        }
    }
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focus)
        .title(Line::styled(title.to_owned(), theme.border_focus));
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// A vertical scrollbar on the right border of `area`, only when content overflows.
pub fn scrollbar(area: Rect, buf: &mut Buffer, content: usize, position: usize, visible: usize) {
    if content <= visible || area.height < 3 {
        return;
    }
    let mut state = ScrollbarState::new(content.saturating_sub(visible))
        .position(position)
        .viewport_content_length(visible);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .render(
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            buf,
            &mut state,
        );
}

/// Writes text on one row, cut to the width, and fills the rest of the row with `style`.
pub fn row(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: Style) {
    if y >= area.bottom() {
        return;
    }
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
    buf.set_stringn(area.x, y, text, usize::from(area.width), style);
}

/// The status line's key hints, right-aligned after the `used` columns on the left;
/// left out when fewer than 8 columns remain.
pub fn hints(theme: &Theme, buf: &mut Buffer, area: Rect, used: usize, hints: &[String]) {
    let width = usize::from(area.width);
    let room = width.saturating_sub(used + 2);
    if room >= 8 {
        let hints = crate::text::truncate(&hints.join("  "), room);
        let x = area.x + u16::try_from(width - crate::text::width(&hints) - 1).unwrap_or(0);
        buf.set_stringn(x, area.y, &hints, room, theme.status);
    }
}

/// Writes a styled line on one row, cut to the width.
pub fn line(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    if y < area.bottom() {
        buf.set_line(area.x, y, line, area.width);
    }
}
