//! The actor filter popup: its query, the rows it lists and the cursor.

use crate::model::ActorIx;
use crate::views::filter::ActorIndex;

/// Whether the popup's keys type into the query or move through the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Browse,
    Typing,
}

/// The actor filter popup while it is open.
#[derive(Debug, Clone)]
pub struct FilterPopup {
    pub input: Input,
    pub query: String,
    /// Positions in `ActorIndex::rows` currently listed.
    pub rows: Vec<usize>,
    pub cursor: usize,
    pub offset: usize,
}

impl FilterPopup {
    pub fn new(index: &ActorIndex) -> Self {
        Self {
            input: Input::Browse,
            query: String::new(),
            rows: index.narrow(""),
            cursor: 0,
            offset: 0,
        }
    }

    /// Re-narrows after the query changed, keeping the cursor on the same actor if listed.
    pub fn renarrow(&mut self, index: &ActorIndex) {
        let current = self.rows.get(self.cursor).copied();
        self.rows = index.narrow(&self.query);
        self.cursor = current
            .and_then(|c| self.rows.iter().position(|&r| r == c))
            .unwrap_or(0);
    }

    /// The actor under the cursor.
    pub fn current(&self, index: &ActorIndex) -> Option<ActorIx> {
        self.rows.get(self.cursor).map(|&r| index.rows[r].0)
    }
}
