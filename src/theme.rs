//! Styles, in one place: the built-in themes (`dark`, `light`; `mono` is dark without
//! colour), the named styles the config overrides, and how a drawn screen loses its
//! colour. The built-ins use only the 16 ANSI colours, so the terminal's palette
//! decides how they look; every state that matters also has a non-colour mark (bold,
//! reverse, underline, a glyph), so the reader works without colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Every style's name in the config's `[theme]`, and what it draws.
#[rustfmt::skip]
pub const STYLES: &[(&str, &str)] = &[
    ("title", "titles: the briefing's, and unfocused panes'"),
    ("dim", "secondary text: dek, dates, sections with no match, notes"),
    ("border", "pane borders"),
    ("focus-border", "the focused pane's border and title, popups, the current view tab"),
    ("selected", "the selected row (laid over the row's own style)"),
    ("heading", "headings in the reader, views, help and popups"),
    ("highlight", "the filtered actors' names in the reader"),
    ("quote-bar", "the bar before quotes in the reader"),
    ("quote-text", "quoted words"),
    ("mark", "the quote a jump landed on, a quote in its source's text, flags such as contested claims"),
    ("speaker", "speakers' names"),
    ("status", "the status line"),
    ("status-mode", "where you are, in the status line"),
    ("key", "keys in the help"),
    ("chosen", "chosen actors in the actor filter"),
    ("search", "search matches"),
    ("search-current", "the current search match"),
];

impl Theme {
    pub const DARK: Theme = Theme {
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

    /// For light backgrounds: yellow and cyan, unreadable on white, give way to
    /// magenta and blue; the marks that do not depend on colour are the same.
    pub const LIGHT: Theme = Theme {
        border_focus: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        highlight: Style::new()
            .fg(Color::Magenta)
            .add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
        mark: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
        search_current: Style::new().fg(Color::Magenta).add_modifier(
            Modifier::REVERSED
                .union(Modifier::BOLD)
                .union(Modifier::UNDERLINED),
        ),
        ..Theme::DARK
    };

    /// A style by its config name.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "title" => &mut self.title,
            "dim" => &mut self.dim,
            "border" => &mut self.border,
            "focus-border" => &mut self.border_focus,
            "selected" => &mut self.selected,
            "heading" => &mut self.heading,
            "highlight" => &mut self.highlight,
            "quote-bar" => &mut self.quote_bar,
            "quote-text" => &mut self.quote_text,
            "mark" => &mut self.mark,
            "speaker" => &mut self.speaker,
            "status" => &mut self.status,
            "status-mode" => &mut self.status_mode,
            "key" => &mut self.key,
            "chosen" => &mut self.chosen,
            "search" => &mut self.search,
            "search-current" => &mut self.search_current,
            _ => return None,
        })
    }

    pub fn style(&self, name: &str) -> Option<Style> {
        let mut copy = *self;
        copy.style_mut(name).map(|s| *s)
    }
}

/// Whether the screen may use colour (`NO_COLOR`, `--color never` and the `mono`
/// theme say no).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    #[default]
    Colour,
    Mono,
}

/// Whether the screen may show any character, or only ASCII (`--ascii`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Glyphs {
    #[default]
    Unicode,
    Ascii,
}

/// How a screen is drawn: the styles, whether colour survives, whether only ASCII may
/// reach the terminal. Part of the run's `Settings`, handed to rendering with the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appearance {
    pub theme: Theme,
    pub palette: Palette,
    pub glyphs: Glyphs,
}

impl Default for Appearance {
    fn default() -> Self {
        Self {
            theme: Theme::DARK,
            palette: Palette::Colour,
            glyphs: Glyphs::Unicode,
        }
    }
}

impl Appearance {
    /// Takes colour and non-ASCII out of a drawn screen, as the palette and the glyphs
    /// ask (the drawing itself used `theme`).
    pub fn finish(&self, buf: &mut Buffer) {
        if self.palette == Palette::Mono {
            strip_colour(buf);
        }
        if self.glyphs == Glyphs::Ascii {
            crate::ascii::only_ascii(buf);
        }
    }
}

use ratatui::buffer::Buffer;

/// Removes every colour from a drawn screen, keeping bold, reverse, underline and dim:
/// everything that matters is also marked that way, so nothing is lost but the hue.
pub fn strip_colour(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
        cell.underline_color = Color::Reset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_style_exists_and_no_other() {
        let mut t = Theme::DARK;
        for (name, _) in STYLES {
            assert!(t.style_mut(name).is_some(), "{name}");
        }
        assert!(t.style_mut("focus_border").is_none());
    }

    #[test]
    fn the_built_in_themes_use_only_the_16_ansi_colours() {
        for theme in [Theme::DARK, Theme::LIGHT] {
            for (name, _) in STYLES {
                let s = theme.style(name).unwrap();
                for c in [s.fg, s.bg, s.underline_color].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(_)),
                        "{name}: {c:?}"
                    );
                }
            }
        }
    }
}
