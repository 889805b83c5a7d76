//! Copying (`y`, `Y`): a chain of clipboard providers, as helix and neovim have, chosen
//! by the config's `clipboard` setting, and a status line that says where the text went
//! or why it went nowhere, never "copied" when nothing was.
//!
//! The providers: a system clipboard command found on `PATH` (`wl-copy` on Wayland,
//! `xclip` or `xsel` on X11, `pbcopy` on macOS), tmux's own buffer (`tmux load-buffer
//! -w -`, which tmux passes on to the outer terminal's clipboard whatever its
//! `set-clipboard` says about programs inside it), and OSC 52 written to the terminal
//! (crossterm's `CopyToClipboard`). A copy that reaches none of them leaves the text in
//! a file of its own and names it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use crate::config::ClipboardSetting as Setting;

/// Where a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivered {
    /// A system clipboard command took it (its name).
    System(String),
    /// tmux's buffer took it (`tmux load-buffer -w`).
    Tmux,
    /// Written to the terminal as OSC 52; whether the terminal keeps it is up to the
    /// terminal (the note says what is known, such as tmux letting it through).
    Terminal(Option<String>),
}

impl Delivered {
    pub fn status(&self) -> String {
        match self {
            Self::System(cmd) => format!("copied to the system clipboard ({cmd})"),
            Self::Tmux => "copied to the tmux buffer (tmux load-buffer -w)".into(),
            Self::Terminal(None) => "sent to the terminal (OSC 52)".into(),
            Self::Terminal(Some(note)) => format!("sent to the terminal (OSC 52; {note})"),
        }
    }
}

/// One way to copy.
pub trait Provider {
    /// What it is called in the log and in tests (`xclip`, `tmux`, `OSC 52`).
    fn name(&self) -> String;
    /// Copies `text`, or says why it could not.
    fn copy(&mut self, text: &str) -> Result<Delivered, String>;
}

/// What the copying decisions read from the environment, gathered once.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools)] // facts about the session, not states
pub struct Env {
    pub wayland: bool,
    pub x11: bool,
    pub macos: bool,
    pub ssh: bool,
    pub tmux: bool,
    /// The `PATH` folders.
    pub path: Vec<PathBuf>,
}

impl Env {
    pub fn current() -> Self {
        let set = |v: &str| std::env::var_os(v).is_some_and(|v| !v.is_empty());
        Self {
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
            ssh: set("SSH_CONNECTION") || set("SSH_TTY") || set("SSH_CLIENT"),
            tmux: set("TMUX"),
            path: std::env::var_os("PATH")
                .map(|p| std::env::split_paths(&p).collect())
                .unwrap_or_default(),
        }
    }

    /// The program's full path, if it is on `PATH`.
    fn find(&self, program: &str) -> Option<PathBuf> {
        self.path
            .iter()
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    }

    /// The first system clipboard command this session can use, or why there is none.
    fn system(&self) -> Result<Cmd, String> {
        let mut wanted: Vec<(&str, &[&str])> = Vec::new();
        if self.macos {
            wanted.push(("pbcopy", &[]));
        }
        if self.wayland {
            wanted.push(("wl-copy", &[]));
        }
        if self.x11 {
            wanted.push(("xclip", &["-selection", "clipboard", "-in"]));
            wanted.push(("xsel", &["--clipboard", "--input"]));
        }
        if wanted.is_empty() {
            return Err("no system clipboard (neither WAYLAND_DISPLAY nor DISPLAY is set)".into());
        }
        wanted
            .iter()
            .find_map(|&(name, args)| {
                self.find(name).map(|program| Cmd {
                    name: name.to_owned(),
                    program,
                    args: args.iter().map(|&a| a.to_owned()).collect(),
                    tmux: false,
                })
            })
            .ok_or_else(|| {
                let names: Vec<&str> = wanted.iter().map(|w| w.0).collect();
                format!("no clipboard command found (install {})", or_list(&names))
            })
    }

