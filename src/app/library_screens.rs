//! The library's screens beyond its list (issue 19): a search across every briefing
//! and its results, the Actors screen (every actor of the library, merged) and one
//! actor's statements across the library. The answers come from the run layer (the
//! index, or a scan with `--no-cache`) as the plain data defined here: `update` asks
//! for them with `Effect::Ask` and the run hands them back with `Library::show_*`.

use super::Action;
use super::library::Library;
use super::state::{Effect, ListState};
use std::ops::Range;
use std::path::PathBuf;

/// Where to open a briefing found across the library: its file, and what of it to
/// show (`update::open_at`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub path: PathBuf,
    pub target: Target,
}

/// What a search hit or a statement opens at, by what the library's index keeps of
/// it: ids, and positions in the briefing's lists (0-based). Opened in the view that
/// shows it; one the briefing no longer has (it changed since it was indexed) leaves
/// the briefing at its remembered place, with a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A section in the Reader, from its top (a hit on its title, or on the briefing's
    /// title or summary: section 0).
    Section(usize),
    /// A paragraph of a section (its position in `Section::paragraphs`), scrolled into
    /// view; `words` are the library query's words (lowercased), one of which is
    /// searched for in the briefing so that the match is highlighted.
    Paragraph {
        section: usize,
        paragraph: usize,
        words: Vec<String>,
    },
    /// A quote, by id: marked in its section in the Reader.
    Quote(String),
    /// An actor, by id: its profile in the Actors view.
    Actor(String),
    /// A claim, by id: its row in the Claims view.
    Claim(String),
    /// A figure, by its position in `Briefing::figures`: the Figures view.
    Figure(usize),
    /// A timeline event, by its position in `Briefing::timeline`: the Timeline view.
    Event(usize),
}

/// One search hit, as the results screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundHit {
    pub title: String,
    /// When the briefing was published (`YYYY-MM-DD`, or shorter).
    pub date: Option<String>,
    /// The file below the library folder, escaped.
    pub rel: String,
    /// What matched: "quote", "text", "title"...
    pub kind: String,
    /// One line around the match; `marks` are the matched words' byte ranges in it.
    pub snippet: String,
    pub marks: Vec<Range<usize>>,
    pub opening: Opening,
}

/// One actor of the library, merged across its briefings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryActor {
    pub name: String,
    /// Every name and alias it has, the name first: what narrowing looks at.
    pub names: Vec<String>,
    pub briefings: usize,
    pub quotes: usize,
}

/// One quote of an actor (or an affiliate), somewhere in the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundStatement {
    pub title: String,
    pub rel: String,
    /// When it was said, else when its briefing was published.
    pub date: Option<String>,
    pub speaker: String,
    pub section_title: String,
    /// `direct` or `reported`.
    pub mode: String,
    pub text: String,
    pub opening: Opening,
}

/// What the library asks the run for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The hits of a query across the library (`show_results`).
    Search(String),
    /// Every actor of the library (`show_actors`).
    Actors,
    /// One actor's statements, by the name the Actors screen shows (`show_statements`).
    Statements(String),
}

/// Which screen of the library is up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LibraryMode {
    /// The list of briefings.
    #[default]
    List,
    /// `/` pressed: the query typed so far, and the screen to go back to on Esc.
    Query {
        text: String,
        before: Box<LibraryMode>,
    },
    /// Enter on a query, until the run answers: what was asked.
    Waiting(Ask, Box<LibraryMode>),
    Results(Results),
    Actors(Actors),
    Statements(Statements),
}

/// The hits of a search across the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Results {
    pub query: String,
    pub hits: Vec<FoundHit>,
    /// How many hits there are in all (more than listed past the limit).
    pub total: usize,
    pub list: ListState,
}

/// Whether keys move the Actors list or type into its narrowing query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Input {
    #[default]
    Browse,
    Narrow,
}

/// The Actors screen: every actor of the library, narrowed by what is typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Actors {
    pub all: Vec<LibraryActor>,
    pub query: String,
    pub input: Input,
    pub list: ListState,
}

