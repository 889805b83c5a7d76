//! `brief check` as a user runs it: the real binary, its output streams and exit status.

use crate::common::brief;

use std::path::Path;
use std::process::Output;

const BUNDLED: &str = "content/korea-ukraine-2024-10.toml";
const BUNDLED_OK: &str =
    "ok: content/korea-ukraine-2024-10.toml: 7 sections, 19 quotes, 20 actors, 5 claims\n";
const FIVE_ERRORS: &str = "tests/fixtures/errors/five-errors.toml";

/// What `brief check five-errors.toml` prints on stderr, snippets and carets included.
const FIVE_ERRORS_STDERR: &str = "\
tests/fixtures/errors/five-errors.toml:19:15: error: unknown actor `eastport-councl`; did you mean `eastport-council`?
 19 | affiliation = \"eastport-councl\"
    |               ^
tests/fixtures/errors/five-errors.toml:23:6: error: duplicate actor id `eastport-council` (first defined at line 10, column 6)
 23 | id = \"eastport-council\"
    |      ^
tests/fixtures/errors/five-errors.toml:35:8: error: quote text is empty
 35 | text = \"   \"
    |        ^
tests/fixtures/errors/five-errors.toml:37:8: error: month 13 is out of range (01 to 12)
 37 | said = \"2025-13\"
    |        ^
tests/fixtures/errors/five-errors.toml:43:11: error: unknown section `closing` (1 section defined)
 43 | section = \"closing\"
    |           ^
";

/// Runs the binary from the crate root, so paths in its output are the relative ones given.
fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn the_bundled_briefing_is_ok() {
    let out = brief(&["check", BUNDLED]);
    assert_eq!(stdout(&out), BUNDLED_OK);
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_documented_example_is_ok() {
    let out = brief(&["check", "docs/example.toml"]);
    assert_eq!(
        stdout(&out),
        "ok: docs/example.toml: 1 section, 2 quotes, 3 actors, 1 claim\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_bad_file_reports_every_error_with_snippet_and_caret() {
    let out = brief(&["check", FIVE_ERRORS]);
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), FIVE_ERRORS_STDERR);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_schema_error_stops_at_the_first() {
    let out = brief(&["check", "tests/fixtures/errors/unknown-key.toml"]);
    assert_eq!(
        stderr(&out),
        "tests/fixtures/errors/unknown-key.toml:19:1: error: unknown field `qoute`, expected one of `id`, `speaker`, `text`, `mode`, `context`, `said`, `via`, `source`, `evidence`\n \
         19 | qoute = \"The bridge is not safe, and we will not wait for it to fail.\"\n    \
         | ^\n"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn one_good_file_and_one_bad() {
    let out = brief(&["check", BUNDLED, FIVE_ERRORS]);
    assert_eq!(stdout(&out), BUNDLED_OK);
    assert_eq!(stderr(&out), FIVE_ERRORS_STDERR);
    assert_eq!(out.status.code(), Some(1));
    // The order of the files does not change the outcome.
    let out = brief(&["check", FIVE_ERRORS, BUNDLED]);
    assert_eq!(stdout(&out), BUNDLED_OK);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_file_is_one_line() {
    let out = brief(&["check", "no/such/briefing.toml"]);
    assert_eq!(stderr(&out), "no/such/briefing.toml: error: no such file\n");
    assert_eq!(stdout(&out), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn warnings_alone_do_not_fail_a_file() {
    let out = brief(&["check", "tests/fixtures/errors/hostile-text.toml"]);
    assert_eq!(
        stdout(&out),
        "ok: tests/fixtures/errors/hostile-text.toml: 1 section, 1 quote, 1 actor, 0 claims, 2 warnings\n"
    );
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| l.contains(": warning: ")).count(),
        2,
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "{err}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn binary_garbage_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir();
    let path = dir.join(format!("brief-check-cli-{}.toml", std::process::id()));
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap())
        .collect();
    std::fs::write(&path, junk).unwrap();
    let out = brief(&["check", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(": error: ") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn version_and_help() {
    let out = brief(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("brief {}\n", env!("CARGO_PKG_VERSION"))
    );
    let out = brief(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    assert!(
        help.starts_with("Read news and intelligence briefings"),
        "{help}"
    );
    assert!(help.contains("check"), "{help}");
}

#[test]
fn check_needs_a_file() {
    let out = brief(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
}

#[test]
fn the_library_check_matches_the_binary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let outcome = brief::check::check(&[root.join(BUNDLED)]);
    assert!(outcome.ok);
    assert_eq!(
        outcome.stdout,
        format!(
            "ok: {}: 7 sections, 19 quotes, 20 actors, 5 claims\n",
            root.join(BUNDLED).display()
        )
    );
    assert_eq!(outcome.stderr, "");
}
