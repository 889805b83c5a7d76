//! Reading one briefing in the terminal: restored to its remembered place, its file
//! watched, its place saved as it changes and at the end.

use super::Options;
use super::reload::{self, Watch};
use super::session::Session;
use super::store;
use super::terminal::{Screen, Tty};
use crate::app::keymap::{Context, PendingKeys};
use crate::app::{Action, App, Effect, Settings, update};
use crate::model::Briefing;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::Path;
use std::time::{Duration, Instant};

/// A briefing ready to read: restored to its remembered place, then `setup` applied
/// (the command line's `--actor`/`--section`, which win over the place).
pub fn prepare(
    briefing: Briefing,
    file: Option<&Path>,
    opts: &Options,
    setup: impl FnOnce(&mut App),
) -> (App, Session) {
    let key = store::key(&briefing, &store::id_less_text(&briefing, file));
    let mut app = App::new(briefing, 0, 0);
    if let Some(path) = file {
        app.sources = crate::verify::read_texts(&app.briefing, path);
        reload::read_history(&mut app, path);
    }
    let (session, warning) = Session::start(&mut app, opts.state_dir.clone(), key);
    app.notice = warning;
    setup(&mut app);
    app.sync();
    (app, session)
}

/// Reads one briefing until quit. Returns warnings to print once the terminal is back.
pub fn read_file(
    briefing: Briefing,
    file: Option<&Path>,
    opts: &Options,
    setup: impl FnOnce(&mut App),
) -> Result<Vec<String>, String> {
    let (app, mut session) = prepare(briefing, file, opts, setup);
    let mut tty = Tty::enter(opts.mouse)
        .map_err(|e| e.to_string())?
        .with_clipboard(opts.clipboard);
    let mut screen = Reader::new(app, file.map(Watch::new), &mut session);
    tty.run(&mut screen, &opts.settings)
        .map_err(|e| e.to_string())?;
    let app = screen.app;
    drop(tty);
    Ok(session.finish(&app).err().into_iter().collect())
}

/// The reader as the event loop runs it: the state, the file watched, and the session
/// told of each change of place.
pub struct Reader<'a> {
    pub app: App,
    watch: Option<Watch>,
    session: &'a mut Session,
    /// When the first frame was shown, and whether the indexes were made since (for
    /// the log).
    shown: Instant,
    indexed: bool,
}

impl<'a> Reader<'a> {
    pub fn new(app: App, watch: Option<Watch>, session: &'a mut Session) -> Self {
        let indexed = app.indexes.indexes_built();
        Self {
            app,
            watch,
            session,
            shown: Instant::now(),
            indexed,
        }
    }
}

impl Screen for Reader<'_> {
    fn context(&self) -> Context {
        self.app.context()
    }

    fn pending_keys(&mut self) -> &mut PendingKeys {
        &mut self.app.pending_keys
    }

    fn update(&mut self, settings: &Settings, action: Action) -> Effect {
        update(&mut self.app, settings, action)
    }

    fn render(&self, settings: &Settings, area: Rect, buf: &mut Buffer) {
        crate::ui::render(&self.app, settings, area, buf);
    }

    fn idle(&self) -> Duration {
        // Indexing the briefing once it is on screen (after a reload too), and a search
        // still finding matches, go on between keys, a step per frame.
        if self.app.is_searching() || !self.app.indexes.indexes_built() {
            Duration::ZERO
        } else if self.watch.is_some() {
            reload::POLL
        } else {
            Duration::MAX
        }
    }

    fn tick(&mut self, acted: bool) -> bool {
        let app = &mut self.app;
        let reloaded = self.watch.as_mut().is_some_and(|w| w.poll(app));
        // A key's frame first: its step of the search is done, and the next step
        // waits for an iteration with no key (mouse motion is no key). Indexing comes
        // first: a step of it, or else of the search.
        if !acted && app.index_step() && app.is_searching() {
            app.search_step();
        }
        if !self.indexed && app.indexes.indexes_built() {
            self.indexed = true;
            tracing::debug!(
                ms = self.shown.elapsed().as_secs_f64() * 1000.0,
                "indexed (from the first frame)"
            );
        }
        reloaded
    }

    fn carry_out(&mut self, effect: Effect) -> Option<Effect> {
        match effect {
            Effect::Reload => {
                match &self.watch {
                    Some(w) => reload::reload(&mut self.app, &w.path),
                    None => {
                        self.app.notice = Some("the bundled briefing has no file to reload".into());
                    }
                }
                None
            }
            Effect::None | Effect::Copy(_) => None,
            ends => Some(ends),
        }
    }

    fn notice(&mut self, text: String) {
        self.app.notice = Some(text);
    }

    fn turned(&mut self) {
        self.session.note(&self.app);
    }
}
