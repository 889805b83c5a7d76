//! `brief verify` (issue 18) as a user runs it, on a made-up article and a briefing of
//! it (tests/fixtures/verify/), and variants of that briefing: exact messages,
//! locations, summary lines and exit statuses.

use crate::common::brief;

use proptest::prelude::*;
use std::process::Output;

fn streams(o: &Output) -> (String, String, Option<i32>) {
    (
        String::from_utf8(o.stdout.clone()).unwrap(),
        String::from_utf8(o.stderr.clone()).unwrap(),
        o.status.code(),
    )
}

const FOUND: &str = "\
tests/fixtures/verify/article.txt:8:2: found direct quote `quill-waited`
tests/fixtures/verify/article.txt:9:52: found direct quote `quill-frost`
tests/fixtures/verify/article.txt:12:16: found direct quote `venn-lifeline`
tests/fixtures/verify/article.txt:15:62: found direct quote `oduya-vanity`
tests/fixtures/verify/article.txt:16:10: found evidence of quote `oduya-flood`
tests/fixtures/verify/article.txt:15:45: found evidence of position `hal-oduya` on claim `pier-worth-it`
tests/fixtures/verify/article.txt:18:44: found evidence of figure 1
";

/// Straight quotes and a hyphen against the article's curly ones and em dash, and a
/// quote the article breaks across two lines: all found, exit 0.
#[test]
fn every_quote_and_excerpt_of_the_briefing_is_found() {
    let (out, err, code) = streams(&brief(&["verify", "tests/fixtures/verify/briefing.toml"]));
    assert_eq!(
        out,
        format!("{FOUND}verified: 4/4 direct quotes, 3/3 evidence excerpts (article.txt)\n")
    );
    assert_eq!(err, "");
    assert_eq!(code, Some(0));
}

