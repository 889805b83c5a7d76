//! The briefing file's schema as serde sees it: strings with their spans, no checks
//! beyond types and key names. `load::validate` turns these into the domain model.
//!
//! Every table denies unknown keys so that a typo (`qoute`) is an error that names the
//! key and lists what was expected, instead of a field silently left empty.

use serde::Deserialize;
use toml::Spanned;

/// A string with the byte range it came from, so that errors can point at it.
pub type Str = Spanned<String>;

/// A date as written: a TOML local date or a `YYYY`, `YYYY-MM`, `YYYY-MM-DD` string.
/// Kept as a raw value here; `model::date` parses it.
pub type RawDate = Spanned<toml::Value>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFile {
    pub format: Spanned<i64>,
    pub briefing: Spanned<RawBriefing>,
    #[serde(default)]
    pub actors: Vec<Spanned<RawActor>>,
    #[serde(default)]
    pub sections: Vec<Spanned<RawSection>>,
    #[serde(default)]
    pub claims: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    pub timeline: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    pub figures: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    pub sources: Vec<Spanned<RawSource>>,
}

/// One source of the briefing (issue 18): where its quotes, positions, figures and
/// events come from, and optionally a local copy of its text to check them against.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSource {
    pub id: Str,
    pub title: Option<Str>,
    pub publisher: Option<Str>,
    pub url: Option<Str>,
    pub published: Option<RawDate>,
    pub file: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawBriefing {
    pub title: Str,
    pub id: Option<Str>,
    pub dek: Option<Str>,
    pub summary: Option<Str>,
    pub source: Option<Str>,
    pub url: Option<Str>,
    pub published: Option<RawDate>,
    #[serde(default)]
    pub tags: Vec<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    State,
    Organisation,
    Person,
    Group,
    Media,
}

impl ActorKind {
    /// The kind as written in a briefing file.
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Person => "person",
            ActorKind::Group => "group",
            ActorKind::Media => "media",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawActor {
    pub id: Str,
    pub name: Str,
    pub kind: ActorKind,
    pub role: Option<Str>,
    pub affiliation: Option<Str>,
    #[serde(default)]
    pub aliases: Vec<Str>,
    pub native_name: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSection {
    pub id: Str,
    pub title: Str,
    #[serde(default)]
    pub body: Option<Str>,
    #[serde(default)]
    pub quotes: Vec<Spanned<RawQuote>>,
}

/// Whether a quote is the speaker's exact words or a paraphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteMode {
    #[default]
    Direct,
    Reported,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQuote {
    pub id: Str,
    pub speaker: Str,
    pub text: Str,
    #[serde(default)]
    pub mode: QuoteMode,
    pub context: Option<Str>,
    pub said: Option<RawDate>,
    pub via: Option<Str>,
    pub source: Option<Str>,
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawClaim {
    pub id: Str,
    pub statement: Str,
    #[serde(default)]
    pub positions: Vec<Spanned<RawPosition>>,
}

/// Where an actor stands on a claim, from firm assertion to denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Asserts,
    Likely,
    Undecided,
    Denies,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPosition {
    pub actor: Str,
    pub stance: Stance,
    pub detail: Option<Str>,
    pub quote: Option<Str>,
    pub source: Option<Str>,
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEvent {
    pub date: RawDate,
    pub event: Str,
    #[serde(default)]
    pub actors: Vec<Str>,
    pub section: Option<Str>,
    pub source: Option<Str>,
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFigure {
    pub measure: Str,
    pub value: Str,
    pub number: Option<f64>,
    pub actor: Option<Str>,
    pub date: Option<RawDate>,
    pub note: Option<Str>,
    pub source: Option<Str>,
    pub evidence: Option<Str>,
}
