//! The actor filter: which actors are chosen, what that selects, and the popup's list.
//!
//! Everything here is recomputed only when the choice changes, never per frame: the
//! visible quote list, per-section counts and the names to highlight.

use crate::model::{ActorIx, Briefing, QuoteIx};

/// Per-actor data computed once at start: tree order, search keys, counts.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    /// Actors in tree order with their depth (members under their affiliation).
    pub rows: Vec<(ActorIx, usize)>,
    /// Lower-cased name, aliases and native name, for narrowing.
    keys: Vec<String>,
    /// Quotes the actor would select if chosen alone (its members' included).
    pub reach: Vec<usize>,
}

impl ActorIndex {
    pub fn new(b: &Briefing) -> Self {
        let mut own = vec![0usize; b.actors.len()];
        for q in &b.quotes {
            own[q.speaker.get()] += 1;
        }
        // Tree rows are in pre-order, so walking them backwards sees members before the
        // actor they belong to: one pass, whatever the depth.
        let rows = b.actor_tree();
        let mut reach = own;
        for &(a, _) in rows.iter().rev() {
            if let Some(parent) = b.actor(a).affiliation {
                reach[parent.get()] += reach[a.get()];
            }
        }
        let keys = b
            .actors
            .iter()
            .map(|a| {
                let mut k = a.name.to_lowercase();
                for alias in a.aliases.iter().chain(&a.native_name) {
                    k.push('\n');
                    k.push_str(&alias.to_lowercase());
                }
                k
            })
            .collect();
        Self { rows, keys, reach }
    }

    /// Positions in `rows` of the actors matching a query (all when it is empty).
    pub fn narrow(&self, query: &str) -> Vec<usize> {
        let q = query.to_lowercase();
        (0..self.rows.len())
            .filter(|&r| q.is_empty() || self.keys[self.rows[r].0.get()].contains(&q))
            .collect()
    }
}

/// The chosen actors and what they select.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Actors chosen, in the order chosen.
    pub chosen: Vec<ActorIx>,
    /// Per actor: chosen, or a member (at any depth) of a chosen actor.
    pub selects: Vec<bool>,
    /// Quotes shown in the Quotes pane, in reading order.
    pub quotes: Vec<QuoteIx>,
    /// Matching quotes per section.
    pub per_section: Vec<usize>,
    /// Names and aliases of selected actors, longest first, for highlighting.
    pub names: Vec<String>,
    /// Bumped on every change, so views built from the filter know when to rebuild.
    pub generation: u64,
}

impl Filter {
    pub fn new(b: &Briefing) -> Self {
        let mut f = Self::default();
        f.rebuild(b);
        f
    }

    pub fn is_active(&self) -> bool {
        !self.chosen.is_empty()
    }

    pub fn toggle(&mut self, b: &Briefing, actor: ActorIx) {
        if let Some(pos) = self.chosen.iter().position(|&a| a == actor) {
            self.chosen.remove(pos);
        } else {
            self.chosen.push(actor);
        }
        self.rebuild(b);
    }

    pub fn clear(&mut self, b: &Briefing) {
        self.chosen.clear();
        self.rebuild(b);
    }

    /// Recomputes what the choice selects: one pass over actors and quotes.
    pub fn rebuild(&mut self, b: &Briefing) {
        self.generation += 1;
        self.selects = vec![false; b.actors.len()];
        for &a in &self.chosen {
            for m in b.with_members(a) {
                self.selects[m.get()] = true;
            }
        }
        // The column is made by the loader; a briefing built by hand must make it too.
        debug_assert_eq!(b.speakers.len(), b.quotes.len(), "Briefing::speakers");
        let active = self.is_active();
        let chosen = |i: usize| !active || self.selects[b.speakers[i].get()];
        self.quotes = (0..b.quotes.len())
            .filter(|&i| chosen(i))
            .map(QuoteIx::at)
            .collect();
        self.per_section = b
            .sections
            .iter()
            .map(|s| s.quotes.clone().filter(|&i| chosen(i)).count())
            .collect();
        self.names = if active {
            let mut names: Vec<String> = b
                .actors
                .iter()
                .zip(&self.selects)
                .filter(|(_, s)| **s)
                .flat_map(|(a, _)| {
                    std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .chain(&a.native_name)
                })
                .filter(|n| !n.is_empty())
                .cloned()
                .collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            names.dedup();
            names
        } else {
            Vec::new()
        };
    }

    pub fn matches(&self, b: &Briefing, q: QuoteIx) -> bool {
        !self.is_active() || self.selects[b.speakers[q.get()].get()]
    }

    /// "United Kingdom, NATO" for the status line.
    pub fn label(&self, b: &Briefing) -> String {
        self.chosen
            .iter()
            .map(|&a| b.actor(a).name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
