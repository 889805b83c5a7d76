//! The Actors view: one profile per actor (kind, role, affiliation, members, aliases,
//! native name) with every quote, position and figure they gave, each its own block.

use super::{Block, Page, Structure, Target, Tone, excerpt};
use crate::analysis::stance_label;
use crate::app::filter::Filter;
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx};
use crate::text;

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

/// The head of a profile: name, kind and role, affiliation, members, aliases.
pub fn profile(page: &mut Page, b: &Briefing, a: ActorIx) {
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
}

/// One of the actor's quotes, with its date.
pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
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

/// One of the actor's positions: stance, then the claim.
pub fn position(page: &mut Page, b: &Briefing, ci: usize, pi: usize) {
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

/// One of the figures the actor gave.
pub fn figure(page: &mut Page, b: &Briefing, i: usize) {
    let f = &b.figures[i];
    page.entry(
        4,
        &format!("{:<12} ", f.value),
        &f.measure,
        Tone::Plain,
        Target::Nothing,
    );
}
