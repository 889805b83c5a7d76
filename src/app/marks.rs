//! What the reader has read and starred, and the text that `y` copies.

use crate::model::{Briefing, QuoteIx, QuoteMode};

/// Read and starred state, by section and quote index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// A section is read once the Reader has shown its end.
    pub read_sections: Vec<bool>,
    /// A quote is read once opened in detail.
    pub read_quotes: Vec<bool>,
    pub starred: Vec<bool>,
    /// Changes with every mark set or cleared (unique in the process; 0 for marks never
    /// touched), so that a saver can tell cheaply whether the marks changed.
    pub stamp: u64,
    /// The `stamp` of the last star or unstar: a star is saved as soon as it is made.
    pub star_stamp: u64,
    /// Which loaded briefing these marks are for (unique in the process): a reload
    /// makes new marks for a new briefing, whose ids may differ.
    pub briefing: u64,
}

/// Unique stamps for `Marks::stamp` and `Marks::briefing`.
fn next_stamp() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Marks {
    pub fn new(b: &Briefing) -> Self {
        Self {
            read_sections: vec![false; b.sections.len()],
            read_quotes: vec![false; b.quotes.len()],
            starred: vec![false; b.quotes.len()],
            stamp: 0,
            star_stamp: 0,
            briefing: next_stamp(),
        }
    }

    /// Records that the marks changed.
    pub fn touch(&mut self) {
        self.stamp = next_stamp();
    }

    pub fn toggle_star(&mut self, q: QuoteIx) {
        if let Some(s) = self.starred.get_mut(q.get()) {
            *s = !*s;
            self.touch();
            self.star_stamp = self.stamp;
        }
    }

    pub fn is_starred(&self, q: QuoteIx) -> bool {
        self.starred.get(q.get()).copied().unwrap_or(false)
    }

    pub fn is_read(&self, q: QuoteIx) -> bool {
        self.read_quotes.get(q.get()).copied().unwrap_or(false)
    }
}

/// `"TEXT" — NAME, ROLE (SOURCE, DATE)`: a quote as it is cited elsewhere. Reported
/// speech is marked as paraphrase instead of being put in quotation marks. A quote
/// with a source of its own (`[[sources]]`) is cited with that source's title,
/// publisher, date and URL; otherwise with the briefing's source.
pub fn citation(b: &Briefing, q: QuoteIx) -> String {
    let quote = b.quote(q);
    let speaker = b.actor(quote.speaker);
    let words = match quote.mode {
        QuoteMode::Direct => format!("\"{}\"", quote.text),
        QuoteMode::Reported => format!("{} (paraphrase)", quote.text),
    };
    let mut who = speaker.name.clone();
    if let Some(role) = &speaker.role {
        who.push_str(", ");
        who.push_str(role);
    }
    let own = quote.provenance.source.map(|s| b.source(s));
    let published = own.and_then(|s| s.published).or(b.meta.published);
    let date = quote.said.or(published).map(|d| d.to_string());
    let source: Vec<String> = match own {
        Some(s) => [s.title.clone(), s.publisher.clone()]
            .into_iter()
            .flatten()
            .chain(date)
            .chain(s.url.clone())
            .collect(),
        None => b.meta.source.iter().cloned().chain(date).collect(),
    };
    if source.is_empty() {
        format!("{words} — {who}")
    } else {
        format!("{words} — {who} ({})", source.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_of_a_direct_quote() {
        let b = crate::load::bundled().unwrap().briefing;
        let q = QuoteIx::at(
            b.quotes
                .iter()
                .position(|q| q.id == "starmer-desperate-act")
                .unwrap(),
        );
        assert_eq!(
            citation(&b, q),
            "\"an embarrassing and desperate act.\" — Keir Starmer, Prime Minister (ITV News, 22 Oct 2024)"
        );
    }

    #[test]
    fn citation_names_the_quotes_own_source() {
        let text = include_str!("../../tests/fixtures/verify/briefing.toml");
        let b = crate::load::load_str("briefing.toml", text)
            .unwrap()
            .briefing;
        let q = QuoteIx::at(
            b.quotes
                .iter()
                .position(|q| q.id == "oduya-vanity")
                .unwrap(),
        );
        assert_eq!(
            citation(&b, q),
            "\"a vanity project\" — Hal Oduya (Lowmere votes to rebuild its old pier, Lowmere Gazette, 2 Mar 2026, https://example.org/lowmere-pier)"
        );
    }
}
