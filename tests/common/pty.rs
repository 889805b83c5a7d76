//! The pseudo-terminal harness of the end-to-end tests: the real `brief` binary in a
//! pseudo-terminal, its output fed into a vt100 screen of the same size (and kept as
//! bytes). Every wait polls the screen (or the process) against a deadline and never
//! sleeps as an assertion, so a slow machine only makes the tests slower, and a failure
//! prints the screen instead of hanging.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, SlavePty};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_brief");
/// Long enough for a debug build on a loaded two-core machine; a healthy run takes
/// milliseconds per step.
pub const DEADLINE: Duration = Duration::from_secs(10);
pub const POLL: Duration = Duration::from_millis(15);

pub const ESC: &str = "\x1b";
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";

/// The bundled briefing's title and one of its direct quotes.
pub const TITLE: &str = "South Korea weighs arming Ukraine over North Korean troops in Russia";
pub const DIRECT_QUOTE: &str = "self-destructing war machine";
/// Written to a terminal by the test itself, to know when all before it has been read.
pub const MARKER: &[u8] = b"<end of test>";

/// One run of `brief` in a pseudo-terminal.
pub struct Session {
    /// This run's HOME, state and config folders; removed when the session ends.
    pub home: std::path::PathBuf,
    /// Kept open until the session ends, so the pty (and its termios) outlives the child
    /// and can be inspected after the child exits.
    pub _slave: Box<dyn SlavePty + Send>,
    /// `None` once the terminal is hung up.
    pub master: Option<Box<dyn MasterPty + Send>>,
    /// Taken on the first key: dropping it sends the child a newline and EOF, which a
    /// test that never types should not get.
    pub writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Asks the reader thread to end after its next read.
    pub stop_reading: Arc<AtomicBool>,
    /// How many bytes brief has written to the terminal so far.
    pub written: Arc<std::sync::atomic::AtomicUsize>,
    /// Every byte brief has written to the terminal, for tests of escape sequences.
    pub bytes: Arc<Mutex<Vec<u8>>>,
    pub reader: JoinHandle<()>,
    pub status: Option<ExitStatus>,
}

/// A new empty folder under the system's temporary folder, unique to this process and
/// call.
pub fn scratch_dir(what: &str) -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("brief-e2e-{}-{what}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// vt100 cannot have an empty screen; the pty can.
pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("at least 1")
}

impl Session {
    /// Starts `brief ARGS` in a `cols`×`rows` pseudo-terminal.
    pub fn spawn(cols: u16, rows: u16, args: &[&str]) -> Session {
        Self::spawn_program(cols, rows, BIN, args)
    }

    /// Starts `PROGRAM ARGS` (brief, or a shell to run it from) in a pseudo-terminal.
    pub fn spawn_program(cols: u16, rows: u16, program: &str, args: &[&str]) -> Session {
        Self::spawn_modelled((cols, rows), (cols, rows), program, args)
    }

    /// Starts `PROGRAM ARGS` in a pseudo-terminal of `(cols, rows)`, modelled by a
    /// screen of `model` (smaller for a terminal too large to model).
    pub fn spawn_modelled(
        (cols, rows): (u16, u16),
        model: (u16, u16),
        program: &str,
        args: &[&str],
    ) -> Session {
        Self::spawn_full((cols, rows), model, program, args, None, &[])
    }

    /// `brief ARGS` in a `cols`×`rows` terminal, with `config` as the user's config file
    /// (`$XDG_CONFIG_HOME/brief/config.toml`) and the environment variables given.
    pub fn spawn_configured(
        (cols, rows): (u16, u16),
        config: &str,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Session {
        Self::spawn_full((cols, rows), (cols, rows), BIN, args, Some(config), env)
    }

    fn spawn_full(
        (cols, rows): (u16, u16),
        model: (u16, u16),
        program: &str,
        args: &[&str],
        config: Option<&str>,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = portable_pty::native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open a pty");
        let home = scratch_dir("home");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        // Each run has its own empty state and config folders, so no run sees a place
        // another left (or the user's own), unless a test passes `--state-dir`.
        cmd.env("BRIEF_STATE_DIR", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("HOME", &home);
        cmd.env_remove("COLUMNS");
        cmd.env_remove("LINES");
        // Colour is the tests' choice, not the machine's.
        cmd.env_remove("NO_COLOR");
        if let Some(config) = config {
            std::fs::create_dir_all(home.join("config/brief")).expect("a config folder");
            std::fs::write(home.join("config/brief/config.toml"), config).expect("the config");
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn brief");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            nonzero(model.1),
            nonzero(model.0),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&parser);
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let written = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = Arc::clone(&written);
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let raw = Arc::clone(&bytes);
        // The reader blocks in `read`; it ends when the slave side closes (read gives EIO,
        // which portable-pty turns into EOF), i.e. when the session is dropped, or after
        // the first read once asked to stop.
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        count.fetch_add(n, Ordering::SeqCst);
                        lock(&raw).extend_from_slice(&buf[..n]);
                        lock(&sink).process(&buf[..n]);
                    }
                }
                if stop.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        Session {
            home,
            _slave: pair.slave,
            master: Some(pair.master),
            writer: None,
            child,
            parser,
            stop_reading,
            written,
            bytes,
            reader,
            status: None,
        }
    }

