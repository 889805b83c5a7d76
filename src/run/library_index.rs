//! The library's index for `brief DIR` (issue 19): opened and brought up to date on a
//! thread of its own (the library is on screen meanwhile, with the progress in its
//! title line), then asked the library's questions: search hits, the actors, one
//! actor's statements. With `--no-cache`, or when the index cannot be opened, the
//! files answer instead (`corpus::scan`: slower, the same answers). Answers are
//! handed to the state as its own plain data (`app::library_screens`).

use super::scan::{Later, Pending, ReadFile};
use super::store::Store;
use crate::app::library::Library;
use crate::app::library_screens::{Ask, FoundHit, FoundStatement, LibraryActor, Opening, Target};
use crate::corpus::{self, Index, Kind};
use crate::load::diag::escape;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

/// The indexing thread's name: the terminal's panic hook leaves its panics to it.
pub const INDEX_THREAD: &str = "brief-index";

/// The most hits a search lists (the title says how many there are in all).
pub const HITS: usize = 200;

/// What the indexing thread says.
enum Message {
    Progress(corpus::Progress),
    /// Boxed: sent once, and much larger than a progress step.
    Done(Box<Refreshed>),
}

/// How a refresh ended: the index (none when it could not be opened, or the thread
/// failed), and what changed or why it could not be brought up to date. An index
/// that could not be refreshed is kept: it still answers, from what it held.
struct Refreshed {
    index: Option<Index>,
    changes: Result<corpus::Changes, String>,
}

enum State {
    /// `--no-cache`: the files answer.
    NoCache,
    /// The index opened or refreshed on a thread.
    Building(Receiver<Message>),
    Ready(Index),
    /// It could not be opened: the files answer.
    Unusable,
}

/// The index of one library folder, and how it is getting on.
pub struct LibraryIndex {
    dir: PathBuf,
    state: State,
}

impl LibraryIndex {
    /// Starts opening and refreshing the index of `dir` kept in `cache` (`None`:
    /// `--no-cache`, no index at all), with no list waiting for files.
    pub fn start(dir: &Path, cache: Option<&Path>) -> Self {
        let state = match cache {
            None => State::NoCache,
            Some(cache) => {
                let (dir, cache) = (dir.to_path_buf(), cache.to_path_buf());
                spawn(move || Index::open(&dir, &cache), None).0
            }
        };
        Self {
            dir: dir.to_path_buf(),
            state,
        }
    }

    /// Refreshes on a thread the index `first_list` opened (`None`: `--no-cache`;
    /// an error: it could not be opened, and the files answer), and has the files of
    /// the list not known yet (`later`) read: by the index as it refreshes, or by a
    /// thread of their own without one.
    pub fn opened(dir: &Path, index: Opened, later: Later) -> (Self, Option<Pending>) {
        let mut this = Self {
            dir: dir.to_path_buf(),
            state: State::Unusable,
        };
        let pending = match index {
            None => {
                this.state = State::NoCache;
                Pending::start(later)
            }
            Some(Ok(ix)) => this.start_refresh(ix, later),
            Some(Err(_)) => Pending::start(later),
        };
        (this, pending)
    }

    /// Brings the index up to date again (back from a briefing, Ctrl-r), on its
    /// thread, and has the files of the list not known yet (`later`) read, as
    /// `opened` does. While it is still at work from before, they are read apart.
    pub fn refresh(&mut self, later: Later) -> Option<Pending> {
        match std::mem::replace(&mut self.state, State::Unusable) {
            State::Ready(ix) => self.start_refresh(ix, later),
            other => {
                self.state = other;
                Pending::start(later)
            }
        }
    }

    fn start_refresh(&mut self, ix: Index, later: Later) -> Option<Pending> {
        // A new index reads every file before it can give one: the list would stay
        // empty until then. Read apart, the list fills as it goes (each file parsed
        // twice, once: the first time the library is opened).
        if later.is_empty() || ix.is_empty() {
            self.state = spawn(move || Ok(ix), None).0;
            return Pending::start(later);
        }
        let (tx, pending) = Pending::channel();
        let (state, unsent) = spawn(move || Ok(ix), Some((self.dir.clone(), later, tx)));
        self.state = state;
        match unsent {
            // No thread: the files are read apart.
            Some((_, later, _)) => Pending::start(later),
            None => Some(pending),
        }
    }

