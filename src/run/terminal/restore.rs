//! Taking the terminal and always giving it back: raw mode and the alternate screen
//! entered, and restored on drop, on panic, and on every signal whose default action
//! ends the process (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM...); given back
//! and taken again around a suspension (Ctrl-z, SIGTSTP).

use crossterm::{cursor, event, execute, terminal};
use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

/// The signals that end the reader: every signal whose default action ends the
/// process and that can be caught, but those a fault raises in the faulting thread
/// (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT), which a handler thread
/// cannot answer, and SIGPIPE, which Rust ignores (a closed pipe is a write error).
/// Each saves the place and restores the terminal first, then ends brief by itself.
const SIGNALS: &[i32] = &[
    libc::SIGTERM,
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGALRM,
    libc::SIGVTALRM,
    libc::SIGPROF,
    libc::SIGXCPU,
    libc::SIGXFSZ,
    // Elsewhere (the BSDs, macOS) these are ignored by default, or absent.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGIO,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGPWR,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    libc::SIGSTKFLT,
];

/// Whether the terminal is in our modes now; restoring twice is harmless but noisy.
/// A mutex, not a flag: the signal thread may restore while the main thread is still
/// entering, and must then wait for it to finish rather than see "not active yet" and
/// leave the terminal raw. Lock order: `MODES`, then stdout.
static MODES: Mutex<bool> = Mutex::new(false);

fn modes() -> MutexGuard<'static, bool> {
    MODES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whether the mouse is captured while our modes are on (taken again on resume).
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Set when the process is continued after a suspension: the screen then holds the
/// shell's output, and the next frame must be drawn whole.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// The signal that asked brief to end (one of `SIGNALS`), 0 while none has.
static ENDING: AtomicI32 = AtomicI32::new(0);

/// How long the main thread has, after an ending signal, to leave its loop and save
/// the reader's place before the signal thread ends the process without it.
const GRACE: Duration = Duration::from_millis(500);

/// Whether a signal asked brief to end: the loops stop, the place is saved, and
/// `end_if_signalled` ends the process by that signal.
pub fn ending() -> bool {
    ENDING.load(Ordering::SeqCst) != 0
}

/// Ends the process by the signal that asked it to end, if one did, with the
/// terminal given back first; returns otherwise.
pub fn end_if_signalled() {
    let sig = ENDING.load(Ordering::SeqCst);
    if sig != 0 {
        let _stdout = restore_locked();
        // Returns only if the signal has no terminating default action.
        let _ = signal_hook::low_level::emulate_default_handler(sig);
        std::process::exit(128 + sig);
    }
}

/// Set by SIGCONT (`watch_signals`): a suspension is over.
static CONTINUED: LazyLock<Arc<AtomicBool>> = LazyLock::new(Arc::default);

/// Whether the process was suspended and continued since the last call.
pub(super) fn resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

