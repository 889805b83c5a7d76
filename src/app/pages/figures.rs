//! The Figures view: a ledger grouped by measure, values sorted by number, conflicting
//! values flagged with who gives which.

use super::{Block, Page, Structure, Target, Tone};
use crate::analysis::{MeasureGroup, conflict_summary, figure_groups, figure_source};
use crate::app::filter::Filter;
use crate::model::Briefing;

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter) {
    let shown = |i: usize| {
        !filter.is_active() || b.figures[i].actor.is_some_and(|a| filter.selects[a.get()])
    };
    let groups = figure_groups(b);
    for (gi, g) in groups.iter().enumerate() {
        let figures: Vec<usize> = g.figures.iter().copied().filter(|&i| shown(i)).collect();
        if figures.is_empty() {
            continue;
        }
        s.push(Block::Group(gi), []);
        for i in figures {
            s.push(Block::Figure(i), [Target::Nothing]);
        }
    }
    s.groups = groups;
    if s.blocks.is_empty() {
        s.push(Block::Message("No figures from the chosen actors."), []);
    }
}

/// A measure's heading, and who gives which value when they conflict.
pub fn group(page: &mut Page, b: &Briefing, g: &MeasureGroup) {
    page.blank();
    page.wrapped(0, &g.measure, Tone::Heading, None);
    if g.conflict {
        page.wrapped(
            2,
            &format!("conflicting: {}", conflict_summary(b, g)),
            Tone::Flag,
            None,
        );
    }
}

/// One figure: value, source, note.
pub fn figure(page: &mut Page, b: &Briefing, i: usize) {
    let f = &b.figures[i];
    let who = figure_source(b, i);
    let lead = format!("{:<12} ", f.value);
    let id = page.entry(2, &lead, &who.join(" · "), Tone::Plain, Target::Nothing);
    if let Some(note) = &f.note {
        page.wrapped(15, note, Tone::Dim, Some(id));
    }
}
