//! Small list popups that jump somewhere: the section outline (`o`) and the starred
//! quotes (`S`). Rows are built when the popup opens.

use super::marks::Marks;
use super::pages::Target;
use super::view::quote_words;
use crate::model::{Briefing, QuoteIx, SectionIx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Outline,
    Starred,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub rows: Vec<(String, Target)>,
    pub cursor: usize,
    pub offset: usize,
}

impl Picker {
    /// Every section with its quote count and read mark; the cursor on `current`.
    pub fn outline(b: &Briefing, marks: &Marks, current: usize) -> Self {
        let rows = b
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let read = if marks.read_sections.get(i).copied().unwrap_or(false) {
                    "✓"
                } else {
                    "•"
                };
                let n = s.quotes.len();
                let quotes = if n == 1 {
                    "1 quote".to_owned()
                } else {
                    format!("{n} quotes")
                };
                (
                    format!("{read} {}. {} ({quotes})", i + 1, s.title),
                    Target::Section(SectionIx::at(i)),
                )
            })
            .collect();
        Self {
            kind: PickerKind::Outline,
            rows,
            cursor: current,
            offset: 0,
        }
    }

    /// Starred quotes in reading order.
    pub fn starred(b: &Briefing, marks: &Marks) -> Self {
        let rows = (0..b.quotes.len())
            .map(QuoteIx::at)
            .filter(|&q| marks.is_starred(q))
            .map(|q| {
                let words: String = quote_words(b, q).chars().take(200).collect();
                (
                    format!("★ {}: {words}", b.actor(b.quote(q).speaker).name),
                    Target::Quote(q),
                )
            })
            .collect();
        Self {
            kind: PickerKind::Starred,
            rows,
            cursor: 0,
            offset: 0,
        }
    }

    pub fn title(&self) -> String {
        match self.kind {
            PickerKind::Outline => {
                format!("Outline · {} sections · ✓ read, • unread", self.rows.len())
            }
            PickerKind::Starred => format!("Starred quotes · {}", self.rows.len()),
        }
    }
}
