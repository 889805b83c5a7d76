//! End to end with a config and `NO_COLOR=1`: the real binary in a pseudo-terminal
//! reads `$XDG_CONFIG_HOME/brief/config.toml` (which remaps quit to `x`), draws with
//! no colour in any cell or escape sequence, ignores `q`, and quits on `x`; `--ascii`
//! puts only ASCII on the terminal. Waits poll against a deadline; nothing is timed.
#![cfg(unix)]

mod common;

use common::pty::{Session, lock};

/// `brief ARGS` in a 100×30 terminal, with `config` as the user's config file and the
/// environment variables given.
fn spawn(config: &str, env: &[(&str, &str)], args: &[&str]) -> Session {
    Session::spawn_configured((100, 30), config, env, args)
}

/// Waits for the panes with the status line's hints, the end of the first frame.
fn wait_drawn(s: &mut Session, hint: &str) {
    s.wait_for("the first frame", |s| {
        s.alternate_screen() && s.contents().contains("Sections") && s.contents().contains(hint)
    });
}

/// SGR parameters that set a colour (foreground, background, underline), as opposed to
/// resetting one (39, 49, 59) or setting bold, reverse and the like.
fn colour_parameters(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut found = Vec::new();
    for seq in text.split("\x1b[").skip(1) {
        let Some(end) = seq.find(|c: char| !(c.is_ascii_digit() || c == ';' || c == ':')) else {
            continue;
        };
        if !seq[end..].starts_with('m') {
            continue;
        }
        for p in seq[..end].split(';') {
            let sets = matches!(
                p.parse::<u16>(),
                Ok(30..=38 | 40..=48 | 58 | 90..=97 | 100..=107)
            );
            if sets || p.contains(':') {
                found.push(seq[..end].to_owned());
            }
        }
    }
    found
}

const QUIT_ON_X: &str = "[keys]\nquit = [\"x\"]\n";

#[test]
fn with_no_color_and_a_config_the_screen_has_no_colour_and_the_new_key_quits() {
    let mut s = spawn(QUIT_ON_X, &[("NO_COLOR", "1")], &[]);
    wait_drawn(&mut s, "x quit");
    assert_eq!(s.coloured_cells(), [], "cells with colour");
    let sgr = colour_parameters(&s.bytes());
    assert_eq!(sgr, Vec::<String>::new(), "colour escape sequences");

    // `q` no longer quits: the help opened after it proves `q` was read and ignored.
    s.send("q?");
    s.wait_for("the help", |sc| sc.contents().contains("Keys"));
    assert!(s.running());
    s.send("\x1b");
    s.wait_for("the help closed", |sc| !sc.contents().contains("Keys"));
    s.send("x");
    assert!(s.wait_exit().success());
}

#[test]
fn without_no_color_the_same_screen_has_colour() {
    // The check above could pass on a terminal model that ignores colour: this shows
    // it does not.
    let mut s = spawn(QUIT_ON_X, &[], &[]);
    wait_drawn(&mut s, "x quit");
    assert!(!s.coloured_cells().is_empty());
    assert!(!colour_parameters(&s.bytes()).is_empty());
    s.send("x");
    assert!(s.wait_exit().success());
}

#[test]
fn ascii_puts_only_ascii_on_the_terminal() {
    let mut s = spawn("", &[], &["--ascii"]);
    wait_drawn(&mut s, "q quit");
    s.send("2");
    s.wait_for("the claims view", |sc| sc.contents().contains("[2 Claims]"));
    let contents = lock(&s.parser).screen().contents();
    assert!(contents.is_ascii(), "{contents}");
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_bad_config_stops_brief_with_every_problem_located() {
    let mut s = spawn(
        "[keys]\nquitt = [\"x\"]\n[theme]\nname = \"solar\"\n",
        &[],
        &[],
    );
    s.wait_for("the errors", |sc| sc.contents().contains("solar"));
    assert!(!s.wait_exit().success());
    let contents = lock(&s.parser).screen().contents();
    assert!(
        contents.contains("config.toml:2:1: error: unknown action `quitt`"),
        "{contents}"
    );
    assert!(
        contents.contains("config.toml:4:8: error: unknown theme `solar`"),
        "{contents}"
    );
}

/// Standard base64, decoded (the test's own, to read what went to the terminal).
fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes().filter(|&c| c != b'=') {
        let v = u32::try_from(ALPHABET.iter().position(|&a| a == c).expect("base64")).unwrap();
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from(acc >> bits).unwrap());
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The payloads of every OSC 52 sequence in `bytes`, decoded.
fn osc52_payloads(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b]52;c;")
        .skip(1)
        .map(|rest| {
            let end = rest.find("\x1b\\").expect("OSC 52 ends with ST");
            String::from_utf8(unbase64(&rest[..end])).expect("UTF-8 inside")
        })
        .collect()
}

