//! `brief completions SHELL` and `brief man`: generated from the clap definitions, and
//! accepted by the programs that read them. A test whose checker is not installed says
//! so on stderr and checks only what it can without it.

use crate::common::brief;

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `program args` with `input` on stdin; `None` when the program is not installed.
fn run_with_stdin(program: &str, args: &[&str], input: &[u8]) -> Option<Output> {
    let mut child = match Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: `{program}` is not installed, so its check did not run");
            return None;
        }
        Err(e) => panic!("{program} could not start: {e}"),
    };
    child.stdin.take().unwrap().write_all(input).unwrap();
    Some(child.wait_with_output().unwrap())
}

#[test]
fn every_shell_gets_a_script_naming_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = brief(&["completions", shell]);
        assert!(o.status.success(), "{shell}: {o:?}");
        let script = String::from_utf8(o.stdout).unwrap();
        for word in [
            "check",
            "print",
            "keys",
            "config",
            "completions",
            "man",
            "--actor",
        ] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_list() {
    let o = brief(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
    assert!(err.contains("bash, elvish, fish, powershell, zsh"), "{err}");
}

#[test]
fn bash_completions_parse_in_bash() {
    let script = brief(&["completions", "bash"]).stdout;
    if let Some(o) = run_with_stdin("bash", &["-n"], &script) {
        assert!(
            o.status.success() && o.stderr.is_empty(),
            "bash -n: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // Files complete as paths: the reader's FILE is any path, check's are files.
    let text = String::from_utf8(script).unwrap();
    assert!(text.contains("complete -F _brief"), "{text}");
}

#[test]
fn zsh_and_fish_completions_parse_where_those_shells_are_installed() {
    let zsh = brief(&["completions", "zsh"]).stdout;
    if let Some(o) = run_with_stdin("zsh", &["-n"], &zsh) {
        assert!(
            o.status.success(),
            "zsh -n: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let fish = brief(&["completions", "fish"]).stdout;
    if let Some(o) = run_with_stdin("fish", &["--no-execute"], &fish) {
        assert!(
            o.status.success(),
            "fish: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn the_man_page_names_every_subcommand_and_renders_without_warnings() {
    let o = brief(&["man"]);
    assert!(o.status.success(), "{o:?}");
    let page = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page}");
    assert!(page.contains(".TH brief 1"), "{page}");
    for heading in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH FILES",
    ] {
        assert!(page.contains(heading), "no {heading}");
    }
    for sub in ["check", "print", "keys", "config", "completions", "man"] {
        assert!(page.contains(&format!("\\fBbrief {sub}\\fR")), "no {sub}");
    }
    assert!(
        page.contains("SHELL: bash, elvish, fish, powershell, zsh."),
        "{page}"
    );
    // No page per subcommand is installed, so none is referred to.
    assert!(!page.contains("brief-check(1)"), "{page}");

    // -ww: every warning groff has; -z: no output, only the checks.
    if let Some(r) = run_with_stdin("groff", &["-man", "-Tutf8", "-ww", "-z"], &o.stdout) {
        assert!(r.status.success(), "{r:?}");
        assert_eq!(String::from_utf8_lossy(&r.stderr), "", "groff warned");
    }
}

/// A fresh folder under the target dir for one test.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn brief_new_writes_a_briefing_that_passes_check() {
    let dir = scratch("new-then-check");
    let file = dir.join("mine.toml");
    let f = file.to_str().unwrap();
    let o = brief(&["new", f]);
    assert!(o.status.success(), "{o:?}");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("wrote {f}: edit it, then `brief check {f}`\n")
    );
    let check = brief(&["check", f]);
    assert_eq!(
        String::from_utf8_lossy(&check.stdout),
        format!("ok: {f}: 1 section, 1 quote, 2 actors, 1 claim\n"),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(check.status.success());
    // It is commented, to start from.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.lines().filter(|l| l.starts_with('#')).count() >= 3,
        "{text}"
    );
}

#[test]
fn brief_new_without_a_file_prints_the_same_briefing() {
    let dir = scratch("new-stdout");
    let file = dir.join("b.toml");
    assert!(brief(&["new", file.to_str().unwrap()]).status.success());
    let o = brief(&["new"]);
    assert!(o.status.success());
    assert_eq!(o.stdout, std::fs::read(&file).unwrap());
}

#[test]
fn brief_new_refuses_to_overwrite() {
    let dir = scratch("new-refuses");
    let file = dir.join("taken.toml");
    std::fs::write(&file, "mine, keep it").unwrap();
    let f = file.to_str().unwrap();
    let o = brief(&["new", f]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("brief: {f} already exists; `brief new` does not overwrite a file\n")
    );
    assert!(o.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine, keep it");
}
