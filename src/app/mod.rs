//! The reader as a pure state machine: keys become actions, `update` applies them.
pub mod action;
pub mod derived;
pub mod filter;
pub mod key;
pub mod keymap;
pub mod marks;
pub mod pages;
pub mod picker;
pub mod search;
pub mod state;
pub mod update;
pub mod view;

pub use action::Action;
pub use key::{Key, KeyCode};
pub use state::{App, Mode};
pub use update::update;
