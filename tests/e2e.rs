//! End-to-end tests: the real `brief` binary in a pseudo-terminal, its output fed into a
//! vt100 screen of the same size. Every wait polls the screen (or the process) against a
//! deadline and never sleeps as an assertion, so a slow machine only makes the tests
//! slower, and a failure prints the screen instead of hanging.
#![cfg(unix)]

mod common;

use common::pty::*;
use std::io::{Read, Write as _};
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::thread;
use std::time::{Duration, Instant};

/// The text of the Quotes pane (the right column at 120 columns): its rows from the
/// title to the bottom border, from its left border to the screen's right edge.
fn quotes_column(s: &vt100::Screen) -> Vec<String> {
    let (rows, _) = dims(s);
    let (top, col) = locate(s, "Quotes ").expect("a Quotes pane on screen");
    // The title may carry a focus marker ("▶ Quotes"); the border is left of either.
    let left = if col >= 2 && s.cell(top, col - 2).is_some_and(|c| c.contents() == "▶") {
        col - 3
    } else {
        col - 1
    };
    // The last row is the status line.
    region(s, top, rows - 2, left)
}

/// The speaker of each entry in the Quotes pane: the part of its "Name · date" lines
/// before the first " · ".
fn quote_speakers(column: &[String]) -> Vec<String> {
    column
        .iter()
        .skip(1)
        .map(|line| line.trim_matches(|c: char| "│┃║█ ".contains(c)))
        // A speaker's row starts with the unread dot (or the selection mark); a quote
        // without a date has no " · " after the name.
        .filter(|line| line.starts_with(['▸', '•']))
        .map(|line| line.trim_start_matches(['▸', '•', ' ']).trim())
        .map(|line| {
            line.split_once(" · ")
                .map_or(line, |(who, _)| who)
                .to_string()
        })
        .collect()
}

/// The bottom row.
fn status_line(s: &vt100::Screen) -> String {
    let (rows, cols) = dims(s);
    s.rows(0, cols)
        .nth(usize::from(rows - 1))
        .unwrap_or_default()
}

/// The acceptance scenario of issue 3: filter to the United Kingdom through the narrowed
/// actor list, open the first quote, quit, and find the terminal as it was.
#[test]
fn filter_to_the_uk_open_a_quote_and_quit() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();

    s.send("a");
    s.wait_text("[ ] United Kingdom");
    s.send("/");
    // Every wait must describe the new state only: "/ " would also match the popup's
    // own hint ("/ to narrow") and let the next keys race ahead.
    s.wait_for("narrowing mode", |sc| {
        status_line(sc).contains("keep the narrowed list")
    });
    s.send("kingdom");
    s.wait_for("the list narrowed to the United Kingdom", |sc| {
        let t = sc.contents();
        t.contains("/kingdom") && t.contains("[ ] United Kingdom") && !t.contains("[ ] South Korea")
    });
    s.send(ENTER);
    s.wait_for("the narrowed list kept (filter hints back)", |sc| {
        let status = status_line(sc);
        status.contains("choose or drop") && !status.contains("keep the narrowed list")
    });
    s.send(" ");
    s.wait_text("[x] United Kingdom");
    s.send(ENTER);
    // The popup covers part of the Quotes column: wait until the whole frame that
    // closes it has arrived (both UK speakers visible), not just its first rows.
    s.wait_for("the popup closed with the filter on", |sc| {
        if locate(sc, "Quotes ").is_none() {
            return false;
        }
        let speakers = quote_speakers(&quotes_column(sc));
        !sc.contents().contains(" chosen")
            && status_line(sc).contains("Filter: United Kingdom")
            && speakers.iter().any(|w| w == "Keir Starmer")
            && speakers.iter().any(|w| w == "John Healey")
    });

    let (column, status) = s.with_screen(|sc| (quotes_column(sc), status_line(sc)));
    let shown = s.dump();
    let speakers = quote_speakers(&column);
    assert!(
        status.contains("Filter: United Kingdom"),
        "status line {status:?}; screen:\n{shown}"
    );
    assert!(
        speakers.iter().any(|w| w == "Keir Starmer") && speakers.iter().any(|w| w == "John Healey"),
        "the Quotes pane should list Starmer and Healey, found {speakers:?}; screen:\n{shown}"
    );
    assert!(
        speakers
            .iter()
            .all(|w| w == "Keir Starmer" || w == "John Healey"),
        "only the UK's quotes should be listed, found {speakers:?}; screen:\n{shown}"
    );
    let joined = column.join("\n");
    for other in [
        "Lloyd Austin",
        "Mark Rutte",
        "Zelenskyy",
        "Presidential Office",
        "National Security Council",
        "National Intelligence",
    ] {
        assert!(
            !joined.contains(other),
            "{other} in the filtered Quotes pane; screen:\n{shown}"
        );
    }

    // Sections → Reader → Quotes.
    s.send(TAB);
    s.wait_text("▶ Reader");
    s.send(TAB);
    s.wait_text("▶ Quotes");
    s.send(ENTER);
    s.wait_text("Prime Minister");
    s.wait_text("Keir Starmer · Prime Minister · United Kingdom");
    s.wait_text(DIRECT_QUOTE);

    // Esc alone: sent together with the next key, it would read as Alt+key.
    s.send(ESC);
    s.wait_for("the quote detail closed", |sc| {
        !sc.contents().contains("Prime Minister")
    });
    assert!(s.running(), "Esc must close the detail, not quit");
    s.send("q");
    let status = s.wait_exit();
    assert!(
        status.success(),
        "q should exit with status 0, got {status}; screen:\n{}",
        s.dump()
    );
    s.assert_restored();
}