    fn tmux_buffer(&self) -> Result<Cmd, String> {
        if !self.tmux {
            return Err("not inside tmux".into());
        }
        let program = self.find("tmux").ok_or("tmux is not on PATH")?;
        Ok(Cmd {
            name: "tmux".into(),
            program,
            args: vec!["load-buffer".into(), "-w".into(), "-".into()],
            tmux: true,
        })
    }
}

/// `a`, `a or b`, `a, b or c`.
fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The providers a setting tries, in order, or why it has none.
pub fn chain(setting: Setting, env: &Env) -> Result<Vec<Box<dyn Provider>>, String> {
    let osc52 = || -> Box<dyn Provider> {
        Box::new(Osc52 {
            out: Box::new(std::io::stdout()),
            tmux: env.tmux.then(|| env.find("tmux")).flatten(),
        })
    };
    let boxed = |c: Cmd| -> Box<dyn Provider> { Box::new(c) };
    Ok(match setting {
        Setting::None => Vec::new(),
        Setting::Osc52 => vec![osc52()],
        Setting::System => vec![boxed(env.system()?)],
        Setting::Tmux => vec![boxed(env.tmux_buffer()?)],
        Setting::Auto => {
            let mut chain = Vec::new();
            // Over SSH the machine's own clipboard is not the user's.
            if !env.ssh
                && let Ok(cmd) = env.system()
            {
                chain.push(boxed(cmd));
            }
            if let Ok(cmd) = env.tmux_buffer() {
                chain.push(boxed(cmd));
            }
            chain.push(osc52());
            chain
        }
    })
}

/// The session's clipboard: its providers and where a failed copy's text is kept.
pub struct Clipboard {
    providers: Result<Vec<Box<dyn Provider>>, String>,
    /// The folder for the file a failed copy leaves its text in.
    keep_in: PathBuf,
    /// That file, once made: later failures write it again.
    kept: Option<PathBuf>,
}

impl Clipboard {
    /// The clipboard for this session's setting and environment.
    pub fn new(setting: Setting) -> Self {
        let providers = chain(setting, &Env::current());
        match &providers {
            Ok(p) => tracing::debug!(
                ?setting,
                providers = ?p.iter().map(|p| p.name()).collect::<Vec<_>>(),
                "clipboard"
            ),
            Err(why) => tracing::debug!(?setting, "clipboard: none ({why})"),
        }
        Self::with(providers, std::env::temp_dir())
    }

    /// A clipboard with these providers (or the reason there are none), keeping a
    /// failed copy's text in `keep_in`.
    pub fn with(providers: Result<Vec<Box<dyn Provider>>, String>, keep_in: PathBuf) -> Self {
        Self {
            providers,
            keep_in,
            kept: None,
        }
    }

    /// Copies `text` with the first provider that takes it, and returns the status
    /// line: where it went, followed by the start of the text; or why it went nowhere
    /// and where the text can be found instead.
    pub fn copy(&mut self, text: &str) -> String {
        let preview = crate::text::truncate(text, 48);
        let why = match &mut self.providers {
            Err(why) => why.clone(),
            Ok(providers) if providers.is_empty() => {
                "the clipboard is off (clipboard = \"none\")".into()
            }
            Ok(providers) => {
                let mut errors = Vec::new();
                for p in providers.iter_mut() {
                    match p.copy(text) {
                        Ok(done) => {
                            tracing::info!(bytes = text.len(), "copy: {}", done.status());
                            return format!("{}: {preview}", done.status());
                        }
                        Err(e) => {
                            tracing::warn!("copy: {e}");
                            errors.push(e);
                        }
                    }
                }
                errors.join("; ")
            }
        };
        tracing::warn!("copy: not copied: {why}");
        match self.keep(text) {
            Ok(file) => format!(
                "not copied: {why}; the text is in {}",
                crate::load::diag::escape(&file.display().to_string())
            ),
            Err(e) => format!("not copied: {why} (and it could not be kept in a file: {e})"),
        }
    }

