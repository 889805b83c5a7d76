//! The library's state (`brief DIR`): the folder's briefings as listed, the selection
//! and the error panel, and what a key does there (`update`, pure). Reading the folder
//! is the run layer's (`run::scan`).

use super::Action;
use super::state::{Effect, ListState};
use crate::model::date::PartialDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Rows the list loses to the title bar, the borders and the status line.
pub const CHROME_ROWS: u16 = 4;
/// Rows one entry takes: title, then details.
pub const ENTRY_ROWS: usize = 2;

/// What a good briefing shows in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub source: Option<String>,
    pub published: Option<PartialDate>,
    pub sections: usize,
    pub quotes: usize,
    /// Quotes not yet opened, when a remembered place exists for the briefing.
    pub unread: Option<usize>,
}

/// One file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryEntry {
    pub path: PathBuf,
    /// The file name, escaped for display.
    pub name: String,
    /// The summary, or the first error (escaped), for a file that does not load.
    pub info: Result<Summary, String>,
    /// For a file that does not load: its whole located report, a line each
    /// (escaped), shown by Enter.
    pub errors: Vec<String>,
}

/// The error panel over the library: a file's report (by path: entries are sorted
/// again as files are read), scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorPanel {
    pub path: PathBuf,
    pub scroll: usize,
}

#[derive(Debug, Clone)]
pub struct Library {
    pub dir: PathBuf,
    pub entries: Vec<LibraryEntry>,
    pub list: ListState,
    pub width: u16,
    pub height: u16,
    /// Enter on a file that does not load: its errors, over the list.
    pub errors: Option<ErrorPanel>,
    /// The keys of a sequence typed so far.
    pub pending_keys: super::keymap::PendingKeys,
    /// What each file held when last read, by path: a rescan reads again only the
    /// files whose time or size changed (filled by the run layer's scan).
    pub records: HashMap<PathBuf, FileRecord>,
    /// Files listed but not read yet (`scan_later`): the library is drawn at once and
    /// filled as a thread reads them (`Pending`). Shown as progress.
    pub unread_files: usize,
    /// How many files the folder has to read in all, for the progress.
    pub to_read: usize,
}

/// A file as last read: when it was changed and how long it was then, its summary
/// (without the unread count) or first error, its key in the store and its quotes'
/// ids, enough to count what is unread without reading it again.
#[derive(Debug, Clone)]
pub struct FileRecord {
    pub stamp: (SystemTime, u64),
    pub info: Result<Summary, String>,
    pub errors: Vec<String>,
    pub key: String,
    pub quote_ids: Vec<String>,
}

impl Library {
    /// A library of `dir` with nothing listed yet.
    pub fn empty(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            list: ListState::default(),
            width: 0,
            height: 0,
            errors: None,
            pending_keys: super::keymap::PendingKeys::default(),
            records: HashMap::new(),
            unread_files: 0,
            to_read: 0,
        }
    }

    /// Entries that fit on screen at the current size.
    pub fn visible(&self) -> usize {
        (usize::from(self.height.saturating_sub(CHROME_ROWS)) / ENTRY_ROWS).max(1)
    }

    /// Keeps the selection when the folder is scanned again (by path).
    pub fn keep_selection(&mut self, old: &Library) {
        if let Some(path) = old.entries.get(old.list.selected).map(|e| &e.path) {
            self.list.selected = self
                .entries
                .iter()
                .position(|e| &e.path == path)
                .unwrap_or(0);
        }
        (self.width, self.height) = (old.width, old.height);
        self.list.fit(self.entries.len(), self.visible());
    }
}

impl Library {
    /// The entry for a file, if listed.
    pub fn entry(&self, path: &Path) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.path == path)
    }

    /// Which keys apply: the list's, or the error panel's while it is open.
    pub fn context(&self) -> crate::app::keymap::Context {
        if self.errors.is_some() {
            crate::app::keymap::Context::Errors
        } else {
            crate::app::keymap::Context::Library
        }
    }
}

/// What a key does in the library, and what the run must do next.
#[must_use]
pub fn update(lib: &mut Library, action: Action) -> Effect {
    let effect = match_key(lib, action);
    lib.list.fit(lib.entries.len(), lib.visible());
    effect
}

fn match_key(lib: &mut Library, action: Action) -> Effect {
    if let Some(panel) = &mut lib.errors {
        match action {
            Action::Resize(w, h) => (lib.width, lib.height) = (w, h),
            Action::Down => panel.scroll += 1,
            Action::Up => panel.scroll = panel.scroll.saturating_sub(1),
            Action::Close => lib.errors = None,
            Action::Reload => return Effect::Reload,
            Action::QuitAll => return Effect::Quit,
            _ => {}
        }
        let len = lib
            .errors
            .as_ref()
            .and_then(|p| lib.entry(&p.path))
            .map_or(0, |e| e.errors.len());
        if let Some(panel) = &mut lib.errors {
            panel.scroll = panel.scroll.min(len.saturating_sub(1));
        }
        return Effect::None;
    }
    let len = lib.entries.len();
    let page = lib.visible();
    let sel = lib.list.selected;
    match action {
        Action::Resize(w, h) => (lib.width, lib.height) = (w, h),
        Action::Quit | Action::QuitAll => return Effect::Quit,
        Action::Down => lib.list.selected = (sel + 1).min(len.saturating_sub(1)),
        Action::Up => lib.list.selected = sel.saturating_sub(1),
        Action::Top => lib.list.selected = 0,
        Action::Bottom => lib.list.selected = len.saturating_sub(1),
        Action::PageDown => lib.list.selected = (sel + page).min(len.saturating_sub(1)),
        Action::PageUp => lib.list.selected = sel.saturating_sub(page),
        Action::Reload => return Effect::Reload,
        Action::Open => match lib.entries.get(sel) {
            Some(e) if e.info.is_ok() => return Effect::Open(e.path.clone()),
            Some(e) => {
                lib.errors = Some(ErrorPanel {
                    path: e.path.clone(),
                    scroll: 0,
                });
            }
            None => {}
        },
        _ => {}
    }
    Effect::None
}
