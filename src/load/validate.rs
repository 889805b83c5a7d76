//! Raw schema → domain model: every semantic check, all errors collected in one pass.
//!
//! Each string is cleaned here, once; ids are checked as slugs and registered before
//! references are resolved, so forward references work and every bad reference in the
//! file is reported, not just the first.

use super::clean::{Removed, clean_line_owned, clean_text_owned, first_invisible};
use super::diag::{Diagnostic, LineIndex};
use crate::model::raw::{self, RawDate, RawFile, Str};
use crate::model::{
    Actor, ActorIx, Briefing, Claim, ClaimIx, Event, Figure, Meta, PartialDate, Position, Quote,
    QuoteIx, Section, SectionIx,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// The longest one string field may be, in bytes.
pub const MAX_FIELD_BYTES: usize = 1024 * 1024;

/// Edit-distance work (table cells, plus one per id looked at) allowed for "did you
/// mean" hints in one file: far more than any real briefing needs, and a bound on a
/// hostile one with thousands of unknown references to thousands of ids, which would
/// otherwise take minutes.
const SUGGESTION_BUDGET: usize = 4_000_000;

/// Ids seen so far of one kind: id → (index, where it was defined).
type Registry = HashMap<String, (usize, Range<usize>)>;

/// Most diagnostics kept for one file. A hostile file can hold a million bad
/// references; past this, problems are counted, not stored, so memory stays bounded.
pub const MAX_DIAGNOSTICS: usize = 1000;

pub struct Validator<'a> {
    text: &'a str,
    /// Made on first use: only a duplicate id needs a line number here, and indexing
    /// every line of a large file is wasted on one that has none.
    lines: Option<LineIndex<'a>>,
    pub diags: Vec<Diagnostic>,
    /// Problems found past `MAX_DIAGNOSTICS`.
    pub dropped: usize,
    suggestion_budget: usize,
}

