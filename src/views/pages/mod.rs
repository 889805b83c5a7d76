//! The analyst views (Claims, Figures, Timeline, Actors) as pages: lines of styled
//! cells with selectable items.
//!
//! A page is a list of blocks (an entry with its wrapped rows, a heading), made per
//! (filter, fold) without wrapping anything, each knowing its items' targets. A block
//! is wrapped and styled only when it is on screen or walked over (`lazy`), so a view
//! switch, a filter change or a resize costs a screenful, not the whole briefing.
//! `build` makes the whole page at once, for `brief print --view` and for the test
//! that the lazy page is the same.

mod actors;
mod blocks;
mod claims;
mod figures;
mod lazy;
mod nav;
mod timeline;
mod walk;

use super::filter::Filter;
use super::indexes::Indexes;
pub use super::search::Lexicon;
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx, SectionIx};
use crate::text::wrap;
pub use actors::ActorActivity;
pub use blocks::{PageBlock, Structure};
pub use claims::{MatrixLayout, cell_label, cell_positions, describe as describe_claim_target};
pub use lazy::{PageState, Pos};

/// The five views, switched with the number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    #[default]
    Briefing,
    Claims,
    Figures,
    Timeline,
    Actors,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Briefing,
        View::Claims,
        View::Figures,
        View::Timeline,
        View::Actors,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Briefing => "Briefing",
            View::Claims => "Claims",
            View::Figures => "Figures",
            View::Timeline => "Timeline",
            View::Actors => "Actors",
        }
    }

    /// Position among the page views (Claims is 0); `None` for the Briefing panes.
    pub fn page_index(self) -> Option<usize> {
        (self as usize).checked_sub(1)
    }
}

/// How a cell is drawn; the UI maps tones to theme styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Heading,
    Dim,
    Strong,
    /// Needs attention: "contested", "conflicting".
    Flag,
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCell {
    pub text: String,
    pub tone: Tone,
    /// The item this cell belongs to (highlighted when selected).
    pub item: Option<usize>,
}

/// Where Enter on an item leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Quote(QuoteIx),
    Section(SectionIx),
    /// A claim's position: its quote's detail, or, without a quote, its own popup.
    Position(ClaimIx, usize),
    /// A folded cell of the claims matrix holding several positions (a claim, the
    /// column's actor): the list of them.
    Cell(ClaimIx, ActorIx),
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub line: usize,
    pub column: usize,
    pub target: Target,
}

/// Lines and items: a whole page (`build`), or one block of it (`lazy`), whose item
/// lines count from the block's first line and whose item ids are the page's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub lines: Vec<Vec<PageCell>>,
    pub items: Vec<Item>,
    width: usize,
    column: usize,
    /// The page's id of the first item registered here.
    first_item: usize,
    /// A block after the first: `blank` separates it from the lines above it, which
    /// always end with text.
    after_text: bool,
}

impl Page {
    fn new(width: usize) -> Self {
        Self {
            width: width.max(1),
            ..Self::default()
        }
    }

    /// Starts a new line.
    fn line(&mut self) -> &mut Self {
        self.lines.push(Vec::new());
        self.column = 0;
        self
    }

    fn blank(&mut self) {
        let after_text = self.lines.last().map_or(self.after_text, |l| !l.is_empty());
        if after_text {
            self.line();
        }
    }

    /// Appends a cell to the current line.
    fn cell(&mut self, text: impl Into<String>, tone: Tone, item: Option<usize>) -> &mut Self {
        if self.lines.is_empty() {
            self.line();
        }
        let text = text.into();
        self.column += crate::text::width(&text);
        if let Some(l) = self.lines.last_mut() {
            l.push(PageCell { text, tone, item });
        }
        self
    }

    fn text(&mut self, text: impl Into<String>, tone: Tone) -> &mut Self {
        self.cell(text, tone, None)
    }

    /// Registers a selectable item at the current position of the current line.
    fn item(&mut self, target: Target) -> usize {
        if self.lines.is_empty() {
            self.line();
        }
        self.items.push(Item {
            line: self.lines.len() - 1,
            column: self.column,
            target,
        });
        self.first_item + self.items.len() - 1
    }

    /// Text wrapped to the page width after `indent` columns, on new lines.
    fn wrapped(&mut self, indent: usize, text: &str, tone: Tone, item: Option<usize>) {
        for l in wrap(text, self.width.saturating_sub(indent).max(8)) {
            self.line()
                .text(" ".repeat(indent), Tone::Plain)
                .cell(l, tone, item);
        }
    }

    /// One line per item, wrapped: starts an item on a new line and returns its id.
    fn entry(
        &mut self,
        indent: usize,
        lead: &str,
        text: &str,
        tone: Tone,
        target: Target,
    ) -> usize {
        self.line();
        self.text(" ".repeat(indent), Tone::Plain);
        let id = self.item(target);
        let lead_w = crate::text::width(lead);
        let body = wrap(text, self.width.saturating_sub(indent + lead_w).max(8));
        for (n, l) in body.into_iter().enumerate() {
            if n > 0 {
                self.line().text(" ".repeat(indent + lead_w), Tone::Plain);
            } else {
                self.cell(lead, Tone::Strong, Some(id));
            }
            self.cell(l, tone, Some(id));
        }
        id
    }
}

/// Builds a whole page view for the current filter at a width: every block in turn.
pub fn build(view: View, b: &Briefing, filter: &Filter, width: usize, fold: bool) -> Page {
    build_with_starts(view, b, filter, width, fold).0
}

/// `build`, and the line each block starts on (for tests that check the lazy page
/// against the whole one).
pub fn build_with_starts(
    view: View,
    b: &Briefing,
    filter: &Filter,
    width: usize,
    fold: bool,
) -> (Page, Vec<usize>) {
    let structure = Structure::new(view, (b, &Indexes::default()), filter, width, fold);
    let mut page = Page::new(width);
    let mut starts = Vec::with_capacity(structure.blocks.len());
    for &block in &structure.blocks {
        // A block's `blank` separator (if any) is its own first line.
        starts.push(page.lines.len());
        structure.render(b, filter, fold, block, &mut page);
    }
    (page, starts)
}

/// A short excerpt of a quote for one-line listings.
pub(in crate::views) fn excerpt(b: &Briefing, q: QuoteIx) -> String {
    super::lines::quote_words(b, q).replace('\n', " ")
}

impl Page {
    /// The page as plain text, one line per row, trailing spaces trimmed
    /// (`brief print --view`).
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for cells in &self.lines {
            let line: String = cells.iter().map(|c| c.text.as_str()).collect();
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The page as Markdown: a heading, then the page in a text block, so that column
    /// layouts (the claims matrix) survive any Markdown renderer. The fence is longer
    /// than any run of backticks in the text, so briefing text cannot close it.
    pub fn to_markdown(&self, title: &str) -> String {
        let text = self.to_text();
        let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2) + 1);
        format!("## {title}\n\n{fence}text\n{text}{fence}\n")
    }
}
