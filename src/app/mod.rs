//! The reader as a pure state machine: keys become actions, `update` applies them.
pub mod action;
pub mod changes;
pub mod filter;
pub mod history;
pub mod key;
pub mod keymap;
pub mod library;
pub mod library_screens;
pub mod marks;
pub mod picker;
pub mod place;
pub mod settings;
pub mod state;
pub mod update;

pub use action::Action;
pub use key::{Key, KeyCode};
pub use settings::{LibraryScreen, Origin, Settings};
pub use state::{App, Effect, Mode};
pub use update::update;
