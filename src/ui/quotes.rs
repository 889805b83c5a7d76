//! The Quotes pane: every quote in reading order (only matching ones when filtered),
//! two rows each: the speaker and date, then an excerpt.

use super::chrome;
use super::theme::THEME;
use crate::app::state::QUOTE_ROWS;
use crate::app::{App, view};
use crate::layout::Pane;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let b = &app.briefing;
    let list = &app.filter.quotes;
    let title = format!(
        "Quotes {}/{}",
        if list.is_empty() {
            0
        } else {
            app.quotes.selected + 1
        },
        list.len()
    );
    let inner = chrome::pane_block(area, buf, &title, app.focus == Pane::Quotes);
    let visible = usize::from(inner.height) / QUOTE_ROWS;
    if list.is_empty() {
        chrome::row(
            buf,
            inner,
            inner.y,
            "No quotes match the filter (c clears it)",
            THEME.dim,
        );
        return;
    }
    let width = usize::from(inner.width);
    for (i, &q) in list
        .iter()
        .enumerate()
        .skip(app.quotes.offset)
        .take(visible)
    {
        let y = inner.y + u16::try_from((i - app.quotes.offset) * QUOTE_ROWS).unwrap_or(u16::MAX);
        let quote = b.quote(q);
        let selected = i == app.quotes.selected;
        let base = if selected {
            THEME.selected
        } else {
            Style::new()
        };
        let date = quote.said.map(|d| format!(" · {d}")).unwrap_or_default();
        let name = text::truncate(
            &b.actor(quote.speaker).name,
            width.saturating_sub(text::width(&date) + 1),
        );
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        let head = Line::from(vec![
            Span::styled(if selected { "▸" } else { " " }, base),
            Span::styled(name, THEME.speaker.patch(base)),
            Span::styled(date, THEME.dim.patch(base)),
        ]);
        chrome::line(buf, inner, y, &head);
        let excerpt = text::truncate(
            &view::quote_words(b, q).replace('\n', " "),
            width.saturating_sub(2),
        );
        chrome::row(
            buf,
            inner,
            y + 1,
            &format!("  {excerpt}"),
            THEME.quote_text.patch(base),
        );
    }
    chrome::scrollbar(area, buf, list.len(), app.quotes.offset, visible);
}
