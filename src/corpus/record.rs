//! What the library keeps of one briefing: its metadata and flat rows (actors, quotes,
//! positions, figures, events, searchable items), made from a loaded `Briefing`. The
//! index stores these rows; the plain scan reads them straight from each file. Both
//! build them here, so both see the same thing.

use crate::model::{Briefing, PartialDate};

/// One briefing file, as the library keeps it.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub title: String,
    pub briefing_id: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: sorts as dates do.
    pub published: Option<String>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    /// The publication that wrote it, and how many sections it has: what the
    /// library's list shows of it (with the title, date, tags and quotes).
    pub source: Option<String>,
    pub sections: usize,
    /// The key its remembered place is filed under (`Briefing::place_key`): empty
    /// until the file's text is known (`with_place_key`).
    pub place_key: String,
    pub actors: Vec<ActorRow>,
    pub quotes: Vec<QuoteRow>,
    pub positions: Vec<PositionRow>,
    pub figures: Vec<FigureRow>,
    pub events: Vec<EventRow>,
    pub items: Vec<Item>,
}

impl Record {
    /// How many quotes each actor said, by the actor's position (the Actors screen's
    /// counts, for the index and the scan alike).
    pub fn said_by_actor(&self) -> Vec<usize> {
        let mut said = vec![0; self.actors.len()];
        for q in &self.quotes {
            if let Some(n) = said.get_mut(q.speaker as usize) {
                *n += 1;
            }
        }
        said
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    /// The position of its affiliation in the same briefing's actors.
    pub affiliation: Option<u32>,
    pub aliases: Vec<String>,
    pub native_name: Option<String>,
    pub same_as: Vec<String>,
}

impl ActorRow {
    /// What merges this actor with actors of other briefings: `#id` for its id, `=name`
    /// for each of its names (name, aliases, native name), lowercased.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![format!("#{}", self.id)];
        let names = std::iter::once(&self.name)
            .chain(&self.aliases)
            .chain(&self.native_name);
        keys.extend(names.map(|n| format!("={}", super::text::name_key(n))));
        keys.sort();
        keys.dedup();
        keys
    }

    /// Every key that merges this actor with others: its own and its `same-as`
    /// entries', sorted, once each.
    pub fn all_keys(&self) -> Vec<String> {
        let mut keys = self.keys();
        keys.extend(self.same_as_keys());
        keys.sort();
        keys.dedup();
        keys
    }

    /// What this actor's `same-as` entries point at: another's id or one of its names.
    pub fn same_as_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .same_as
            .iter()
            .flat_map(|s| [format!("#{s}"), format!("={}", super::text::name_key(s))])
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    pub id: String,
    pub section: u32,
    pub section_id: String,
    pub section_title: String,
    pub speaker: u32,
    pub text: String,
    /// `direct` or `reported`.
    pub mode: String,
    pub said: Option<String>,
    pub context: Option<String>,
    pub via: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionRow {
    pub claim_id: String,
    pub statement: String,
    pub actor: u32,
    pub stance: String,
    pub detail: Option<String>,
    pub quote_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    pub measure: String,
    pub value: String,
    pub number: Option<f64>,
    pub actor: Option<u32>,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    pub date: String,
    pub event: String,
    pub actors: Vec<u32>,
    pub section: Option<u32>,
}

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Title,
    Actor,
    Summary,
    Dek,
    Claim,
    Section,
    Quote,
    Text,
    Figure,
    Event,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Title,
        Kind::Actor,
        Kind::Summary,
        Kind::Dek,
        Kind::Claim,
        Kind::Section,
        Kind::Quote,
        Kind::Text,
        Kind::Figure,
        Kind::Event,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Actor => "actor",
            Kind::Summary => "summary",
            Kind::Dek => "dek",
            Kind::Claim => "claim",
            Kind::Section => "section",
            Kind::Quote => "quote",
            Kind::Text => "text",
            Kind::Figure => "figure",
            Kind::Event => "event",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// How much a hit of this kind weighs in the ranking: a title or a name that
    /// matches says more about the briefing than a word in its text.
    pub fn weight(self) -> u32 {
        match self {
            Kind::Title => 6,
            Kind::Actor => 5,
            Kind::Summary | Kind::Dek | Kind::Claim => 4,
            Kind::Section | Kind::Quote => 3,
            Kind::Text | Kind::Figure | Kind::Event => 2,
        }
    }
}

/// Where in its briefing a hit is: enough to open the briefing there.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Place {
    /// The section's position (0-based), for section, text and quote hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<u32>,
    /// The paragraph's position in its section (0-based), for text hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    /// The quote's id, for quote hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The actor's id, the claim's id, or the figure's or event's position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

/// One searchable text of a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    pub place: Place,
    /// For `Text`: one paragraph of a section (each is an item of its own, so that a
    /// hit is a paragraph holding every word of the query).
    pub text: String,
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.iso())
}

