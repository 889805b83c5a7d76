//! The action names the config's `[keys]` takes, each with what it does: the list the
//! default config is written from and config keys are checked against.

use crate::app::Action;
use std::sync::LazyLock;

/// Every action a key can be bound to, with what it does wherever it is bound. In the
/// order the default config lists them.
#[rustfmt::skip]
const DESCRIBED: &[(Action, &str)] = &[
    (Action::Quit, "leave the briefing: back to the library when opened from one, else leave brief"),
    (Action::QuitAll, "leave brief from anywhere, even a briefing opened from the library"),
    (Action::Suspend, "give the terminal back to the shell until `fg`"),
    (Action::Help, "show the keys; closes them again"),
    (Action::Close, "close the popup or list that is open"),
    (Action::NextPane, "focus the next pane"),
    (Action::PrevPane, "focus the previous pane"),
    (Action::Left, "the pane to the left; the previous item in a view; the previous quote in its detail"),
    (Action::Right, "the pane to the right; the next item in a view; the next quote in its detail"),
    (Action::Down, "move down a row or a line"),
    (Action::Up, "move up a row or a line"),
    (Action::Top, "the first item, the top"),
    (Action::Bottom, "the last item, the bottom"),
    (Action::HalfPageDown, "half a page down"),
    (Action::HalfPageUp, "half a page up"),
    (Action::PageDown, "a page down"),
    (Action::PageUp, "a page up"),
    (Action::NextSection, "the next section"),
    (Action::PrevSection, "the previous section"),
    (Action::Open, "open what is selected; in a quote's detail, show it in its section; closes the actor filter and a position"),
    (Action::ActorFilter, "open the actor filter; closes it again"),
    (Action::ClearFilter, "clear the actor filter"),
    (Action::Choose, "choose or drop the actor under the cursor (actor filter)"),
    (Action::Search, "search the briefing or the view; narrow the actor filter's list; in the library, search every briefing"),
    (Action::NextMatch, "the next search match"),
    (Action::PrevMatch, "the previous search match"),
    (Action::ClearSearch, "clear the search"),
    (Action::Accept, "keep what was typed (search, narrowing)"),
    (Action::Cancel, "drop what was typed (search, narrowing)"),
    (Action::DeleteChar, "delete the last character typed"),
    (Action::Outline, "the outline: every section, read marks"),
    (Action::NextQuote, "move the Reader's marker to the next quote of the section"),
    (Action::PrevQuote, "move the Reader's marker to the previous quote of the section"),
    (Action::ReadOn, "in the briefing view, a page down that goes on into the next section"),
    (Action::ReadBack, "in the briefing view, a page up that goes back into the section before"),
    (Action::Star, "star or unstar the selected quote"),
    (Action::Starred, "list the starred quotes"),
    (Action::NextUnread, "the next quote not yet opened"),
    (Action::Copy, "copy the selected quote with its citation"),
    (Action::CopyUrl, "copy the briefing's source URL"),
    (Action::ViewSource, "the quote's source text, scrolled to the quote and highlighted (quote detail, selected quote); closes it again"),
    (Action::ViewBriefing, "the Briefing view (the panes)"),
    (Action::ViewClaims, "the Claims view"),
    (Action::ViewFigures, "the Figures view"),
    (Action::ViewTimeline, "the Timeline view"),
    (Action::ViewActors, "the Actors view"),
    (Action::Fold, "fold or unfold members in the claims matrix"),
    (Action::Reload, "load the briefing from its file again; in the library, scan the folder again"),
    (Action::Library, "back to the library the briefing was opened from (brief DIR); in the library's results and actors, back a screen"),
    (Action::LibraryActors, "the library's Actors screen: every actor of every briefing, merged (brief DIR)"),
    (Action::TagFilter, "list only the briefings with the next tag, then all again (brief DIR)"),
    (Action::Changes, "the list of what the last reload changed; Enter goes to a change"),
    (Action::History, "in the Claims view, the selected cell's stances in the folder's earlier briefings"),
];

/// Every action name the config's `[keys]` takes (`Action::name`), with what it does.
pub static ACTIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    DESCRIBED
        .iter()
        .filter_map(|&(action, what)| Some((action.name()?, what)))
        .collect()
});
