//! The Actors view: one profile per actor (kind, role, affiliation, members, aliases,
//! native name) with every quote, position and figure they gave, each its own block.

use super::{Page, PageBlock, Structure, Target, Tone, excerpt};
use crate::model::{ActorIx, Briefing, ClaimIx, QuoteIx};
use crate::text;
use crate::views::analysis::stance_label;
use crate::views::filter::Filter;
use std::borrow::Cow;

/// Things of one kind grouped by actor, in file order, in one flat vector: gathering
/// a briefing's quotes this way allocates three vectors, not three per actor.
#[derive(Debug, Clone)]
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

    fn heap_bytes(&self) -> usize {
        self.start.capacity() * size_of::<usize>() + self.items.capacity() * size_of::<T>()
    }

    fn of(&self, a: ActorIx) -> &[T] {
        &self.items[self.start[a.get()]..self.start[a.get() + 1]]
    }
}

/// What the Actors view shows of each actor, gathered once per briefing: the actors in
/// tree order (members under their organisation) and each one's quotes, positions
/// (claim, position) and figures.
#[derive(Debug, Clone)]
pub struct ActorActivity {
    tree: Vec<ActorIx>,
    quotes: ByActor<usize>,
    positions: ByActor<(usize, usize)>,
    figures: ByActor<usize>,
}

impl ActorActivity {
    pub fn new(b: &Briefing) -> Self {
        let n = b.actors.len();
        Self {
            tree: b.actor_tree().into_iter().map(|(a, _)| a).collect(),
            quotes: ByActor::new(
                n,
                (b.quotes.iter().enumerate()).map(|(i, q)| (q.speaker, i)),
            ),
            positions: ByActor::new(
                n,
                (b.claims.iter().enumerate()).flat_map(|(ci, c)| {
                    (c.positions.iter().enumerate()).map(move |(pi, p)| (p.actor, (ci, pi)))
                }),
            ),
            figures: ByActor::new(
                n,
                (b.figures.iter().enumerate()).filter_map(|(i, f)| f.actor.map(|a| (a, i))),
            ),
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.tree.capacity() * size_of::<ActorIx>()
            + self.quotes.heap_bytes()
            + self.positions.heap_bytes()
            + self.figures.heap_bytes()
    }
}

pub fn structure(s: &mut Structure, b: &Briefing, filter: &Filter, g: &ActorActivity) {
    let blocks =
        4 * g.tree.len() + g.quotes.items.len() + g.positions.items.len() + g.figures.items.len();
    s.blocks.reserve(blocks);
    s.item_start.reserve(blocks);
    s.targets.reserve(blocks);
    for &a in &g.tree {
        if filter.is_active() && !filter.selects[a.get()] {
            continue;
        }
        s.push_unit(PageBlock::Profile(a), []);
        if !g.quotes.of(a).is_empty() {
            s.push(PageBlock::Label("  Quotes"), []);
            for q in g.quotes.of(a).iter().map(|&i| QuoteIx::at(i)) {
                s.push(PageBlock::ActorQuote(q), [Target::Quote(q)]);
            }
        }
        if !g.positions.of(a).is_empty() {
            s.push(PageBlock::Label("  Positions"), []);
            for &(ci, pi) in g.positions.of(a) {
                let target = b.claims[ci].positions[pi]
                    .quote
                    .map_or(Target::Position(ClaimIx::at(ci), pi), Target::Quote);
                s.push(PageBlock::ActorPosition(ci, pi), [target]);
            }
        }
        if !g.figures.of(a).is_empty() {
            s.push(PageBlock::Label("  Figures"), []);
            for &i in g.figures.of(a) {
                s.push(PageBlock::ActorFigure(i), [Target::Nothing]);
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

/// What search reads of a profile's head: name, native name, kind, role, the names
/// of its affiliation chain and of its members, its aliases.
pub fn profile_texts(b: &Briefing, a: ActorIx) -> Vec<Cow<'_, str>> {
    let actor = b.actor(a);
    let mut texts: Vec<Cow<'_, str>> = vec![actor.name.as_str().into()];
    texts.extend(actor.native_name.as_deref().map(Cow::from));
    texts.push(actor.kind.name().into());
    texts.extend(actor.role.as_deref().map(Cow::from));
    let others = b.chain(a).skip(1).chain(actor.members.iter().copied());
    texts.extend(others.map(|o| Cow::from(b.actor(o).name.as_str())));
    texts.extend(actor.aliases.iter().map(|s| Cow::from(s.as_str())));
    texts
}

/// A profile's head as shown: name, facts (kind and role), affiliation, members,
/// aliases (empty when the actor has none).
fn profile_lines(b: &Briefing, a: ActorIx) -> [String; 5] {
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
    let [name, facts, affiliation, members, aliases] = profile_lines(b, a);
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

/// What search reads of one of the actor's quotes: its words and date.
pub fn quote_texts(b: &Briefing, q: QuoteIx) -> Vec<Cow<'_, str>> {
    let mut texts: Vec<Cow<'_, str>> = vec![excerpt(b, q).into()];
    texts.extend(b.quote(q).said.map(|d| d.to_string().into()));
    texts
}

/// One of the actor's quotes, with its date.
pub fn quote(page: &mut Page, b: &Briefing, q: QuoteIx) {
    let date = b
        .quote(q)
        .said
        .map(|d| format!(" · {d}"))
        .unwrap_or_default();
    let text = format!("{}{date}", excerpt(b, q));
    page.entry(4, "", &text, Tone::Quote, Target::Quote(q));
}

/// What search reads of one of the actor's positions: stance, claim.
pub fn position_texts(b: &Briefing, ci: usize, pi: usize) -> [Cow<'_, str>; 2] {
    let p = &b.claims[ci].positions[pi];
    [
        stance_label(p.stance).into(),
        b.claims[ci].statement.as_str().into(),
    ]
}

/// One of the actor's positions: stance, then the claim.
pub fn position(page: &mut Page, b: &Briefing, ci: usize, pi: usize) {
    let p = &b.claims[ci].positions[pi];
    let target = p
        .quote
        .map_or(Target::Position(ClaimIx::at(ci), pi), Target::Quote);
    let lead = format!("{:<12}", stance_label(p.stance));
    page.entry(4, &lead, &b.claims[ci].statement, Tone::Plain, target);
}

/// What search reads of one of the actor's figures: value, measure.
pub fn figure_texts(b: &Briefing, i: usize) -> [Cow<'_, str>; 2] {
    let f = &b.figures[i];
    [f.value.as_str().into(), f.measure.as_str().into()]
}

/// One of the figures the actor gave.
pub fn figure(page: &mut Page, b: &Briefing, i: usize) {
    let f = &b.figures[i];
    let lead = format!("{:<12} ", f.value);
    page.entry(4, &lead, &f.measure, Tone::Plain, Target::Nothing);
}
