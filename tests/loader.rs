//! The loader, one error class at a time: each test (or row of the `single_errors`
//! table) asserts the exact message and the line and column it is reported at, plus
//! property tests that no input panics it.

use brief::load::diag::{LineIndex, Severity};
use brief::load::{Loaded, Report, load_bytes, load_path, load_str};
use brief::model::Briefing;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The smallest valid briefing; tests append tables to it.
const HEAD: &str = "format = 1\n\n[briefing]\ntitle = \"T\"\n";

/// An actor `a` and a section `s` with a quote `q`, for reference tests.
const WITH_ACTOR: &str = "format = 1\n\n[briefing]\ntitle = \"T\"\n\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/errors")
        .join(name)
}

fn load_fixture(name: &str) -> Result<Loaded, Report> {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    load_str(&format!("errors/{name}"), &text)
}

/// Every diagnostic as `(line, col, severity, message)`.
fn located(report: &Report) -> Vec<(usize, usize, &'static str, String)> {
    let index = LineIndex::new(&report.text);
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (line, col) = d.span.as_ref().map_or((0, 0), |s| index.locate(s.start));
            let sev = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            (line, col, sev, d.message.clone())
        })
        .collect()
}

fn errors_of(text: &str) -> Vec<(usize, usize, &'static str, String)> {
    located(&load_str("t.toml", text).expect_err("should not load"))
}

/// The one diagnostic a text gives, as `(line, col, message)`, or what it gave instead.
fn try_only_error(text: &str) -> Result<(usize, usize, String), String> {
    let report = match load_str("t.toml", text) {
        Ok(loaded) => return Err(format!("loaded, with {:?}", located(&loaded.report))),
        Err(report) => report,
    };
    match located(&report).as_slice() {
        [(line, col, "error", message)] => Ok((*line, *col, message.clone())),
        other => Err(format!("not one error but {other:?}")),
    }
}

/// The one diagnostic a text gives, as `(line, col, message)`.
fn only_error(text: &str) -> (usize, usize, String) {
    try_only_error(text).unwrap_or_else(|other| panic!("{other}"))
}

fn err(line: usize, col: usize, message: &str) -> (usize, usize, &'static str, String) {
    (line, col, "error", message.to_owned())
}

fn warn(line: usize, col: usize, message: &str) -> (usize, usize, &'static str, String) {
    (line, col, "warning", message.to_owned())
}

/// No raw control character except newline, and no ESC or C1 at all.
fn assert_terminal_safe(out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || brief::load::clean::is_unsafe_char(c)),
            "raw U+{:04X} in output:\n{out}",
            u32::from(c)
        );
    }
}

// ---------------------------------------------------------------------------
// One error each: a table. To cover a new error, add a row to `single_errors`.
// ---------------------------------------------------------------------------

/// A text that must fail to load with exactly one error, reported at `line`:`column`
/// with `message`. `name` is what a failure prints, so keep it unique.
struct Case {
    name: &'static str,
    text: String,
    line: usize,
    column: usize,
    message: &'static str,
}

fn case(
    name: &'static str,
    text: impl Into<String>,
    line: usize,
    column: usize,
    message: &'static str,
) -> Case {
    Case {
        name,
        text: text.into(),
        line,
        column,
        message,
    }
}

