//! The library screen (`brief DIR`): every briefing of the folder, newest first, two
//! rows each (title; source, date, counts, unread), failures with their first error.

use super::chrome;
use crate::app::Settings;
use crate::app::library::{ENTRY_ROWS, Library, LibraryEntry};
use crate::app::library_screens::{Input, LibraryMode};
use crate::text;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::fmt::Write as _;

/// Smallest screen the library draws on; below it, a message as for the reader.
const MIN_WIDTH: u16 = 30;
const MIN_HEIGHT: u16 = 6;

pub fn render(lib: &Library, settings: &Settings, area: Rect, buf: &mut Buffer) {
    draw(lib, settings, area, buf);
    settings.appearance.finish(buf);
}

fn draw(lib: &Library, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(area, buf, (MIN_WIDTH, MIN_HEIGHT));
        return;
    }
    let width = usize::from(area.width);
    let dir = crate::load::diag::escape(&lib.dir.display().to_string());
    let mut head = if lib.unread_files > 0 {
        format!(
            "Library: {dir} · reading files: {} of {} read",
            lib.to_read - lib.unread_files,
            lib.to_read
        )
    } else {
        format!("Library: {dir}")
    };
    if let Some((done, total)) = lib.indexing {
        let _ = write!(head, " · indexing: {done} of {total}");
    }
    chrome::row(
        buf,
        area,
        area.y,
        &text::truncate(&head, width),
        theme.title,
    );
    let list = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    let status_area = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    // Issue 19: the screens beyond the list draw in its place.
    let screen = match &lib.mode {
        LibraryMode::Waiting(_, before) | LibraryMode::Query { before, .. } => before.as_ref(),
        mode => mode,
    };
    match screen {
        LibraryMode::Results(r) => super::library_screens::results(r, settings, list, buf),
        LibraryMode::Actors(a) => super::library_screens::actors(a, settings, list, buf),
        LibraryMode::Statements(s) => super::library_screens::statements(s, settings, list, buf),
        _ => entries(lib, theme, list, buf),
    }
    status(lib, settings, status_area, buf);
    if let Some(panel) = &lib.errors
        && let Some(e) = lib.entry(&panel.path)
    {
        let title = format!("{} does not load", e.name);
        super::errors::panel(
            theme,
            area,
            &title,
            crate::app::library::LIBRARY_HEADLINE,
            &e.errors,
            panel.scroll,
            buf,
        );
    }
    if let Some(scroll) = lib.help {
        let lines = lib.help_lines(&settings.keymap, settings.ascii());
        let title = "Keys (? or Esc closes)";
        super::help::popup(
            theme,
            crate::layout::help_popup(area),
            title,
            &lines,
            scroll,
            buf,
        );
    }
}

/// The list of briefings (those with the tag chosen, when one is).
fn entries(lib: &Library, theme: &Theme, list: Rect, buf: &mut Buffer) {
    let listed = lib.shown();
    let tag = lib
        .tag
        .as_ref()
        .map_or_else(String::new, |t| format!(" · tag: {t}"));
    let title = format!(
        "Briefings {}/{}{tag}",
        (lib.list.selected + 1).min(listed.len()),
        listed.len()
    );
    let inner = chrome::pane_block(theme, list, buf, &title, true);
    if listed.is_empty() {
        let empty = match &lib.tag {
            _ if lib.unread_files > 0 && lib.entries.is_empty() => {
                "Reading the folder's briefings…".to_owned()
            }
            Some(t) => format!("No briefing tagged “{t}”: t shows the next tag."),
            None => "No *.toml files in this folder.".to_owned(),
        };
        chrome::row(buf, inner, inner.y, &empty, theme.dim);
    }
    let shown = usize::from(inner.height) / ENTRY_ROWS;
    for (n, (i, e)) in listed
        .iter()
        .enumerate()
        .skip(lib.list.offset)
        .take(shown)
        .enumerate()
    {
        let y = inner.y + u16::try_from(n * ENTRY_ROWS).unwrap_or(u16::MAX);
        entry(theme, buf, inner, y, e, i == lib.list.selected);
    }
    chrome::scrollbar(
        list,
        buf,
        listed.len() * ENTRY_ROWS,
        lib.list.offset * ENTRY_ROWS,
        usize::from(inner.height),
    );
}

