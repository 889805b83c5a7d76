//! The lexicon: every short text of a briefing (names, native names, roles, aliases,
//! section titles, events, claims, figures' values and measures) lower-cased once into
//! one buffer, and found by owner, so that whether one of them holds a query is one
//! `memmem`, not a lower-casing per text per query.

use crate::model::{Briefing, QuoteIx};
use crate::views::search::push_lower;

/// The short texts of a briefing, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::views) enum Field {
    Name,
    Native,
    Role,
    Alias,
    Title,
    Event,
    Claim,
    Value,
    Measure,
    /// A quote written over several lines, as the views show it: on one line.
    Excerpt,
}

pub(in crate::views) const FIELDS: usize = 10;

/// Every short text lower-cased into one buffer, each followed by a NUL.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    lower: String,
    /// Where each text starts in `lower`, and whose it is.
    starts: Vec<usize>,
    tags: Vec<(Field, u32)>,
    /// Per field, (owner, first text) for the owners with texts of that field, in
    /// owner order: an owner's texts of a field are pushed together.
    owners: [Vec<(u32, u32)>; FIELDS],
}

impl Lexicon {
    pub fn new(b: &Briefing) -> Self {
        let mut l = Self::default();
        for (i, a) in b.actors.iter().enumerate() {
            l.push(Field::Name, i, &a.name);
            if let Some(native) = &a.native_name {
                l.push(Field::Native, i, native);
            }
            if let Some(role) = &a.role {
                l.push(Field::Role, i, role);
            }
            for alias in &a.aliases {
                l.push(Field::Alias, i, alias);
            }
        }
        for (i, s) in b.sections.iter().enumerate() {
            l.push(Field::Title, i, &s.title);
        }
        for (i, e) in b.timeline.iter().enumerate() {
            l.push(Field::Event, i, &e.event);
        }
        for (i, c) in b.claims.iter().enumerate() {
            l.push(Field::Claim, i, &c.statement);
        }
        for (i, f) in b.figures.iter().enumerate() {
            l.push(Field::Value, i, &f.value);
            l.push(Field::Measure, i, &f.measure);
        }
        // The index keeps a quote's line breaks; the views show it on one line.
        for q in (0..b.quotes.len()).map(QuoteIx::at) {
            // The memchr crate's search: `str::contains` was a third of the lexicon.
            if memchr::memchr(b'\n', b.quote(q).text.as_bytes()).is_some() {
                l.push(Field::Excerpt, q.get(), &crate::views::pages::excerpt(b, q));
            }
        }
        l
    }

    fn push(&mut self, field: Field, owner: usize, text: &str) {
        let owner = u32::try_from(owner).unwrap_or(u32::MAX);
        let entry = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
        let list = &mut self.owners[field as usize];
        if list.last().is_none_or(|&(o, _)| o != owner) {
            list.push((owner, entry));
        }
        self.starts.push(self.lower.len());
        self.tags.push((field, owner));
        push_lower(&mut self.lower, text);
        self.lower.push('\0');
    }

    pub fn heap_bytes(&self) -> usize {
        self.lower.capacity()
            + self.starts.capacity() * size_of::<usize>()
            + self.tags.capacity() * size_of::<(Field, u32)>()
            + (self.owners.iter())
                .map(|o| o.capacity() * size_of::<(u32, u32)>())
                .sum::<usize>()
    }

    /// The texts of `field` that `owner` has (an actor's aliases, say), lower-cased.
    pub(in crate::views) fn texts(&self, field: Field, owner: usize) -> impl Iterator<Item = &str> {
        let owner = u32::try_from(owner).unwrap_or(u32::MAX);
        let list = &self.owners[field as usize];
        let first = list
            .binary_search_by_key(&owner, |&(o, _)| o)
            .ok()
            .map_or(self.tags.len(), |k| list[k].1 as usize);
        (first..self.tags.len())
            .take_while(move |&e| self.tags[e] == (field, owner))
            .map(|e| {
                // Less the NUL after each text.
                let end = self.starts.get(e + 1).copied().unwrap_or(self.lower.len());
                &self.lower[self.starts[e]..end - 1]
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owners_texts_of_a_field_come_lower_cased_and_only_its_own() {
        let b = crate::load::bundled().unwrap().briefing;
        let l = Lexicon::new(&b);
        let lower = |t: &str| {
            let mut s = String::new();
            push_lower(&mut s, t);
            s
        };
        for (i, a) in b.actors.iter().enumerate() {
            assert_eq!(
                l.texts(Field::Name, i).collect::<Vec<_>>(),
                [lower(&a.name)]
            );
            let aliases: Vec<String> = a.aliases.iter().map(|t| lower(t)).collect();
            assert_eq!(l.texts(Field::Alias, i).collect::<Vec<_>>(), aliases);
            let role = a.role.as_deref().map(lower);
            assert_eq!(l.texts(Field::Role, i).next(), role.as_deref());
        }
        assert!(b.actors.iter().any(|a| !a.aliases.is_empty()));
        let last = b.figures.len() - 1;
        let measure = lower(&b.figures[last].measure);
        assert_eq!(l.texts(Field::Measure, last).collect::<Vec<_>>(), [measure]);
        assert_eq!(l.texts(Field::Name, b.actors.len()).count(), 0);
        // Quotes on one line have no excerpt here: the index answers for them.
        let one_line = (0..b.quotes.len()).find(|&q| !b.quotes[q].text.contains('\n'));
        assert_eq!(
            one_line.map(|q| l.texts(Field::Excerpt, q).count()),
            Some(0)
        );
    }
}
