//! The Figures view: a ledger grouped by measure, values sorted by number, conflicting
//! values flagged with who gives which.

use super::{Page, PageBlock, Structure, Target, Tone};
use crate::model::Briefing;
use crate::views::analysis::{MeasureGroup, conflict_summary, figure_groups, figure_source};
use crate::views::filter::Filter;
use std::borrow::Cow;

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
        s.push(PageBlock::Group(gi), []);
        for i in figures {
            s.push_unit(PageBlock::Figure(i), [Target::Nothing]);
        }
    }
    s.groups = groups;
    if b.figures.is_empty() {
        s.push(PageBlock::Message("This briefing has no figures."), []);
    } else if s.blocks.is_empty() {
        s.push(
            PageBlock::Message("No figures from the chosen actors (c clears the filter)."),
            [],
        );
    }
}

/// What search reads of a group's heading: the measure, the conflict (or nothing).
pub fn group_texts<'a>(b: &Briefing, g: &'a MeasureGroup) -> [Cow<'a, str>; 2] {
    let conflict = if g.conflict {
        format!("conflicting: {}", conflict_summary(b, g))
    } else {
        String::new()
    };
    [g.measure.as_str().into(), conflict.into()]
}

/// A measure's heading, and who gives which value when they conflict.
pub fn group(page: &mut Page, b: &Briefing, g: &MeasureGroup) {
    page.blank();
    let [measure, conflict] = group_texts(b, g);
    page.wrapped(0, &measure, Tone::Heading, None);
    if g.conflict {
        page.wrapped(2, &conflict, Tone::Flag, None);
    }
}

/// What search reads of a figure: value, source (actor, date), note.
pub fn figure_texts(b: &Briefing, i: usize) -> Vec<Cow<'_, str>> {
    let f = &b.figures[i];
    let mut texts: Vec<Cow<'_, str>> = vec![f.value.as_str().into()];
    texts.extend(figure_source(b, i).into_iter().map(Cow::from));
    texts.extend(f.note.as_deref().map(Cow::from));
    texts
}

/// One figure: value, source, note.
pub fn figure(page: &mut Page, b: &Briefing, i: usize) {
    let f = &b.figures[i];
    let lead = format!("{:<12} ", f.value);
    let who = figure_source(b, i).join(" · ");
    let id = page.entry(2, &lead, &who, Tone::Plain, Target::Nothing);
    if let Some(note) = &f.note {
        page.wrapped(15, note, Tone::Dim, Some(id));
    }
}