#[test]
fn check_sources_runs_the_same_verification() {
    let (out, err, code) = streams(&brief(&[
        "check",
        "--sources",
        "tests/fixtures/verify/briefing.toml",
    ]));
    assert!(
        out.starts_with(
            "ok: tests/fixtures/verify/briefing.toml: 1 section, 5 quotes, 3 actors, 1 claim\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("verified: 4/4 direct quotes, 3/3 evidence excerpts (article.txt)\n"));
    assert_eq!((err.as_str(), code), ("", Some(0)));
    let (_, err, code) = streams(&brief(&[
        "check",
        "--sources",
        "tests/fixtures/verify/one-word.toml",
    ]));
    assert!(err.contains("direct quote is not in the source"), "{err}");
    assert_eq!(code, Some(1));
}

#[test]
fn one_word_changed_is_located_with_the_closest_passage() {
    let (out, err, code) = streams(&brief(&["verify", "tests/fixtures/verify/one-word.toml"]));
    assert!(!out.contains("quill-waited"));
    assert!(out.ends_with("verified: 3/4 direct quotes, 3/3 evidence excerpts (article.txt)\n"));
    assert_eq!(
        err,
        "tests/fixtures/verify/one-word.toml:40:8: error: direct quote is not in the source lowmere-gazette: closest passage \"\"We've waited long enough - the pier is part of who we are,\"\", 1 word differs: \"what\"→\"who\"
 40 | text = \"We've waited long enough - the pier is part of what we are,\"
    |        ^
"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn evidence_not_in_the_source_is_an_error() {
    let (out, err, code) = streams(&brief(&[
        "verify",
        "tests/fixtures/verify/evidence-missing.toml",
    ]));
    assert!(out.ends_with("verified: 4/4 direct quotes, 2/3 evidence excerpts (article.txt)\n"));
    assert_eq!(
        err,
        "tests/fixtures/verify/evidence-missing.toml:62:12: error: evidence is not in the source lowmere-gazette: closest passage \"the money should go to the flood defences instead.\", 2 words differ: \"sea\"→\"flood\", \"wall\"→\"defences\"
 62 | evidence = \"the money should go to the sea wall instead\"
    |            ^
"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn a_missing_source_file_is_located_and_nothing_counts_as_verified() {
    let (out, err, code) = streams(&brief(&[
        "verify",
        "tests/fixtures/verify/file-missing.toml",
    ]));
    assert_eq!(
        out,
        "verified: 0/4 direct quotes, 0/3 evidence excerpts (no-such-article.txt)\n"
    );
    assert_eq!(
        err,
        "tests/fixtures/verify/file-missing.toml:14:8: error: source file `no-such-article.txt` cannot be read: no such file
 14 | file = \"no-such-article.txt\"
    |        ^
"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn a_source_without_a_file_is_not_checkable_never_verified() {
    let (out, err, code) = streams(&brief(&["verify", "tests/fixtures/verify/no-file.toml"]));
    assert_eq!(
        out,
        "verified: 0/4 direct quotes, 0/3 evidence excerpts, 7 not checkable (no source text)\n"
    );
    assert_eq!((err.as_str(), code), ("", Some(0)));
}

#[test]
fn a_source_file_outside_the_folder_is_a_load_error() {
    let (out, err, code) = streams(&brief(&["verify", "tests/fixtures/verify/outside.toml"]));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "tests/fixtures/verify/outside.toml:14:8: error: source file `../hostile/article.txt` is outside the briefing's folder: give a path inside it, relative to the briefing, without `..`
 14 | file = \"../hostile/article.txt\"
    |        ^
"
    );
    assert_eq!(code, Some(1));
}

#[test]
fn several_files_each_get_a_header_and_a_summary() {
    let (out, _, code) = streams(&brief(&[
        "verify",
        "tests/fixtures/verify/no-file.toml",
        "tests/fixtures/verify/briefing.toml",
    ]));
    assert!(
        out.starts_with("tests/fixtures/verify/no-file.toml:\nverified: 0/4"),
        "{out}"
    );
    assert!(out.contains("tests/fixtures/verify/briefing.toml:\n"));
    assert_eq!(code, Some(0));
}

fn article() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/verify/article.txt"
    ))
    .unwrap()
}

proptest! {
    /// Any run of the article's words, used as a direct quote, is found where it is;
    /// the same run with one word changed is not found.
    #[test]
    fn any_substring_verifies_and_one_word_changed_does_not(
        a in 0usize..2000, len in 1usize..200, which in 0usize..100,
    ) {
        let text = article();
        let source = brief::verify::SourceText::new(text.clone());
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let start = chars[a % chars.len()].0;
        let end = chars.get(a % chars.len() + len).map_or(text.len(), |c| c.0);
        let quote = &text[start..end];
        prop_assume!(!quote.trim().is_empty());
        let found = source.find(quote);
        prop_assert!(found.is_some(), "{quote:?} not found");
        // One whole word (letters only) swapped for one the article does not have.
        let words: Vec<(usize, &str)> = quote
            .split_word_bound_indices_ascii()
            .into_iter()
            .filter(|(_, w)| w.len() > 1 && w.chars().all(char::is_alphabetic))
            .collect();
        prop_assume!(!words.is_empty());
        let (at, word) = words[which % words.len()];
        let changed = format!("{}zqx{}", &quote[..at], &quote[at + word.len()..]);
        prop_assert!(source.find(&changed).is_none(), "{changed:?} found");
    }
}

/// Word runs of ASCII letters and their byte offsets.
trait Words {
    fn split_word_bound_indices_ascii(&self) -> Vec<(usize, &str)>;
}

impl Words for str {
    fn split_word_bound_indices_ascii(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices().chain([(self.len(), ' ')]) {
            match (start, c.is_ascii_alphabetic()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push((s, &self[s..i]));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }
}

#[test]
fn bad_sources_are_located_errors_when_the_briefing_loads() {
    let (out, err, code) = streams(&brief(&["check", "tests/fixtures/errors/bad-sources.toml"]));
    assert_eq!(out, "");
    assert_eq!(
        err,
        "\
tests/fixtures/errors/bad-sources.toml:9:8: error: source file `../outside.txt` is outside the briefing's folder: give a path inside it, relative to the briefing, without `..`
 9 | file = \"../outside.txt\"
   |        ^
tests/fixtures/errors/bad-sources.toml:13:8: error: source file `page.html` is HTML, which brief does not read yet: save the source's text as .txt
 13 | file = \"page.html\"
    |        ^
tests/fixtures/errors/bad-sources.toml:16:6: error: duplicate source id `gazette` (first defined at line 8, column 6)
 16 | id = \"gazette\"
    |      ^
tests/fixtures/errors/bad-sources.toml:31:10: error: unknown source `gazete`; did you mean `gazette`?
 31 | source = \"gazete\"
    |          ^
tests/fixtures/errors/bad-sources.toml:38:12: error: evidence is empty
 38 | evidence = \"  \"
    |            ^
tests/fixtures/errors/bad-sources.toml:43:10: error: unknown source `nowhere` (2 sources defined)
 43 | source = \"nowhere\"
    |          ^
"
    );
    assert_eq!(code, Some(1));
}

/// A link inside the folder that leads out of it is refused when the file is read.
#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused() {
    let root = std::env::temp_dir().join(format!("brief-verify-link-{}", std::process::id()));
    let inner = root.join("briefings");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(root.join("secret.txt"), "We will rebuild it.").unwrap();
    let link = inner.join("article.txt");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(root.join("secret.txt"), &link).unwrap();
    let briefing = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/verify/briefing.toml"
    ))
    .unwrap();
    std::fs::write(inner.join("b.toml"), briefing).unwrap();
    let path = inner.join("b.toml");
    let (out, err, code) = streams(&brief(&["verify", path.to_str().unwrap()]));
    assert!(
        err.contains("error: source file `article.txt` is outside the briefing's folder (a link leads out of it)"),
        "{err}"
    );
    assert!(out.ends_with("verified: 0/4 direct quotes, 0/3 evidence excerpts (article.txt)\n"));
    assert_eq!(code, Some(1));
    std::fs::remove_dir_all(&root).unwrap();
}