    /// Whether the thread is still at work (the loop looks for it between keys).
    pub fn busy(&self) -> bool {
        matches!(self.state, State::Building(_))
    }

    /// Takes what the thread said since last asked into the library's title and
    /// status lines; once ready, answers a question left waiting. Whether the screen
    /// changed.
    pub fn poll(&mut self, lib: &mut Library) -> bool {
        let State::Building(rx) = &self.state else {
            return false;
        };
        let mut heard = false;
        let mut done = None;
        loop {
            match rx.try_recv() {
                Ok(Message::Progress(p)) => lib.indexing = Some((p.done, p.total)),
                Ok(Message::Done(d)) => done = Some(*d),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                // Gone without a word (it cannot panic past its `catch_unwind`, but
                // a question must never wait for it forever).
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    done.get_or_insert(Refreshed {
                        index: None,
                        changes: Err("the indexing thread ended".to_owned()),
                    });
                    break;
                }
            }
            heard = true;
        }
        if let Some(d) = done {
            heard = true;
            lib.indexing = None;
            match &d.changes {
                Ok(changes) => {
                    tracing::info!(?changes.added, ?changes.updated, ?changes.removed, "library index up to date");
                    if let Some(n) = changes.notices.first() {
                        lib.notice = Some(n.clone());
                    }
                }
                Err(e) if d.index.is_some() => {
                    tracing::warn!("library index: {e}");
                    lib.notice = Some(format!(
                        "the index could not be brought up to date ({e}): answers may miss recent changes"
                    ));
                }
                Err(e) => {
                    tracing::warn!("library index: {e}");
                    lib.notice = Some(format!("no index ({e}): searching reads every file"));
                }
            }
            self.state = d.index.map_or(State::Unusable, State::Ready);
            if let crate::app::library_screens::LibraryMode::Waiting(ask, _) = &lib.mode {
                let ask = ask.clone();
                self.answer(&ask, lib);
            }
        }
        heard
    }

    /// A question asked on screen: answered from the index brought up to date first
    /// (a briefing may have changed since: a search must not miss what a file says
    /// now), when `poll` hears it is; at once without an index.
    pub fn ask(&mut self, ask: &Ask, lib: &mut Library) {
        // As `brief search` says it: nothing to look for is not "no hits".
        if let Ask::Search(q) = ask
            && corpus::text::terms(q).is_empty()
        {
            lib.not_answered(corpus::command::NO_WORD.to_owned());
            return;
        }
        if let State::Ready(_) = self.state {
            // `poll` answers the question left waiting once the refresh is done.
            let pending = self.refresh(Vec::new());
            debug_assert!(pending.is_none(), "no files asked for");
        }
        if !self.busy() {
            self.answer(ask, lib);
        }
    }

    /// Answers `ask` into the library, now, from the index as it is (`ask` brings it
    /// up to date first), unless it is still being built (then `poll` answers it when
    /// it is ready).
    pub fn answer(&self, ask: &Ask, lib: &mut Library) {
        let answered = match &self.state {
            State::Building(_) => return,
            State::Ready(ix) => from_index(ix, ask),
            State::NoCache | State::Unusable => from_files(&self.dir, ask),
        };
        match answered {
            Ok(Answer::Hits(query, hits, total)) => lib.show_results(query, hits, total),
            Ok(Answer::Actors(all)) => lib.show_actors(all),
            Ok(Answer::Statements(name, found)) => lib.show_statements(name, found),
            Err(e) => lib.not_answered(e),
        }
    }
}

/// The index as `first_list` leaves it: `None` with `--no-cache`, else opened (not yet
/// refreshed) or why it could not be.
pub type Opened = Option<Result<Index, String>>;

