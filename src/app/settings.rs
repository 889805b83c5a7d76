//! What lasts the whole run: the keymap, how the screen is drawn, and where the reader
//! was opened from. Built once (`config::settings` from the config file and the flags)
//! and passed by reference to `update` and to rendering, so a reload or a trip through
//! the library replaces the reading state and keeps these without copying anything.

use super::keymap::Keymap;
use crate::theme::{Appearance, Glyphs};

/// Where the reader was opened from, which decides what `q` and Backspace do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// A file on the command line (or the bundled briefing): `q` quits.
    #[default]
    File,
    /// The library (`brief DIR`): `q` and Backspace go back to the screen of it the
    /// briefing was opened from.
    Library(LibraryScreen),
}

/// The library screen a briefing was opened from, which `q` goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LibraryScreen {
    /// The list of briefings.
    #[default]
    List,
    /// The results of a search across the library.
    Results,
    /// An actor's statements across the library.
    Statements,
}

impl LibraryScreen {
    /// Where `q` goes, as the status line says it.
    pub fn name(self) -> &'static str {
        match self {
            LibraryScreen::List => "the library",
            LibraryScreen::Results => "the search results",
            LibraryScreen::Statements => "the statements",
        }
    }
}

impl Origin {
    /// Whether the briefing was opened from the library.
    pub fn is_library(self) -> bool {
        matches!(self, Origin::Library(_))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The keys: the defaults with the config's `[keys]` applied.
    pub keymap: Keymap,
    pub appearance: Appearance,
    pub origin: Origin,
}

impl Settings {
    /// Whether only ASCII may reach the screen (`--ascii`).
    pub fn ascii(&self) -> bool {
        self.appearance.glyphs == Glyphs::Ascii
    }

    /// These settings for a briefing opened from the library's `screen`.
    #[must_use]
    pub fn in_library(&self, screen: LibraryScreen) -> Self {
        Self {
            origin: Origin::Library(screen),
            ..self.clone()
        }
    }
}
