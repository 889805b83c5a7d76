//! The Timeline view: events and dated quotes in date order, each with its actors.

use super::{Block, Page, Structure, Target, Tone, excerpt};
use crate::analysis::{Entry, timeline};
use crate::app::filter::Filter;
use crate::model::{Briefing, QuoteIx, SectionIx};
use std::borrow::Cow;

/// Columns of the date column ("2024-10-22  ").
const DATE: usize = 12;

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter) {
    for (_, entry) in timeline(b) {
        match entry {
            Entry::Event(i) => {
                let e = &b.timeline[i];
                if filter.is_active() && !e.actors.iter().any(|a| filter.selects[a.get()]) {
                    continue;
                }
                let target = e.section.map_or(Target::Nothing, Target::Section);
                s.push(Block::Event(i), [target]);
            }
            Entry::Quote(q) => {
                if filter.matches(b, q) {
                    s.push(Block::DatedQuote(q), [Target::Quote(q)]);
                }
            }
        }
    }
    if s.blocks.is_empty() {
        s.push(
            Block::Message("Nothing on the timeline for the chosen actors."),
            [],
        );
    }
}

/// The strings an event's cells are cut from: date, event, actors.
pub fn event_texts(b: &Briefing, i: usize) -> [Cow<'_, str>; 3] {
    let e = &b.timeline[i];
    let names: Vec<&str> = e.actors.iter().map(|&a| b.actor(a).name.as_str()).collect();
    [
        format!("{:<DATE$}", e.date.iso()).into(),
        e.event.as_str().into(),
        names.join(", ").into(),
    ]
}

pub fn event(page: &mut Page, b: &Briefing, i: usize) {
    let e = &b.timeline[i];
    let [lead, text, names] = event_texts(b, i);
    let target = e.section.map_or(Target::Nothing, Target::Section);
    let id = page.entry(0, &lead, &text, Tone::Plain, target);
    if !e.actors.is_empty() {
        page.wrapped(DATE, &names, Tone::Dim, Some(id));
    }
}

/// The strings a dated quote's cells are cut from: date, words and speaker, section.
pub fn quote_texts(b: &Briefing, q: QuoteIx) -> [Cow<'_, str>; 3] {
    let quote = b.quote(q);
    let section = b.section(SectionIx(quote.section.0));
    [
        format!("{:<DATE$}", quote.said.map(|d| d.iso()).unwrap_or_default()).into(),
        format!("{} — {}", excerpt(b, q), b.actor(quote.speaker).name).into(),
        format!("in {}. {}", quote.section.get() + 1, section.title).into(),
    ]
}

pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
    let [lead, text, place] = quote_texts(b, q);
    let id = page.entry(0, &lead, &text, Tone::Quote, Target::Quote(q));
    page.wrapped(DATE, &place, Tone::Dim, Some(id));
}
