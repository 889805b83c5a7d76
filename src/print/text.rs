//! Plain text: the Reader's own lines (`lines::reader_lines`), so the two cannot drift
//! apart, with every line kept within the width.

use super::Selection;
use crate::model::{Briefing, SectionIx};
use crate::text::wrap;
use crate::views::lines::{self, LineKind, TextLine};

pub fn render(b: &Briefing, sel: &Selection, width: usize) -> String {
    let mut out = Vec::new();
    let m = &b.meta;
    out.extend(wrap(&m.title, width));
    if let Some(dek) = m.dek.as_deref().filter(|d| !d.is_empty()) {
        out.extend(wrap(dek, width));
    }
    let by: Vec<String> = m
        .source
        .iter()
        .cloned()
        .chain(m.published.map(|d| d.to_string()))
        .collect();
    if !by.is_empty() {
        out.extend(wrap(&by.join(" · "), width));
    }
    if let Some(summary) = m.summary.as_deref().filter(|s| !s.is_empty()) {
        out.push(String::new());
        out.extend(wrap(summary, width));
    }
    for s in sel.shown_sections() {
        out.push(String::new());
        section(&mut out, b, sel, s, width);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// One section: "n. Title", its paragraphs, then the quotes the filter keeps, each
/// behind a bar.
fn section(out: &mut Vec<String>, b: &Briefing, sel: &Selection, s: SectionIx, width: usize) {
    let lines = lines::reader_lines(b, s, width);
    // The Reader's title has no number; wrap the numbered one so it fits the width too.
    let title = format!("{}. {}", s.get() + 1, b.section(s).title);
    out.extend(wrap(&title, width));
    let kept = |l: &TextLine| l.quote.is_none_or(|q| sel.filter.matches(b, q));
    // The summary is printed once, under the title, not again in section 1.
    let start = lines
        .iter()
        .position(|l| l.kind == LineKind::Title)
        .unwrap_or(0);
    let body = lines[start..]
        .iter()
        .skip_while(|l| l.kind == LineKind::Title);
    let mut rest = body.peekable();
    while let Some(l) = rest.next() {
        // A quote's blank separator goes with the quote.
        let next_dropped = rest.peek().is_some_and(|n| !kept(n));
        if !kept(l) || (l.kind == LineKind::Blank && next_dropped) {
            continue;
        }
        out.push(match l.kind {
            LineKind::QuoteText | LineKind::Attribution => format!("│ {}", l.text),
            _ => l.text.clone(),
        });
    }
}
