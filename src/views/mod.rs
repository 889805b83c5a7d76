//! The views' model, below the state machine and used by `print` too: the analyst
//! pages, the Reader's and detail's lines, the per-briefing indexes, the analysis
//! (stances, figures, timeline) and search.
pub mod analysis;
pub mod filter;
pub mod indexes;
pub mod lines;
pub mod pages;
pub mod search;

/// Which way a step goes: towards the end (`n`, `J`, the wheel down) or back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Forward,
    Backward,
}
pub mod history;
