//! brief: load, validate and read briefings in a terminal.
//!
//! `load` turns bytes into a validated `model::Briefing`; `app` is the pure state
//! machine; `ui` draws it; `terminal` (the only crossterm code) runs the loop.
pub mod analysis;
pub mod app;
pub mod check;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod find;
pub mod flow;
pub mod layout;
pub mod library;
pub mod load;
pub mod log;
pub mod model;
pub mod new;
pub mod output;
pub mod persist;
pub mod print;
pub mod reload;
pub mod session;
pub mod sources;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod verify;
