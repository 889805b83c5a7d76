//! The terminal loop: the only code that talks to crossterm. It turns terminal events
//! into actions, draws after each, and always gives the terminal back as it found it:
//! on quit, on error, on panic, and on SIGTERM, SIGHUP or SIGINT.

use crate::app::keymap;
use crate::app::{Action, App, Key, KeyCode, update};
use crossterm::event::{self, Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

/// How often the loop wakes to check for signals when no event comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Whether the terminal is in our modes now; restoring twice is harmless but noisy.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back: cooked mode, main screen, cursor shown, mouse released.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            event::DisableMouseCapture,
            terminal::LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
    }
}

/// Restores on drop, so an early return or `?` cannot leave the terminal raw.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter() -> io::Result<Guard> {
    terminal::enable_raw_mode().map_err(|e| {
        io::Error::other(format!(
            "brief needs a terminal to draw on ({e}); pipe the output to read it as text"
        ))
    })?;
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = Guard;
    execute!(
        io::stdout(),
        terminal::EnterAlternateScreen,
        event::EnableMouseCapture,
        cursor::Hide
    )?;
    // A panic restores the terminal before its message prints, so the message is readable.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    Ok(guard)
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

fn action(app: &App, e: &Event) -> Option<Action> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => keymap::lookup(app.context(), key(*k)?),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
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

fn draw(t: &mut Terminal<CrosstermBackend<Stdout>>, app: &App) -> io::Result<()> {
    t.draw(|f| crate::ui::render(app, f.area(), f.buffer_mut()))?;
    Ok(())
}

/// Runs the reader until the user quits or a signal arrives. On a signal, the terminal
/// is restored and the process ends as the signal's default action would (status 128+N).
pub fn run(mut app: App) -> io::Result<()> {
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register_usize(
            sig,
            Arc::clone(&signal),
            usize::try_from(sig).unwrap_or(0),
        )?;
    }
    let guard = enter()?;
    let mut t = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = t.size()?;
    update(&mut app, Action::Resize(size.width, size.height));
    draw(&mut t, &app)?;
    while !app.quit {
        let sig = signal.load(Ordering::SeqCst);
        if sig != 0 {
            drop(guard);
            let _ =
                signal_hook::low_level::emulate_default_handler(i32::try_from(sig).unwrap_or(15));
            std::process::exit(128 + i32::try_from(sig).unwrap_or(15));
        }
        if !event::poll(SIGNAL_POLL)? {
            continue;
        }
        // Drain what is queued before drawing, so a burst of keys or resizes costs one frame.
        loop {
            if let Some(a) = action(&app, &event::read()?) {
                update(&mut app, a);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        draw(&mut t, &app)?;
    }
    drop(guard);
    Ok(())
}
