//! The library's state (`brief DIR`): the folder's briefings as listed, the selection
//! and the error panel, and what a key does there (`update`, pure). Reading the folder
//! is the run layer's (`run::scan`).

use super::Action;
use super::library_screens::{Ask, LibraryMode};
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
    /// The briefing's tags, as written.
    pub tags: Vec<String>,
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
    /// Files listed but not read yet: the library is drawn at once and filled as a
    /// thread reads them, or the index's gives them once up to date (the run layer's
    /// `Pending`). Shown as progress.
    pub unread_files: usize,
    /// How many files the folder has to read in all, for the progress.
    pub to_read: usize,
    /// Which screen is up: the list, or one of `library_screens`.
    pub mode: super::library_screens::LibraryMode,
    /// Only briefings with this tag are listed (`t` cycles through the tags).
    pub tag: Option<String>,
    /// A one-off message for the status line (an index rebuilt, a search that could
    /// not be answered), cleared by the next key.
    pub notice: Option<String>,
    /// The library's index being built or brought up to date: files read of those
    /// that changed, for the status line.
    pub indexing: Option<(usize, usize)>,
    /// `?`: the keys of the screen up, in a popup over it, scrolled this far.
    pub help: Option<usize>,
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
            mode: super::library_screens::LibraryMode::List,
            tag: None,
            notice: None,
            indexing: None,
            help: None,
        }
    }

    /// The entries listed: all, or those with the tag chosen.
    pub fn shown(&self) -> Vec<&LibraryEntry> {
        self.entries
            .iter()
            .filter(|e| match (&self.tag, &e.info) {
                (None, _) => true,
                (Some(t), Ok(s)) => s.tags.iter().any(|x| same_tag(x, t)),
                (Some(_), Err(_)) => false,
            })
            .collect()
    }

    /// Whether any briefing has a tag (the hints ask on every frame: no list made).
    pub fn has_tags(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.info.as_ref().is_ok_and(|s| !s.tags.is_empty()))
    }

    /// Every tag of the library's briefings, once each whatever its case (`Korea`
    /// and `korea` are one tag, as search and actor names ignore case), spelled as
    /// most of its briefings spell it, sorted by name.
    pub fn tags(&self) -> Vec<&str> {
        // Lowercased tag → its spellings, each with how many briefings use it.
        let mut spellings: std::collections::BTreeMap<String, Vec<(&str, usize)>> =
            std::collections::BTreeMap::new();
        for s in self.entries.iter().filter_map(|e| e.info.as_ref().ok()) {
            let mut seen: Vec<&str> = Vec::new();
            for t in &s.tags {
                if seen.iter().any(|x| same_tag(x, t)) {
                    continue;
                }
                seen.push(t);
                let list = spellings.entry(t.to_lowercase()).or_default();
                match list.iter_mut().find(|(x, _)| x == t) {
                    Some((_, n)) => *n += 1,
                    None => list.push((t, 1)),
                }
            }
        }
        spellings
            .into_values()
            .filter_map(|list| {
                list.into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(t, _)| t)
            })
            .collect()
    }

    /// Entries that fit on screen at the current size.
    pub fn visible(&self) -> usize {
        (usize::from(self.height.saturating_sub(CHROME_ROWS)) / ENTRY_ROWS).max(1)
    }

    /// Keeps the selection when the folder is scanned again (by path), and the screen
    /// and tag filter that were up (back from a briefing opened from the results).
    pub fn keep_selection(&mut self, old: &Library) {
        self.tag.clone_from(&old.tag);
        self.mode = old.mode.clone();
        self.indexing = old.indexing;
        if let Some(path) = old.shown().get(old.list.selected).map(|e| &e.path) {
            self.list.selected = self
                .shown()
                .iter()
                .position(|e| &e.path == path)
                .unwrap_or(0);
        }
        (self.width, self.height) = (old.width, old.height);
        self.list.fit(self.shown().len(), self.visible());
    }
}

impl Library {
    /// The entry for a file, if listed.
    pub fn entry(&self, path: &Path) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.path == path)
    }

    /// Which keys apply: the list's, the error panel's while it is open, or those of
    /// the screen up (`library_screens`).
    pub fn context(&self) -> crate::app::keymap::Context {
        use super::library_screens::{Input, LibraryMode as M};
        use crate::app::keymap::Context as C;
        match &self.mode {
            _ if self.errors.is_some() => C::Errors,
            _ if self.help.is_some() => C::Help,
            M::List => C::Library,
            M::Query { .. } => C::Search,
            M::Waiting(..) | M::Results(_) => C::LibraryResults,
            M::Actors(a) if a.input == Input::Narrow => C::Narrow,
            M::Actors(_) | M::Statements(_) => C::LibraryActors,
        }
    }
}