/// Every text that gives exactly one error, with that error.
#[allow(clippy::too_many_lines)] // A table: one row per case.
fn single_errors() -> Vec<Case> {
    let actor = |id: &str, name: &str| {
        format!("{HEAD}\n[[actors]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"state\"\n")
    };
    let date = |value: &str| format!("{HEAD}published = {value}\n");
    let arrays = |n: usize| format!("{HEAD}a = {}{}\n", "[".repeat(n), "]".repeat(n));
    let keys = |n: usize| format!("format = 1\n{} = 1\n", vec!["k"; n].join("."));
    vec![
        // Syntax and schema: the first error stops loading.
        case(
            "unclosed table header",
            "format = 1\n\n[briefing\ntitle = \"T\"\n",
            3,
            10,
            "unclosed table, expected `]`",
        ),
        case(
            "duplicate key",
            format!("{HEAD}title = \"U\"\n"),
            5,
            1,
            "duplicate key `title`",
        ),
        case(
            "duplicate table",
            format!("{HEAD}\n[briefing]\n"),
            6,
            2,
            "duplicate key `briefing`",
        ),
        case(
            "unknown key at top level",
            "format = 1\nvia = 1\n[briefing]\ntitle = \"T\"\n",
            2,
            1,
            "unknown field `via`, expected one of `format`, `briefing`, `actors`, `sections`, `claims`, `timeline`, `figures`, `sources`",
        ),
        case(
            "unknown key in briefing",
            format!("{HEAD}dec = \"x\"\n"),
            5,
            1,
            "unknown field `dec`, expected one of `title`, `id`, `dek`, `summary`, `source`, `url`, `published`, `tags`",
        ),
        case(
            "wrong type: integer title",
            "format = 1\n\n[briefing]\ntitle = 5\n",
            4,
            9,
            "invalid type: integer `5`, expected a string",
        ),
        case(
            "wrong type: tags as a string",
            format!("{HEAD}tags = \"x\"\n"),
            5,
            8,
            "invalid type: string \"x\", expected a sequence",
        ),
        case(
            "wrong type: integer alias",
            format!("{WITH_ACTOR}aliases = [1]\n"),
            10,
            12,
            "invalid type: integer `1`, expected a string",
        ),
        case(
            "unknown enum value lists the choices",
            format!("{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"nation\"\n"),
            9,
            8,
            "unknown variant `nation`, expected one of `state`, `organisation`, `person`, `group`, `media`",
        ),
        case(
            "missing title",
            "format = 1\n\n[briefing]\nid = \"x\"\n",
            3,
            1,
            "missing field `title`",
        ),
        case(
            "missing briefing",
            "format = 1\n",
            1,
            1,
            "missing field `briefing`",
        ),
        case(
            "missing format",
            "[briefing]\ntitle = \"T\"\n",
            1,
            1,
            "missing field `format`",
        ),
        case(
            "missing actor name",
            format!("{HEAD}\n[[actors]]\nid = \"a\"\nkind = \"state\"\n"),
            6,
            1,
            "missing field `name`",
        ),
        case(
            "format 2",
            "format = 2\n\n[briefing]\ntitle = \"T\"\n",
            1,
            10,
            "unsupported format 2: this version of brief reads format 1",
        ),
        // A later format may well have keys this version does not know: the version is the story.
        case(
            "format 2 with a key format 1 does not know",
            "format = 2\n\n[briefing]\ntitle = \"T\"\nsubtitle = \"S\"\n",
            1,
            10,
            "unsupported format 2: this version of brief reads format 1",
        ),
        case(
            "format as a string",
            "format = \"1\"\n\n[briefing]\ntitle = \"T\"\n",
            1,
            10,
            "`format` must be the integer 1, found string",
        ),
        case(
            "format as a float",
            "format = 1.0\n\n[briefing]\ntitle = \"T\"\n",
            1,
            10,
            "`format` must be the integer 1, found float",
        ),
        // Semantic errors.
        case(
            "affiliation cycle of two actors",
            format!(
                "{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\naffiliation = \"b\"\n\n[[actors]]\nid = \"b\"\nname = \"B\"\nkind = \"state\"\naffiliation = \"a\"\n"
            ),
            16,
            15,
            "affiliation cycle: a → b → a",
        ),
        case(
            "affiliation to itself",
            format!(
                "{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\naffiliation = \"a\"\n"
            ),
            10,
            15,
            "affiliation cycle: a → a",
        ),
        case(
            "empty title",
            "format = 1\n\n[briefing]\ntitle = \"\"\n",
            4,
            9,
            "title is empty",
        ),
        case(
            "blank title",
            "format = 1\n\n[briefing]\ntitle = \" \\t\\n \"\n",
            4,
            9,
            "title is empty",
        ),
        case(
            "empty actor name",
            actor("a", ""),
            8,
            8,
            "actor name is empty",
        ),
        case(
            "blank quote text",
            format!(
                "{WITH_ACTOR}\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.quotes]]\nid = \"q\"\nspeaker = \"a\"\ntext = \"\"\"\n\n\"\"\"\n"
            ),
            18,
            8,
            "quote text is empty",
        ),
        case(
            "id that is not a slug",
            actor("UK", "A"),
            7,
            6,
            "actor id `UK` is not a slug: use lowercase letters a-z, digits and '-'",
        ),
        case(
            "date: month 13",
            date("\"2024-13\""),
            5,
            13,
            "month 13 is out of range (01 to 12)",
        ),
        case(
            "date: with slashes",
            date("\"2024/10/22\""),
            5,
            13,
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        case(
            "date: with a time",
            date("2024-10-22T10:00:00"),
            5,
            13,
            "expected a date without a time: YYYY-MM-DD",
        ),
        case(
            "date: with a time and a zone",
            date("2024-10-22T10:00:00Z"),
            5,
            13,
            "expected a date without a time: YYYY-MM-DD",
        ),
        case(
            "date: a bare integer",
            date("2024"),
            5,
            13,
            "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found integer",
        ),
        case(
            "date: 29 February 2023, quoted",
            date("\"2023-02-29\""),
            5,
            13,
            "day 29 is out of range for 2023-02 (01 to 28)",
        ),
        // Unquoted, the TOML parser itself checks the day.
        case(
            "date: 29 February 2023, unquoted",
            date("2023-02-29"),
            5,
            13,
            "invalid date, expected day between 01 and 28",
        ),
        case(
            "invisible character in an id, escaped",
            actor("uk\\u200B", "UK"),
            7,
            6,
            "actor id contains the invisible character U+200B",
        ),
        case(
            "bidi override in a name, escaped",
            actor("uk", "United \\u202EKingdom"),
            8,
            8,
            "actor name contains the invisible character U+202E",
        ),
        // Raw, not escaped: the file may hold the character itself.
        case(
            "invisible character in a name, raw",
            actor("uk", "United\u{200D}Kingdom"),
            8,
            8,
            "actor name contains the invisible character U+200D",
        ),
        case(
            "a field over 1 MiB",
            format!("{HEAD}summary = \"{}\"\n", "x".repeat(1024 * 1024 + 1)),
            5,
            11,
            "summary is 1048577 bytes long; the limit for one field is 1 MiB (1048576 bytes)",
        ),
        // Ids and references are fields too.
        case(
            "a reference over 1 MiB",
            format!(
                "{WITH_ACTOR}affiliation = \"{}\"\n",
                "a".repeat(2 * 1024 * 1024)
            ),
            10,
            15,
            "actor reference is 2097152 bytes long; the limit for one field is 1 MiB (1048576 bytes)",
        ),
        // Nesting depth: an error at the 81st level, however deep the text goes.
        case("nesting: 81 arrays", arrays(81), 5, 85, NESTING),
        case(
            "nesting: 5000 unclosed arrays",
            format!("{HEAD}a = {}", "[".repeat(5000)),
            5,
            85,
            NESTING,
        ),
        case(
            "nesting: 5000 unclosed inline tables",
            format!("{HEAD}a = {}", "{b = ".repeat(5000)),
            5,
            405,
            NESTING,
        ),
        case("nesting: 81 dotted keys", keys(81), 2, 1, NESTING),
        case(
            "nesting: 5000 dotted keys",
            format!("{HEAD}x = 1\n{} = 1\n", vec!["k"; 5000].join(".")),
            6,
            1,
            NESTING,
        ),
        case(
            "nesting: a table header of 81 keys",
            format!("format = 1\n[{}]\n", vec!["k"; 81].join(".")),
            2,
            2,
            NESTING,
        ),
    ]
}

/// `line:column: "message"`, as a failure prints it.
fn show(line: usize, column: usize, message: &str) -> String {
    format!("{line}:{column}: {message:?}")
}

#[test]
fn each_text_gives_its_one_error() {
    // On a small stack, so the deep nesting rows also show the loader does not recurse
    // once per level (a stack overflow aborts the whole test binary).
    let failures = on_small_stack(|| {
        let cases = single_errors();
        let mut names = std::collections::HashSet::new();
        let mut failures = Vec::new();
        for c in &cases {
            if !names.insert(c.name) {
                failures.push(format!("`{}`: two cases have this name", c.name));
            }
            let want = show(c.line, c.column, c.message);
            let got = match try_only_error(&c.text) {
                Ok((line, column, message)) => show(line, column, &message),
                Err(other) => other,
            };
            if got != want {
                failures.push(format!(
                    "`{}`:\n    expected {want}\n         got {got}",
                    c.name
                ));
            }
        }
        (failures, cases.len())
    });
    let (failures, total) = failures;
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Syntax and schema: the first error stops loading.
// ---------------------------------------------------------------------------

#[test]
fn a_toml_syntax_error_renders_with_a_caret() {
    let report = load_str("t.toml", "format = 1\n\n[briefing\ntitle = \"T\"\n").unwrap_err();
    assert_eq!(
        report.render(),
        "t.toml:3:10: error: unclosed table, expected `]`\n 3 | [briefing\n   |          ^\n"
    );
}

#[test]
fn unknown_key_names_it_and_lists_the_expected_keys() {
    let report = load_fixture("unknown-key.toml").unwrap_err();
    assert_eq!(
        located(&report),
        [err(
            19,
            1,
            "unknown field `qoute`, expected one of `id`, `speaker`, `text`, `mode`, `context`, `said`, `via`, `source`, `evidence`"
        )]
    );
}

#[test]
fn a_10_mb_unknown_key_keeps_the_expected_list() {
    let key = "k".repeat(10_000_000);
    let report = load_str("t.toml", &format!("{HEAD}{key} = 1\n")).unwrap_err();
    let out = report.render();
    assert!(out.len() < 1024, "{} bytes", out.len());
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "t.toml:5:1: error: unknown field `{}…`, expected one of `title`, `id`, `dek`, `summary`, `source`, `url`, `published`, `tags`",
            "k".repeat(48)
        )
    );
}

