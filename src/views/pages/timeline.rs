//! The Timeline view: events and dated quotes in date order, each with its actors.

use super::{Page, PageBlock, Structure, Target, Tone, excerpt};
use crate::model::{Briefing, PartialDate, QuoteIx, SectionIx};
use crate::views::analysis::TimelineEntry;
use crate::views::filter::Filter;
use std::borrow::Cow;

/// Columns of the date column ("2024-10-22  ").
const DATE: usize = 12;

/// The blocks in date order (`order` is `analysis::timeline`, made once per briefing).
pub fn structure(
    s: &mut Structure,
    b: &Briefing,
    filter: &Filter,
    order: &[(PartialDate, TimelineEntry)],
) {
    s.blocks.reserve(order.len());
    s.item_start.reserve(order.len());
    s.targets.reserve(order.len());
    for &(_, entry) in order {
        match entry {
            TimelineEntry::Event(i) => {
                let e = &b.timeline[i];
                if filter.is_active() && !e.actors.iter().any(|a| filter.selects[a.get()]) {
                    continue;
                }
                let target = e.section.map_or(Target::Nothing, Target::Section);
                s.push_unit(PageBlock::Event(i), [target]);
            }
            TimelineEntry::Quote(q) => {
                if filter.matches(b, q) {
                    s.push_unit(PageBlock::DatedQuote(q), [Target::Quote(q)]);
                }
            }
        }
    }
    if order.is_empty() {
        s.push(
            PageBlock::Message("This briefing has no timeline events and no dated quotes."),
            [],
        );
    } else if s.blocks.is_empty() {
        s.push(
            PageBlock::Message(
                "Nothing on the timeline for the chosen actors (c clears the filter).",
            ),
            [],
        );
    }
}

/// What search reads of an event: its date, its words, its actors' names.
pub fn event_texts(b: &Briefing, i: usize) -> Vec<Cow<'_, str>> {
    let e = &b.timeline[i];
    let mut texts: Vec<Cow<'_, str>> = vec![e.date.iso().into(), e.event.as_str().into()];
    texts.extend(e.actors.iter().map(|&a| b.actor(a).name.as_str().into()));
    texts
}

pub fn event(page: &mut Page, b: &Briefing, i: usize) {
    let e = &b.timeline[i];
    let lead = format!("{:<DATE$}", e.date.iso());
    let target = e.section.map_or(Target::Nothing, Target::Section);
    let id = page.entry(0, &lead, &e.event, Tone::Plain, target);
    if !e.actors.is_empty() {
        let names: Vec<&str> = e.actors.iter().map(|&a| b.actor(a).name.as_str()).collect();
        page.wrapped(DATE, &names.join(", "), Tone::Dim, Some(id));
    }
}

/// What search reads of a dated quote: its date, its words, its speaker's name and its
/// section's title.
pub fn quote_texts(b: &Briefing, q: QuoteIx) -> Vec<Cow<'_, str>> {
    let quote = b.quote(q);
    let mut texts: Vec<Cow<'_, str>> = quote.said.map(|d| d.iso().into()).into_iter().collect();
    texts.extend([
        excerpt(b, q).into(),
        b.actor(quote.speaker).name.as_str().into(),
        b.section(SectionIx(quote.section.0)).title.as_str().into(),
    ]);
    texts
}

pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
    let quote = b.quote(q);
    let section = b.section(SectionIx(quote.section.0));
    let lead = format!("{:<DATE$}", quote.said.map(|d| d.iso()).unwrap_or_default());
    let text = format!("{} — {}", excerpt(b, q), b.actor(quote.speaker).name);
    let place = format!("in {}. {}", quote.section.get() + 1, section.title);
    let id = page.entry(0, &lead, &text, Tone::Quote, Target::Quote(q));
    page.wrapped(DATE, &place, Tone::Dim, Some(id));
}
