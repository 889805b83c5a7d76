//! The quote detail popup: the full text, the speaker's chain, and the quote's facts.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::state::{Detail, SourceView};
use crate::layout;
use crate::theme::Theme;
use crate::views::lines::LineKind;
use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

pub fn render(app: &App, settings: &Settings, d: &Detail, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::detail_popup(app.geometry().area);
    let list = &app.filter.quotes;
    let position = list.binary_search(&d.quote).map_or_else(
        |_| "not in the filtered list".to_owned(),
        |i| format!("{}/{}", i + 1, list.len()),
    );
    let inner = chrome::popup_block(theme, area, buf, &format!("Quote {position}"));
    let rows = usize::from(inner.height);
    let lines = &d.view.lines;
    let end = (d.scroll + rows).min(lines.len());
    for (n, l) in lines[d.scroll.min(end)..end].iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let line = match l.kind {
            LineKind::QuoteText => {
                Line::styled(l.text.as_str(), theme.quote_text.patch(theme.title))
            }
            LineKind::Title => Line::styled(l.text.as_str(), theme.speaker),
            LineKind::Attribution => Line::styled(l.text.as_str(), theme.dim),
            LineKind::Field { label } => {
                let cut = l
                    .text
                    .char_indices()
                    .nth(label)
                    .map_or(l.text.len(), |(i, _)| i);
                Line::from(vec![
                    Span::styled(&l.text[..cut], theme.heading),
                    Span::raw(&l.text[cut..]),
                ])
            }
            LineKind::Passage { from, to } => passage(theme, &l.text, from, to),
            LineKind::Body | LineKind::Blank | LineKind::Summary => Line::raw(l.text.as_str()),
        };
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, lines.len(), d.scroll, rows);
}

/// The source text popup: the source's text, the quote highlighted.
pub fn render_source(app: &App, settings: &Settings, v: &SourceView, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::detail_popup(app.geometry().area);
    let b = &app.briefing;
    let text = match app.sources.get(v.source.get()) {
        Some(Some(Ok(t))) => t.text.as_str(),
        _ => "",
    };
    let at = v
        .stops
        .iter()
        .position(|(r, q)| *q == v.quote && *r == v.range)
        .map_or(0, |i| i + 1);
    let title = format!(
        "{} · quote {at}/{} · {}",
        b.source(v.source).name(),
        v.stops.len(),
        b.actor(b.quote(v.quote).speaker).name
    );
    let inner = chrome::popup_block(theme, area, buf, &title);
    let rows = usize::from(inner.height);
    let end = (v.scroll + rows).min(v.rows.len());
    for (n, r) in v.rows[v.scroll.min(end)..end].iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let from = v.range.start.clamp(r.start, r.end) - r.start;
        let to = v.range.end.clamp(r.start, r.end) - r.start;
        let line = marked(
            theme,
            &text[r.clone()],
            from,
            to,
            ratatui::style::Style::new(),
        );
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, v.rows.len(), v.scroll, rows);
}

/// A line of a source's text, the quote's bytes `from..to` in it highlighted.
pub fn passage<'a>(theme: &Theme, text: &'a str, from: usize, to: usize) -> Line<'a> {
    marked(theme, text, from, to, theme.dim)
}

fn marked<'a>(
    theme: &Theme,
    text: &'a str,
    from: usize,
    to: usize,
    rest: ratatui::style::Style,
) -> Line<'a> {
    let cut = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (from, to) = (cut(from), cut(to));
    Line::from(vec![
        Span::styled(&text[..from], rest),
        Span::styled(&text[from..to], theme.mark),
        Span::styled(&text[to..], rest),
    ])
}
