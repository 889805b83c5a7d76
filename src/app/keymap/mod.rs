//! The default keymap table. `BINDINGS` is what brief binds out of the box; the
//! session's keymap (`map::Keymap`) starts from it and takes the config's `[keys]`.
//! Key lookup, the help overlay, the status-line hints, `brief keys` and the README's
//! key list all come from a `Keymap`, so they cannot disagree.

mod actions;
pub mod listing;
pub mod map;
pub mod pending;

pub use actions::ACTIONS;
pub use listing::{HELP_KEYS, HelpEntry, HelpLine, entry_keys};
pub use map::{BindingRow, Conflict, Keymap, Resolved};
pub use pending::{PendingKeys, press};

use super::action::Action;
use super::key::{Key, KeyCode as K};

/// Where a binding applies: the main panes or one of the popups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Panes,
    Views,
    Help,
    Filter,
    Narrow,
    Search,
    Detail,
    Source,
    Note,
    Picker,
    Errors,
    Library,
    /// The list of what the last reload changed (issue 20).
    Changes,
    /// Issue 19: the library's search results, and its Actors screen and statements.
    LibraryResults,
    LibraryActors,
}

impl Context {
    pub const ALL: [Context; 15] = [
        Context::Panes,
        Context::Views,
        Context::Filter,
        Context::Narrow,
        Context::Search,
        Context::Detail,
        Context::Source,
        Context::Note,
        Context::Picker,
        Context::Errors,
        Context::Changes,
        Context::Library,
        Context::LibraryResults,
        Context::LibraryActors,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Briefing view (panes)",
            Context::Views => "Claims, Figures, Timeline and Actors views",
            Context::Note => "Position detail",
            Context::Picker => "Outline and starred quotes",
            Context::Help => "Help",
            Context::Errors => "Reload errors",
            Context::Changes => "Changes on reload",
            Context::LibraryResults => "Library: search results",
            Context::LibraryActors => "Library: actors and their statements",
            Context::Library => "Library (brief DIR)",
            Context::Filter => "Actor filter",
            Context::Narrow => "Actor filter: narrowing",
            Context::Search => "Search: typing",
            Context::Detail => "Quote detail",
            Context::Source => "Source text",
        }
    }

    /// Where the context is, for messages: "`c` is bound twice in the actor filter".
    pub fn place(self) -> &'static str {
        match self {
            Context::Panes => "the briefing view",
            Context::Views => "the analyst views",
            Context::Note => "the position detail",
            Context::Picker => "the lists (outline, starred)",
            Context::Help => "the help",
            Context::Errors => "the reload errors",
            Context::Changes => "the change list",
            Context::LibraryResults => "the library's search results",
            Context::LibraryActors => "the library's actors",
            Context::Library => "the library",
            Context::Filter => "the actor filter",
            Context::Narrow => "the actor filter while narrowing",
            Context::Search => "the search line",
            Context::Detail => "the quote detail",
            Context::Source => "the source text",
        }
    }

    /// Whether printable keys type into a query here, and so cannot be bound.
    pub fn types(self) -> bool {
        matches!(self, Context::Narrow | Context::Search)
    }
}

pub struct Binding {
    pub context: Context,
    /// The action's name in the config's `[keys]` table (`Action::name`). Rows sharing
    /// an action share their default keys (a test checks it), so one config entry
    /// rebinds them all and the default config reproduces this table exactly.
    pub name: &'static str,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the help says the keys do.
    pub help: &'static str,
    /// Shown in the status line's hints for this context.
    pub hint: bool,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
    let Some(name) = action.name() else {
        panic!("an action a key can be bound to has a name");
    };
    Binding {
        context,
        name,
        keys,
        action,
        help,
        hint,
    }
}

const fn p(c: K) -> Key {
    Key::plain(c)
}

