//! The run: everything that does I/O around the pure state machine. It reads one
//! briefing (`reader`) or browses a folder of them (`library`) in the terminal
//! (`terminal`, the only crossterm code), reloads a file that changes (`reload`),
//! remembers the place (`session`, `store`) and lists a folder (`scan`).

pub mod changes;
pub mod clipboard;
pub mod library;
pub mod library_index;
pub mod reader;
pub mod reload;
pub mod scan;
pub mod session;
pub mod store;
pub mod terminal;

use crate::app::Settings;
use crate::load::{self, Loaded, Report};
use std::path::{Path, PathBuf};

pub use library::browse;
pub use reader::read_file;

/// How a run uses the terminal and where state lives, beside the settings the reader
/// and the library run with.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where the place is remembered (`None`: `--no-state`).
    pub state_dir: Option<PathBuf>,
    /// Where the library's index is kept (`None`: `--no-cache`, or no folder for it).
    pub cache_dir: Option<PathBuf>,
    pub mouse: bool,
    pub clipboard: crate::config::ClipboardSetting,
    pub settings: Settings,
}

/// Loads a briefing: the file named, or the bundled one. The one way in for the
/// first open, the library and reload, so each logs the same way (`why`: "loaded",
/// "opened from the library", "reloaded").
pub fn load_briefing(file: Option<&Path>, why: &str) -> Result<Loaded, Report> {
    let started = std::time::Instant::now();
    let loaded = match file {
        Some(path) => load::load_path(path),
        None => load::bundled(),
    };
    let name = file.map_or_else(|| "(bundled)".to_owned(), |p| p.display().to_string());
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match &loaded {
        Ok(l) => tracing::info!(
            file = %name,
            ms,
            sections = l.briefing.sections.len(),
            quotes = l.briefing.quotes.len(),
            actors = l.briefing.actors.len(),
            "{why}"
        ),
        Err(report) => tracing::warn!(
            file = %name,
            "does not load ({why}): {}",
            crate::log::report(report)
        ),
    }
    loaded
}

/// The terminal's width when stdout is one, else `fallback`.
pub fn output_width(fallback: usize) -> usize {
    use std::io::IsTerminal;
    std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map_or(fallback, |(w, _)| usize::from(w))
}
