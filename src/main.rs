//! The `brief` binary: parses the command line and hands over to the library.

use brief::app::App;
use brief::cli::{Cli, Command};
use brief::model::{ActorIx, Briefing};
use brief::{check, config, flow, load, persist, print};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    if let Some(file) = brief::log::path(cli.log.as_deref())
        && let Err(e) = brief::log::start(&file)
    {
        eprintln!("brief: {e}");
        return ExitCode::FAILURE;
    }
    tracing::debug!(command = ?cli.command.as_ref().map(command_name), "command line");
    match cli.command {
        Some(Command::Check { files }) => {
            let outcome = check::check(&files);
            print!("{}", outcome.stdout);
            eprint!("{}", outcome.stderr);
            if outcome.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Keys { markdown }) => {
            outcome(config::command::keys(&cli.look, markdown).and_then(|t| write_stdout(&t)))
        }
        Some(Command::Config { default }) => {
            outcome(config::command::config(&cli.look, default).and_then(|t| write_stdout(&t)))
        }
        Some(Command::New { file: None }) => outcome(write_stdout(brief::new::TEMPLATE)),
        Some(Command::New { file: Some(path) }) => {
            outcome(brief::new::write_new(&path).map(|()| {
                let shown = brief::load::diag::escape(&path.display().to_string());
                println!("wrote {shown}: edit it, then `brief check {shown}`");
            }))
        }
        Some(Command::Schema) => outcome(write_stdout(&brief::model::raw::json_schema())),
        Some(Command::Completions { shell }) => {
            outcome(write_stdout_bytes(&brief::cli::completions(shell)))
        }
        Some(Command::Man) => outcome(
            brief::cli::man_page()
                .map_err(|e| e.to_string())
                .and_then(|page| write_stdout_bytes(&page)),
        ),
        Some(Command::Print {
            file,
            actors,
            section,
            view,
            format,
            width,
        }) => outcome(print_briefing(
            file.as_deref(),
            &actors,
            section.as_deref(),
            view,
            format,
            width,
        )),
        None => {
            let result = read(&cli);
            if result.is_err() {
                // An error after a signal asked brief to end (the terminal gone) is
                // that signal's doing: end by it, as the parent expects.
                brief::terminal::end_if_signalled();
            }
            outcome(result)
        }
    }
}

/// The subcommand's name, for the log (its arguments may name briefing content).
fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Check { .. } => "check",
        Command::Print { .. } => "print",
        Command::Keys { .. } => "keys",
        Command::Config { .. } => "config",
        Command::New { .. } => "new",
        Command::Schema => "schema",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    }
}

fn outcome(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => {
            tracing::info!("brief ended");
            ExitCode::SUCCESS
        }
        Err(message) => {
            // The message may quote a briefing; where it came from has logged what is
            // safe to.
            tracing::error!(
                lines = message.lines().count(),
                "brief ended with an error (the message went to stderr)"
            );
            eprintln!("brief: {}", message.trim_end());
            ExitCode::FAILURE
        }
    }
}

/// The briefing named on the command line, or the bundled one, with the actors and
/// section the user typed resolved (unknown ones are errors listing the valid ones).
fn open(
    file: Option<&Path>,
    actors: &[String],
    section: Option<&str>,
) -> Result<(Briefing, Vec<ActorIx>, Option<usize>), String> {
    let started = std::time::Instant::now();
    let loaded = match file {
        Some(path) => load::load_path(path),
        None => load::bundled(),
    };
    let file_name = file.map_or_else(|| "(bundled)".to_owned(), |p| p.display().to_string());
    let loaded = loaded.map_err(|report| {
        tracing::error!(file = %file_name, "does not load: {}", brief::log::report(&report));
        report.render()
    })?;
    let briefing = loaded.briefing;
    tracing::info!(
        file = %file_name,
        ms = started.elapsed().as_secs_f64() * 1000.0,
        sections = briefing.sections.len(),
        quotes = briefing.quotes.len(),
        actors = briefing.actors.len(),
        "loaded"
    );
    let actors = actors
        .iter()
        .map(|a| brief::find::actor(&briefing, a))
        .collect::<Result<Vec<ActorIx>, String>>()?;
    let section = section
        .map(|s| brief::find::section(&briefing, s))
        .transpose()?;
    Ok((briefing, actors, section))
}