impl<'a> Validator<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: None,
            diags: Vec::new(),
            dropped: 0,
            suggestion_budget: SUGGESTION_BUDGET,
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.push(Diagnostic::error(Some(span), message));
    }

    fn push(&mut self, d: Diagnostic) {
        if self.diags.len() < MAX_DIAGNOSTICS {
            self.diags.push(d);
        } else {
            self.dropped += 1;
        }
    }

    /// Reports a string over `MAX_FIELD_BYTES`; true if it is one.
    fn too_long(&mut self, s: &Str, what: &str) -> bool {
        let len = s.get_ref().len();
        if len > MAX_FIELD_BYTES {
            self.error(
                s.span(),
                format!(
                    "{what} is {len} bytes long; the limit for one field is 1 MiB ({MAX_FIELD_BYTES} bytes)"
                ),
            );
        }
        len > MAX_FIELD_BYTES
    }

    /// Length check and cleaning shared by every kind of string field; `None` when the
    /// field is over the limit (already reported). The raw string is taken, not copied:
    /// a clean one becomes the model's string as it is, and the raw file is dropped
    /// after validation anyway.
    fn clean(&mut self, s: &mut Str, what: &str, one_line: bool) -> Option<(String, Removed)> {
        if self.too_long(s, what) {
            return None;
        }
        let raw = std::mem::take(s.get_mut());
        Some(if one_line {
            clean_line_owned(raw)
        } else {
            clean_text_owned(raw)
        })
    }

    /// Cleans a field, warning about what was removed.
    fn cleaned(&mut self, s: &mut Str, what: &str, one_line: bool) -> String {
        let Some((text, removed)) = self.clean(s, what, one_line) else {
            return String::new();
        };
        self.warn_removed(s.span(), what, removed);
        text
    }

    fn warn_removed(&mut self, span: Range<usize>, what: &str, removed: Removed) {
        if !removed.any() {
            return;
        }
        let mut parts = Vec::new();
        if removed.controls > 0 {
            parts.push(format!(
                "{} control character(s) or escape sequence(s)",
                removed.controls
            ));
        }
        if removed.invisible > 0 {
            parts.push(format!(
                "{} invisible or bidi character(s)",
                removed.invisible
            ));
        }
        self.push(Diagnostic::warning(
            Some(span),
            format!("removed {} from {what}", parts.join(" and ")),
        ));
    }

    /// Multi-line text (bodies, quotes, summaries).
    fn text(&mut self, s: &mut Str, what: &str) -> String {
        self.cleaned(s, what, false)
    }

    /// One-line text (titles, roles, contexts).
    fn line(&mut self, s: &mut Str, what: &str) -> String {
        self.cleaned(s, what, true)
    }

    fn opt_line(&mut self, s: Option<&mut Str>, what: &str) -> Option<String> {
        s.map(|s| self.line(s, what)).filter(|t| !t.is_empty())
    }

    /// Text that must not be empty once cleaned.
    fn required(&mut self, s: &mut Str, what: &str, one_line: bool) -> String {
        let fits = s.get_ref().len() <= MAX_FIELD_BYTES;
        let text = self.cleaned(s, what, one_line);
        if text.trim().is_empty() && fits {
            self.error(s.span(), format!("{what} is empty"));
        }
        text
    }

    /// Names and aliases: one line, and no invisible characters that could make two
    /// different names look the same. That error replaces the warning about removed
    /// characters (and the "empty" error, if nothing visible is left).
    fn name(&mut self, s: &mut Str, what: &str) -> String {
        let invisible = first_invisible(s.get_ref());
        let Some((text, removed)) = self.clean(s, what, true) else {
            return String::new();
        };
        if let Some(c) = invisible {
            self.invisible(s, what, c);
        } else if text.is_empty() {
            self.warn_removed(s.span(), what, removed);
            self.error(s.span(), format!("{what} is empty"));
        } else {
            self.warn_removed(s.span(), what, removed);
        }
        text
    }

    fn invisible(&mut self, s: &Str, what: &str, c: char) {
        self.error(
            s.span(),
            format!(
                "{what} contains the invisible character U+{:04X}",
                u32::from(c)
            ),
        );
    }

    /// Ids are slugs: lowercase ASCII letters, digits and '-', starting with a letter or digit.
    fn slug(&mut self, s: &Str, what: &str) -> String {
        let id = s.get_ref();
        if self.too_long(s, what) {
            return id.clone();
        }
        if let Some(c) = first_invisible(id) {
            self.invisible(s, what, c);
        } else if id.is_empty() {
            self.error(s.span(), format!("{what} is empty"));
        } else if !is_slug(id) {
            self.error(
                s.span(),
                format!("{what} `{id}` is not a slug: use lowercase letters a-z, digits and '-'"),
            );
        }
        id.clone()
    }

    /// Checks and registers an id; a duplicate names where the first one is.
    fn register(&mut self, reg: &mut Registry, s: &Str, kind: &str, ix: usize) {
        // A valid id (almost all) needs no name for its errors.
        let id = if s.get_ref().len() <= MAX_FIELD_BYTES && is_slug(s.get_ref()) {
            s.get_ref().clone()
        } else {
            self.slug(s, &format!("{kind} id"))
        };
        match reg.entry(id) {
            Entry::Occupied(first) => {
                let text = self.text;
                let (line, col) = self
                    .lines
                    .get_or_insert_with(|| LineIndex::new(text))
                    .locate(first.get().1.start);
                let id = first.key();
                self.error(
                    s.span(),
                    format!(
                        "duplicate {kind} id `{id}` (first defined at line {line}, column {col})"
                    ),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert((ix, s.span()));
            }
        }
    }

    /// Resolves a reference, reporting an unknown id with the nearest known one.
    fn resolve(&mut self, reg: &Registry, s: &Str, kind: &str) -> Option<usize> {
        if let Some((ix, _)) = reg.get(s.get_ref()) {
            return Some(*ix);
        }
        if self.too_long(s, &format!("{kind} reference")) {
            return None;
        }
        let hint = nearest(s.get_ref(), reg.keys(), &mut self.suggestion_budget).map_or_else(
            || match reg.len() {
                1 => format!(" (1 {kind} defined)"),
                n => format!(" ({n} {kind}s defined)"),
            },
            |n| format!("; did you mean `{n}`?"),
        );
        self.error(s.span(), format!("unknown {kind} `{}`{hint}", s.get_ref()));
        None
    }

    fn date(&mut self, d: &RawDate) -> Option<PartialDate> {
        let parsed = match d.get_ref() {
            toml::Value::String(s) => PartialDate::parse(s),
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(date), None, None) => {
                    PartialDate::new(date.year, Some(date.month), Some(date.day))
                }
                _ => Err("expected a date without a time: YYYY-MM-DD".to_owned()),
            },
            other => Err(format!(
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {}",
                other.type_str()
            )),
        };
        parsed.map_err(|e| self.error(d.span(), e)).ok()
    }

    fn opt_date(&mut self, d: Option<&RawDate>) -> Option<PartialDate> {
        d.and_then(|d| self.date(d))
    }
}

