//! The hostile corpus in `tests/hostile/`: each `NAME.expect` names a case and its
//! expected outcome; its input is `NAME.toml` beside it, or made at test time (`input =
//! "..."`: huge files, a directory, a FIFO, /dev/zero...). Every case goes through the
//! real binary (`brief check`, `brief print` in each format) with a hang guard; nothing
//! either writes may hold a control, bidi or zero-width character but the newline. For
//! briefings that load, the cleaned fields are compared and every screen in several
//! modes and sizes is drawn and checked cell by cell.

mod common;
#[path = "hostile/inputs.rs"]
mod inputs;

use brief::app::{App, Key, KeyCode};
use brief::load::clean::is_unsafe_char;
use brief::model::Briefing;
use inputs::{Scratch, brief_os, corpus, field, input, safe};
use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::process::Command;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    /// How to make the input when it is not `NAME.toml`.
    input: Option<String>,
    /// What `brief check` says: "ok" (exit 0) or "error" (exit 1).
    check: String,
    #[serde(default)]
    stdout: Vec<String>,
    /// Substrings of `brief check`'s stderr: the errors or warnings, located.
    #[serde(default)]
    stderr: Vec<String>,
    /// Must not appear in anything `brief print` writes, nor on screen.
    #[serde(default)]
    absent: Vec<String>,
    max_stderr_bytes: Option<usize>,
    /// Field (see `field`) → its exact text after cleaning.
    #[serde(default)]
    cleaned: BTreeMap<String, String>,
    /// Field → its length in characters after cleaning.
    #[serde(default)]
    chars: BTreeMap<String, usize>,
}

/// Key sessions that reach every kind of screen: panes, quote detail, filter, help,
/// search typing and the four analyst views.
fn sessions() -> Vec<Vec<Key>> {
    let (tab, enter) = (Key::plain(KeyCode::Tab), Key::plain(KeyCode::Enter));
    let mut all = vec![
        vec![],
        vec![tab, tab, enter],
        vec![Key::ch('a')],
        vec![Key::ch('?')],
    ];
    all.push(vec![Key::ch('/'), Key::ch('e')]);
    all.extend(['2', '3', '4', '5'].map(|c| vec![Key::ch(c), enter]));
    all
}

fn check_screens(name: &str, b: &Briefing, absent: &[String]) {
    for (w, h) in [(120, 40), (80, 24), (60, 20), (40, 12), (0, 0)] {
        for keys in sessions() {
            let mut app = App::new(b.clone(), w, h);
            for k in &keys {
                common::press(&mut app, *k);
            }
            let buf = common::render(&app);
            for cell in &buf.content {
                let bad = cell
                    .symbol()
                    .chars()
                    .find(|&c| c.is_control() || is_unsafe_char(c));
                assert!(
                    bad.is_none(),
                    "{name}: {bad:?} on screen at {w}x{h} after {keys:?}"
                );
            }
            let text = common::buffer_text(&buf);
            for s in absent {
                assert!(
                    !text.contains(s.as_str()),
                    "{name}: {s:?} on screen:\n{text}"
                );
            }
        }
    }
}

