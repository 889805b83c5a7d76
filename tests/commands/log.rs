//! `--log FILE` and `BRIEF_LOG`: what a bug report's log holds (version, settings,
//! timings, problems by position) and what it never holds (the briefing's text).

use std::path::PathBuf;
use std::process::{Command, Output};

fn log_file(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("log-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.log"));
    let _ = std::fs::remove_file(&file);
    file
}

fn brief_with_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("BRIEF_LOG")
        .env("BRIEF_STATE_DIR", env!("CARGO_TARGET_TMPDIR"))
        .env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("brief runs")
}

/// Words of the bundled briefing: its title, a quote, a speaker.
const BRIEFING_TEXT: [&str; 3] = [
    "South Korea weighs arming Ukraine",
    "self-destructing war machine",
    "Keir Starmer",
];

#[test]
fn a_log_records_the_run_and_no_briefing_text() {
    let file = log_file("print");
    let o = brief_with_env(&["print", "--log", file.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains(BRIEFING_TEXT[0]));
    let log = std::fs::read_to_string(&file).unwrap();
    for line in [
        "INFO brief started version=\"0.1.0\" os=",
        "DEBUG command line command=Some(\"print\")",
        "INFO loaded file=(bundled) ms=",
        "sections=7 quotes=19 actors=20",
        "INFO brief ended",
    ] {
        assert!(log.contains(line), "no {line:?} in:\n{log}");
    }
    for text in BRIEFING_TEXT {
        assert!(!log.contains(text), "{text:?} in the log:\n{log}");
    }
}

#[test]
fn brief_log_names_the_file_and_a_bad_briefing_is_logged_by_position() {
    let file = log_file("check");
    let o = brief_with_env(
        &["check", "tests/fixtures/errors/five-errors.toml"],
        &[("BRIEF_LOG", file.to_str().unwrap())],
    );
    assert_eq!(o.status.code(), Some(1));
    let log = std::fs::read_to_string(&file).unwrap();
    assert!(
        log.contains(
            "checked: problems: 5 (errors: 5) at 19:15, 23:6, 35:8, 37:8, 43:11 file=tests/fixtures/errors/five-errors.toml ms="
        ),
        "{log}"
    );
    // The messages quote the file; the log does not.
    assert!(!log.contains("eastport"), "{log}");
}

#[test]
fn settings_and_errors_are_logged_but_not_what_the_error_quotes() {
    let file = log_file("error");
    let o = brief_with_env(
        &["--actor", "Atlantis", "--log", file.to_str().unwrap()],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let log = std::fs::read_to_string(&file).unwrap();
    assert!(log.contains("DEBUG settings state_dir=Some("), "{log}");
    assert!(log.contains("clipboard=Auto"), "{log}");
    assert!(
        log.contains("ERROR brief ended with an error (the message went to stderr)"),
        "{log}"
    );
    for text in BRIEFING_TEXT.into_iter().chain(["Atlantis"]) {
        assert!(!log.contains(text), "{text:?} in the log:\n{log}");
    }
}

#[test]
fn a_log_file_that_cannot_be_opened_is_a_clear_error() {
    let o = brief_with_env(&["keys", "--log", "/nonexistent-dir/brief.log"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "brief: cannot open the log file /nonexistent-dir/brief.log: No such file or directory (os error 2)\n"
    );
    assert!(o.stdout.is_empty());
}