    /// Writes the text to a file only this user can read: the one made before, or a
    /// new one.
    fn keep(&mut self, text: &str) -> std::io::Result<PathBuf> {
        use std::os::unix::fs::OpenOptionsExt;
        if let Some(file) = &self.kept
            && std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(file)
                .and_then(|mut f| f.write_all(text.as_bytes()))
                .is_ok()
        {
            return Ok(file.clone());
        }
        let pid = std::process::id();
        let mut n = 0;
        loop {
            let file = self.keep_in.join(if n == 0 {
                format!("brief-copy-{pid}.txt")
            } else {
                format!("brief-copy-{pid}-{n}.txt")
            });
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&file)
            {
                Ok(mut f) => {
                    f.write_all(text.as_bytes())?;
                    self.kept = Some(file.clone());
                    return Ok(file);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

/// How long a clipboard command may take before it is given up on.
const COMMAND_LIMIT: Duration = Duration::from_secs(2);

/// A clipboard command that reads the text on stdin.
struct Cmd {
    /// The name it is known by in messages (`xclip`).
    name: String,
    program: PathBuf,
    args: Vec<String>,
    /// `tmux load-buffer`: delivered to tmux, not the system clipboard.
    tmux: bool,
}

impl Provider for Cmd {
    fn name(&self) -> String {
        self.name.clone()
    }

    fn copy(&mut self, text: &str) -> Result<Delivered, String> {
        run(&self.name, &self.program, &self.args, text.as_bytes())?;
        Ok(if self.tmux {
            Delivered::Tmux
        } else {
            Delivered::System(self.name.clone())
        })
    }
}

/// Runs a command with `input` on stdin. Its output goes nowhere: a clipboard command
/// that stays behind to serve the selection (xclip, wl-copy) would hold a pipe open.
fn run(name: &str, program: &Path, args: &[String], input: &[u8]) -> Result<(), String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{name} did not start: {e}"))?;
    // Written from a thread of its own: a command that does not read would otherwise
    // block a large text's write for ever. Killing it closes the pipe and ends the
    // thread.
    let writer = child.stdin.take().map(|mut stdin| {
        let input = input.to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < COMMAND_LIMIT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "{name} did not finish within {} seconds",
                    COMMAND_LIMIT.as_secs()
                ));
            }
            Err(e) => return Err(format!("{name}: {e}")),
        }
    };
    if !status.success() {
        return Err(match status.code() {
            Some(code) => format!("{name} failed (exit status {code})"),
            None => format!("{name} failed (ended by a signal)"),
        });
    }
    match writer.map(std::thread::JoinHandle::join) {
        Some(Ok(Err(e))) => Err(format!("{name} did not take the text: {e}")),
        Some(Err(_)) => Err(format!("{name} did not take the text")),
        _ => Ok(()),
    }
}

/// OSC 52 to the terminal, by crossterm (base64 inside, so nothing in the text can act
/// as a terminal control).
pub struct Osc52 {
    pub out: Box<dyn Write>,
    /// tmux, when inside it: its `set-clipboard` option decides whether the sequence
    /// reaches the outer terminal.
    pub tmux: Option<PathBuf>,
}

impl Provider for Osc52 {
    fn name(&self) -> String {
        "OSC 52".into()
    }

    fn copy(&mut self, text: &str) -> Result<Delivered, String> {
        let mut sequence = String::new();
        crossterm::Command::write_ansi(
            &crossterm::clipboard::CopyToClipboard::to_clipboard_from(text.as_bytes()),
            &mut sequence,
        )
        .map_err(|_| "the OSC 52 sequence could not be made".to_owned())?;
        let route = match &self.tmux {
            None => Route::Plain(None),
            Some(tmux) => {
                let set_clipboard = tmux_option(tmux, &["-gv", "set-clipboard"]);
                // Asked only when it matters: set-clipboard keeps OSC 52 from passing.
                let passthrough = matches!(set_clipboard.as_deref(), Some("external" | "off"))
                    .then(|| tmux_option(tmux, &["-gpv", "allow-passthrough"]))
                    .flatten();
                tmux_route(set_clipboard.as_deref(), passthrough.as_deref())
            }
        };
        let bytes = match &route {
            Route::Passthrough => passthrough(&sequence),
            Route::Plain(_) | Route::Blocked(_) => sequence,
        };
        self.out
            .write_all(bytes.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|e| format!("the terminal could not be written to: {e}"))?;
        match route {
            Route::Plain(note) => Ok(Delivered::Terminal(note)),
            Route::Passthrough => Ok(Delivered::Terminal(Some(
                "through tmux's allow-passthrough".into(),
            ))),
            Route::Blocked(why) => Err(why),
        }
    }
}