impl Actors {
    /// The actors whose name or an alias holds the query (any case), in order.
    pub fn shown(&self) -> Vec<&LibraryActor> {
        let q = self.query.to_lowercase();
        self.all
            .iter()
            .filter(|a| q.is_empty() || a.names.iter().any(|n| n.to_lowercase().contains(&q)))
            .collect()
    }
}

/// One actor's statements across the library, oldest first, over the Actors screen
/// it was opened from (Backspace goes back to it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statements {
    pub actor: String,
    pub statements: Vec<FoundStatement>,
    pub list: ListState,
    pub from: Actors,
}

/// Rows one hit or statement takes: heading, then the text.
pub const ROWS: usize = 2;

impl Library {
    /// The hits of `query`, from the run: the results screen, from its top.
    pub fn show_results(&mut self, query: String, hits: Vec<FoundHit>, total: usize) {
        self.mode = LibraryMode::Results(Results {
            query,
            hits,
            total,
            list: ListState::default(),
        });
    }

    /// Every actor of the library, from the run: the Actors screen.
    pub fn show_actors(&mut self, all: Vec<LibraryActor>) {
        self.mode = LibraryMode::Actors(Actors {
            all,
            ..Actors::default()
        });
    }

    /// An actor's statements, from the run, over the Actors screen they were asked
    /// from (or an empty one).
    pub fn show_statements(&mut self, actor: String, statements: Vec<FoundStatement>) {
        let from = match std::mem::take(&mut self.mode) {
            LibraryMode::Waiting(_, before) => match *before {
                LibraryMode::Actors(a) => a,
                _ => Actors::default(),
            },
            LibraryMode::Actors(a) => a,
            _ => Actors::default(),
        };
        self.mode = LibraryMode::Statements(Statements {
            actor,
            statements,
            list: ListState::default(),
            from,
        });
    }

    /// The run could not answer: back to the screen the question came from, with why.
    pub fn not_answered(&mut self, why: String) {
        if let LibraryMode::Waiting(_, before) = std::mem::take(&mut self.mode) {
            self.mode = *before;
        }
        self.notice = Some(why);
    }

    /// Rows of hits or statements that fit on screen.
    pub fn visible_found(&self) -> usize {
        (usize::from(self.height.saturating_sub(super::library::CHROME_ROWS)) / ROWS).max(1)
    }
}

/// Moves a selection among `len` items, `page` a page: whether the action was a move.
fn moved(list: &mut ListState, action: Action, len: usize, page: usize) -> bool {
    let end = len.saturating_sub(1);
    let sel = list.selected;
    list.selected = match action {
        Action::Down => (sel + 1).min(end),
        Action::Up => sel.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => end,
        Action::PageDown => (sel + page).min(end),
        Action::PageUp => sel.saturating_sub(page),
        _ => return false,
    };
    list.fit(len, page);
    true
}

/// A key on one of these screens (the list's own keys are `library::update`'s).
pub fn update(lib: &mut Library, action: Action) -> Effect {
    let page = lib.visible_found();
    let actors_page = lib.visible_actors();
    let mode = std::mem::take(&mut lib.mode);
    let (mode, effect) = step(mode, action, page, actors_page);
    lib.mode = mode;
    effect
}

