//! The lexicon: every short text of a briefing (names, native names, roles, aliases,
//! section titles, events, claims, figures' values and measures) lower-cased once into
//! one buffer, so that which of them hold a query is one pass of `memmem`, not a
//! lower-casing per text per query.

use crate::app::search::push_lower;
use crate::model::{Briefing, QuoteIx};
use memchr::memmem::Finder;

/// The short texts of a briefing, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
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

pub(super) const FIELDS: usize = 10;

/// Every short text lower-cased into one buffer, each followed by a NUL.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    lower: String,
    /// Where each text starts in `lower`, and whose it is.
    starts: Vec<usize>,
    tags: Vec<(Field, u32)>,
    /// How many of each field's owners there are (actors, sections...).
    owners: [usize; FIELDS],
    /// The quotes whose text holds a line break: the views show them on one line
    /// (`excerpt`), so the index, which keeps the break, cannot answer for them.
    pub(super) multiline: Vec<QuoteIx>,
}

impl Lexicon {
    pub fn new(b: &Briefing) -> Self {
        let mut l = Self {
            owners: [
                b.actors.len(),
                b.actors.len(),
                b.actors.len(),
                b.actors.len(),
                b.sections.len(),
                b.timeline.len(),
                b.claims.len(),
                b.figures.len(),
                b.figures.len(),
                b.quotes.len(),
            ],
            ..Self::default()
        };
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
        l.multiline = (0..b.quotes.len())
            .map(QuoteIx::at)
            .filter(|&q| b.quote(q).text.contains('\n'))
            .collect();
        let multiline = std::mem::take(&mut l.multiline);
        for &q in &multiline {
            l.push(Field::Excerpt, q.get(), &super::excerpt(b, q));
        }
        l.multiline = multiline;
        l
    }

    fn push(&mut self, field: Field, owner: usize, text: &str) {
        self.starts.push(self.lower.len());
        self.tags
            .push((field, u32::try_from(owner).unwrap_or(u32::MAX)));
        push_lower(&mut self.lower, text);
        self.lower.push('\0');
    }

    pub fn heap_bytes(&self) -> usize {
        self.lower.capacity()
            + self.starts.capacity() * size_of::<usize>()
            + self.tags.capacity() * size_of::<(Field, u32)>()
            + self.multiline.capacity() * size_of::<QuoteIx>()
    }

    /// Which owners' texts of each field hold `needle`: one find per text that does.
    pub(super) fn hits(&self, needle: &str) -> [Vec<bool>; FIELDS] {
        let mut hit = self.owners.map(|n| vec![false; n]);
        let finder = Finder::new(needle.as_bytes());
        let hay = self.lower.as_bytes();
        let mut at = 0;
        while let Some(i) = finder.find(&hay[at..]) {
            let t = self.starts.partition_point(|&s| s <= at + i) - 1;
            let (field, owner) = self.tags[t];
            if let Some(h) = hit[field as usize].get_mut(owner as usize) {
                *h = true;
            }
            match self.starts.get(t + 1) {
                Some(&next) => at = next,
                None => break,
            }
        }
        hit
    }
}
