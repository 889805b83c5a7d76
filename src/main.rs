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
    match cli.command {
        Some(Command::Check { files, sources }) => {
            let outcome = check::check(&files);
            print!("{}", outcome.stdout);
            eprint!("{}", outcome.stderr);
            let mut ok = outcome.ok;
            if sources && ok {
                let outcome = brief::verify::verify(&files);
                print!("{}", outcome.stdout);
                eprint!("{}", outcome.stderr);
                ok = outcome.ok;
            }
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Some(Command::Verify { files }) => {
            let outcome = brief::verify::verify(&files);
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

fn outcome(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
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
    let loaded = match file {
        Some(path) => load::load_path(path),
        None => load::bundled(),
    }
    .map_err(|report| report.render())?;
    let briefing = loaded.briefing;
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
    let mut selection = print::Selection::new(&briefing, &actors, section);
    if let (Some(path), print::Format::Json) = (file, format) {
        // Where each quote is in its source, when the sources' texts can be read.
        let texts = brief::verify::read_texts(&briefing, path);
        selection.locations = (0..briefing.quotes.len())
            .map(|q| brief::verify::quote_status(&briefing, &texts, brief::model::QuoteIx::at(q)))
            .collect();
    }
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
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
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
