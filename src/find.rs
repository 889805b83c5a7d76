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
        let valid: Vec<String> = b
            .actors
            .iter()
            .map(|a| format!("  {:<28} {}", a.id, a.name))
            .collect();
        format!(
            "unknown actor `{}`; valid actors (id, name):\n{}",
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
            let valid: Vec<String> = b
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| format!("  {:>2}  {:<28} {}", i + 1, s.id, s.title))
                .collect();
            format!(
                "unknown section `{}`; valid sections (number, id, title):\n{}",
                crate::load::diag::escape(wanted),
                valid.join("\n")
            )
        })
}
