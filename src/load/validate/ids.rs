//! Ids and references: slug checks, registration of each id, and resolution of
//! references with a "did you mean" hint for an unknown one.

use super::{MAX_FIELD_BYTES, Validator};
use crate::load::clean::first_invisible;
use crate::load::diag::LineIndex;
use crate::model::raw::Str;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Edit-distance work (table cells, plus one per id looked at) allowed for "did you
/// mean" hints in one file: far more than any real briefing needs, and a bound on a
/// hostile one with thousands of unknown references to thousands of ids, which would
/// otherwise take minutes.
pub(super) const SUGGESTION_BUDGET: usize = 4_000_000;

/// Ids seen so far of one kind: id → (index, where it was defined).
pub(super) type Registry = HashMap<String, (usize, Range<usize>)>;

impl Validator<'_> {
    /// Ids are slugs: lowercase ASCII letters, digits and '-', starting with a letter or digit.
    pub(super) fn slug(&mut self, s: &Str, what: &str) -> String {
        let id = s.get_ref();
        if self.too_long(s, what) {
            return id.clone();
        }
        if let Some(c) = first_invisible(id) {
            self.invisible(s, what, c);
        } else if id.is_empty() {
            self.error(s.span(), format!("{what} is empty"));
        } else if !is_slug(id) {
            self.error(
                s.span(),
                format!("{what} `{id}` is not a slug: use lowercase letters a-z, digits and '-'"),
            );
        }
        id.clone()
    }

    /// Checks and registers an id; a duplicate names where the first one is.
    pub(super) fn register(&mut self, reg: &mut Registry, s: &Str, kind: &str, ix: usize) {
        // A valid id (almost all) needs no name for its errors.
        let id = if s.get_ref().len() <= MAX_FIELD_BYTES && is_slug(s.get_ref()) {
            s.get_ref().clone()
        } else {
            self.slug(s, &format!("{kind} id"))
        };
        match reg.entry(id) {
            Entry::Occupied(first) => {
                let text = self.text;
                let (line, col) = self
                    .lines
                    .get_or_insert_with(|| LineIndex::new(text))
                    .locate(first.get().1.start);
                let id = first.key();
                self.error(
                    s.span(),
                    format!(
                        "duplicate {kind} id `{id}` (first defined at line {line}, column {col})"
                    ),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert((ix, s.span()));
            }
        }
    }

    /// Resolves a reference, reporting an unknown id with the nearest known one.
    pub(super) fn resolve(&mut self, reg: &Registry, s: &Str, kind: &str) -> Option<usize> {
        if let Some((ix, _)) = reg.get(s.get_ref()) {
            return Some(*ix);
        }
        if self.too_long(s, &format!("{kind} reference")) {
            return None;
        }
        let hint = nearest(s.get_ref(), reg.keys(), &mut self.suggestion_budget).map_or_else(
            || match reg.len() {
                1 => format!(" (1 {kind} defined)"),
                n => format!(" ({n} {kind}s defined)"),
            },
            |n| format!("; did you mean `{n}`?"),
        );
        self.error(s.span(), format!("unknown {kind} `{}`{hint}", s.get_ref()));
        None
    }
}

fn is_slug(id: &str) -> bool {
    id.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The known id closest to `id` by edit distance, if close enough to be a typo.
/// Ids whose length alone rules them out are skipped; the work done is charged to
/// `budget`, and once it runs out there are no more hints (rather than partial ones).
fn nearest<'k>(
    id: &str,
    known: impl Iterator<Item = &'k String>,
    budget: &mut usize,
) -> Option<&'k String> {
    let len = id.chars().count();
    let mut best: Option<(usize, &String)> = None;
    for k in known {
        let klen = k.chars().count();
        let limit = 2.max(k.len() / 4);
        let cost = 1 + if len.abs_diff(klen) > limit {
            0
        } else {
            len * klen
        };
        // Spent is spent: ids come in hash order, so a partly paid search would leave a
        // budget that differs from run to run.
        let Some(rest) = budget.checked_sub(cost) else {
            *budget = 0;
            return None;
        };
        *budget = rest;
        if cost == 1 {
            continue;
        }
        let d = strsim::levenshtein(id, k);
        if d <= limit && best.is_none_or(|b| (d, k) < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(is_slug("north-korea") && is_slug("nis") && is_slug("2024-a"));
        assert!(!is_slug("-x") && !is_slug("UK") && !is_slug("a b") && !is_slug("a_b"));
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let known = ["united-kingdom".to_owned(), "nato".to_owned()];
        let mut budget = SUGGESTION_BUDGET;
        assert_eq!(
            nearest("united-kingdon", known.iter(), &mut budget),
            Some(&known[0])
        );
        assert_eq!(nearest("zzz", known.iter(), &mut budget), None);
        assert_eq!(nearest("united-kingdon", known.iter(), &mut 10), None);
    }
}