    pub fn master(&self) -> &dyn MasterPty {
        self.master.as_deref().expect("the terminal was hung up")
    }

    /// Types `keys` as a terminal would send them.
    pub fn send(&mut self, keys: &str) {
        if self.writer.is_none() {
            self.writer = Some(self.master().take_writer().expect("pty writer"));
        }
        let writer = self.writer.as_mut().expect("writer");
        writer.write_all(keys.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Resizes the pty (the child gets SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The model first: what the child draws after SIGWINCH is for the new size.
        lock(&self.parser).set_size(nonzero(rows), nonzero(cols));
        self.master()
            .resize(pty_size(cols, rows))
            .expect("resize pty");
    }

    /// Closes the terminal under brief, as closing a terminal window or dropping an ssh
    /// connection does: once no master descriptor is left, the kernel hangs up the pty
    /// (reads give EOF, writes fail) and sends SIGHUP to brief, its session leader.
    pub fn hang_up(&mut self) {
        assert!(
            self.writer.is_none(),
            "hang up only sessions that never typed"
        );
        // The reader thread holds a master descriptor and sits in `read`. Make brief
        // draw (a resize redraws everything) so that the read returns and the thread,
        // asked to stop, ends and closes it.
        self.stop_reading.store(true, Ordering::SeqCst);
        let size = self.master().get_size().expect("pty size");
        self.master()
            .resize(pty_size(size.cols.saturating_sub(1).max(1), size.rows))
            .expect("resize pty");
        let start = Instant::now();
        while !self.reader.is_finished() {
            assert!(
                start.elapsed() <= DEADLINE,
                "no output from brief after a resize; screen:\n{}",
                self.dump()
            );
            thread::sleep(POLL);
        }
        self.master = None;
    }

    /// `hang_up` after typing: the writer is dropped first, and, so that dropping it
    /// types nothing (portable-pty sends a newline and the EOF character, which brief
    /// would read as Enter and Ctrl-d), the terminal's EOF character is unset first.
    pub fn hang_up_after_typing(&mut self) {
        let tty = self.master().tty_name().expect("pty has a device name");
        let flag = if cfg!(target_os = "linux") {
            "-F"
        } else {
            "-f"
        };
        let status = Command::new("stty")
            .arg(flag)
            .arg(&tty)
            .args(["eof", "undef"])
            .status()
            .expect("run stty");
        assert!(status.success(), "stty eof undef");
        self.writer = None;
        self.hang_up();
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Runs `f` on the current screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    pub fn running(&mut self) -> bool {
        if self.status.is_none() {
            self.status = self.child.try_wait().expect("try_wait");
        }
        self.status.is_none()
    }

    /// Polls until `ok` holds for the screen; panics with the screen after the deadline.
    pub fn wait_for(&mut self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            if self.with_screen(&ok) {
                return;
            }
            if start.elapsed() > DEADLINE {
                let state = if self.running() {
                    "still running".to_string()
                } else {
                    format!("exited: {:?}", self.status)
                };
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what} (brief {state}); screen:\n{}",
                    self.dump()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until the screen shows `needle`.
    pub fn wait_text(&mut self, needle: &str) {
        self.wait_for(&format!("{needle:?} on screen"), |s| {
            s.contents().contains(needle)
        });
    }

    /// Waits for the process to end and returns its status; panics after the deadline.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        while self.running() {
            assert!(
                start.elapsed() <= DEADLINE,
                "brief did not exit within {DEADLINE:?}; screen:\n{}",
                self.dump()
            );
            thread::sleep(POLL);
        }
        self.status.clone().expect("exited")
    }

    /// The screen with row numbers and its modes, for failure messages.
    pub fn dump(&self) -> String {
        self.with_screen(|s| {
            let (rows, cols) = dims(s);
            let mut out = format!(
                "[{cols}x{rows}, alternate screen: {}, cursor hidden: {}, mouse: {:?}]\n",
                s.alternate_screen(),
                s.hide_cursor(),
                s.mouse_protocol_mode()
            );
            for (i, row) in s.contents().lines().enumerate() {
                let _ = writeln!(out, "{i:>3}|{row}");
            }
            out
        })
    }

    /// The local and output flags of the pty's termios, as flag names (`ICANON`, `ECHO`,
    /// ...). Read from the master side, which on Linux and the BSDs reports the slave's
    /// settings; falls back to `stty` on the slave's device when the platform gives none.
    pub fn termios_flags(&self) -> Vec<String> {
        if let Some(t) = self.master().get_termios() {
            let debug = format!(
                "{:?} {:?} {:?}",
                t.local_flags, t.output_flags, t.input_flags
            );
            return debug
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
        }
        let tty = self.master().tty_name().expect("pty has a device name");
        let flag = if cfg!(target_os = "linux") {
            "-F"
        } else {
            "-f"
        };
        let out = Command::new("stty")
            .arg("-a")
            .arg(flag)
            .arg(&tty)
            .output()
            .expect("run stty");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter(|w| !w.starts_with('-'))
            .map(str::to_uppercase)
            .collect()
    }

    pub fn cooked(&self) -> bool {
        let flags = self.termios_flags();
        ["ICANON", "ECHO", "ISIG", "OPOST"]
            .iter()
            .all(|f| flags.iter().any(|g| g == f))
    }

    pub fn raw(&self) -> bool {
        let flags = self.termios_flags();
        !["ICANON", "ECHO", "ISIG"]
            .iter()
            .any(|f| flags.iter().any(|g| g == f))
    }

    /// Asserts the terminal is as the child found it: main screen, cursor shown, mouse
    /// released, cooked mode. Call after the child has exited.
    pub fn assert_restored(&mut self) {
        // The child's last bytes may still be on their way through the reader thread.
        self.wait_for("main screen with the cursor shown", |s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
        });
        assert!(
            self.cooked(),
            "the pty is not back in cooked mode: {:?}",
            self.termios_flags()
        );
    }

    /// Waits for the first full frame: panes drawn and the terminal raw.
    pub fn wait_drawn(&mut self) {
        self.wait_for("the panes on the alternate screen", |s| {
            s.alternate_screen() && s.contents().contains("Sections")
        });
        assert!(
            self.raw(),
            "the pty should be raw while brief runs: {:?}",
            self.termios_flags()
        );
    }
}

impl Session {
    /// Every byte brief has written to the terminal so far.
    pub fn bytes(&self) -> Vec<u8> {
        lock(&self.bytes).clone()
    }