// ---------------------------------------------------------------------------
// Semantic errors: all of them, at once, in file order.
// ---------------------------------------------------------------------------

#[test]
fn five_semantic_errors_are_reported_together_in_file_order() {
    let report = load_fixture("five-errors.toml").unwrap_err();
    assert_eq!(
        located(&report),
        [
            err(
                19,
                15,
                "unknown actor `eastport-councl`; did you mean `eastport-council`?"
            ),
            err(
                23,
                6,
                "duplicate actor id `eastport-council` (first defined at line 10, column 6)"
            ),
            err(35, 8, "quote text is empty"),
            err(37, 8, "month 13 is out of range (01 to 12)"),
            err(43, 11, "unknown section `closing` (1 section defined)"),
        ]
    );
}

#[test]
fn duplicate_ids_name_the_first_place() {
    let report = load_fixture("duplicate-ids.toml").unwrap_err();
    assert_eq!(
        located(&report),
        [
            err(
                13,
                6,
                "duplicate actor id `ana-reyes` (first defined at line 8, column 6)"
            ),
            err(
                27,
                6,
                "duplicate section id `closure` (first defined at line 18, column 6)"
            ),
            err(
                31,
                6,
                "duplicate quote id `reyes-unsafe` (first defined at line 22, column 6)"
            ),
            err(
                40,
                6,
                "duplicate claim id `bridge-unsafe` (first defined at line 36, column 6)"
            ),
        ]
    );
}

#[test]
fn unknown_references_of_every_kind() {
    let report = load_fixture("unknown-refs.toml").unwrap_err();
    assert_eq!(
        located(&report),
        [
            err(
                16,
                15,
                "unknown actor `eastport-counsil`; did you mean `eastport-council`?"
            ),
            err(
                24,
                11,
                "unknown actor `ana-reye`; did you mean `ana-reyes`?"
            ),
            err(32, 9, "unknown actor `harbour-traders` (2 actors defined)"),
            err(
                34,
                9,
                "unknown quote `reyes-unsafes`; did you mean `reyes-unsafe`?"
            ),
            err(
                39,
                31,
                "unknown actor `anna-reyes`; did you mean `ana-reyes`?"
            ),
            err(40, 11, "unknown section `closur`; did you mean `closure`?"),
            err(45, 9, "unknown actor `the-council` (2 actors defined)"),
        ]
    );
}

