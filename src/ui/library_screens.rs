//! The library's screens beyond its list (issue 19): search results across every
//! briefing (title, date, a snippet with the match highlighted), the Actors screen
//! (every actor of the library, with counts, narrowed by typing) and one actor's
//! statements across the library, oldest first. Drawn inside the library's frame
//! (`ui::library` draws its title and status lines).

use super::chrome::{self, Cut};
use crate::app::Settings;
use crate::app::library_screens::{Actors, Input, ROWS, Results, Statements};
use crate::load::diag::escape;
use crate::model::PartialDate;
use crate::text;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

/// The search results in `area` (the list's place).
pub fn results(r: &Results, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let more = if r.total > r.hits.len() {
        format!(" (best {} of {})", r.hits.len(), r.total)
    } else {
        String::new()
    };
    // The count always shows; a long query gives way (the border, the focus marker
    // `▶ ` and the quotes take 6 columns).
    let count = format!("{}{more}", text::count(r.total, "hit"));
    let room = usize::from(area.width)
        .saturating_sub(6 + text::width("Search “”: ") + text::width(&count));
    let title = format!("Search “{}”: {count}", text::truncate(&r.query, room));
    let inner = chrome::pane_block(theme, area, buf, &title, true);
    if r.hits.is_empty() {
        let empty = if r.query.trim().is_empty() {
            "Nothing to search for: press / and type a word."
        } else {
            "No briefing of the library has these words. / searches again."
        };
        chrome::message(buf, inner, empty, theme.dim);
    }
    let width = usize::from(inner.width);
    for (n, (i, h)) in
        rows(r.hits.len(), r.list.offset, inner).zip(r.hits.iter().enumerate().skip(r.list.offset))
    {
        let y = inner.y + n;
        let selected = i == r.list.selected;
        let pick = |s: Style| if selected { s.patch(theme.selected) } else { s };
        let marker = if selected { "▸" } else { " " };
        let facts = format!(" · {} · {} · ", date(h.date.as_deref()), h.kind);
        // The title gives way first, then the file's folders (its name stays as long
        // as it can), so the date, the kind and the file show at any ordinary width.
        let head = chrome::fit_parts(
            &[
                (marker, Cut::Keep),
                (h.title.as_str(), Cut::End),
                (facts.as_str(), Cut::Keep),
                (h.rel.as_str(), Cut::Start),
            ],
            &[(1, TITLE_FLOOR), (3, 1), (1, 1)],
            width,
        );
        chrome::row(buf, inner, y, &head, pick(theme.speaker));
        snippet(
            theme,
            buf,
            inner,
            y + 1,
            &h.snippet,
            &h.marks,
            pick(theme.dim),
            selected,
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

/// Columns a title keeps before the facts after it give way.
const TITLE_FLOOR: usize = 12;
/// Columns a statement's section and briefing titles keep before its speaker gives way.
const SECTION_FLOOR: usize = 8;

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

/// A snippet on one row, indented, with its matches in the theme's search style (in
/// the selected row, reversed already, the current match's style, bold and
/// underlined, so it shows without colour too). One longer than the row ends with
/// `…`; one whose first match lies past the row's end is cut from its start instead,
/// so the match shows.
#[allow(clippy::too_many_arguments)]
fn snippet(
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    snippet: &str,
    marks: &[std::ops::Range<usize>],
    base: Style,
    selected: bool,
) {
    let mark = if selected {
        base.patch(theme.search_current)
            .remove_modifier(Modifier::DIM)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    } else {
        base.patch(theme.search)
    };
    // Ranges come from the run's answer: keep only those that fit the text, in order.
    let mut kept: Vec<std::ops::Range<usize>> = Vec::new();
    for m in marks {
        if snippet.get(m.clone()).is_some() && kept.last().is_none_or(|k| k.end <= m.start) {
            kept.push(m.clone());
        }
    }
    let room = usize::from(area.width).saturating_sub(2);
    let w = window(snippet, kept.first(), room);
    let mut spans = vec![Span::styled("  ", base)];
    let mut at = w.lead.len();
    spans.push(Span::styled(w.lead.to_owned(), base));
    for m in &kept {
        // The match's bytes that show, as positions in `shown`.
        let s = m.start.max(w.from).min(w.to);
        let e = m.end.max(w.from).min(w.to);
        let (s, e) = (s - w.from + w.lead.len(), e - w.from + w.lead.len());
        if s >= e || s < at {
            continue;
        }
        spans.push(Span::styled(w.shown[at..s].to_owned(), base));
        spans.push(Span::styled(w.shown[s..e].to_owned(), mark));
        at = e;
    }
    spans.push(Span::styled(w.shown[at..].to_owned(), base));
    buf.set_style(Rect::new(area.x, y, area.width, 1), base);
    chrome::line(buf, area, y, &Line::from(spans));
}

/// What of a snippet shows: `text[from..to]`, after `lead` (`…` when the start was
/// cut) and before a `…` when the end was.
struct Window {
    shown: String,
    lead: &'static str,
    from: usize,
    to: usize,
}

/// The part of `text` that fits `room` columns: from its start, unless `first` (the
/// first match) would end past the room; then from a little before the match.
fn window(text: &str, first: Option<&std::ops::Range<usize>>, room: usize) -> Window {
    use unicode_segmentation::UnicodeSegmentation;
    let whole = Window {
        shown: text.to_owned(),
        lead: "",
        from: 0,
        to: text.len(),
    };
    if text::width(text) <= room {
        return whole;
    }
    let end = |from: usize, lead: &'static str| {
        let cut = text::truncate(&text[from..], room.saturating_sub(text::width(lead)));
        let to = from + cut.strip_suffix('…').unwrap_or(&cut).len();
        Window {
            shown: format!("{lead}{cut}"),
            lead,
            from,
            to,
        }
    };
    let start = end(0, "");
    match first {
        Some(m) if m.end > start.to => {
            // Drop graphemes from the front until the match fits with a `…` either side.
            let from = text
                .grapheme_indices(true)
                .map(|(i, _)| i)
                .find(|&i| i >= m.start || text::width(&text[i..m.end]) + 2 <= room)
                .unwrap_or(m.start);
            end(from, "…")
        }
        _ => start,
    }
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
    // The count always shows: what gives way is the trailing words, then the name
    // (the border and the focus marker `▶ ` take 4 columns).
    let count = text::count(s.statements.len(), "statement");
    let room = usize::from(area.width).saturating_sub(4);
    let full = format!("{}: {count} across the library, oldest first", s.actor);
    let title = if text::width(&full) <= room {
        full
    } else {
        let name_room = room.saturating_sub(text::width(": ") + text::width(&count));
        format!("{}: {count}", text::truncate(&s.actor, name_room))
    };
    let inner = chrome::pane_block(theme, area, buf, &title, true);
    if s.statements.is_empty() {
        chrome::message(
            buf,
            inner,
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
        let date = format!("{date} · ");
        let mode = format!(" ({})", st.mode);
        // The section's title and the briefing's give way in turn (the section's
        // first), then the speaker's name; the date and the mode stay.
        let head = chrome::fit_parts(
            &[
                (marker, Cut::Keep),
                (date.as_str(), Cut::Keep),
                (st.speaker.as_str(), Cut::End),
                (" · ", Cut::Keep),
                (st.title.as_str(), Cut::End),
                (" · ", Cut::Keep),
                (st.section_title.as_str(), Cut::End),
                (mode.as_str(), Cut::Keep),
            ],
            &[
                (6, 2 * TITLE_FLOOR),
                (4, 2 * TITLE_FLOOR),
                (6, SECTION_FLOOR),
                (4, SECTION_FLOOR),
                (2, TITLE_FLOOR),
                (6, 1),
                (4, 1),
            ],
            width,
        );
        chrome::row(buf, inner, y, &head, pick(theme.speaker));
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
