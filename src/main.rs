//! The `brief` binary: parses the command line and hands over to the library.

use brief::cli::{Cli, Command};
use brief::model::{ActorIx, Briefing};
use brief::output::{self, Fail};
use brief::run::{self, store};
use brief::{check, config, load, print};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::parse_checked() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    if let Some(file) = brief::log::path(cli.log.as_deref())
        && let Err(e) = brief::log::start(&file)
    {
        let _ = output::stderr(&format!("brief: {e}\n"));
        return ExitCode::FAILURE;
    }
    tracing::debug!(command = ?cli.command.as_ref().map(command_name), "command line");
    let result = run(cli);
    // The message may quote a briefing; where it came from has logged what is safe to.
    if let Err(Fail::Error(message)) = &result {
        tracing::error!(
            lines = message.lines().count(),
            "brief ended with an error (the message went to stderr)"
        );
    } else {
        tracing::info!("brief ended");
    }
    output::exit(result)
}

fn run(cli: Cli) -> Result<ExitCode, Fail> {
    match cli.command {
        Some(Command::Check { files, sources }) => check_files(&files, sources),
        Some(Command::Verify { files }) => {
            report_outcomes(&[verified(&brief::verify::verify(&files))])
        }
        Some(Command::Diff { old, new, format }) => {
            let colour = brief::diff::use_colour(
                cli.look.color,
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            );
            diff(&old, &new, format, colour)
        }
        Some(Command::Keys { markdown }) => {
            output::stdout(&config::command::keys(&cli.look, markdown)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Config { default }) => {
            output::stdout(&config::command::config(&cli.look, default)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::New { file: None }) => write_generated(brief::new::TEMPLATE.as_bytes()),
        Some(Command::New { file: Some(path) }) => {
            brief::new::write_new(&path)?;
            let shown = brief::load::diag::escape(&path.display().to_string());
            output::stdout(&format!(
                "wrote {shown}: edit it, then `brief check {shown}`\n"
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Index {
            dir,
            rebuild,
            cache_dir,
        }) => brief::corpus::command::index(&dir, rebuild, cache_dir.as_deref()),
        Some(Command::Search {
            dir,
            query,
            limit,
            format,
            cache,
        }) => brief::corpus::command::search(&dir, &query, limit, format, &cache),
        Some(Command::Actor {
            dir,
            name,
            format,
            cache,
        }) => brief::corpus::command::actor(&dir, &name, format, &cache),
        Some(Command::Schema) => write_generated(brief::model::raw::json_schema().as_bytes()),
        Some(Command::Completions { shell }) => write_generated(&brief::cli::completions(shell)),
        Some(Command::Man) => {
            let page = brief::cli::man_page().map_err(|e| e.to_string())?;
            write_generated(&page)
        }
        Some(Command::Print {
            file,
            actors,
            view,
            history: Some(dir),
            format,
            ..
        }) => {
            if view != Some(print::PageView::Claims) {
                return Err(Fail::Error(
                    "--history goes with --view claims: it shows each claim's stances across time"
                        .into(),
                ));
            }
            print_history(file.as_deref(), &actors, &dir, format, cli.look.ascii)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Print {
            file,
            actors,
            section,
            view,
            history: None,
            format,
            width,
        }) => {
            print_briefing(
                file.as_deref(),
                &actors,
                section.as_deref(),
                view,
                format,
                width,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let result = read(&cli);
            if result.is_err() {
                // An error after a signal asked brief to end (the terminal gone) is
                // that signal's doing: end by it, as the parent expects.
                brief::run::terminal::end_if_signalled();
            }
            result.map(|()| ExitCode::SUCCESS)
        }
    }
}

/// `brief check FILES`, and with `--sources` the quotes against their sources when
/// the files load.
fn check_files(files: &[std::path::PathBuf], sources: bool) -> Result<ExitCode, Fail> {
    let mut report = vec![check::check(files)];
    if sources && report[0].ok {
        report.push(verified(&brief::verify::verify(files)));
    }
    report_outcomes(&report)
}

/// What `verify` found, as a check's outcome.
fn verified(v: &brief::verify::Outcome) -> check::Outcome {
    check::Outcome {
        stdout: v.stdout.clone(),
        stderr: v.stderr.clone(),
        ok: v.ok,
    }
}

/// Writes what `check` or `verify` found and gives their verdict. A closed pipe stops
/// the report, not the verdict: a bad file is exit 1 even when no one reads why.
fn report_outcomes(outcomes: &[check::Outcome]) -> Result<ExitCode, Fail> {
    let ok = outcomes.iter().all(|o| o.ok);
    let verdict = if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    };
    for o in outcomes {
        let written = output::stdout(&o.stdout).and_then(|()| output::stderr(&o.stderr));
        match written {
            Ok(()) => {}
            Err(Fail::Closed) => return Ok(verdict),
            Err(e) => return Err(e),
        }
    }
    Ok(verdict)
}

/// `brief diff OLD NEW`: exit 0 when the two say the same thing, 1 when they differ,
/// 2 when either does not load (its located errors on stderr, as `brief check` shows
/// them).
fn diff(
    old: &Path,
    new: &Path,
    format: brief::diff::DiffFormat,
    colour: bool,
) -> Result<ExitCode, Fail> {
    let mut loaded = Vec::new();
    let mut errors = String::new();
    for path in [old, new] {
        match load::load_path(path) {
            Ok(l) => loaded.push(l.briefing),
            Err(report) => {
                tracing::error!(file = %path.display(), "does not load: {}", brief::log::report(&report));
                errors.push_str(&report.render());
            }
        }
    }
    if let [a, b] = loaded.as_slice() {
        let d = brief::diff::diff(a, b);
        let (o, n) = (old.display().to_string(), new.display().to_string());
        let text = match format {
            brief::diff::DiffFormat::Text if colour => brief::diff::coloured(&d, &o, &n),
            brief::diff::DiffFormat::Text => brief::diff::text(&d, &o, &n),
            brief::diff::DiffFormat::Markdown => brief::diff::markdown(&d, &o, &n),
            brief::diff::DiffFormat::Json => brief::diff::json(&d, &o, &n),
        };
        let code = if d.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
        return match output::stdout(&text) {
            Ok(()) | Err(Fail::Closed) => Ok(code),
            Err(e) => Err(e),
        };
    }
    match output::stderr(&errors) {
        Ok(()) | Err(Fail::Closed) => Ok(ExitCode::from(2)),
        Err(e) => Err(e),
    }
}

/// The subcommand's name, for the log (its arguments may name briefing content).
fn command_name(c: &Command) -> &'static str {
    match c {
        Command::Check { .. } => "check",
        Command::Print { .. } => "print",
        Command::Diff { .. } => "diff",
        Command::Keys { .. } => "keys",
        Command::Config { .. } => "config",
        Command::New { .. } => "new",
        Command::Index { .. } => "index",
        Command::Search { .. } => "search",
        Command::Actor { .. } => "actor",
        Command::Schema => "schema",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
        Command::Verify { .. } => "verify",
    }
}

/// `--help`, `--version` and usage errors, written through the one output path: help
/// to a full device is `brief: …` and exit 1, to a closed pipe a quiet exit 0. A usage
/// error keeps its exit code (2) whatever becomes of its message.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let to_stderr = e.use_stderr();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let colour = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let rendered = e.render();
    let text = if colour {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let code = ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    if to_stderr {
        let _ = output::stderr(&text);
        return code;
    }
    output::exit(output::stdout(&text).map(|()| code))
}

/// The briefing named on the command line, or the bundled one, with the actors and
/// section the user typed resolved (unknown ones are errors listing the valid ones).
fn open(
    file: Option<&Path>,
    actors: &[String],
    section: Option<&str>,
) -> Result<(Briefing, Vec<ActorIx>, Option<usize>), String> {
    let briefing = run::load_briefing(file, "loaded")
        .map_err(|report| report.render())?
        .briefing;
    let actors = actors
        .iter()
        .map(|a| brief::find::actor(&briefing, a))
        .collect::<Result<Vec<ActorIx>, String>>()?;
    let section = section
        .map(|s| brief::find::section(&briefing, s))
        .transpose()?;
    Ok((briefing, actors, section))
}

fn read(cli: &Cli) -> Result<(), Fail> {
    let setup = config::settings(&cli.look)?;
    let opts = run::Options {
        state_dir: (!cli.no_state)
            .then(|| store::state_dir(cli.state_dir.as_deref()))
            .flatten(),
        cache_dir: (!cli.cache.no_cache)
            .then(|| brief::corpus::cache_dir(cli.cache.cache_dir.as_deref()))
            .flatten(),
        mouse: !cli.no_mouse && setup.mouse,
        clipboard: setup.clipboard,
        settings: setup.settings,
    };
    tracing::debug!(
        state_dir = ?opts.state_dir,
        mouse = opts.mouse,
        palette = ?opts.settings.appearance.palette,
        glyphs = ?opts.settings.appearance.glyphs,
        clipboard = ?opts.clipboard,
        "settings"
    );
    // A terminal that cannot draw the reader (TERM=dumb: an editor's shell buffer)
    // gets the text, as a pipe does, and is told why, after it.
    let dumb =
        std::io::stdout().is_terminal() && std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let plain = dumb || !std::io::stdout().is_terminal();
    let print_text = |text: &str| -> Result<(), Fail> {
        output::stdout(text)?;
        if dumb {
            output::stderr(
                "brief: TERM=dumb cannot show the reader: printed as plain text (set TERM to read it in the terminal)\n",
            )?;
        }
        Ok(())
    };
    let warnings = match cli.file.as_deref() {
        Some(dir) if dir.is_dir() => {
            if plain {
                return print_text(&library_text(dir)?);
            }
            run::browse(dir, &opts)?
        }
        file => {
            let (briefing, actors, section) = open(file, &cli.actors, cli.section.as_deref())?;
            if plain {
                // Not a terminal: the whole briefing as plain text, as `brief print` does.
                return print_text(&print::plain(&briefing, output_width()));
            }
            run::read_file(briefing, file, &opts, |app| app.start_at(&actors, section))?
        }
    };
    // The terminal is back by now: plain warnings, and still a clean exit.
    for w in warnings {
        tracing::warn!("{w}");
        // Escaped here too (escaping is idempotent): a warning names paths, and no
        // path reaches the terminal raw.
        let w = brief::load::diag::escape(&w);
        output::stderr(&format!("brief: warning: {w}\n"))?;
    }
    // A signal ended the reader: its place is saved; now die by it, as the parent
    // expects.
    brief::run::terminal::end_if_signalled();
    Ok(())
}

/// `brief DIR | cat`: the library as lines of text.
fn library_text(dir: &Path) -> Result<String, String> {
    let lib = brief::app::library::Library::scan(dir, None)?;
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
) -> Result<(), Fail> {
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
    output::stdout(&text)
}

/// `brief print --view claims --history DIR`: the briefings of DIR that load (but
/// FILE itself) are compared by date; the others are named in warnings on stderr.
fn print_history(
    file: Option<&Path>,
    actors: &[String],
    dir: &Path,
    format: print::Format,
    ascii: bool,
) -> Result<(), Fail> {
    let (briefing, actors, _) = open(file, actors, None)?;
    let sel = print::Selection::new(&briefing, &actors, None);
    let (earlier, mut warnings) = brief::views::history::read_folder(dir, file)?;
    let named: Vec<print::history::Named<'_>> = earlier
        .iter()
        .map(|e| print::history::Named {
            name: brief::load::diag::escape(&e.path.file_name().map_or_else(
                || e.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )),
            briefing: &e.briefing,
        })
        .collect();
    for n in named.iter().filter(|n| n.briefing.meta.published.is_none()) {
        warnings.push(format!("{} has no published date: left out", n.name));
    }
    output::stdout(&print::history::render(
        &briefing, &sel, &named, format, ascii,
    ))?;
    for w in warnings {
        output::stderr(&format!(
            "brief: warning: {}\n",
            brief::load::diag::escape(&w)
        ))?;
    }
    Ok(())
}

/// The terminal's width when stdout is one, else 80; never below the minimum.
fn output_width() -> usize {
    run::output_width(print::DEFAULT_WIDTH).max(print::MIN_WIDTH)
}

/// Generated output (completions, the man page) through the one output path.
fn write_generated(bytes: &[u8]) -> Result<ExitCode, Fail> {
    output::stdout(&String::from_utf8_lossy(bytes))?;
    Ok(ExitCode::SUCCESS)
}
