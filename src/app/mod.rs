//! The reader as a pure state machine: keys become actions, `update` applies them.
pub mod action;
pub mod filter;
pub mod key;
pub mod keymap;
pub mod marks;
pub mod picker;
pub mod state;
pub mod update;

pub use action::Action;
pub use key::{Key, KeyCode};
pub use state::{App, Mode};
pub use update::update;
