//! The validated briefing: every reference resolved to an index, every string cleaned.
//!
//! Indices (`ActorIx`, `QuoteIx`, ...) replace string ids after loading so that filters,
//! counts and lookups are integer work, whatever the briefing's size.

pub mod date;
pub mod raw;

pub use date::PartialDate;
pub use raw::{ActorKind, QuoteMode, Stance};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the briefing's vector.
            pub fn get(self) -> usize {
                self.0 as usize
            }
            /// Index of the `i`th element; the loader's limits keep counts within `u32`.
            pub fn at(i: usize) -> Self {
                Self(u32::try_from(i).expect("counts are bounded by the loader's limits"))
            }
        }
    };
}

index_type!(/// An actor's position in `Briefing::actors`.
    ActorIx);
index_type!(/// A section's position in `Briefing::sections`.
    SectionIx);
index_type!(/// A quote's position in `Briefing::quotes` (reading order).
    QuoteIx);
index_type!(/// A claim's position in `Briefing::claims`.
    ClaimIx);
index_type!(/// A source's position in `Briefing::sources`.
    SourceIx);

/// One `[[sources]]` entry: what a quote, position, figure or event was taken from.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    /// A local copy of the source's text, relative to the briefing's folder, as
    /// written (checked to stay inside that folder's tree; read by the sources module at the top of the crate).
    pub file: Option<String>,
}

impl Source {
    /// How the reader names the source: its publisher, else its title, else its id.
    pub fn name(&self) -> &str {
        self.publisher
            .as_deref()
            .or(self.title.as_deref())
            .unwrap_or(&self.id)
    }
}

/// Where an item says it comes from: a source (resolved, the default one when the item
/// names none) and the source's own words that support it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Provenance {
    pub source: Option<SourceIx>,
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: String,
    pub id: Option<String>,
    pub dek: Option<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub affiliation: Option<ActorIx>,
    pub aliases: Vec<String>,
    pub native_name: Option<String>,
    /// Ids or names of the same actor in other briefings (`same-as`): only the library
    /// reads them, to merge actors across briefings.
    pub same_as: Vec<String>,
    /// Actors whose `affiliation` is this one, in file order (derived at load).
    pub members: Vec<ActorIx>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title: String,
    /// Paragraphs, already split on blank lines and trimmed.
    pub paragraphs: Vec<String>,
    /// This section's quotes: a contiguous run of `Briefing::quotes`.
    pub quotes: std::ops::Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Quote {
    pub id: String,
    pub section: SectionIx,
    pub speaker: ActorIx,
    pub text: String,
    pub mode: QuoteMode,
    pub context: Option<String>,
    pub said: Option<PartialDate>,
    pub via: Option<String>,
    pub provenance: Provenance,
    /// The claim positions that cite this quote, in claim order (derived at load). A
    /// position may deny or doubt its claim, so this is "cited by", not "backs".
    pub cited_by: Vec<PositionRef>,
}

#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub statement: String,
    /// The ids this claim had in earlier briefings (`same-as`), as written.
    pub same_as: Vec<String>,
    pub positions: Vec<Position>,
}

/// One position of one claim: `Briefing::claims[claim].positions[position]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionRef {
    pub claim: ClaimIx,
    pub position: usize,
}

#[derive(Debug, Clone)]
pub struct Position {
    pub actor: ActorIx,
    pub stance: Stance,
    pub detail: Option<String>,
    pub quote: Option<QuoteIx>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub date: PartialDate,
    pub event: String,
    pub actors: Vec<ActorIx>,
    pub section: Option<SectionIx>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub struct Figure {
    pub measure: String,
    pub value: String,
    pub number: Option<f64>,
    pub actor: Option<ActorIx>,
    pub date: Option<PartialDate>,
    pub note: Option<String>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Default)]
pub struct Briefing {
    pub meta: Meta,
    pub actors: Vec<Actor>,
    pub sections: Vec<Section>,
    pub quotes: Vec<Quote>,
    /// Each quote's speaker, as one column (derived at load): the actor filter reads
    /// four bytes a quote instead of each quote's record.
    pub speakers: Vec<ActorIx>,
    pub claims: Vec<Claim>,
    pub timeline: Vec<Event>,
    pub figures: Vec<Figure>,
    /// `[[sources]]`, in file order; the first is the default source of every item
    /// that names none.
    pub sources: Vec<Source>,
}

impl Briefing {
    /// The key the reader's remembered place for this briefing is filed under: its
    /// id, or a hash of `text` (its file's text, for a briefing without an id). Here,
    /// below both the run (which saves places) and the library's index (which keeps
    /// each file's key, to count unread quotes without reading the file).
    pub fn place_key(&self, text: &str) -> String {
        self.meta.id.clone().unwrap_or_else(|| {
            // FNV-1a: stable across runs and Rust versions, unlike the std hasher.
            let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
            });
            format!("sha-{hash:016x}")
        })
    }

    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix.get()]
    }

    pub fn actor(&self, ix: ActorIx) -> &Actor {
        &self.actors[ix.get()]
    }

    pub fn quote(&self, ix: QuoteIx) -> &Quote {
        &self.quotes[ix.get()]
    }

    pub fn section(&self, ix: SectionIx) -> &Section {
        &self.sections[ix.get()]
    }

    pub fn claim(&self, ix: ClaimIx) -> &Claim {
        &self.claims[ix.get()]
    }

    pub fn position(&self, r: PositionRef) -> &Position {
        &self.claim(r.claim).positions[r.position]
    }

    /// The affiliation chain from an actor up: Starmer, United Kingdom.
    /// Cycles are rejected at load, so this ends.
    pub fn chain(&self, ix: ActorIx) -> impl Iterator<Item = ActorIx> + '_ {
        std::iter::successors(Some(ix), |a| self.actor(*a).affiliation)
    }

    /// An actor and everyone affiliated to it, directly or not, depth first.
    pub fn with_members(&self, ix: ActorIx) -> Vec<ActorIx> {
        let mut out = vec![ix];
        let mut next = 0;
        while next < out.len() {
            let members = &self.actor(out[next]).members;
            out.extend_from_slice(members);
            next += 1;
        }
        out
    }

    /// Actors in tree order (each top-level actor followed by its members, indented),
    /// as `(actor, depth)`.
    pub fn actor_tree(&self) -> Vec<(ActorIx, usize)> {
        // An explicit stack: affiliation chains in a hostile file may be very deep.
        let mut out = Vec::with_capacity(self.actors.len());
        let mut stack = Vec::new();
        for (i, a) in self.actors.iter().enumerate() {
            if a.affiliation.is_some() {
                continue;
            }
            stack.push((ActorIx::at(i), 0));
            while let Some((ix, depth)) = stack.pop() {
                out.push((ix, depth));
                stack.extend(self.actor(ix).members.iter().rev().map(|&m| (m, depth + 1)));
            }
        }
        out
    }
}
