//! One reading session's remembered place: restored before the first frame, saved
//! soon after each change (debounced, by a thread of its own, off the key path), at
//! once when a star is made, when a signal ends `brief`, and after quit. Every failure
//! here is a warning, never a reason not to read.

use crate::app::App;
use crate::app::place::{self, SavedPlace};
use crate::model::ActorIx;
use crate::run::store::{self, Store};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, Weak};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long the place must stay unchanged before it is saved: a burst of keys is one
/// save.
pub const DEBOUNCE: Duration = Duration::from_millis(400);
/// The longest a change waits to be saved while changes keep coming.
pub const MAX_DELAY: Duration = Duration::from_secs(2);

/// Where the place is kept and under which key; `None` dir means `--no-state` (or no
/// state directory could be found): nothing is read or written.
pub struct Session {
    dir: Option<PathBuf>,
    key: String,
    saver: Option<Saver>,
}

impl Session {
    /// A session that neither reads nor writes state.
    pub fn none() -> Self {
        Self {
            dir: None,
            key: String::new(),
            saver: None,
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
            place::restore(app, place);
        }
        let saver = Saver::start(dir.clone(), key.clone(), app);
        (
            Self {
                dir: Some(dir),
                key,
                saver,
            },
            warning,
        )
    }

    /// Called after each turn of the reader's loop: if the place changed, it is handed
    /// to the saver, to be written once it has stayed put for `DEBOUNCE` (at once for
    /// a star). Cheap when nothing changed: no ids are looked at.
    pub fn note(&mut self, app: &App) {
        if let Some(saver) = &mut self.saver {
            saver.note(app);
        }
    }

    /// Saves the app's place. Under the state folder's lock the file is read again
    /// first, so that places another `brief` saved meanwhile are kept.
    pub fn finish(mut self, app: &App) -> Result<(), String> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        match self.saver.take() {
            Some(saver) => saver.finish(app),
            None => store::save_place(dir, &self.key, place::snapshot(app)),
        }
    }
}

/// What the place depends on, compared after every key: indexes and stamps, no ids.
/// (A reload makes new marks for the new briefing: it counts as a change.)
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlaceStamp {
    section: usize,
    scroll: usize,
    filter: Vec<ActorIx>,
    marks: u64,
    stars: u64,
    briefing: u64,
}

impl PlaceStamp {
    fn of(app: &App) -> Self {
        Self {
            section: app.sections.selected,
            scroll: app.reader.scroll,
            filter: app.filter.chosen.clone(),
            marks: app.marks.stamp,
            stars: app.marks.star_stamp,
            briefing: app.marks.briefing,
        }
    }

    fn same(&self, app: &App) -> bool {
        self.section == app.sections.selected
            && self.scroll == app.reader.scroll
            && self.filter == app.filter.chosen
            && self.marks == app.marks.stamp
            && self.stars == app.marks.star_stamp
            && self.briefing == app.marks.briefing
    }
}

/// The ids of a briefing's sections and quotes, made once per loaded briefing.
#[derive(Debug, Default)]
struct Ids {
    sections: Vec<String>,
    quotes: Vec<String>,
}

/// The marks as flags, copied only when they change (a copy of flags, not of ids).
#[derive(Debug, Default)]
struct Flags {
    read_sections: Vec<bool>,
    read_quotes: Vec<bool>,
    starred: Vec<bool>,
}

/// A place waiting to be written: its cheap parts, and the ids and flags shared. The
/// ids of what is read and starred are picked on the saver's thread, not on the key's.
#[derive(Debug, Clone)]
struct Pending {
    section: Option<String>,
    scroll: usize,
    filter: Vec<String>,
    ids: Arc<Ids>,
    flags: Arc<Flags>,
}

impl Pending {
    fn place(&self) -> SavedPlace {
        let pick = |flags: &[bool], ids: &[String]| -> Vec<String> {
            flags
                .iter()
                .zip(ids)
                .filter(|(f, _)| **f)
                .map(|(_, id)| id.clone())
                .collect()
        };
        SavedPlace {
            section: self.section.clone(),
            scroll: self.scroll,
            filter: self.filter.clone(),
            read_sections: pick(&self.flags.read_sections, &self.ids.sections),
            read_quotes: pick(&self.flags.read_quotes, &self.ids.quotes),
            starred: pick(&self.flags.starred, &self.ids.quotes),
        }
    }
}

#[derive(Debug, Default)]
struct Queue {
    pending: Option<Pending>,
    /// When the pending place is to be written (pushed back by each change, up to
    /// `MAX_DELAY` after the first).
    due: Option<Instant>,
    first: Option<Instant>,
    /// The session is over: write what is pending and end.
    stop: bool,
    /// The last save's failure, if it failed.
    error: Option<String>,
}

