//! `brief print`: each format against snapshots, the JSON shape (every quote with its
//! speaker, a round trip back to the model), the actor and section selection, widths,
//! and that nothing printed carries an escape sequence.

mod common;
use common::brief;

use brief::model::Briefing;
use brief::print::{self, Format, Selection};
use serde_json::Value;

/// Runs `brief print ARGS...` and returns stdout, asserting success.
fn print_out(args: &[&str]) -> String {
    let mut all = vec!["print"];
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

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&print_out(&all)).expect("valid JSON")
}

/// `(quote id, speaker id)` of every quote in the JSON, in order.
fn json_quotes(v: &Value) -> Vec<(String, String)> {
    v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["quotes"].as_array().unwrap())
        .map(|q| {
            (
                q["id"].as_str().unwrap().to_owned(),
                q["speaker"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn model_quotes(b: &Briefing, keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    b.quotes
        .iter()
        .map(|q| (q.id.clone(), b.actor(q.speaker).id.clone()))
        .filter(|(_, speaker)| keep(speaker))
        .collect()
}

#[test]
fn snapshots_of_the_whole_briefing() {
    insta::assert_snapshot!("text_full", print_out(&["--width", "60"]));
    insta::assert_snapshot!("markdown_full", print_out(&["--format", "markdown"]));
    insta::assert_snapshot!("json_full", print_out(&["--format", "json"]));
}

#[test]
fn snapshots_filtered_to_the_united_kingdom() {
    let uk = ["--actor", "united-kingdom"];
    insta::assert_snapshot!(
        "text_uk",
        print_out(&[&uk[..], &["--width", "60"]].concat())
    );
    insta::assert_snapshot!(
        "markdown_uk",
        print_out(&[&uk[..], &["--format", "markdown"]].concat())
    );
    insta::assert_snapshot!(
        "json_uk",
        print_out(&[&uk[..], &["--format", "json"]].concat())
    );
}

#[test]
fn json_has_every_quote_with_its_speaker() {
    let b = common::bundled();
    let v = json(&[]);
    assert_eq!(v["format"], 1);
    let quotes = json_quotes(&v);
    assert_eq!(quotes.len(), b.quotes.len());
    assert_eq!(quotes, model_quotes(&b, |_| true));
    let actor_ids: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(quotes.iter().all(|(_, s)| actor_ids.contains(&s.as_str())));
    assert_eq!(v["sections"].as_array().unwrap().len(), b.sections.len());
    assert_eq!(v["claims"].as_array().unwrap().len(), b.claims.len());
    assert_eq!(v["timeline"].as_array().unwrap().len(), b.timeline.len());
    assert_eq!(v["figures"].as_array().unwrap().len(), b.figures.len());
    assert_eq!(v["filter"]["actors"], Value::Array(vec![]));
    assert_eq!(v["filter"]["section"], Value::Null);
}

#[test]
fn an_actor_selects_its_members_quotes_and_only_those() {
    let b = common::bundled();
    let members = ["united-kingdom", "keir-starmer", "john-healey"];
    let expected = model_quotes(&b, |s| members.contains(&s));
    assert!(!expected.is_empty());

    let v = json(&["--actor", "United Kingdom"]);
    assert_eq!(json_quotes(&v), expected);
    assert_eq!(v["filter"]["actors"], serde_json::json!(["united-kingdom"]));
    assert_eq!(v["filter"]["selects"], serde_json::json!(members));
    // The same as the Reader's filter.
    let mut filter = brief::views::filter::Filter::new(&b);
    filter.toggle(&b, common::actor(&b, "united-kingdom"));
    assert_eq!(filter.quotes.len(), expected.len());

    // Text and Markdown keep only the sections with a matching quote.
    let text = print_out(&["--actor", "united-kingdom", "--width", "80"]);
    let md = print_out(&["--actor", "united-kingdom", "--format", "markdown"]);
    for (i, s) in b.sections.iter().enumerate() {
        let has = filter.per_section[i] > 0;
        let heading = format!("## {}. {}", i + 1, s.title);
        assert_eq!(md.contains(&heading), has, "{heading}");
        assert_eq!(text.contains(&format!("\n{}. ", i + 1)), has, "{}", s.title);
    }
    assert_eq!(md.matches("\n> — ").count(), expected.len());
    assert!(!text.contains("Yoon Suk Yeol, President"));
    assert!(!md.contains("Yoon Suk Yeol, President"));

    // Several actors combine as "any of".
    let v = json(&["--actor", "united-kingdom", "--actor", "nato"]);
    assert!(json_quotes(&v).len() > expected.len());
}

#[test]
fn json_round_trips_the_model() {
    let b = common::bundled();
    let v = json(&[]);
    let toml = to_toml(&v);
    let back = brief::load::load_str("round-trip.toml", &toml)
        .unwrap_or_else(|r| panic!("{}\n{toml}", r.render()))
        .briefing;
    assert_eq!(format!("{back:#?}"), format!("{b:#?}"));
}

/// The JSON written back as a briefing file: nulls dropped, `native_name` as
/// `native-name`, paragraphs joined into a body, section numbers dropped.
fn to_toml(v: &Value) -> String {
    fn conv(v: &Value) -> Option<toml::Value> {
        Some(match v {
            Value::Null => return None,
            Value::Bool(x) => toml::Value::Boolean(*x),
            Value::Number(n) => n.as_i64().map_or_else(
                || toml::Value::Float(n.as_f64().unwrap()),
                toml::Value::Integer,
            ),
            Value::String(s) => toml::Value::String(s.clone()),
            Value::Array(a) => toml::Value::Array(a.iter().filter_map(conv).collect()),
            Value::Object(o) => {
                let mut t = toml::Table::new();
                for (k, v) in o {
                    if let Some(v) = conv(v) {
                        t.insert(k.replace('_', "-"), v);
                    }
                }
                toml::Value::Table(t)
            }
        })
    }
    let mut top = toml::Table::new();
    top.insert("format".into(), toml::Value::Integer(1));
    for key in [
        "briefing", "actors", "sections", "claims", "timeline", "figures", "sources",
    ] {
        top.insert(key.into(), conv(&v[key]).unwrap());
    }
    for s in top["sections"].as_array_mut().unwrap() {
        let s = s.as_table_mut().unwrap();
        s.remove("number");
        // Where a quote was found in its source is worked out, not written.
        for q in s["quotes"].as_array_mut().unwrap() {
            q.as_table_mut().unwrap().remove("location");
        }
        let paragraphs = s.remove("paragraphs").unwrap();
        let paragraphs: Vec<&str> = paragraphs
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        if !paragraphs.is_empty() {
            s.insert("body".into(), toml::Value::String(paragraphs.join("\n\n")));
        }
    }
    // The model stores a figure's number as a float.
    for f in top["figures"].as_array_mut().unwrap() {
        let f = f.as_table_mut().unwrap();
        if let Some(toml::Value::Integer(n)) = f.get("number").cloned() {
            #[allow(clippy::cast_precision_loss)]
            f.insert("number".into(), toml::Value::Float(n as f64));
        }
    }
    toml::to_string(&top).unwrap()
}

#[test]
fn a_section_prints_only_that_section() {
    let b = common::bundled();
    let third = &b.sections[2];
    for args in [
        &["--section", "3"][..],
        &["--section", third.id.as_str()][..],
    ] {
        let text = print_out(&[args, &["--width", "200"]].concat());
        assert!(text.contains(&format!("\n3. {}\n", third.title)), "{text}");
        let md = print_out(&[args, &["--format", "markdown"]].concat());
        assert!(md.contains(&format!("\n## 3. {}\n", third.title)));
        for (i, s) in b.sections.iter().enumerate().filter(|&(i, _)| i != 2) {
            assert!(!text.contains(&s.title), "{}", s.title);
            assert!(!md.contains(&format!("## {}.", i + 1)), "{}", s.title);
        }
        let v = json(args);
        let sections = v["sections"].as_array().unwrap();
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0]["id"], third.id.as_str());
        assert_eq!(sections[0]["number"], 3);
        assert_eq!(v["filter"]["section"], third.id.as_str());
        assert_eq!(json_quotes(&v).len(), third.quotes.len());
    }
}

#[test]
fn unknown_actor_or_section_fails_with_the_valid_list() {
    let o = brief(&["print", "--actor", "Atlantis", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("brief: unknown actor `Atlantis`; valid actors (id, name):\n"),
        "{err}"
    );
    assert!(err.contains("  united-kingdom               United Kingdom\n"));
    assert!(o.stdout.is_empty());

    let o = brief(&["print", "--section", "99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("valid sections"));
    assert!(o.stdout.is_empty());
}

#[test]
fn a_width_below_twenty_is_refused() {
    let o = brief(&["print", "--width", "19"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn text_lines_stay_within_the_width() {
    for width in [20, 21, 33, 60, 100] {
        let w = width.to_string();
        for args in [
            &["--width", &w][..],
            &["--width", &w, "--actor", "nato"][..],
        ] {
            let out = print_out(args);
            for line in out.lines() {
                assert!(
                    brief::text::width(line) <= width,
                    "{args:?}: {line:?} is wider than {width}"
                );
            }
        }
    }
    // A word longer than the line is cut, in the body and in a quote behind its bar.
    let long = "x".repeat(70);
    let b = load(&format!(
        r#"format = 1
[briefing]
title = "{long}"
[[actors]]
id = "a"
name = "A{long}"
kind = "person"
[[sections]]
id = "s"
title = "S"
body = "{long} and {long}"
[[sections.quotes]]
id = "q"
speaker = "a"
text = "{long}"
"#
    ));
    for width in [20, 37] {
        let out = print::render(&b, &Selection::all(&b), Format::Text, width);
        assert!(out.lines().all(|l| brief::text::width(l) <= width), "{out}");
        assert_eq!(out.matches('x').count(), 70 * 5, "no letter lost");
    }
}

#[test]
fn piped_brief_prints_what_brief_print_prints() {
    let o = brief(&[]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8(o.stdout).unwrap(), print_out(&[]));
    assert_eq!(print_out(&[]), print_out(&["--width", "80"]));
}

fn load(toml: &str) -> Briefing {
    brief::load::load_str("test.toml", toml)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .briefing
}

#[test]
fn nothing_printed_carries_an_escape_sequence() {
    // Escapes (7-bit and 8-bit CSI, OSC, a lone ESC, a C1 control) in every kind of field.
    let e = r"\u001B[31m\u009B2J\u001B]0;owned\u0007\u001B\u0085";
    let b = load(&format!(
        r#"format = 1
[briefing]
title = "Title{e}"
dek = "Dek{e}"
summary = "Summary{e}"
source = "Source{e}"
url = "https://example.org/{e}"
[[actors]]
id = "a"
name = "Actor"
kind = "person"
role = "Role{e}"
[[sections]]
id = "s"
title = "Section{e}"
body = "Body{e}\n\nMore{e}"
[[sections.quotes]]
id = "q"
speaker = "a"
text = "Words{e}"
context = "Context{e}"
via = "Via{e}"
[[claims]]
id = "c"
statement = "Claim{e}"
[[claims.positions]]
actor = "a"
stance = "denies"
detail = "Detail{e}"
quote = "q"
[[timeline]]
date = "2024"
event = "Event{e}"
[[figures]]
measure = "Measure{e}"
value = "Value{e}"
note = "Note{e}"
"#
    ));
    let bad = |c: char| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{7}';
    for format in [Format::Text, Format::Markdown, Format::Json] {
        for sel in [
            Selection::all(&b),
            Selection::new(&b, &[b.quotes[0].speaker], Some(0)),
        ] {
            let out = print::render(&b, &sel, format, 40);
            assert!(!out.bytes().any(|c| c == 0x1b), "{format:?}: {out}");
            assert!(!out.chars().any(bad), "{format:?}: {out}");
            assert!(out.contains("Words"), "{format:?}: {out}");
        }
    }
    let out = print::render(&b, &Selection::all(&b), Format::Json, 40);
    assert!(!out.contains("\\u001b"), "no escaped ESC either: {out}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["sections"][0]["quotes"][0]["text"],
        b.quotes[0].text.as_str()
    );
}

#[test]
fn markdown_escapes_what_would_break_its_structure() {
    let b = load(
        r#"format = 1
[briefing]
title = "Plan #2 *bold* <b>"
dek = "A *dek* with _marks_"
[[actors]]
id = "a"
name = "*Star* [link](x)"
kind = "person"
[[sections]]
id = "s"
title = "One # two"
body = """
# not a heading

1. not a list

- nor this
> nor a quote"""
[[sections.quotes]]
id = "q"
speaker = "a"
mode = "reported"
text = """
2. line one
```
---"""
"#,
    );
    let md = print::render(&b, &Selection::all(&b), Format::Markdown, 80);
    insta::assert_snapshot!("markdown_escaped", md);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        ["# Plan \\#2 \\*bold\\* \\<b\\>", "## 1. One \\# two"]
    );
    assert!(md.contains("\n*A \\*dek\\* with \\_marks\\_*\n"));
    assert!(md.contains("\n> — \\*Star\\* \\[link\\](x) (paraphrase)\n"));
    // Every line of the quote stays inside the block quote.
    assert!(md.contains("\n> 2\\. line one\n> \\`\\`\\`\n> \\---\n>\n> — "));
}