#[test]
fn a_long_affiliation_chain_is_not_a_cycle() {
    let mut text = HEAD.to_owned();
    for i in 0..5000 {
        let _ = write!(
            text,
            "[[actors]]\nid = \"a{i}\"\nname = \"A\"\nkind = \"person\"\n"
        );
        if i > 0 {
            let _ = writeln!(text, "affiliation = \"a{}\"", i - 1);
        }
    }
    let loaded = load_str("t.toml", &text).unwrap();
    assert_eq!(loaded.briefing.actor_tree().len(), 5000);
}

#[test]
fn the_valid_date_forms_load() {
    for ok in ["\"2024\"", "\"2024-10\"", "\"2024-10-22\"", "2024-02-29"] {
        load_str("t.toml", &format!("{HEAD}published = {ok}\n")).unwrap();
    }
}

#[test]
fn a_field_of_exactly_one_mib_loads() {
    let at_limit = "x".repeat(1024 * 1024);
    load_str("t.toml", &format!("{HEAD}summary = \"{at_limit}\"\n")).unwrap();
}

// ---------------------------------------------------------------------------
// Encodings and line endings.
// ---------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_located_at_the_first_bad_byte() {
    let bytes = b"format = 1\n\n[briefing]\ntitle = \"Caf\xC3\x28\"\n";
    let report = load_bytes("t.toml", bytes).unwrap_err();
    assert_eq!(
        located(&report),
        [err(
            4,
            13,
            "invalid UTF-8 (byte 0xC3); briefings must be UTF-8"
        )]
    );
    assert_eq!(
        report.render(),
        "t.toml:4:13: error: invalid UTF-8 (byte 0xC3); briefings must be UTF-8\n 4 | title = \"Caf\n   |             ^\n"
    );
    // After multi-byte characters, the column still counts characters.
    let report = load_bytes(
        "t.toml",
        "title = \"윤석열"
            .as_bytes()
            .iter()
            .chain(b"\xFF")
            .copied()
            .collect::<Vec<_>>()
            .as_slice(),
    )
    .unwrap_err();
    assert_eq!(
        located(&report),
        [err(
            1,
            13,
            "invalid UTF-8 (byte 0xFF); briefings must be UTF-8"
        )]
    );
}

#[test]
fn utf16_is_named_with_or_without_a_bom() {
    let text = HEAD;
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for bytes in [
        [&[0xFF, 0xFE][..], &le].concat(),
        [&[0xFE, 0xFF][..], &be].concat(),
        le,
        be,
    ] {
        let report = load_bytes("t.toml", &bytes).unwrap_err();
        assert_eq!(
            report.render(),
            "t.toml: error: the file is UTF-16; save it as UTF-8 to read it with brief\n"
        );
    }
}

#[test]
fn a_utf8_bom_is_accepted() {
    let bytes = [&b"\xEF\xBB\xBF"[..], HEAD.as_bytes()].concat();
    let loaded = load_bytes("t.toml", &bytes).unwrap();
    assert_eq!(loaded.briefing.meta.title, "T");
    // Spans still point at the right place after the BOM.
    let bad = [
        &b"\xEF\xBB\xBF"[..],
        b"format = 1\n[briefing]\ntitle = \"\"\n",
    ]
    .concat();
    assert_eq!(
        located(&load_bytes("t.toml", &bad).unwrap_err()),
        [err(3, 9, "title is empty")]
    );
}

#[test]
fn crlf_is_accepted_and_quote_text_comes_out_with_lf() {
    let text = format!(
        "{WITH_ACTOR}\n[[sections]]\nid = \"s\"\ntitle = \"S\"\nbody = \"\"\"\nOne\ntwo.\n\nThree.\"\"\"\n\n[[sections.quotes]]\nid = \"q\"\nspeaker = \"a\"\ntext = \"\"\"\nline one\nline two\"\"\"\n\n[[sections.quotes]]\nid = \"r\"\nspeaker = \"a\"\ntext = \"escaped\\r\\nCRLF and a lone\\rCR\"\n"
    )
    .replace('\n', "\r\n");
    for loaded in [
        load_bytes("t.toml", text.as_bytes()).unwrap(),
        load_str("t.toml", &text).unwrap(),
    ] {
        let b = &loaded.briefing;
        assert_eq!(b.quotes[0].text, "line one\nline two");
        assert_eq!(b.quotes[1].text, "escaped\nCRLF and a lone\nCR");
        assert_eq!(b.sections[0].paragraphs, ["One two.", "Three."]);
        assert_eq!(loaded.report.diagnostics, []);
    }
    // Locations in a CRLF file are the same as in its LF twin.
    let bad = "format = 1\r\n\r\n[briefing]\r\ntitle = \"\"\r\n";
    assert_eq!(
        located(&load_bytes("t.toml", bad.as_bytes()).unwrap_err()),
        [err(4, 9, "title is empty")]
    );
}

