//! The terminal loop: the only code that talks to crossterm. It turns terminal events
//! into actions, draws after each, and always gives the terminal back as it found it:
//! on quit, on error, on panic, and on any signal that ends the process (SIGTERM,
//! SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM...).

mod job;
mod restore;

pub use restore::{end_if_signalled, ending, restore};

use crate::app::state::Effect;
use crate::app::{Action, App, Key, KeyCode, update};
use crate::clipboard::{Clipboard, Setting};
use crate::run::reload::{self, Watch};
use crate::run::scan::{self, Library};
use crate::ui::flags::Flags;
use crossterm::event::{self, Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use restore::{Guard, enter, watch_signals};
use std::io::{self, Stdout};
use std::time::Duration;

/// The most columns or rows drawn. A terminal may claim any size up to 65535x65535;
/// a frame's buffers (two of them, about 40 bytes a cell) must not follow it: at
/// 65535x65535 they were 206 GB (issue 16).
pub const MAX_SIDE: u16 = 4096;
/// The most cells drawn: 1,048,576 (1024x1024, or 4096x256), about 80 MB of buffers.
/// A taller screen than fits is drawn at the top; the rest stays blank.
pub const MAX_CELLS: u32 = 1 << 20;

/// The area drawn for a terminal of `(columns, rows)`: at most `MAX_SIDE` each way,
/// and at most `MAX_CELLS` in all (rows are given up first).
pub fn drawn_area((w, h): (u16, u16)) -> Rect {
    let w = w.min(MAX_SIDE);
    let rows = MAX_CELLS / u32::from(w.max(1));
    let h = h.min(MAX_SIDE).min(u16::try_from(rows).unwrap_or(u16::MAX));
    Rect::new(0, 0, w, h)
}

/// The area drawn now: the terminal's size, clamped.
fn area() -> io::Result<Rect> {
    Ok(drawn_area(crossterm::terminal::size()?))
}

/// Converts a crossterm key to ours; keys we have no use for give `None`.
fn key(k: event::KeyEvent) -> Option<Key> {
    use event::KeyCode as C;
    let code = match k.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
    })
}

