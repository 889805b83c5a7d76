//! What `brief` does with a terminal: read one briefing, or browse a folder of them
//! (`brief DIR`) and read any, with the place remembered and the file watched.

use crate::app::App;
use crate::config::Settings;
use crate::library::Library;
use crate::persist::{self, Store};
use crate::reload::Watch;
use crate::session::Session;
use crate::terminal::Tty;
use crate::{load, model::Briefing};
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
    let key = persist::key(&briefing, &persist::id_less_text(&briefing, file));
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
    let (app, session) = prepare(briefing, file, opts, setup);
    let mut tty = Tty::enter(opts.mouse).map_err(|e| e.to_string())?;
    let app = tty
        .read(app, file.map(Watch::new))
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
    let mut lib = Library::scan(dir, store(&mut warnings).as_ref())?;
    lib.look = opts.settings.look;
    lib.keys = crate::app::keymap::Keys::new(std::sync::Arc::clone(&opts.settings.keymap));
    let mut tty = Tty::enter(opts.mouse).map_err(|e| e.to_string())?;
    loop {
        tty.library(&mut lib).map_err(|e| e.to_string())?;
        if lib.quit || crate::terminal::ending() {
            break;
        }
        if let Some(path) = lib.open.take() {
            // A file that loaded at the scan but not now has changed since: the scan
            // below lists it with its error.
            if let Ok(loaded) = load::load_path(&path) {
                let (mut app, session) = prepare(loaded.briefing, Some(&path), opts, |_| {});
                app.from_library = true;
                let app = tty
                    .read(app, Some(Watch::new(&path)))
                    .map_err(|e| e.to_string())?;
                warnings.extend(session.finish(&app).err());
                if app.quit || crate::terminal::ending() {
                    break;
                }
            }
        }
        // Back from a briefing, or Ctrl-r: scan again for new files and unread counts.
        let mut fresh = lib.rescan(store(&mut warnings).as_ref())?;
        fresh.keep_selection(&lib);
        lib = fresh;
    }
    drop(tty);
    Ok(warnings)
}
