//! The `brief` binary: parses the command line and hands over to the library.

use brief::app::{App, keymap};
use brief::cli::{Cli, Command};
use brief::model::{ActorIx, Briefing};
use brief::{check, load, print, terminal};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            if markdown {
                print!("{}", keymap::markdown());
            } else {
                for ctx in keymap::Context::ALL {
                    println!("{}", ctx.title());
                    for b in keymap::bindings(ctx) {
                        println!("  {:<24}{}", keymap::keys_label(b), b.help);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        None => match read(&cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("brief: {}", message.trim_end());
                ExitCode::FAILURE
            }
        },
    }
}

fn read(cli: &Cli) -> Result<(), String> {
    let loaded = match &cli.file {
        Some(path) => load::load_path(path),
        None => load::bundled(),
    }
    .map_err(|report| report.render())?;
    let briefing = loaded.briefing;
    let actors = cli
        .actors
        .iter()
        .map(|a| brief::find::actor(&briefing, a))
        .collect::<Result<Vec<ActorIx>, String>>()?;
    let section = cli
        .section
        .as_deref()
        .map(|s| brief::find::section(&briefing, s))
        .transpose()?;

    if !std::io::stdout().is_terminal() {
        let width = crossterm_width().unwrap_or(80);
        return std::io::stdout()
            .write_all(print::plain(&briefing, width).as_bytes())
            .map_err(|e| e.to_string());
    }
    let app = start(briefing, &actors, section);
    terminal::run(app).map_err(|e| e.to_string())
}

fn crossterm_width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 20)
}

fn start(briefing: Briefing, actors: &[ActorIx], section: Option<usize>) -> App {
    let mut app = App::new(briefing, 0, 0);
    for &a in actors {
        if !app.filter.chosen.contains(&a) {
            app.filter.toggle(&app.briefing, a);
        }
    }
    if let Some(s) = section {
        app.sections.selected = s;
    }
    app
}
