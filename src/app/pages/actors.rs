//! The Actors view: one profile per actor (kind, role, affiliation, members, aliases,
//! native name) with every quote, position and figure they gave, each its own block.

use super::{Block, Page, Structure, Target, Tone, excerpt};
use crate::analysis::stance_label;
use crate::app::filter::Filter;
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx};
use crate::text;
use std::borrow::Cow;

/// Things of one kind grouped by actor, in file order, in one flat vector: gathering
/// a briefing's quotes this way allocates three vectors, not three per actor.
struct ByActor<T> {
    start: Vec<usize>,
    items: Vec<T>,
}

impl<T: Copy + Default> ByActor<T> {
    fn new(actors: usize, pairs: impl Iterator<Item = (ActorIx, T)> + Clone) -> Self {
        let mut start = vec![0; actors + 1];
        for (a, _) in pairs.clone() {
            start[a.get() + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut items = vec![T::default(); start[actors]];
        for (a, t) in pairs {
            items[next[a.get()]] = t;
            next[a.get()] += 1;
        }
        Self { start, items }
    }

    fn of(&self, a: ActorIx) -> &[T] {
        &self.items[self.start[a.get()]..self.start[a.get() + 1]]
    }
}

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter) {
    let n = b.actors.len();
    let quotes = ByActor::new(
        n,
        (b.quotes.iter().enumerate()).map(|(i, q)| (q.speaker, i)),
    );
    let positions = ByActor::new(
        n,
        (b.claims.iter().enumerate()).flat_map(|(ci, c)| {
            (c.positions.iter().enumerate()).map(move |(pi, p)| (p.actor, (ci, pi)))
        }),
    );
    let figures = ByActor::new(
        n,
        (b.figures.iter().enumerate()).filter_map(|(i, f)| f.actor.map(|a| (a, i))),
    );
    let blocks = 4 * n + quotes.items.len() + positions.items.len() + figures.items.len();
    s.blocks.reserve(blocks);
    s.item_start.reserve(blocks);
    s.targets.reserve(blocks);
    for (a, _) in b.actor_tree() {
        if filter.is_active() && !filter.selects[a.get()] {
            continue;
        }
        s.push(Block::Profile(a), []);
        if !quotes.of(a).is_empty() {
            s.push(Block::Label("  Quotes"), []);
            for q in quotes.of(a).iter().map(|&i| QuoteIx::at(i)) {
                s.push(Block::ActorQuote(q), [Target::Quote(q)]);
            }
        }
        if !positions.of(a).is_empty() {
            s.push(Block::Label("  Positions"), []);
            for &(ci, pi) in positions.of(a) {
                let target = b.claims[ci].positions[pi]
                    .quote
                    .map_or(Target::Position(ClaimIx::at(ci), pi), Target::Quote);
                s.push(Block::ActorPosition(ci, pi), [target]);
            }
        }
        if !figures.of(a).is_empty() {
            s.push(Block::Label("  Figures"), []);
            for &i in figures.of(a) {
                s.push(Block::ActorFigure(i), [Target::Nothing]);
            }
        }
    }
}

fn names(b: &Briefing, list: &[ActorIx]) -> String {
    list.iter()
        .map(|&a| b.actor(a).name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The strings a profile's head is cut from: name, facts (kind and role), affiliation,
/// members, aliases (empty when the actor has none).
pub fn profile_texts(b: &Briefing, a: ActorIx) -> [String; 5] {
    let actor = b.actor(a);
    let name = match &actor.native_name {
        Some(native) => format!("{} ({native})", actor.name),
        None => actor.name.clone(),
    };
    let mut facts = vec![actor.kind.name().to_owned()];
    facts.extend(actor.role.clone());
    let chain: Vec<ActorIx> = b.chain(a).skip(1).collect();
    let line = |label: &str, list: String| {
        if list.is_empty() {
            String::new()
        } else {
            format!("{label}: {list}")
        }
    };
    [
        name,
        format!(" · {}", facts.join(" · ")),
        line("Affiliation", names(b, &chain)),
        line("Members", names(b, &actor.members)),
        line("Aliases", actor.aliases.join(", ")),
    ]
}

/// The head of a profile: name, kind and role, affiliation, members, aliases.
pub fn profile(page: &mut Page, b: &Briefing, a: ActorIx) {
    page.blank();
    let [name, facts, affiliation, members, aliases] = profile_texts(b, a);
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
    for line in [affiliation, members, aliases] {
        if !line.is_empty() {
            page.wrapped(2, &line, Tone::Plain, None);
        }
    }
}

/// The string one of the actor's quotes is cut from: its words and date.
pub fn quote_text(b: &Briefing, q: QuoteIx) -> String {
    let date = b
        .quote(q)
        .said
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    format!("{}{date}", excerpt(b, q))
}

/// One of the actor's quotes, with its date.
pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
    page.entry(4, "", &quote_text(b, q), Tone::Quote, Target::Quote(q));
}

/// The strings one of the actor's positions is cut from: stance, claim.
pub fn position_texts(b: &Briefing, ci: usize, pi: usize) -> [Cow<'_, str>; 2] {
    let p = &b.claims[ci].positions[pi];
    [
        format!("{:<12}", stance_label(p.stance)).into(),
        b.claims[ci].statement.as_str().into(),
    ]
}

/// One of the actor's positions: stance, then the claim.
pub fn position(page: &mut Page, b: &Briefing, ci: usize, pi: usize) {
    let target = b.claims[ci].positions[pi]
        .quote
        .map_or(Target::Position(ClaimIx::at(ci), pi), Target::Quote);
    let [lead, statement] = position_texts(b, ci, pi);
    page.entry(4, &lead, &statement, Tone::Plain, target);
}

/// The strings one of the actor's figures is cut from: value, measure.
pub fn figure_texts(b: &Briefing, i: usize) -> [Cow<'_, str>; 2] {
    let f = &b.figures[i];
    [
        format!("{:<12} ", f.value).into(),
        f.measure.as_str().into(),
    ]
}

/// One of the figures the actor gave.
pub fn figure(page: &mut Page, b: &Briefing, i: usize) {
    let [lead, measure] = figure_texts(b, i);
    page.entry(4, &lead, &measure, Tone::Plain, Target::Nothing);
}