/// Sends `signal` (a `kill` name) to a running reader; it must end as that signal's
/// default action would, after restoring the terminal.
/// Sends SIG`signal` to `pid` with kill(1).
fn kill(signal: &str, pid: u32) {
    let status = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

fn signal_ends_and_restores(signal: &str, description: &str) {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();
    kill(signal, s.pid());
    let status = s.wait_exit();
    assert!(
        !status.success(),
        "SIG{signal} must not look like success: {status}"
    );
    // portable-pty reports a death by signal as the signal's strsignal(3) text.
    assert_eq!(
        status.signal(),
        Some(description),
        "SIG{signal} should kill brief by that signal (status {status}); screen:\n{}",
        s.dump()
    );
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_ends_and_restores("TERM", "Terminated");
}

#[test]
fn sighup_restores_the_terminal() {
    signal_ends_and_restores("HUP", "Hangup");
}

#[test]
fn sigint_restores_the_terminal() {
    signal_ends_and_restores("INT", "Interrupt");
}

/// Every signal whose default action ends a process is handled as SIGTERM is
/// (issue 16: SIGQUIT, SIGUSR1 and SIGALRM left the terminal raw and the place
/// unsaved): the place is saved, the terminal given back, and brief dies by it.
#[test]
fn quit_usr1_and_alrm_save_the_place_and_restore_the_terminal() {
    for (signal, description) in [
        ("QUIT", "Quit"),
        ("USR1", "User defined signal 1"),
        ("ALRM", "Alarm clock"),
    ] {
        let state = scratch_dir("signal");
        let dir = state.to_str().expect("UTF-8 temp path");
        let mut s = Session::spawn(120, 40, &["--state-dir", dir]);
        s.wait_drawn();
        s.send("]]");
        s.wait_text("Sections 3/7");
        kill(signal, s.pid());
        let status = s.wait_exit();
        assert!(
            status.signal().is_some_and(|d| d.starts_with(description)),
            "SIG{signal}: {status}"
        );
        s.assert_restored();
        let saved = std::fs::read_to_string(state.join("state.json")).unwrap_or_default();
        assert!(
            saved.contains("\"london-washington\""),
            "SIG{signal}: not saved:\n{saved}"
        );
        let _ = std::fs::remove_dir_all(&state);
    }
}

/// The terminal goes away under a running reader. brief used to spin at 100% CPU
/// forever here, deaf to every signal: crossterm's event reader loops on EOF.
#[test]
fn a_hung_up_terminal_ends_brief() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();
    s.hang_up();
    let status = s.wait_exit();
    // Normally the SIGHUP ends it; if the hangup lands while brief is writing a frame,
    // the failed write may end it first, with an error status. Either is an end.
    assert!(
        !status.success(),
        "a hung-up brief must not report success: {status}"
    );
}

/// Shrinking below the minimum shows the message, even to nothing at all; growing back
/// draws the panes again. Never a crash.
#[test]
fn resizing_too_small_and_back() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();

    s.resize(30, 10);
    s.wait_for("the too-small message at 30x10", |sc| {
        let t = sc.contents();
        t.contains("terminal too small") && t.contains("30×10") && !t.contains("Sections")
    });

    // At 0x0 there is nothing to draw, but ratatui clears the screen on any size
    // change: the model (kept at 1x1) losing its last character shows the resize was
    // handled, rather than coalesced with the next one.
    s.resize(0, 0);
    s.wait_for("the screen cleared at 0x0", |sc| {
        sc.cell(0, 0).is_some_and(|c| !c.has_contents())
    });
    assert!(s.running(), "brief ended at 0x0; screen:\n{}", s.dump());

    s.resize(100, 30);
    s.wait_for("the panes at 100x30", |sc| {
        let t = sc.contents();
        t.contains("Sections")
            && t.contains("Reader")
            && t.contains("Quotes")
            && !t.contains("terminal too small")
    });
    assert!(
        s.running(),
        "brief ended on a resize; screen:\n{}",
        s.dump()
    );

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit after resizes: {status}");
    s.assert_restored();
}

