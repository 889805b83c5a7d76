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
    /// Issue 19: the library's search results, and its Actors screen and statements.
    LibraryResults,
    LibraryActors,
}

impl Context {
    pub const ALL: [Context; 14] = [
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
            Context::Library => "Library (brief DIR)",
            Context::LibraryResults => "Library: search results",
            Context::LibraryActors => "Library: actors and their statements",
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
            Context::Library => "the library",
            Context::LibraryResults => "the library's search results",
            Context::LibraryActors => "the library's actors",
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
    /// The action's name in the config's `[keys]` table. Rows sharing a name share
    /// their default keys (a test checks it), so one config entry rebinds them all and
    /// the default config reproduces this table exactly.
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
    name: &'static str,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: bool,
) -> Binding {
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

use crate::views::pages::View;
use Context::{
    Detail, Errors, Filter, Help, Library, LibraryActors, LibraryResults, Narrow, Note, Panes,
    Picker, Search, Source, Views,
};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Panes, "quit", &[Key::ch('q')], Action::Quit, "quit: back to the library when opened from one", true),
    b(Panes, "quit_all", &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Panes, "suspend", &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Panes, "help", &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Panes, "next_pane", &[p(K::Tab)], Action::FocusNext, "next pane", true),
    b(Panes, "prev_pane", &[p(K::BackTab)], Action::FocusPrev, "previous pane", false),
    b(Panes, "left", &[Key::ch('h'), p(K::Left)], Action::FocusLeft, "pane to the left", false),
    b(Panes, "right", &[Key::ch('l'), p(K::Right)], Action::FocusRight, "pane to the right", false),
    b(Panes, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "down: select or scroll", false),
    b(Panes, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "up: select or scroll", false),
    b(Panes, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first item, top", false),
    b(Panes, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last item, bottom", false),
    b(Panes, "half_page_down", &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Panes, "half_page_up", &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Panes, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down (the Reader goes on to the next section)", false),
    b(Panes, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up (the Reader goes back a section)", false),
    b(Panes, "read_on", &[Key::ch(' ')], Action::PageDown, "read on: a page down, then the next section", false),
    b(Panes, "read_back", &[Key::ch('b')], Action::PageUp, "read back: a page up, then the section before", false),
    b(Panes, "next_section", &[Key::ch(']')], Action::NextSection, "next section", true),
    b(Panes, "prev_section", &[Key::ch('[')], Action::PrevSection, "previous section", false),
    b(Panes, "open", &[p(K::Enter)], Action::Open, "open: section in Reader, quote in detail", true),
    b(Panes, "next_quote", &[Key::ch('J')], Action::NextQuote, "next quote in the Reader", false),
    b(Panes, "prev_quote", &[Key::ch('K')], Action::PrevQuote, "previous quote in the Reader", false),
    b(Panes, "actor_filter", &[Key::ch('a')], Action::OpenFilter, "actor filter", true),
    b(Panes, "clear_filter", &[Key::ch('c')], Action::ClearFilter, "clear the actor filter", false),
    b(Panes, "search", &[Key::ch('/')], Action::Search, "search the whole briefing", true),
    b(Panes, "next_match", &[Key::ch('n')], Action::NextMatch, "next match", false),
    b(Panes, "prev_match", &[Key::ch('N')], Action::PrevMatch, "previous match", false),
    b(Panes, "clear_search", &[p(K::Esc)], Action::ClearSearch, "clear the search", false),
    b(Panes, "outline", &[Key::ch('o')], Action::Outline, "outline: every section, read marks", false),
    b(Panes, "star", &[Key::ch('s')], Action::Star, "star or unstar the selected quote", false),
    b(Panes, "starred", &[Key::ch('S')], Action::Starred, "list starred quotes", false),
    b(Panes, "next_unread", &[Key::ch('u')], Action::NextUnread, "next unread quote", false),
    b(Panes, "copy", &[Key::ch('y')], Action::Copy, "copy the selected quote with its citation", false),
    b(Panes, "copy_url", &[Key::ch('Y')], Action::CopyUrl, "copy the source URL", false),
    b(Panes, "view_source", &[Key::ch('v')], Action::ViewSource, "the selected quote in its source", false),
    b(Panes, "reload", &[Key::ctrl('r')], Action::Reload, "reload the briefing from its file", false),
    b(Panes, "library", &[p(K::Backspace)], Action::Library, "back to the library", false),
    b(Panes, "view_claims", &[Key::ch('2')], Action::ShowView(View::Claims), "Claims view", true),
    b(Panes, "view_figures", &[Key::ch('3')], Action::ShowView(View::Figures), "Figures view", false),
    b(Panes, "view_timeline", &[Key::ch('4')], Action::ShowView(View::Timeline), "Timeline view", false),
    b(Panes, "view_actors", &[Key::ch('5')], Action::ShowView(View::Actors), "Actors view", false),
    b(Views, "quit", &[Key::ch('q')], Action::Quit, "quit: back to the library when opened from one", true),
    b(Views, "quit_all", &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Views, "suspend", &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Views, "help", &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Views, "view_briefing", &[Key::ch('1')], Action::ShowView(View::Briefing), "Briefing view", true),
    b(Views, "view_claims", &[Key::ch('2')], Action::ShowView(View::Claims), "Claims view", false),
    b(Views, "view_figures", &[Key::ch('3')], Action::ShowView(View::Figures), "Figures view", false),
    b(Views, "view_timeline", &[Key::ch('4')], Action::ShowView(View::Timeline), "Timeline view", false),
    b(Views, "view_actors", &[Key::ch('5')], Action::ShowView(View::Actors), "Actors view", false),
    b(Views, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Views, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Views, "left", &[Key::ch('h'), p(K::Left)], Action::PrevItem, "previous item (cell to the left)", false),
    b(Views, "right", &[Key::ch('l'), p(K::Right)], Action::NextItem, "next item (cell to the right)", false),
    b(Views, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first item", false),
    b(Views, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last item", false),
    b(Views, "half_page_down", &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Views, "half_page_up", &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Views, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Views, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Views, "open", &[p(K::Enter)], Action::Open, "open: quote, section or position", true),
    b(Views, "fold", &[Key::ch('m')], Action::ToggleFold, "fold or unfold members (claims)", true),
    b(Views, "search", &[Key::ch('/')], Action::Search, "search this view", false),
    b(Views, "next_match", &[Key::ch('n')], Action::NextMatch, "next item that matches", false),
    b(Views, "prev_match", &[Key::ch('N')], Action::PrevMatch, "previous item that matches", false),
    b(Views, "clear_search", &[p(K::Esc)], Action::ClearSearch, "clear the search", false),
    b(Views, "actor_filter", &[Key::ch('a')], Action::OpenFilter, "actor filter", true),
    b(Views, "clear_filter", &[Key::ch('c')], Action::ClearFilter, "clear the actor filter", false),
    b(Views, "reload", &[Key::ctrl('r')], Action::Reload, "reload the briefing from its file", false),
    b(Views, "library", &[p(K::Backspace)], Action::Library, "back to the library", false),
    b(Filter, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next actor", false),
    b(Filter, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous actor", false),
    b(Filter, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first actor", false),
    b(Filter, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last actor", false),
    b(Filter, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Filter, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Filter, "choose", &[Key::ch(' ')], Action::ToggleActor, "choose or drop the actor", true),
    b(Filter, "clear_filter", &[Key::ch('c')], Action::ClearFilter, "clear all choices", true),
    b(Filter, "search", &[Key::ch('/')], Action::StartNarrow, "narrow the list by typing", true),
    b(Filter, "open", &[p(K::Enter)], Action::Close, "close (choices stay)", true),
    b(Filter, "actor_filter", &[Key::ch('a')], Action::Close, "close (choices stay)", true),
    b(Filter, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close (choices stay)", true),
    b(Narrow, "accept", &[p(K::Enter)], Action::AcceptInput, "keep the narrowed list", true),
    b(Narrow, "cancel", &[p(K::Esc)], Action::CancelInput, "drop the query", true),
    b(Narrow, "delete_char", &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Narrow, "down", &[p(K::Down)], Action::Down, "next actor", false),
    b(Narrow, "up", &[p(K::Up)], Action::Up, "previous actor", false),
    b(Search, "accept", &[p(K::Enter)], Action::AcceptInput, "keep the search, go to the next match from here", true),
    b(Search, "cancel", &[p(K::Esc)], Action::CancelInput, "cancel the search", true),
    b(Search, "delete_char", &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Detail, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Detail, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Detail, "left", &[Key::ch('h'), p(K::Left)], Action::PrevQuote, "previous quote in the list", true),
    b(Detail, "right", &[Key::ch('l'), p(K::Right)], Action::NextQuote, "next quote in the list", true),
    b(Detail, "open", &[p(K::Enter)], Action::JumpToQuote, "show the quote in its section", true),
    b(Detail, "star", &[Key::ch('s')], Action::Star, "star or unstar", false),
    b(Detail, "copy", &[Key::ch('y')], Action::Copy, "copy with citation", false),
    b(Detail, "view_source", &[Key::ch('v')], Action::ViewSource, "view in source", true),
    b(Detail, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Source, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Source, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Source, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "the top", false),
    b(Source, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "the bottom", false),
    b(Source, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Source, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Source, "next_match", &[Key::ch('n')], Action::NextMatch, "next quote of this briefing in the source", true),
    b(Source, "prev_match", &[Key::ch('N')], Action::PrevMatch, "previous quote in the source", true),
    b(Source, "view_source", &[Key::ch('v')], Action::Close, "back to the quote", false),
    b(Source, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Picker, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Picker, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Picker, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first row", false),
    b(Picker, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last row", false),
    b(Picker, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Picker, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Picker, "open", &[p(K::Enter)], Action::Open, "go there", true),
    b(Picker, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Note, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Note, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Note, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Note, "open", &[p(K::Enter)], Action::Close, "close", true),
    b(Errors, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Errors, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Errors, "reload", &[Key::ctrl('r')], Action::Reload, "try again: load the file, or scan the folder", true),
    b(Errors, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close: after a failed reload, the old briefing stays", true),
    b(Errors, "open", &[p(K::Enter)], Action::Close, "close", false),
    b(Library, "quit", &[Key::ch('q')], Action::Quit, "quit", true),
    b(Library, "quit_all", &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(Library, "suspend", &[Key::ctrl('z')], Action::Suspend, "suspend to the shell (fg returns)", false),
    b(Library, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next briefing", false),
    b(Library, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous briefing", false),
    b(Library, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first briefing", false),
    b(Library, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last briefing", false),
    b(Library, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Library, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Library, "open", &[p(K::Enter)], Action::Open, "open the briefing", true),
    b(Library, "reload", &[Key::ctrl('r')], Action::Reload, "scan the folder again", true),
    // Issue 19: the library as a corpus.
    b(Library, "search", &[Key::ch('/')], Action::Search, "search: every briefing of the library", true),
    b(Library, "library_actors", &[Key::ch('a')], Action::LibraryActors, "actors: every actor of the library, merged", true),
    b(Library, "tag_filter", &[Key::ch('t')], Action::TagFilter, "tag: list only the next tag's briefings, then all", true),
    b(LibraryResults, "quit_all", &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(LibraryResults, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next hit", false),
    b(LibraryResults, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous hit", false),
    b(LibraryResults, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first hit", false),
    b(LibraryResults, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last hit", false),
    b(LibraryResults, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(LibraryResults, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(LibraryResults, "open", &[p(K::Enter)], Action::Open, "open: the briefing, at the hit", true),
    b(LibraryResults, "search", &[Key::ch('/')], Action::Search, "search again", true),
    b(LibraryResults, "library", &[p(K::Backspace)], Action::Library, "back: to the list", true),
    b(LibraryResults, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "back to the list", false),
    b(LibraryActors, "quit_all", &[Key::ch('Q'), Key::ctrl('c')], Action::QuitAll, "quit brief, from anywhere", false),
    b(LibraryActors, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(LibraryActors, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(LibraryActors, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "first row", false),
    b(LibraryActors, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "last row", false),
    b(LibraryActors, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(LibraryActors, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(LibraryActors, "open", &[p(K::Enter)], Action::Open, "open: the actor's statements across the library; a statement in its briefing", true),
    b(LibraryActors, "search", &[Key::ch('/')], Action::StartNarrow, "narrow: the actors, by typing", true),
    b(LibraryActors, "library", &[p(K::Backspace)], Action::Library, "back: from statements to the actors, from the actors to the list", true),
    b(LibraryActors, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "back (Esc first drops a narrowing)", false),
    b(Help, "down", &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Help, "up", &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Help, "top", &[Key::ch('g'), p(K::Home)], Action::Top, "top", false),
    b(Help, "bottom", &[Key::ch('G'), p(K::End)], Action::Bottom, "bottom", false),
    b(Help, "half_page_down", &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Help, "half_page_up", &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Help, "page_down", &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Help, "page_up", &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Help, "read_on", &[Key::ch(' ')], Action::PageDown, "a page down", false),
    b(Help, "read_back", &[Key::ch('b')], Action::PageUp, "a page up", false),
    b(Help, "search", &[Key::ch('/')], Action::StartNarrow, "narrow to the keys that match", true),
    b(Help, "close", &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Help, "help", &[Key::ch('?')], Action::Close, "close", true),
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
