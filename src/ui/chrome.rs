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

/// Cuts a string to at most `max` columns from the left, starting with '…' when
/// something was cut: the end of a path (its file name) or of a query being typed
/// stays in view.
pub fn truncate_start(s: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if crate::text::width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 0;
    for g in s.graphemes(true).rev() {
        let gw = unicode_width::UnicodeWidthStr::width(g);
        if used + gw + 1 > max {
            break;
        }
        kept.push(g);
        used += gw;
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
}

/// How a part of a row gives way when the row is too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// Never shortened (separators, markers, key facts such as a date).
    Keep,
    /// Shortened at its end, with '…' (a title).
    End,
    /// Shortened from its start, with '…', so its end stays (a path: its file name).
    Start,
}

/// A row made of parts that give way in a chosen order: `steps` shortens part
/// `steps[i].0` down to `steps[i].1` columns, one after the other, until the row fits
/// `width`; whatever still does not fit is cut at the end with '…'.
pub fn fit_parts(parts: &[(&str, Cut)], steps: &[(usize, usize)], width: usize) -> String {
    let mut texts: Vec<String> = parts.iter().map(|(t, _)| (*t).to_owned()).collect();
    for &(i, floor) in steps {
        let total: usize = texts.iter().map(|t| crate::text::width(t)).sum();
        if total <= width {
            break;
        }
        let Some(&(_, cut)) = parts.get(i) else {
            continue;
        };
        let own = crate::text::width(&texts[i]);
        let target = own.saturating_sub(total - width).max(floor.min(own));
        texts[i] = match cut {
            Cut::Keep => continue,
            Cut::End => crate::text::truncate(&texts[i], target),
            Cut::Start => truncate_start(&texts[i], target),
        };
    }
    crate::text::truncate(&texts.concat(), width)
}

/// A message in place of a pane's content (why it is empty), wrapped to the pane's
/// width, as many lines as fit.
pub fn message(buf: &mut Buffer, area: Rect, text: &str, style: Style) {
    for (n, line) in crate::text::wrap(text, usize::from(area.width))
        .iter()
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + u16::try_from(n).unwrap_or(u16::MAX);
        row(buf, area, y, line, style);
    }
}

/// "terminal too small", wrapped to the screen's width: the reader and the library
/// both draw nothing else below their smallest size.
pub fn too_small(area: Rect, buf: &mut Buffer, min: (u16, u16)) {
    let msg = format!(
        "terminal too small: need {}×{}, have {}×{}",
        min.0, min.1, area.width, area.height
    );
    for (i, chunk) in crate::text::wrap(&msg, usize::from(area.width))
        .iter()
        .enumerate()
    {
        let Ok(y) = u16::try_from(i) else { break };
        if y >= area.height {
            break;
        }
        buf.set_stringn(
            area.x,
            area.y + y,
            chunk,
            usize::from(area.width),
            Style::new(),
        );
    }
}