/// Runs `cmd` to the end with a deadline, stdout and stderr collected on threads (a full
/// pipe must not stall the child).
fn run_to_end(mut cmd: Command) -> (std::process::ExitStatus, Vec<u8>, Vec<u8>) {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let drain = |mut r: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            buf
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("stdout")));
    let err = drain(Box::new(child.stderr.take().expect("stderr")));
    let status = wait_child(&mut child, &format!("{cmd:?}"));
    (
        status,
        out.join().expect("stdout thread"),
        err.join().expect("stderr thread"),
    )
}

/// Waits for a child started with `Command`, killing it and failing after the deadline.
fn wait_child(child: &mut std::process::Child, what: &str) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not finish within {DEADLINE:?}");
        }
        thread::sleep(POLL);
    }
}

/// With stdout not a terminal, `brief` prints the briefing as plain text.
#[test]
fn piped_stdout_prints_plain_text() {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("COLUMNS");
    let (status, out, err) = run_to_end(cmd);
    let text = String::from_utf8_lossy(&out);
    assert!(
        status.success(),
        "status {status}; stderr: {}",
        String::from_utf8_lossy(&err)
    );
    assert!(text.contains(TITLE), "no title in:\n{text}");
    assert!(text.contains(DIRECT_QUOTE), "no direct quote in:\n{text}");
    if let Some(at) = out.iter().position(|&b| b == 0x1b) {
        panic!(
            "escape byte at offset {at} of the plain output: {:?}",
            String::from_utf8_lossy(&out[at.saturating_sub(20)..(at + 20).min(out.len())])
        );
    }
}

/// Stdout is a terminal but there is no terminal to read keys from: stdin is not a tty
/// and the process has no controlling terminal (`setsid`), so `/dev/tty` cannot be
/// opened. `brief` must say so and leave the terminal untouched.
#[test]
fn no_terminal_to_read_from_is_a_clear_error() {
    if Command::new("setsid")
        .arg("true")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        eprintln!("skipped: no setsid(1) on this system");
        return;
    }
    let pair = portable_pty::native_pty_system()
        .openpty(pty_size(80, 24))
        .expect("open a pty");
    let tty = pair.master.tty_name().expect("pty device name");
    // This process is no session leader (cargo test forks it), so opening the device
    // cannot make it our controlling terminal.
    let mut device = std::fs::OpenOptions::new()
        .write(true)
        .open(&tty)
        .expect("open the pty's device");
    let stdout = device.try_clone().expect("clone the device handle");
    let before = format!("{:?}", pair.master.get_termios().map(|t| t.local_flags));

    // Everything written to the terminal, up to a marker the test writes after brief
    // has ended: what comes before the marker is brief's.
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = reader.read(&mut buf) {
            seen.extend_from_slice(&buf[..n]);
            if let Some(at) = seen.windows(MARKER.len()).position(|w| w == MARKER) {
                seen.truncate(at);
                let _ = tx.send(seen);
                return;
            }
        }
    });

    // A child of ours is no process group leader, so setsid(1) calls setsid() and execs
    // in place: the status we see is brief's.
    let mut cmd = Command::new("setsid");
    cmd.arg(BIN);
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn setsid brief");
    let mut stderr = child.stderr.take().expect("stderr");
    let err = thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let status = wait_child(&mut child, "brief without a terminal");
    let err = err.join().expect("stderr thread");
    assert_eq!(status.code(), Some(1), "status {status}; stderr: {err}");
    assert!(
        err.starts_with("brief: needs a terminal to draw on"),
        "the error should say a terminal is needed: {err:?}"
    );
    let after = format!("{:?}", pair.master.get_termios().map(|t| t.local_flags));
    assert_eq!(before, after, "the pty's modes changed");
    device.write_all(MARKER).expect("write the marker");
    let written = rx
        .recv_timeout(DEADLINE)
        .expect("the marker comes back through the pty");
    assert!(
        written.is_empty(),
        "brief wrote to a terminal it could not use: {:?}",
        String::from_utf8_lossy(&written)
    );
}

