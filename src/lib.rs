//! brief: load, validate and read briefings in a terminal.
//!
//! `load` turns bytes into a validated `model::Briefing`; `app` is the pure state
//! machine; `ui` draws it; `terminal` (the only crossterm code) runs the loop.
pub mod app;
pub mod ascii;
pub mod check;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod find;
pub mod layout;
pub mod load;
pub mod log;
pub mod model;
pub mod new;
pub mod output;
pub mod print;
pub mod run;
pub mod sources;
pub mod text;
pub mod theme;
pub mod ui;
pub mod verify;
pub mod views;
