//! The briefing file's schema as serde sees it: strings with their spans, no checks
//! beyond types and key names. `load::validate` turns these into the domain model.
//!
//! Every table denies unknown keys so that a typo (`qoute`) is an error that names the
//! key and lists what was expected, instead of a field silently left empty.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

/// A string with the byte range it came from, so that errors can point at it.
pub type Str = Spanned<String>;

/// A date as written: a TOML local date or a `YYYY`, `YYYY-MM`, `YYYY-MM-DD` string.
/// Kept as a raw value here; `model::date` parses it.
pub type RawDate = Spanned<toml::Value>;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFile {
    /// The format version: 1.
    #[schemars(with = "Format")]
    pub format: Spanned<i64>,
    /// The briefing as a whole: title, source, date.
    #[schemars(with = "RawBriefing")]
    pub briefing: Spanned<RawBriefing>,
    /// Everyone who speaks or is spoken of.
    #[serde(default)]
    #[schemars(with = "Vec<RawActor>")]
    pub actors: Vec<Spanned<RawActor>>,
    /// The text, in order, each section with its quotes.
    #[serde(default)]
    #[schemars(with = "Vec<RawSection>")]
    pub sections: Vec<Spanned<RawSection>>,
    /// Statements that actors assert, qualify or deny.
    #[serde(default)]
    #[schemars(with = "Vec<RawClaim>")]
    pub claims: Vec<Spanned<RawClaim>>,
    /// Dated events.
    #[serde(default)]
    #[schemars(with = "Vec<RawEvent>")]
    pub timeline: Vec<Spanned<RawEvent>>,
    /// Numbers and amounts, with who gave them.
    #[serde(default)]
    #[schemars(with = "Vec<RawFigure>")]
    pub figures: Vec<Spanned<RawFigure>>,
    /// Where the briefing's quotes, positions, figures and events come from; the
    /// first is the default source.
    #[serde(default)]
    #[schemars(with = "Vec<RawSource>")]
    pub sources: Vec<Spanned<RawSource>>,
}

/// One source of the briefing (issue 18): where its quotes, positions, figures and
/// events come from, and optionally a local copy of its text to check them against.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSource {
    /// The id that `source` fields name.
    #[schemars(with = "Id")]
    pub id: Str,
    /// The source's headline or title.
    #[schemars(with = "Option<String>")]
    pub title: Option<Str>,
    /// Who published it.
    #[schemars(with = "Option<String>")]
    pub publisher: Option<Str>,
    /// Where it is online (http, https or mailto).
    #[schemars(with = "Option<String>")]
    pub url: Option<Str>,
    /// When it was published.
    #[schemars(with = "Option<Date>")]
    pub published: Option<RawDate>,
    /// A local copy of its text, relative to the briefing (.txt or .md), for `brief verify`.
    #[schemars(with = "Option<String>")]
    pub file: Option<Str>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawBriefing {
    /// The headline.
    #[schemars(with = "String")]
    pub title: Str,
    /// A stable id (lowercase letters, digits, `-`): the reader remembers your place by it.
    #[schemars(with = "Option<Id>")]
    pub id: Option<Str>,
    /// One line under the title.
    #[schemars(with = "Option<String>")]
    pub dek: Option<Str>,
    /// A short summary.
    #[schemars(with = "Option<String>")]
    pub summary: Option<Str>,
    /// Where the briefing comes from.
    #[schemars(with = "Option<String>")]
    pub source: Option<Str>,
    /// The source's address.
    #[schemars(with = "Option<String>")]
    pub url: Option<Str>,
    /// When it was published: a date, or `YYYY-MM` or `YYYY` as a string.
    #[schemars(with = "Option<Date>")]
    pub published: Option<RawDate>,
    /// Free-form tags.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub tags: Vec<Str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawActor {
    /// The id other entries refer to this actor by.
    #[schemars(with = "Id")]
    pub id: Str,
    /// The name shown.
    #[schemars(with = "String")]
    pub name: Str,
    /// What the actor is.
    pub kind: ActorKind,
    /// A person's role (Mayor, Foreign Minister).
    #[schemars(with = "Option<String>")]
    pub role: Option<Str>,
    /// The id of the actor this one belongs to (a minister's state); the actor filter brings members in with it.
    #[schemars(with = "Option<String>")]
    pub affiliation: Option<Str>,
    /// Other names for the actor, also found and highlighted.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Str>,
    /// The name in the actor's own language and script.
    #[schemars(with = "Option<String>")]
    pub native_name: Option<Str>,
    /// Ids or names this actor has in other briefings: the library counts them as one actor.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub same_as: Vec<Str>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawSection {
    /// The section's id (`--section ID`, timeline references).
    #[schemars(with = "Id")]
    pub id: Str,
    /// The section's heading.
    #[schemars(with = "String")]
    pub title: Str,
    /// Paragraphs, separated by a blank line.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub body: Option<Str>,
    /// The quotes in this section.
    #[serde(default)]
    #[schemars(with = "Vec<RawQuote>")]
    pub quotes: Vec<Spanned<RawQuote>>,
}

