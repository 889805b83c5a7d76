//! A page's blocks: what each one shows and which items it holds, made per (filter,
//! fold) without wrapping any text; each block is wrapped on its own when needed.

use super::{Page, Target, View, actors, claims, figures, timeline};
use crate::model::{ActorIx, Briefing, QuoteIx};
use crate::views::analysis::MeasureGroup;
use crate::views::filter::Filter;
use crate::views::indexes::Indexes;
use std::borrow::Cow;

/// One block of a page: lines that belong together. Every block starts on a new line,
/// so it can be wrapped alone and shown after any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
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

impl Block {
    /// Whether the block heads a group of items without being one: a profile's head,
    /// a measure group's heading.
    pub fn is_head(self) -> bool {
        matches!(self, Block::Profile(_) | Block::Group(_))
    }

    /// Whether the block heads the items below it on screen: an actor's profile, a
    /// measure group, a claim in the list form, the matrix's header row. Scrolling
    /// keeps it in view with the selection when both fit.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Block::Profile(_) | Block::Group(_) | Block::ListClaim(_) | Block::MatrixHead
        )
    }
}

/// A page before wrapping: its blocks, the items each holds, and what the blocks of
/// its view share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    pub blocks: Vec<Block>,
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
    /// The blocks that are headings (`Block::is_heading`), in page order.
    pub headings: Vec<usize>,
    /// Figures: the measure groups.
    pub groups: Vec<MeasureGroup>,
}

impl Structure {
    /// The page of `view` for a filter, from what `derived` keeps of the briefing.
    pub fn new(
        view: View,
        (b, derived): (&Briefing, &Indexes),
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
        self.blocks.capacity() * size_of::<Block>()
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
        block: Block,
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
        block: Block,
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
    pub fn render(&self, b: &Briefing, filter: &Filter, fold: bool, block: Block, page: &mut Page) {
        match block {
            Block::Message(text) => {
                page.line().text(text, super::Tone::Dim);
            }
            Block::Event(i) => timeline::event(page, b, i),
            Block::DatedQuote(q) => timeline::quote(page, b, q),
            Block::Profile(a) => actors::profile(page, b, a),
            Block::Label(text) => {
                page.line().text(text, super::Tone::Strong);
            }
            Block::ActorQuote(q) => actors::quote(page, b, q),
            Block::ActorPosition(c, p) => actors::position(page, b, c, p),
            Block::ActorFigure(i) => actors::figure(page, b, i),
            Block::Group(g) => figures::group(page, b, &self.groups[g]),
            Block::Figure(i) => figures::figure(page, b, i),
            Block::MatrixHead | Block::MatrixRow(_) => {
                let Some(m) = &self.matrix else { return };
                if let Block::MatrixRow(c) = block {
                    claims::row(page, b, filter, &self.columns, m, fold, c);
                } else {
                    claims::head(page, m);
                }
            }
            Block::FoldNote => {
                claims::fold_note(page, self.matrix.as_ref().is_some_and(|m| m.compact));
            }
            Block::HiddenClaims(n) => claims::hidden_note(page, n),
            Block::ListClaim(c) => claims::list_claim(page, b, filter, c),
            Block::ListPosition(c, p) => claims::list_position(page, b, c, p),
        }
    }

    /// What search in a view reads of a block: the texts it shows, each whole (a
    /// phrase wrapped across two lines is found), without the labels and padding
    /// around them. An item matches a query when its block's texts hold it; a block
    /// without items gives its match to a neighbour (`PageState::find_using`). `None`
    /// for the claims, which are searched cell by cell on their wrapped lines.
    pub fn texts<'a>(&'a self, b: &'a Briefing, block: Block) -> Option<Vec<Cow<'a, str>>> {
        Some(match block {
            Block::Message(text) => vec![text.into()],
            // "Quotes", "Positions": the same under every actor, a label, not content;
            // likewise the claims' notes on folding and on what the filter hides.
            Block::Label(_) | Block::FoldNote | Block::HiddenClaims(_) => Vec::new(),
            Block::Event(i) => timeline::event_texts(b, i),
            Block::DatedQuote(q) => timeline::quote_texts(b, q),
            Block::Profile(a) => actors::profile_texts(b, a),
            Block::ActorQuote(q) => actors::quote_texts(b, q),
            Block::ActorPosition(c, p) => actors::position_texts(b, c, p).into(),
            Block::ActorFigure(i) => actors::figure_texts(b, i).into(),
            Block::Group(g) => figures::group_texts(b, &self.groups[g]).into(),
            Block::Figure(i) => figures::figure_texts(b, i),
            Block::MatrixHead
            | Block::MatrixRow(_)
            | Block::ListClaim(_)
            | Block::ListPosition(..) => return None,
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
