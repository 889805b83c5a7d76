//! JSON: the model in the stable shape documented in docs/print-json.md (format 1).
//!
//! Indices are written back as the ids they came from, dates as ISO strings as precise
//! as the briefing gave them, and absent optional fields as `null`, so every key is
//! always present. The structs here are the shape; the model itself has no serde.

use super::Selection;
use crate::model::{
    ActorIx, Briefing, Event, Figure, Position, Provenance, QuoteIx, QuoteMode, Stance,
};
use crate::verify::Status;
use serde::Serialize;

/// Version of the JSON shape; bumped only on incompatible changes.
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Doc<'a> {
    format: u32,
    filter: FilterOut<'a>,
    briefing: MetaOut<'a>,
    actors: Vec<ActorOut<'a>>,
    sections: Vec<SectionOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    timeline: Vec<EventOut<'a>>,
    figures: Vec<FigureOut<'a>>,
    sources: Vec<SourceOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    file: Option<&'a str>,
}

/// Where a quote's words (a direct quote) or its evidence (a reported one) were found
/// in its source's text.
#[derive(Serialize)]
struct LocationOut {
    found: bool,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct FilterOut<'a> {
    actors: Vec<&'a str>,
    selects: Vec<&'a str>,
    section: Option<&'a str>,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    id: Option<&'a str>,
    title: &'a str,
    dek: Option<&'a str>,
    summary: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    tags: &'a [String],
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    aliases: &'a [String],
    native_name: Option<&'a str>,
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    number: usize,
    title: &'a str,
    paragraphs: &'a [String],
    quotes: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: &'a str,
    speaker: &'a str,
    text: &'a str,
    mode: &'static str,
    context: Option<&'a str>,
    said: Option<String>,
    via: Option<&'a str>,
    source: Option<&'a str>,
    evidence: Option<&'a str>,
    location: Option<LocationOut>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    statement: &'a str,
    positions: Vec<PositionOut<'a>>,
}

#[derive(Serialize)]
struct PositionOut<'a> {
    actor: &'a str,
    stance: &'static str,
    detail: Option<&'a str>,
    quote: Option<&'a str>,
    source: Option<&'a str>,
    evidence: Option<&'a str>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    date: String,
    event: &'a str,
    actors: Vec<&'a str>,
    section: Option<&'a str>,
    source: Option<&'a str>,
    evidence: Option<&'a str>,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    measure: &'a str,
    value: &'a str,
    number: Option<f64>,
    actor: Option<&'a str>,
    date: Option<String>,
    note: Option<&'a str>,
    source: Option<&'a str>,
    evidence: Option<&'a str>,
}

pub fn render(b: &Briefing, sel: &Selection) -> String {
    let mut out = serde_json::to_string_pretty(&doc(b, sel))
        .expect("plain structs of strings and numbers always serialise");
    out.push('\n');
    out
}

fn doc<'a>(b: &'a Briefing, sel: &'a Selection) -> Doc<'a> {
    let m = &b.meta;
    Doc {
        format: FORMAT,
        filter: filter(b, sel),
        briefing: MetaOut {
            id: m.id.as_deref(),
            title: &m.title,
            dek: m.dek.as_deref(),
            summary: m.summary.as_deref(),
            source: m.source.as_deref(),
            url: m.url.as_deref(),
            published: m.published.map(|d| d.iso()),
            tags: &m.tags,
        },
        actors: b
            .actors
            .iter()
            .map(|a| ActorOut {
                id: &a.id,
                name: &a.name,
                kind: a.kind.name(),
                role: a.role.as_deref(),
                affiliation: a.affiliation.map(|p| actor_id(b, p)),
                aliases: &a.aliases,
                native_name: a.native_name.as_deref(),
            })
            .collect(),
        sections: sel
            .sections
            .iter()
            .map(|&s| SectionOut {
                id: &b.section(s).id,
                number: s.get() + 1,
                title: &b.section(s).title,
                paragraphs: &b.section(s).paragraphs,
                quotes: sel.quotes(b, s).map(|q| quote(b, sel, q)).collect(),
            })
            .collect(),
        claims: b
            .claims
            .iter()
            .map(|c| ClaimOut {
                id: &c.id,
                statement: &c.statement,
                positions: c.positions.iter().map(|p| position(b, p)).collect(),
            })
            .collect(),
        timeline: b.timeline.iter().map(|e| event(b, e)).collect(),
        figures: b.figures.iter().map(|f| figure(b, f)).collect(),
        sources: b
            .sources
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                title: s.title.as_deref(),
                publisher: s.publisher.as_deref(),
                url: s.url.as_deref(),
                published: s.published.map(|d| d.iso()),
                file: s.file.as_deref(),
            })
            .collect(),
    }
}

