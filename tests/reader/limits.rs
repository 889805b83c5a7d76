//! The README's "Limits" section against the loader: each message it quotes is the one
//! the loader gives at that limit, and the one limit no other test reaches (the budget
//! for "did you mean" hints) shows its own behaviour. The limits themselves are pinned
//! in tests/loader.rs (file size, field length, nesting, diagnostics, message length)
//! and tests/hostile/ (a 10 MB line, 5,000-deep nesting, /dev/zero).

use brief::load::source::MAX_FILE_BYTES;
use brief::load::validate::{MAX_DIAGNOSTICS, MAX_FIELD_BYTES};
use brief::load::{Report, load_path, load_str};
use std::fmt::Write as _;

const HEAD: &str = "format = 1\n[briefing]\ntitle = \"T\"\n";

/// The README's Limits section.
fn limits_section() -> &'static str {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("\n## Limits\n")
        .expect("README has a Limits section");
    let rest = &readme[start + 1..];
    &rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)]
}

/// The message of a report's only error, or of its last one.
fn last_message(report: &Report) -> String {
    report.diagnostics.last().unwrap().message.clone()
}

fn assert_documented(message: &str) {
    let section = limits_section();
    assert!(
        section.contains(message),
        "README's Limits section does not quote the loader's message {message:?}:\n{section}"
    );
}

#[test]
fn the_file_size_limit_is_documented_with_its_message() {
    let dir = std::env::temp_dir().join(format!("brief-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.toml");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    let report = load_path(&path).unwrap_err();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_documented(&format!("error: {}", last_message(&report)));
    assert_documented(&format!("{} MiB", MAX_FILE_BYTES / 1024 / 1024));
}

#[test]
fn the_field_limit_is_documented_with_its_message() {
    let long = "x".repeat(MAX_FIELD_BYTES + 1);
    let report = load_str("t.toml", &format!("{HEAD}summary = \"{long}\"\n")).unwrap_err();
    assert_documented(&format!("error: {}", last_message(&report)));
}

#[test]
fn the_nesting_limit_is_documented_with_its_message() {
    let report = load_str("t.toml", &format!("{HEAD}a = {}\n", "[".repeat(100))).unwrap_err();
    assert_documented(&format!("error: {}", last_message(&report)));
    assert_documented(&format!("{} levels", brief::load::syntax::MAX_NESTING));
}

#[test]
fn the_diagnostics_cap_is_documented_with_its_message() {
    let mut text = format!(
        "{HEAD}[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n"
    );
    for i in 0..MAX_DIAGNOSTICS + 2000 {
        let _ = write!(
            text,
            "[[sections.quotes]]\nid = \"q{i}\"\nspeaker = \"nobody\"\ntext = \"x\"\n"
        );
    }
    let report = load_str("t.toml", &text).unwrap_err();
    let rendered = report.render();
    let last = rendered.lines().last().unwrap();
    assert_documented(last.strip_prefix("t.toml: ").unwrap());
}

#[test]
fn did_you_mean_hints_stop_when_their_budget_is_spent() {
    // 2000 actors with ten-letter ids, and 100 quotes each naming a one-letter typo of
    // one: every lookup weighs every id, so the budget lasts for some hints, not all.
    let mut text = String::from(HEAD);
    for i in 0..2000 {
        let _ = write!(
            text,
            "[[actors]]\nid = \"actor-{i:04}\"\nname = \"A{i}\"\nkind = \"state\"\n"
        );
    }
    text.push_str("[[sections]]\nid = \"s\"\ntitle = \"S\"\n");
    for i in 0..100 {
        let _ = write!(
            text,
            "[[sections.quotes]]\nid = \"q{i}\"\nspeaker = \"actbr-{i:04}\"\ntext = \"x\"\n"
        );
    }
    let report = load_str("t.toml", &text).unwrap_err();
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 100);
    assert_eq!(
        messages[0],
        "unknown actor `actbr-0000`; did you mean `actor-0000`?"
    );
    assert_eq!(
        messages[99],
        "unknown actor `actbr-0099` (2000 actors defined)"
    );
    // Hints come first, then none: the budget is spent once, never refilled.
    let hints = messages
        .iter()
        .take_while(|m| m.contains("did you mean"))
        .count();
    assert!(
        messages[hints..]
            .iter()
            .all(|m| m.ends_with("(2000 actors defined)")),
        "{messages:#?}"
    );
    assert_documented("\"did you mean\" hints");
}