#[derive(Debug)]
struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
    dir: PathBuf,
    key: String,
}

impl Shared {
    fn queue(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The session being read now, for `flush` (one at a time in a process).
static CURRENT: Mutex<Option<Weak<Shared>>> = Mutex::new(None);

/// Writes the pending place now, on the saver's thread, without waiting: called when
/// a signal ends `brief`, whose main thread may be stuck on a terminal that is gone.
pub fn flush() {
    let current = CURRENT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(shared) = current.as_ref().and_then(Weak::upgrade) {
        let mut q = shared.queue();
        if q.pending.is_some() {
            q.due = Some(Instant::now());
        }
        shared.wake.notify_all();
    }
}

/// Saves the place in the background: the reader's loop hands it changes (`note`),
/// the thread writes each once it has settled.
struct Saver {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    seen: PlaceStamp,
    /// The ids, by the `Marks::briefing` they are for.
    ids: (u64, Arc<Ids>),
    /// The flags, by the `Marks::stamp` they were copied at.
    flags: (u64, Arc<Flags>),
}

impl Saver {
    /// `None` if no thread could be started: then the place is saved at the end only.
    fn start(dir: PathBuf, key: String, app: &App) -> Option<Self> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
            dir,
            key,
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("brief-saver".into())
            .spawn(move || run(&worker))
            .ok()?;
        *CURRENT.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::downgrade(&shared));
        Some(Self {
            shared,
            thread: Some(thread),
            seen: PlaceStamp::of(app),
            ids: (app.marks.briefing, Arc::new(ids(app))),
            flags: (app.marks.stamp, Arc::new(flags(app))),
        })
    }

    fn note(&mut self, app: &App) {
        if self.seen.same(app) {
            return;
        }
        let star = app.marks.star_stamp != self.seen.stars;
        self.seen = PlaceStamp::of(app);
        let pending = self.pending(app);
        let now = Instant::now();
        let mut q = self.shared.queue();
        q.pending = Some(pending);
        let first = *q.first.get_or_insert(now);
        q.due = Some(if star {
            now
        } else {
            (now + DEBOUNCE).min(first + MAX_DELAY)
        });
        self.shared.wake.notify_all();
    }

    fn pending(&mut self, app: &App) -> Pending {
        if self.ids.0 != app.marks.briefing {
            self.ids = (app.marks.briefing, Arc::new(ids(app)));
        }
        if self.flags.0 != app.marks.stamp {
            self.flags = (app.marks.stamp, Arc::new(flags(app)));
        }
        let (section, scroll, filter) = crate::app::place::view_place(app);
        Pending {
            section,
            scroll,
            filter,
            ids: Arc::clone(&self.ids.1),
            flags: Arc::clone(&self.flags.1),
        }
    }

    /// The final save: the place as the reader leaves it, written by the thread (after
    /// any save under way), whose outcome is returned.
    fn finish(mut self, app: &App) -> Result<(), String> {
        let pending = self.pending(app);
        {
            let mut q = self.shared.queue();
            q.pending = Some(pending);
            q.due = Some(Instant::now());
            q.stop = true;
            self.shared.wake.notify_all();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.shared.queue().error.take().map_or(Ok(()), Err)
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        // Not finished (an early return): end the thread, writing what is pending.
        if let Some(thread) = self.thread.take() {
            self.shared.queue().stop = true;
            self.shared.wake.notify_all();
            let _ = thread.join();
        }
    }
}

fn ids(app: &App) -> Ids {
    let b = &app.briefing;
    Ids {
        sections: b.sections.iter().map(|s| s.id.clone()).collect(),
        quotes: b.quotes.iter().map(|q| q.id.clone()).collect(),
    }
}

fn flags(app: &App) -> Flags {
    Flags {
        read_sections: app.marks.read_sections.clone(),
        read_quotes: app.marks.read_quotes.clone(),
        starred: app.marks.starred.clone(),
    }
}

/// The saver's thread: waits for a pending place to fall due, writes it, and ends
/// once stopped with nothing pending.
fn run(shared: &Shared) {
    let mut q = shared.queue();
    loop {
        let Some(due) = q.due.filter(|_| q.pending.is_some()) else {
            if q.stop {
                return;
            }
            q = shared.wake.wait(q).unwrap_or_else(PoisonError::into_inner);
            continue;
        };
        let now = Instant::now();
        if !q.stop && now < due {
            q = shared
                .wake
                .wait_timeout(q, due - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            continue;
        }
        let pending = q.pending.take().expect("checked above");
        (q.due, q.first) = (None, None);
        drop(q);
        let result = store::save_place(&shared.dir, &shared.key, pending.place());
        q = shared.queue();
        q.error = result.err();
    }
}