/// The text of one screen row from a column on, as the user sees it.
fn row_from(s: &vt100::Screen, row: u16, col: u16) -> String {
    region(s, row, row, col).concat()
}

/// Issue 5: the Claims view shows North Korea and Russia denying the troop claim.
#[test]
fn claims_view_shows_the_denials() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();
    s.send("2");
    s.wait_for("the claims matrix", |sc| {
        locate(sc, "Claim ").is_some()
            && locate(sc, "North Korea has sent troops").is_some()
            && locate(sc, "Russia ").is_some()
    });
    let (header, nk_col, ru_col, row) = s.with_screen(|sc| {
        let (header, _) = locate(sc, "Claim ").unwrap();
        let line = row_from(sc, header, 0);
        let nk = u16::try_from(
            line[..line.find("North Korea").expect("a North Korea column")]
                .chars()
                .count(),
        )
        .unwrap();
        let ru = u16::try_from(
            line[..line.find("Russia").expect("a Russia column")]
                .chars()
                .count(),
        )
        .unwrap();
        let (row, _) = locate(sc, "North Korea has sent troops").unwrap();
        (header, nk, ru, row)
    });
    let shown = s.dump();
    for (who, col) in [("North Korea", nk_col), ("Russia", ru_col)] {
        let cell = s.with_screen(|sc| row_from(sc, row, col));
        assert!(
            cell.starts_with("✘ denies"),
            "{who}'s cell on the troop claim is {cell:?} (header row {header}); screen:\n{shown}"
        );
    }
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// Issue 4: search "Rutte", Enter goes to the first match, n to the next.
#[test]
fn search_and_next_match() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();
    s.send("/");
    s.wait_for("the search line", |sc| status_line(sc).contains("SEARCH"));
    s.send("Rutte");
    s.wait_for("matches counted", |sc| {
        status_line(sc).contains("/Rutte█") && status_line(sc).contains("matches")
    });
    s.send(ENTER);
    s.wait_for("the first match", |sc| status_line(sc).contains("match 1/"));
    s.send("n");
    s.wait_for("the second match", |sc| {
        status_line(sc).contains("match 2/")
    });
    s.send("N");
    s.wait_for("back to the first", |sc| {
        status_line(sc).contains("match 1/")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

#[test]
fn quit_and_reopen_restores_the_section_and_filter() {
    let state = scratch_dir("place");
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut first = Session::spawn(120, 40, &["--state-dir", dir]);
    first.wait_drawn();
    first.send("]]");
    first.wait_text("Sections 3/7");
    first.send("a/kingdom");
    first.send(ENTER);
    first.send(" ");
    first.send(ENTER);
    first.wait_text("Filter: United Kingdom");
    first.send("q");
    assert!(first.wait_exit().success());
    first.assert_restored();

    let mut second = Session::spawn(120, 40, &["--state-dir", dir]);
    second.wait_drawn();
    second.wait_text("Sections 3/7");
    second.wait_text("London and Washington respond");
    second.wait_for("the remembered filter in the status line", |s| {
        status_line(s).contains("Filter: United Kingdom")
    });
    second.send("q");
    assert!(second.wait_exit().success());

    // --section on the command line wins over the remembered place.
    let mut third = Session::spawn(120, 40, &["--state-dir", dir, "--section", "1"]);
    third.wait_drawn();
    third.wait_text("Sections 1/7");
    third.send("q");
    assert!(third.wait_exit().success());
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn no_state_reads_and_writes_nothing() {
    let mut s = Session::spawn(120, 40, &["--no-state"]);
    s.wait_drawn();
    s.send("]");
    s.wait_text("Sections 2/7");
    s.send("q");
    assert!(s.wait_exit().success());
    let state = s.home.join("state");
    assert!(
        !state.exists()
            || std::fs::read_dir(&state)
                .expect("state dir")
                .next()
                .is_none(),
        "--no-state wrote into {}",
        state.display()
    );
}

#[test]
fn a_damaged_state_file_is_set_aside_with_a_notice() {
    let state = scratch_dir("damaged");
    std::fs::write(
        state.join("state.json"),
        b"{\"version\": 1, \"briefings\": {",
    )
    .unwrap();
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut s = Session::spawn(200, 40, &["--state-dir", dir]);
    s.wait_drawn();
    s.wait_for("the notice in the status line", |s| {
        status_line(s).contains("not used: it is damaged")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    let names: Vec<String> = std::fs::read_dir(&state)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("state.json.corrupt-")),
        "{names:?}"
    );
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    assert!(saved.contains("korea-ukraine-2024-10"), "{saved}");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn the_library_opens_a_briefing_and_backspace_returns() {
    let dir = scratch_dir("library");
    std::fs::write(dir.join("korea.toml"), brief::load::BUNDLED_TEXT).unwrap();
    std::fs::write(dir.join("broken.toml"), "format = 1\n[briefing]\n").unwrap();
    let mut s = Session::spawn(120, 40, &[dir.to_str().expect("UTF-8 temp path")]);
    s.wait_text("Library:");
    s.wait_text("✘ broken.toml does not load");
    s.wait_text("LIBRARY 1/2");
    s.send(ENTER);
    s.wait_drawn();
    s.wait_text("Seoul raises the prospect of arming Ukraine");
    s.send("\x7f");
    s.wait_text("LIBRARY 1/2");
    // The briefing was opened: the library now counts its unread quotes.
    s.wait_text("19 unread");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_edited_file_reloads_and_a_broken_one_keeps_the_old_text() {
    let dir = scratch_dir("reload");
    let file = dir.join("k.toml");
    std::fs::write(&file, brief::load::BUNDLED_TEXT).unwrap();
    let mut s = Session::spawn(120, 40, &[file.to_str().expect("UTF-8 temp path")]);
    s.wait_drawn();
    s.send("]");
    s.wait_text("Sections 2/7");
    // Each edit replaces the file whole, as editors save: a write in place can be
    // seen half done (an empty file, then the text), two reloads where the test
    // expects one, and the second failure's panel reopens after Esc closed the first.
    let save = |text: &str| {
        let tmp = dir.join("k.toml.tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, &file).unwrap();
    };
    let edited = brief::load::BUNDLED_TEXT.replacen(TITLE, "A retitled briefing", 1);
    save(&edited);
    s.wait_text("A retitled briefing");
    s.wait_text("Sections 2/7");
    save("format = 1\n[briefing]\n");
    s.wait_text("Reload failed");
    s.wait_text("A retitled briefing");
    s.send(ESC);
    s.wait_for("the panel closed", |sc| {
        !sc.contents().contains("Reload failed")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The open briefing replaced by a link to the terminal (issue 16): reading it would
/// block in raw mode and swallow every key, `q` included. It is refused without a byte
/// read, the reload panel says why, and the keys still work.
#[test]
fn a_briefing_replaced_by_a_link_to_the_terminal_is_refused() {
    let dir = scratch_dir("tty-link");
    let file = dir.join("k.toml");
    std::fs::write(&file, brief::load::BUNDLED_TEXT).unwrap();
    let mut s = Session::spawn(120, 40, &[file.to_str().expect("UTF-8 temp path")]);
    s.wait_drawn();
    let link = dir.join("k.toml.new");
    std::os::unix::fs::symlink("/dev/tty", &link).unwrap();
    std::fs::rename(&link, &file).unwrap();
    s.wait_text("Reload failed");
    s.wait_text("k.toml: error: is a character device,");
    s.send(ESC);
    s.wait_for("the panel closed", |sc| {
        !sc.contents().contains("Reload failed")
    });
    s.send("]");
    s.wait_text("Sections 2/7");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The process state letter from /proc (`T` when stopped).
fn proc_state(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // "pid (comm) S ...": the state follows the last ')'.
    stat.rsplit(')').next()?.trim_start().chars().next()
}

/// Waits until the process is stopped (or, with `false`, running again).
fn wait_stopped(pid: u32, stopped: bool) {
    let start = Instant::now();
    while (proc_state(pid) == Some('T')) != stopped {
        assert!(
            start.elapsed() < DEADLINE,
            "brief never {} (state {:?})",
            if stopped { "stopped" } else { "continued" },
            proc_state(pid)
        );
        thread::sleep(POLL);
    }
}

/// A process whose parent is `parent`, from /proc.
fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        let parent_pid: u32 = stat
            .rsplit(')')
            .next()?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()?;
        (parent_pid == parent).then_some(pid)
    })
}

/// Runs brief from an interactive shell (job control on), suspends it with `how`,
/// checks the shell has the terminal back, `fg`, and checks the screen is drawn
/// again whole at the place it was and keys work.
fn suspend_under_a_shell(how: impl FnOnce(&mut Session, u32)) {
    let mut s = Session::spawn_program(120, 40, "bash", &["--norc", "--noprofile", "-i"]);
    s.wait_for("the shell's prompt", |sc| {
        sc.contents().contains('$') || sc.contents().contains('#')
    });
    s.send(&format!("PS1='shell> '; {BIN}{ENTER}"));
    s.wait_drawn();
    s.send("]");
    s.wait_text("Sections 2/7");
    let shell = s.pid();
    let brief = child_of(shell).expect("brief runs under the shell");
    how(&mut s, brief);
    wait_stopped(brief, true);
    s.wait_for("the shell's screen and its job notice", |sc| {
        !sc.alternate_screen() && !sc.hide_cursor() && sc.contents().contains("Stopped")
    });
    // The window resized meanwhile: the job, stopped, gets no SIGWINCH.
    s.resize(130, 44);
    s.send(&format!("fg{ENTER}"));
    wait_stopped(brief, false);
    s.wait_drawn();
    s.wait_text("Sections 2/7");
    s.wait_for("the panes redrawn at the new size", |sc| {
        // The status line is the last row: of 44 rows, not of the 40 before.
        status_line(sc).contains("SECTIONS")
    });
    s.send("]");
    s.wait_text("Sections 3/7");
    s.send("q");
    s.wait_for("the shell again", |sc| {
        !sc.alternate_screen() && sc.contents().contains("shell> ")
    });
    s.send(&format!("exit{ENTER}"));
    s.wait_exit();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_draws_again() {
    suspend_under_a_shell(|s, _| s.send("\x1a"));
}

#[test]
fn sigtstp_suspends_to_the_shell_and_fg_draws_again() {
    suspend_under_a_shell(|_, brief| {
        kill("TSTP", brief);
    });
}

/// Started in a terminal of its own (as `tmux new brief` does), nothing could
/// continue a stopped brief: Ctrl-z says so, and SIGTSTP is ignored, as the kernel
/// would ignore it.
#[test]
fn without_a_shell_ctrl_z_says_so_and_sigtstp_is_ignored() {
    let mut s = Session::spawn(120, 40, &[]);
    s.wait_drawn();
    s.send("\x1a");
    s.wait_text("no shell to suspend to");
    assert_ne!(proc_state(s.pid()), Some('T'));
    kill("TSTP", s.pid());
    // Still drawing and answering keys.
    s.send("]");
    s.wait_text("Sections 2/7");
    assert_ne!(proc_state(s.pid()), Some('T'));
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// A signal that ends brief still lets it save the reader's place, then ends it by
/// that signal.
#[test]
fn sigterm_saves_the_place_before_ending() {
    let state = scratch_dir("signal-place");
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut first = Session::spawn(120, 40, &["--state-dir", dir]);
    first.wait_drawn();
    first.send("]]");
    first.wait_text("Sections 3/7");
    kill("TERM", first.pid());
    let status = first.wait_exit();
    assert_eq!(status.signal(), Some("Terminated"), "{status}");
    first.assert_restored();

    let mut second = Session::spawn(120, 40, &["--state-dir", dir]);
    second.wait_drawn();
    second.wait_text("Sections 3/7");
    second.send("q");
    assert!(second.wait_exit().success());
    let _ = std::fs::remove_dir_all(&state);
}

/// Several readers sharing one state folder end at once (issue 16: 1-2 of 20 places
/// were kept). The advisory lock around each read-merge-write keeps every one.
#[test]
fn several_readers_ending_at_once_keep_every_place() {
    const N: usize = 8;
    let state = scratch_dir("shared-state");
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut sessions = Vec::new();
    for i in 0..N {
        let file = state.join(format!("b{i}.toml"));
        let text = brief::load::BUNDLED_TEXT.replacen(
            "id = \"korea-ukraine-2024-10\"",
            &format!("id = \"briefing-{i}\""),
            1,
        );
        std::fs::write(&file, text).unwrap();
        let file = file.to_str().expect("UTF-8 temp path").to_owned();
        sessions.push(Session::spawn(100, 30, &["--state-dir", dir, &file]));
    }
    for s in &mut sessions {
        s.wait_drawn();
        s.send("]]");
        s.wait_text("Sections 3/7");
    }
    let pids: Vec<String> = sessions.iter().map(|s| s.pid().to_string()).collect();
    // One kill(1) for all: they end as close together as the system allows.
    let status = Command::new("kill")
        .arg("-TERM")
        .args(&pids)
        .status()
        .expect("run kill");
    assert!(status.success());
    for s in &mut sessions {
        let status = s.wait_exit();
        assert_eq!(status.signal(), Some("Terminated"), "{status}");
    }
    let saved = std::fs::read_to_string(state.join("state.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    for i in 0..N {
        let place = &json["briefings"][format!("briefing-{i}")];
        assert_eq!(
            place["section"].as_str(),
            Some("london-washington"),
            "briefing-{i} lost:\n{saved}"
        );
    }
    let _ = std::fs::remove_dir_all(&state);
}

/// Closing the terminal right after a move keeps the place (issue 16: 7 of 7 ways of
/// closing a terminal lost it). The place is handed to a saver after each key, and the
/// hang-up's SIGHUP has it written at once, even if the reader never leaves its loop.
#[test]
fn closing_the_terminal_after_a_move_keeps_the_place() {
    let state = scratch_dir("hangup-place");
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut first = Session::spawn(120, 40, &["--state-dir", dir]);
    first.wait_drawn();
    first.send("]]");
    first.wait_text("Sections 3/7");
    first.hang_up_after_typing();
    let status = first.wait_exit();
    assert!(!status.success(), "{status}");

    let saved = std::fs::read_to_string(state.join("state.json")).unwrap_or_default();
    assert!(
        saved.contains("\"london-washington\""),
        "not saved:\n{saved}"
    );
    let mut second = Session::spawn(120, 40, &["--state-dir", dir]);
    second.wait_drawn();
    second.wait_text("Sections 3/7");
    second.send("q");
    assert!(second.wait_exit().success());
    let _ = std::fs::remove_dir_all(&state);
}

/// Soon after a move the place is on disk, with brief still running: a reader killed
/// outright (SIGKILL, a crash, a power cut) keeps it too. A star is written at once.
#[test]
fn the_place_and_stars_are_saved_while_reading() {
    let state = scratch_dir("autosave");
    let dir = state.to_str().expect("UTF-8 temp path");
    let mut s = Session::spawn(120, 40, &["--state-dir", dir]);
    s.wait_drawn();
    s.send("]]");
    s.wait_text("Sections 3/7");
    let file = state.join("state.json");
    let saved = |needle: &str| {
        std::fs::read_to_string(&file)
            .unwrap_or_default()
            .contains(needle)
    };
    let start = Instant::now();
    while !saved("\"london-washington\"") {
        assert!(
            start.elapsed() <= DEADLINE,
            "the place was not saved while reading"
        );
        thread::sleep(POLL);
    }
    // A star, on the first quote of the list.
    s.send("\t\ts");
    s.wait_text("★");
    let start = Instant::now();
    while saved("\"starred\": []") {
        assert!(
            start.elapsed() <= DEADLINE,
            "the star was not saved while reading"
        );
        thread::sleep(POLL);
    }
    assert!(s.running(), "brief is still reading");
    s.child.kill().expect("kill");
    let _ = s.wait_exit();
    let _ = std::fs::remove_dir_all(&state);
}

/// A terminal claiming 65535x65535 (issue 16: a 206 GB allocation aborted brief and
/// left the terminal raw). The area drawn is clamped, keys work, `q` quits, the
/// terminal is given back. The screen model stays small (what is drawn past its edge
/// piles up at its last column and row).
#[test]
fn a_huge_terminal_is_drawn_clamped_and_q_still_quits() {
    let mut s = Session::spawn_modelled((u16::MAX, u16::MAX), (80, 24), BIN, &[]);
    s.wait_for("a frame on the alternate screen", |sc| {
        sc.alternate_screen() && sc.contents().contains("quit")
    });
    s.send("?");
    s.wait_text("close");
    s.send("\x1bq");
    let status = s.wait_exit();
    assert!(status.success(), "{status}; screen:\n{}", s.dump());
    s.assert_restored();
}

/// A state folder whose path holds escape sequences and a bidi override (from
/// `BRIEF_STATE_DIR` or `--state-dir`) and cannot be written: the exit warning names
/// it escaped (issue 16).
#[test]
fn the_state_folder_is_named_escaped_in_the_exit_warning() {
    let scratch = scratch_dir("evil-state");
    std::fs::write(scratch.join("file"), "x").unwrap();
    // Under a regular file: the folder cannot be made.
    let evil = scratch.join("file").join("e\u{1b}]0;pwned\u{7}\u{202e}vil");
    let mut s = Session::spawn(120, 40, &["--state-dir", evil.to_str().unwrap()]);
    s.wait_drawn();
    s.send("q");
    assert!(s.wait_exit().success());
    s.wait_text("brief: warning: could not save the reading state");
    s.wait_text("e\\u{001B}]0;pwned\\u{0007}\\u{202E}vil");
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Nothing is written to the terminal while nothing changes (issue 16: a watched file
/// redrew every 300 ms, writing each time). Several of the file's poll periods pass
/// with no byte written; a key then draws at once.
#[test]
fn an_idle_reader_writes_nothing() {
    let dir = scratch_dir("idle");
    let file = dir.join("k.toml");
    std::fs::write(&file, brief::load::BUNDLED_TEXT).unwrap();
    let mut s = Session::spawn(120, 40, &[file.to_str().expect("UTF-8 temp path")]);
    s.wait_drawn();
    // Indexing after the first frame draws a few frames more; then it is idle.
    let mut last = s.written.load(Ordering::SeqCst);
    let start = Instant::now();
    loop {
        thread::sleep(Duration::from_millis(1200));
        let now = s.written.load(Ordering::SeqCst);
        if now == last {
            break;
        }
        assert!(
            start.elapsed() <= DEADLINE,
            "brief kept writing while idle: {} bytes in the last 1.2 s",
            now - last
        );
        last = now;
    }
    s.send("]");
    s.wait_text("Sections 2/7");
    s.send("q");
    assert!(s.wait_exit().success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// TERM=dumb (an editor's shell buffer) cannot show the reader: brief prints the text,
/// as when piped, and says why on stderr (issue 16). The terminal is never taken.
#[test]
fn term_dumb_prints_plain_text_and_says_so() {
    let mut s = Session::spawn_program(
        100,
        40,
        "/bin/sh",
        &["-c", &format!("TERM=dumb exec {BIN}")],
    );
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    s.wait_text("NATO waits for Seoul");
    s.wait_text("TERM=dumb cannot show the reader");
    assert!(
        !s.with_screen(vt100::Screen::alternate_screen),
        "{}",
        s.dump()
    );
}

/// A folder with a slow file (16 MB of tiny values takes seconds to parse) is on
/// screen at once, filled as files are read, with progress, and `q` works meanwhile
/// (issue 16: a blank screen that ignored `q` for 24.5 s).
#[test]
fn a_slow_library_is_drawn_at_once_and_q_works_while_reading() {
    let dir = scratch_dir("slow-library");
    std::fs::write(dir.join("a-good.toml"), brief::load::BUNDLED_TEXT).unwrap();
    let mut slow = String::from("format = 1\nx = [");
    while slow.len() < 15 * 1024 * 1024 {
        slow.push_str("1,");
    }
    slow.push_str("]\n");
    for name in ["b-slow.toml", "c-slow.toml", "d-slow.toml"] {
        std::fs::write(dir.join(name), &slow).unwrap();
    }
    let mut s = Session::spawn(120, 40, &[dir.to_str().expect("UTF-8 temp path")]);
    s.wait_text("reading files:");
    s.wait_text("South Korea weighs arming Ukraine");
    assert!(
        s.with_screen(|sc| sc.contents().contains("reading files:")),
        "the slow files were read already: {}",
        s.dump()
    );
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status}");
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 15 end to end: the library shows a broken file's errors, a briefing opened
/// from it moves Reader and Quotes together, `y` names the quote the Reader shows,
/// `q` returns to the library and `Q` quits, with the terminal restored.
#[test]
fn one_cursor_from_the_library_and_back() {
    let dir = scratch_dir("one-cursor");
    std::fs::write(dir.join("korea.toml"), brief::load::BUNDLED_TEXT).unwrap();
    std::fs::write(
        dir.join("bridge.toml"),
        include_str!("../docs/example.toml"),
    )
    .unwrap();
    std::fs::write(
        dir.join("broken.toml"),
        "format = 1\n[briefing]\ntitle = 3\n",
    )
    .unwrap();
    let mut s = Session::spawn(120, 40, &[dir.to_str().expect("UTF-8 temp path")]);
    s.wait_text("LIBRARY 1/3");
    s.wait_text("✘ broken.toml does not load");
    // The broken file is listed last: Enter shows its located errors.
    s.send("G");
    s.send(ENTER);
    s.wait_text("broken.toml does not load━");
    s.wait_text("broken.toml:3:9: error:");
    s.send("\x1b");
    s.wait_for("the panel closed", |sc| {
        !sc.contents().contains("broken.toml:3:9")
    });
    // Open the Korea briefing (newest first: the 2025 one, then it).
    s.send("g");
    s.send("j");
    s.send(ENTER);
    s.wait_text("q: back to the library");
    s.send("]");
    s.send("]");
    s.wait_text("SECTIONS 3/7");
    // Quotes followed the Reader: section 3's first quote is selected there.
    s.wait_for("Quotes on section 3", |sc| {
        quotes_column(sc)
            .iter()
            .any(|row| row.contains('▸') && row.contains("Keir Starmer"))
    });
    // In the Reader, y copies the quote the Reader shows and says which.
    s.send("\t");
    s.wait_text("READER");
    s.send("y");
    s.wait_for("y names the quote on screen", |sc| {
        let status = status_line(sc);
        status.contains("self-destructing war machine")
    });
    // q goes back to the library; Q quits from there.
    s.send("q");
    s.wait_text("LIBRARY");
    s.send("Q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}
