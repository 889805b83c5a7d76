//! Search in the Timeline and Actors views without reading their pages: a block's
//! quote words come from the search index, its names, titles, events, claims and
//! figures from the lexicon of those short texts (both lower-cased once per briefing),
//! so checking a block is a few `memmem`s over its own texts, never its wrapping,
//! and a search can stop at any block (`PageState::seek`). `Structure::texts` says
//! what each block is searched for; a test checks that this answers as reading
//! those texts would.

use super::lexicon::{Field, Lexicon};
use crate::model::{ActorIx, PartialDate, QuoteIx};
use crate::views::analysis::STANCES;
use crate::views::indexes::Indexed;
use crate::views::pages::PageBlock;
use crate::views::search::{SearchIndex, holds};
use memchr::memmem::Finder;
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

/// What holds one query (lower-cased), block by block, remembering what recurs:
/// dates, speakers' names, sections' titles.
#[derive(Debug, Clone)]
pub struct BlockMatcher {
    needle: String,
    finder: Finder<'static>,
    stances: [bool; STANCES.len()],
    /// Whether the needle can be in a date of each style at all (only digits and
    /// dashes; digits, spaces and month letters): most queries skip dates outright.
    could_be_date: [bool; 2],
    /// Dates repeat: each one is formatted once per query, then looked up by its
    /// packed value (`date_key`).
    dates: HashMap<u32, bool, BuildHasherDefault<Scramble>>,
    /// By actor and by section, once checked: every quote's entry shows its speaker
    /// (and in the Timeline its section).
    names: Vec<Option<bool>>,
    titles: Vec<Option<bool>>,
}

impl BlockMatcher {
    /// `needle` must be lower-cased and not empty.
    pub fn new(needle: &str) -> Self {
        let months = "jan feb mar apr may jun jul aug sep oct nov dec";
        Self {
            needle: needle.to_owned(),
            finder: Finder::new(needle.as_bytes()).into_owned(),
            stances: STANCES.map(|s| holds(crate::views::analysis::stance_label(s), needle)),
            could_be_date: [
                needle.chars().all(|c| c.is_ascii_digit() || c == '-'),
                needle
                    .chars()
                    .all(|c| c.is_ascii_digit() || months.contains(c)),
            ],
            dates: HashMap::default(),
            names: Vec::new(),
            titles: Vec::new(),
        }
    }

    /// The query, lower-cased.
    pub fn needle(&self) -> &str {
        &self.needle
    }

    /// Whether a lower-cased text holds the needle.
    fn holds(&self, lower: &str) -> bool {
        self.finder.find(lower.as_bytes()).is_some()
    }

    fn field(&self, lexicon: &Lexicon, field: Field, owner: usize) -> bool {
        lexicon.texts(field, owner).any(|t| self.holds(t))
    }

    /// `field` for `owner`, remembered (names or titles).
    fn memo(&mut self, lexicon: &Lexicon, field: Field, owner: usize) -> bool {
        let finder = &self.finder;
        let memo = if field == Field::Name {
            &mut self.names
        } else {
            &mut self.titles
        };
        if memo.len() <= owner {
            memo.resize(owner + 1, None);
        }
        *memo[owner].get_or_insert_with(|| {
            (lexicon.texts(field, owner)).any(|t| finder.find(t.as_bytes()).is_some())
        })
    }

    fn name(&mut self, lexicon: &Lexicon, a: ActorIx) -> bool {
        self.memo(lexicon, Field::Name, a.get())
    }

    /// Whether a quote's words hold the needle as the views show them: on one line
    /// (the lexicon's excerpt of a quote written over several; else the index's words).
    fn words(&self, index: &SearchIndex, lexicon: &Lexicon, q: QuoteIx) -> bool {
        let mut excerpt = lexicon.texts(Field::Excerpt, q.get()).peekable();
        if excerpt.peek().is_some() {
            return excerpt.any(|t| self.holds(t));
        }
        index.quote_words(q).is_some_and(|t| self.holds(t))
    }

    fn date(&mut self, d: PartialDate, style: DateStyle) -> bool {
        if !self.could_be_date[style as usize] {
            return false;
        }
        let needle = &self.needle;
        *self
            .dates
            .entry(date_key(d, style))
            .or_insert_with(|| match style {
                DateStyle::Iso => holds(&d.iso(), needle),
                DateStyle::Shown => holds(&d.to_string(), needle),
            })
    }

    /// Whether a block's texts (`Structure::texts`) hold the query; `None` for the
    /// blocks without briefing text of their own (headings) and the Claims and
    /// Figures views' blocks, which are few: they are read as they are.
    pub fn block(&mut self, (b, derived): Indexed<'_>, block: PageBlock) -> Option<bool> {
        let (index, lexicon) = (derived.search(b), derived.lexicon(b));
        Some(match block {
            PageBlock::Event(i) => {
                let e = &b.timeline[i];
                self.date(e.date, DateStyle::Iso)
                    || self.field(lexicon, Field::Event, i)
                    || e.actors.iter().any(|&a| self.name(lexicon, a))
            }
            PageBlock::DatedQuote(q) => {
                let quote = b.quote(q);
                self.words(index, lexicon, q)
                    || quote.said.is_some_and(|d| self.date(d, DateStyle::Iso))
                    || self.name(lexicon, quote.speaker)
                    || self.memo(lexicon, Field::Title, quote.section.get())
            }
            PageBlock::Profile(a) => {
                let actor = b.actor(a);
                let i = a.get();
                self.name(lexicon, a)
                    || self.field(lexicon, Field::Native, i)
                    || holds(actor.kind.name(), &self.needle)
                    || self.field(lexicon, Field::Role, i)
                    || self.field(lexicon, Field::Alias, i)
                    || b.chain(a).skip(1).any(|o| self.name(lexicon, o))
                    || actor.members.iter().any(|&m| self.name(lexicon, m))
            }
            PageBlock::ActorQuote(q) => {
                self.words(index, lexicon, q)
                    || (b.quote(q).said).is_some_and(|d| self.date(d, DateStyle::Shown))
            }
            PageBlock::ActorPosition(c, p) => {
                let stance = b.claims[c].positions[p].stance;
                STANCES
                    .iter()
                    .position(|&s| s == stance)
                    .is_some_and(|s| self.stances[s])
                    || self.field(lexicon, Field::Claim, c)
            }
            PageBlock::ActorFigure(i) => {
                self.field(lexicon, Field::Value, i) || self.field(lexicon, Field::Measure, i)
            }
            _ => return None,
        })
    }
}
