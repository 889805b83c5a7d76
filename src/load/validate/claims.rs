//! Claims, timeline events and figures: the kinds that only refer to others.

use super::Validator;
use super::ids::Registry;
use crate::model::raw;
use crate::model::{ActorIx, Claim, Event, Figure, PartialDate, Position, QuoteIx, SectionIx};

pub(super) fn claims(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawClaim>],
    actor_ids: &Registry,
    quote_ids: &Registry,
    source_ids: &Registry,
) -> Vec<Claim> {
    raw.iter_mut()
        .map(|c| {
            let c = c.get_mut();
            Claim {
                id: std::mem::take(c.id.get_mut()),
                statement: v.required(&mut c.statement, "claim statement", true),
                // Ids of other briefings' claims: checked as slugs, not resolved here.
                same_as: c.same_as.iter().map(|s| v.slug(s, "same-as id")).collect(),
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
                            provenance: v.provenance(
                                p.source.as_ref(),
                                p.evidence.as_mut(),
                                source_ids,
                            ),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

pub(super) fn timeline(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawEvent>],
    actor_ids: &Registry,
    section_ids: &Registry,
    source_ids: &Registry,
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
                provenance: v.provenance(e.source.as_ref(), e.evidence.as_mut(), source_ids),
            };
            date.map(|_| event)
        })
        .collect()
}

pub(super) fn figures(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawFigure>],
    actor_ids: &Registry,
    source_ids: &Registry,
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
                provenance: v.provenance(f.source.as_ref(), f.evidence.as_mut(), source_ids),
            }
        })
        .collect()
}
