//! The Reader pane: the selected section's wrapped lines, only the visible slice drawn,
//! with the filter's actors highlighted and a jumped-to quote marked.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::layout::Pane;
use crate::views::lines::{LineKind, TextLine};
use crate::views::search::find_in;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;

pub fn render(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
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
    let inner = chrome::pane_block(theme, area, buf, &title, app.focus == Pane::Reader);
    if app.briefing.sections.is_empty() {
        chrome::row(
            buf,
            inner,
            inner.y,
            "This briefing has no sections.",
            theme.dim,
        );
        return;
    }
    for (n, l) in lines[first.min(last)..last].iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::line(buf, inner, y, &styled(app, settings, l));
    }
    chrome::scrollbar(area, buf, lines.len(), first, rows);
}

fn styled<'a>(app: &App, settings: &Settings, l: &'a TextLine) -> Line<'a> {
    let theme = &settings.appearance.theme;
    let chosen = l
        .quote
        .is_some_and(|q| app.filter.is_active() && app.filter.matches(&app.briefing, q));
    // The current quote (what s, y and Enter act on) carries the marker: ▶ on its
    // first line, a thick bar below.
    let current = if app.focus == Pane::Reader {
        app.reader_quote()
    } else {
        app.reader.mark
    };
    let marked = l.quote.is_some() && l.quote == current;
    let first = marked && l.source.is_some_and(|(_, at)| at == 0) && l.kind == LineKind::QuoteText;
    // A quote new or changed by the last reload: `✦` on its first line until seen.
    let fresh = !marked
        && l.quote.is_some_and(|q| app.changes.is_unseen(q))
        && l.source.is_some_and(|(_, at)| at == 0)
        && l.kind == LineKind::QuoteText;
    let bar = match (marked, chosen) {
        _ if fresh => Span::styled("✦ ", theme.mark),
        (true, _) if first => Span::styled("▶ ", theme.mark),
        (true, _) => Span::styled("┃ ", theme.mark),
        (false, true) => Span::styled("┃ ", theme.highlight),
        _ => Span::styled("│ ", theme.quote_bar),
    };
    let hits = hits(app, settings, l);
    match l.kind {
        LineKind::Title => Line::from(spans(&l.text, &hits, theme.heading)),
        LineKind::Summary => Line::from(spans(
            &l.text,
            &hits,
            theme.dim.add_modifier(ratatui::style::Modifier::ITALIC),
        )),
        LineKind::Body => Line::from(spans(&l.text, &hits, Style::new())),
        LineKind::QuoteText => {
            let mut out = vec![bar];
            out.extend(spans(&l.text, &hits, theme.quote_text));
            Line::from(out)
        }
        LineKind::Attribution => {
            let style = if chosen { theme.highlight } else { theme.dim };
            let mut out = vec![bar];
            out.extend(spans(&l.text, &hits, style));
            Line::from(out)
        }
        LineKind::Blank | LineKind::Field { .. } | LineKind::Passage { .. } => {
            Line::raw(l.text.as_str())
        }
    }
}

/// What to highlight in a line: search matches (the current one strongest), then the
/// filter's names where no match already is. Only visible lines get here. They are
/// found in the line's piece around the line, so that one the wrap splits shows on
/// both lines.
fn hits(app: &App, settings: &Settings, l: &TextLine) -> Vec<(Range<usize>, Style)> {
    let theme = &settings.appearance.theme;
    let mut hits: Vec<(Range<usize>, Style)> = Vec::new();
    let piece = l.source.and_then(|(p, start)| {
        let text = app.reader.view.texts.get(p)?;
        // The line is the piece's text from `start` (`view::reader_view`).
        (text.get(start..start + l.text.len()) == Some(l.text.as_str())).then_some((text, start))
    });
    // Ranges in the line of what `find` finds around it, each with its start in the
    // piece (or in the line, without a piece).
    let around = |margin: usize, find: &dyn Fn(&str) -> Vec<Range<usize>>| {
        let Some((text, start)) = piece else {
            return find(&l.text).into_iter().map(|r| (r.start, r)).collect();
        };
        let end = start + l.text.len();
        let from = floor(text, start.saturating_sub(margin));
        let to = ceil(text, end.saturating_add(margin));
        find(&text[from..to])
            .into_iter()
            .map(|r| (r.start + from, r.end + from))
            .filter(|&(a, b)| a < end && b > start)
            .map(|(a, b)| (a, a.max(start) - start..b.min(end) - start))
            .collect::<Vec<_>>()
    };
    if let Some(search) = &app.search {
        let current = search.current_range.as_ref().and_then(|(section, p, r)| {
            let (lp, start) = l.source?;
            let here = *section == app.sections.selected && *p == lp;
            // In the piece, or in the line without one.
            here.then(|| {
                if piece.is_some() {
                    r.start
                } else {
                    r.start.wrapping_sub(start)
                }
            })
        });
        let margin = search.query.len() * 4 + 8;
        for (at, r) in around(margin, &|t: &str| find_in(t, &search.query)) {
            let style = if Some(at) == current {
                theme.search_current
            } else {
                theme.search
            };
            hits.push((r, style));
        }
    }
    if l.kind != LineKind::Attribution {
        for name in &app.filter.names {
            let find = |t: &str| {
                (t.match_indices(name.as_str()))
                    .map(|(i, m)| i..i + m.len())
                    .collect()
            };
            for (_, r) in around(name.len(), &find) {
                if hits
                    .iter()
                    .all(|(h, _)| r.end <= h.start || r.start >= h.end)
                {
                    hits.push((r, theme.highlight));
                }
            }
        }
    }
    hits.sort_by_key(|(r, _)| r.start);
    hits
}

/// The char boundary at or before `i` (the text's end past it).
fn floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary at or after `i` (the text's end past it).
fn ceil(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
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