/// A tmux option's value (`show-options ARGS`), if tmux says.
fn tmux_option(tmux: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new(tmux)
        .arg("show-options")
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// How OSC 52 is sent from inside tmux, and what the status line says of it.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    /// As it is, with a note (`None`: not inside tmux).
    Plain(Option<String>),
    /// Wrapped in tmux's passthrough (DCS `tmux;`), which `allow-passthrough` lets out.
    Passthrough,
    /// Sent as it is, but tmux keeps it from the terminal: why.
    Blocked(String),
}

/// The route, given tmux's `set-clipboard` and (when that blocks OSC 52) its
/// `allow-passthrough`; `None`: tmux did not say.
fn tmux_route(set_clipboard: Option<&str>, allow_passthrough: Option<&str>) -> Route {
    match (set_clipboard, allow_passthrough) {
        (Some("on"), _) => Route::Plain(Some("tmux passes it on".into())),
        (Some("external" | "off"), Some("on" | "all")) => Route::Passthrough,
        (Some(value @ ("external" | "off")), _) => Route::Blocked(format!(
            "sent as OSC 52, but tmux's set-clipboard is `{value}`, so tmux does not pass it \
             on (`set -g set-clipboard on` does)"
        )),
        _ => Route::Plain(Some(
            "inside tmux it reaches the clipboard only with set-clipboard on".into(),
        )),
    }
}