    /// Cells whose foreground or background is a colour, as `(row, col)`.
    pub fn coloured_cells(&self) -> Vec<(u16, u16)> {
        self.with_screen(|s| {
            let (rows, cols) = dims(s);
            let mut out = Vec::new();
            for row in 0..rows {
                for col in 0..cols {
                    let cell = s.cell(row, col).unwrap();
                    if cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default
                    {
                        out.push((row, col));
                    }
                }
            }
            out
        })
    }
}

impl Drop for Session {
    /// A failed test must not leave a `brief` behind.
    fn drop(&mut self) {
        if self.running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The screen's (rows, columns).
pub fn dims(s: &vt100::Screen) -> (u16, u16) {
    let (rows, cols) = s.size();
    (rows.get(), cols.get())
}

pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The text of the screen rectangle from column `left` to the right edge, one line per
/// row from `top` to `bottom` inclusive, cell by cell (a wide character's second cell
/// adds nothing).
pub fn region(s: &vt100::Screen, top: u16, bottom: u16, left: u16) -> Vec<String> {
    let (_, cols) = dims(s);
    (top..=bottom)
        .map(|row| {
            (left..cols)
                .map(|col| match s.cell(row, col) {
                    Some(c) if c.is_wide_continuation() => String::new(),
                    Some(c) if c.has_contents() => c.contents().to_string(),
                    _ => " ".to_string(),
                })
                .collect()
        })
        .collect()
}

/// Where `needle` first appears on the screen, as (row, column).
pub fn locate(s: &vt100::Screen, needle: &str) -> Option<(u16, u16)> {
    let (rows, cols) = dims(s);
    for row in 0..rows {
        let mut text = String::new();
        let mut col_of = Vec::new();
        for col in 0..cols {
            let Some(cell) = s.cell(row, col) else { break };
            if cell.is_wide_continuation() {
                continue;
            }
            let piece = if cell.has_contents() {
                cell.contents()
            } else {
                " "
            };
            for _ in piece.char_indices() {
                col_of.push(col);
            }
            text.push_str(piece);
        }
        if let Some(byte) = text.find(needle) {
            let ch = text[..byte].chars().count();
            return Some((row, col_of[ch]));
        }
    }
    None
}