/// The library's first list (`brief DIR`), the files it does not know yet (`Later`:
/// `LibraryIndex::opened` has them read), and its index opened (not yet refreshed:
/// `LibraryIndex::opened` does that on a thread). From the index when it lists
/// anything: only files changed since they were indexed are left to read. Without an
/// index (`--no-cache`), with a new or rebuilt one (empty) or one that cannot be read,
/// every file is; the status line says why when it is not `--no-cache`.
pub fn first_list(
    dir: &Path,
    store: Option<&Store>,
    cache: Option<&Path>,
) -> Result<(Library, Later, Opened), String> {
    let Some(cache) = cache else {
        let (lib, later) = Library::list_known(dir, store, None)?;
        return Ok((lib, later, None));
    };
    let mut index = Index::open(dir, cache);
    let listing = match &index {
        Ok(ix) => ix
            .listing()
            .map_err(|e| format!("no index ({e}): reading every file")),
        Err(e) => Err(format!("no index ({e}): reading every file")),
    };
    let (mut lib, later) = match listing {
        Ok(listing) if !listing.is_empty() => Library::list_from_index(dir, store, listing)?,
        other => {
            let (mut lib, later) = Library::list_known(dir, store, None)?;
            if let Err(e) = other {
                tracing::warn!("library list: {e}");
                lib.notice = Some(e);
            }
            (lib, later)
        }
    };
    // An index rebuilt as it opened (damaged, another schema): said now, while the
    // files are read, rather than when the rebuild is done.
    if let Ok(ix) = &mut index
        && let Some(n) = ix.notices.first()
    {
        lib.notice = Some(n.clone());
        ix.notices.clear();
    }
    Ok((lib, later, Some(index)))
}

/// Files for the list, sent once the index is up to date: the library folder, the
/// files, where to send them.
type ForTheList = (PathBuf, Later, Sender<ReadFile>);

/// Opens (or takes) the index on a thread and refreshes it, telling the progress;
/// then sends the files the list waits for (`scan::send_indexed`: as the index now
/// holds them, read again only if it cannot give them).
///
/// A panic in the refresh is caught (the terminal's panic hook leaves this thread's
/// alone: `INDEX_THREAD`) and ends it as an error: the list still gets its files and
/// a question left waiting is answered from the files. When no thread can be started,
/// the files for the list come back unsent.
fn spawn(
    open: impl FnOnce() -> Result<Index, String> + Send + 'static,
    list: Option<ForTheList>,
) -> (State, Option<ForTheList>) {
    let (tx, rx) = channel();
    // Taken back if the thread cannot start (the closure that owns it is dropped).
    let list = std::sync::Arc::new(std::sync::Mutex::new(list));
    let for_thread = std::sync::Arc::clone(&list);
    let started = std::thread::Builder::new()
        .name(INDEX_THREAD.into())
        .spawn(move || {
            let progress = tx.clone();
            let refresh = std::panic::AssertUnwindSafe(move || match open() {
                Err(e) => Refreshed {
                    index: None,
                    changes: Err(e),
                },
                Ok(mut ix) => {
                    let changes = ix.refresh(&mut |p| {
                        let _ = progress.send(Message::Progress(p));
                    });
                    Refreshed {
                        index: Some(ix),
                        changes,
                    }
                }
            });
            let done = std::panic::catch_unwind(refresh).unwrap_or_else(|_| Refreshed {
                index: None,
                changes: Err("the indexing thread failed (--log FILE says where)".to_owned()),
            });
            let list = for_thread.lock().ok().and_then(|mut l| l.take());
            if let Some((dir, later, files)) = list {
                super::scan::send_indexed(done.index.as_ref(), &dir, later, &files);
            }
            let _ = tx.send(Message::Done(Box::new(done)));
        });
    match started {
        Ok(_) => (State::Building(rx), None),
        Err(_) => (State::Unusable, list.lock().ok().and_then(|mut l| l.take())),
    }
}

enum Answer {
    Hits(String, Vec<FoundHit>, usize),
    Actors(Vec<LibraryActor>),
    Statements(String, Vec<FoundStatement>),
}

