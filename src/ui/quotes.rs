//! The Quotes pane: every quote in reading order (only matching ones when filtered),
//! two rows each: the speaker and date, then an excerpt.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::state::QUOTE_ROWS;
use crate::layout::Pane;
use crate::model::QuoteMode;
use crate::text;
use crate::views::search::find_in;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
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
    let inner = chrome::pane_block(theme, area, buf, &title, app.focus == Pane::Quotes);
    let visible = usize::from(inner.height) / QUOTE_ROWS;
    if list.is_empty() {
        // Say why: a briefing with no quote at all is not filtered.
        let why = if b.quotes.is_empty() {
            "This briefing has no quotes."
        } else {
            "No quotes match the filter (c clears it)"
        };
        chrome::message(buf, inner, why, theme.dim);
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
            theme.selected
        } else {
            Style::new()
        };
        let date = quote.said.map(|d| format!(" · {d}")).unwrap_or_default();
        let name = text::truncate(
            &b.actor(quote.speaker).name,
            width.saturating_sub(text::width(&date) + 4),
        );
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        // Unread quotes carry a dot, starred ones a star: marks that need no colour.
        // A quote new or changed by the last reload outranks unread: `✦` until seen.
        let (unread, mark_style) = if app.changes.is_unseen(q) {
            ("✦", theme.mark.patch(base))
        } else if app.marks.is_read(q) {
            (" ", theme.dim.patch(base))
        } else {
            ("•", theme.dim.patch(base))
        };
        let star = if app.marks.is_starred(q) { " ★" } else { "" };
        let head = Line::from(vec![
            Span::styled(if selected { "▸" } else { " " }, base),
            Span::styled(unread, mark_style),
            Span::styled(name, theme.speaker.patch(base)),
            Span::styled(date, theme.dim.patch(base)),
            Span::styled(star, theme.mark.patch(base)),
        ]);
        chrome::line(buf, inner, y, &head);
        // Only as much of the text as can show: a long quote costs nothing per frame.
        let head: String = quote
            .text
            .chars()
            .take(width + 2)
            .map(|c| if c == '\n' { ' ' } else { c })
            .collect();
        let words = match quote.mode {
            QuoteMode::Direct => format!("“{head}”"),
            QuoteMode::Reported => head,
        };
        let excerpt = text::truncate(&words, width.saturating_sub(2));
        let style = theme.quote_text.patch(base);
        buf.set_style(Rect::new(inner.x, y + 1, inner.width, 1), style);
        let hits: Vec<_> = app
            .search
            .as_ref()
            .map(|s| {
                find_in(&excerpt, &s.query)
                    .into_iter()
                    .map(|r| (r, theme.search))
                    .collect()
            })
            .unwrap_or_default();
        let mut line = vec![Span::styled("  ", style)];
        line.extend(super::reader::spans(&excerpt, &hits, style));
        chrome::line(buf, inner, y + 1, &Line::from(line));
    }
    chrome::scrollbar(area, buf, list.len(), app.quotes.offset, visible);
}