#[test]
fn with_clipboard_osc52_y_sends_the_quote_to_the_terminal_and_says_so() {
    let log = std::env::temp_dir().join(format!("brief-e2e-osc52-{}.log", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let mut s = spawn(
        "clipboard = \"osc52\"\n",
        &[("TMUX", "")],
        &["--log", log.to_str().unwrap()],
    );
    wait_drawn(&mut s, "q quit");
    // Out of Sections, so that a quote is selected (Sections has none to copy).
    s.send("\ty");
    s.wait_for("the status", |sc| {
        sc.contents().contains("sent to the terminal (OSC 52): ")
    });
    let sent = osc52_payloads(&s.bytes());
    assert_eq!(sent.len(), 1, "{sent:?}");
    // A quote of the briefing with its citation, as the reader makes it.
    let b = brief::load::bundled().unwrap().briefing;
    let citations: Vec<String> = (0..b.quotes.len())
        .map(|i| brief::app::marks::citation(&b, brief::model::QuoteIx::at(i)))
        .collect();
    assert!(citations.contains(&sent[0]), "{}", sent[0]);
    let contents = lock(&s.parser).screen().contents();
    assert!(!contents.contains("copied"), "{contents}");
    s.send("q");
    assert!(s.wait_exit().success());
    // The log has the terminal's size and where the copy went, not what it was.
    let logged = std::fs::read_to_string(&log).unwrap();
    std::fs::remove_file(&log).unwrap();
    assert!(
        logged.contains("terminal size width=100 height=30"),
        "{logged}"
    );
    assert!(
        logged.contains("copy: sent to the terminal (OSC 52) bytes="),
        "{logged}"
    );
    let quote_words = sent[0].split(" — ").next().unwrap();
    assert!(!logged.contains(quote_words), "{logged}");
}

#[test]
fn with_no_system_clipboard_y_says_why_and_where_the_text_is() {
    let keep = std::env::temp_dir().join(format!("brief-e2e-keep-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&keep);
    std::fs::create_dir_all(&keep).unwrap();
    let tmp = keep.to_str().unwrap();
    let mut s = spawn(
        "clipboard = \"system\"\n",
        &[("DISPLAY", ""), ("WAYLAND_DISPLAY", ""), ("TMPDIR", tmp)],
        &[],
    );
    wait_drawn(&mut s, "q quit");
    s.send("\ty");
    s.wait_for("the status", |sc| {
        sc.contents().contains(
            "not copied: no system clipboard (neither WAYLAND_DISPLAY nor DISPLAY is set)",
        )
    });
    assert_eq!(osc52_payloads(&s.bytes()), Vec::<String>::new());
    s.send("q");
    assert!(s.wait_exit().success());
    // The text is kept in a file of its own in the temporary folder.
    let kept: Vec<_> = std::fs::read_dir(&keep)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let name = kept[0].file_name().unwrap().to_str().unwrap().to_owned();
    assert!(name.starts_with("brief-copy-"), "{name}");
    assert_eq!(kept[0].extension().unwrap(), "txt");
    let text = std::fs::read_to_string(&kept[0]).unwrap();
    assert!(text.contains(" — "), "a quote with its citation: {text}");
    std::fs::remove_dir_all(&keep).unwrap();
}
