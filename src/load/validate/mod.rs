//! Raw schema → domain model: every semantic check, all errors collected in one pass.
//!
//! Each string is cleaned here, once; ids are checked as slugs and registered before
//! references are resolved, so forward references work and every bad reference in the
//! file is reported, not just the first.
//!
//! This module holds the validator and the one pass over the file; the checks live in
//! submodules by concern: `fields` (string and date fields), `ids` (ids and
//! references), then one module per kind of record.

mod actors;
mod claims;
mod fields;
mod ids;
mod sections;
mod sources;

pub use sources::file_problem;

use super::diag::{Diagnostic, LineIndex, Severity};
use crate::model::raw::{self, RawFile};
use crate::model::{ActorIx, Briefing, ClaimIx, Meta, PositionRef};
use actors::actors;
use claims::{claims, figures, timeline};
use ids::{Registry, SUGGESTION_BUDGET};
use sections::sections;
use std::ops::Range;

/// The longest one string field may be, in bytes.
pub const MAX_FIELD_BYTES: usize = 1024 * 1024;

/// Most errors kept for one file, and, apart, most warnings. A hostile file can hold a
/// million bad references; past this, problems are counted, not stored, so memory
/// stays bounded. Warnings have a cap of their own, so they never crowd out an error
/// (and never make a file bad).
pub const MAX_DIAGNOSTICS: usize = 1000;

pub struct Validator<'a> {
    text: &'a str,
    /// Made on first use: only a duplicate id needs a line number here, and indexing
    /// every line of a large file is wasted on one that has none.
    lines: Option<LineIndex<'a>>,
    pub diags: Vec<Diagnostic>,
    /// Errors and warnings kept in `diags`.
    kept: [usize; 2],
    /// Errors and warnings found past `MAX_DIAGNOSTICS` of their kind.
    pub dropped: [usize; 2],
    suggestion_budget: usize,
}

impl<'a> Validator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: None,
            diags: Vec::new(),
            kept: [0; 2],
            dropped: [0; 2],
            suggestion_budget: SUGGESTION_BUDGET,
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Diagnostic::error(Some(span), message));
    }

    fn push(&mut self, d: Diagnostic) {
        let kind = usize::from(d.severity == Severity::Warning);
        if self.kept[kind] < MAX_DIAGNOSTICS {
            self.kept[kind] += 1;
            self.diags.push(d);
        } else {
            self.dropped[kind] += 1;
        }
    }
}

/// Validates a parsed file. Errors and warnings accumulate in `v.diags`; the briefing is
/// returned either way, and the caller keeps it only when no error was found.
pub fn validate(v: &mut Validator<'_>, file: &mut RawFile) -> Briefing {
    if *file.format.get_ref() != 1 {
        v.error(
            file.format.span(),
            format!(
                "unsupported format {}: this version of brief reads format 1",
                file.format.get_ref()
            ),
        );
    }
    let meta = meta(v, file.briefing.get_mut());

    let mut source_ids = Registry::with_capacity(file.sources.len());
    for (i, s) in file.sources.iter().enumerate() {
        v.register(&mut source_ids, &s.get_ref().id, "source", i);
    }
    let sources = sources::sources(v, &mut file.sources);

    // Sized once: growing a map rehashes every id already in it.
    let mut actor_ids = Registry::with_capacity(file.actors.len());
    for (i, a) in file.actors.iter().enumerate() {
        v.register(&mut actor_ids, &a.get_ref().id, "actor", i);
    }
    let mut actors = actors(v, &mut file.actors, &actor_ids);

    let mut section_ids = Registry::with_capacity(file.sections.len());
    let quotes = file.sections.iter().map(|s| s.get_ref().quotes.len()).sum();
    let mut quote_ids = Registry::with_capacity(quotes);
    let mut q = 0;
    for (i, s) in file.sections.iter().enumerate() {
        v.register(&mut section_ids, &s.get_ref().id, "section", i);
        for quote in &s.get_ref().quotes {
            v.register(&mut quote_ids, &quote.get_ref().id, "quote", q);
            q += 1;
        }
    }
    let (sections, mut quotes) = sections(v, &mut file.sections, &actor_ids, &source_ids);

    let mut claim_ids = Registry::with_capacity(file.claims.len());
    for (i, c) in file.claims.iter().enumerate() {
        v.register(&mut claim_ids, &c.get_ref().id, "claim", i);
    }
    let claims = claims(v, &mut file.claims, &actor_ids, &quote_ids, &source_ids);
    for (ci, claim) in claims.iter().enumerate() {
        for (pi, p) in claim.positions.iter().enumerate() {
            if let Some(qi) = p.quote {
                quotes[qi.get()].cited_by.push(PositionRef {
                    claim: ClaimIx::at(ci),
                    position: pi,
                });
            }
        }
    }

    let timeline = timeline(v, &mut file.timeline, &actor_ids, &section_ids, &source_ids);
    let figures = figures(v, &mut file.figures, &actor_ids, &source_ids);
    // Checks run kind by kind (ids before references); report errors first, then
    // warnings, each in file order.
    v.diags.sort_by_key(|d| {
        (
            d.severity == Severity::Warning,
            d.span.as_ref().map_or(0, |s| s.start),
        )
    });

    for i in 0..actors.len() {
        if let Some(parent) = actors[i].affiliation {
            actors[parent.get()].members.push(ActorIx::at(i));
        }
    }
    Briefing {
        meta,
        actors,
        sections,
        speakers: quotes.iter().map(|q| q.speaker).collect(),
        quotes,
        claims,
        timeline,
        figures,
        sources,
    }
}

fn meta(v: &mut Validator<'_>, b: &mut raw::RawBriefing) -> Meta {
    Meta {
        title: v.required(&mut b.title, "title", true),
        id: b.id.as_ref().map(|s| v.slug(s, "briefing id")),
        dek: v.opt_line(b.dek.as_mut(), "dek"),
        summary: b
            .summary
            .as_mut()
            .map(|s| v.text(s, "summary"))
            .filter(|t| !t.is_empty()),
        source: v.opt_line(b.source.as_mut(), "source"),
        url: v.url(b.url.as_mut()),
        published: v.opt_date(b.published.as_ref()),
        tags: b.tags.iter_mut().map(|t| v.line(t, "tag")).collect(),
    }
}