fn is_slug(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The known id closest to `id` by edit distance, if close enough to be a typo.
/// Ids whose length alone rules them out are skipped; the work done is charged to
/// `budget`, and once it runs out there are no more hints (rather than partial ones).
fn nearest<'k>(
    id: &str,
    known: impl Iterator<Item = &'k String>,
    budget: &mut usize,
) -> Option<&'k String> {
    let len = id.chars().count();
    let mut best: Option<(usize, &String)> = None;
    for k in known {
        let klen = k.chars().count();
        let limit = 2.max(k.len() / 4);
        let cost = 1 + if len.abs_diff(klen) > limit {
            0
        } else {
            len * klen
        };
        // Spent is spent: ids come in hash order, so a partly paid search would leave a
        // budget that differs from run to run.
        let Some(rest) = budget.checked_sub(cost) else {
            *budget = 0;
            return None;
        };
        *budget = rest;
        if cost == 1 {
            continue;
        }
        let d = crate::text::edit_distance(id, k);
        if d <= limit && best.is_none_or(|b| (d, k) < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
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
    let (sections, mut quotes) = sections(v, &mut file.sections, &actor_ids);

    let mut claim_ids = Registry::with_capacity(file.claims.len());
    for (i, c) in file.claims.iter().enumerate() {
        v.register(&mut claim_ids, &c.get_ref().id, "claim", i);
    }
    let claims = claims(v, &mut file.claims, &actor_ids, &quote_ids);
    for (ci, claim) in claims.iter().enumerate() {
        for qi in claim.positions.iter().filter_map(|p| p.quote) {
            let backs = &mut quotes[qi.get()].backs;
            if backs.last() != Some(&ClaimIx::at(ci)) {
                backs.push(ClaimIx::at(ci));
            }
        }
    }

    let timeline = timeline(v, &mut file.timeline, &actor_ids, &section_ids);
    let figures = figures(v, &mut file.figures, &actor_ids);
    // Checks run kind by kind (ids before references); report in file order.
    v.diags
        .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if v.dropped > 0 {
        let shown = v.diags.len();
        v.diags.push(Diagnostic::error(
            None,
            format!(
                "{} more problems not shown (the first {shown} found are listed above)",
                v.dropped
            ),
        ));
    }

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
        url: v.opt_line(b.url.as_mut(), "url"),
        published: v.opt_date(b.published.as_ref()),
        tags: b.tags.iter_mut().map(|t| v.line(t, "tag")).collect(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Seen {
    No,
    OnPath,
    Done,
}

fn actors(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawActor>],
    ids: &Registry,
) -> Vec<Actor> {
    let mut actors: Vec<Actor> = raw
        .iter_mut()
        .map(|a| {
            let a = a.get_mut();
            Actor {
                // Registered (copied) already: the raw id is not needed again.
                id: std::mem::take(a.id.get_mut()),
                name: v.name(&mut a.name, "actor name"),
                kind: a.kind,
                role: v.opt_line(a.role.as_mut(), "role"),
                affiliation: a
                    .affiliation
                    .as_ref()
                    .and_then(|s| v.resolve(ids, s, "actor"))
                    .map(ActorIx::at),
                aliases: a.aliases.iter_mut().map(|s| v.name(s, "alias")).collect(),
                native_name: a.native_name.as_mut().map(|s| v.name(s, "native name")),
                members: Vec::new(),
            }
        })
        .collect();
    // Affiliation cycles: walk each chain once (linear overall, whatever the depth); a
    // walk that meets its own path has found a cycle, reported at the actor where it
    // closes and cut there, so the model stays a forest.
    let mut seen = vec![Seen::No; actors.len()];
    for start in 0..actors.len() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match seen[i] {
                Seen::Done => break,
                Seen::OnPath => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    let last = *path.last().unwrap_or(&i);
                    let names: Vec<&str> = path[from..]
                        .iter()
                        .chain([&i])
                        .map(|&p| actors[p].id.as_str())
                        .collect();
                    let a = raw[last].get_ref();
                    let span = a.affiliation.as_ref().map_or(raw[last].span(), Str::span);
                    v.error(span, format!("affiliation cycle: {}", names.join(" → ")));
                    actors[last].affiliation = None;
                    break;
                }
                Seen::No => {
                    seen[i] = Seen::OnPath;
                    path.push(i);
                    cur = actors[i].affiliation.map(ActorIx::get);
                }
            }
        }
        for p in path {
            seen[p] = Seen::Done;
        }
    }
    actors
}