fn read(cli: &Cli) -> Result<(), String> {
    let settings = config::settings(&cli.look)?;
    let opts = flow::Options {
        state_dir: (!cli.no_state)
            .then(|| persist::state_dir(cli.state_dir.as_deref()))
            .flatten(),
        mouse: !cli.no_mouse && settings.mouse,
        settings,
    };
    tracing::debug!(
        state_dir = ?opts.state_dir,
        mouse = opts.mouse,
        palette = ?opts.settings.look.palette,
        glyphs = ?opts.settings.look.glyphs,
        clipboard = ?opts.settings.clipboard,
        "settings"
    );
    let warnings = match cli.file.as_deref() {
        Some(dir) if dir.is_dir() => {
            if !std::io::stdout().is_terminal() {
                return write_stdout(&library_text(dir)?);
            }
            flow::library(dir, &opts)?
        }
        file => {
            let (briefing, actors, section) = open(file, &cli.actors, cli.section.as_deref())?;
            if !std::io::stdout().is_terminal() {
                // Not a terminal: the whole briefing as plain text, as `brief print` does.
                return write_stdout(&print::plain(&briefing, output_width()));
            }
            flow::one(briefing, file, &opts, |app| start(app, &actors, section))?
        }
    };
    // The terminal is back by now: plain warnings, and still a clean exit.
    for w in warnings {
        tracing::warn!("{w}");
        eprintln!("brief: warning: {w}");
    }
    // A signal ended the reader: its place is saved; now die by it, as the parent
    // expects.
    brief::terminal::end_if_signalled();
    Ok(())
}

/// `brief DIR | cat`: the library as lines of text.
fn library_text(dir: &Path) -> Result<String, String> {
    let lib = brief::library::Library::scan(dir, None)?;
    let mut out = String::new();
    for e in &lib.entries {
        let line = match &e.info {
            Ok(s) => format!(
                "{} · {} · {} · {}",
                s.title,
                brief::text::count(s.sections, "section"),
                brief::text::count(s.quotes, "quote"),
                e.name
            ),
            Err(first) => format!("✘ {} does not load: {first}", e.name),
        };
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

fn print_briefing(
    file: Option<&Path>,
    actors: &[String],
    section: Option<&str>,
    view: Option<print::PageView>,
    format: print::Format,
    width: Option<u16>,
) -> Result<(), String> {
    let (briefing, actors, section) = open(file, actors, section)?;
    let selection = print::Selection::new(&briefing, &actors, section);
    let width = width.map_or_else(output_width, usize::from);
    let text = match view {
        Some(view) => print::page(&briefing, &selection, view, format, width)?,
        None => print::render(&briefing, &selection, format, width),
    };
    write_stdout(&text)
}

/// The terminal's width when stdout is one, else 80; never below the minimum.
fn output_width() -> usize {
    let terminal = std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(w, _)| usize::from(w));
    terminal
        .unwrap_or(print::DEFAULT_WIDTH)
        .max(print::MIN_WIDTH)
}

/// Writes everything to stdout; a reader that went away (`brief print | head`) is not
/// an error.
fn write_stdout(text: &str) -> Result<(), String> {
    write_stdout_bytes(text.as_bytes())
}

fn write_stdout_bytes(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

/// What the command line asks for wins over the remembered place: `--actor` replaces
/// the remembered filter, `--section` the remembered section.
fn start(app: &mut App, actors: &[ActorIx], section: Option<usize>) {
    if !actors.is_empty() {
        app.filter.clear(&app.briefing);
        for &a in actors {
            if !app.filter.chosen.contains(&a) {
                app.filter.toggle(&app.briefing, a);
            }
        }
    }
    if let Some(s) = section {
        app.sections.selected = s;
        app.reader.scroll = 0;
    }
}