// ---------------------------------------------------------------------------
// Cleaning: hostile text comes out clean, with located warnings.
// ---------------------------------------------------------------------------

#[test]
fn hostile_quote_text_is_cleaned_with_located_warnings() {
    let loaded = load_fixture("hostile-text.toml").unwrap();
    let b = &loaded.briefing;
    assert_eq!(b.sections[0].title, "Attack");
    assert_eq!(b.quotes[0].text, "abcdefghij  klm");
    assert_eq!(
        located(&loaded.report),
        [
            warn(
                15,
                9,
                "removed 2 control characters or escape sequences from section title"
            ),
            warn(
                20,
                8,
                "removed 9 control characters or escape sequences and 2 invisible or bidi characters from quote text"
            ),
        ]
    );
    assert_terminal_safe(&loaded.report.render());
}

#[test]
fn raw_c1_and_bidi_characters_in_the_file_are_cleaned_too() {
    // TOML lets C1 controls and bidi overrides into strings unescaped.
    let text = format!("{HEAD}dek = \"a\u{9b}31mb\u{9d}0;t\u{9c}c\u{202e}d\u{200b}e\u{85}f\"\n");
    let loaded = load_str("t.toml", &text).unwrap();
    assert_eq!(loaded.briefing.meta.dek.as_deref(), Some("abcdef"));
    assert_eq!(
        located(&loaded.report),
        [warn(
            5,
            7,
            "removed 3 control characters or escape sequences and 2 invisible or bidi characters from dek"
        )]
    );
    let out = loaded.report.render();
    assert_terminal_safe(&out);
    assert!(
        out.contains("\\u{009B}") && out.contains("\\u{202E}"),
        "{out}"
    );
}

#[test]
fn errors_about_hostile_input_never_echo_raw_bytes() {
    let cases = [
        // A raw ESC in a string is a TOML error; the snippet must escape it.
        format!("{HEAD}dek = \"\u{1b}]0;pwned\u{7}\"\n"),
        // In a comment.
        format!("{HEAD}# \u{1b}[2J\u{1b}[H\n"),
        // An unknown key made of escapes.
        format!("{HEAD}\"\\u001b[2J\\u009b31m\\u202e\" = 1\n"),
        // An unknown key written raw with C1 and bidi characters.
        format!("{HEAD}\"\u{9b}31m\u{202e}\u{85}\" = 1\n"),
        // An unknown reference full of escapes.
        format!("{WITH_ACTOR}affiliation = \"\\u001b]52;c;ZXZpbA==\\u0007\"\n"),
        // An unknown enum value.
        format!("{HEAD}\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"\\u001b[31m\"\n"),
        // A bad date.
        format!("{HEAD}published = \"\\u001b[2J\"\n"),
        // A lone CR and a NUL.
        format!("{HEAD}\r\0\n"),
    ];
    for text in &cases {
        let report = load_str("t\u{1b}[31m.toml", text).unwrap_err();
        assert!(report.error_count() > 0);
        assert_terminal_safe(&report.render());
    }
    let report = load_bytes("t.toml", b"format = 1\n\x1b[2J\x9b\xC2\x9b").unwrap_err();
    assert_terminal_safe(&report.render());
}

#[test]
fn a_10_mb_unterminated_string_gives_a_short_error() {
    let text = format!("{HEAD}summary = \"{}\n", "y".repeat(10_000_000));
    let report = load_str("t.toml", &text).unwrap_err();
    let out = report.render();
    assert!(out.len() < 1024, "{} bytes:\n{out}", out.len());
    assert_eq!(
        out.lines().next().unwrap(),
        "t.toml:5:10000012: error: invalid basic string, expected `\"`"
    );
    let text = format!("{HEAD}summary = \"\"\"{}\n", "y\n".repeat(5_000_000));
    let out = load_str("t.toml", &text).unwrap_err().render();
    assert!(out.len() < 1024, "{} bytes:\n{out}", out.len());
}

// ---------------------------------------------------------------------------
// Nesting depth.
// ---------------------------------------------------------------------------

const NESTING: &str =
    "nested too deep: arrays, inline tables and dotted keys may nest at most 80 levels";

/// Runs `f` on a thread with a small stack, as the test harness and many platforms'
/// main threads have, so deep recursion would show up as a crash here.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn the_nesting_limit_is_the_toml_crates() {
    // 80 levels parse (and fail only as an unknown key); 81 do not. If a toml upgrade
    // moves the limit, this fails and `load::syntax::MAX_NESTING` needs updating.
    assert_eq!(brief::load::syntax::MAX_NESTING, 80);
    let arrays = |n: usize| format!("{HEAD}a = {}{}\n", "[".repeat(n), "]".repeat(n));
    assert!(only_error(&arrays(80)).2.starts_with("unknown field `a`"));
    let keys = |n: usize| format!("format = 1\n{} = 1\n", vec!["k"; n].join("."));
    assert!(only_error(&keys(80)).2.starts_with("unknown field `k`"));
    // 81 levels of each: see the "nesting: 81 ..." rows of `single_errors`.
}

#[test]
fn every_kind_of_nesting_at_once_stays_on_the_stack() {
    // A table header, a dotted key and an array, each just under the limit, inside the
    // one field that accepts any TOML value (a date): 240 levels deep in all.
    let header = vec!["x"; 78].join(".");
    let key = vec!["y"; 80].join(".");
    let text = format!(
        "format = 1\n[briefing.published.{header}]\n{key} = {}{}\n[briefing]\ntitle = \"T\"\n",
        "[".repeat(80),
        "]".repeat(80)
    );
    let got = on_small_stack(move || errors_of(&text));
    assert_eq!(got.len(), 1, "{got:?}");
}

