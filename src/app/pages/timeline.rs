//! The Timeline view: events and dated quotes in date order, each with its actors.

use super::{Page, Target, Tone, excerpt};
use crate::analysis::{Entry, timeline};
use crate::app::filter::Filter;
use crate::model::{Briefing, SectionIx};

/// Columns of the date column ("2024-10-22  ").
const DATE: usize = 12;

pub fn build(b: &Briefing, filter: &Filter, width: usize) -> Page {
    let mut page = Page::new(width);
    for (date, entry) in timeline(b) {
        let lead = format!("{:<DATE$}", date.iso());
        match entry {
            Entry::Event(i) => {
                let e = &b.timeline[i];
                if filter.is_active() && !e.actors.iter().any(|a| filter.selects[a.get()]) {
                    continue;
                }
                let target = e.section.map_or(Target::Nothing, Target::Section);
                let id = page.entry(0, &lead, &e.event, Tone::Plain, target);
                let names: Vec<&str> = e.actors.iter().map(|&a| b.actor(a).name.as_str()).collect();
                if !names.is_empty() {
                    page.wrapped(DATE, &names.join(", "), Tone::Dim, Some(id));
                }
            }
            Entry::Quote(q) => {
                if !filter.matches(b, q) {
                    continue;
                }
                let quote = b.quote(q);
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
        }
    }
    if page.lines.is_empty() {
        page.line()
            .text("Nothing on the timeline for the chosen actors.", Tone::Dim);
    }
    page
}