impl Library {
    /// Whether a key's action does something now, for the status line's hints.
    pub fn acts(&self, action: Action) -> bool {
        if self.help.is_some() {
            // The help scrolls and closes; it is not narrowed here.
            return action != Action::Search;
        }
        match (&self.mode, action) {
            (LibraryMode::List, Action::TagFilter) => self.has_tags(),
            (LibraryMode::List, Action::Open) => !self.shown().is_empty(),
            (LibraryMode::Results(r), Action::Open) => !r.hits.is_empty(),
            (LibraryMode::Actors(a), Action::Open) => !a.shown().is_empty(),
            (LibraryMode::Statements(s), Action::Open) => !s.statements.is_empty(),
            // Statements share the Actors screen's keys but are not narrowed.
            (LibraryMode::Statements(_), Action::Search) => false,
            _ => true,
        }
    }
}

impl Library {
    /// Whether a key of the screen's context works on the screen up (whether or not it
    /// has anything to act on now): what its help lists. The statements share the
    /// Actors screen's keys but are not narrowed; nothing has help while a query is
    /// typed, a question waits for its answer, or a file's errors are shown.
    pub fn offers(&self, action: Action) -> bool {
        let narrowing = matches!(&self.mode, LibraryMode::Actors(a)
            if a.input == super::library_screens::Input::Narrow);
        let off = self.errors.is_some()
            || narrowing
            || matches!(
                (&self.mode, action),
                (LibraryMode::Statements(_), Action::Search)
                    | (LibraryMode::Query { .. } | LibraryMode::Waiting(..), _)
            );
        !off
    }

    /// What the help of the screen up is called.
    pub fn help_title(&self) -> &'static str {
        match &self.mode {
            LibraryMode::Results(_) => "Keys of the search results",
            LibraryMode::Actors(_) => "Keys of the library's actors",
            LibraryMode::Statements(_) => "Keys of an actor's statements",
            _ => "Keys of the library",
        }
    }

    /// The help as its popup shows it at the library's size, with `keymap`'s keys: the
    /// keys of the screen up (`offers`), then those of the help itself.
    pub fn help_lines(
        &self,
        keymap: &super::keymap::Keymap,
        ascii: bool,
    ) -> Vec<super::keymap::HelpLine> {
        use super::keymap::Context;
        let screen = crate::layout::inner(crate::layout::help_popup(self.screen()));
        let context = match &self.mode {
            LibraryMode::Results(_) => Context::LibraryResults,
            LibraryMode::Actors(_) | LibraryMode::Statements(_) => Context::LibraryActors,
            _ => Context::Library,
        };
        keymap.screen_help(
            &[
                (self.help_title(), context, &|a| self.offers(a)),
                ("In this help", Context::Help, &|a| a != Action::Search),
            ],
            ascii,
            usize::from(screen.width),
        )
    }

    /// The library's screen, as last sized.
    pub fn screen(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.width, self.height)
    }
}

/// The headline of the library's panel for a file that does not load.
pub const LIBRARY_HEADLINE: &str = "Fix the file and press Ctrl-r to scan again.";
/// The headline of the reader's panel after a reload that failed.
pub const RELOAD_HEADLINE: &str =
    "The file changed and no longer loads; still showing the last good version.";

/// The rows of a file's error report in a panel `width` columns wide (the library's
/// and the reader's): a line that fits stays as it is (a snippet's caret stays under
/// its column); a longer one is word-wrapped, its continuation rows indented two
/// columns more than it.
pub fn report_rows(lines: &[String], width: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        if crate::text::width(line) <= width {
            out.push(line.clone());
            continue;
        }
        let body = line.trim_start_matches(' ');
        let indent = &line[..line.len() - body.len()];
        let room = width.saturating_sub(indent.len());
        if room < 12 {
            out.extend(crate::text::wrap(line, width));
            continue;
        }
        let first = crate::text::wrap_ranges(body, room)
            .into_iter()
            .next()
            .unwrap_or(0..body.len());
        out.push(format!("{indent}{}", &body[first.clone()]));
        let rest = body[first.end..].trim_start();
        if !rest.is_empty() {
            out.extend(
                crate::text::wrap(rest, room - 2)
                    .into_iter()
                    .map(|r| format!("{indent}  {r}")),
            );
        }
    }
    out
}

