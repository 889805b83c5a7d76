//! Fuzz target `load`: any bytes through the loader, as `brief check` and `brief print`
//! see a file. Whatever comes out (a briefing or errors) must be safe to print: no
//! control character but the newline in rendered diagnostics or printed text, none at
//! all in one-line fields, each diagnostic line short, and the diagnostics capped.
#![no_main]

use brief::load::{clean::is_unsafe_char, load_bytes, validate::MAX_DIAGNOSTICS};
use brief::model::Briefing;
use brief::print::{Format, Selection};
use libfuzzer_sys::fuzz_target;

/// The longest diagnostic line: a 240-character message whose every character is
/// escaped as `\u{XXXXX}` (10 bytes), plus the file name and position.
const MAX_LINE_BYTES: usize = 4096;

fuzz_target!(|data: &[u8]| {
    match load_bytes("fuzz.toml", data) {
        Ok(loaded) => {
            check_model(&loaded.briefing);
            check_output("warnings", &loaded.report.render());
            let b = &loaded.briefing;
            let all = Selection::all(b);
            let width = 20 + data.len() % 100;
            check_output("text", &brief::print::render(b, &all, Format::Text, width));
            check_output(
                "markdown",
                &brief::print::render(b, &all, Format::Markdown, width),
            );
            let json = brief::print::render(b, &all, Format::Json, width);
            check_output("json", &json);
            assert!(
                serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                "{json}"
            );
        }
        Err(report) => {
            assert!(report.error_count() > 0, "an Err report holds an error");
            assert!(report.diagnostics.len() <= MAX_DIAGNOSTICS + 1);
            check_output("errors", &report.render());
        }
    }
});

/// Text bound for stdout or stderr: no raw control, bidi or zero-width character but
/// the newline, and (for diagnostics) no line long enough to flood a terminal.
fn check_output(what: &str, out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !(c.is_control() || is_unsafe_char(c)),
            "{what}: raw U+{:04X} in {out:?}",
            u32::from(c)
        );
    }
    if matches!(what, "errors" | "warnings") {
        for line in out.lines() {
            assert!(
                line.len() <= MAX_LINE_BYTES,
                "{what}: {} byte line",
                line.len()
            );
        }
    }
}

/// One string of the model: nothing unsafe, and no newline unless the field is text.
fn field(what: &str, s: &str, multi_line: bool) {
    for c in s.chars() {
        assert!(
            (c == '\n' && multi_line) || !(c.is_control() || is_unsafe_char(c)),
            "{what} holds U+{:04X}: {s:?}",
            u32::from(c)
        );
    }
}

fn each<'a>(what: &str, items: impl IntoIterator<Item = &'a String>, multi_line: bool) {
    for s in items {
        field(what, s, multi_line);
    }
}

/// Every string of a loaded briefing, as cleaned at load.
fn check_model(b: &Briefing) {
    let m = &b.meta;
    field("title", &m.title, false);
    each(
        "meta",
        [&m.id, &m.dek, &m.source, &m.url].into_iter().flatten(),
        false,
    );
    each("summary", &m.summary, true);
    each("tag", &m.tags, false);
    for a in &b.actors {
        each("actor", [&a.id, &a.name], false);
        each(
            "actor",
            [&a.role, &a.native_name].into_iter().flatten(),
            false,
        );
        each("alias", &a.aliases, false);
    }
    for s in &b.sections {
        each("section", [&s.id, &s.title], false);
        // Paragraphs are split on blank lines and their lines joined at load.
        each("paragraph", &s.paragraphs, false);
    }
    for q in &b.quotes {
        field("quote id", &q.id, false);
        field("quote", &q.text, true);
        each("quote", [&q.context, &q.via].into_iter().flatten(), false);
    }
    for c in &b.claims {
        each("claim", [&c.id, &c.statement], false);
        each(
            "detail",
            c.positions.iter().filter_map(|p| p.detail.as_ref()),
            true,
        );
    }
    each("event", b.timeline.iter().map(|e| &e.event), false);
    for f in &b.figures {
        each("figure", [&f.measure, &f.value], false);
        each("note", &f.note, true);
    }
}
