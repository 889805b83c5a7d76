//! Sections and the quotes inside them, with bodies split into paragraphs.

use super::Validator;
use super::ids::Registry;
use crate::model::raw;
use crate::model::{ActorIx, Quote, Section, SectionIx};

pub(super) fn sections(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawSection>],
    actor_ids: &Registry,
    source_ids: &Registry,
) -> (Vec<Section>, Vec<Quote>) {
    let mut sections = Vec::with_capacity(raw.len());
    let mut quotes = Vec::with_capacity(raw.iter().map(|s| s.get_ref().quotes.len()).sum());
    for (si, s) in raw.iter_mut().enumerate() {
        let s = s.get_mut();
        let body = s
            .body
            .as_mut()
            .map(|b| v.text(b, "section body"))
            .unwrap_or_default();
        let start = quotes.len();
        for q in &mut s.quotes {
            let q = q.get_mut();
            quotes.push(Quote {
                id: std::mem::take(q.id.get_mut()),
                section: SectionIx::at(si),
                speaker: v
                    .resolve(actor_ids, &q.speaker, "actor")
                    .map_or(ActorIx(0), ActorIx::at),
                text: trimmed(v.required(&mut q.text, "quote text", false)),
                mode: q.mode,
                context: v.opt_line(q.context.as_mut(), "context"),
                said: v.opt_date(q.said.as_ref()),
                via: v.opt_line(q.via.as_mut(), "via"),
                provenance: v.provenance(q.source.as_ref(), q.evidence.as_mut(), source_ids),
                cited_by: Vec::new(),
            });
        }
        sections.push(Section {
            id: std::mem::take(s.id.get_mut()),
            title: v.required(&mut s.title, "section title", true),
            paragraphs: paragraphs(&body),
            quotes: start..quotes.len(),
        });
    }
    (sections, quotes)
}

/// The text without surrounding whitespace, copied only when there is some.
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_owned()
    }
}

/// Splits a body on blank lines; lines inside a paragraph join with a space.
fn paragraphs(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in body.lines().map(str::trim).chain([""]) {
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \nc\n"), ["a b", "c"]);
        assert!(paragraphs("\n\n").is_empty());
    }
}
