//! `brief diff OLD NEW` as a user runs it: fixture pairs in tests/fixtures/diff/, each
//! a copy of base.toml with one change.

use std::process::{Command, Output};

const DIR: &str = "tests/fixtures/diff";

/// Runs `brief diff base.toml NEW.toml` (plus `extra`) from the crate root.
fn diff(new: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("diff")
        .args(extra)
        .arg(format!("{DIR}/base.toml"))
        .arg(format!("{DIR}/{new}.toml"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the brief binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn a_quotes_edited_word_is_a_word_level_diff() {
    let out = diff("word-edited", &[]);
    assert_eq!(
        stdout(&out),
        "tests/fixtures/diff/base.toml → tests/fixtures/diff/word-edited.toml: 1 difference
~ quote `doe-first` Jane Doe
    text: We said what we [-meant.-]{+intended.+}
"
    );
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_changed_stance_shows_before_and_after() {
    let out = diff("stance-changed", &[]);
    assert_eq!(
        stdout(&out),
        "tests/fixtures/diff/base.toml → tests/fixtures/diff/stance-changed.toml: 1 difference
~ claim `troops` Troops were sent.
    Russia: ✘ denies → ~ likely
"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_changed_stance_as_json() {
    let out = diff("stance-changed", &["--format", "json"]);
    assert_eq!(
        stdout(&out),
        r#"{
  "old": "tests/fixtures/diff/base.toml",
  "new": "tests/fixtures/diff/stance-changed.toml",
  "same": false,
  "changes": [
    {
      "change": "changed",
      "item": "claim",
      "id": "troops",
      "label": "Troops were sent.",
      "text": null,
      "fields": [
        {
          "field": "Russia",
          "before": "✘ denies",
          "after": "~ likely",
          "words": null
        }
      ]
    }
  ]
}
"#
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_word_edit_as_json_carries_the_words() {
    let out = diff("word-edited", &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let words = &v["changes"][0]["fields"][0]["words"];
    assert_eq!(
        words,
        &serde_json::json!([
            {"op": "equal", "text": "We said what we "},
            {"op": "delete", "text": "meant."},
            {"op": "insert", "text": "intended."}
        ])
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_revised_figure_shows_its_values() {
    let out = diff("figure-revised", &[]);
    assert_eq!(
        stdout(&out),
        "tests/fixtures/diff/base.toml → tests/fixtures/diff/figure-revised.toml: 1 difference
~ figure Troops sent (Jane Doe)
    value: 1,500 → 3,000
"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_quote_in_another_section_is_a_move() {
    let out = diff("quote-moved", &[]);
    assert_eq!(
        stdout(&out),
        "tests/fixtures/diff/base.toml → tests/fixtures/diff/quote-moved.toml: 1 difference
> quote `doe-second` Jane Doe
    section: The second section → The first section
"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn renamed_ids_with_the_same_content_are_no_change() {
    let out = diff("ids-renamed", &[]);
    assert_eq!(
        stdout(&out),
        "no differences: tests/fixtures/diff/base.toml and tests/fixtures/diff/ids-renamed.toml say the same thing\n"
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn identical_files_say_no_differences() {
    let out = diff("base", &[]);
    assert_eq!(
        stdout(&out),
        "no differences: tests/fixtures/diff/base.toml and tests/fixtures/diff/base.toml say the same thing\n"
    );
    assert_eq!(stderr(&out), "");
    assert_eq!(out.status.code(), Some(0));
    let json = diff("base", &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["same"], true);
    assert_eq!(v["changes"], serde_json::json!([]));
    assert_eq!(json.status.code(), Some(0));
}

#[test]
fn a_broken_new_is_exit_2_with_its_located_error() {
    let out = diff("broken", &[]);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "tests/fixtures/diff/broken.toml:32:11: error: unknown actor `rusia`; did you mean `russia`?
 32 | speaker = \"rusia\"
    |           ^
"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn each_fixture_as_markdown() {
    let head = |new: &str| {
        format!("# Differences: tests/fixtures/diff/base.toml → tests/fixtures/diff/{new}.toml\n\n")
    };
    for (new, body, code) in [
        (
            "word-edited",
            "1 difference:

- **changed** quote `doe-first` Jane Doe
  - **text**: We said what we ~~meant.~~**intended.**
",
            1,
        ),
        (
            "stance-changed",
            "1 difference:

- **changed** claim `troops` Troops were sent.
  - **Russia**: ✘ denies → \\~ likely
",
            1,
        ),
        (
            "figure-revised",
            "1 difference:

- **changed** figure Troops sent (Jane Doe)
  - **value**: 1,500 → 3,000
",
            1,
        ),
        (
            "quote-moved",
            "1 difference:

- **moved** quote `doe-second` Jane Doe
  - **section**: The second section → The first section
",
            1,
        ),
        (
            "ids-renamed",
            "No differences: the two say the same thing.\n",
            0,
        ),
    ] {
        let out = diff(new, &["--format", "markdown"]);
        assert_eq!(stdout(&out), format!("{}{body}", head(new)), "{new}");
        assert_eq!(out.status.code(), Some(code), "{new}");
    }
}

#[test]
fn piped_output_has_no_escape_codes_unless_colour_is_forced() {
    for new in [
        "word-edited",
        "stance-changed",
        "figure-revised",
        "quote-moved",
    ] {
        for extra in [&[][..], &["--color", "never"], &["--format", "markdown"]] {
            let out = diff(new, extra);
            assert_eq!(out.status.code(), Some(1));
            assert!(
                !out.stdout.contains(&0x1b),
                "{new} {extra:?}: {}",
                stdout(&out)
            );
        }
    }
    // --color always colours even a pipe, and wins over NO_COLOR.
    let forced = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["diff", "--color", "always"])
        .arg(format!("{DIR}/base.toml"))
        .arg(format!("{DIR}/stance-changed.toml"))
        .env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&forced),
        "\x1b[1mtests/fixtures/diff/base.toml → tests/fixtures/diff/stance-changed.toml: 1 difference\x1b[0m
\x1b[33m~ claim `troops` Troops were sent.\x1b[0m
    Russia: \x1b[31m✘ denies\x1b[0m → \x1b[32m~ likely\x1b[0m
"
    );
    assert_eq!(forced.status.code(), Some(1));
}
