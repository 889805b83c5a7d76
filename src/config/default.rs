//! `brief config --default`: the whole default config, generated from the keymap
//! table and the dark theme, so it cannot drift from them; it loads as is and gives
//! exactly the defaults (a test checks both).

use super::theme::style_toml;
use crate::app::keymap::map::sequence_config;
use crate::app::keymap::{ACTIONS, Keymap};
use crate::theme::{STYLES, Theme};
use std::fmt::Write as _;

const HEAD: &str = r#"# brief's configuration, every setting at its default.
# Save as $XDG_CONFIG_HOME/brief/config.toml (~/.config/brief/config.toml), or
# pass --config FILE. Leave out what you do not change. See docs/config.md.

# Capture the mouse (the wheel scrolls, a click focuses). false leaves the
# terminal's own text selection working, as --no-mouse does.
mouse = true

# Colour: "auto" (none when NO_COLOR is set), "always" or "never". --color wins.
color = "auto"

# Where y and Y copy to: "auto" (the system clipboard when there is one here, not
# over SSH; else tmux's buffer inside tmux; else OSC 52 to the terminal, each
# falling back to the next), "system" (wl-copy, xclip, xsel or pbcopy), "tmux"
# (tmux load-buffer -w), "osc52" (the terminal's clipboard sequence) or "none".
clipboard = "auto"

[keys]
# Each action takes a list of keys, which replaces its default keys everywhere
# the action applies; [] leaves it with none. A key is one character ("q", "G",
# "?"), a name (enter, esc, tab, shift-tab, backspace, space, up, down, left,
# right, home, end, pgup, pgdn), either after ctrl- ("ctrl-c"), or a sequence of
# up to three keys ("g g"). While typing a query, keys that type a character do
# not act. Ctrl-c quits wherever it is not bound to something else.
"#;

const THEME_HEAD: &str = r##"
[theme]
# "dark" (the default), "light" (for light backgrounds) or "mono" (no colour).
name = "dark"
# A style overrides the theme's whole: { fg = COLOUR, bg = COLOUR, and any of
# bold, dim, italic, underline, reverse = true }. Colours: "default", the 16
# ANSI colours (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray,
# light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan,
# white) or "#rrggbb". The dark theme's own styles, to start from:
"##;

/// The default config's text.
pub fn text() -> String {
    let mut out = HEAD.to_owned();
    for (name, what) in ACTIONS.iter() {
        let keys = Keymap::default_keys(name)
            .unwrap_or_default()
            .iter()
            .map(|k| format!("\"{}\"", escape(&sequence_config(&[*k]))))
            .collect::<Vec<_>>()
            .join(", ");
        let entry = format!("{name} = [{keys}]");
        let _ = writeln!(out, "{entry:<32}# {what}");
    }
    out.push_str(THEME_HEAD);
    for (name, what) in STYLES {
        let style = Theme::DARK.style(name).unwrap_or_default();
        let entry = format!("# {name} = {}", style_toml(style));
        let _ = writeln!(out, "{entry:<56}# {what}");
    }
    out
}

/// A key inside a TOML basic string.
fn escape(key: &str) -> String {
    key.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The action and style tables of docs/config.md (a test keeps the file in step).
pub fn reference_markdown() -> String {
    let mut out = String::from("\n| Action | Default keys | What it does |\n|---|---|---|\n");
    for (name, what) in ACTIONS.iter() {
        let keys = Keymap::default_keys(name)
            .unwrap_or_default()
            .iter()
            .map(|k| format!("`{}`", sequence_config(&[*k])))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(out, "| `{name}` | {keys} | {what} |");
    }
    out.push_str("\n| Style | Dark theme | Light theme | What it draws |\n|---|---|---|---|\n");
    for (name, what) in STYLES {
        let dark = style_toml(Theme::DARK.style(name).unwrap_or_default());
        let light = style_toml(Theme::LIGHT.style(name).unwrap_or_default());
        let _ = writeln!(out, "| `{name}` | `{dark}` | `{light}` | {what} |");
    }
    out
}
