//! Command-line interface: `brief [FILE]`, `brief check FILE...`, `brief keys`,
//! `brief print [FILE]`, `brief diff OLD NEW`, `brief config`, `brief new [FILE]`, `brief schema`,
//! `brief index DIR`, `brief search DIR QUERY`, `brief actor DIR NAME`,
//! `brief completions SHELL`, `brief man`.

use crate::print::{Format, PageView};
use clap::{Parser, Subcommand, ValueHint};
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
    #[arg(value_hint = ValueHint::AnyPath)]
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
        value_hint = ValueHint::DirPath,
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

    /// For a library folder: --cache-dir DIR keeps its index there, --no-cache uses none
    #[command(flatten)]
    pub cache: crate::corpus::command::CacheArgs,

    #[arg(
        long,
        value_name = "FILE",
        global = true,
        value_hint = ValueHint::FilePath,
        help = "Append a debug log to FILE, for bug reports (also BRIEF_LOG=FILE): version, terminal, paths, timings, errors; never the briefing's text"
    )]
    pub log: Option<PathBuf>,

    /// --config, --color, --ascii (see `crate::config::LookArgs`)
    #[command(flatten)]
    pub look: crate::config::LookArgs,
}

impl Cli {
    /// Parses the command line. The look flags (`--config`, `--color`, `--ascii`) go
    /// before or after a subcommand; the reader's own (a file, `--actor`...) only
    /// without one, and clap cannot say so itself without refusing the look flags
    /// too (`args_conflicts_with_subcommands`), so it is checked here.
    ///
    /// `--help` and `--version` come back as errors too (clap's way), for the caller
    /// to write through its one output path.
    pub fn parse_checked() -> Result<Self, clap::Error> {
        use clap::{CommandFactory, Parser};
        let cli = Self::try_parse()?;
        if let Some(reader_arg) = cli.reader_arg()
            && cli.command.is_some()
        {
            return Err(Self::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("{reader_arg} is for reading a briefing; it cannot go with a subcommand"),
            ));
        }
        Ok(cli)
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
            (self.cache.cache_dir.is_some(), "--cache-dir"),
            (self.cache.no_cache, "--no-cache"),
        ]
        .into_iter()
        .find_map(|(given, name)| given.then_some(name))
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefing files (a folder: its *.toml files) and report every problem with file, line and column
    Check {
        /// Files or folders to check
        #[arg(required = true, value_hint = ValueHint::AnyPath)]
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
        #[arg(value_hint = ValueHint::FilePath)]
        file: Option<PathBuf>,

        /// Only quotes by this actor or its members (id, name or alias; repeatable)
        #[arg(long = "actor", value_name = "NAME_OR_ID")]
        actors: Vec<String>,

        /// Only this section (id or number)
        #[arg(long, value_name = "ID")]
        section: Option<String>,

        /// Print an analyst view instead of the text (text or Markdown, and JSON with
        /// --history; the actor filter applies)
        #[arg(long, value_enum, conflicts_with = "section")]
        view: Option<PageView>,

        /// With --view claims: instead of the matrix, each cell's history, the same
        /// actor's stances on the same claim in the earlier briefings of DIR (by date;
        /// claims matched by id or same-as; not wrapped to --width)
        #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
        history: Option<PathBuf>,

        /// Output format
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,

        /// Wrap text to this many columns (default: the terminal's width, or 80 when
        /// stdout is not a terminal)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
        width: Option<u16>,
    },
    /// Compare two briefings by meaning: added, removed and changed actors, sections,
    /// quotes, stances, figures and events (exit 0: the same, 1: they differ, 2: a
    /// file does not load)
    Diff {
        /// The earlier briefing
        #[arg(value_hint = ValueHint::FilePath)]
        old: PathBuf,

        /// The later briefing
        #[arg(value_hint = ValueHint::FilePath)]
        new: PathBuf,

        /// Output format
        #[arg(long, value_enum, default_value_t = crate::diff::DiffFormat::Text)]
        format: crate::diff::DiffFormat,
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
    /// Write a small commented briefing to start from (to stdout without FILE); never
    /// overwrites a file
    New {
        /// The file to create; it must not exist
        #[arg(value_hint = ValueHint::FilePath)]
        file: Option<PathBuf>,
    },
    /// Build or refresh the index of a library folder and say what changed (--rebuild:
    /// start over)
    Index {
        /// The library folder
        #[arg(value_hint = ValueHint::DirPath)]
        dir: PathBuf,

        /// Remove the index and build it again from the files
        #[arg(long)]
        rebuild: bool,

        #[arg(
            long,
            value_name = "DIR",
            value_hint = ValueHint::DirPath,
            help = "Keep the library's index in this folder (default: $BRIEF_CACHE_DIR, else $XDG_CACHE_HOME/brief, else ~/.cache/brief)"
        )]
        cache_dir: Option<PathBuf>,
    },
    /// Search every briefing of a library folder: quotes, text, titles, names, claims
    /// (exit 0: found, 1: nothing found, 2: an error)
    Search {
        /// The library folder
        #[arg(value_hint = ValueHint::DirPath)]
        dir: PathBuf,

        /// Words that must all begin words of the text, in any case
        query: String,

        /// Print only the best N hits (default: all)
        #[arg(long, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        limit: Option<usize>,

        /// Output format
        #[arg(long, value_enum, default_value_t = crate::corpus::command::Format::Text)]
        format: crate::corpus::command::Format,

        #[command(flatten)]
        cache: crate::corpus::command::CacheArgs,
    },
    /// Print what an actor and their affiliates said across a library folder, oldest
    /// first (exit 0: found, 1: nothing found, 2: an error)
    Actor {
        /// The library folder
        #[arg(value_hint = ValueHint::DirPath)]
        dir: PathBuf,

        /// The actor's id, name or alias
        name: String,

        /// Output format
        #[arg(long, value_enum, default_value_t = crate::corpus::command::Format::Text)]
        format: crate::corpus::command::Format,

        #[command(flatten)]
        cache: crate::corpus::command::CacheArgs,
    },
    /// Print the JSON Schema of the briefing format, for editors (taplo, Even Better
    /// TOML: `#:schema ./brief.schema.json` as a briefing's first line)
    Schema,
    /// Print a shell completion script to stdout
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout
    Man,
}

