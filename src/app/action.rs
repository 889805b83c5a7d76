//! Everything a user can ask of the reader. Keys and mouse events become `Action`s;
//! `update` is the only thing that interprets them.

pub use crate::views::Direction;
use crate::views::pages::View;

/// One user intent. The variants a key can be bound to are the names the config's
/// `[keys]` takes, in snake case (`NextPane` is `next_pane`: `Action::name`, checked
/// against the variant's own name by a test); what one does depends on where it is
/// pressed (`left` moves the focus in the panes, the selection on a view's page, and to
/// the previous quote in a quote's detail), which `update` decides by the mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the briefing: back to the library when it was opened from one, else
    /// leave brief.
    Quit,
    /// Leave brief, from anywhere (`Q`, Ctrl-c).
    QuitAll,
    /// Show the list of keys; in the help, close it.
    Help,
    /// Close the popup that is open (help, actor filter, quote detail).
    Close,
    /// Focus the next pane, wrapping around.
    NextPane,
    /// Focus the previous pane, wrapping around.
    PrevPane,
    /// The pane to the left; the previous item on a view's page (the cell to the left
    /// in the claims matrix); the previous quote in a quote's detail.
    Left,
    /// The pane to the right; the next item on a view's page; the next quote in a
    /// quote's detail.
    Right,
    /// Move the selection down one item, or scroll down one line.
    Down,
    /// Move the selection up one item, or scroll up one line.
    Up,
    /// Go to the first item or the top.
    Top,
    /// Go to the last item or the bottom.
    Bottom,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// A page down that goes on into the next section (Space); a page down elsewhere.
    ReadOn,
    /// A page up that goes back into the section before (`b`); a page up elsewhere.
    ReadBack,
    /// Show the next section, from any pane.
    NextSection,
    /// Show the previous section, from any pane.
    PrevSection,
    /// Open what is selected: a section in the Reader, a quote in detail; in a quote's
    /// detail, show the quote in its section; in the actor filter, a position or an
    /// error panel, close it.
    Open,
    /// Open the actor filter; in it, close it.
    ActorFilter,
    /// Clear the actor filter.
    ClearFilter,
    /// Choose or un-choose the actor under the cursor.
    Choose,
    /// Type a character into the query being typed.
    Input(char),
    /// Delete the last character of the query being typed.
    DeleteChar,
    /// Keep what was typed (a narrowing or search query) and stop typing.
    Accept,
    /// Drop what was typed and stop typing.
    Cancel,
    /// Start typing a search over the briefing or the view; in the actor filter and the
    /// help, start narrowing the list by typing.
    Search,
    /// Go to the next search match, changing section when needed, wrapping around.
    NextMatch,
    /// Go to the previous search match, wrapping around.
    PrevMatch,
    /// Clear the search and its highlights.
    ClearSearch,
    /// Move the Reader's marker to the previous quote of the section.
    PrevQuote,
    /// Move the Reader's marker to the next quote of the section.
    NextQuote,
    /// The Briefing view (the panes).
    ViewBriefing,
    /// The Claims view.
    ViewClaims,
    /// The Figures view.
    ViewFigures,
    /// The Timeline view.
    ViewTimeline,
    /// The Actors view.
    ViewActors,
    /// Fold members into their state or organisation in the claims matrix, or unfold.
    Fold,
    /// Open the section outline.
    Outline,
    /// List the starred quotes.
    Starred,
    /// Star or unstar the selected quote.
    Star,
    /// Select the next quote not yet opened.
    NextUnread,
    /// Copy the selected quote with its citation to the clipboard.
    Copy,
    /// Open the quote's source text, scrolled to the quote (issue 18); in it, close it.
    ViewSource,
    /// Copy the briefing's source URL to the clipboard.
    CopyUrl,
    // Issue 20: what a reload changed, stances across time.
    /// Open the list of what the last reload changed.
    Changes,
    /// Show or hide the selected cell's stances across time in the Claims view.
    History,
    /// Load the briefing again from its file (it also reloads by itself on change).
    Reload,
    /// Give the terminal back to the shell and stop until `fg` (Ctrl-z). The terminal
    /// loop carries it out: it is about the terminal, not the reader's state.
    Suspend,
    /// Back to the library the briefing was opened from.
    Library,
    /// In the library: list only the briefings with the next tag, then all (issue 19).
    TagFilter,
    /// In the library: the Actors screen, every actor of every briefing (issue 19).
    LibraryActors,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Mouse wheel over a cell: `Forward` is down.
    Scroll {
        x: u16,
        y: u16,
        direction: Direction,
    },
    /// Mouse click on a cell.
    Click { x: u16, y: u16 },
}

impl Action {
    /// The name the config's `[keys]` gives this action: the variant's name in snake
    /// case. `None` for what no key is bound to (typing, resizes, the mouse).
    pub const fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::Quit => "quit",
            Action::QuitAll => "quit_all",
            Action::Help => "help",
            Action::Close => "close",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Left => "left",
            Action::Right => "right",
            Action::Down => "down",
            Action::Up => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::ReadOn => "read_on",
            Action::ReadBack => "read_back",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::Open => "open",
            Action::ActorFilter => "actor_filter",
            Action::ClearFilter => "clear_filter",
            Action::Choose => "choose",
            Action::DeleteChar => "delete_char",
            Action::Accept => "accept",
            Action::Cancel => "cancel",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::ClearSearch => "clear_search",
            Action::PrevQuote => "prev_quote",
            Action::NextQuote => "next_quote",
            Action::ViewBriefing => "view_briefing",
            Action::ViewClaims => "view_claims",
            Action::ViewFigures => "view_figures",
            Action::ViewTimeline => "view_timeline",
            Action::ViewActors => "view_actors",
            Action::Fold => "fold",
            Action::Outline => "outline",
            Action::Starred => "starred",
            Action::Star => "star",
            Action::NextUnread => "next_unread",
            Action::Copy => "copy",
            Action::ViewSource => "view_source",
            Action::CopyUrl => "copy_url",
            Action::Reload => "reload",
            Action::Suspend => "suspend",
            Action::Library => "library",
            Action::Changes => "changes",
            Action::History => "history",
            Action::TagFilter => "tag_filter",
            Action::LibraryActors => "library_actors",
            Action::Input(_)
            | Action::Resize(..)
            | Action::Scroll { .. }
            | Action::Click { .. } => {
                return None;
            }
        })
    }

    /// The view a view key shows.
    pub const fn view(self) -> Option<View> {
        Some(match self {
            Action::ViewBriefing => View::Briefing,
            Action::ViewClaims => View::Claims,
            Action::ViewFigures => View::Figures,
            Action::ViewTimeline => View::Timeline,
            Action::ViewActors => View::Actors,
            _ => return None,
        })
    }
}