/// An escape sequence wrapped for tmux to pass to the outer terminal as it is.
fn passthrough(sequence: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A provider that records what it was given and answers as told.
    struct Fake {
        answer: Result<Delivered, String>,
        got: Rc<RefCell<Vec<String>>>,
    }

    fn fake(answer: Result<Delivered, String>) -> (Box<dyn Provider>, Rc<RefCell<Vec<String>>>) {
        let got = Rc::new(RefCell::new(Vec::new()));
        let p = Fake {
            answer,
            got: Rc::clone(&got),
        };
        (Box::new(p), got)
    }

    impl Provider for Fake {
        fn name(&self) -> String {
            "fake".into()
        }

        fn copy(&mut self, text: &str) -> Result<Delivered, String> {
            self.got.borrow_mut().push(text.to_owned());
            self.answer.clone()
        }
    }

    fn keep_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("brief-clip-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_status_says_exactly_where_the_text_went() {
        for (delivered, status) in [
            (
                Delivered::System("xclip".into()),
                "copied to the system clipboard (xclip): hello",
            ),
            (
                Delivered::Tmux,
                "copied to the tmux buffer (tmux load-buffer -w): hello",
            ),
            (
                Delivered::Terminal(None),
                "sent to the terminal (OSC 52): hello",
            ),
            (
                Delivered::Terminal(Some("tmux passes it on".into())),
                "sent to the terminal (OSC 52; tmux passes it on): hello",
            ),
        ] {
            let (p, got) = fake(Ok(delivered));
            let mut c = Clipboard::with(Ok(vec![p]), keep_dir("status"));
            assert_eq!(c.copy("hello"), status);
            assert_eq!(*got.borrow(), ["hello"]);
        }
    }

    #[test]
    fn a_failing_provider_falls_back_to_the_next() {
        let (first, got_first) = fake(Err("xclip failed (exit status 1)".into()));
        let (second, got_second) = fake(Ok(Delivered::Terminal(None)));
        let mut c = Clipboard::with(Ok(vec![first, second]), keep_dir("fallback"));
        assert_eq!(c.copy("quote"), "sent to the terminal (OSC 52): quote");
        assert_eq!(
            (got_first.borrow().len(), got_second.borrow().len()),
            (1, 1)
        );
    }

    #[test]
    fn when_every_provider_fails_the_reasons_are_given_and_the_text_kept() {
        let dir = keep_dir("fail");
        let (a, _) = fake(Err("xclip failed (exit status 1)".into()));
        let (b, _) = fake(Err("tmux failed (exit status 1)".into()));
        let mut c = Clipboard::with(Ok(vec![a, b]), dir.clone());
        let status = c.copy("the words");
        let file = dir.join(format!("brief-copy-{}.txt", std::process::id()));
        assert_eq!(
            status,
            format!(
                "not copied: xclip failed (exit status 1); tmux failed (exit status 1); the text is in {}",
                file.display()
            )
        );
        assert!(!status.contains("copied to") && !status.contains("sent to"));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "the words");
        // The next failure writes the same file again.
        assert!(c.copy("other words").ends_with(&file.display().to_string()));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "other words");
    }

    #[test]
    fn no_provider_says_why_and_keeps_the_text() {
        let dir = keep_dir("none");
        let mut off = Clipboard::with(Ok(Vec::new()), dir.clone());
        assert!(off.copy("x").starts_with(
            "not copied: the clipboard is off (clipboard = \"none\"); the text is in "
        ),);
        let mut missing = Clipboard::with(
            Err("no clipboard command found (install xclip or xsel)".into()),
            dir,
        );
        assert!(missing.copy("x").starts_with(
            "not copied: no clipboard command found (install xclip or xsel); the text is in "
        ));
    }

    /// A folder with files named as the programs given (found, never run).
    fn bin(name: &str, programs: &[&str]) -> PathBuf {
        let dir = keep_dir(name);
        for p in programs {
            std::fs::write(dir.join(p), "").unwrap();
        }
        dir
    }

    fn names(setting: Setting, env: &Env) -> Result<Vec<String>, String> {
        chain(setting, env).map(|c| c.iter().map(|p| p.name()).collect())
    }

    #[test]
    fn the_setting_and_the_session_choose_the_providers() {
        let path = vec![bin("path", &["xclip", "xsel", "tmux"])];
        let x11 = Env {
            x11: true,
            path: path.clone(),
            ..Env::default()
        };
        assert_eq!(x11.system().unwrap().name, "xclip");
        // auto on a desktop: the system clipboard, then OSC 52.
        assert_eq!(names(Setting::Auto, &x11).unwrap(), ["xclip", "OSC 52"]);
        // Over SSH the remote machine's clipboard is skipped.
        let ssh = Env {
            ssh: true,
            ..x11.clone()
        };
        assert_eq!(names(Setting::Auto, &ssh).unwrap(), ["OSC 52"]);
        // Inside tmux: system, tmux's buffer, OSC 52; over SSH, tmux first.
        let tmux = Env {
            tmux: true,
            ..x11.clone()
        };
        assert_eq!(
            names(Setting::Auto, &tmux).unwrap(),
            ["xclip", "tmux", "OSC 52"]
        );
        let ssh_tmux = Env {
            ssh: true,
            ..tmux.clone()
        };
        assert_eq!(names(Setting::Auto, &ssh_tmux).unwrap(), ["tmux", "OSC 52"]);
        assert_eq!(names(Setting::Tmux, &tmux).unwrap(), ["tmux"]);
        assert_eq!(names(Setting::System, &tmux).unwrap(), ["xclip"]);
        assert_eq!(names(Setting::Osc52, &x11).unwrap(), ["OSC 52"]);
        assert_eq!(names(Setting::None, &x11).unwrap(), Vec::<String>::new());
        // xsel when xclip is missing; wl-copy first on Wayland.
        let xsel = Env {
            path: vec![bin("xsel-only", &["xsel"])],
            ..x11.clone()
        };
        assert_eq!(names(Setting::System, &xsel).unwrap(), ["xsel"]);
        let wayland = Env {
            wayland: true,
            path: vec![bin("wayland", &["wl-copy", "xclip"])],
            ..x11.clone()
        };
        assert_eq!(names(Setting::System, &wayland).unwrap(), ["wl-copy"]);
        assert_eq!(
            names(Setting::Tmux, &x11).unwrap_err(),
            "not inside tmux".to_owned()
        );
        let bare = Env::default();
        assert_eq!(
            names(Setting::System, &bare).unwrap_err(),
            "no system clipboard (neither WAYLAND_DISPLAY nor DISPLAY is set)"
        );
        let wayland_without = Env {
            wayland: true,
            x11: true,
            path: vec![bin("empty", &[])],
            ..Env::default()
        };
        assert_eq!(
            names(Setting::System, &wayland_without).unwrap_err(),
            "no clipboard command found (install wl-copy, xclip or xsel)"
        );
    }

    /// `sh -c SCRIPT` as a clipboard command (no program is written and run, which
    /// another test thread's fork could find busy).
    fn sh(name: &str, script: &str, tmux: bool) -> Cmd {
        Cmd {
            name: name.into(),
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            tmux,
        }
    }

    #[test]
    fn a_command_gets_the_text_on_stdin_and_its_failure_is_reported() {
        let out = keep_dir("cmd").join("got.txt");
        let mut ok = sh("copier", &format!("cat > '{}'", out.display()), false);
        assert_eq!(
            ok.copy("윤석열 said"),
            Ok(Delivered::System("copier".into()))
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "윤석열 said");
        let mut tmux = sh("tmux", "cat > /dev/null", true);
        assert_eq!(tmux.copy("x"), Ok(Delivered::Tmux));

        // One that does not read a text larger than a pipe holds: refused, not hung.
        let mut deaf = sh("deaf", "exec 0<&-; exit 0", false);
        let big = "x".repeat(1 << 20);
        assert_eq!(
            deaf.copy(&big),
            Err("deaf did not take the text: Broken pipe (os error 32)".into())
        );
        let mut bad = sh("failing", "exit 3", false);
        assert_eq!(bad.copy("x"), Err("failing failed (exit status 3)".into()));
        let mut gone = Cmd {
            name: "gone".into(),
            program: keep_dir("gone").join("not-there"),
            args: Vec::new(),
            tmux: false,
        };
        assert!(
            gone.copy("x")
                .unwrap_err()
                .starts_with("gone did not start: ")
        );
    }

    #[test]
    fn osc52_writes_the_text_base64_encoded() {
        #[derive(Clone, Default)]
        struct Shared(Rc<RefCell<Vec<u8>>>);
        impl Write for Shared {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.borrow_mut().extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let out = Shared::default();
        let mut p = Osc52 {
            out: Box::new(out.clone()),
            tmux: None,
        };
        // "\x1b[2J" inside the text cannot act: it travels base64-encoded.
        assert_eq!(p.copy("hi\x1b[2J"), Ok(Delivered::Terminal(None)));
        assert_eq!(*out.0.borrow(), b"\x1b]52;c;aGkbWzJK\x1b\\");
    }

    #[test]
    fn tmux_set_clipboard_and_passthrough_decide_how_osc52_goes() {
        assert_eq!(
            tmux_route(Some("on"), None),
            Route::Plain(Some("tmux passes it on".into()))
        );
        assert_eq!(tmux_route(Some("external"), Some("on")), Route::Passthrough);
        assert_eq!(tmux_route(Some("off"), Some("all")), Route::Passthrough);
        assert_eq!(
            tmux_route(Some("external"), Some("off")),
            Route::Blocked("sent as OSC 52, but tmux's set-clipboard is `external`, so tmux does not pass it on (`set -g set-clipboard on` does)".into())
        );
        assert!(
            matches!(tmux_route(None, None), Route::Plain(Some(n)) if n.contains("set-clipboard on"))
        );
        assert_eq!(
            passthrough("\x1b]52;c;aGk=\x1b\\"),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x1b\x1b\\\x1b\\"
        );
    }
}