// ---------------------------------------------------------------------------
// Paths and file kinds.
// ---------------------------------------------------------------------------

/// A path in the temp folder, unique to this test run, removed on drop.
struct TempPath(PathBuf);

impl TempPath {
    fn new(name: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        Self(std::env::temp_dir().join(format!(
            "brief-loader-test-{}-{n}-{name}",
            std::process::id()
        )))
    }
}

impl Drop for TempPath {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0).or_else(|_| std::fs::remove_dir(&self.0));
    }
}

/// Loads a path on another thread, failing (instead of hanging) after `secs`.
fn load_path_within(path: &Path, secs: u64) -> Result<Loaded, Report> {
    let (tx, rx) = std::sync::mpsc::channel();
    let path = path.to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(load_path(&path));
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .expect("load_path should not block")
}

fn one_line_error(path: &Path) -> String {
    let out = load_path_within(path, 30).unwrap_err().render();
    assert_eq!(out.lines().count(), 1, "{out}");
    out
}

#[test]
fn a_missing_file() {
    let path = TempPath::new("missing.toml");
    assert_eq!(
        one_line_error(&path.0),
        format!("{}: error: no such file\n", path.0.display())
    );
}

#[test]
fn a_directory() {
    let path = TempPath::new("dir.toml");
    std::fs::create_dir(&path.0).unwrap();
    assert_eq!(
        one_line_error(&path.0),
        format!(
            "{}: error: is a directory, not a briefing file\n",
            path.0.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let path = TempPath::new("unreadable.toml");
    std::fs::write(&path.0, HEAD).unwrap();
    std::fs::set_permissions(&path.0, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root (as in CI containers) bypasses permission checks: if we can still read the
    // file, the error cannot happen here, so only the success is checked.
    if std::fs::read(&path.0).is_ok() {
        eprintln!("an_unreadable_file: running as root; permission checks are bypassed");
        assert!(load_path(&path.0).is_ok());
        return;
    }
    assert_eq!(
        one_line_error(&path.0),
        format!("{}: error: permission denied\n", path.0.display())
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let path = TempPath::new("fifo.toml");
    let status = std::process::Command::new("mkfifo")
        .arg(&path.0)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    assert_eq!(
        one_line_error(&path.0),
        format!(
            "{}: error: is a named pipe, not a regular file\n",
            path.0.display()
        )
    );
}

/// Devices are refused on the open handle, before a byte is read: `/dev/zero` would
/// never end, a terminal would wait for (and swallow) the user's keys (issue 16).
#[cfg(unix)]
#[test]
fn devices_are_refused_unread() {
    for device in ["/dev/zero", "/dev/null", "/dev/tty"] {
        assert_eq!(
            one_line_error(Path::new(device)),
            format!("{device}: error: is a character device, not a regular file\n")
        );
    }
    let path = TempPath::new("tty.toml");
    std::os::unix::fs::symlink("/dev/tty", &path.0).unwrap();
    assert_eq!(
        one_line_error(&path.0),
        format!(
            "{}: error: is a character device, not a regular file\n",
            path.0.display()
        )
    );
}

#[test]
fn a_file_over_16_mib_is_refused() {
    let path = TempPath::new("huge.toml");
    let file = std::fs::File::create(&path.0).unwrap();
    file.set_len(16 * 1024 * 1024 + 1).unwrap();
    drop(file);
    assert_eq!(
        one_line_error(&path.0),
        format!(
            "{}: error: is larger than the 16 MiB limit for a briefing\n",
            path.0.display()
        )
    );
}

#[test]
fn a_file_at_the_size_limit_is_read() {
    let path = TempPath::new("at-limit.toml");
    let file = std::fs::File::create(&path.0).unwrap();
    file.set_len(brief::load::source::MAX_FILE_BYTES).unwrap();
    drop(file);
    let bytes = brief::load::source::read(&path.0).unwrap();
    assert_eq!(bytes.len() as u64, brief::load::source::MAX_FILE_BYTES);
}

#[test]
fn a_good_file_by_path() {
    let path = TempPath::new("good.toml");
    std::fs::write(&path.0, HEAD).unwrap();
    let loaded = load_path(&path.0).unwrap();
    assert_eq!(loaded.report.name, path.0.display().to_string());
    assert_eq!(loaded.briefing.meta.title, "T");
}

// ---------------------------------------------------------------------------
// Property tests.
// ---------------------------------------------------------------------------

/// A valid briefing with a marker `@N@` in every string field that takes free text.
const TEMPLATE: &str = r#"format = 1

[briefing]
title = "@0@"
dek = "@1@"
summary = "@2@"
source = "@3@"
tags = ["@4@"]

[[actors]]
id = "a"
name = "@5@"
kind = "person"
role = "@6@"
aliases = ["@7@"]
native-name = "@8@"

[[sections]]
id = "s"
title = "@9@"
body = "@10@"

[[sections.quotes]]
id = "q"
speaker = "a"
text = "@11@"
context = "@12@"
via = "@13@"

[[claims]]
id = "c"
statement = "@14@"

[[claims.positions]]
actor = "a"
stance = "asserts"
detail = "@15@"
quote = "q"

[[timeline]]
date = "2024"
event = "@16@"
actors = ["a"]
section = "s"

[[figures]]
measure = "@17@"
value = "@18@"
note = "@19@"
"#;

const MARKERS: usize = 20;

/// A TOML basic string's contents for any text: quote, backslash and the controls TOML
/// forbids raw are escaped; everything else (C1, bidi, emoji) goes in as it is.
fn toml_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c < ' ' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

fn fill(values: &[String]) -> String {
    // Highest marker first, so `@1@` does not eat the start of `@10@`.
    (0..MARKERS).rev().fold(TEMPLATE.to_owned(), |t, i| {
        t.replace(&format!("@{i}@"), &toml_escape(&values[i % values.len()]))
    })
}

type Field<'b> = (&'static str, &'b str, bool);

fn opt<'b>(out: &mut Vec<Field<'b>>, what: &'static str, s: Option<&'b String>, line: bool) {
    if let Some(s) = s {
        out.push((what, s.as_str(), line));
    }
}

/// Every string of the model, with the field it came from and whether it is one line.
fn strings(b: &Briefing) -> Vec<Field<'_>> {
    let m = &b.meta;
    let mut out: Vec<Field<'_>> = vec![("title", &m.title, true)];
    opt(&mut out, "id", m.id.as_ref(), true);
    opt(&mut out, "dek", m.dek.as_ref(), true);
    opt(&mut out, "summary", m.summary.as_ref(), false);
    opt(&mut out, "source", m.source.as_ref(), true);
    opt(&mut out, "url", m.url.as_ref(), true);
    out.extend(m.tags.iter().map(|t| ("tag", t.as_str(), true)));
    for a in &b.actors {
        out.extend([("actor id", a.id.as_str(), true), ("name", &a.name, true)]);
        opt(&mut out, "role", a.role.as_ref(), true);
        opt(&mut out, "native name", a.native_name.as_ref(), true);
        out.extend(a.aliases.iter().map(|s| ("alias", s.as_str(), true)));
    }
    for s in &b.sections {
        out.extend([
            ("section id", s.id.as_str(), true),
            ("section title", &s.title, true),
        ]);
        out.extend(s.paragraphs.iter().map(|p| ("paragraph", p.as_str(), true)));
    }
    for q in &b.quotes {
        out.extend([("quote id", q.id.as_str(), true), ("quote", &q.text, false)]);
        opt(&mut out, "context", q.context.as_ref(), true);
        opt(&mut out, "via", q.via.as_ref(), true);
    }
    for c in &b.claims {
        out.extend([
            ("claim id", c.id.as_str(), true),
            ("statement", &c.statement, true),
        ]);
        for p in &c.positions {
            opt(&mut out, "detail", p.detail.as_ref(), false);
        }
    }
    out.extend(b.timeline.iter().map(|e| ("event", e.event.as_str(), true)));
    for f in &b.figures {
        out.extend([
            ("measure", f.measure.as_str(), true),
            ("value", &f.value, true),
        ]);
        opt(&mut out, "note", f.note.as_ref(), false);
    }
    out
}

fn assert_clean_model(b: &Briefing) {
    for (what, s, one_line) in strings(b) {
        for c in s.chars() {
            let allowed = c == '\n' && !one_line;
            assert!(
                allowed || !(c.is_control() || brief::load::clean::is_unsafe_char(c)),
                "{what} holds U+{:04X}: {s:?}",
                u32::from(c)
            );
        }
    }
}

/// Characters that stress cleaning: controls of every kind, escape introducers and
/// finals, bidi and zero-width characters, joiners, wide and combining characters.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => any::<char>(),
        2 => prop::sample::select(vec![
            '\u{1b}', '[', ']', '\\', '\u{7}', '\u{9b}', '\u{9c}', '\u{9d}', '\u{90}', '\u{85}',
            '\u{7f}', '\0', '\u{8}', '\t', '\r', '\n', '\u{202e}', '\u{2066}', '\u{200b}',
            '\u{200d}', '\u{feff}', '\u{ad}', 'm', 'P', ';', '"', '윤', '\u{301}', ' ',
        ]),
        1 => (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
    ]
}

fn nasty_string() -> impl Strategy<Value = String> {
    prop::collection::vec(nasty_char(), 0..40).prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    // No failure files: proptest cannot find a source folder for integration tests.
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        match load_bytes("t.toml", &bytes) {
            Ok(loaded) => assert_clean_model(&loaded.briefing),
            Err(report) => assert_terminal_safe(&report.render()),
        }
    }

    #[test]
    fn mutated_briefings_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        // Random byte changes to a valid file reach deeper than random bytes do.
        let mut bytes = fill(&["x".to_owned()]).into_bytes();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        match load_bytes("t.toml", &bytes) {
            Ok(loaded) => assert_clean_model(&loaded.briefing),
            Err(report) => assert_terminal_safe(&report.render()),
        }
    }

    #[test]
    fn arbitrary_strings_in_valid_toml_never_panic(
        values in prop::collection::vec(nasty_string(), 1..MARKERS)
    ) {
        let text = fill(&values);
        match load_str("t.toml", &text) {
            Ok(loaded) => {
                assert_clean_model(&loaded.briefing);
                assert_terminal_safe(&loaded.report.render());
            }
            Err(report) => {
                // Only empty or invisible-bearing required fields may fail.
                for d in report.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                    let m = &d.message;
                    prop_assert!(
                        m.ends_with("is empty") || m.contains("invisible character"),
                        "unexpected error: {m}\n{text}"
                    );
                }
                assert_terminal_safe(&report.render());
            }
        }
    }

    #[test]
    fn arbitrary_unicode_strings_never_panic(values in prop::collection::vec(any::<String>(), 1..MARKERS)) {
        let text = fill(&values);
        match load_str("t.toml", &text) {
            Ok(loaded) => assert_clean_model(&loaded.briefing),
            Err(report) => assert_terminal_safe(&report.render()),
        }
    }
}

