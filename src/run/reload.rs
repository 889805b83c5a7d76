//! Live reload: notice when the open briefing's file changes on disk and load it again,
//! keeping the reader's place. A version that no longer loads leaves the old briefing
//! on screen and shows its errors in a panel. `apply` is pure; `Watch` reads metadata.

use crate::app::App;
use crate::load::{self, Loaded, Report};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How often the loop looks at the file when no key comes: often enough that a save
/// shows within a second, rarely enough to cost nothing.
pub const POLL: std::time::Duration = std::time::Duration::from_millis(300);

/// A file and what it looked like when last loaded (modification time and length).
#[derive(Debug, Clone)]
pub struct Watch {
    pub path: PathBuf,
    stamp: Option<(SystemTime, u64)>,
}

impl Watch {
    pub fn new(path: &Path) -> Self {
        Self {
            path: path.to_path_buf(),
            stamp: stamp(path),
        }
    }

    /// Whether the file differs from when last seen. A file that is momentarily gone
    /// (an editor replacing it) is not a change; its return is.
    pub fn changed(&mut self) -> bool {
        match stamp(&self.path) {
            Some(now) if Some(now) != self.stamp => {
                self.stamp = Some(now);
                true
            }
            _ => false,
        }
    }

    /// Whether the file is there to be read at all.
    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// The file's name as the status line shows it (escaped).
    pub fn name(&self) -> String {
        shown_name(&self.path)
    }

    /// Checks the file between keys: reloads it when it changed, and keeps the
    /// reader told while the file on disk is gone or does not load (`App::stale`),
    /// until it is back and good. Whether the screen changed (a frame is due).
    pub fn poll(&mut self, app: &mut App) -> bool {
        if self.changed() {
            reload(app, &self.path);
            true
        } else if !self.exists() {
            app.file_gone(self.name())
        } else {
            app.file_back()
        }
    }
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// A file's name as the status line shows it (escaped).
fn shown_name(path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    load::diag::escape(&name.to_string_lossy())
}

/// Loads the file again and applies the result; a file that does not load leaves the
/// status line saying so, by name.
pub fn reload(app: &mut App, path: &Path) {
    let result = super::load_briefing(Some(path), "reloaded");
    let ok = result.is_ok();
    apply(app, result, Some(shown_name(path)));
    if ok {
        app.sources = crate::verify::read_texts(&app.briefing, path);
        read_history(app, path);
        app.sync();
    }
}

/// A good load replaces the briefing and puts the reader back at the same place (by
/// ids, as when reopening); a bad one keeps everything and opens the errors panel.
pub fn apply(app: &mut App, result: Result<Loaded, Report>, file: Option<String>) {
    match result {
        Ok(loaded) => {
            let changes = super::changes::rows(&app.briefing, &loaded.briefing);
            app.reloaded(loaded.briefing, changes);
        }
        Err(report) => {
            app.reload_failed(file, report.render().lines().map(str::to_owned).collect());
        }
    }
}

/// Folders with more briefings than this are not read for the Claims view's history
/// when a briefing opens: loading them all would hold the first frame for seconds.
/// (`brief print --view claims --history DIR` reads any folder.)
pub const HISTORY_MAX_FILES: usize = 300;

/// Reads the other briefings of `file`'s folder and hands them to the state, for the
/// Claims view's stances across time (issue 20). A folder that cannot be read, or is
/// too large, leaves the view without history.
pub fn read_history(app: &mut App, file: &Path) {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let count = std::fs::read_dir(dir).map_or(usize::MAX, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
            .count()
    });
    if count > HISTORY_MAX_FILES {
        return;
    }
    let Ok((earlier, _skipped)) = crate::views::history::read_folder(dir, Some(file)) else {
        return;
    };
    let named: Vec<(String, &crate::model::Briefing)> = earlier
        .iter()
        .map(|e| {
            let name = e.path.file_name().unwrap_or(e.path.as_os_str());
            (load::diag::escape(&name.to_string_lossy()), &e.briefing)
        })
        .collect();
    app.folder_read(&named);
}
