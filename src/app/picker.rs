//! Small list popups that jump somewhere: the section outline (`o`) and the starred
//! quotes (`S`). Rows are listed when the popup opens, labelled when drawn.

use super::marks::Marks;
use crate::model::{Briefing, QuoteIx, SectionIx};
use crate::views::lines::quote_words;
use crate::views::pages::Target;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Outline,
    Starred,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    /// Where each row leads. A row's label is made only when it is drawn (`label`),
    /// so opening the outline of thousands of sections costs a screenful of them.
    pub rows: Vec<Target>,
    pub cursor: usize,
    pub offset: usize,
}

impl Picker {
    /// Every section; the cursor on `current`.
    pub fn outline(b: &Briefing, current: usize) -> Self {
        Self {
            kind: PickerKind::Outline,
            rows: (0..b.sections.len())
                .map(|i| Target::Section(SectionIx::at(i)))
                .collect(),
            cursor: current,
            offset: 0,
        }
    }

    /// Starred quotes in reading order.
    pub fn starred(b: &Briefing, marks: &Marks) -> Self {
        Self {
            kind: PickerKind::Starred,
            rows: (0..b.quotes.len())
                .map(QuoteIx::at)
                .filter(|&q| marks.is_starred(q))
                .map(Target::Quote)
                .collect(),
            cursor: 0,
            offset: 0,
        }
    }

    /// Row `n` as shown: a section with its number, quote count and read mark; a
    /// starred quote with its speaker.
    pub fn label(&self, n: usize, b: &Briefing, marks: &Marks) -> String {
        match self.rows.get(n) {
            Some(&Target::Section(s)) => {
                let i = s.get();
                let read = if marks.read_sections.get(i).copied().unwrap_or(false) {
                    "✓"
                } else {
                    "•"
                };
                let section = b.section(s);
                let quotes = match section.quotes.len() {
                    1 => "1 quote".to_owned(),
                    n => format!("{n} quotes"),
                };
                format!("{read} {}. {} ({quotes})", i + 1, section.title)
            }
            Some(&Target::Quote(q)) => {
                let words: String = quote_words(b, q).chars().take(200).collect();
                format!("★ {}: {words}", b.actor(b.quote(q).speaker).name)
            }
            _ => String::new(),
        }
    }

    pub fn title(&self) -> String {
        match self.kind {
            PickerKind::Outline => {
                format!(
                    "Outline · {} · ✓ read, • unread",
                    crate::text::count(self.rows.len(), "section")
                )
            }
            PickerKind::Starred => format!("Starred quotes · {}", self.rows.len()),
        }
    }
}
