//! A page's blocks: what each one shows and which items it holds, made per (filter,
//! fold) without wrapping any text; each block is wrapped on its own when needed.

use super::{Page, Target, View, actors, claims, figures, timeline};
use crate::model::{ActorIx, Briefing, QuoteIx};
use crate::views::analysis::MeasureGroup;
use crate::views::filter::Filter;
use crate::views::indexes::Indexed;
use std::borrow::Cow;

/// One block of a page: lines that belong together. Every block starts on a new line,
/// so it can be wrapped alone and shown after any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageBlock {
    /// A line of dim text ("No figures from the chosen actors.").
    Message(&'static str),
    /// Timeline: an event (index in `Briefing::timeline`) or a dated quote.
    Event(usize),
    DatedQuote(QuoteIx),
    /// Actors: the profile's head (name, facts, affiliation, members, aliases), a
    /// label ("  Quotes"), one of the actor's quotes, positions (claim, position) or
    /// figures.
    Profile(ActorIx),
    Label(&'static str),
    ActorQuote(QuoteIx),
    ActorPosition(usize, usize),
    ActorFigure(usize),
    /// Figures: a measure group's heading (index in `Structure::groups`), a figure.
    Group(usize),
    Figure(usize),
    /// Claims as a matrix: the header row, one claim's row, the note on folding.
    MatrixHead,
    MatrixRow(usize),
    FoldNote,
    /// With a filter on: how many claims have no position from the chosen actors.
    HiddenClaims(usize),
    /// Claims as a list: a claim with its counts, one of its positions.
    ListClaim(usize),
    ListPosition(usize, usize),
}

impl PageBlock {
    /// Whether the block heads a group of items without being one: a profile's head,
    /// a measure group's heading.
    pub fn is_head(self) -> bool {
        matches!(self, PageBlock::Profile(_) | PageBlock::Group(_))
    }

    /// Whether the block heads the items below it on screen: an actor's profile, a
    /// measure group, a claim in the list form, the matrix's header row. Scrolling
    /// keeps it in view with the selection when both fit.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            PageBlock::Profile(_)
                | PageBlock::Group(_)
                | PageBlock::ListClaim(_)
                | PageBlock::MatrixHead
        )
    }
}

/// A page before wrapping: its blocks, the items each holds, and what the blocks of
/// its view share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    pub blocks: Vec<PageBlock>,
    /// Per block, the id of its first item (items are numbered in page order).
    pub item_start: Vec<usize>,
    /// Where Enter leads from each item.
    pub targets: Vec<Target>,
    /// What the view's counter counts (claims, figures, entries, actors): the block
    /// each one starts at, in page order. Every item belongs to the last one before it.
    pub unit_start: Vec<usize>,
    /// Claims: the actor columns of the matrix, and how the width is shared when the
    /// matrix (not the list) fits the width it was made for.
    pub columns: Vec<ActorIx>,
    pub matrix: Option<claims::MatrixLayout>,
    /// The blocks that are headings (`PageBlock::is_heading`), in page order.
    pub headings: Vec<usize>,
    /// Figures: the measure groups.
    pub groups: Vec<MeasureGroup>,
}

impl Structure {
    /// The page of `view` for a filter, from what `derived` keeps of the briefing.
    pub fn new(
        view: View,
        (b, derived): Indexed<'_>,
        filter: &Filter,
        width: usize,
        fold: bool,
    ) -> Self {
        let mut s = Self::default();
        match view {
            View::Claims => claims::structure(&mut s, b, filter, width, fold),
            View::Figures => figures::structure(&mut s, b, filter),
            View::Timeline => timeline::structure(&mut s, b, filter, derived.timeline(b)),
            View::Actors => actors::structure(&mut s, b, filter, derived.actor_activity(b)),
            View::Briefing => {}
        }
        s
    }

    /// Heap bytes held (for the memory benchmark).
    pub fn heap_bytes(&self) -> usize {
        self.blocks.capacity() * size_of::<PageBlock>()
            + self.item_start.capacity() * size_of::<usize>()
            + self.targets.capacity() * size_of::<Target>()
            + self.columns.capacity() * size_of::<ActorIx>()
            + self.unit_start.capacity() * size_of::<usize>()
            + self.headings.capacity() * size_of::<usize>()
            + self
                .groups
                .iter()
                .map(|g| g.figures.capacity() * size_of::<usize>())
                .sum::<usize>()
    }

    /// Adds a block that starts one of the things the view counts (a claim, a figure,
    /// an entry, an actor), holding items with these targets.
    pub(in crate::views) fn push_unit(
        &mut self,
        block: PageBlock,
        targets: impl IntoIterator<Item = Target>,
    ) {
        self.unit_start.push(self.blocks.len());
        self.push(block, targets);
    }