fn from_index(ix: &Index, ask: &Ask) -> Result<Answer, String> {
    Ok(match ask {
        Ask::Search(q) => {
            let s = ix.search(q, Some(HITS))?;
            Answer::Hits(q.clone(), hits(q, &s.hits), s.total)
        }
        Ask::Actors => Answer::Actors(ix.actors()?.iter().map(actor).collect()),
        Ask::Statements(name) => statements(name, ix.actor_statements(name)?),
    })
}

fn from_files(dir: &Path, ask: &Ask) -> Result<Answer, String> {
    Ok(match ask {
        Ask::Search(q) => {
            let s = corpus::scan::search(dir, q, Some(HITS))?.answer;
            Answer::Hits(q.clone(), hits(q, &s.hits), s.total)
        }
        Ask::Actors => Answer::Actors(
            corpus::scan::actors(dir)?
                .answer
                .iter()
                .map(actor)
                .collect(),
        ),
        Ask::Statements(name) => {
            statements(name, corpus::scan::actor_statements(dir, name)?.answer)
        }
    })
}

/// The hits of query `q` as the results screen lists them.
fn hits(q: &str, found: &[corpus::Hit]) -> Vec<FoundHit> {
    let words = corpus::text::terms(q);
    found.iter().map(|h| hit(h, &words)).collect()
}

fn hit(h: &corpus::Hit, words: &[String]) -> FoundHit {
    FoundHit {
        title: h.briefing.title.clone(),
        date: h.briefing.published.clone(),
        rel: escape(&h.briefing.rel),
        kind: h.kind.name().to_owned(),
        snippet: h.snippet.text.clone(),
        marks: h.snippet.marks.clone(),
        opening: Opening {
            path: h.briefing.path.clone(),
            target: target(h.kind, &h.place, words),
        },
    }
}

/// What a hit of `kind` at `place` opens at (`words`: the query's). A place without
/// what its kind should have (an index written otherwise) opens the briefing's first
/// section, or the hit's.
fn target(kind: Kind, place: &corpus::Place, words: &[String]) -> Target {
    let at = |n: Option<u32>| n.map_or(0, |n| n as usize);
    let section = at(place.section);
    let position = place.item.as_deref().and_then(|n| n.parse::<usize>().ok());
    let id = place.item.clone();
    match kind {
        Kind::Title | Kind::Summary | Kind::Dek | Kind::Section => Target::Section(section),
        Kind::Text => Target::Paragraph {
            section,
            paragraph: at(place.paragraph),
            words: words.to_vec(),
        },
        Kind::Quote => place
            .quote
            .clone()
            .map_or(Target::Section(section), Target::Quote),
        Kind::Actor => id.map_or(Target::Section(section), Target::Actor),
        Kind::Claim => id.map_or(Target::Section(section), Target::Claim),
        Kind::Figure => position.map_or(Target::Section(section), Target::Figure),
        Kind::Event => position.map_or(Target::Section(section), Target::Event),
    }
}

fn actor(a: &corpus::ActorCount) -> LibraryActor {
    LibraryActor {
        name: a.actor.name.clone(),
        names: a.actor.names.clone(),
        briefings: a.actor.briefings,
        quotes: a.quotes,
    }
}

fn statements(name: &str, found: Option<corpus::Statements>) -> Answer {
    let Some(found) = found else {
        return Answer::Statements(name.to_owned(), Vec::new());
    };
    let list = found
        .statements
        .iter()
        .map(|s| FoundStatement {
            title: s.briefing.title.clone(),
            rel: escape(&s.briefing.rel),
            date: s.date.clone(),
            speaker: s.speaker.name.clone(),
            section_title: s.section_title.clone(),
            mode: s.mode.clone(),
            text: s.text.clone(),
            opening: Opening {
                path: s.briefing.path.clone(),
                target: Target::Quote(s.quote.clone()),
            },
        })
        .collect();
    Answer::Statements(found.actor.name, list)
}
