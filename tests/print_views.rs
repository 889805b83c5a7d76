//! `brief print --view`: the analyst views as text and Markdown, built as the reader
//! draws them, with the actor filter applied.

mod common;
use common::brief;

fn view(args: &[&str]) -> String {
    let mut all = vec!["print", "--view"];
    all.extend_from_slice(args);
    let o = brief(&all);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{all:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

/// The lines of the claim block that starts with `statement`, up to the blank line.
fn claim_block<'a>(text: &'a str, statement: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|l| !l.starts_with(statement))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn each_view_as_text_at_100_columns() {
    for v in ["claims", "figures", "timeline", "actors"] {
        insta::assert_snapshot!(format!("view_{v}"), view(&[v, "--width", "100"]));
    }
}

#[test]
fn claims_show_north_korea_and_russia_denying_the_troop_claim() {
    let text = view(&["claims", "--width", "100"]);
    let block = claim_block(&text, "North Korea has sent troops to Russia.");
    assert!(block.iter().any(|l| l.contains("contested")), "{block:#?}");
    // Members folded as the reader starts: a column per state, the cell under each
    // state's header says it denies.
    let header: Vec<char> = text.lines().next().unwrap().chars().collect();
    let row: Vec<char> = block[0].chars().collect();
    let header_text: String = header.iter().collect();
    for who in ["North Korea", "Russia"] {
        let at = header_text[..header_text.find(who).unwrap()]
            .chars()
            .count();
        let cell: String = row[at..].iter().take(8).collect();
        assert_eq!(cell, "✘ denies", "{who}: {block:#?}");
    }
}

#[test]
fn the_actor_filter_narrows_a_view() {
    let all = view(&["claims", "--width", "100"]);
    let uk = view(&["claims", "--width", "100", "--actor", "united-kingdom"]);
    assert!(all.contains("NATO"));
    assert!(!uk.contains("NATO"), "{uk}");
    assert!(uk.contains("United Kingdom"), "{uk}");
    assert!(uk.lines().count() < all.lines().count());
}

#[test]
fn lines_stay_within_the_width() {
    for v in ["claims", "figures", "timeline", "actors"] {
        let text = view(&[v, "--width", "60"]);
        for line in text.lines() {
            let w = unicode_width::UnicodeWidthStr::width(line);
            assert!(w <= 60, "{v}: {w} columns: {line:?}");
        }
    }
}

#[test]
fn markdown_puts_the_page_in_a_text_block_under_headings() {
    let md = view(&["figures", "--format", "markdown", "--width", "100"]);
    let mut lines = md.lines();
    assert_eq!(
        lines.next(),
        Some("# South Korea weighs arming Ukraine over North Korean troops in Russia")
    );
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("## Figures"));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("```text"));
    assert_eq!(md.lines().last(), Some("```"));
    assert!(md.contains("1,500") && md.contains("10,000") && !md.contains("conflicting"));
}

#[test]
fn backticks_in_the_briefing_cannot_close_the_markdown_fence() {
    let dir = std::env::temp_dir().join(format!("brief-view-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("ticks.toml");
    std::fs::write(
        &file,
        r#"format = 1
[briefing]
title = "Ticks"
[[actors]]
id = "a"
name = "A ````` B"
kind = "state"
[[sections]]
id = "s"
title = "S"
body = "Body."
"#,
    )
    .unwrap();
    let md = view(&["actors", "--format", "markdown", file.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    let fence = md.lines().find(|l| l.starts_with('`')).unwrap();
    assert_eq!(fence, "``````text", "{md}");
    assert_eq!(md.lines().last(), Some("``````"));
}

#[test]
fn json_and_section_are_refused_with_a_reason() {
    let o = brief(&["print", "--view", "claims", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--view prints text or Markdown"), "{err}");
    let o = brief(&["print", "--view", "claims", "--section", "1"]);
    assert_eq!(o.status.code(), Some(2), "clap usage error");
}
