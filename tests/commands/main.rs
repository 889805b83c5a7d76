//! The command line end to end: each subcommand of the real binary (`check`, `verify`,
//! `diff`, `print --history`, `new`, `schema`, completions, `config`, `keys`, `--log`)
//! and the one write path. One test binary for them all, so `cargo test` links once.

#[path = "../common/mod.rs"]
mod common;

mod check_cli;
mod cli;
mod config_cli;
mod diff;
mod generate;
mod history;
mod log;
mod output;
mod schema;
mod verify;