fn sections(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawSection>],
    actor_ids: &Registry,
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
                backs: Vec::new(),
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

fn claims(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawClaim>],
    actor_ids: &Registry,
    quote_ids: &Registry,
) -> Vec<Claim> {
    raw.iter_mut()
        .map(|c| {
            let c = c.get_mut();
            Claim {
                id: std::mem::take(c.id.get_mut()),
                statement: v.required(&mut c.statement, "claim statement", true),
                positions: c
                    .positions
                    .iter_mut()
                    .map(|p| {
                        let p = p.get_mut();
                        Position {
                            actor: v
                                .resolve(actor_ids, &p.actor, "actor")
                                .map_or(ActorIx(0), ActorIx::at),
                            stance: p.stance,
                            detail: p.detail.as_mut().map(|d| v.text(d, "position detail")),
                            quote: p
                                .quote
                                .as_ref()
                                .and_then(|q| v.resolve(quote_ids, q, "quote"))
                                .map(QuoteIx::at),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn timeline(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawEvent>],
    actor_ids: &Registry,
    section_ids: &Registry,
) -> Vec<Event> {
    raw.iter_mut()
        .filter_map(|e| {
            let e = e.get_mut();
            let date = v.date(&e.date);
            let event = Event {
                date: date.unwrap_or(PartialDate {
                    year: 0,
                    month: None,
                    day: None,
                }),
                event: v.required(&mut e.event, "event", true),
                actors: e
                    .actors
                    .iter()
                    .filter_map(|a| v.resolve(actor_ids, a, "actor"))
                    .map(ActorIx::at)
                    .collect(),
                section: e
                    .section
                    .as_ref()
                    .and_then(|s| v.resolve(section_ids, s, "section"))
                    .map(SectionIx::at),
            };
            date.map(|_| event)
        })
        .collect()
}

fn figures(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawFigure>],
    actor_ids: &Registry,
) -> Vec<Figure> {
    raw.iter_mut()
        .map(|f| {
            let f = f.get_mut();
            Figure {
                measure: v.required(&mut f.measure, "figure measure", true),
                value: v.required(&mut f.value, "figure value", true),
                number: f.number,
                actor: f
                    .actor
                    .as_ref()
                    .and_then(|a| v.resolve(actor_ids, a, "actor"))
                    .map(ActorIx::at),
                date: v.opt_date(f.date.as_ref()),
                note: f.note.as_mut().map(|n| v.text(n, "figure note")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("north-korea") && is_slug("nis") && is_slug("2024-a"));
        assert!(!is_slug("-x") && !is_slug("UK") && !is_slug("a b") && !is_slug("a_b"));
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let known = ["united-kingdom".to_owned(), "nato".to_owned()];
        let mut budget = SUGGESTION_BUDGET;
        assert_eq!(
            nearest("united-kingdon", known.iter(), &mut budget),
            Some(&known[0])
        );
        assert_eq!(nearest("zzz", known.iter(), &mut budget), None);
        assert_eq!(nearest("united-kingdon", known.iter(), &mut 10), None);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        assert_eq!(paragraphs("a\nb\n\n  \nc\n"), ["a b", "c"]);
        assert!(paragraphs("\n\n").is_empty());
    }
}
