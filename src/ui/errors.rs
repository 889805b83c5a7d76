//! The reload-errors panel: why the file on disk no longer loads, over the briefing
//! still being read. The lines are the loader's report, whose quoted text is escaped.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::library::{RELOAD_HEADLINE, panel_layout, report_rows};
use crate::layout;
use crate::theme::Theme;
use ratatui::buffer::Buffer;

pub fn render(app: &App, settings: &Settings, lines: &[String], scroll: usize, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    panel(
        theme,
        app.geometry().area,
        "Reload failed",
        RELOAD_HEADLINE,
        lines,
        scroll,
        buf,
    );
}

/// A panel of a file's located errors under a headline, scrolled by rows. The
/// headline wraps; so does a report line too long for the panel, its continuation
/// indented (`report_rows`: a line that fits, such as a snippet's caret, is left as
/// it is).
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
    let (_, head, max) = panel_layout(screen, headline, lines);
    for (n, text) in head.iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, text, theme.heading);
    }
    let rows = usize::from(inner.height) - head.len();
    let report = report_rows(lines, usize::from(inner.width));
    let scroll = scroll.min(max);
    for (n, text) in report.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + u16::try_from(head.len() + n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, text, ratatui::style::Style::new());
    }
    chrome::scrollbar(area, buf, report.len(), scroll, rows);
}
