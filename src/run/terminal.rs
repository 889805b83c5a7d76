//! The terminal and its event loop: the only code that talks to crossterm. It turns
//! terminal events into actions for a `Screen` (the reader or the library), draws after
//! each, and always gives the terminal back as it found it:
//! on quit, on error, on panic, and on any signal that ends the process (SIGTERM,
//! SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM...).

mod job;
mod restore;

pub use restore::{end_if_signalled, ending, restore};

use crate::app::action::Direction;
use crate::app::keymap::{Context, PendingKeys};
use crate::app::{Action, Effect, Key, KeyCode, Settings};
use crate::config::ClipboardSetting as Setting;
use crate::run::clipboard::Clipboard;
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

/// The action an event asks for. Keys go through the run's keymap, with the keys of
/// a sequence typed so far.
fn action(screen: &mut dyn Screen, settings: &Settings, e: &Event) -> Option<Action> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let context = screen.context();
            screen
                .pending_keys()
                .press(&settings.keymap, context, key(*k)?)
        }
        Event::Resize(w, h) => {
            let area = drawn_area((*w, *h));
            Some(Action::Resize(area.width, area.height))
        }
        Event::Mouse(m) => {
            let direction = match m.kind {
                MouseEventKind::ScrollDown => Direction::Forward,
                MouseEventKind::ScrollUp => Direction::Backward,
                MouseEventKind::Down(MouseButton::Left) => {
                    return Some(Action::Click {
                        x: m.column,
                        y: m.row,
                    });
                }
                _ => return None,
            };
            Some(Action::Scroll {
                x: m.column,
                y: m.row,
                direction,
            })
        }
        _ => None,
    }
}

/// What the event loop runs: the reader or the library. The loop turns events into
/// actions, hands them to `update`, carries out what it returns and draws.
pub trait Screen {
    /// Which keys apply now.
    fn context(&self) -> Context;
    /// The keys of a sequence typed so far.
    fn pending_keys(&mut self) -> &mut PendingKeys;
    fn update(&mut self, settings: &Settings, action: Action) -> Effect;
    fn render(&self, settings: &Settings, area: Rect, buf: &mut Buffer);
    /// How long to wait for an event before `tick` (`Duration::MAX`: until one comes).
    fn idle(&self) -> Duration;
    /// Work between events (a step of indexing or searching, a file watched or read);
    /// `acted`: an action came this turn. Whether the screen changed.
    fn tick(&mut self, acted: bool) -> bool;
    /// Carries out an effect other than a copy: `None` when done here, else the effect
    /// that ends this screen (quit, back to the library, open a briefing).
    fn carry_out(&mut self, effect: Effect) -> Option<Effect>;
    /// Shows a one-off message in the status line, where the screen has one.
    fn notice(&mut self, text: String);
    /// Called after each turn, before its frame is drawn.
    fn turned(&mut self) {}
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

    /// Runs `screen` until it ends (quit, back to the library, a briefing to open) or
    /// a signal arrives, and says how it ended (`Effect::Quit` after a signal). After
    /// an ending signal it comes back even if the terminal failed (it may be gone), so
    /// that the place can be saved.
    pub fn run(&mut self, screen: &mut dyn Screen, settings: &Settings) -> io::Result<Effect> {
        match self.run_loop(screen, settings) {
            Err(_) if ending() => Ok(Effect::Quit),
            other => other,
        }
    }

    fn run_loop(&mut self, screen: &mut dyn Screen, settings: &Settings) -> io::Result<Effect> {
        let size = area()?;
        tracing::debug!(width = size.width, height = size.height, "terminal size");
        let _ = screen.update(settings, Action::Resize(size.width, size.height));
        self.draw(|area, buf| screen.render(settings, area, buf))?;
        loop {
            if ending() {
                return Ok(Effect::Quit);
            }
            let idle = screen.idle();
            // Whether anything may change the screen without an event: when a wait
            // times out with nothing to do (a watched file unchanged), no frame is drawn.
            let working = idle == Duration::ZERO;
            let (mut suspend, mut acted, mut effects) = (false, false, false);
            let mut exit = None;
            let clipboard = &mut self.clipboard;
            let evented = pump(idle, |e| {
                esc_alt(screen, settings, e);
                let a = action(screen, settings, e);
                acted |= a.is_some();
                match a {
                    Some(Action::Suspend) => suspend = true,
                    Some(a) => match screen.update(settings, a) {
                        Effect::None => {}
                        // A copy's status line says where the text went, or why nowhere
                        // (see `clipboard`); OSC 52 carries it base64-encoded, so nothing
                        // in it can act as a terminal control.
                        Effect::Copy(text) => {
                            screen.notice(clipboard.copy(&text));
                            effects = true;
                        }
                        other => {
                            exit = screen.carry_out(other);
                            effects = true;
                        }
                    },
                    None => {}
                }
                suspend || exit.is_some()
            })?;
            if ending() {
                return Ok(Effect::Quit);
            }
            if let Some(exit) = exit {
                return Ok(exit);
            }
            let changed = screen.tick(acted);
            let (refused, resumed) = self.after_suspension(suspend)?;
            if refused {
                screen.notice(
                    "Ctrl-z: no shell to suspend to (brief has a terminal of its own)".into(),
                );
            }
            if let Some((w, h)) = resumed {
                tracing::debug!(width = w, height = h, "resumed");
                let _ = screen.update(settings, Action::Resize(w, h));
            }
            screen.turned();
            if evented || changed || working || effects || suspend || resumed.is_some() {
                self.draw(|area, buf| screen.render(settings, area, buf))?;
            }
        }
    }

    /// Suspends if asked (Ctrl-z); after any suspension (SIGTSTP too) the screen holds
    /// the shell's text, so the next frame is drawn whole, at the size the terminal
    /// has now (a stopped job gets no SIGWINCH: the shell has the terminal). Says
    /// whether a suspension was refused (no shell to suspend to), and the size after
    /// one.
    fn after_suspension(&mut self, suspend: bool) -> io::Result<(bool, Option<(u16, u16)>)> {
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
            flags.repair_flags(f.buffer_mut());
        })?;
        Ok(())
    }
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
fn esc_alt(screen: &mut dyn Screen, settings: &Settings, e: &Event) {
    if let Event::Key(k) = e
        && k.modifiers.contains(KeyModifiers::ALT)
        && let context = screen.context()
        && let Some(a) =
            screen
                .pending_keys()
                .press(&settings.keymap, context, Key::plain(KeyCode::Esc))
    {
        let _ = screen.update(settings, a);
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
        use crate::app::{App, update};
        let b = crate::load::bundled().unwrap().briefing;
        let settings = Settings::default();
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
                let _ = update(&mut app, &settings, Action::Resize(area.width, area.height));
                for &k in keys {
                    if let Some(a) = crate::app::keymap::lookup(app.context(), k) {
                        let _ = update(&mut app, &settings, a);
                    }
                }
                let mut buf = Buffer::empty(area);
                crate::ui::render(&app, &settings, area, &mut buf);
            }
        }
    }
}
