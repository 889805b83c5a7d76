//! The help popup, generated from the session's keymap: every context, every key, as
//! the config left them.

use super::chrome;
use super::theme::THEME;
use crate::app::App;
use crate::app::keymap::{Context, Keymap, entry_keys};
use crate::layout;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Width of the keys column.
const KEYS_COLUMNS: usize = 24;

/// The help text, one entry per row: a heading or (keys, what they do).
fn entries(map: &Keymap, ascii: bool) -> Vec<(String, Option<&'static str>)> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        if !out.is_empty() {
            out.push((String::new(), None));
        }
        out.push((ctx.title().to_owned(), None));
        for e in map.entries(ctx) {
            out.push((entry_keys(&e, " / ", ascii), Some(e.help)));
        }
        if ctx.types() {
            out.push(("other characters".to_owned(), Some("typed into the query")));
        }
    }
    out.push((String::new(), None));
    out.push(("What the marks mean".to_owned(), None));
    for (mark, meaning) in MARKS {
        out.push(((*mark).to_owned(), Some(*meaning)));
    }
    out
}

/// The glyphs the screens use, explained after the keys.
const MARKS: &[(&str, &str)] = &[
    ("✔ asserts", "the actor says the claim is true"),
    ("~ likely", "the actor says it is likely"),
    ("? undecided", "the actor will not say yet"),
    ("✘ denies", "the actor says it is false"),
    (
        "✘ denies · 1✔ 1?",
        "folded cell: the state's own stance, then its members' counted",
    ),
    ("✘ +1✔ 1?", "the same, short, on a narrow screen"),
    (
        "member: ~ likely",
        "folded cell where only members take a position",
    ),
    ("• / ★", "unread / starred quote (o / * with --ascii)"),
];

/// Rows the help takes, for scrolling.
pub fn line_count(map: &Keymap) -> usize {
    entries(map, false).len()
}

pub fn render(app: &App, area: Rect, scroll: usize, buf: &mut Buffer) {
    let area = layout::help_popup(area);
    let inner = chrome::popup_block(area, buf, "Keys");
    let entries = entries(&app.keys.map, app.glyphs == super::theme::Glyphs::Ascii);
    let rows = usize::from(inner.height);
    for (n, (keys, help)) in entries.iter().skip(scroll).take(rows).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let line = match help {
            None => Line::styled(keys.as_str(), THEME.heading),
            Some(help) => {
                let pad = KEYS_COLUMNS.saturating_sub(text::width(keys));
                Line::from(vec![
                    Span::styled(format!("  {keys}{}", " ".repeat(pad)), THEME.key),
                    Span::raw(*help),
                ])
            }
        };
        chrome::line(buf, inner, y, &line);
    }
    chrome::scrollbar(area, buf, entries.len(), scroll, rows);
}
