//! The Timeline view: events and dated quotes in date order, each with its actors.

use super::{Block, Page, Structure, Target, Tone, excerpt};
use crate::analysis::{Entry, timeline};
use crate::app::filter::Filter;
use crate::model::{Briefing, QuoteIx, SectionIx};

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

pub fn event(page: &mut Page, b: &Briefing, i: usize) {
    let e = &b.timeline[i];
    let lead = format!("{:<DATE$}", e.date.iso());
    let target = e.section.map_or(Target::Nothing, Target::Section);
    let id = page.entry(0, &lead, &e.event, Tone::Plain, target);
    let names: Vec<&str> = e.actors.iter().map(|&a| b.actor(a).name.as_str()).collect();
    if !names.is_empty() {
        page.wrapped(DATE, &names.join(", "), Tone::Dim, Some(id));
    }
}

pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
    let quote = b.quote(q);
    let lead = format!("{:<DATE$}", quote.said.map(|d| d.iso()).unwrap_or_default());
    let text = format!("{} — {}", excerpt(b, q), b.actor(quote.speaker).name);
    let id = page.entry(0, &lead, &text, Tone::Quote, Target::Quote(q));
    let section = b.section(SectionIx(quote.section.0));
    page.wrapped(
        DATE,
        &format!("in {}. {}", quote.section.get() + 1, section.title),
        Tone::Dim,
        Some(id),
    );
}
