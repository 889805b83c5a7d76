//! `brief DIR`: the briefings in a folder, newest first, with what each holds and how
//! much of it is unread. Files that fail to load are listed with their first error, not
//! hidden. Scanning reads files; choosing among them (`update`) is pure.

use crate::app::Action;
use crate::app::state::ListState;
use crate::load::{self, diag::escape};
use crate::model::date::PartialDate;
use crate::run::place::{self, Store};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
pub struct Entry {
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
    pub entries: Vec<Entry>,
    pub list: ListState,
    pub width: u16,
    pub height: u16,
    /// Set by Enter: the briefing to open.
    pub open: Option<PathBuf>,
    /// Set by Ctrl-r: scan the folder again.
    pub rescan: bool,
    /// Enter on a file that does not load: its errors, over the list.
    pub errors: Option<ErrorPanel>,
    pub quit: bool,
    /// The user's theme, colour and glyph choices, as in the reader.
    pub look: crate::theme::Look,
    /// The user's keys (the config's `[keys]`), with any half-typed sequence.
    pub keys: crate::app::keymap::Keys,
    /// What each file held when last read, by path: a rescan reads again only the
    /// files whose time or size changed.
    read: HashMap<PathBuf, Read>,
    /// Files listed but not read yet (`scan_later`): the library is drawn at once and
    /// filled as a thread reads them (`Pending`). Shown as progress.
    pub unread_files: usize,
    /// How many files the folder has to read in all, for the progress.
    pub to_read: usize,
}

/// One file read by the thread of `Library::scan_later`, for `Library::add`.
#[derive(Debug)]
pub struct ReadFile(PathBuf, Read, bool);

/// The files of a folder still to read, read one by one on a thread of their own: the
/// library is on screen, and answers keys (`q` included), meanwhile.
#[derive(Debug)]
pub struct Pending(std::sync::mpsc::Receiver<ReadFile>);

impl Pending {
    fn start(paths: Vec<(PathBuf, Option<(SystemTime, u64)>)>) -> Option<Self> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::Builder::new()
            .name("brief-library".into())
            .spawn(move || {
                for (path, stamp) in paths {
                    let r = read_file(&path, stamp.unwrap_or((SystemTime::UNIX_EPOCH, 0)));
                    // Kept only with a stamp: without one it is read every time.
                    let r = ReadFile(path, r, stamp.is_some());
                    // The library is gone (quit, a briefing opened): stop reading.
                    if tx.send(r).is_err() {
                        return;
                    }
                }
            })
            .ok()
            .map(|_| Self(rx))
    }

    /// The files read since last asked, without waiting.
    pub fn ready(&self) -> Vec<ReadFile> {
        self.0.try_iter().collect()
    }
}

/// Rows the list loses to the title bar, the borders and the status line.
pub const CHROME_ROWS: u16 = 4;
/// Rows one entry takes: title, then details.
pub const ENTRY_ROWS: usize = 2;

/// A file as last read: when it was changed and how long it was then, its summary
/// (without the unread count) or first error, its key in the store and its quotes'
/// ids, enough to count what is unread without reading it again.
#[derive(Debug, Clone)]
struct Read {
    stamp: (SystemTime, u64),
    info: Result<Summary, String>,
    errors: Vec<String>,
    key: String,
    quote_ids: Vec<String>,
}

impl Library {
    /// Reads every `*.toml` file of `dir` (not its subfolders). `store` gives the read
    /// state for the unread counts.
    pub fn scan(dir: &Path, store: Option<&Store>) -> Result<Self, String> {
        Self::scan_again(dir, store, HashMap::new())
    }