/// The whole command line as clap sees it, named `brief` whatever the binary is
/// called: for completions and the man page.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

/// A completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(), "brief", &mut out);
    out
}

/// The man page, `brief(1)`, in roff, with a section for each subcommand.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut cmd = command();
    cmd.build();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    render_commands_section(&cmd, &mut out)?;
    render_files_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// COMMANDS: each subcommand with its usage and its own arguments, in this one page
/// (`clap_mangen`'s own section points at a page per subcommand, which brief does not
/// install).
fn render_commands_section(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    use clap_mangen::roff::{Roff, bold, italic, roman};
    let mut r = Roff::new();
    r.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut line = vec![bold(format!("brief {}", sub.get_name()))];
        for arg in sub.get_positionals().filter(|a| !a.is_hide_set()) {
            let name = arg.get_value_names().and_then(|v| v.first()).map_or_else(
                || arg.get_id().to_string().to_uppercase(),
                ToString::to_string,
            );
            let many = if arg.get_num_args().is_some_and(|n| n.max_values() > 1) {
                "..."
            } else {
                ""
            };
            line.push(roman(" "));
            line.push(italic(if arg.is_required_set() {
                format!("{name}{many}")
            } else {
                format!("[{name}{many}]")
            }));
        }
        r.control("TP", []);
        r.text(line);
        if let Some(about) = sub.get_about() {
            r.text([roman(about.to_string())]);
        }
        for arg in sub.get_positionals() {
            let values = possible_values(arg);
            if !values.is_empty() {
                let name = arg.get_id().to_string().to_uppercase();
                r.control("br", []);
                r.text([roman(format!("{name}: {}.", values.join(", ")))]);
            }
        }
        let options: Vec<&clap::Arg> = sub
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .filter(|a| a.get_long().is_some_and(|l| l != "help" && l != "version"))
            .collect();
        if !options.is_empty() {
            r.control("RS", []);
            for arg in options {
                let mut head = vec![bold(format!("--{}", arg.get_long().unwrap_or_default()))];
                if arg.get_action().takes_values()
                    && let Some(names) = arg.get_value_names()
                {
                    for n in names {
                        head.push(roman(" "));
                        head.push(italic(format!("<{n}>")));
                    }
                }
                r.control("TP", []);
                r.text(head);
                let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                let values = possible_values(arg);
                if !values.is_empty() {
                    help = format!("{help} ({})", values.join(", "));
                }
                r.text([roman(help)]);
            }
            r.control("RE", []);
        }
    }
    r.to_writer(out)
}

/// FILES and ENVIRONMENT: where brief reads its config and keeps its state.
fn render_files_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    use clap_mangen::roff::{Roff, bold, roman};
    let mut r = Roff::new();
    r.control("SH", ["FILES"]);
    for (path, what) in [
        (
            "$XDG_CONFIG_HOME/brief/config.toml",
            "The config: keys, theme, colour, mouse, clipboard (~/.config/brief/config.toml \
             when XDG_CONFIG_HOME is not set). brief config --default prints every setting.",
        ),
        (
            "$XDG_CACHE_HOME/brief/library-*.sqlite",
            "The index of each library folder, for brief index, search and actor \
             (~/.cache/brief when XDG_CACHE_HOME is not set). Safe to delete: it is \
             built again from the files.",
        ),
        (
            "$XDG_STATE_HOME/brief/state.json",
            "The remembered place, read marks and stars (~/.local/state/brief/state.json \
             when XDG_STATE_HOME is not set).",
        ),
    ] {
        r.control("TP", []);
        r.text([bold(path)]);
        r.text([roman(what)]);
    }
    r.control("SH", ["ENVIRONMENT"]);
    for (var, what) in [
        (
            "NO_COLOR",
            "Set and not empty: no colour (--color always wins).",
        ),
        (
            "BRIEF_STATE_DIR",
            "The folder for state.json (--state-dir wins).",
        ),
        ("BRIEF_LOG", "A file to append a debug log to (--log wins)."),
        (
            "BRIEF_CACHE_DIR",
            "The folder for library indexes (--cache-dir wins).",
        ),
        ("XDG_CACHE_HOME", "Where the index folder is looked for."),
        ("XDG_CONFIG_HOME", "Where the config folder is looked for."),
        ("XDG_STATE_HOME", "Where the state folder is looked for."),
    ] {
        r.control("TP", []);
        r.text([bold(var)]);
        r.text([roman(what)]);
    }
    r.to_writer(out)
}

/// The values an argument takes, as the man page lists them (hidden ones left out).
fn possible_values(arg: &clap::Arg) -> Vec<String> {
    arg.get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect()
}
