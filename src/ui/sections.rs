//! The Sections pane: one row per section with its quote count (matches, when filtered).

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::layout::Pane;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let b = &app.briefing;
    let n = b.sections.len();
    let title = format!(
        "Sections {}/{n}",
        if n == 0 { 0 } else { app.sections.selected + 1 }
    );
    let inner = chrome::pane_block(theme, area, buf, &title, app.focus == Pane::Sections);
    let rows = usize::from(inner.height);
    let filtered = app.filter.is_active();
    for (i, s) in b
        .sections
        .iter()
        .enumerate()
        .skip(app.sections.offset)
        .take(rows)
    {
        let y = inner.y + u16::try_from(i - app.sections.offset).unwrap_or(u16::MAX);
        let count = if filtered {
            app.filter.per_section[i]
        } else {
            s.quotes.len()
        };
        let selected = i == app.sections.selected;
        let mut style = if filtered && count == 0 {
            theme.dim
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            style = style.patch(theme.selected);
        }
        let marker = if selected { "▸" } else { " " };
        // Filtered: matches of all the section's quotes, so "0/5" reads as "none of 5".
        let count = if filtered {
            format!(" {count}/{}", s.quotes.len())
        } else {
            format!(" {count}")
        };
        let label_width = usize::from(inner.width).saturating_sub(text::width(&count));
        let label = text::truncate(&format!("{marker}{} {}", i + 1, s.title), label_width);
        let pad = label_width.saturating_sub(text::width(&label));
        chrome::row(
            buf,
            inner,
            y,
            &format!("{label}{}{count}", " ".repeat(pad)),
            style,
        );
    }
    chrome::scrollbar(area, buf, n, app.sections.offset, rows);
}