    /// Lists `dir` at once, with the files this library read before and that have not
    /// changed (`before`, a rescan); the others are read by a thread, and `add`ed as
    /// they come (`Pending::ready`).
    pub fn scan_later(
        dir: &Path,
        store: Option<&Store>,
        before: Option<&Library>,
    ) -> Result<(Self, Option<Pending>), String> {
        let mut known = before.map(|b| b.read.clone()).unwrap_or_default();
        let paths = list(dir)?;
        let mut lib = Self::empty(dir);
        let mut later = Vec::new();
        for path in paths {
            let stamp = stamp(&path);
            match known.remove(&path).filter(|r| Some(r.stamp) == stamp) {
                Some(r) => {
                    lib.entries.push(entry(path.clone(), &r, store));
                    lib.read.insert(path, r);
                }
                None => later.push((path, stamp)),
            }
        }
        lib.entries.sort_by_key(order);
        (lib.unread_files, lib.to_read) = (later.len(), later.len());
        let pending = if later.is_empty() {
            None
        } else {
            Pending::start(later)
        };
        Ok((lib, pending))
    }

    /// A file the thread read: listed in its place. A selection moved off the top
    /// stays on its file; at the top, it stays at the top (the newest briefing).
    pub fn add(&mut self, file: ReadFile, store: Option<&Store>) {
        let ReadFile(path, r, keep) = file;
        let selected = (self.list.selected > 0)
            .then(|| self.entries.get(self.list.selected).map(|e| e.path.clone()))
            .flatten();
        self.entries.push(entry(path.clone(), &r, store));
        self.entries.sort_by_key(order);
        if keep {
            self.read.insert(path, r);
        }
        self.unread_files = self.unread_files.saturating_sub(1);
        if let Some(p) = selected {
            self.list.selected = self.entries.iter().position(|e| e.path == p).unwrap_or(0);
        }
        self.list.fit(self.entries.len(), self.visible());
    }

    fn empty(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            entries: Vec::new(),
            list: ListState::default(),
            width: 0,
            height: 0,
            open: None,
            rescan: false,
            errors: None,
            quit: false,
            look: crate::theme::Look::default(),
            keys: crate::app::keymap::Keys::default(),
            read: HashMap::new(),
            unread_files: 0,
            to_read: 0,
        }
    }

    /// Lists the folder again (back from a briefing, Ctrl-r): files unchanged since
    /// this library read them are not read again; their unread counts are counted
    /// afresh from the store.
    pub fn rescan(&self, store: Option<&Store>) -> Result<Self, String> {
        Self::scan_again(&self.dir, store, self.read.clone())
    }

    fn scan_again(
        dir: &Path,
        store: Option<&Store>,
        mut before: HashMap<PathBuf, Read>,
    ) -> Result<Self, String> {
        let paths = list(dir)?;
        let mut read = HashMap::with_capacity(paths.len());
        let mut entries = Vec::with_capacity(paths.len());
        for path in paths {
            let stamp = stamp(&path);
            let known = before.remove(&path).filter(|r| Some(r.stamp) == stamp);
            // Without a stamp (it cannot be looked at) it is read for its error, and
            // not kept.
            let r = known
                .unwrap_or_else(|| read_file(&path, stamp.unwrap_or((SystemTime::UNIX_EPOCH, 0))));
            entries.push(entry(path.clone(), &r, store));
            if stamp.is_some() {
                read.insert(path, r);
            }
        }
        entries.sort_by_key(order);
        Ok(Self {
            entries,
            read,
            ..Self::empty(dir)
        })
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
        (self.width, self.height, self.look) = (old.width, old.height, old.look);
        self.keys = old.keys.clone();
        self.list.fit(self.entries.len(), self.visible());
    }
}

/// The `*.toml` files of `dir` (not its subfolders), sorted by path.
fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let listing = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "{}: cannot list the folder: {e}",
            escape(&dir.display().to_string())
        )
    })?;
    let mut paths: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
        .collect();
    paths.sort();
    Ok(paths)
}

/// Newest first; undated after dated; files that fail to load last; then by name.
fn order(e: &Entry) -> (u8, std::cmp::Reverse<Option<PartialDate>>, PathBuf) {
    match &e.info {
        Ok(s) => (
            u8::from(s.published.is_none()),
            std::cmp::Reverse(s.published),
            e.path.clone(),
        ),
        Err(_) => (2, std::cmp::Reverse(None), e.path.clone()),
    }
}

