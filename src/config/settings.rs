//! What a run is set up with, from the config and the command line: the keymap and the
//! appearance (theme, colour, ASCII) that the reader and the library use, the mouse
//! and the clipboard. `main` calls `settings` and hands the result on; `resolve` is the
//! pure part, tested without files or environment.

use super::Config;
use crate::app::Settings;
use crate::load::diag::escape;
use crate::theme::{Appearance, Glyphs, Palette};
use std::path::PathBuf;

/// When to use colour (`--color`, or `color` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    #[value(help = "Colour unless NO_COLOR is set (and not empty)")]
    Auto,
    #[value(help = "Colour even when NO_COLOR is set")]
    Always,
    #[value(
        help = "No colour: focus, selection and marks shown by bold, reverse, underline, glyphs"
    )]
    Never,
}

impl ColorWhen {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "auto" => Some(Self::Auto),
            "always" => Some(Self::Always),
            "never" => Some(Self::Never),
            _ => None,
        }
    }
}

/// The command-line flags about the config and the look; global, so `brief keys
/// --config FILE` works as `brief --config FILE` does.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct LookArgs {
    #[arg(
        long,
        value_name = "FILE",
        value_hint = clap::ValueHint::FilePath,
        global = true,
        help = "Read this config file (default: $XDG_CONFIG_HOME/brief/config.toml, else ~/.config/brief/config.toml)"
    )]
    pub config: Option<PathBuf>,

    #[arg(
        long,
        value_enum,
        value_name = "WHEN",
        global = true,
        help = "Use colour: auto (none when NO_COLOR is set), always or never"
    )]
    pub color: Option<ColorWhen>,

    /// Draw borders, scrollbars and glyphs in ASCII only
    #[arg(long, global = true)]
    pub ascii: bool,
}

/// Everything the config and the flags decide for a run: the settings the reader and
/// the library run with, and how the run uses the terminal.
#[derive(Debug, Clone)]
pub struct Setup {
    pub settings: Settings,
    /// The config's `mouse` (default true); `--no-mouse` turns it off too.
    pub mouse: bool,
    /// The config's `clipboard` (default `auto`).
    pub clipboard: crate::config::ClipboardSetting,
}

impl Default for Setup {
    fn default() -> Self {
        resolve(Config::default(), &LookArgs::default(), false)
    }
}

/// Reads the config (`--config`, else the default path if the file exists) and
/// combines it with the flags and `NO_COLOR`. A config with problems is an error
/// listing them all.
pub fn settings(args: &LookArgs) -> Result<Setup, String> {
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        // A missing file at the default path just means no config.
        None => super::default_path().filter(|p| p.exists()),
    };
    tracing::debug!(config = ?path, "config file (None: the defaults)");
    let config = match path {
        Some(path) => super::load(&path).map_err(|r| {
            tracing::error!(config = %path.display(), errors = r.error_count(), "config refused");
            let what = if r.error_count() == 1 {
                "problem"
            } else {
                "problems"
            };
            format!(
                "the config {} has {} {what}:\n{}",
                escape(&path.display().to_string()),
                r.error_count(),
                r.render()
            )
        })?,
        None => Config::default(),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Ok(resolve(config, args, no_color))
}

/// Combines a config with the flags. Colour: `--color`, else the config's `color`,
/// else `auto`, where a non-empty `NO_COLOR` means none (the `NO_COLOR` convention: the
/// user's own config and flags win over the variable). The `mono` theme is never
/// coloured.
pub fn resolve(config: Config, args: &LookArgs, no_color: bool) -> Setup {
    let when = args.color.or(config.color).unwrap_or(ColorWhen::Auto);
    let coloured = match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => !no_color,
    };
    let palette = if coloured && config.palette == Palette::Colour {
        Palette::Colour
    } else {
        Palette::Mono
    };
    Setup {
        settings: Settings {
            keymap: config.keymap,
            appearance: Appearance {
                theme: config.theme,
                palette,
                glyphs: if args.ascii {
                    Glyphs::Ascii
                } else {
                    Glyphs::Unicode
                },
            },
            origin: crate::app::Origin::File,
        },
        mouse: config.mouse.unwrap_or(true),
        clipboard: config.clipboard.unwrap_or_default(),
    }
}
