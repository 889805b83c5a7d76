//! The quote detail popup: the full text, the speaker's chain, and the quote's facts.

use super::chrome;
use super::theme::THEME;
use crate::app::App;
use crate::app::state::Detail;
use crate::app::view::LineKind;
use crate::layout;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

pub fn render(app: &App, d: &Detail, buf: &mut Buffer) {
    let area = layout::detail_popup(app.geometry().area);
    let list = &app.filter.quotes;
    let position = list.binary_search(&d.quote).map_or_else(
        |_| "not in the filtered list".to_owned(),
        |i| format!("{}/{}", i + 1, list.len()),
    );
    let inner = chrome::popup_block(area, buf, &format!("Quote {position}"));
    let rows = usize::from(inner.height);
    let lines = &d.view.lines;
    let end = (d.scroll + rows).min(lines.len());
    for (n, l) in lines[d.scroll.min(end)..end].iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let line = match l.kind {
            LineKind::QuoteText => {
                Line::styled(l.text.as_str(), THEME.quote_text.patch(THEME.title))
            }
            LineKind::Title => Line::styled(l.text.as_str(), THEME.speaker),
            LineKind::Attribution => Line::styled(l.text.as_str(), THEME.dim),
            LineKind::Field { label } => {
                let cut = l
                    .text
                    .char_indices()
                    .nth(label)
                    .map_or(l.text.len(), |(i, _)| i);
                Line::from(vec![
                    Span::styled(&l.text[..cut], THEME.heading),
                    Span::raw(&l.text[cut..]),
                ])
            }
            LineKind::Body | LineKind::Blank | LineKind::Summary => Line::raw(l.text.as_str()),
        };
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, lines.len(), d.scroll, rows);
}