    /// The heading over block `i`: the last heading at or before it, or the block
    /// itself on a page without headings (the Timeline).
    pub fn heading_of(&self, i: usize) -> usize {
        let n = self.headings.partition_point(|&h| h <= i);
        n.checked_sub(1).map_or(i, |n| self.headings[n])
    }

    /// How many things the view counts, and which of them holds item `k` (from 0).
    pub fn unit_of_item(&self, k: usize) -> Option<usize> {
        let block = self.block_of_item(k);
        self.unit_start
            .partition_point(|&b| b <= block)
            .checked_sub(1)
    }

    /// Adds a block holding items with these targets.
    pub(in crate::views) fn push(
        &mut self,
        block: PageBlock,
        targets: impl IntoIterator<Item = Target>,
    ) {
        if block.is_heading() {
            self.headings.push(self.blocks.len());
        }
        self.blocks.push(block);
        self.item_start.push(self.targets.len());
        self.targets.extend(targets);
    }

    /// Appends a block's lines and items to `page`.
    pub fn render(
        &self,
        b: &Briefing,
        filter: &Filter,
        fold: bool,
        block: PageBlock,
        page: &mut Page,
    ) {
        match block {
            PageBlock::Message(text) => {
                page.line().text(text, super::Tone::Dim);
            }
            PageBlock::Event(i) => timeline::event(page, b, i),
            PageBlock::DatedQuote(q) => timeline::quote(page, b, q),
            PageBlock::Profile(a) => actors::profile(page, b, a),
            PageBlock::Label(text) => {
                page.line().text(text, super::Tone::Strong);
            }
            PageBlock::ActorQuote(q) => actors::quote(page, b, q),
            PageBlock::ActorPosition(c, p) => actors::position(page, b, c, p),
            PageBlock::ActorFigure(i) => actors::figure(page, b, i),
            PageBlock::Group(g) => figures::group(page, b, &self.groups[g]),
            PageBlock::Figure(i) => figures::figure(page, b, i),
            PageBlock::MatrixHead | PageBlock::MatrixRow(_) => {
                let Some(m) = &self.matrix else { return };
                if let PageBlock::MatrixRow(c) = block {
                    claims::row(page, b, filter, &self.columns, m, fold, c);
                } else {
                    claims::head(page, m);
                }
            }
            PageBlock::FoldNote => {
                claims::fold_note(page, self.matrix.as_ref().is_some_and(|m| m.compact));
            }
            PageBlock::HiddenClaims(n) => claims::hidden_note(page, n),
            PageBlock::ListClaim(c) => claims::list_claim(page, b, filter, c),
            PageBlock::ListPosition(c, p) => claims::list_position(page, b, c, p),
        }
    }

    /// What search in a view reads of a block: the texts it shows, each whole (a
    /// phrase wrapped across two lines is found), without the labels and padding
    /// around them. An item matches a query when its block's texts hold it; a block
    /// without items gives its match to a neighbour (`PageState::find_using`). `None`
    /// for the claims, which are searched cell by cell on their wrapped lines.
    pub fn texts<'a>(&'a self, b: &'a Briefing, block: PageBlock) -> Option<Vec<Cow<'a, str>>> {
        Some(match block {
            PageBlock::Message(text) => vec![text.into()],
            // "Quotes", "Positions": the same under every actor, a label, not content;
            // likewise the claims' notes on folding and on what the filter hides.
            PageBlock::Label(_) | PageBlock::FoldNote | PageBlock::HiddenClaims(_) => Vec::new(),
            PageBlock::Event(i) => timeline::event_texts(b, i),
            PageBlock::DatedQuote(q) => timeline::quote_texts(b, q),
            PageBlock::Profile(a) => actors::profile_texts(b, a),
            PageBlock::ActorQuote(q) => actors::quote_texts(b, q),
            PageBlock::ActorPosition(c, p) => actors::position_texts(b, c, p).into(),
            PageBlock::ActorFigure(i) => actors::figure_texts(b, i).into(),
            PageBlock::Group(g) => figures::group_texts(b, &self.groups[g]).into(),
            PageBlock::Figure(i) => figures::figure_texts(b, i),
            PageBlock::MatrixHead
            | PageBlock::MatrixRow(_)
            | PageBlock::ListClaim(_)
            | PageBlock::ListPosition(..) => return None,
        })
    }

    /// The block holding item `k` (which must exist).
    pub fn block_of_item(&self, k: usize) -> usize {
        // The last block starting at or before `k`: blocks without items start where
        // the next one does, so this skips them.
        self.item_start
            .partition_point(|&s| s <= k)
            .saturating_sub(1)
    }
}