fn source_id<'a>(b: &'a Briefing, p: &Provenance) -> Option<&'a str> {
    p.source.map(|s| b.source(s).id.as_str())
}

fn actor_id(b: &Briefing, a: ActorIx) -> &str {
    &b.actor(a).id
}

fn filter<'a>(b: &'a Briefing, sel: &'a Selection) -> FilterOut<'a> {
    let active = sel.filter.is_active();
    FilterOut {
        actors: sel.filter.chosen.iter().map(|&a| actor_id(b, a)).collect(),
        selects: b
            .actors
            .iter()
            .zip(&sel.filter.selects)
            .filter(|(_, selected)| active && **selected)
            .map(|(a, _)| a.id.as_str())
            .collect(),
        section: sel
            .sections
            .first()
            .filter(|_| sel.one_section)
            .map(|&s| b.section(s).id.as_str()),
    }
}

fn quote<'a>(b: &'a Briefing, sel: &Selection, ix: QuoteIx) -> QuoteOut<'a> {
    let q = b.quote(ix);
    let location = sel.locations.get(ix.get()).and_then(|s| match s {
        Status::Found { line, col, .. } => Some(LocationOut {
            found: true,
            line: Some(*line),
            column: Some(*col),
        }),
        Status::Missing { .. } => Some(LocationOut {
            found: false,
            line: None,
            column: None,
        }),
        Status::Unavailable => None,
    });
    QuoteOut {
        id: &q.id,
        speaker: actor_id(b, q.speaker),
        text: &q.text,
        mode: mode(q.mode),
        context: q.context.as_deref(),
        said: q.said.map(|d| d.iso()),
        via: q.via.as_deref(),
        source: source_id(b, &q.provenance),
        evidence: q.provenance.evidence.as_deref(),
        location,
    }
}

fn position<'a>(b: &'a Briefing, p: &'a Position) -> PositionOut<'a> {
    PositionOut {
        actor: actor_id(b, p.actor),
        stance: stance(p.stance),
        detail: p.detail.as_deref(),
        quote: p.quote.map(|q| b.quote(q).id.as_str()),
        source: source_id(b, &p.provenance),
        evidence: p.provenance.evidence.as_deref(),
    }
}

fn event<'a>(b: &'a Briefing, e: &'a Event) -> EventOut<'a> {
    EventOut {
        date: e.date.iso(),
        event: &e.event,
        actors: e.actors.iter().map(|&a| actor_id(b, a)).collect(),
        section: e.section.map(|s| b.section(s).id.as_str()),
        source: source_id(b, &e.provenance),
        evidence: e.provenance.evidence.as_deref(),
    }
}

fn figure<'a>(b: &'a Briefing, f: &'a Figure) -> FigureOut<'a> {
    FigureOut {
        measure: &f.measure,
        value: &f.value,
        number: f.number,
        actor: f.actor.map(|a| actor_id(b, a)),
        date: f.date.map(|d| d.iso()),
        note: f.note.as_deref(),
        source: source_id(b, &f.provenance),
        evidence: f.provenance.evidence.as_deref(),
    }
}

fn mode(m: QuoteMode) -> &'static str {
    match m {
        QuoteMode::Direct => "direct",
        QuoteMode::Reported => "reported",
    }
}

fn stance(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "asserts",
        Stance::Likely => "likely",
        Stance::Undecided => "undecided",
        Stance::Denies => "denies",
    }
}
