//! What the analyst views compute from a briefing: stance counts and contested claims,
//! figure groups and their conflicts, the merged timeline. Pure functions, no UI.

use crate::model::{ActorIx, Briefing, Claim, PartialDate, QuoteIx, Stance};
use std::collections::{HashMap, hash_map};

/// How a stance is shown: a glyph and a word, never colour alone.
pub fn stance_label(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "✔ asserts",
        Stance::Likely => "~ likely",
        Stance::Undecided => "? undecided",
        Stance::Denies => "✘ denies",
    }
}

/// The glyph of a stance alone, for counts ("2 ✔ 1 ✘").
pub fn stance_glyph(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "✔",
        Stance::Likely => "~",
        Stance::Undecided => "?",
        Stance::Denies => "✘",
    }
}

/// How a quote's detail names what a position does with its claim: "✘ Denies".
pub fn stance_heading(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "✔ Asserts",
        Stance::Likely => "~ Likely",
        Stance::Undecided => "? Undecided",
        Stance::Denies => "✘ Denies",
    }
}

pub const STANCES: [Stance; 4] = [
    Stance::Asserts,
    Stance::Likely,
    Stance::Undecided,
    Stance::Denies,
];

/// Positions per stance, in `STANCES` order, counting only actors `include` accepts.
pub fn stance_counts(claim: &Claim, include: impl Fn(ActorIx) -> bool) -> [usize; 4] {
    let mut counts = [0; 4];
    for p in claim.positions.iter().filter(|p| include(p.actor)) {
        counts[STANCES.iter().position(|&s| s == p.stance).unwrap_or(0)] += 1;
    }
    counts
}

/// "3 ✔ 1 ~ 1 ? 2 ✘", zero counts left out.
pub fn counts_label(counts: [usize; 4]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .zip(STANCES.map(stance_glyph))
        .filter(|(n, _)| **n > 0)
        .map(|(n, g)| format!("{n} {g}"))
        .collect();
    parts.join(" ")
}

/// A claim is contested when someone asserts it and someone denies it.
pub fn is_contested(claim: &Claim) -> bool {
    claim.positions.iter().any(|p| p.stance == Stance::Asserts)
        && claim.positions.iter().any(|p| p.stance == Stance::Denies)
}

/// The top of an actor's affiliation chain: the state or organisation it belongs to.
pub fn top_level(b: &Briefing, a: ActorIx) -> ActorIx {
    b.chain(a).last().unwrap_or(a)
}

/// Figures that measure the same thing, sorted by number (figures without one last).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureGroup {
    pub measure: String,
    pub figures: Vec<usize>,
    /// More than one distinct value is given.
    pub conflict: bool,
}

