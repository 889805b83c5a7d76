//! The library's screens beyond its list (issue 19): search results across every
//! briefing (title, date, a snippet with the match highlighted), the Actors screen
//! (every actor of the library, with counts, narrowed by typing) and one actor's
//! statements across the library, oldest first. Drawn inside the library's frame
//! (`ui::library` draws its title and status lines).

use super::chrome;
use crate::app::Settings;
use crate::app::library_screens::{Actors, Input, ROWS, Results, Statements};
use crate::load::diag::escape;
use crate::model::PartialDate;
use crate::text;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The search results in `area` (the list's place).
pub fn results(r: &Results, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let more = if r.total > r.hits.len() {
        format!(" (best {} of {})", r.hits.len(), r.total)
    } else {
        String::new()
    };
    let title = format!(
        "Search “{}”: {}{more}",
        r.query,
        text::count(r.total, "hit")
    );
    let inner = chrome::pane_block(theme, area, buf, &title, true);
    if r.hits.is_empty() {
        let empty = if r.query.trim().is_empty() {
            "Nothing to search for: press / and type a word."
        } else {
            "No briefing of the library has these words. / searches again."
        };
        chrome::row(buf, inner, inner.y, empty, theme.dim);
    }
    for (n, (i, h)) in
        rows(r.hits.len(), r.list.offset, inner).zip(r.hits.iter().enumerate().skip(r.list.offset))
    {
        let y = inner.y + n;
        let selected = i == r.list.selected;
        let pick = |s: Style| if selected { s.patch(theme.selected) } else { s };
        let marker = if selected { "▸" } else { " " };
        let date = date(h.date.as_deref());
        let head = format!("{marker}{} · {date} · {} · {}", h.title, h.kind, h.rel);
        chrome::row(
            buf,
            inner,
            y,
            &text::truncate(&head, usize::from(inner.width)),
            pick(theme.speaker),
        );
        snippet(
            theme,
            buf,
            inner,
            y + 1,
            &h.snippet,
            &h.marks,
            pick(theme.dim),
        );
    }
    chrome::scrollbar(
        area,
        buf,
        r.hits.len() * ROWS,
        r.list.offset * ROWS,
        usize::from(inner.height),
    );
}

/// A date of the library's answers (`2026-03-05`, or shorter) as the list and the
/// reader show dates: `5 Mar 2026`. One that does not read as a date (a damaged index)
/// is shown as it is, escaped; `undated` for none.
fn date(iso: Option<&str>) -> String {
    match iso {
        None => "undated".to_owned(),
        Some(d) => PartialDate::parse(d).map_or_else(|_| escape(d), |d| d.to_string()),
    }
}

/// The row numbers (from the top of `inner`) of the entries shown, two rows each.
fn rows(len: usize, offset: usize, inner: Rect) -> impl Iterator<Item = u16> {
    let fit = usize::from(inner.height) / ROWS;
    (0..len.saturating_sub(offset).min(fit)).map(|n| u16::try_from(n * ROWS).unwrap_or(u16::MAX))
}

/// A snippet on one row, indented, with its matches in the theme's search style.
fn snippet(
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    snippet: &str,
    marks: &[std::ops::Range<usize>],
    base: Style,
) {
    let mut spans = vec![Span::styled("  ", base)];
    let mut at = 0;
    for m in marks {
        // Ranges come from the run's answer: keep only those that fit the text.
        let (Some(before), Some(word)) = (snippet.get(at..m.start), snippet.get(m.clone())) else {
            continue;
        };
        spans.push(Span::styled(before.to_owned(), base));
        spans.push(Span::styled(word.to_owned(), base.patch(theme.search)));
        at = m.end;
    }
    spans.push(Span::styled(
        snippet.get(at..).unwrap_or("").to_owned(),
        base,
    ));
    buf.set_style(Rect::new(area.x, y, area.width, 1), base);
    chrome::line(buf, area, y, &Line::from(spans));
}

/// The Actors screen: one row per actor, with how many briefings and quotes.
pub fn actors(a: &Actors, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let shown = a.shown();
    let narrowed = if a.query.is_empty() {
        String::new()
    } else {
        format!(" · “{}”", a.query)
    };
    let title = format!(
        "Actors of the library {}/{}{narrowed}",
        (a.list.selected + 1).min(shown.len()),
        shown.len()
    );
    let inner = chrome::pane_block(theme, area, buf, &title, a.input == Input::Browse);
    if shown.is_empty() {
        let empty = if a.all.is_empty() {
            "No actor in any briefing of the library."
        } else {
            "No actor's name holds these letters: Esc drops them."
        };
        chrome::row(buf, inner, inner.y, empty, theme.dim);
    }
    let width = usize::from(inner.width);
    for (n, (i, actor)) in shown
        .iter()
        .enumerate()
        .skip(a.list.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let selected = i == a.list.selected;
        let pick = |s: Style| if selected { s.patch(theme.selected) } else { s };
        let marker = if selected { "▸" } else { " " };
        let counts = format!(
            "  {} · {}",
            text::count(actor.briefings, "briefing"),
            text::count(actor.quotes, "quote")
        );
        let aliases: Vec<&str> = actor.names.iter().skip(1).map(String::as_str).collect();
        let aliases = if aliases.is_empty() {
            String::new()
        } else {
            format!(" ({})", aliases.join(", "))
        };
        let room = width.saturating_sub(text::width(&counts));
        let name = text::truncate(&format!("{marker}{}{aliases}", actor.name), room);
        let pad = " ".repeat(room.saturating_sub(text::width(&name)));
        chrome::line(
            buf,
            inner,
            y,
            &Line::from(vec![
                Span::styled(format!("{name}{pad}"), pick(theme.speaker)),
                Span::styled(counts, pick(theme.dim)),
            ]),
        );
    }
    chrome::scrollbar(
        area,
        buf,
        shown.len(),
        a.list.offset,
        usize::from(inner.height),
    );
}

/// One actor's statements across the library, oldest first.
pub fn statements(s: &Statements, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let title = format!(
        "{}: {} across the library, oldest first",
        s.actor,
        text::count(s.statements.len(), "statement")
    );
    let inner = chrome::pane_block(theme, area, buf, &title, true);
    if s.statements.is_empty() {
        chrome::row(
            buf,
            inner,
            inner.y,
            "No quote by this actor or their affiliates in the library.",
            theme.dim,
        );
    }
    let width = usize::from(inner.width);
    for (n, (i, st)) in rows(s.statements.len(), s.list.offset, inner)
        .zip(s.statements.iter().enumerate().skip(s.list.offset))
    {
        let y = inner.y + n;
        let selected = i == s.list.selected;
        let pick = |x: Style| if selected { x.patch(theme.selected) } else { x };
        let marker = if selected { "▸" } else { " " };
        let date = date(st.date.as_deref());
        let head = format!(
            "{marker}{date} · {} · {} · {} ({})",
            st.speaker, st.title, st.section_title, st.mode
        );
        chrome::row(
            buf,
            inner,
            y,
            &text::truncate(&head, width),
            pick(theme.speaker),
        );
        let words = if st.mode == "direct" {
            format!("  “{}”", st.text)
        } else {
            format!("  {}", st.text)
        };
        chrome::row(
            buf,
            inner,
            y + 1,
            &text::truncate(&words.replace('\n', " "), width),
            pick(theme.dim),
        );
    }
    chrome::scrollbar(
        area,
        buf,
        s.statements.len() * ROWS,
        s.list.offset * ROWS,
        usize::from(inner.height),
    );
}
