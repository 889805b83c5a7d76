//! The reload-errors panel: why the file on disk no longer loads, over the briefing
//! still being read. The lines are the loader's report, whose quoted text is escaped.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::layout;
use crate::theme::Theme;
use ratatui::buffer::Buffer;

/// First row of the panel: what happened, before the report itself.
const HEADLINE: &str = "The file changed and no longer loads; still showing the last good version.";

pub fn render(app: &App, settings: &Settings, lines: &[String], scroll: usize, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    panel(
        theme,
        app.geometry().area,
        "Reload failed",
        HEADLINE,
        lines,
        scroll,
        buf,
    );
}

/// A panel of a file's located errors under a headline, scrolled.
pub fn panel(
    theme: &Theme,
    screen: ratatui::layout::Rect,
    title: &str,
    headline: &str,
    lines: &[String],
    scroll: usize,
    buf: &mut Buffer,
) {
    let area = layout::help_popup(screen);
    let inner = chrome::popup_block(theme, area, buf, title);
    if inner.height == 0 {
        return;
    }
    // The headline wraps, so it reads whole at any width; the report lines are cut,
    // since wrapping would break the caret under each snippet.
    let head = crate::text::wrap(headline, usize::from(inner.width));
    let head_rows = head.len().min(usize::from(inner.height));
    for (n, text) in head.iter().take(head_rows).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, text, theme.heading);
    }
    let rows = usize::from(inner.height) - head_rows;
    for (n, text) in lines.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + u16::try_from(head_rows + n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, text, ratatui::style::Style::new());
    }
    chrome::scrollbar(area, buf, lines.len(), scroll, rows);
}
