//! The views' model, below the state machine and used by `print` too: the analyst
//! pages, the Reader's and detail's lines, the per-briefing indexes, the analysis
//! (stances, figures, timeline) and search.
pub mod analysis;
pub mod filter;
pub mod indexes;
pub mod lines;
pub mod pages;
pub mod search;
