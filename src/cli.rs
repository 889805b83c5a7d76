//! Command-line interface: `brief [FILE]`, `brief check FILE...`, `brief keys`,
//! `brief print [FILE]`, `brief config`.

use crate::print::{Format, PageView};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "Read news and intelligence briefings in the terminal: who said what, in what words, and who denies what."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Briefing file to open, or a folder of them for the library (default: the bundled
    /// briefing)
    pub file: Option<PathBuf>,

    /// Start with the actor filter on this actor (id, name or alias; repeatable)
    #[arg(long = "actor", value_name = "NAME_OR_ID")]
    pub actors: Vec<String>,

    /// Start at this section (id or number)
    #[arg(long, value_name = "ID")]
    pub section: Option<String>,

    #[arg(
        long,
        value_name = "DIR",
        conflicts_with = "no_state",
        help = "Keep the remembered place in this folder (default: $BRIEF_STATE_DIR, else $XDG_STATE_HOME/brief, else ~/.local/state/brief)"
    )]
    pub state_dir: Option<PathBuf>,

    /// Neither read nor write the remembered place
    #[arg(long)]
    pub no_state: bool,

    /// Leave the mouse to the terminal (its own text selection keeps working)
    #[arg(long)]
    pub no_mouse: bool,

    /// --config, --color, --ascii (see `crate::config::LookArgs`)
    #[command(flatten)]
    pub look: crate::config::LookArgs,
}

impl Cli {
    /// Parses the command line. The look flags (`--config`, `--color`, `--ascii`) go
    /// before or after a subcommand; the reader's own (a file, `--actor`...) only
    /// without one, and clap cannot say so itself without refusing the look flags
    /// too (`args_conflicts_with_subcommands`), so it is checked here.
    pub fn parse_checked() -> Self {
        use clap::{CommandFactory, Parser};
        let cli = Self::parse();
        if let Some(reader_arg) = cli.reader_arg()
            && cli.command.is_some()
        {
            Self::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    format!(
                        "{reader_arg} is for reading a briefing; it cannot go with a subcommand"
                    ),
                )
                .exit();
        }
        cli
    }

    /// The first argument given that only reading a briefing takes.
    fn reader_arg(&self) -> Option<&'static str> {
        [
            (self.file.is_some(), "a FILE"),
            (!self.actors.is_empty(), "--actor"),
            (self.section.is_some(), "--section"),
            (self.state_dir.is_some(), "--state-dir"),
            (self.no_state, "--no-state"),
            (self.no_mouse, "--no-mouse"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefing files and report every problem with file, line and column
    Check {
        /// Files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,

        /// Also check every direct quote and evidence excerpt against its source's text
        /// (as `brief verify` does)
        #[arg(long)]
        sources: bool,
    },
    /// Check every direct quote and evidence excerpt against its source's local text
    Verify {
        /// Briefing files to verify
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the briefing, or the part chosen by --actor and --section, to stdout
    Print {
        /// Briefing file to print (default: the bundled briefing)
        file: Option<PathBuf>,

        /// Only quotes by this actor or its members (id, name or alias; repeatable)
        #[arg(long = "actor", value_name = "NAME_OR_ID")]
        actors: Vec<String>,

        /// Only this section (id or number)
        #[arg(long, value_name = "ID")]
        section: Option<String>,

        /// Print an analyst view instead of the text (text or Markdown; the actor
        /// filter applies)
        #[arg(long, value_enum, conflicts_with = "section")]
        view: Option<PageView>,

        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,

        /// Wrap text to this many columns (default: the terminal's width, or 80 when
        /// stdout is not a terminal)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
    },
    /// Print the key table, as the config sets it
    Keys {
        /// As Markdown (the README's key section)
        #[arg(long)]
        markdown: bool,
    },
    /// Check the config file and say where it is, or print the default config
    Config {
        /// Print the whole default config (it loads as is)
        #[arg(long)]
        default: bool,
    },
}
