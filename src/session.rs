//! One reading session's remembered place: restored before the first frame, saved
//! after quit. Every failure here is a warning, never a reason not to read.

use crate::app::App;
use crate::persist::{self, Store};
use std::path::PathBuf;

/// Where the place is kept and under which key; `None` dir means `--no-state` (or no
/// state directory could be found): nothing is read or written.
#[derive(Debug, Clone)]
pub struct Session {
    dir: Option<PathBuf>,
    key: String,
}

impl Session {
    /// A session that neither reads nor writes state.
    pub fn none() -> Self {
        Self {
            dir: None,
            key: String::new(),
        }
    }

    /// Opens the store in `dir` and puts `app` back where the briefing `key` was left.
    /// Returns the session and a warning for the status line (a state file set aside).
    pub fn start(app: &mut App, dir: Option<PathBuf>, key: String) -> (Self, Option<String>) {
        let Some(dir) = dir else {
            return (Self::none(), None);
        };
        let (store, warning) = Store::open(&dir);
        if let Some(place) = store.place(&key) {
            persist::restore(app, place);
        }
        (
            Self {
                dir: Some(dir),
                key,
            },
            warning,
        )
    }

    /// Saves the app's place. Under the state folder's lock the file is read again
    /// first, so that places another `brief` saved meanwhile are kept.
    pub fn finish(&self, app: &App) -> Result<(), String> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        persist::save_place(dir, &self.key, persist::snapshot(app))
    }
}