/// The action an event asks for. Keys go through the session's keymap, which holds
/// the first keys of a sequence until it is complete.
fn action(app: &mut App, e: &Event) -> Option<Action> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let context = app.context();
            app.keys.press(context, key(*k)?)
        }
        Event::Resize(w, h) => {
            let area = drawn_area((*w, *h));
            Some(Action::Resize(area.width, area.height))
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// The terminal while `brief` owns it: raw mode, alternate screen, hidden cursor, the
/// mouse if wanted. Dropping it gives the terminal back. One `Tty` serves the library
/// and every briefing opened from it, so moving between them does not flicker.
pub struct Tty {
    t: Terminal<CrosstermBackend<Stdout>>,
    _guard: Guard,
    /// Where the last frame drew flags (see `ui::flags`).
    flags: Flags,
    /// Where `y` and `Y` copy to (the config's `clipboard`; `auto` until told).
    clipboard: Clipboard,
}

impl Tty {
    /// Takes the terminal. With `mouse` false the terminal's own text selection keeps
    /// working (no mouse capture).
    pub fn enter(mouse: bool) -> io::Result<Self> {
        // Before the terminal changes, so no signal can end us with the terminal raw.
        watch_signals()?;
        let guard = enter(mouse)?;
        // A fixed viewport, kept at the terminal's size (clamped) by `draw`: ratatui's
        // own resizing would allocate a buffer for any size the terminal reports.
        let area = drawn_area(crossterm::terminal::size()?);
        let t = Terminal::with_options(
            CrosstermBackend::new(io::stdout()),
            TerminalOptions {
                viewport: Viewport::Fixed(area),
            },
        )?;
        // crossterm listens for SIGWINCH from its first poll on: from now, then, so
        // that the signal thread's wake-up (after a suspension, or before ending) is
        // never lost.
        event::poll(Duration::ZERO)?;
        Ok(Self {
            t,
            _guard: guard,
            flags: Flags::default(),
            clipboard: Clipboard::new(Setting::Auto),
        })
    }

    /// Copies with the providers `setting` chooses (the config's `clipboard`).
    #[must_use]
    pub fn with_clipboard(mut self, setting: Setting) -> Self {
        self.clipboard = Clipboard::new(setting);
        self
    }

    /// Runs the reader until the user quits, asks for the library (`app.back`), or a
    /// signal arrives. With a `watch`, the file is reloaded when it changes on disk.
    /// After an ending signal the reader comes back even if the terminal failed (it
    /// may be gone), so that its place can be saved.
    ///
    /// `note` is called after each turn of the loop, before its frame is drawn: the
    /// session hands a changed place to its saver there.
    pub fn read(
        &mut self,
        mut app: App,
        mut watch: Option<Watch>,
        note: &mut dyn FnMut(&App),
    ) -> io::Result<App> {
        match self.reader(&mut app, &mut watch, note) {
            Err(_) if ending() => Ok(app),
            Err(e) => Err(e),
            Ok(()) => Ok(app),
        }
    }

    fn reader(
        &mut self,
        app: &mut App,
        watch: &mut Option<Watch>,
        note: &mut dyn FnMut(&App),
    ) -> io::Result<()> {
        let size = area()?;
        tracing::debug!(width = size.width, height = size.height, "terminal size");
        let shown = std::time::Instant::now();
        let mut indexed = app.derived.is_warm();
        app.back = false;
        update(app, Action::Resize(size.width, size.height));
        self.draw(|area, buf| crate::ui::render(app, area, buf))?;
        while !app.quit && !app.back && !ending() {
            // Indexing the briefing once it is on screen (after a reload too), and a
            // search still finding matches, go on between keys, a step per frame.
            let idle = if app.busy() || !app.derived.is_warm() {
                Duration::ZERO
            } else if watch.is_some() {
                reload::POLL
            } else {
                Duration::MAX
            };
            // Whether anything may have changed the screen: when a poll times out with
            // nothing to do (a watched file unchanged), no frame is drawn at all.
            let working = app.busy() || !app.derived.is_warm();
            let (mut suspend, mut acted) = (false, false);
            let evented = pump(idle, |e| {
                esc_alt(app, e);
                let a = action(app, e);
                acted |= a.is_some();
                match a {
                    Some(Action::Suspend) => suspend = true,
                    Some(a) => update(app, a),
                    None => {}
                }
                suspend || app.quit || app.back
            })?;
            if ending() {
                break;
            }
            let reloaded = watch.as_mut().is_some_and(|w| w.poll(app));
            // A key's frame first: its step of the search is done, and the next
            // step waits for an iteration with no key (mouse motion is no key).
            // Indexing comes first: a step of it, or else of the search.
            if !acted && app.warm_step() && app.busy() {
                app.work();
            }
            if !indexed && app.derived.is_warm() {
                indexed = true;
                tracing::debug!(
                    ms = shown.elapsed().as_secs_f64() * 1000.0,
                    "indexed (from the first frame)"
                );
            }
            let effects = !app.effects.is_empty();
            run_effects(app, watch.as_ref(), &mut self.clipboard);
            let (refused, resumed) = self.settle(suspend)?;
            if refused {
                app.notice =
                    Some("Ctrl-z: no shell to suspend to (brief has a terminal of its own)".into());
            }
            if let Some((w, h)) = resumed {
                tracing::debug!(width = w, height = h, "resumed");
                update(app, Action::Resize(w, h));
            }
            note(app);
            if evented || reloaded || working || effects || suspend || resumed.is_some() {
                self.draw(|area, buf| crate::ui::render(app, area, buf))?;
            }
        }
        Ok(())
    }

    /// Runs the library until the user opens a briefing (`lib.open`), asks for a fresh
    /// scan (`lib.rescan`) or quits. While files are still being read
    /// (`lib.unread_files`), `feed` adds those read since it was last called.
    pub fn library(
        &mut self,
        lib: &mut Library,
        feed: &mut dyn FnMut(&mut Library),
    ) -> io::Result<()> {
        let size = area()?;
        (lib.open, lib.rescan) = (None, false);
        scan::update(lib, Action::Resize(size.width, size.height));
        self.draw(|area, buf| crate::ui::library::render(lib, area, buf))?;
        while !lib.quit && lib.open.is_none() && !lib.rescan && !ending() {
            let mut suspend = false;
            // Files still being read: look for them between keys.
            let idle = if lib.unread_files > 0 {
                Duration::from_millis(50)
            } else {
                Duration::MAX
            };
            let reading = lib.unread_files;
            let evented = pump(idle, |e| {
                let a = match e {
                    Event::Key(k) if k.kind != KeyEventKind::Release => {
                        key(*k).and_then(|k| lib.keys.press(lib.context(), k))
                    }
                    Event::Resize(w, h) => {
                        let area = drawn_area((*w, *h));
                        Some(Action::Resize(area.width, area.height))
                    }
                    _ => None,
                };
                match a {
                    Some(Action::Suspend) => suspend = true,
                    Some(a) => scan::update(lib, a),
                    None => {}
                }
                suspend || lib.quit || lib.open.is_some() || lib.rescan
            })?;
            if ending() {
                break;
            }
            if reading > 0 {
                feed(lib);
            }
            let (_, resumed) = self.settle(suspend)?;
            if let Some((w, h)) = resumed {
                scan::update(lib, Action::Resize(w, h));
            }
            if evented || lib.unread_files != reading || suspend || resumed.is_some() {
                self.draw(|area, buf| crate::ui::library::render(lib, area, buf))?;
            }
        }
        Ok(())
    }

    /// Suspends if asked (Ctrl-z); after any suspension (SIGTSTP too) the screen holds
    /// the shell's text, so the next frame is drawn whole, at the size the terminal
    /// has now (a stopped job gets no SIGWINCH: the shell has the terminal). Says
    /// whether a suspension was refused (no shell to suspend to), and the size after
    /// one.
    fn settle(&mut self, suspend: bool) -> io::Result<(bool, Option<(u16, u16)>)> {
        let refused = suspend && !restore::suspend();
        if restore::resumed() {
            // The screen was cleared when taken again: blank the last frame too (the
            // swap resets the frame before it, and the one after is blank), so the
            // next frame is drawn whole. (`Terminal::clear` would ask the terminal
            // where its cursor is, and wait for the answer.)
            self.t.swap_buffers();
            self.flags = Flags::default();
            let size = area()?;
            return Ok((refused, Some((size.width, size.height))));
        }
        Ok((refused, None))
    }

    fn draw(&mut self, render: impl FnOnce(Rect, &mut Buffer)) -> io::Result<()> {
        // The whole frame under one lock: the signal thread cannot give the terminal
        // back (suspend, end) in the middle of an escape sequence.
        let _out = io::stdout().lock();
        let area = area()?;
        if area != self.t.get_frame().area() {
            // Clears the screen and the last frame, so the next is drawn whole.
            self.t.resize(area)?;
        }
        let flags = &mut self.flags;
        self.t.draw(|f| {
            render(f.area(), f.buffer_mut());
            flags.mend(f.buffer_mut());
        })?;
        Ok(())
    }
}

/// Runs the reader on a terminal of its own (mouse on, no file to watch).
pub fn run(app: App) -> io::Result<App> {
    Tty::enter(true)?.read(app, None, &mut |_| {})
}

/// Waits up to `idle` for an event, then hands it and everything already queued to
/// `handle` (which says when to stop early), so a burst of keys or resizes costs one
/// frame. Signals are not our business here (see `watch_signals`). Says whether any
/// event came.
fn pump(idle: Duration, mut handle: impl FnMut(&Event) -> bool) -> io::Result<bool> {
    if idle != Duration::MAX && !event::poll(idle)? {
        return Ok(false);
    }
    let mut e = event::read()?;
    loop {
        if handle(&e) || !event::poll(Duration::ZERO)? {
            return Ok(true);
        }
        e = event::read()?;
    }
}

/// Esc followed quickly by a key (fast typing, a paste, a slow link) reaches us as that
/// key with Alt: treat it as the two presses it was.
fn esc_alt(app: &mut App, e: &Event) {
    if let Event::Key(k) = e
        && k.modifiers.contains(KeyModifiers::ALT)
        && let context = app.context()
        && let Some(a) = app.keys.press(context, Key::plain(KeyCode::Esc))
    {
        update(app, a);
    }
}

/// Carries out what `update` asked for. A copy's status line says where the text
/// went, or why nowhere (see `clipboard`); OSC 52 carries it base64-encoded, so
/// nothing in it can act as a terminal control.
fn run_effects(app: &mut App, watch: Option<&Watch>, clipboard: &mut Clipboard) {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Clipboard(text) => app.notice = Some(clipboard.copy(&text)),
            Effect::Reload => match watch {
                Some(w) => reload::reload(app, &w.path),
                None => app.notice = Some("the bundled briefing has no file to reload".into()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_drawn_area_is_clamped_each_way_and_in_all() {
        assert_eq!(drawn_area((200, 60)), Rect::new(0, 0, 200, 60));
        assert_eq!(drawn_area((0, 0)), Rect::new(0, 0, 0, 0));
        assert_eq!(drawn_area((u16::MAX, 10)), Rect::new(0, 0, MAX_SIDE, 10));
        assert_eq!(drawn_area((10, u16::MAX)), Rect::new(0, 0, 10, MAX_SIDE));
        let huge = drawn_area((u16::MAX, u16::MAX));
        assert_eq!((huge.width, huge.height), (MAX_SIDE, 256));
        assert!(u32::from(huge.width) * u32::from(huge.height) <= MAX_CELLS);
        assert_eq!(drawn_area((1024, 4000)), Rect::new(0, 0, 1024, 1024));
    }

    /// Every kind of screen at the largest areas `drawn_area` gives: no overflow in
    /// the layout's arithmetic (a width times a share overflowed a `u16` past about
    /// 3,000 columns, issue 16), no panic in any pane or popup.
    #[test]
    fn every_screen_draws_at_the_largest_areas() {
        let b = crate::load::bundled().unwrap().briefing;
        let (tab, enter) = (Key::plain(KeyCode::Tab), Key::plain(KeyCode::Enter));
        let sessions: [&[Key]; 8] = [
            &[],
            &[Key::ch('?')],
            &[Key::ch('a')],
            &[Key::ch('2')],
            &[Key::ch('3')],
            &[Key::ch('4')],
            &[Key::ch('5')],
            &[tab, tab, enter],
        ];
        for (w, h) in [(4096, 256), (1024, 1024), (255, 4096), (4096, 1), (1, 4096)] {
            let area = drawn_area((w, h));
            for keys in sessions {
                let mut app = App::new(b.clone(), 80, 24);
                update(&mut app, Action::Resize(area.width, area.height));
                for &k in keys {
                    if let Some(a) = crate::app::keymap::lookup(app.context(), k) {
                        update(&mut app, a);
                    }
                }
                let mut buf = Buffer::empty(area);
                crate::ui::render(&app, area, &mut buf);
            }
        }
    }
}