use Context::{
    Changes, Detail, Errors, Filter, Help, Library, LibraryActors, LibraryResults, Narrow, Note,
    Panes, Picker, Search, Source, Views,
};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Panes, &[Key::ch('q')], Action::Quit, "quit: back to the library when opened from one", true),
    b(Panes, &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Panes, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Panes, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Panes, &[p(K::Tab)], Action::NextPane, "next pane", true),
    b(Panes, &[p(K::BackTab)], Action::PrevPane, "previous pane", false),
    b(Panes, &[Key::ch('h'), p(K::Left)], Action::Left, "pane to the left", false),
    b(Panes, &[Key::ch('l'), p(K::Right)], Action::Right, "pane to the right", false),
    b(Panes, &[Key::ch('j'), p(K::Down)], Action::Down, "down: select or scroll", false),
    b(Panes, &[Key::ch('k'), p(K::Up)], Action::Up, "up: select or scroll", false),
    b(Panes, &[Key::ch('g'), p(K::Home)], Action::Top, "first item, top", false),
    b(Panes, &[Key::ch('G'), p(K::End)], Action::Bottom, "last item, bottom", false),
    b(Panes, &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Panes, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Panes, &[p(K::PageDown)], Action::PageDown, "a page down (the Reader goes on to the next section)", false),
    b(Panes, &[p(K::PageUp)], Action::PageUp, "a page up (the Reader goes back a section)", false),
    b(Panes, &[Key::ch(' ')], Action::ReadOn, "read on: a page down, then the next section", false),
    b(Panes, &[Key::ch('b')], Action::ReadBack, "read back: a page up, then the section before", false),
    b(Panes, &[Key::ch(']')], Action::NextSection, "next section", true),
    b(Panes, &[Key::ch('[')], Action::PrevSection, "previous section", false),
    b(Panes, &[p(K::Enter)], Action::Open, "open: section in Reader, quote in detail", true),
    b(Panes, &[Key::ch('J')], Action::NextQuote, "next quote in the Reader", false),
    b(Panes, &[Key::ch('K')], Action::PrevQuote, "previous quote in the Reader", false),
    b(Panes, &[Key::ch('a')], Action::ActorFilter, "actor filter", true),
    b(Panes, &[Key::ch('c')], Action::ClearFilter, "clear the actor filter", false),
    b(Panes, &[Key::ch('/')], Action::Search, "search the whole briefing", true),
    b(Panes, &[Key::ch('n')], Action::NextMatch, "next match", false),
    b(Panes, &[Key::ch('N')], Action::PrevMatch, "previous match", false),
    b(Panes, &[p(K::Esc)], Action::ClearSearch, "clear the search", false),
    b(Panes, &[Key::ch('o')], Action::Outline, "outline: every section, read marks", false),
    b(Panes, &[Key::ch('s')], Action::Star, "star or unstar the selected quote", false),
    b(Panes, &[Key::ch('S')], Action::Starred, "list starred quotes", false),
    b(Panes, &[Key::ch('u')], Action::NextUnread, "next unread quote", false),
    b(Panes, &[Key::ch('y')], Action::Copy, "copy the selected quote with its citation", false),
    b(Panes, &[Key::ch('Y')], Action::CopyUrl, "copy the source URL", false),
    b(Panes, &[Key::ch('v')], Action::ViewSource, "the selected quote in its source", false),
    b(Panes, &[Key::ctrl('r')], Action::Reload, "reload the briefing from its file", false),
    b(Panes, &[p(K::Backspace)], Action::Library, "back to the library", false),
    b(Panes, &[Key::ch('2')], Action::ViewClaims, "Claims view", true),
    b(Panes, &[Key::ch('3')], Action::ViewFigures, "Figures view", false),
    b(Panes, &[Key::ch('4')], Action::ViewTimeline, "Timeline view", false),
    b(Panes, &[Key::ch('5')], Action::ViewActors, "Actors view", false),
    b(Views, &[Key::ch('q')], Action::Quit, "quit: back to the library when opened from one", true),
    b(Views, &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Views, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Views, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Views, &[Key::ch('1')], Action::ViewBriefing, "Briefing view", true),
    b(Views, &[Key::ch('2')], Action::ViewClaims, "Claims view", false),
    b(Views, &[Key::ch('3')], Action::ViewFigures, "Figures view", false),
    b(Views, &[Key::ch('4')], Action::ViewTimeline, "Timeline view", false),
    b(Views, &[Key::ch('5')], Action::ViewActors, "Actors view", false),
    b(Views, &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Views, &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Views, &[Key::ch('h'), p(K::Left)], Action::Left, "previous item (cell to the left)", false),
    b(Views, &[Key::ch('l'), p(K::Right)], Action::Right, "next item (cell to the right)", false),
    b(Views, &[Key::ch('g'), p(K::Home)], Action::Top, "first item", false),
    b(Views, &[Key::ch('G'), p(K::End)], Action::Bottom, "last item", false),
    b(Views, &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Views, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Views, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Views, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Views, &[p(K::Enter)], Action::Open, "open: quote, section or position", true),
    b(Views, &[Key::ch('m')], Action::Fold, "fold or unfold members (claims)", true),
    b(Views, &[Key::ch('/')], Action::Search, "search this view", false),
    b(Views, &[Key::ch('n')], Action::NextMatch, "next item that matches", false),
    b(Views, &[Key::ch('N')], Action::PrevMatch, "previous item that matches", false),
    b(Views, &[p(K::Esc)], Action::ClearSearch, "clear the search", false),
    b(Views, &[Key::ch('a')], Action::ActorFilter, "actor filter", true),
    b(Views, &[Key::ch('c')], Action::ClearFilter, "clear the actor filter", false),
    b(Views, &[Key::ctrl('r')], Action::Reload, "reload the briefing from its file", false),
    b(Views, &[p(K::Backspace)], Action::Library, "back to the library", false),
    b(Filter, &[Key::ch('j'), p(K::Down)], Action::Down, "next actor", false),
    b(Filter, &[Key::ch('k'), p(K::Up)], Action::Up, "previous actor", false),
    b(Filter, &[Key::ch('g'), p(K::Home)], Action::Top, "first actor", false),
    b(Filter, &[Key::ch('G'), p(K::End)], Action::Bottom, "last actor", false),
    b(Filter, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Filter, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Filter, &[Key::ch(' ')], Action::Choose, "choose or drop the actor", true),
    b(Filter, &[Key::ch('c')], Action::ClearFilter, "clear all choices", true),
    b(Filter, &[Key::ch('/')], Action::Search, "narrow the list by typing", true),
    b(Filter, &[p(K::Enter)], Action::Open, "close (choices stay)", true),
    b(Filter, &[Key::ch('a')], Action::ActorFilter, "close (choices stay)", true),
    b(Filter, &[p(K::Esc), Key::ch('q')], Action::Close, "close (choices stay)", true),
    b(Narrow, &[p(K::Enter)], Action::Accept, "keep the narrowed list", true),
    b(Narrow, &[p(K::Esc)], Action::Cancel, "drop the query", true),
    b(Narrow, &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Narrow, &[p(K::Down)], Action::Down, "next actor", false),
    b(Narrow, &[p(K::Up)], Action::Up, "previous actor", false),
    b(Search, &[p(K::Enter)], Action::Accept, "keep the search, go to the next match from here", true),
    b(Search, &[p(K::Esc)], Action::Cancel, "cancel the search", true),
    b(Search, &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Detail, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Detail, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Detail, &[Key::ch('h'), p(K::Left)], Action::Left, "previous quote in the list", true),
    b(Detail, &[Key::ch('l'), p(K::Right)], Action::Right, "next quote in the list", true),
    b(Detail, &[p(K::Enter)], Action::Open, "show the quote in its section", true),
    b(Detail, &[Key::ch('s')], Action::Star, "star or unstar", false),
    b(Detail, &[Key::ch('y')], Action::Copy, "copy with citation", false),
    b(Detail, &[Key::ch('v')], Action::ViewSource, "view in source", true),
    b(Detail, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Source, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Source, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Source, &[Key::ch('g'), p(K::Home)], Action::Top, "the top", false),
    b(Source, &[Key::ch('G'), p(K::End)], Action::Bottom, "the bottom", false),
    b(Source, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Source, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Source, &[Key::ch('n')], Action::NextMatch, "next quote of this briefing in the source", true),
    b(Source, &[Key::ch('N')], Action::PrevMatch, "previous quote in the source", true),
    b(Source, &[Key::ch('v')], Action::ViewSource, "back to the quote", false),
    b(Source, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Picker, &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Picker, &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Picker, &[Key::ch('g'), p(K::Home)], Action::Top, "first row", false),
    b(Picker, &[Key::ch('G'), p(K::End)], Action::Bottom, "last row", false),
    b(Picker, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Picker, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Picker, &[p(K::Enter)], Action::Open, "go there", true),
    b(Picker, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Note, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Note, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Note, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Note, &[p(K::Enter)], Action::Open, "close", true),
    b(Errors, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Errors, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Errors, &[Key::ctrl('r')], Action::Reload, "try again: load the file, or scan the folder", true),
    b(Errors, &[p(K::Esc), Key::ch('q')], Action::Close, "close: after a failed reload, the old briefing stays", true),
    b(Errors, &[p(K::Enter)], Action::Open, "close", false),
    b(Library, &[Key::ch('q')], Action::Quit, "quit", true),
    b(Library, &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Library, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Library, &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Library, &[Key::ch('j'), p(K::Down)], Action::Down, "next briefing", false),
    b(Library, &[Key::ch('k'), p(K::Up)], Action::Up, "previous briefing", false),
    b(Library, &[Key::ch('g'), p(K::Home)], Action::Top, "first briefing", false),
    b(Library, &[Key::ch('G'), p(K::End)], Action::Bottom, "last briefing", false),
    b(Library, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Library, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Library, &[p(K::Enter)], Action::Open, "open the briefing", true),
    b(Library, &[Key::ctrl('r')], Action::Reload, "scan the folder again", true),
    // Issue 19: the library as a corpus.
    b(Library, &[Key::ch('/')], Action::Search, "search: every briefing of the library", true),
    b(Library, &[Key::ch('a')], Action::LibraryActors, "actors: every actor of the library, merged", true),
    b(Library, &[Key::ch('t')], Action::TagFilter, "tag: list only the next tag's briefings, then all", true),
    b(LibraryResults, &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(LibraryResults, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(LibraryResults, &[Key::ch('j'), p(K::Down)], Action::Down, "next hit", false),
    b(LibraryResults, &[Key::ch('k'), p(K::Up)], Action::Up, "previous hit", false),
    b(LibraryResults, &[Key::ch('g'), p(K::Home)], Action::Top, "first hit", false),
    b(LibraryResults, &[Key::ch('G'), p(K::End)], Action::Bottom, "last hit", false),
    b(LibraryResults, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(LibraryResults, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(LibraryResults, &[p(K::Enter)], Action::Open, "open: the briefing, at the hit", true),
    b(LibraryResults, &[Key::ch('/')], Action::Search, "search again", true),
    b(LibraryResults, &[p(K::Backspace)], Action::Library, "back: to the list", true),
    b(LibraryResults, &[p(K::Esc), Key::ch('q')], Action::Close, "back to the list", false),
    b(LibraryActors, &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(LibraryActors, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(LibraryActors, &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(LibraryActors, &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(LibraryActors, &[Key::ch('g'), p(K::Home)], Action::Top, "first row", false),
    b(LibraryActors, &[Key::ch('G'), p(K::End)], Action::Bottom, "last row", false),
    b(LibraryActors, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(LibraryActors, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(LibraryActors, &[p(K::Enter)], Action::Open, "open: the actor's statements across the library; a statement in its briefing", true),
    b(LibraryActors, &[Key::ch('/')], Action::Search, "narrow: the actors, by typing", true),
    b(LibraryActors, &[p(K::Backspace)], Action::Library, "back: from statements to the actors, from the actors to the list", true),
    b(LibraryActors, &[p(K::Esc), Key::ch('q')], Action::Close, "back: from statements to the actors; on the actors, Esc first drops a narrowing", false),
    // Issue 20: what the last reload changed, and stances across time.
    b(Panes, &[Key::ch('D')], Action::Changes, "what the last reload changed", false),
    b(Views, &[Key::ch('D')], Action::Changes, "what the last reload changed", false),
    b(Views, &[Key::ch('H')], Action::History, "stances across time (Claims, from the folder)", true),
    b(Changes, &[Key::ch('j'), p(K::Down)], Action::Down, "next change", false),
    b(Changes, &[Key::ch('k'), p(K::Up)], Action::Up, "previous change", false),
    b(Changes, &[Key::ch('g'), p(K::Home)], Action::Top, "first change", false),
    b(Changes, &[Key::ch('G'), p(K::End)], Action::Bottom, "last change", false),
    b(Changes, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Changes, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Changes, &[p(K::Enter)], Action::Open, "go to the change", true),
    b(Changes, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Changes, &[Key::ch('D')], Action::Changes, "close", false),
    b(Help, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Help, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Help, &[Key::ch('g'), p(K::Home)], Action::Top, "top", false),
    b(Help, &[Key::ch('G'), p(K::End)], Action::Bottom, "bottom", false),
    b(Help, &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Help, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Help, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Help, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Help, &[Key::ch(' ')], Action::ReadOn, "a page down", false),
    b(Help, &[Key::ch('b')], Action::ReadBack, "a page up", false),
    b(Help, &[Key::ch('/')], Action::Search, "narrow to the keys that match", true),
    b(Help, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Help, &[Key::ch('?')], Action::Help, "close", true),
];

/// The action a key means in a context with the default keys. While typing, unbound
/// printable characters are typed into the query; Ctrl-c quits where nothing else
/// has it.
pub fn lookup(context: Context, key: Key) -> Option<Action> {
    match Keymap::defaults().resolve(context, &[key]) {
        Resolved::Action(a) => Some(a),
        Resolved::Prefix | Resolved::Nothing => None,
    }
}

/// The default bindings of one context, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// Keys of a binding as written for people: `j / ↓`.
pub fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The default key table as Markdown, for the README (`brief keys --markdown`).
pub fn markdown() -> String {
    Keymap::defaults().markdown()
}
