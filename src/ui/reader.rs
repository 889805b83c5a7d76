//! The Reader pane: the selected section's wrapped lines, only the visible slice drawn,
//! with the filter's actors highlighted and a jumped-to quote marked.

use super::chrome;
use super::theme::THEME;
use crate::app::App;
use crate::app::search::find_in;
use crate::app::view::{Line as VLine, LineKind};
use crate::layout::Pane;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

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
    let hits = hits(app, l);
    match l.kind {
        LineKind::Title => Line::from(spans(&l.text, &hits, THEME.heading)),
        LineKind::Body => Line::from(spans(&l.text, &hits, Style::new())),
        LineKind::QuoteText => {
            let mut out = vec![bar];
            out.extend(spans(&l.text, &hits, THEME.quote_text));
            Line::from(out)
        }
        LineKind::Attribution => {
            let style = if chosen { THEME.highlight } else { THEME.dim };
            let mut out = vec![bar];
            out.extend(spans(&l.text, &hits, style));
            Line::from(out)
        }
        LineKind::Blank | LineKind::Field { .. } => Line::raw(l.text.as_str()),
    }
}

/// What to highlight in a line: search matches (the current one strongest), then the
/// filter's names where no match already is. Only visible lines get here.
fn hits(app: &App, l: &VLine) -> Vec<(Range<usize>, Style)> {
    let mut hits: Vec<(Range<usize>, Style)> = Vec::new();
    if let Some(search) = &app.search {
        let current = search
            .current_range
            .as_ref()
            .and_then(|(section, piece, r)| {
                let (lp, start) = l.source?;
                (*section == app.sections.selected && *piece == lp && r.start >= start)
                    .then(|| r.start - start)
            });
        for r in find_in(&l.text, &search.query) {
            let style = if Some(r.start) == current {
                THEME.search_current
            } else {
                THEME.search
            };
            hits.push((r, style));
        }
    }
    if l.kind != LineKind::Attribution {
        for name in &app.filter.names {
            for (start, m) in l.text.match_indices(name.as_str()) {
                let r = start..start + m.len();
                if hits
                    .iter()
                    .all(|(h, _)| r.end <= h.start || r.start >= h.end)
                {
                    hits.push((r, THEME.highlight));
                }
            }
        }
    }
    hits.sort_by_key(|(r, _)| r.start);
    hits
}

/// Splits a line into spans: `hits` (sorted, not overlapping) in their styles over `base`.
pub fn spans<'a>(text: &'a str, hits: &[(Range<usize>, Style)], base: Style) -> Vec<Span<'a>> {
    let mut out = Vec::with_capacity(hits.len() * 2 + 1);
    let mut at = 0;
    for (r, style) in hits {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push(Span::styled(&text[at..r.start], base));
        }
        out.push(Span::styled(&text[r.clone()], base.patch(*style)));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Span::styled(&text[at..], base));
    }
    out
}
