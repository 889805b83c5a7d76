//! The Actors view: one profile per actor (kind, role, affiliation, members, aliases,
//! native name) with every quote, position and figure they gave.

use super::{Page, Target, Tone, excerpt};
use crate::analysis::stance_label;
use crate::app::filter::Filter;
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx};
use crate::text;

/// Each actor's quotes, positions and figures, gathered in one pass over the briefing
/// so that building every profile stays linear in its size.
#[derive(Default, Clone)]
struct Gathered {
    quotes: Vec<QuoteIx>,
    positions: Vec<(usize, usize)>,
    figures: Vec<usize>,
}

pub fn build(b: &Briefing, filter: &Filter, width: usize) -> Page {
    let mut by_actor = vec![Gathered::default(); b.actors.len()];
    for (i, q) in b.quotes.iter().enumerate() {
        by_actor[q.speaker.get()].quotes.push(QuoteIx::at(i));
    }
    for (ci, c) in b.claims.iter().enumerate() {
        for (pi, p) in c.positions.iter().enumerate() {
            by_actor[p.actor.get()].positions.push((ci, pi));
        }
    }
    for (i, f) in b.figures.iter().enumerate() {
        if let Some(a) = f.actor {
            by_actor[a.get()].figures.push(i);
        }
    }
    let mut page = Page::new(width);
    for (a, _) in b.actor_tree() {
        if filter.is_active() && !filter.selects[a.get()] {
            continue;
        }
        profile(&mut page, b, a, &by_actor[a.get()]);
    }
    page
}

fn names(b: &Briefing, list: &[ActorIx]) -> String {
    list.iter()
        .map(|&a| b.actor(a).name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn profile(page: &mut Page, b: &Briefing, a: ActorIx, mine: &Gathered) {
    let actor = b.actor(a);
    page.blank();
    let name = match &actor.native_name {
        Some(native) => format!("{} ({native})", actor.name),
        None => actor.name.clone(),
    };
    let mut facts = vec![actor.kind.name().to_owned()];
    facts.extend(actor.role.clone());
    let facts = format!(" · {}", facts.join(" · "));
    // One line when it fits; otherwise the name wraps on its own and the facts follow
    // indented, so no line runs past the page (the UI clips, `print --view` must not).
    if text::width(&name) + text::width(&facts) <= page.width {
        page.line().text(name, Tone::Heading).text(facts, Tone::Dim);
    } else {
        for l in text::wrap(&name, page.width) {
            page.line().text(l, Tone::Heading);
        }
        page.wrapped(2, facts.trim_start_matches(" · "), Tone::Dim, None);
    }
    let chain: Vec<ActorIx> = b.chain(a).skip(1).collect();
    if !chain.is_empty() {
        page.wrapped(
            2,
            &format!("Affiliation: {}", names(b, &chain)),
            Tone::Plain,
            None,
        );
    }
    if !actor.members.is_empty() {
        page.wrapped(
            2,
            &format!("Members: {}", names(b, &actor.members)),
            Tone::Plain,
            None,
        );
    }
    if !actor.aliases.is_empty() {
        page.wrapped(
            2,
            &format!("Aliases: {}", actor.aliases.join(", ")),
            Tone::Plain,
            None,
        );
    }
    if !mine.quotes.is_empty() {
        page.line().text("  Quotes", Tone::Strong);
        for &q in &mine.quotes {
            let date = b
                .quote(q)
                .said
                .map(|d| format!(" · {d}"))
                .unwrap_or_default();
            page.entry(
                4,
                "",
                &format!("{}{date}", excerpt(b, q)),
                Tone::Quote,
                Target::Quote(q),
            );
        }
    }
    if !mine.positions.is_empty() {
        page.line().text("  Positions", Tone::Strong);
        for &(ci, pi) in &mine.positions {
            let p = &b.claims[ci].positions[pi];
            let target = p
                .quote
                .map_or(Target::Position(ClaimIx::at(ci), pi), Target::Quote);
            page.entry(
                4,
                &format!("{:<12}", stance_label(p.stance)),
                &b.claims[ci].statement,
                Tone::Plain,
                target,
            );
        }
    }
    if !mine.figures.is_empty() {
        page.line().text("  Figures", Tone::Strong);
        for &i in &mine.figures {
            let f = &b.figures[i];
            page.entry(
                4,
                &format!("{:<12} ", f.value),
                &f.measure,
                Tone::Plain,
                Target::Nothing,
            );
        }
    }
}
