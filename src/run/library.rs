//! Browsing a folder of briefings (`brief DIR`): the library, then a briefing, then
//! back (Backspace or `q`), until quit. One terminal serves them all, so moving
//! between them does not flicker.

use super::Options;
use super::library_index::LibraryIndex;
use super::reader::{Reader, prepare};
use super::reload::Watch;
use super::scan::Pending;
use super::store::Store;
use super::terminal::{Screen, Tty, ending};
use crate::app::keymap::{Context, PendingKeys};
use crate::app::library::{self, Library};
use crate::app::library_screens::Opening;
use crate::app::{Action, Effect, Settings};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::Path;
use std::time::Duration;

/// Browses `dir` until quit. Returns warnings to print once the terminal is back.
pub fn browse(dir: &Path, opts: &Options) -> Result<Vec<String>, String> {
    let store = |warnings: &mut Vec<String>| {
        opts.state_dir.as_deref().map(|d| {
            let (store, warning) = Store::open(d);
            warnings.extend(warning);
            store
        })
    };
    let settings = &opts.settings;
    let mut warnings = Vec::new();
    let started = std::time::Instant::now();
    // Listed at once; the files are read by a thread and added as they come, so the
    // library is on screen, and answers keys, while a slow folder is read.
    let mut store_now = store(&mut warnings);
    // From the index when it has the library (issue 19): only changed files are read.
    let (mut lib, later, opened) =
        super::library_index::first_list(dir, store_now.as_ref(), opts.cache_dir.as_deref())?;
    tracing::info!(
        dir = %dir.display(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "library listed"
    );
    // The index is brought up to date on a thread: the list is up first. The files
    // the list does not know yet come from it once it has read them.
    let (mut index, mut pending) = LibraryIndex::opened(dir, opened, later);
    let mut tty = Tty::enter(opts.mouse)
        .map_err(|e| e.to_string())?
        .with_clipboard(opts.clipboard);
    loop {
        let mut screen = Browser {
            lib: &mut lib,
            pending: pending.as_ref(),
            store: store_now.as_ref(),
            index: &mut index,
        };
        let ended = tty.run(&mut screen, settings).map_err(|e| e.to_string())?;
        if ended == Effect::Quit || ending() {
            break;
        }
        // A briefing of the list (at its remembered place), or a search hit or a
        // statement (at what it found).
        let opening = match ended {
            Effect::Open(path) => Some((path, None)),
            Effect::OpenAt(Opening { path, target }) => Some((path, Some(target))),
            _ => None,
        };
        let mut not_opened = None;
        if let Some((path, target)) = opening {
            // A file that loaded at the scan (or when indexed) but not now has changed
            // since: the status line says so, and the scan below lists it with its
            // errors.
            match super::load_briefing(Some(&path), "opened from the library") {
                Err(report) => not_opened = Some(not_opened_notice(dir, &path, &report)),
                Ok(loaded) => {
                    let (width, height) = (lib.width, lib.height);
                    let (app, mut session) = prepare(loaded.briefing, Some(&path), opts, |app| {
                        // At what was found: there, over the remembered place (at the
                        // screen's size, which the views are laid out for).
                        if let Some(target) = &target {
                            (app.width, app.height) = (width, height);
                            crate::app::update::open_at(app, target);
                        }
                    });
                    let mut reader = Reader::new(app, Some(Watch::new(&path)), &mut session);
                    // It goes back to the library's screen it was opened from.
                    let from = settings.in_library(lib.current_screen());
                    let ended = tty.run(&mut reader, &from).map_err(|e| e.to_string())?;
                    let app = reader.app;
                    warnings.extend(session.finish(&app).err());
                    if ended == Effect::Quit || ending() {
                        break;
                    }
                }
            }
        }
        // Back from a briefing, or Ctrl-r: list again for new files and unread counts,
        // and bring the index up to date (a briefing read may have changed on disk).
        // Files changed or still being read come from the index once it has them.
        store_now = store(&mut warnings);
        let (mut fresh, later) = Library::list_known(dir, store_now.as_ref(), Some(&lib))?;
        fresh.keep_selection(&lib);
        if not_opened.is_some() {
            fresh.notice = not_opened;
        }
        lib = fresh;
        pending = index.refresh(later);
    }
    drop(tty);
    Ok(warnings)
}

/// What the status line says when a briefing chosen in the library does not open: it
/// is gone, or no longer loads (its first error; the list shows them all).
fn not_opened_notice(dir: &Path, path: &Path, report: &crate::load::Report) -> String {
    let name = crate::load::diag::escape(&path.strip_prefix(dir).unwrap_or(path).to_string_lossy());
    if path.exists() {
        format!(
            "{name} does not load now: {} (Enter on it in the list shows every error)",
            report.first_error()
        )
    } else {
        format!("{name} is gone: it was moved or deleted since the library read it")
    }
}

/// The library as the event loop runs it, with the files still being read and the
/// index that answers its questions.
struct Browser<'a> {
    lib: &'a mut Library,
    pending: Option<&'a Pending>,
    store: Option<&'a Store>,
    index: &'a mut LibraryIndex,
}

impl Screen for Browser<'_> {
    fn context(&self) -> Context {
        self.lib.context()
    }

    fn pending_keys(&mut self) -> &mut PendingKeys {
        &mut self.lib.pending_keys
    }

    fn update(&mut self, _settings: &Settings, action: Action) -> Effect {
        library::update(self.lib, action)
    }

    fn render(&self, settings: &Settings, area: Rect, buf: &mut Buffer) {
        crate::ui::library::render(self.lib, settings, area, buf);
    }

    fn idle(&self) -> Duration {
        // Files still being read, the index being built: look for them between keys.
        if self.lib.unread_files > 0 || self.index.busy() {
            Duration::from_millis(50)
        } else {
            Duration::MAX
        }
    }

    fn tick(&mut self, _acted: bool) -> bool {
        let reading = self.lib.unread_files;
        if reading > 0
            && let Some(p) = self.pending
        {
            for file in p.ready() {
                self.lib.add(file, self.store);
            }
        }
        let indexed = self.index.poll(self.lib);
        self.lib.unread_files != reading || indexed
    }

    fn carry_out(&mut self, effect: Effect) -> Option<Effect> {
        if let Effect::Ask(ask) = &effect {
            self.index.ask(ask, self.lib);
            return None;
        }
        // Ctrl-r, Enter and quitting all end this screen: the loop above scans, opens
        // or ends.
        (effect != Effect::None).then_some(effect)
    }

    fn notice(&mut self, text: String) {
        self.lib.notice = Some(text);
    }
}
