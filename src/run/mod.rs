//! What `brief` does with a terminal: read one briefing, or browse a folder of them
//! (`brief DIR`) and read any, with the place remembered and the file watched.

pub mod place;
pub mod reload;
pub mod scan;
pub mod session;
pub mod terminal;

use crate::app::App;
use crate::config::Settings;
use crate::run::reload::Watch;
use crate::run::scan::Library;
use crate::run::session::Session;
use crate::run::terminal::Tty;
use crate::{load, model::Briefing};
use place::Store;
use std::path::{Path, PathBuf};

/// How the terminal is used and where state lives (`None`: `--no-state`).
#[derive(Debug, Clone)]
pub struct Options {
    pub state_dir: Option<PathBuf>,
    pub mouse: bool,
    /// Keymap and look, from the config and the flags.
    pub settings: Settings,
}

/// A briefing ready to read: restored to its remembered place, then `setup` applied
/// (the command line's `--actor`/`--section`, which win over the place).
fn prepare(
    briefing: Briefing,
    file: Option<&Path>,
    opts: &Options,
    setup: impl FnOnce(&mut App),
) -> (App, Session) {
    let key = place::key(&briefing, &place::id_less_text(&briefing, file));
    let mut app = App::new(briefing, 0, 0);
    if let Some(path) = file {
        app.sources = crate::verify::read_texts(&app.briefing, path);
    }
    opts.settings.apply(&mut app);
    let (session, warning) = Session::start(&mut app, opts.state_dir.clone(), key);
    app.notice = warning;
    setup(&mut app);
    app.sync();
    (app, session)
}

/// Reads one briefing until quit. Returns warnings to print once the terminal is back.
pub fn one(
    briefing: Briefing,
    file: Option<&Path>,
    opts: &Options,
    setup: impl FnOnce(&mut App),
) -> Result<Vec<String>, String> {
    let (app, mut session) = prepare(briefing, file, opts, setup);
    let mut tty = Tty::enter(opts.mouse)
        .map_err(|e| e.to_string())?
        .with_clipboard(opts.settings.clipboard);
    let app = tty
        .read(app, file.map(Watch::new), &mut |app| session.note(app))
        .map_err(|e| e.to_string())?;
    drop(tty);
    Ok(session.finish(&app).err().into_iter().collect())
}

/// Browses `dir`: the library, then a briefing, then back (Backspace), until quit.
pub fn library(dir: &Path, opts: &Options) -> Result<Vec<String>, String> {
    let store = |warnings: &mut Vec<String>| {
        opts.state_dir.as_deref().map(|d| {
            let (store, warning) = Store::open(d);
            warnings.extend(warning);
            store
        })
    };
    let mut warnings = Vec::new();
    let started = std::time::Instant::now();
    // Listed at once; the files are read by a thread and added as they come, so the
    // library is on screen, and answers keys, while a slow folder is read.
    let mut store_now = store(&mut warnings);
    let (mut lib, mut pending) = Library::scan_later(dir, store_now.as_ref(), None)?;
    tracing::info!(
        dir = %dir.display(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "library listed"
    );
    lib.look = opts.settings.look;
    lib.keys = crate::app::keymap::Keys::new(std::sync::Arc::clone(&opts.settings.keymap));
    let mut tty = Tty::enter(opts.mouse)
        .map_err(|e| e.to_string())?
        .with_clipboard(opts.settings.clipboard);
    loop {
        let mut feed = |lib: &mut Library| {
            if let Some(p) = &pending {
                for file in p.ready() {
                    lib.add(file, store_now.as_ref());
                }
            }
        };
        tty.library(&mut lib, &mut feed)
            .map_err(|e| e.to_string())?;
        if lib.quit || crate::run::terminal::ending() {
            break;
        }
        if let Some(path) = lib.open.take() {
            // A file that loaded at the scan but not now has changed since: the scan
            // below lists it with its error.
            let started = std::time::Instant::now();
            let loaded = load::load_path(&path);
            tracing::info!(
                file = %path.display(),
                ms = started.elapsed().as_secs_f64() * 1000.0,
                ok = loaded.is_ok(),
                "opened from the library"
            );
            if let Ok(loaded) = loaded {
                let (mut app, mut session) = prepare(loaded.briefing, Some(&path), opts, |_| {});
                app.from_library = true;
                let app = tty
                    .read(app, Some(Watch::new(&path)), &mut |app| session.note(app))
                    .map_err(|e| e.to_string())?;
                warnings.extend(session.finish(&app).err());
                if app.quit || crate::run::terminal::ending() {
                    break;
                }
            }
        }
        // Back from a briefing, or Ctrl-r: scan again for new files and unread counts.
        // Files still being read are read afresh.
        store_now = store(&mut warnings);
        let (mut fresh, more) = Library::scan_later(dir, store_now.as_ref(), Some(&lib))?;
        fresh.keep_selection(&lib);
        (lib, pending) = (fresh, more);
    }
    drop(tty);
    Ok(warnings)
}