#[test]
fn the_property_template_is_valid() {
    let loaded = load_str("t.toml", &fill(&["x".to_owned()])).unwrap();
    assert_eq!(loaded.report.diagnostics, []);
    assert_eq!(strings(&loaded.briefing).len(), 24);
}

#[test]
fn a_flood_of_errors_is_capped_and_counted() {
    use std::fmt::Write as _;
    let mut text = String::from(
        "format = 1\n[briefing]\ntitle = \"t\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n",
    );
    for i in 0..3000 {
        let _ = write!(
            text,
            "[[sections.quotes]]\nid = \"q{i}\"\nspeaker = \"nobody\"\ntext = \"x\"\n"
        );
    }
    let report = brief::load::load_str("flood.toml", &text).unwrap_err();
    let max = brief::load::validate::MAX_DIAGNOSTICS;
    assert_eq!(report.diagnostics.len(), max);
    assert_eq!(report.error_count(), 3000);
    assert!(report.render().ends_with(&format!(
        "flood.toml: error: {} more errors not shown (the first {max} found are listed above)\n",
        3000 - max
    )));
}

/// A soft hyphen in each of `n` quotes: a warning each, the file still good.
fn soft_hyphens(n: usize, then: &str) -> String {
    use std::fmt::Write as _;
    let mut text = String::from(
        "format = 1\n[briefing]\ntitle = \"t\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n",
    );
    for i in 0..n {
        let _ = write!(
            text,
            "[[sections.quotes]]\nid = \"q{i}\"\nspeaker = \"a\"\ntext = \"x\u{ad}y\"\n"
        );
    }
    text.push_str(then);
    text
}

