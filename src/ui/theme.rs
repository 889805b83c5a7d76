//! Styles, in one place. Only the 16 ANSI colours, so the terminal's palette decides
//! how they look; every state that matters also has a non-colour mark (bold, reverse,
//! underline, a glyph), so the reader works without colour.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub heading: Style,
    pub highlight: Style,
    pub quote_bar: Style,
    pub quote_text: Style,
    pub mark: Style,
    pub speaker: Style,
    pub status: Style,
    pub status_mode: Style,
    pub key: Style,
    pub chosen: Style,
    pub search: Style,
    pub search_current: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    // DIM as well as grey, so dimmed rows stay dimmed without colour.
    dim: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    highlight: Style::new()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    quote_bar: Style::new().fg(Color::Blue),
    quote_text: Style::new().add_modifier(Modifier::ITALIC),
    mark: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    speaker: Style::new().add_modifier(Modifier::BOLD),
    status: Style::new().add_modifier(Modifier::REVERSED),
    status_mode: Style::new().add_modifier(Modifier::BOLD),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    search: Style::new().add_modifier(Modifier::REVERSED),
    search_current: Style::new().fg(Color::Yellow).add_modifier(
        Modifier::REVERSED
            .union(Modifier::BOLD)
            .union(Modifier::UNDERLINED),
    ),
    chosen: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
};

/// Whether the screen may use colour (`NO_COLOR` and `--color never` say no).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    #[default]
    Colour,
    Mono,
}

/// Removes every colour from a drawn screen, keeping bold, reverse, underline and dim:
/// everything that matters is also marked that way, so nothing is lost but the hue.
pub fn strip_colour(buf: &mut ratatui::buffer::Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}
