//! Issue 20's popups and strip: the change list of the last reload (`D`), the Claims
//! view's history strip for the selected cell (`H`), and a cell's positions across
//! time (Enter on a cell with history).

use super::chrome;
use crate::app::Settings;
use crate::app::changes::ChangeKind as Kind;
use crate::app::state::{App, ListState};
use crate::layout;
use crate::text;
use crate::views::history;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The mark before a change: added, removed, changed, moved.
fn glyph(kind: Kind) -> &'static str {
    match kind {
        Kind::Added => "+",
        Kind::Removed => "-",
        Kind::Changed => "~",
        Kind::Moved => ">",
    }
}

pub fn render_list(app: &App, settings: &Settings, list: &ListState, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::help_popup(app.geometry().area);
    let title = match &app.changes.rows {
        Some(rows) => format!("Changes on reload ({})", rows.len()),
        None => "Changes on reload".to_owned(),
    };
    let inner = chrome::popup_block(theme, area, buf, &title);
    let empty = match &app.changes.rows {
        None => Some("No reload yet: when the file changes on disk, what changed shows here."),
        Some(r) if r.is_empty() => Some("The last reload changed nothing."),
        Some(_) => None,
    };
    let rows = app.changes.rows.as_deref().unwrap_or_default();
    if let Some(text) = empty {
        chrome::message(buf, inner, text, theme.dim);
        return;
    }
    let visible = usize::from(inner.height);
    let width = usize::from(inner.width);
    for n in (list.offset..rows.len()).take(visible) {
        let r = &rows[n];
        let y = inner.y + u16::try_from(n - list.offset).unwrap_or(u16::MAX);
        let base = if n == list.selected {
            theme.selected
        } else {
            Style::new()
        };
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        let line = Line::from(vec![
            Span::styled(format!("{} ", glyph(r.kind)), theme.mark.patch(base)),
            Span::styled(text::truncate(&r.text, width.saturating_sub(2)), base),
        ]);
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, rows.len(), list.offset, visible);
}

/// The strip under the Claims view: the selected cell's stances across time.
pub fn render_strip(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let inner = chrome::pane_block(theme, area, buf, "History", false);
    let width = usize::from(inner.width);
    let ascii = settings.ascii();
    let lines: Vec<(String, Style)> = match app.selected_cell() {
        None => vec![(
            "Select a cell to see its stances across time.".to_owned(),
            theme.dim,
        )],
        Some((c, a)) => {
            let b = &app.briefing;
            let head = format!("{} on “{}”", b.actor(a).name, b.claim(c).statement);
            let cell = app.stances.cell(c, a).and_then(|i| app.stances.get(i));
            let trail = match cell {
                Some(cell) if !cell.earlier.is_empty() => {
                    (history::trail(b, cell, ascii), Style::new())
                }
                _ => (
                    "no stance in the folder's earlier briefings".to_owned(),
                    theme.dim,
                ),
            };
            let more = if cell.is_some_and(|c| !c.earlier.is_empty()) {
                "Enter lists the positions with their quotes"
            } else {
                ""
            };
            vec![
                (text::truncate(&head, width), theme.heading),
                trail,
                (more.to_owned(), theme.dim),
            ]
        }
    };
    let mut y = inner.y;
    for (text, style) in lines {
        for l in text::wrap(&text, width.max(8)) {
            if y >= inner.y + inner.height {
                return;
            }
            chrome::row(buf, inner, y, &l, style);
            y += 1;
        }
    }
}

/// A cell's positions across time, oldest first, with their quotes.
pub fn render_history(
    app: &App,
    settings: &Settings,
    cell: usize,
    scroll: usize,
    buf: &mut Buffer,
) {
    let theme = &settings.appearance.theme;
    let area = layout::detail_popup(app.geometry().area);
    let inner = chrome::popup_block(theme, area, buf, "Stances across time");
    let lines = app.history_lines(cell, inner.width);
    let rows = usize::from(inner.height);
    for (n, l) in lines.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let style = if n + scroll == 0 {
            theme.heading
        } else if l.starts_with("  “") {
            theme.quote_text
        } else {
            Style::new()
        };
        chrome::row(buf, inner, y, l, style);
    }
    chrome::scrollbar(area, buf, lines.len(), scroll, rows);
}
