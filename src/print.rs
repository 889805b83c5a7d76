//! The briefing as plain text, for when stdout is not a terminal (`brief | less`).
//! Uses the Reader's own line builder, so the two cannot drift apart.

use crate::app::view::{self, LineKind};
use crate::model::{Briefing, SectionIx};
use crate::text::wrap;
use std::fmt::Write as _;

pub fn plain(b: &Briefing, width: usize) -> String {
    let mut out = String::new();
    let m = &b.meta;
    let _ = writeln!(out, "{}", m.title);
    if let Some(dek) = &m.dek {
        for l in wrap(dek, width) {
            let _ = writeln!(out, "{l}");
        }
    }
    let by: Vec<String> = m
        .source
        .iter()
        .cloned()
        .chain(m.published.map(|d| d.to_string()))
        .collect();
    if !by.is_empty() {
        let _ = writeln!(out, "{}", by.join(" · "));
    }
    if let Some(summary) = &m.summary {
        out.push('\n');
        for l in wrap(summary, width) {
            let _ = writeln!(out, "{l}");
        }
    }
    for i in 0..b.sections.len() {
        out.push('\n');
        for (n, l) in view::reader_lines(b, SectionIx::at(i), width)
            .into_iter()
            .enumerate()
        {
            let _ = match l.kind {
                LineKind::Title if n == 0 => writeln!(out, "{}. {}", i + 1, l.text),
                LineKind::QuoteText | LineKind::Attribution => writeln!(out, "│ {}", l.text),
                _ => writeln!(out, "{}", l.text),
            };
        }
    }
    out
}
