//! Finding actors and sections by what a user types on the command line.

use crate::model::{ActorIx, Briefing};

/// An actor by id, or by name, alias or native name (case-insensitive). An unknown
/// name is an error that lists the valid ids.
pub fn actor(b: &Briefing, wanted: &str) -> Result<ActorIx, String> {
    let w = wanted.to_lowercase();
    let found = b.actors.iter().position(|a| a.id == wanted).or_else(|| {
        b.actors.iter().position(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(&a.native_name)
                .any(|n| n.to_lowercase() == w)
        })
    });
    found.map(ActorIx::at).ok_or_else(|| {
        let names = b.actors.iter().enumerate().flat_map(|(i, a)| {
            [&a.id, &a.name]
                .into_iter()
                .chain(&a.aliases)
                .chain(&a.native_name)
                .map(move |n| (i, n.as_str()))
        });
        let hint = did_you_mean(&nearest(&w, names, str::to_lowercase));
        let valid: Vec<String> = b
            .actors
            .iter()
            .map(|a| format!("  {:<28} {}", a.id, a.name))
            .collect();
        format!(
            "unknown actor `{}`{hint}; valid actors (id, name):\n{}",
            crate::load::diag::escape(wanted),
            valid.join("\n")
        )
    })
}

/// A section by id or by its number (1-based), as its index.
pub fn section(b: &Briefing, wanted: &str) -> Result<usize, String> {
    let by_number = wanted
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=b.sections.len()).contains(n))
        .map(|n| n - 1);
    by_number
        .or_else(|| b.sections.iter().position(|s| s.id == wanted))
        .ok_or_else(|| {
            let ids = b.sections.iter().map(|s| s.id.as_str()).enumerate();
            let hint = did_you_mean(&nearest(wanted, ids, str::to_owned));
            let valid: Vec<String> = b
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| format!("  {:>2}  {:<28} {}", i + 1, s.id, s.title))
                .collect();
            format!(
                "unknown section `{}`{hint}; valid sections (number, id, title):\n{}",
                crate::load::diag::escape(wanted),
                valid.join("\n")
            )
        })
}

/// The most suggestions a hint lists.
const MAX_SUGGESTIONS: usize = 3;

/// The candidates close enough to `wanted` to be a typo of it (at most two edits, or a
/// quarter of the candidate's length), nearest first, at most three. A candidate comes
/// with its owner (an actor's id, name and aliases share one): an owner is suggested
/// once, by its nearest name. `norm` is applied to a candidate before comparing
/// (`wanted` comes normalised).
fn nearest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = (usize, &'a str)>,
    norm: impl Fn(&str) -> String,
) -> Vec<&'a str> {
    let len = wanted.chars().count();
    // (distance, owner, name), the best one per owner.
    let mut near: Vec<(usize, usize, &str)> = Vec::new();
    for (owner, c) in candidates {
        let limit = 2.max(c.len() / 4);
        // A length this far off cannot be close: skip it before the quadratic part, so
        // a briefing's megabyte-long name costs nothing here.
        if len.abs_diff(c.chars().count()) > limit {
            continue;
        }
        let d = strsim::levenshtein(wanted, &norm(c));
        if d > limit {
            continue;
        }
        match near.iter_mut().find(|n| n.1 == owner) {
            Some(best) if best.0 <= d => {}
            Some(best) => *best = (d, owner, c),
            None => near.push((d, owner, c)),
        }
    }
    near.sort_by_key(|&(d, owner, _)| (d, owner));
    near.truncate(MAX_SUGGESTIONS);
    near.into_iter().map(|(_, _, c)| c).collect()
}

/// ` (did you mean `a`?)`, ` (did you mean `a`, `b` or `c`?)`, or nothing.
fn did_you_mean(names: &[&str]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("`{}`", crate::load::diag::escape(n)))
        .collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        [init @ .., last] => format!(" (did you mean {} or {last}?)", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_lists_typos_nearest_first_and_nothing_far() {
        let names = ["nato", "natto", "united-kingdom", "nat"];
        let owned = || names.into_iter().enumerate();
        assert_eq!(
            nearest("nato", owned(), str::to_owned),
            ["nato", "natto", "nat"]
        );
        assert_eq!(
            nearest("united-kingdon", owned(), str::to_owned),
            ["united-kingdom"]
        );
        assert!(nearest("atlantis", owned(), str::to_owned).is_empty());
        // One owner, suggested once, by its nearest name.
        let same = [(0, "united-kingdom"), (0, "United Kingdom"), (1, "unity")];
        assert_eq!(
            nearest("united kingdon", same.into_iter(), str::to_lowercase),
            ["United Kingdom"]
        );
    }

    #[test]
    fn hints_read_as_a_list() {
        assert_eq!(did_you_mean(&[]), "");
        assert_eq!(did_you_mean(&["a"]), " (did you mean `a`?)");
        assert_eq!(
            did_you_mean(&["a", "b", "c"]),
            " (did you mean `a`, `b` or `c`?)"
        );
    }
}
