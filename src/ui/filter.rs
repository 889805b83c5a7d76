//! The actor filter popup: actors in tree order with kind and quote count, a checkbox
//! for the chosen ones, and the narrowing query on its first row.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::filter::{FilterPopup, Input};
use crate::layout;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Columns for the kind and count at the right of each row.
const KIND_COLUMNS: usize = 13;
const COUNT_COLUMNS: usize = 4;

pub fn render(app: &App, settings: &Settings, popup: &FilterPopup, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::filter_popup(app.geometry().area);
    let title = format!(
        "Actors {}/{} · {} chosen",
        popup.rows.len(),
        app.actors.rows.len(),
        app.filter.chosen.len()
    );
    let inner = chrome::popup_block(theme, area, buf, &title);
    if inner.height == 0 {
        return;
    }
    let query = match (popup.input, popup.query.is_empty()) {
        (Input::Typing, _) => Line::from(vec![
            Span::styled("/", theme.key),
            Span::raw(popup.query.as_str()),
            Span::styled("█", theme.dim),
        ]),
        (Input::Browse, false) => Line::from(vec![
            Span::styled("/", theme.key),
            Span::raw(popup.query.as_str()),
        ]),
        (Input::Browse, true) => Line::styled("/ to narrow · Space to choose", theme.dim),
    };
    chrome::line(buf, inner, inner.y, &query);
    let list = ratatui::layout::Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let width = usize::from(list.width);
    if popup.rows.is_empty() {
        chrome::row(buf, list, list.y, "No actor matches", theme.dim);
    }
    let b = &app.briefing;
    for (n, &r) in popup
        .rows
        .iter()
        .enumerate()
        .skip(popup.offset)
        .take(usize::from(list.height))
    {
        let (actor, depth) = app.actors.rows[r];
        let y = list.y + u16::try_from(n - popup.offset).unwrap_or(u16::MAX);
        let a = b.actor(actor);
        let chosen = app.filter.chosen.contains(&actor);
        let included = !chosen
            && app
                .filter
                .selects
                .get(actor.get())
                .copied()
                .unwrap_or(false);
        let check = if chosen {
            "[x] "
        } else if included {
            "[+] "
        } else {
            "[ ] "
        };
        let tail = format!(
            "{:>k$}{:>c$}",
            a.kind.name(),
            app.actors.reach[actor.get()],
            k = KIND_COLUMNS,
            c = COUNT_COLUMNS
        );
        let indent = "  ".repeat(depth.min(8));
        let name_width = width.saturating_sub(check.len() + indent.len() + tail.len());
        let name = text::truncate(&a.name, name_width);
        let pad = name_width.saturating_sub(text::width(&name));
        let base = if n == popup.cursor {
            theme.selected
        } else {
            Style::new()
        };
        let check_style = if chosen { theme.chosen } else { Style::new() };
        buf.set_style(
            ratatui::layout::Rect {
                y,
                height: 1,
                ..list
            },
            base,
        );
        let line = Line::from(vec![
            Span::styled(check, check_style.patch(base)),
            Span::styled(format!("{indent}{name}{}", " ".repeat(pad)), base),
            Span::styled(tail, theme.dim.patch(base)),
        ]);
        chrome::line(buf, list, y, &line);
    }
    chrome::scrollbar(
        area,
        buf,
        popup.rows.len(),
        popup.offset,
        usize::from(list.height),
    );
}