/// Gives the terminal back, stops the job (as SIGTSTP's default action would; the
/// shell says "Stopped" and `fg` continues it), and takes the terminal again when
/// continued. The modes' lock is held throughout, so no frame is drawn onto the
/// shell's screen meanwhile. Does nothing, and says so, when no shell has job control
/// over brief (`job`).
pub(super) fn suspend() -> bool {
    if !super::job::under_job_control() {
        return false;
    }
    let mut active = modes();
    // Stdout too: the signal thread suspends while the main thread may be drawing.
    let mut out = io::stdout().lock();
    let was = std::mem::replace(&mut *active, false);
    if was {
        leave(&mut out);
    }
    // SIGSTOP, not SIGTSTP: SIGTSTP is ours (the signal thread), SIGSTOP cannot be
    // caught. To the whole group, which is the shell's job (`sh -c 'brief; …'` too).
    // A signal to a group is taken by whichever of our threads the kernel picks, and
    // this one can run on meanwhile (it did, into `take`, before the stop): so it
    // waits for SIGCONT. Its waiting is counted in steps it runs, not stopped time;
    // if no stop came within about two seconds of running, it goes on.
    CONTINUED.store(false, Ordering::SeqCst);
    if rustix::process::kill_current_process_group(rustix::process::Signal::STOP).is_ok() {
        for _ in 0..2000 {
            if CONTINUED.load(Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    if was {
        // Errors are ignored as in `restore`: a terminal gone meanwhile ends us by
        // SIGHUP.
        let _ = take(&mut out, MOUSE.load(Ordering::SeqCst));
        *active = true;
    }
    RESUMED.store(true, Ordering::SeqCst);
    true
}

/// Leaves our modes: mouse released, main screen, cursor shown, cooked mode.
fn leave(out: &mut impl io::Write) {
    // Errors are ignored: after a hangup the terminal is gone and every write fails,
    // yet the process must still end.
    let _ = execute!(
        out,
        event::DisableMouseCapture,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Enters our modes: raw mode, alternate screen, cursor hidden, mouse if asked.
fn take(out: &mut impl io::Write, mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    screens(out, mouse)
}

/// The screen side of our modes: alternate screen, cleared, cursor hidden, mouse if
/// asked.
fn screens(out: &mut impl io::Write, mouse: bool) -> io::Result<()> {
    execute!(
        out,
        terminal::EnterAlternateScreen,
        terminal::Clear(terminal::ClearType::All),
        cursor::Hide
    )?;
    if mouse {
        execute!(out, event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back: cooked mode, main screen, cursor shown, mouse released.
pub fn restore() {
    drop(restore_locked());
}

/// Restores, and returns stdout still locked, so that a caller about to end the process
/// can keep the main thread from drawing a frame onto the restored main screen.
fn restore_locked() -> io::StdoutLock<'static> {
    let mut active = modes();
    let mut out = io::stdout().lock();
    if std::mem::replace(&mut *active, false) {
        leave(&mut out);
    }
    out
}

/// Ends the process on any of `SIGNALS` (SIGTERM, SIGHUP, SIGINT, SIGQUIT...): the
/// pending place is written at once, and the main thread is asked to stop
/// (`ending`) so that the reader's place is saved, and has `GRACE` to do so; then
/// the terminal is restored and the process dies by that signal (default action), so
/// the parent sees the signal and a shell reports 128+N. SIGTSTP (`kill -TSTP`; the
/// Ctrl-z key arrives as a key in raw mode) suspends instead, and on resuming wakes
/// the event loop with a SIGWINCH, which crossterm turns into a resize event, so the
/// screen is drawn again at once.
///
/// Why a thread and not a flag checked by the event loop: when the terminal goes away
/// (window closed, ssh dropped), the kernel sends SIGHUP and the tty reads EOF forever,
/// and crossterm 0.29's event reader then loops on `read() == 0` inside `event::poll`
/// without ever returning (crossterm issue #793). A flag would never be looked at: the
/// process spun at 100% CPU forever and ignored SIGTERM too. The thread does not depend
/// on the event loop coming back.
pub(super) fn watch_signals() -> io::Result<()> {
    // Once per process: a second thread would suspend a second time on one SIGTSTP.
    static WATCHING: AtomicBool = AtomicBool::new(false);
    if WATCHING.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    // A handler of our own for SIGCONT: the process continues as ever, and `suspend`
    // learns it.
    signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&CONTINUED))?;
    let mut signals = signal_hook::iterator::Signals::new(SIGNALS.iter().copied())?;
    signals.add_signal(signal_hook::consts::SIGTSTP)?;
    std::thread::Builder::new()
        .name("brief-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig == signal_hook::consts::SIGTSTP {
                    // Ignored without job control, as the kernel would.
                    if suspend() {
                        let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
                    }
                    continue;
                }
                // The main thread leaves its loop (woken by a resize event), saves
                // the place and ends by the signal (`end_if_signalled`) ...
                ENDING.store(sig, Ordering::SeqCst);
                let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
                // The place as of the last key is written now, by the saver's
                // thread: the main thread may never leave a terminal that is gone.
                crate::run::session::flush();
                std::thread::sleep(GRACE);
                // ... unless it is stuck (a hung-up terminal): then without the place,
                // but never in the middle of a save (which waits a bounded time for
                // the state folder's lock).
                let _saving = crate::run::store::saving();
                end_if_signalled();
            }
        })?;
    Ok(())
}

/// Restores on drop, so an early return or `?` cannot leave the terminal raw.
pub(super) struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

pub(super) fn enter(mouse: bool) -> io::Result<Guard> {
    let mut active = modes();
    // No "brief" in the message: main prefixes "brief: " to every error.
    terminal::enable_raw_mode().map_err(|e| {
        io::Error::other(format!(
            "needs a terminal to draw on ({e}); pipe the output to read it as text"
        ))
    })?;
    *active = true;
    MOUSE.store(mouse, Ordering::SeqCst);
    let entered = screens(&mut io::stdout(), mouse);
    // Unlocked before the guard exists: its drop restores, which takes the lock.
    drop(active);
    let guard = Guard;
    entered?;
    // A panic restores the terminal before its message prints, so the message is readable.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The library's indexing thread catches its own panics and carries on as an
        // error the screen shows: the terminal stays as it is, the message goes to
        // the log.
        if std::thread::current().name() == Some(crate::run::library_index::INDEX_THREAD) {
            tracing::error!("{info}");
            return;
        }
        restore();
        previous(info);
    }));
    Ok(guard)
}
