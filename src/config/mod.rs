//! The config file: `[keys]`, `[theme]`, `color` and `mouse`, read from
//! `$XDG_CONFIG_HOME/brief/config.toml` (else `~/.config/brief/config.toml`) or
//! `--config FILE`. It is read with the loader's diagnostics, so a bad config reads
//! like a bad briefing: every problem at once, each `FILE:LINE:COL: error: MESSAGE`
//! with its line and a caret, and brief does not start.

mod clipboard;
pub mod command;
pub mod default;
mod keys;
pub mod raw;
pub mod settings;
pub mod theme;

pub use clipboard::ClipboardSetting;
pub use settings::{ColorWhen, LookArgs, Setup, settings};

use crate::app::keymap::Keymap;
use crate::load::diag::Diagnostic;
use crate::load::{Report, source, syntax};
use crate::theme::{Palette, Theme};
use std::path::{Path, PathBuf};

/// A config that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// `Mono` for the `mono` theme.
    pub palette: Palette,
    pub color: Option<ColorWhen>,
    pub mouse: Option<bool>,
    pub clipboard: Option<ClipboardSetting>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            keymap: Keymap::defaults().clone(),
            theme: Theme::DARK,
            palette: Palette::Colour,
            color: None,
            mouse: None,
            clipboard: None,
        }
    }
}

/// Where the config is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    env("XDG_CONFIG_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".config")))
        .map(|d| d.join("brief").join("config.toml"))
}

/// Reads a config file (bounded, as briefings are).
pub fn load(path: &Path) -> Result<Config, Report> {
    let name = path.display().to_string();
    let one = |text: String, d: Diagnostic| Report::new(&name, text, vec![d]);
    let bytes = source::read_regular_or_null(path, source::MAX_FILE_BYTES, "a config")
        .map_err(|m| one(String::new(), Diagnostic::error(None, m)))?;
    let text = source::decode(&bytes).map_err(|(d, valid)| one(valid, d))?;
    parse(&name, &text)
}

/// Checks a config's text; `name` is what messages call the file.
pub fn parse(name: &str, text: &str) -> Result<Config, Report> {
    let report = |diagnostics| Report::new(name, text.to_owned(), diagnostics);
    let raw: raw::RawConfig =
        toml::from_str(text).map_err(|e| report(vec![syntax::diagnostic(text, &e)]))?;
    let mut diags = Vec::new();
    let keymap = keys::keymap(&raw.keys, &mut diags);
    let (theme, palette) = theme::theme(&raw.theme, &mut diags);
    let color = raw.color.as_ref().and_then(|c| {
        let when = ColorWhen::parse(c.get_ref());
        if when.is_none() {
            diags.push(Diagnostic::error(
                Some(c.span()),
                format!(
                    "unknown colour setting `{}`: use `auto`, `always` or `never`",
                    c.get_ref()
                ),
            ));
        }
        when
    });
    let clipboard = raw.clipboard.as_ref().and_then(|c| {
        let setting = ClipboardSetting::parse(c.get_ref());
        if setting.is_none() {
            diags.push(Diagnostic::error(
                Some(c.span()),
                format!(
                    "unknown clipboard setting `{}`: use `auto`, `system`, `tmux`, `osc52` or `none`",
                    crate::load::diag::escape(c.get_ref())
                ),
            ));
        }
        setting
    });
    if diags.is_empty() {
        Ok(Config {
            keymap,
            theme,
            palette,
            color,
            mouse: raw.mouse,
            clipboard,
        })
    } else {
        // In file order, whichever check found them.
        diags.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
        Err(report(diags))
    }
}

/// The candidate a mistyped name most likely meant: the same but for case, `_` or
/// `-`, or at most two edits away.
fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_ascii_lowercase().replace('-', "_");
    candidates
        .map(|c| {
            let d = if norm(c) == norm(name) {
                0
            } else {
                strsim::levenshtein(&norm(c), &norm(name))
            };
            (d, c)
        })
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let names = ["quit", "focus-border", "next_match"];
        assert_eq!(suggest("quitt", names.into_iter()), Some("quit"));
        assert_eq!(
            suggest("focus_border", names.into_iter()),
            Some("focus-border")
        );
        assert_eq!(suggest("Next-Match", names.into_iter()), Some("next_match"));
        assert_eq!(suggest("zoom", names.into_iter()), None);
    }
}
