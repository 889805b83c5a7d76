//! Case-insensitive matching as `str::to_lowercase` defines it: lower-casing fast
//! where that is safe, finding a query in displayed text, and mapping an offset in
//! lower-cased text back to the text shown.
//!
//! Two lower-casings meet here: the index and `holds` use `str::to_lowercase`, which
//! turns a capital sigma ending a word into `ς`; `find_in` lower-cases a character at
//! a time, so that each byte maps back to its source, and gives `σ`. Both are two
//! bytes, so offsets from the index map back through either; only a query holding
//! a final sigma can see the difference, in the Reader's highlights.

use super::Match;
use crate::model::{Briefing, SectionIx};
use crate::views::lines::pieces;
use std::ops::Range;

/// Blocks whose characters all lower-case to themselves (checked against the standard
/// library by a test): the scripts and symbols briefings are mostly written in beside
/// ASCII, so most pieces lower-case without a table lookup per character.
pub(in crate::views) const UNCASED: [(char, char); 10] = [
    ('\u{A0}', '\u{BF}'),       // Latin-1 punctuation and symbols
    ('\u{2000}', '\u{206F}'),   // general punctuation: dashes, quotation marks
    ('\u{20A0}', '\u{20CF}'),   // currency symbols
    ('\u{1100}', '\u{11FF}'),   // Hangul Jamo
    ('\u{3000}', '\u{33FF}'),   // CJK punctuation, kana, compatibility jamo
    ('\u{4E00}', '\u{9FFF}'),   // CJK ideographs
    ('\u{AC00}', '\u{D7AF}'),   // Hangul syllables
    ('\u{FE00}', '\u{FE0F}'),   // variation selectors
    ('\u{1F1E6}', '\u{1F1FF}'), // regional indicators (flags)
    ('\u{1F300}', '\u{1FAFF}'), // emoji and pictographs
];

/// Whether every character of `text` beyond ASCII is in an `UNCASED` block, so that
/// lower-casing its ASCII letters lower-cases it.
pub(in crate::views) fn only_ascii_cased(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|b| !b.is_ascii()) {
        i += off;
        // Lead bytes of U+B000..U+CFFF, all Hangul syllables: the bulk of Korean text.
        if matches!(bytes[i], 0xEB | 0xEC) {
            i += 3;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            return false;
        };
        if !UNCASED.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Appends `text` lower-cased as `str::to_lowercase` does it.
pub(crate) fn push_lower(buf: &mut String, text: &str) {
    if only_ascii_cased(text) {
        // What `to_lowercase` would give, without its per-character table lookups.
        let start = buf.len();
        buf.push_str(text);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&text.to_lowercase());
    }
}

/// Whether `text` lower-cased holds `needle` (lower-cased, not empty).
pub(crate) fn holds(text: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    if text.is_ascii() {
        let (t, n) = (text.as_bytes(), needle.as_bytes());
        return needle.is_ascii() && t.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    let mut lower = String::with_capacity(text.len());
    push_lower(&mut lower, text);
    lower.contains(needle)
}

/// Lower-cases `text`, recording for each byte of the result the byte of `text` it
/// came from (lower-casing can change lengths: 'İ' becomes two characters).
fn lower_with_map(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lower.push(l);
            map.extend(std::iter::repeat_n(i, l.len_utf8()));
        }
    }
    map.push(text.len());
    (lower, map)
}

/// Byte ranges of `text` where `query` occurs, case-insensitively.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = query.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let (lower, map) = lower_with_map(text);
    lower
        .match_indices(&needle)
        .map(|(i, m)| map[i]..map[i + m.len()].max(map[i] + 1).min(text.len()))
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

/// Whether `find_in(text, query)` finds anything, where `needle` is
/// `query.to_lowercase()`: without allocating when the text is ASCII.
pub fn occurs_in(text: &str, query: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    if text.is_ascii() {
        // ASCII lower-cases to ASCII, which holds no other character.
        return needle.is_ascii()
            && text
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
    }
    !find_in(text, query).is_empty()
}

/// The match's byte range in the displayed piece text.
pub fn displayed_range(b: &Briefing, m: Match, query: &str) -> Option<Range<usize>> {
    let piece = pieces(b, SectionIx::at(m.section))
        .into_iter()
        .nth(m.piece)?;
    let (_, map) = lower_with_map(&piece.text);
    let needle = query.to_lowercase();
    let start = *map.get(m.offset)?;
    let end = *map.get(m.offset + needle.len())?;
    Some(start..end.max(start))
}
