//! The outline and starred-quotes popup: a list of rows, the cursor in reverse video.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::picker::Picker;
use crate::layout;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::style::Style;

pub fn render(app: &App, settings: &Settings, p: &Picker, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::help_popup(app.geometry().area);
    let inner = chrome::popup_block(theme, area, buf, &p.title());
    let rows = usize::from(inner.height);
    if p.rows.is_empty() {
        chrome::row(
            buf,
            inner,
            inner.y,
            "Nothing here yet: s stars the selected quote.",
            theme.dim,
        );
        return;
    }
    for n in (p.offset..p.rows.len()).take(rows) {
        let label = p.label(n, &app.briefing, &app.marks);
        let y = inner.y + u16::try_from(n - p.offset).unwrap_or(u16::MAX);
        let style = if n == p.cursor {
            theme.selected
        } else {
            Style::new()
        };
        chrome::row(
            buf,
            inner,
            y,
            &text::truncate(&label, usize::from(inner.width)),
            style,
        );
    }
    chrome::scrollbar(area, buf, p.rows.len(), p.offset, rows);
}
