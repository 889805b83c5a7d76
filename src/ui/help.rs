//! The help popup, generated from the session's keymap (`Keymap::help_lines`): every
//! context, every key, as the config left them, then what the marks mean.

use super::chrome;
use crate::app::Settings;
use crate::app::keymap::{HELP_KEYS, HelpLine};
use crate::app::{App, Mode};
use crate::layout;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub fn render(app: &App, settings: &Settings, area: Rect, scroll: usize, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let area = layout::help_popup(area);
    let title = match &app.mode {
        Mode::Help { query, .. } if !query.is_empty() => format!("Keys matching /{query}"),
        _ => "Keys".to_owned(),
    };
    let lines = app.help_lines(settings);
    popup(theme, area, &title, &lines, scroll, buf);
}

/// A help popup in `area`: `lines` (`Keymap::help_lines` or `screen_help`) from
/// `scroll`, never past their end.
pub fn popup(
    theme: &crate::theme::Theme,
    area: Rect,
    title: &str,
    lines: &[HelpLine],
    scroll: usize,
    buf: &mut Buffer,
) {
    let inner = chrome::popup_block(theme, area, buf, title);
    let rows = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    if lines.is_empty() {
        chrome::row(buf, inner, inner.y, "No key matches", theme.dim);
    }
    let keys_w = if usize::from(inner.width) >= HELP_KEYS + 20 {
        HELP_KEYS
    } else {
        0
    };
    for (n, l) in lines.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let line = match l {
            HelpLine::Blank => Line::raw(""),
            HelpLine::Heading(h) => Line::styled(h.as_str(), theme.heading),
            HelpLine::Entry { keys, help } if keys_w > 0 => {
                let pad = keys_w.saturating_sub(text::width(keys));
                Line::from(vec![
                    Span::styled(format!("  {keys}{}", " ".repeat(pad)), theme.key),
                    Span::raw(help.as_str()),
                ])
            }
            HelpLine::Entry { keys, help } => Line::from(vec![
                Span::styled(format!("  {keys}"), theme.key),
                Span::raw(help.as_str()),
            ]),
        };
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, lines.len(), scroll, rows);
}
