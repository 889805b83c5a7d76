//! Everything a user can ask of the reader. Keys and mouse events become `Action`s;
//! `update` is the only thing that interprets them.

pub use crate::views::Direction;
use crate::views::pages::View;

/// One user intent. Which ones apply depends on the mode (see `keymap`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the briefing: back to the library when it was opened from one, else
    /// leave brief.
    Quit,
    /// Leave brief, from anywhere (`Q`, Ctrl-c).
    QuitAll,
    /// Show the list of keys.
    Help,
    /// Close the popup that is open (help, actor filter, quote detail).
    Close,
    /// Focus the next pane, wrapping around.
    FocusNext,
    /// Focus the previous pane, wrapping around.
    FocusPrev,
    /// Focus the pane to the left, if any.
    FocusLeft,
    /// Focus the pane to the right, if any.
    FocusRight,
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
    /// Show the next section, from any pane.
    NextSection,
    /// Show the previous section, from any pane.
    PrevSection,
    /// Open what is selected: a section in the Reader, a quote in detail.
    Open,
    /// Open the actor filter.
    OpenFilter,
    /// Clear the actor filter.
    ClearFilter,
    /// Choose or un-choose the actor under the cursor.
    ToggleActor,
    /// Start narrowing the actor list by typing.
    StartNarrow,
    /// Type a character into the narrowing query.
    Input(char),
    /// Delete the last character of the narrowing query.
    DeleteChar,
    /// Keep what was typed (a narrowing or search query) and stop typing.
    AcceptInput,
    /// Drop what was typed and stop typing.
    CancelInput,
    /// Start typing a search over the whole briefing.
    Search,
    /// Go to the next search match, changing section when needed, wrapping around.
    NextMatch,
    /// Go to the previous search match, wrapping around.
    PrevMatch,
    /// Clear the search and its highlights.
    ClearSearch,
    /// The previous quote in the current list (quote detail).
    PrevQuote,
    /// The next quote in the current list (quote detail).
    NextQuote,
    /// Close the detail and show the quote in its section.
    JumpToQuote,
    /// Switch to a view: the briefing panes or an analyst view.
    ShowView(View),
    /// The previous item on a view page (the cell to the left in the claims matrix).
    PrevItem,
    /// The next item on a view page (the cell to the right in the claims matrix).
    NextItem,
    /// Fold members into their state or organisation in the claims matrix, or unfold.
    ToggleFold,
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
    /// Open the quote's source text, scrolled to the quote (issue 18).
    ViewSource,
    /// Copy the briefing's source URL to the clipboard.
    CopyUrl,
    /// The terminal has a new size.
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
    Resize(u16, u16),
    /// Mouse wheel over a cell: `Forward` is down.
    Scroll {
        x: u16,
        y: u16,
        direction: Direction,
    },
    /// Mouse click on a cell.
    Click {
        x: u16,
        y: u16,
    },
}
