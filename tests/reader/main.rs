//! The reader's state machine and screens, driven without a terminal: transitions,
//! the keymap and config, marks and the remembered place, popups, rendering limits, the
//! library's state, and the layers of the crate. One test binary for them all, so
//! `cargo test` links once.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/far_briefing.rs"]
mod far;

mod config;
mod cursor;
mod keymap;
mod layers;
mod library;
mod library_listing;
mod limits;
mod marks;
mod open_at;
mod persist;
mod popups;
mod render;
mod source_view;
mod update;
