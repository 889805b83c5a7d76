//! The one keymap table. Key lookup, the help overlay, the status-line hints and the
//! README's key list are all generated from `BINDINGS`, so they cannot disagree.

use super::action::Action;
use super::key::{Key, KeyCode as K};
use std::fmt::Write as _;

/// Where a binding applies: the main panes or one of the popups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Panes,
    Views,
    Help,
    Filter,
    Narrow,
    Search,
    Detail,
    Note,
    Picker,
}

impl Context {
    pub const ALL: [Context; 9] = [
        Context::Panes,
        Context::Views,
        Context::Filter,
        Context::Narrow,
        Context::Search,
        Context::Detail,
        Context::Note,
        Context::Picker,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Briefing view (panes)",
            Context::Views => "Claims, Figures, Timeline and Actors views",
            Context::Note => "Position detail",
            Context::Picker => "Outline and starred quotes",
            Context::Help => "Help",
            Context::Filter => "Actor filter",
            Context::Narrow => "Actor filter: narrowing",
            Context::Search => "Search: typing",
            Context::Detail => "Quote detail",
        }
    }
}

pub struct Binding {
    pub context: Context,
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
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

const fn p(c: K) -> Key {
    Key::plain(c)
}

use super::pages::View;
use Context::{Detail, Filter, Help, Narrow, Note, Panes, Picker, Search, Views};

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(Panes, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit", true),
    b(Panes, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Panes, &[p(K::Tab)], Action::FocusNext, "next pane", true),
    b(Panes, &[p(K::BackTab)], Action::FocusPrev, "previous pane", false),
    b(Panes, &[Key::ch('h'), p(K::Left)], Action::FocusLeft, "pane to the left", false),
    b(Panes, &[Key::ch('l'), p(K::Right)], Action::FocusRight, "pane to the right", false),
    b(Panes, &[Key::ch('j'), p(K::Down)], Action::Down, "down: select or scroll", false),
    b(Panes, &[Key::ch('k'), p(K::Up)], Action::Up, "up: select or scroll", false),
    b(Panes, &[Key::ch('g'), p(K::Home)], Action::Top, "first item, top", false),
    b(Panes, &[Key::ch('G'), p(K::End)], Action::Bottom, "last item, bottom", false),
    b(Panes, &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Panes, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Panes, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Panes, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Panes, &[Key::ch(']')], Action::NextSection, "next section", true),
    b(Panes, &[Key::ch('[')], Action::PrevSection, "previous section", false),
    b(Panes, &[p(K::Enter)], Action::Open, "open: section in Reader, quote in detail", true),
    b(Panes, &[Key::ch('a')], Action::OpenFilter, "actor filter", true),
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
    b(Panes, &[Key::ch('2')], Action::ShowView(View::Claims), "Claims view", true),
    b(Panes, &[Key::ch('3')], Action::ShowView(View::Figures), "Figures view", false),
    b(Panes, &[Key::ch('4')], Action::ShowView(View::Timeline), "Timeline view", false),
    b(Panes, &[Key::ch('5')], Action::ShowView(View::Actors), "Actors view", false),
    b(Views, &[Key::ch('q'), Key::ctrl('c')], Action::Quit, "quit", true),
    b(Views, &[Key::ch('?')], Action::Help, "help: list the keys", true),
    b(Views, &[Key::ch('1')], Action::ShowView(View::Briefing), "Briefing view", true),
    b(Views, &[Key::ch('2')], Action::ShowView(View::Claims), "Claims view", false),
    b(Views, &[Key::ch('3')], Action::ShowView(View::Figures), "Figures view", false),
    b(Views, &[Key::ch('4')], Action::ShowView(View::Timeline), "Timeline view", false),
    b(Views, &[Key::ch('5')], Action::ShowView(View::Actors), "Actors view", false),
    b(Views, &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Views, &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Views, &[Key::ch('h'), p(K::Left)], Action::PrevItem, "previous item (cell to the left)", false),
    b(Views, &[Key::ch('l'), p(K::Right)], Action::NextItem, "next item (cell to the right)", false),
    b(Views, &[Key::ch('g'), p(K::Home)], Action::Top, "first item", false),
    b(Views, &[Key::ch('G'), p(K::End)], Action::Bottom, "last item", false),
    b(Views, &[Key::ctrl('d')], Action::HalfPageDown, "half a page down", false),
    b(Views, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", false),
    b(Views, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Views, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Views, &[p(K::Enter)], Action::Open, "open: quote, section or position", true),
    b(Views, &[Key::ch('m')], Action::ToggleFold, "fold or unfold members (claims)", true),
    b(Views, &[Key::ch('/')], Action::Search, "search this view", false),
    b(Views, &[Key::ch('n')], Action::NextMatch, "next item that matches", false),
    b(Views, &[Key::ch('N')], Action::PrevMatch, "previous item that matches", false),
    b(Views, &[p(K::Esc)], Action::ClearSearch, "clear the search", false),
    b(Views, &[Key::ch('a')], Action::OpenFilter, "actor filter", true),
    b(Views, &[Key::ch('c')], Action::ClearFilter, "clear the actor filter", false),
    b(Filter, &[Key::ch('j'), p(K::Down)], Action::Down, "next actor", false),
    b(Filter, &[Key::ch('k'), p(K::Up)], Action::Up, "previous actor", false),
    b(Filter, &[Key::ch('g'), p(K::Home)], Action::Top, "first actor", false),
    b(Filter, &[Key::ch('G'), p(K::End)], Action::Bottom, "last actor", false),
    b(Filter, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Filter, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Filter, &[Key::ch(' ')], Action::ToggleActor, "choose or drop the actor", true),
    b(Filter, &[Key::ch('c')], Action::ClearFilter, "clear all choices", true),
    b(Filter, &[Key::ch('/')], Action::StartNarrow, "narrow the list by typing", true),
    b(Filter, &[p(K::Enter), Key::ch('a'), p(K::Esc)], Action::Close, "close (choices stay)", true),
    b(Narrow, &[p(K::Enter)], Action::AcceptInput, "keep the narrowed list", true),
    b(Narrow, &[p(K::Esc)], Action::CancelInput, "drop the query", true),
    b(Narrow, &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Narrow, &[p(K::Down)], Action::Down, "next actor", false),
    b(Narrow, &[p(K::Up)], Action::Up, "previous actor", false),
    b(Search, &[p(K::Enter)], Action::AcceptInput, "keep the search, go to the first match", true),
    b(Search, &[p(K::Esc)], Action::CancelInput, "cancel the search", true),
    b(Search, &[p(K::Backspace)], Action::DeleteChar, "delete a character", false),
    b(Detail, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Detail, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Detail, &[Key::ch('h'), p(K::Left)], Action::PrevQuote, "previous quote in the list", true),
    b(Detail, &[Key::ch('l'), p(K::Right)], Action::NextQuote, "next quote in the list", true),
    b(Detail, &[p(K::Enter)], Action::JumpToQuote, "show the quote in its section", true),
    b(Detail, &[Key::ch('s')], Action::Star, "star or unstar", false),
    b(Detail, &[Key::ch('y')], Action::Copy, "copy with citation", false),
    b(Detail, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Picker, &[Key::ch('j'), p(K::Down)], Action::Down, "next row", false),
    b(Picker, &[Key::ch('k'), p(K::Up)], Action::Up, "previous row", false),
    b(Picker, &[Key::ch('g'), p(K::Home)], Action::Top, "first row", false),
    b(Picker, &[Key::ch('G'), p(K::End)], Action::Bottom, "last row", false),
    b(Picker, &[p(K::PageDown)], Action::PageDown, "a page down", false),
    b(Picker, &[p(K::PageUp)], Action::PageUp, "a page up", false),
    b(Picker, &[p(K::Enter)], Action::Open, "go there", true),
    b(Picker, &[p(K::Esc), Key::ch('q')], Action::Close, "close", true),
    b(Note, &[p(K::Esc), Key::ch('q'), p(K::Enter)], Action::Close, "close", true),
    b(Help, &[Key::ch('j'), p(K::Down)], Action::Down, "scroll down", false),
    b(Help, &[Key::ch('k'), p(K::Up)], Action::Up, "scroll up", false),
    b(Help, &[p(K::Esc), Key::ch('?'), Key::ch('q')], Action::Close, "close", true),
];

/// The action a key means in a context. While narrowing, unbound printable
/// characters are typed into the query.
pub fn lookup(context: Context, key: Key) -> Option<Action> {
    let bound = BINDINGS
        .iter()
        .find(|b| b.context == context && b.keys.contains(&key))
        .map(|b| b.action);
    match (bound, context, key.code) {
        (None, Context::Narrow | Context::Search, K::Char(c)) if !key.ctrl && !c.is_control() => {
            Some(Action::Input(c))
        }
        // Ctrl-c quits from anywhere: a user who is lost must always have a way out.
        (None, _, K::Char('c')) if key.ctrl => Some(Action::Quit),
        _ => bound,
    }
}

/// The bindings of one context, in table order.
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

/// The key table as Markdown, for the README (`brief keys --markdown`).
pub fn markdown() -> String {
    let mut out = String::new();
    for ctx in Context::ALL {
        let _ = write!(
            out,
            "\n**{}**\n\n| Keys | Action |\n|---|---|\n",
            ctx.title()
        );
        for b in bindings(ctx) {
            let keys = b
                .keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(out, "| {keys} | {} |", b.help);
        }
        if matches!(ctx, Context::Narrow | Context::Search) {
            out.push_str("| any other character | typed into the query |\n");
        }
    }
    out
}