/// Groups figures by measure (case-insensitive), in order of first appearance.
pub fn figure_groups(b: &Briefing) -> Vec<MeasureGroup> {
    let mut groups: Vec<MeasureGroup> = Vec::new();
    // Lower-cased measure → its group: one lookup per figure, not a scan of the groups.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, f) in b.figures.iter().enumerate() {
        match by_key.entry(f.measure.to_lowercase()) {
            hash_map::Entry::Occupied(g) => groups[*g.get()].figures.push(i),
            hash_map::Entry::Vacant(slot) => {
                slot.insert(groups.len());
                groups.push(MeasureGroup {
                    measure: f.measure.clone(),
                    figures: vec![i],
                    conflict: false,
                });
            }
        }
    }
    for g in &mut groups {
        g.figures.sort_by(|&x, &y| {
            let (a, b) = (b.figures[x].number, b.figures[y].number);
            match (a, b) {
                (Some(a), Some(b)) => a.total_cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        let mut values: Vec<String> = g
            .figures
            .iter()
            .map(|&i| b.figures[i].value.to_lowercase())
            .collect();
        values.sort();
        values.dedup();
        g.conflict = values.len() > 1;
    }
    groups
}

/// Who gives a figure and when: `["National Intelligence Service", "Oct 2024"]`.
pub fn figure_source(b: &Briefing, figure: usize) -> Vec<String> {
    let f = &b.figures[figure];
    f.actor
        .map(|a| b.actor(a).name.clone())
        .into_iter()
        .chain(f.date.map(|d| d.to_string()))
        .collect()
}

/// "1,500 (National Intelligence Service, Oct 2024) vs 10,000 (Volodymyr Zelenskyy)"
pub fn conflict_summary(b: &Briefing, g: &MeasureGroup) -> String {
    let parts: Vec<String> = g
        .figures
        .iter()
        .map(|&i| {
            let f = &b.figures[i];
            let who = figure_source(b, i);
            if who.is_empty() {
                f.value.clone()
            } else {
                format!("{} ({})", f.value, who.join(", "))
            }
        })
        .collect();
    parts.join(" vs ")
}

/// One row of the timeline: an event of the `[[timeline]]` table or a dated quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineEntry {
    Event(usize),
    Quote(QuoteIx),
}

/// Events and dated quotes in date order; coarse dates before finer ones inside them
/// ("2024-10" before "2024-10-22"), ties in file order, events before quotes.
pub fn timeline(b: &Briefing) -> Vec<(PartialDate, TimelineEntry)> {
    // One integer per row, ordered as (date, events first, file order), sorted
    // unstably: several times faster than a stable sort comparing dates, and the same
    // order, since no two keys are equal.
    let key = |d: PartialDate, kind: u128, i: usize| {
        let part = |p: Option<u8>| p.map_or(0, |p| u128::from(p) + 1);
        (u128::from(d.year) << 96)
            | (part(d.month) << 80)
            | (part(d.day) << 64)
            | (kind << 63)
            | i as u128
    };
    let mut keys: Vec<u128> = b
        .timeline
        .iter()
        .enumerate()
        .map(|(i, e)| key(e.date, 0, i))
        .collect();
    keys.extend(
        b.quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.said.map(|d| key(d, 1, i))),
    );
    keys.sort_unstable();
    let part = |v: u128| u8::try_from(v & 0xFFFF).ok().and_then(|v| v.checked_sub(1));
    keys.into_iter()
        .map(|k| {
            let date = PartialDate {
                year: u16::try_from(k >> 96).unwrap_or(u16::MAX),
                month: part(k >> 80),
                day: part(k >> 64),
            };
            let i = usize::try_from(k & u128::from(u64::MAX >> 1)).unwrap_or(usize::MAX);
            let entry = if k >> 63 & 1 == 0 {
                TimelineEntry::Event(i)
            } else {
                TimelineEntry::Quote(QuoteIx::at(i))
            };
            (date, entry)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing() -> Briefing {
        crate::load::bundled().unwrap().briefing
    }

    #[test]
    fn the_troop_claim_is_contested_with_counts() {
        let b = briefing();
        let troops = b
            .claims
            .iter()
            .find(|c| c.id == "north-korean-troops-in-russia")
            .unwrap();
        assert!(is_contested(troops));
        assert_eq!(stance_counts(troops, |_| true), [2, 3, 1, 2]);
        assert_eq!(counts_label([2, 3, 1, 2]), "2 ✔ 3 ~ 1 ? 2 ✘");
        let desperate = b
            .claims
            .iter()
            .find(|c| c.id == "kremlin-is-desperate")
            .unwrap();
        assert!(!is_contested(desperate));
    }

    /// Three counts of one measure from three actors (not the bundled briefing's: its
    /// figures measure different things, and none of its measures conflict).
    const TROOP_FIGURES: &str = r#"
format = 1
[briefing]
title = "Figures"
[[actors]]
id = "agency"
name = "Spy agency"
kind = "organisation"
[[actors]]
id = "president"
name = "Volodymyr Zelenskyy"
kind = "person"
[[actors]]
id = "us"
name = "United States"
kind = "state"
[[figures]]
measure = "Troops sent"
value = "thousands"
actor = "us"
[[figures]]
measure = "Troops sent"
value = "10,000"
number = 10000
actor = "president"
[[figures]]
measure = "Troops sent"
value = "1,500"
number = 1500
actor = "agency"
date = "2024-10"
"#;

    #[test]
    fn the_bundled_figures_measure_different_things() {
        let b = briefing();
        assert!(figure_groups(&b).iter().all(|g| !g.conflict));
    }

    #[test]
    fn troop_figures_conflict_and_sort_by_number() {
        let b = crate::load::load_str("figures.toml", TROOP_FIGURES)
            .unwrap()
            .briefing;
        let groups = figure_groups(&b);
        let troops = groups.iter().find(|g| g.figures.len() > 1).unwrap();
        assert!(troops.conflict);
        let values: Vec<&str> = troops
            .figures
            .iter()
            .map(|&i| b.figures[i].value.as_str())
            .collect();
        assert_eq!(values, ["1,500", "10,000", "thousands"]);
        let summary = conflict_summary(&b, troops);
        assert!(
            summary.starts_with("1,500 (Spy agency, Oct 2024) vs 10,000 (Volodymyr Zelenskyy"),
            "{summary}"
        );
    }

    #[test]
    fn timeline_is_a_stable_sort_by_date_events_first() {
        let b = briefing();
        let mut want: Vec<(PartialDate, TimelineEntry)> = b
            .timeline
            .iter()
            .enumerate()
            .map(|(i, e)| (e.date, TimelineEntry::Event(i)))
            .collect();
        want.extend(
            b.quotes
                .iter()
                .enumerate()
                .filter_map(|(i, q)| q.said.map(|d| (d, TimelineEntry::Quote(QuoteIx::at(i))))),
        );
        want.sort_by_key(|(d, _)| *d);
        assert_eq!(timeline(&b), want);
    }

    #[test]
    fn timeline_orders_partial_dates_coarse_first() {
        let b = briefing();
        let dates: Vec<String> = timeline(&b).iter().map(|(d, _)| d.iso()).collect();
        let mut sorted = dates.clone();
        sorted.sort_by_key(|d| PartialDate::parse(d).unwrap());
        assert_eq!(dates, sorted);
        let first_month = dates.iter().position(|d| d == "2024-10").unwrap();
        let first_day = dates.iter().position(|d| d == "2024-10-22").unwrap();
        assert!(first_month < first_day);
        assert!(
            timeline(&b)
                .iter()
                .any(|(_, e)| matches!(e, TimelineEntry::Quote(_))),
            "dated quotes appear"
        );
    }
}
