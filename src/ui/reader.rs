//! The Reader pane: the selected section's wrapped lines, only the visible slice drawn,
//! with the filter's actors highlighted and a jumped-to quote marked.

use super::chrome;
use super::theme::THEME;
use crate::app::App;
use crate::app::view::{Line as VLine, LineKind};
use crate::layout::Pane;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = &app.reader.view.lines;
    let rows = usize::from(area.height.saturating_sub(2));
    let first = app.reader.scroll;
    let last = (first + rows).min(lines.len());
    let title = if lines.len() > rows {
        let pct = if lines.len() <= rows {
            100
        } else {
            first * 100 / (lines.len() - rows)
        };
        format!("Reader {}-{}/{} {pct}%", first + 1, last, lines.len())
    } else {
        "Reader".to_owned()
    };
    let inner = chrome::pane_block(area, buf, &title, app.focus == Pane::Reader);
    if app.briefing.sections.is_empty() {
        chrome::row(
            buf,
            inner,
            inner.y,
            "This briefing has no sections.",
            THEME.dim,
        );
        return;
    }
    for (n, l) in lines[first.min(last)..last].iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::line(buf, inner, y, &styled(app, l));
    }
    chrome::scrollbar(area, buf, lines.len(), first, rows);
}

fn styled<'a>(app: &App, l: &'a VLine) -> Line<'a> {
    let chosen = l
        .quote
        .is_some_and(|q| app.filter.is_active() && app.filter.matches(&app.briefing, q));
    let marked = l.quote.is_some() && l.quote == app.reader.mark;
    let bar = match (marked, chosen) {
        (true, _) => Span::styled("┃ ", THEME.mark),
        (false, true) => Span::styled("┃ ", THEME.highlight),
        _ => Span::styled("│ ", THEME.quote_bar),
    };
    match l.kind {
        LineKind::Title => Line::styled(l.text.as_str(), THEME.heading),
        LineKind::Body => Line::from(highlight(&l.text, &app.filter.names, Style::new())),
        LineKind::QuoteText => {
            let mut spans = vec![bar];
            spans.extend(highlight(&l.text, &app.filter.names, THEME.quote_text));
            Line::from(spans)
        }
        LineKind::Attribution => {
            let style = if chosen { THEME.highlight } else { THEME.dim };
            Line::from(vec![bar, Span::styled(l.text.as_str(), style)])
        }
        LineKind::Blank | LineKind::Field { .. } => Line::raw(l.text.as_str()),
    }
}

/// Splits a line into spans, highlighting every occurrence of the given names.
/// Names come longest first, so "North Korea" wins over "Korea" where both match.
pub fn highlight<'a>(text: &'a str, names: &[String], base: Style) -> Vec<Span<'a>> {
    if names.is_empty() {
        return vec![Span::styled(text, base)];
    }
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for name in names {
        for (start, m) in text.match_indices(name.as_str()) {
            let end = start + m.len();
            if hits.iter().all(|&(s, e)| end <= s || start >= e) {
                hits.push((start, end));
            }
        }
    }
    hits.sort_unstable();
    let mut spans = Vec::with_capacity(hits.len() * 2 + 1);
    let mut at = 0;
    for (s, e) in hits {
        if s > at {
            spans.push(Span::styled(&text[at..s], base));
        }
        spans.push(Span::styled(&text[s..e], base.patch(THEME.highlight)));
        at = e;
    }
    if at < text.len() {
        spans.push(Span::styled(&text[at..], base));
    }
    spans
}