fn entry(theme: &Theme, buf: &mut Buffer, area: Rect, y: u16, e: &LibraryEntry, selected: bool) {
    let pick = |s: Style| if selected { s.patch(theme.selected) } else { s };
    let marker = if selected { "▸" } else { " " };
    match &e.info {
        Ok(s) => {
            let width = usize::from(area.width);
            chrome::row(
                buf,
                area,
                y,
                &text::truncate(&format!("{marker}{}", s.title), width),
                pick(theme.speaker),
            );
            // Tags after the title, dimmed, where it leaves room (issue 19).
            let used = 1 + text::width(&s.title);
            if !s.tags.is_empty() && used + 3 < width {
                let tags = format!("  #{}", s.tags.join(" #"));
                let x = area.x + u16::try_from(used).unwrap_or(u16::MAX);
                let room = width - used;
                buf.set_stringn(x, y, text::truncate(&tags, room), room, pick(theme.dim));
            }
            let mut facts: Vec<String> = Vec::new();
            facts.extend(s.source.clone());
            facts.extend(s.published.map(|d| d.to_string()));
            facts.push(text::count(s.sections, "section"));
            facts.push(text::count(s.quotes, "quote"));
            // Cut from the front facts, so the unread count and the file name stay.
            let mut kept = Vec::new();
            if let Some(u) = s.unread {
                kept.push(format!("{u} unread"));
            }
            kept.push(e.name.clone());
            let tail = format!(" · {}", kept.join(" · "));
            let room = width.saturating_sub(2 + text::width(&tail));
            let head = text::truncate(&facts.join(" · "), room);
            chrome::row(
                buf,
                area,
                y + 1,
                &text::truncate(&format!("  {head}{tail}"), width),
                pick(theme.dim),
            );
        }
        Err(first) => {
            let width = usize::from(area.width);
            chrome::row(
                buf,
                area,
                y,
                &text::truncate(&format!("{marker}✘ {} does not load", e.name), width),
                pick(theme.mark),
            );
            chrome::row(
                buf,
                area,
                y + 1,
                &text::truncate(&format!("  {first} (Enter: every error)"), width),
                pick(theme.dim),
            );
        }
    }
}

/// The status line: where the library is (with the query being typed, its end in
/// view), a notice cut to leave the key hints room, and the hints.
fn status(lib: &Library, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    buf.set_style(area, theme.status);
    let width = usize::from(area.width);
    // A query being typed shows its end, the caret, as a shell's line does.
    let prompt = |label: &str, text: &str| {
        let room = width.saturating_sub(text::width(label) + 3);
        format!(" {label}{}▏ ", chrome::truncate_start(text, room))
    };
    let place = match &lib.mode {
        _ if lib.help.is_some() => " HELP ".to_owned(),
        LibraryMode::Query { text, .. } => prompt("SEARCH THE LIBRARY /", text),
        LibraryMode::Waiting(..) => " LIBRARY: looking… ".to_owned(),
        LibraryMode::Results(r) => format!(
            " RESULTS {}/{} ",
            (r.list.selected + 1).min(r.hits.len()),
            r.hits.len()
        ),
        LibraryMode::Actors(a) if a.input == Input::Narrow => prompt("ACTORS /", &a.query),
        LibraryMode::Actors(_) => " ACTORS ".to_owned(),
        LibraryMode::Statements(s) => format!(
            " STATEMENTS {}/{} ",
            (s.list.selected + 1).min(s.statements.len()),
            s.statements.len()
        ),
        LibraryMode::List => format!(
            " LIBRARY {}/{} ",
            (lib.list.selected + 1).min(lib.shown().len()),
            lib.shown().len()
        ),
    };
    // In the library, Enter on the search line lists the hits (in a briefing it goes
    // to the next match): the hint says so.
    let searching = matches!(lib.mode, LibraryMode::Query { .. });
    let hints = settings.keymap.hints_with(
        lib.context(),
        settings.ascii(),
        |a| lib.acts(a),
        |e| {
            if searching && e.action == crate::app::Action::Accept {
                "list the hits across the library"
            } else {
                e.help
            }
        },
    );
    // A notice leaves the first hints room (up to half the line), cut with `…`.
    let mut place = text::truncate(&place, width);
    if let Some(n) = &lib.notice {
        let first: Vec<&str> = hints.iter().take(3).map(String::as_str).collect();
        let keep = (text::width(&first.join("  ")) + 3).min(width / 2);
        let room = width.saturating_sub(text::width(&place) + keep + 1);
        if room >= 2 {
            place = format!("{place}{} ", text::truncate(n, room - 1));
        }
    }
    chrome::row(
        buf,
        area,
        area.y,
        &place,
        theme.status.patch(theme.status_mode),
    );
    chrome::hints(theme, buf, area, text::width(&place), &hints);
}
