//! Live reload: notice when the open briefing's file changes on disk and load it again,
//! keeping the reader's place. A version that no longer loads leaves the old briefing
//! on screen and shows its errors in a panel. `apply` is pure; `Watch` reads metadata.

use crate::app::App;
use crate::app::state::Mode;
use crate::load::{self, Loaded, Report};
use crate::persist;
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
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Loads the file again and applies the result.
pub fn reload(app: &mut App, path: &Path) {
    let result = load::load_path(path);
    let ok = result.is_ok();
    apply(app, result);
    if ok {
        app.sources = crate::verify::read_texts(&app.briefing, path);
        app.sync();
    }
}

/// A good load replaces the briefing and puts the reader back at the same place (by
/// ids, as when reopening); a bad one keeps everything and opens the errors panel.
pub fn apply(app: &mut App, result: Result<Loaded, Report>) {
    match result {
        Ok(loaded) => {
            let place = persist::snapshot(app);
            let fresh = App::new(loaded.briefing, app.width, app.height);
            let old = std::mem::replace(app, fresh);
            // What the user set up, rather than what the briefing holds, carries over.
            app.palette = old.palette;
            (app.theme, app.glyphs) = (old.theme, old.glyphs);
            app.keys.map = old.keys.map;
            app.from_library = old.from_library;
            app.columns = old.columns;
            persist::restore(app, &place);
            app.view = old.view;
            app.focus = old.focus;
            let b = &app.briefing;
            let (sections, quotes) = (b.sections.len(), b.quotes.len());
            app.notice = Some(format!(
                "reloaded: {}, {}",
                crate::text::count(sections, "section"),
                crate::text::count(quotes, "quote"),
            ));
            app.sync();
        }
        Err(report) => {
            app.notice = None;
            app.mode = Mode::Errors {
                lines: report.render().lines().map(str::to_owned).collect(),
                scroll: 0,
            };
        }
    }
}
