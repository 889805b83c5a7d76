//! Inputs for the hostile corpus: the cases made at test time (huge files, a directory,
//! a FIFO, /dev/zero...), the real binary run with a hang guard, the check that what it
//! writes is safe for a terminal, and the fields the case files name.

use brief::load::clean::is_unsafe_char;
use brief::model::Briefing;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// A folder of its own for one case's made inputs, removed afterwards.
pub use crate::common::TempDir as Scratch;

/// A valid briefing with `title`, and `body` as its section body.
fn briefing(title: &str, body: &str, quote: &str) -> String {
    format!(
        "format = 1\n\n[briefing]\ntitle = \"{title}\"\n\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\nbody = \"{body}\"\n\n[[sections.quotes]]\nid = \"q\"\nspeaker = \"a\"\ntext = \"{quote}\"\n"
    )
}

/// A briefing of `n` quotes with a soft hyphen each (a warning each), then `then`.
fn soft_hyphens(n: usize, then: &str) -> String {
    use std::fmt::Write as _;
    let mut text = briefing("T", "B", "Q");
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[sections.quotes]]\nid = \"q{i}\"\nspeaker = \"a\"\ntext = \"x\u{ad}y\"\n"
        );
    }
    text.push_str(then);
    text
}

/// The path to give brief for a case, made in `dir` when the case needs it.
pub fn input(name: &str, how: Option<&str>, dir: &Path) -> PathBuf {
    let write = |file: &str, text: String| {
        let path = dir.join(file);
        std::fs::write(&path, text).unwrap();
        path
    };
    let marks = "\u{301}".repeat(10_000);
    match how {
        None => corpus().join(format!("{name}.toml")),
        Some("combining-marks") => write(
            "c.toml",
            briefing(&format!("e{marks}"), "B", &format!("x{marks}y")),
        ),
        Some("long-line") => write("l.toml", briefing("T", &"x".repeat(10_000_000), "Q")),
        Some("long-string") => write(
            "s.toml",
            format!(
                "format = 1\n\n[briefing]\ntitle = \"{}\n",
                "y".repeat(10_000_000)
            ),
        ),
        Some("deep-nesting") => write(
            "d.toml",
            format!("{}a = {}\n", briefing("T", "B", "Q"), "[".repeat(5000)),
        ),
        Some("directory") => {
            std::fs::create_dir(dir.join("dir.toml")).unwrap();
            dir.join("dir.toml")
        }
        Some("dev-zero") => PathBuf::from("/dev/zero"),
        Some("fifo") => {
            let path = dir.join("fifo.toml");
            assert!(
                Command::new("mkfifo")
                    .arg(&path)
                    .status()
                    .unwrap()
                    .success()
            );
            path
        }
        Some("tty-link") => {
            let path = dir.join("tty.toml");
            std::os::unix::fs::symlink("/dev/tty", &path).unwrap();
            path
        }
        Some("warning-flood") => write("w.toml", soft_hyphens(1001, "")),
        Some("warnings-then-error") => write(
            "e.toml",
            soft_hyphens(
                1500,
                "[[sections.quotes]]\nid = \"late\"\nspeaker = \"nobody\"\ntext = \"x\"\n",
            ),
        ),
        Some("missing") => dir.join("missing.toml"),
        Some("unreadable") => {
            use std::os::unix::fs::PermissionsExt;
            let path = write("unreadable.toml", briefing("T", "B", "Q"));
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
            path
        }
        Some("escape-in-file-name") => {
            let text = std::fs::read_to_string(corpus().join("osc-title.toml")).unwrap();
            write("evil\u{1b}]0;pwned\u{7}.toml", text)
        }
        Some(other) => panic!("{name}: unknown input {other:?}"),
    }
}

/// Runs the real binary; fails instead of hanging if it does not finish.
pub fn brief_os(args: &[&std::ffi::OsStr]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    rx.recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|_| panic!("brief {args:?} hung"))
        .unwrap()
}

/// Text for a terminal: UTF-8, and no unsafe character but the newline.
pub fn safe(what: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{what}: not UTF-8"));
    if let Some(c) = text
        .chars()
        .find(|&c| c != '\n' && (c.is_control() || is_unsafe_char(c)))
    {
        panic!("{what}: raw U+{:04X} in {text:?}", u32::from(c));
    }
    text
}

/// One field of the first actor, section or quote, as the case files name them.
pub fn field(b: &Briefing, name: &str) -> Option<String> {
    let actor = b.actors.first()?;
    let section = b.sections.first()?;
    let quote = b.quotes.first()?;
    Some(match name {
        "title" => b.meta.title.clone(),
        "actor.name" => actor.name.clone(),
        "actor.role" => actor.role.clone()?,
        "section.title" => section.title.clone(),
        "section.body" => section.paragraphs.join("\n\n"),
        "quote.text" => quote.text.clone(),
        "quote.context" => quote.context.clone()?,
        _ => panic!("unknown field {name}"),
    })
}
