//! The Figures view: a ledger grouped by measure, values sorted by number, conflicting
//! values flagged with who gives which.

use super::{Page, Target, Tone};
use crate::analysis::{conflict_summary, figure_groups, figure_source};
use crate::app::filter::Filter;
use crate::model::Briefing;

pub fn build(b: &Briefing, filter: &Filter, width: usize) -> Page {
    let mut page = Page::new(width);
    let shown = |i: usize| {
        !filter.is_active() || b.figures[i].actor.is_some_and(|a| filter.selects[a.get()])
    };
    for g in figure_groups(b) {
        let figures: Vec<usize> = g.figures.iter().copied().filter(|&i| shown(i)).collect();
        if figures.is_empty() {
            continue;
        }
        page.blank();
        page.wrapped(0, &g.measure, Tone::Heading, None);
        if g.conflict {
            page.wrapped(
                2,
                &format!("conflicting: {}", conflict_summary(b, &g)),
                Tone::Flag,
                None,
            );
        }
        for i in figures {
            let f = &b.figures[i];
            let who = figure_source(b, i);
            let lead = format!("{:<12} ", f.value);
            let target = Target::Nothing;
            let id = page.entry(2, &lead, &who.join(" · "), Tone::Plain, target);
            if let Some(note) = &f.note {
                page.wrapped(15, note, Tone::Dim, Some(id));
            }
        }
    }
    if page.lines.is_empty() {
        page.line()
            .text("No figures from the chosen actors.", Tone::Dim);
    }
    page
}