fn run_case(name: &str, e: &Expect) {
    let scratch = Scratch::new(name);
    let path = input(name, e.input.as_deref(), &scratch.0);
    // Root reads a mode-000 file anyway: then the permission error cannot happen here.
    let root_reads = e.input.as_deref() == Some("unreadable") && std::fs::read(&path).is_ok();
    if root_reads {
        eprintln!("{name}: running as root, which reads a mode-000 file; checking it loads");
    }
    let ok = e.check == "ok" || root_reads;
    assert!(
        matches!(e.check.as_str(), "ok" | "error"),
        "{name}: check = {:?}",
        e.check
    );

    let out = brief_os(&["check".as_ref(), path.as_os_str()]);
    let stdout = safe(&format!("{name}: check stdout"), &out.stdout);
    let stderr = safe(&format!("{name}: check stderr"), &out.stderr);
    assert_eq!(out.status.code(), Some(i32::from(!ok)), "{name}: {stderr}");
    let (want_out, want_err) = if root_reads {
        (&[][..], &[][..])
    } else {
        (&e.stdout[..], &e.stderr[..])
    };
    for s in want_out {
        assert!(
            stdout.contains(s.as_str()),
            "{name}: no {s:?} in stdout:\n{stdout}"
        );
    }
    for s in want_err {
        assert!(
            stderr.contains(s.as_str()),
            "{name}: no {s:?} in stderr:\n{stderr}"
        );
    }
    if let Some(max) = e.max_stderr_bytes {
        assert!(
            stderr.len() <= max,
            "{name}: {} bytes of errors:\n{stderr}",
            stderr.len()
        );
    }

    for format in ["text", "markdown", "json"] {
        let out = brief_os(&[
            "print".as_ref(),
            path.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        let printed = safe(&format!("{name}: print {format}"), &out.stdout);
        safe(&format!("{name}: print {format} stderr"), &out.stderr);
        assert_eq!(out.status.success(), ok, "{name}: print {format}");
        for s in &e.absent {
            assert!(
                !printed.contains(s.as_str()),
                "{name}: {s:?} printed as {format}"
            );
        }
    }

    let loaded = brief::load::load_path(&path);
    assert_eq!(
        loaded.is_ok(),
        ok,
        "{name}: the library agrees with `brief check`"
    );
    if let Ok(loaded) = loaded {
        let b = &loaded.briefing;
        for (f, want) in &e.cleaned {
            assert_eq!(field(b, f).as_deref(), Some(want.as_str()), "{name}: {f}");
        }
        for (f, &n) in &e.chars {
            assert_eq!(
                field(b, f).map(|s| s.chars().count()),
                Some(n),
                "{name}: {f}"
            );
        }
        check_screens(name, b, &e.absent);
    }
}

fn cases() -> Vec<(String, Expect)> {
    let mut names: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f != "inputs.rs" && f != ".gitattributes")
        .collect();
    names.sort();
    let cases: Vec<(String, Expect)> = names
        .iter()
        .filter_map(|f| f.strip_suffix(".expect"))
        .map(|name| {
            let text = std::fs::read_to_string(corpus().join(format!("{name}.expect"))).unwrap();
            let e: Expect =
                toml::from_str(&text).unwrap_or_else(|err| panic!("{name}.expect: {err}"));
            (name.to_owned(), e)
        })
        .collect();
    // Every input has its expectation, and nothing else lives here but `inputs.rs` and `.gitattributes`.
    for f in &names {
        let stem = f
            .strip_suffix(".toml")
            .or_else(|| f.strip_suffix(".expect"));
        let stem = stem.unwrap_or_else(|| panic!("stray file tests/hostile/{f}"));
        assert!(cases.iter().any(|(n, _)| n == stem), "{f} has no .expect");
    }
    for (name, e) in &cases {
        let has_file = names.contains(&format!("{name}.toml"));
        assert_eq!(
            has_file,
            e.input.is_none(),
            "{name}: a .toml file or an `input`, not both"
        );
    }
    cases
}

#[test]
fn every_hostile_case_is_handled_as_expected() {
    let mut failed = Vec::new();
    for (name, e) in cases() {
        if std::panic::catch_unwind(|| run_case(&name, &e)).is_err() {
            failed.push(name);
        }
    }
    assert!(failed.is_empty(), "failed: {failed:?}");
}

/// `brief DIR | cat` lists a folder of hostile files: names with escape sequences, a
/// file that does not parse, a FIFO and a link to /dev/zero. No hang, nothing raw.
#[test]
fn a_library_of_hostile_files_lists_them_escaped() {
    let dir = Scratch::new("library");
    let copy = |case: &str, name: &str| {
        std::fs::copy(corpus().join(format!("{case}.toml")), dir.0.join(name)).unwrap();
    };
    copy("osc-title", "evil\u{1b}]0;pwned\u{7}.toml");
    copy("raw-escape-byte", "bad\u{1b}[2J.toml");
    assert!(
        Command::new("mkfifo")
            .arg(dir.0.join("pipe.toml"))
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", dir.0.join("zero.toml")).unwrap();
    // Files that do not load, with an escape sequence and an invalid byte in their
    // names: their error lines name no path (issue 16: the folder's showed).
    let broken = "format = 1\n[briefing]\n";
    std::fs::write(dir.0.join("broken\u{1b}[1m.toml"), broken).unwrap();
    let non_utf8 = std::ffi::OsStr::from_bytes(b"broken\xff.toml");
    std::fs::write(dir.0.join(non_utf8), broken).unwrap();
    let out = brief_os(&[dir.0.as_os_str()]);
    let listed = safe("library", &out.stdout);
    safe("library stderr", &out.stderr);
    for name in [
        "evil\\u{001B}]0;pwned\\u{0007}.toml",
        "bad\\u{001B}[2J.toml",
        "pipe.toml",
        "zero.toml",
    ] {
        assert!(listed.contains(name), "{name} not listed:\n{listed}");
    }
    assert!(!listed.contains("pwned\u{7}"), "{listed}");
    for name in ["broken\\u{001B}[1m.toml", "broken\u{FFFD}.toml"] {
        assert!(
            listed.contains(&format!(
                "✘ {name} does not load: 2:1: error: missing field `title`"
            )),
            "{name}:\n{listed}"
        );
    }
}

#[test]
fn the_corpus_covers_the_issue_list() {
    let names: Vec<String> = cases().into_iter().map(|(n, _)| n).collect();
    let required = [
        "osc52-clipboard",
        "osc8-link",
        "osc-title",
        "csi-clear",
        "csi-cursor",
        "c1-eight-bit",
        "backspace-overwrite",
        "cr-overwrite",
        "nul-raw",
        "nul-escaped",
        "tabs",
        "bidi-name",
        "bidi-text",
        "zero-width-id",
        "combining-marks",
        "long-line",
        "long-string",
        "deep-nesting",
        "duplicate-keys",
        "invalid-utf8",
        "utf16-le-bom",
        "utf16-be",
        "bom",
        "crlf",
        "lone-cr",
        "empty",
        "directory",
        "dev-zero",
        "fifo",
        "tty-link",
        "warning-flood",
        "warnings-then-error",
        "blank-looking-name",
        "javascript-url",
        "utf32-le",
        "nul-bytes",
        "missing-file",
        "unreadable",
    ];
    for r in required {
        assert!(names.iter().any(|n| n == r), "no case {r}");
    }
}