/// The screen after `action`, and what the run must do.
fn step(
    mode: LibraryMode,
    action: Action,
    page: usize,
    actors_page: usize,
) -> (LibraryMode, Effect) {
    use LibraryMode as M;
    if action == Action::QuitAll {
        return (mode, Effect::Quit);
    }
    match mode {
        M::List => (M::List, Effect::None),
        M::Query { mut text, before } => match action {
            Action::Input(c) => {
                text.push(c);
                (M::Query { text, before }, Effect::None)
            }
            Action::DeleteChar => {
                text.pop();
                (M::Query { text, before }, Effect::None)
            }
            Action::Cancel => (*before, Effect::None),
            // No word to look for: the results screen says so, without asking.
            Action::Accept if text.trim().is_empty() => (
                M::Results(Results {
                    query: text,
                    hits: Vec::new(),
                    total: 0,
                    list: ListState::default(),
                }),
                Effect::None,
            ),
            Action::Accept => {
                let ask = Ask::Search(text.trim().to_owned());
                (M::Waiting(ask.clone(), before), Effect::Ask(ask))
            }
            _ => (M::Query { text, before }, Effect::None),
        },
        // Keys wait for the answer (the run gives it, or gives up, at once or soon).
        M::Waiting(ask, before) => match action {
            Action::Close | Action::Cancel | Action::Library => (*before, Effect::None),
            _ => (M::Waiting(ask, before), Effect::None),
        },
        M::Results(mut r) => {
            if moved(&mut r.list, action, r.hits.len(), page) {
                return (M::Results(r), Effect::None);
            }
            match action {
                Action::Open => {
                    let effect = r
                        .hits
                        .get(r.list.selected)
                        .map_or(Effect::None, |h| Effect::OpenAt(h.opening.clone()));
                    (M::Results(r), effect)
                }
                Action::Search => {
                    let text = r.query.clone();
                    let before = Box::new(M::Results(r));
                    (M::Query { text, before }, Effect::None)
                }
                Action::Close | Action::Library | Action::Quit => (M::List, Effect::None),
                _ => (M::Results(r), Effect::None),
            }
        }
        M::Actors(a) => actors(a, action, actors_page),
        M::Statements(mut s) => {
            if moved(&mut s.list, action, s.statements.len(), page) {
                return (M::Statements(s), Effect::None);
            }
            match action {
                Action::Open => {
                    let effect = s
                        .statements
                        .get(s.list.selected)
                        .map_or(Effect::None, |st| Effect::OpenAt(st.opening.clone()));
                    (M::Statements(s), effect)
                }
                Action::Close | Action::Library | Action::Quit => (M::Actors(s.from), Effect::None),
                _ => (M::Statements(s), Effect::None),
            }
        }
    }
}

/// The Actors screen: move, narrow by typing (as the actor filter does), Enter asks
/// for the actor's statements.
fn actors(mut a: Actors, action: Action, page: usize) -> (LibraryMode, Effect) {
    use LibraryMode as M;
    let len = a.shown().len();
    match a.input {
        Input::Narrow => match action {
            Action::Input(c) => {
                a.query.push(c);
                a.list = ListState::default();
            }
            Action::DeleteChar => {
                a.query.pop();
                a.list = ListState::default();
            }
            Action::Accept => a.input = Input::Browse,
            Action::Cancel => {
                a.input = Input::Browse;
                drop_narrowing(&mut a, page);
            }
            other => {
                moved(&mut a.list, other, len, page);
            }
        },
        Input::Browse => {
            if moved(&mut a.list, action, len, page) {
                return (M::Actors(a), Effect::None);
            }
            match action {
                Action::Search => a.input = Input::Narrow,
                Action::Open => {
                    if let Some(name) = a.shown().get(a.list.selected).map(|x| x.name.clone()) {
                        let ask = Ask::Statements(name);
                        return (
                            M::Waiting(ask.clone(), Box::new(M::Actors(a))),
                            Effect::Ask(ask),
                        );
                    }
                }
                // Esc first drops a narrowing, then leaves.
                Action::Close if !a.query.is_empty() => drop_narrowing(&mut a, page),
                Action::Close | Action::Library | Action::Quit => return (M::List, Effect::None),
                _ => {}
            }
        }
    }
    (M::Actors(a), Effect::None)
}

/// Clears the narrowing query, the selected actor staying selected (and in view) in
/// the whole list.
fn drop_narrowing(a: &mut Actors, page: usize) {
    let at = a
        .shown()
        .get(a.list.selected)
        .and_then(|&sel| a.all.iter().position(|x| std::ptr::eq(x, sel)));
    a.query.clear();
    a.list = ListState::default();
    a.list.selected = at.unwrap_or(0);
    a.list.fit(a.all.len(), page);
}

impl Library {
    /// Actors that fit on screen (one row each).
    pub fn visible_actors(&self) -> usize {
        usize::from(self.height.saturating_sub(super::library::CHROME_ROWS)).max(1)
    }
}

impl Library {
    /// The screen up, as a briefing opened from it names where `q` goes back to.
    pub fn current_screen(&self) -> super::LibraryScreen {
        match self.mode {
            LibraryMode::Results(_) => super::LibraryScreen::Results,
            LibraryMode::Statements(_) => super::LibraryScreen::Statements,
            _ => super::LibraryScreen::List,
        }
    }
}