/// Whether a quote is the speaker's exact words or a paraphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteMode {
    #[default]
    Direct,
    Reported,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawQuote {
    /// The quote's id (claims refer to quotes by it).
    #[schemars(with = "Id")]
    pub id: Str,
    /// The id of the actor who said it.
    #[schemars(with = "String")]
    pub speaker: Str,
    /// The words: exact for `direct`, a paraphrase for `reported`.
    #[schemars(with = "String")]
    pub text: Str,
    /// `direct` (the default): the speaker's exact words; `reported`: a paraphrase.
    #[serde(default)]
    pub mode: QuoteMode,
    /// What the quote was said about or in answer to.
    #[schemars(with = "Option<String>")]
    pub context: Option<Str>,
    /// When it was said: a date, or `YYYY-MM` or `YYYY` as a string.
    #[schemars(with = "Option<Date>")]
    pub said: Option<RawDate>,
    /// How it reached the source (press conference, interview).
    #[schemars(with = "Option<String>")]
    pub via: Option<Str>,
    /// The `[[sources]]` id this comes from (default: the first source).
    #[schemars(with = "Option<Id>")]
    pub source: Option<Str>,
    /// The source's exact words that support it, checked by `brief verify`.
    #[schemars(with = "Option<String>")]
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawClaim {
    /// The claim's id.
    #[schemars(with = "Id")]
    pub id: Str,
    /// The statement actors take positions on.
    #[schemars(with = "String")]
    pub statement: Str,
    /// The ids this claim had in earlier briefings, when it was renamed: the claim's
    /// history across a folder follows them.
    #[serde(default)]
    #[schemars(with = "Vec<Id>")]
    pub same_as: Vec<Str>,
    /// Who stands where on it.
    #[serde(default)]
    #[schemars(with = "Vec<RawPosition>")]
    pub positions: Vec<Spanned<RawPosition>>,
}

/// Where an actor stands on a claim, from firm assertion to denial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Asserts,
    Likely,
    Undecided,
    Denies,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawPosition {
    /// The id of the actor taking the position.
    #[schemars(with = "String")]
    pub actor: Str,
    /// Where the actor stands.
    pub stance: Stance,
    /// A word on the position.
    #[schemars(with = "Option<String>")]
    pub detail: Option<Str>,
    /// The id of a quote that backs it.
    #[schemars(with = "Option<String>")]
    pub quote: Option<Str>,
    /// The `[[sources]]` id this comes from (default: the first source).
    #[schemars(with = "Option<Id>")]
    pub source: Option<Str>,
    /// The source's exact words that support it, checked by `brief verify`.
    #[schemars(with = "Option<String>")]
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawEvent {
    /// When: a date, or `YYYY-MM` or `YYYY` as a string.
    #[schemars(with = "Date")]
    pub date: RawDate,
    /// What happened.
    #[schemars(with = "String")]
    pub event: Str,
    /// The ids of the actors involved.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub actors: Vec<Str>,
    /// The id of the section that tells of it.
    #[schemars(with = "Option<String>")]
    pub section: Option<Str>,
    /// The `[[sources]]` id this comes from (default: the first source).
    #[schemars(with = "Option<Id>")]
    pub source: Option<Str>,
    /// The source's exact words that support it, checked by `brief verify`.
    #[schemars(with = "Option<String>")]
    pub evidence: Option<Str>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawFigure {
    /// What is measured.
    #[schemars(with = "String")]
    pub measure: Str,
    /// The value as written (six weeks, $2bn).
    #[schemars(with = "String")]
    pub value: Str,
    /// The value as a number, when it is one.
    pub number: Option<f64>,
    /// The id of the actor who gave the figure.
    #[schemars(with = "Option<String>")]
    pub actor: Option<Str>,
    /// When the figure applies: a date, or `YYYY-MM` or `YYYY` as a string.
    #[schemars(with = "Option<Date>")]
    pub date: Option<RawDate>,
    /// A note on the figure.
    #[schemars(with = "Option<String>")]
    pub note: Option<Str>,
    /// The `[[sources]]` id this comes from (default: the first source).
    #[schemars(with = "Option<Id>")]
    pub source: Option<Str>,
    /// The source's exact words that support it, checked by `brief verify`.
    #[schemars(with = "Option<String>")]
    pub evidence: Option<Str>,
}

/// The schema of `format`: the one version there is.
struct Format;

impl JsonSchema for Format {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Format".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "integer", "const": 1 })
    }
}

/// The schema of a date: a TOML local date (`2025-03-04`, which editors pass to the
/// schema as that string) or a `YYYY`, `YYYY-MM`, `YYYY-MM-DD` string. Month and day
/// ranges are left to `brief check`.
struct Date;

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            "description": "A date: 2025-03-04, or \"2025-03\" or \"2025\" when the day or month is not known."
        })
    }
}

/// The schema of an id: a slug, as `load::validate` requires.
struct Id;

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "An id: lowercase letters a-z, digits and '-'."
        })
    }
}

/// The JSON Schema (draft 7, which taplo and Even Better TOML read) of a briefing
/// file, generated from these types, so it follows the loader: `brief schema`.
pub fn json_schema() -> String {
    let mut schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<RawFile>();
    schema.insert("title".into(), "brief briefing".into());
    schema.insert(
        "description".into(),
        "A briefing for the brief reader (format 1). `brief check FILE` checks what a schema cannot: references, dates, duplicates.".into(),
    );
    let mut value = schema.to_value();
    drop_null(&mut value);
    let mut text = serde_json::to_string_pretty(&value).expect("a schema serialises");
    text.push('\n');
    text
}

/// TOML has no null: an optional key is one left out, so the `null` schemars allows
/// for an `Option` (`"type": ["string", "null"]`, `anyOf: [.., {"type": "null"}]`,
/// `"default": null`) goes.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(any)) = map.get("anyOf")
                && let [one, null] = any.as_slice()
                && null.get("type").is_some_and(|t| t == "null")
            {
                let one = one.clone();
                map.remove("anyOf");
                map.insert("allOf".into(), Value::Array(vec![one]));
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}