/// A file's time of change and length, or `None` if it cannot be read (then it is
/// read every time, to say why).
fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Reads and loads one file.
fn read_file(path: &Path, stamp: (SystemTime, u64)) -> Read {
    match load::load_path(path) {
        Ok(loaded) => {
            let b = &loaded.briefing;
            Read {
                stamp,
                info: Ok(Summary {
                    title: b.meta.title.clone(),
                    source: b.meta.source.clone(),
                    published: b.meta.published,
                    sections: b.sections.len(),
                    quotes: b.quotes.len(),
                    unread: None,
                }),
                errors: Vec::new(),
                key: place::key(b, &place::id_less_text(b, Some(path))),
                quote_ids: b.quotes.iter().map(|q| q.id.clone()).collect(),
            }
        }
        Err(report) => Read {
            stamp,
            info: Err(first_error(&report)),
            errors: report.render().lines().map(str::to_owned).collect(),
            key: String::new(),
            quote_ids: Vec::new(),
        },
    }
}

/// The list's entry for a file: what was read of it, with its unread count from the
/// store.
fn entry(path: PathBuf, r: &Read, store: Option<&Store>) -> Entry {
    let name = escape(&path.file_name().unwrap_or_default().to_string_lossy());
    let info = r.info.clone().map(|mut summary| {
        summary.unread = store.and_then(|s| s.place(&r.key)).map(|place| {
            // A set: a long briefing read through has as many read ids as quotes.
            let read: HashSet<&str> = place.read_quotes.iter().map(String::as_str).collect();
            r.quote_ids
                .iter()
                .filter(|id| !read.contains(id.as_str()))
                .count()
        });
        summary
    });
    Entry {
        path,
        name,
        info,
        errors: r.errors.clone(),
    }
}

/// The report's first line without the file name it starts with: "3:7: error: ...".
fn first_error(report: &load::Report) -> String {
    let rendered = report.render();
    let first = rendered.lines().next().unwrap_or("could not be loaded");
    // The rendered line names the file escaped (a name with an escape sequence).
    first
        .strip_prefix(&escape(&report.name))
        .map_or(first, |rest| rest.trim_start_matches(':'))
        .trim()
        .to_owned()
}

impl Library {
    /// The entry for a file, if listed.
    pub fn entry(&self, path: &Path) -> Option<&Entry> {
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

/// What a key does in the library.
pub fn update(lib: &mut Library, action: Action) {
    if let Some(panel) = &mut lib.errors {
        match action {
            Action::Resize(w, h) => (lib.width, lib.height) = (w, h),
            Action::Down => panel.scroll += 1,
            Action::Up => panel.scroll = panel.scroll.saturating_sub(1),
            Action::Close => lib.errors = None,
            Action::Reload => lib.rescan = true,
            Action::QuitAll => lib.quit = true,
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
        return;
    }
    let len = lib.entries.len();
    let page = lib.visible();
    let sel = lib.list.selected;
    match action {
        Action::Resize(w, h) => (lib.width, lib.height) = (w, h),
        Action::Quit | Action::QuitAll => lib.quit = true,
        Action::Down => lib.list.selected = (sel + 1).min(len.saturating_sub(1)),
        Action::Up => lib.list.selected = sel.saturating_sub(1),
        Action::Top => lib.list.selected = 0,
        Action::Bottom => lib.list.selected = len.saturating_sub(1),
        Action::PageDown => lib.list.selected = (sel + page).min(len.saturating_sub(1)),
        Action::PageUp => lib.list.selected = sel.saturating_sub(page),
        Action::Reload => lib.rescan = true,
        Action::Open => match lib.entries.get(sel) {
            Some(e) if e.info.is_ok() => lib.open = Some(e.path.clone()),
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
    lib.list.fit(len, page);
}
