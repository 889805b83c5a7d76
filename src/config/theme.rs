//! `[theme]` checked and applied: the built-in theme, style names, colours.

use super::raw::{RawStyle, RawTheme};
use super::suggest;
use crate::load::diag::Diagnostic;
use crate::theme::{Palette, STYLES, Theme};
use ratatui::style::{Color, Modifier, Style};
use toml::Spanned;

/// The colour names a style takes, with what they mean.
pub const COLOURS: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// The attributes a style turns on, as the config names them.
pub const ATTRIBUTES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reverse", Modifier::REVERSED),
];

/// The theme `[theme]` asks for, and whether it is `mono`. Problems go to `diags`.
pub fn theme(raw: &RawTheme, diags: &mut Vec<Diagnostic>) -> (Theme, Palette) {
    let (mut theme, palette) = match raw.name.as_ref().map(|n| (n.get_ref().as_str(), n)) {
        None | Some(("dark", _)) => (Theme::DARK, Palette::Colour),
        Some(("light", _)) => (Theme::LIGHT, Palette::Colour),
        Some(("mono", _)) => (Theme::DARK, Palette::Mono),
        Some((other, name)) => {
            diags.push(Diagnostic::error(
                Some(name.span()),
                format!("unknown theme `{other}`: the themes are `dark`, `light` and `mono`"),
            ));
            (Theme::DARK, Palette::Colour)
        }
    };
    for (name, style) in &raw.styles {
        let parsed = parse_style(style.get_ref(), diags);
        match theme.style_mut(name.get_ref()) {
            Some(slot) => *slot = parsed,
            None => diags.push(Diagnostic::error(
                Some(name.span()),
                unknown_style(name.get_ref()),
            )),
        }
    }
    (theme, palette)
}

fn unknown_style(name: &str) -> String {
    let hint = suggest(name, STYLES.iter().map(|s| s.0))
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    format!("unknown style `{name}`{hint}: `brief config --default` lists every style")
}

/// A style from the config: it replaces the theme's style whole.
fn parse_style(raw: &RawStyle, diags: &mut Vec<Diagnostic>) -> Style {
    let mut style = Style::new();
    if let Some(c) = raw.fg.as_ref().and_then(|c| colour(c, diags)) {
        style = style.fg(c);
    }
    if let Some(c) = raw.bg.as_ref().and_then(|c| colour(c, diags)) {
        style = style.bg(c);
    }
    let on = [raw.bold, raw.dim, raw.italic, raw.underline, raw.reverse];
    for (&(_, m), on) in ATTRIBUTES.iter().zip(on) {
        if on == Some(true) {
            style = style.add_modifier(m);
        }
    }
    style
}

fn colour(text: &Spanned<String>, diags: &mut Vec<Diagnostic>) -> Option<Color> {
    let parsed = parse_colour(text.get_ref());
    if parsed.is_none() {
        diags.push(Diagnostic::error(
            Some(text.span()),
            format!(
                "unknown colour `{}`: use `default`, one of the 16 ANSI colours (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white) or `#rrggbb`",
                text.get_ref()
            ),
        ));
    }
    parsed
}

/// A colour by name (`dark-gray`; `grey` and `_` are accepted too) or `#rrggbb`.
pub fn parse_colour(text: &str) -> Option<Color> {
    if let Some(hex) = text.strip_prefix('#') {
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return (hex.len() == 6 && hex.is_ascii())
            .then(|| Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?)))
            .flatten();
    }
    let name = text
        .to_ascii_lowercase()
        .replace('_', "-")
        .replace("grey", "gray");
    COLOURS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// A colour as the config writes it.
pub fn colour_name(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        c => COLOURS
            .iter()
            .find(|(_, k)| *k == c)
            .map_or_else(|| "default".to_owned(), |(n, _)| (*n).to_owned()),
    }
}

/// A style as the config writes it: `{ fg = "cyan", bold = true }`.
pub fn style_toml(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(c) = s.fg {
        parts.push(format!("fg = \"{}\"", colour_name(c)));
    }
    if let Some(c) = s.bg {
        parts.push(format!("bg = \"{}\"", colour_name(c)));
    }
    for (name, m) in ATTRIBUTES {
        if s.add_modifier.contains(*m) {
            parts.push(format!("{name} = true"));
        }
    }
    if parts.is_empty() {
        "{}".to_owned()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}