/// The bundled briefing ships its article's metadata, not its text: everything is
/// "not checkable" there, nothing verified, and that is not a failure.
#[test]
fn the_bundled_briefing_has_no_source_text_to_check() {
    let (out, err, code) = streams(&brief(&["verify", "content/korea-ukraine-2024-10.toml"]));
    assert_eq!(
        out,
        "verified: 0/9 direct quotes, 0/30 evidence excerpts, 39 not checkable (no source text)\n"
    );
    assert_eq!((err.as_str(), code), ("", Some(0)));
}

/// `brief print --format json` carries the sources, each quote's source and evidence,
/// and where each quote was found in its source's text.
#[test]
fn print_json_has_sources_and_locations() {
    let (out, err, code) = streams(&brief(&[
        "print",
        "tests/fixtures/verify/one-word.toml",
        "--format",
        "json",
    ]));
    assert_eq!((err.as_str(), code), ("", Some(0)));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["sources"][0]["id"], "lowmere-gazette");
    assert_eq!(v["sources"][0]["file"], "article.txt");
    assert_eq!(v["sources"][0]["published"], "2026-03-02");
    let quotes = &v["sections"][0]["quotes"];
    let by_id = |id: &str| {
        quotes
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()
            .clone()
    };
    // One word changed: looked up, not found.
    assert_eq!(
        by_id("quill-waited")["location"],
        serde_json::json!({"found": false, "line": null, "column": null})
    );
    assert_eq!(
        by_id("venn-lifeline")["location"],
        serde_json::json!({"found": true, "line": 12, "column": 16})
    );
    let flood = by_id("oduya-flood");
    assert_eq!(flood["source"], "lowmere-gazette");
    assert_eq!(
        flood["evidence"],
        "the money should go to the flood defences instead"
    );
    assert_eq!(flood["location"]["line"], 16);
    assert_eq!(
        v["claims"][0]["positions"][0]["evidence"],
        "called the plan “a vanity project”"
    );
    assert_eq!(v["figures"][0]["source"], "lowmere-gazette");
}