/// An error panel over `screen`, as drawn: its inner area, the headline's rows, and
/// how far its report (`report_rows`) scrolls at most.
pub fn panel_layout(
    screen: ratatui::layout::Rect,
    headline: &str,
    lines: &[String],
) -> (ratatui::layout::Rect, Vec<String>, usize) {
    let inner = crate::layout::inner(crate::layout::help_popup(screen));
    let width = usize::from(inner.width);
    let mut head = crate::text::wrap(headline, width);
    head.truncate(usize::from(inner.height));
    let rows = usize::from(inner.height) - head.len();
    let max = report_rows(lines, width).len().saturating_sub(rows);
    (inner, head, max)
}

/// What a key does in the library, and what the run must do next.
#[must_use]
pub fn update(lib: &mut Library, action: Action) -> Effect {
    if !matches!(action, Action::Resize(..)) {
        lib.notice = None;
    }
    let effect = match (&lib.mode, action) {
        (_, Action::Resize(w, h)) => {
            (lib.width, lib.height) = (w, h);
            Effect::None
        }
        _ if lib.help.is_some() => help(lib, action),
        (_, Action::Help) if lib.offers(Action::Help) => {
            lib.help = Some(0);
            Effect::None
        }
        (super::library_screens::LibraryMode::List, _) => match_key(lib, action),
        _ if lib.errors.is_some() => match_key(lib, action),
        _ => super::library_screens::update(lib, action),
    };
    lib.list.fit(lib.shown().len(), lib.visible());
    effect
}

/// Whether two tags are one: the same but for case. Compared a character at a time,
/// without a lowercased copy: the list filters by tag on every key.
fn same_tag(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
}

/// The next tag filter after `current`: the first tag, each in turn (by name, so a
/// tag gone since it was chosen goes on to the one after it), then none.
fn next_tag(tags: &[&str], current: Option<&str>) -> Option<String> {
    let next = match current {
        None => tags.first(),
        Some(t) => {
            let t = t.to_lowercase();
            tags.iter().find(|x| x.to_lowercase() > t)
        }
    };
    next.map(|t| (*t).to_owned())
}

/// The help over a screen: scroll it, close it (Esc, `q` or `?` again). The scroll is
/// kept within the default keys' help (a config that unbinds keys shortens it; the
/// popup never scrolls past its end).
fn help(lib: &mut Library, action: Action) -> Effect {
    let Some(scroll) = lib.help else {
        return Effect::None;
    };
    let screen = crate::layout::inner(crate::layout::help_popup(lib.screen()));
    let page = usize::from(screen.height).max(1);
    let len = lib
        .help_lines(super::keymap::Keymap::defaults(), false)
        .len();
    let end = len.saturating_sub(page);
    let next = match action {
        Action::QuitAll => return Effect::Quit,
        Action::Close | Action::Help => {
            lib.help = None;
            return Effect::None;
        }
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => end,
        Action::HalfPageDown => scroll + page / 2,
        Action::HalfPageUp => scroll.saturating_sub(page / 2),
        Action::PageDown | Action::ReadOn => scroll + page,
        Action::PageUp | Action::ReadBack => scroll.saturating_sub(page),
        _ => scroll,
    };
    lib.help = Some(next.min(end));
    Effect::None
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
        // The report scrolls by rows as drawn (long lines wrap), to its last row.
        let max = lib
            .errors
            .as_ref()
            .and_then(|p| lib.entry(&p.path))
            .map_or(0, |e| {
                panel_layout(lib.screen(), LIBRARY_HEADLINE, &e.errors).2
            });
        if let Some(panel) = &mut lib.errors {
            panel.scroll = panel.scroll.min(max);
        }
        return Effect::None;
    }
    let len = lib.shown().len();
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
        Action::Open => match lib.shown().get(sel) {
            Some(e) if e.info.is_ok() => return Effect::Open(e.path.clone()),
            Some(e) => {
                lib.errors = Some(ErrorPanel {
                    path: e.path.clone(),
                    scroll: 0,
                });
            }
            None => {}
        },
        // Issue 19: the library as a corpus.
        Action::TagFilter => {
            let tags = lib.tags();
            let next = next_tag(&tags, lib.tag.as_deref());
            let none = tags.is_empty();
            lib.tag = next;
            lib.list = ListState::default();
            if none {
                lib.notice = Some("no briefing here has tags".to_owned());
            }
        }
        Action::Search => {
            lib.mode = LibraryMode::Query {
                text: String::new(),
                before: Box::new(LibraryMode::List),
            };
        }
        Action::LibraryActors => {
            let ask = Ask::Actors;
            lib.mode = LibraryMode::Waiting(ask.clone(), Box::new(LibraryMode::List));
            return Effect::Ask(ask);
        }
        _ => {}
    }
    Effect::None
}
