//! Search in the Timeline and Actors views without reading their pages: which quotes'
//! words hold the query comes from the search index, which names, titles, events,
//! claims and figures hold it from a lexicon of those short texts (made once per
//! briefing), so a query costs one pass over each and a check per block, never the
//! wrapping of blocks. `Structure::texts` says what each block is searched for; a test
//! checks that this answers as reading those texts would.

use super::Block;
use super::lexicon::{FIELDS, Field, Lexicon};
use crate::analysis::STANCES;
use crate::app::derived::Derived;
use crate::app::search::holds;
use crate::model::{Briefing, PartialDate};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A date and a style as one integer: year, month and day each in their own bits.
fn date_key(d: PartialDate, style: DateStyle) -> u32 {
    (u32::from(d.year) << 16)
        | (u32::from(d.month.unwrap_or(0)) << 8)
        | (u32::from(d.day.unwrap_or(0)) << 1)
        | style as u32
}

/// A hasher for one `u32` key: a multiply spreads it over the bits the table uses.
/// (The default `SipHash` cost more than the rest of a query's check per quote.)
#[derive(Default)]
struct Scramble(u64);

impl Hasher for Scramble {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// How a date is shown: "2024-10-22" (Timeline) or "22 Oct 2024" (Actors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum DateStyle {
    Iso = 0,
    Shown = 1,
}

/// What holds one query (lower-cased): quotes' words, short texts, stances, dates.
pub struct Hits<'a> {
    b: &'a Briefing,
    needle: &'a str,
    words: Vec<bool>,
    fields: [Vec<bool>; FIELDS],
    stances: [bool; STANCES.len()],
    /// Whether the needle can be in a date of each style at all (only digits and
    /// dashes; digits, spaces and month letters): most queries skip dates outright.
    could_be_date: [bool; 2],
    /// Dates repeat: each one is formatted once per query, then looked up by its
    /// packed value (`date_key`).
    dates: HashMap<u32, bool, BuildHasherDefault<Scramble>>,
    /// Per quote, whether its Timeline block (date, words, speaker, section title) or
    /// its Actors block (words, date) holds the query: worked out on first use in
    /// one pass in file order, which reads the quotes in the order memory holds them
    /// (a page lists them in date or actor order).
    dated_quotes: Option<Vec<bool>>,
    actor_quotes: Option<Vec<bool>>,
}

impl<'a> Hits<'a> {
    /// `needle` must be lower-cased and not empty; `occurrences` are its occurrences
    /// in the search index if known (else the index is scanned for it).
    pub fn new(
        b: &'a Briefing,
        derived: &Derived,
        needle: &'a str,
        occurrences: Option<&[usize]>,
    ) -> Self {
        let clean = !needle.contains('\0');
        let months = "jan feb mar apr may jun jul aug sep oct nov dec";
        let index = derived.search(b);
        let lexicon = derived.lexicon(b);
        let words = match occurrences {
            _ if !clean => vec![false; b.quotes.len()],
            Some(at) => index.quote_word_hits_among(at, b.quotes.len()),
            None => index.quote_word_hits(needle, b.quotes.len()),
        };
        let fields = if clean {
            lexicon.hits(needle)
        } else {
            Lexicon::default().hits(needle)
        };
        let mut hits = Self {
            b,
            needle,
            words,
            fields,
            stances: STANCES.map(|s| holds(crate::analysis::stance_label(s), needle)),
            could_be_date: [
                needle.chars().all(|c| c.is_ascii_digit() || c == '-'),
                needle
                    .chars()
                    .all(|c| c.is_ascii_digit() || months.contains(c)),
            ],
            dates: HashMap::default(),
            dated_quotes: None,
            actor_quotes: None,
        };
        // The index keeps a quote's line breaks; the views show it on one line.
        for &q in &lexicon.multiline {
            hits.words[q.get()] = hits.field(Field::Excerpt, q.get());
        }
        hits
    }

    fn field(&self, field: Field, owner: usize) -> bool {
        self.fields[field as usize]
            .get(owner)
            .copied()
            .unwrap_or(false)
    }

    fn date(&mut self, d: PartialDate, style: DateStyle) -> bool {
        if !self.could_be_date[style as usize] {
            return false;
        }
        let needle = self.needle;
        *self
            .dates
            .entry(date_key(d, style))
            .or_insert_with(|| match style {
                DateStyle::Iso => holds(&d.iso(), needle),
                DateStyle::Shown => holds(&d.to_string(), needle),
            })
    }

    /// Per quote, whether its block in the Timeline (`dated`) or in Actors holds the
    /// query.
    fn quotes(&mut self, dated: bool) -> &[bool] {
        let b = self.b;
        let made = if dated {
            self.dated_quotes.is_some()
        } else {
            self.actor_quotes.is_some()
        };
        if !made {
            let mut hit = self.words.clone();
            for (q, h) in b.quotes.iter().zip(&mut hit) {
                *h = *h
                    || if dated {
                        q.said.is_some_and(|d| self.date(d, DateStyle::Iso))
                            || self.field(Field::Name, q.speaker.get())
                            || self.field(Field::Title, q.section.get())
                    } else {
                        q.said.is_some_and(|d| self.date(d, DateStyle::Shown))
                    };
            }
            if dated {
                self.dated_quotes = Some(hit);
            } else {
                self.actor_quotes = Some(hit);
            }
        }
        let made = if dated {
            &self.dated_quotes
        } else {
            &self.actor_quotes
        };
        made.as_deref().unwrap_or_default()
    }

    /// The blocks `block` answers for: those of the Timeline and Actors views with
    /// briefing text (headings and figures are few: they are read as they are).
    pub fn knows(block: Block) -> bool {
        matches!(
            block,
            Block::Event(_)
                | Block::DatedQuote(_)
                | Block::Profile(_)
                | Block::ActorQuote(_)
                | Block::ActorPosition(..)
                | Block::ActorFigure(_)
        )
    }

    /// Whether a block's texts (`Structure::texts`) hold the query; `None` for the
    /// blocks this does not know (`knows`).
    pub fn block(&mut self, block: Block) -> Option<bool> {
        let b = self.b;
        let name = |h: &Self, a: crate::model::ActorIx| h.field(Field::Name, a.get());
        Some(match block {
            Block::Event(i) => {
                let e = &b.timeline[i];
                self.date(e.date, DateStyle::Iso)
                    || self.field(Field::Event, i)
                    || e.actors.iter().any(|&a| name(self, a))
            }
            Block::DatedQuote(q) => self.quotes(true)[q.get()],
            Block::Profile(a) => {
                let actor = b.actor(a);
                let i = a.get();
                self.field(Field::Name, i)
                    || self.field(Field::Native, i)
                    || holds(actor.kind.name(), self.needle)
                    || self.field(Field::Role, i)
                    || self.field(Field::Alias, i)
                    || b.chain(a).skip(1).any(|o| name(self, o))
                    || actor.members.iter().any(|&m| name(self, m))
            }
            Block::ActorQuote(q) => self.quotes(false)[q.get()],
            Block::ActorPosition(c, p) => {
                let stance = b.claims[c].positions[p].stance;
                STANCES
                    .iter()
                    .position(|&s| s == stance)
                    .is_some_and(|s| self.stances[s])
                    || self.field(Field::Claim, c)
            }
            Block::ActorFigure(i) => self.field(Field::Value, i) || self.field(Field::Measure, i),
            _ => return None,
        })
    }
}