fn ix(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The record of a loaded briefing.
// One kind of row after another: long, but one plain mapping, read top to bottom.
#[allow(clippy::too_many_lines)]
pub fn record(b: &Briefing) -> Record {
    let mut items = Vec::new();
    let item = |kind, place, text: &str| Item {
        kind,
        place,
        text: text.to_owned(),
    };
    items.push(item(Kind::Title, Place::default(), &b.meta.title));
    if let Some(d) = &b.meta.dek {
        items.push(item(Kind::Dek, Place::default(), d));
    }
    if let Some(s) = &b.meta.summary {
        items.push(item(Kind::Summary, Place::default(), s));
    }
    let actors = b
        .actors
        .iter()
        .map(|a| ActorRow {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind.name().to_owned(),
            role: a.role.clone(),
            affiliation: a.affiliation.map(|p| p.0),
            aliases: a.aliases.clone(),
            native_name: a.native_name.clone(),
            same_as: a.same_as.clone(),
        })
        .collect::<Vec<_>>();
    for a in &actors {
        let mut names = vec![a.name.as_str()];
        names.extend(a.aliases.iter().map(String::as_str));
        names.extend(a.native_name.as_deref());
        let place = Place {
            item: Some(a.id.clone()),
            ..Place::default()
        };
        items.push(item(Kind::Actor, place, &names.join(" · ")));
    }
    for (s, sec) in b.sections.iter().enumerate() {
        let section = Some(ix(s));
        let place = Place {
            section,
            ..Place::default()
        };
        items.push(item(Kind::Section, place.clone(), &sec.title));
        for (p, text) in sec.paragraphs.iter().enumerate() {
            let place = Place {
                paragraph: Some(ix(p)),
                ..place.clone()
            };
            items.push(item(Kind::Text, place, text));
        }
    }
    let quotes = b
        .quotes
        .iter()
        .map(|q| {
            let sec = b.section(q.section);
            QuoteRow {
                id: q.id.clone(),
                section: q.section.0,
                section_id: sec.id.clone(),
                section_title: sec.title.clone(),
                speaker: q.speaker.0,
                text: q.text.clone(),
                mode: match q.mode {
                    crate::model::QuoteMode::Direct => "direct",
                    crate::model::QuoteMode::Reported => "reported",
                }
                .to_owned(),
                said: date(q.said),
                context: q.context.clone(),
                via: q.via.clone(),
            }
        })
        .collect::<Vec<_>>();
    for q in &quotes {
        let place = Place {
            section: Some(q.section),
            quote: Some(q.id.clone()),
            ..Place::default()
        };
        items.push(item(Kind::Quote, place, &q.text));
    }
    let mut positions = Vec::new();
    for c in &b.claims {
        let place = Place {
            item: Some(c.id.clone()),
            ..Place::default()
        };
        items.push(item(Kind::Claim, place, &c.statement));
        for p in &c.positions {
            positions.push(PositionRow {
                claim_id: c.id.clone(),
                statement: c.statement.clone(),
                actor: p.actor.0,
                stance: format!("{:?}", p.stance).to_lowercase(),
                detail: p.detail.clone(),
                quote_id: p.quote.map(|q| b.quote(q).id.clone()),
            });
        }
    }
    let figures = b
        .figures
        .iter()
        .map(|f| FigureRow {
            measure: f.measure.clone(),
            value: f.value.clone(),
            number: f.number,
            actor: f.actor.map(|a| a.0),
            date: date(f.date),
            note: f.note.clone(),
        })
        .collect::<Vec<_>>();
    for (n, f) in figures.iter().enumerate() {
        let place = Place {
            item: Some(n.to_string()),
            ..Place::default()
        };
        items.push(item(
            Kind::Figure,
            place,
            &format!("{}: {}", f.measure, f.value),
        ));
    }
    let events = b
        .timeline
        .iter()
        .map(|e| EventRow {
            date: e.date.iso(),
            event: e.event.clone(),
            actors: e.actors.iter().map(|a| a.0).collect(),
            section: e.section.map(|s| s.0),
        })
        .collect::<Vec<_>>();
    for (n, e) in events.iter().enumerate() {
        let place = Place {
            section: e.section,
            item: Some(n.to_string()),
            ..Place::default()
        };
        items.push(item(Kind::Event, place, &e.event));
    }
    Record {
        title: b.meta.title.clone(),
        briefing_id: b.meta.id.clone(),
        published: date(b.meta.published),
        summary: b.meta.summary.clone(),
        tags: b.meta.tags.clone(),
        source: b.meta.source.clone(),
        sections: b.sections.len(),
        place_key: String::new(),
        actors,
        quotes,
        positions,
        figures,
        events,
        items,
    }
}

/// The record of a briefing loaded from `bytes`, with the key of its remembered place
/// as the reader files it (the file's text, read lossily, for one without an id).
pub fn with_place_key(b: &Briefing, bytes: &[u8]) -> Record {
    let mut r = record(b);
    r.place_key = if b.meta.id.is_some() {
        b.place_key("")
    } else {
        b.place_key(&String::from_utf8_lossy(bytes))
    };
    r
}