/// Warnings never make a file bad nor use up the error cap (issue 16): 1,001 warnings
/// load, and an error found after 1,500 warnings is listed, first.
#[test]
fn warnings_have_a_cap_of_their_own_and_never_make_a_file_bad() {
    let max = brief::load::validate::MAX_DIAGNOSTICS;
    let loaded = brief::load::load_str("w.toml", &soft_hyphens(max + 1, "")).unwrap();
    assert_eq!(loaded.report.warning_count(), max + 1);
    assert_eq!(loaded.report.error_count(), 0);
    let rendered = loaded.report.render();
    assert!(
        rendered.ends_with(
            "w.toml: warning: 1 more warnings not shown (the first 1000 found are listed above)\n"
        ),
        "{}",
        &rendered[rendered.len() - 300..]
    );

    let bad = "[[sections.quotes]]\nid = \"late\"\nspeaker = \"nobody\"\ntext = \"x\"\n";
    let report = brief::load::load_str("e.toml", &soft_hyphens(1500, bad)).unwrap_err();
    assert_eq!((report.error_count(), report.warning_count()), (1, 1500));
    let rendered = report.render();
    let first = rendered.lines().next().unwrap();
    assert!(
        first.contains(": error: ") && first.contains("nobody"),
        "{first}"
    );
    assert!(rendered.ends_with(
        "e.toml: warning: 500 more warnings not shown (the first 1000 found are listed above)\n"
    ));
}

/// Default-ignorable and blank-looking characters are refused in names and aliases as
/// bidi controls are, and a text of nothing else is empty (issue 16): "United Kingdom"
/// and "United Kingdom" + U+034F must not pass as two names that print alike.
#[test]
fn blank_looking_characters_are_refused_in_names_and_blank_text_is_empty() {
    let base = "format = 1\n[briefing]\ntitle = \"T\"\n[[actors]]\nid = \"a\"\nkind = \"state\"\n";
    for (c, code) in [
        ('\u{034F}', "034F"),
        ('\u{3164}', "3164"),
        ('\u{115F}', "115F"),
        ('\u{E0041}', "E0041"),
        ('\u{2800}', "2800"),
        ('\u{FFF9}', "FFF9"),
        ('\u{17B4}', "17B4"),
        ('\u{17B5}', "17B5"),
    ] {
        for name in [format!("United Kingdom{c}"), c.to_string()] {
            let text = format!("{base}name = \"{name}\"\n");
            let report = brief::load::load_str("n.toml", &text).unwrap_err();
            let rendered = report.render();
            assert!(
                rendered.contains(&format!(
                    "n.toml:7:8: error: actor name contains the invisible character U+{code}"
                )),
                "{rendered}"
            );
        }
    }
    for title in ["\u{3164}", "\u{2800} \u{2800}", "\u{034F}\u{FFA0}"] {
        let text = format!(
            "format = 1\n[briefing]\ntitle = \"{title}\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n"
        );
        let report = brief::load::load_str("t.toml", &text).unwrap_err();
        assert!(
            report
                .render()
                .contains("t.toml:3:9: error: title is empty"),
            "{}",
            report.render()
        );
    }
}
