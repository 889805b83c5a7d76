//! Stances across time (issue 20): for each claim and actor of a briefing, the same
//! actor's stances on the same claim in the earlier briefings of a folder, oldest
//! first. `history` is a pure function of briefings; `read_folder` is the I/O.
//!
//! A claim is the same claim when its id is the same, or when the later one's
//! `same-as` names the earlier one's id (followed back through each briefing, so a
//! claim renamed twice keeps its whole history). An actor is the same actor when its
//! id is the same, else when a name or alias of one is a name or alias of the other.

use crate::model::{ActorIx, Briefing, ClaimIx, PartialDate, Stance};
use crate::views::analysis::{stance_glyph, stance_label};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One earlier stance of an actor on a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Which earlier briefing: its index in the slice given to `history`.
    pub briefing: usize,
    /// That briefing's date.
    pub date: PartialDate,
    /// The claim's id there (another one when the claim was renamed).
    pub claim_id: String,
    pub stance: Stance,
    pub detail: Option<String>,
    /// The words of the quote the position cites there, if it cites one.
    pub quote: Option<String>,
}

/// The history of one cell of the Claims view: a claim of this briefing and an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryCell {
    pub claim: ClaimIx,
    pub actor: ActorIx,
    /// The actor's position on the claim in this briefing (an index in the claim's
    /// `positions`); `None` when only earlier briefings have one.
    pub position: Option<usize>,
    /// Earlier stances, oldest first.
    pub earlier: Vec<Step>,
}

/// Every cell's history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    /// By claim in file order; within a claim, the actors with a position now in
    /// position order, then the actors with only earlier ones in actor order.
    pub cells: Vec<HistoryCell>,
    /// The earlier briefings compared with, as indices in the slice given, oldest
    /// first.
    pub used: Vec<usize>,
    /// Earlier briefings left out for having no date.
    pub undated: Vec<usize>,
}

/// The history of every cell of `now` against `earlier` (the other briefings of its
/// folder, in any order).
///
/// "Earlier" is by the briefings' `published` dates: only a briefing dated strictly
/// before `now` counts. One dated the same day is not earlier (it is a revision, which
/// `brief diff` compares); one with no date cannot be placed and is left out (listed in
/// `undated`); when `now` itself has no date nothing is known to be earlier, so every
/// cell has an empty history. A coarse date sorts before the finer dates inside it
/// (`2025-01` before `2025-01-05`), as everywhere in brief. Briefings of the same date
/// keep the order given (`read_folder` gives file-name order).
pub fn history(now: &Briefing, earlier: &[&Briefing]) -> History {
    let mut out = History::default();
    let date = now.meta.published;
    let mut used: Vec<usize> = Vec::new();
    for (i, b) in earlier.iter().enumerate() {
        match (b.meta.published, date) {
            (None, _) => out.undated.push(i),
            (Some(d), Some(now_date)) if d < now_date => used.push(i),
            _ => {}
        }
    }
    // Stable: equal dates keep the order given.
    used.sort_by_key(|&i| earlier[i].meta.published);
    out.used.clone_from(&used);
    for (ci, claim) in now.claims.iter().enumerate() {
        // Each earlier briefing's matching claims, newest briefing first, so that a
        // `same-as` met on the way back names the ids to look for further back.
        let mut ids: HashSet<&str> = std::iter::once(claim.id.as_str())
            .chain(claim.same_as.iter().map(String::as_str))
            .collect();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for &i in used.iter().rev() {
            let here: Vec<usize> = (0..earlier[i].claims.len())
                .filter(|&c| ids.contains(earlier[i].claims[c].id.as_str()))
                .collect();
            for &c in &here {
                ids.extend(earlier[i].claims[c].same_as.iter().map(String::as_str));
                found.push((i, c));
            }
        }
        found.reverse();
        // Actors: those with a position now, then those with only earlier ones.
        let mut actors: Vec<(ActorIx, Option<usize>)> = Vec::new();
        for (pi, p) in claim.positions.iter().enumerate() {
            if !actors.iter().any(|(a, _)| *a == p.actor) {
                actors.push((p.actor, Some(pi)));
            }
        }
        for ai in 0..now.actors.len() {
            let a = ActorIx::at(ai);
            if actors.iter().any(|(x, _)| *x == a) {
                continue;
            }
            let took_one = found.iter().any(|&(i, c)| {
                let b = earlier[i];
                b.claims[c]
                    .positions
                    .iter()
                    .any(|p| same_actor(now, a, b, p.actor))
            });
            if took_one {
                actors.push((a, None));
            }
        }
        for (a, position) in actors {
            let mut steps = Vec::new();
            for &(i, c) in &found {
                let b = earlier[i];
                // Every briefing in `used` has a date.
                let Some(date) = b.meta.published else {
                    continue;
                };
                let there = &b.claims[c];
                for p in there
                    .positions
                    .iter()
                    .filter(|p| same_actor(now, a, b, p.actor))
                {
                    steps.push(Step {
                        briefing: i,
                        date,
                        claim_id: there.id.clone(),
                        stance: p.stance,
                        detail: p.detail.clone(),
                        quote: p.quote.map(|q| b.quote(q).text.clone()),
                    });
                }
            }
            out.cells.push(HistoryCell {
                claim: ClaimIx::at(ci),
                actor: a,
                position,
                earlier: steps,
            });
        }
    }
    out
}

/// Whether actor `a` of `now` is actor `x` of `then`: the same id, else a name or alias
/// in common (ignoring case). An id match elsewhere in `then` wins over a name match.
fn same_actor(now: &Briefing, a: ActorIx, then: &Briefing, x: ActorIx) -> bool {
    let (mine, theirs) = (now.actor(a), then.actor(x));
    if mine.id == theirs.id {
        return true;
    }
    if then.actors.iter().any(|t| t.id == mine.id) {
        return false;
    }
    let names = |actor: &crate::model::Actor| -> Vec<String> {
        std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .map(|n| n.to_lowercase())
            .collect()
    };
    let theirs = names(theirs);
    names(mine).iter().any(|n| theirs.contains(n))
}

/// A stance's glyph, or its ASCII form (`+ ~ ? x`, as `--ascii` draws them).
pub fn glyph(s: Stance, ascii: bool) -> String {
    let g = stance_glyph(s);
    if ascii {
        g.chars()
            .map(|c| crate::ascii::fold(c).unwrap_or('?'))
            .collect()
    } else {
        g.to_owned()
    }
}

/// The compact history of a cell: each earlier stance with its briefing's date, then
/// the stance now with this briefing's date (`·` when it takes none now):
/// `? 10 Jan 2025 → ~ 11 Jan 2025 → ✔ 12 Jan 2025`. `ascii` gives `+ ~ ? x` and `->`.
pub fn trail(now: &Briefing, cell: &HistoryCell, ascii: bool) -> String {
    let arrow = if ascii { " -> " } else { " → " };
    let dated = |g: String, d: Option<PartialDate>| match d {
        Some(d) => format!("{g} {d}"),
        None => g,
    };
    let mut parts: Vec<String> = cell
        .earlier
        .iter()
        .map(|s| dated(glyph(s.stance, ascii), Some(s.date)))
        .collect();
    let current = cell.position.map_or_else(
        || {
            if ascii {
                ".".to_owned()
            } else {
                "·".to_owned()
            }
        },
        |pi| glyph(now.claim(cell.claim).positions[pi].stance, ascii),
    );
    parts.push(dated(current, now.meta.published));
    parts.join(arrow)
}

/// A stance as the history lists it: `✘ denies`, or `x denies` in ASCII.
pub fn label(s: Stance, ascii: bool) -> String {
    if ascii {
        format!(
            "{}{}",
            glyph(s, true),
            &stance_label(s)[stance_glyph(s).len()..]
        )
    } else {
        stance_label(s).to_owned()
    }
}

/// One briefing of a folder, for `history`.
#[derive(Debug)]
pub struct Earlier {
    /// Its path, as found in the folder.
    pub path: PathBuf,
    pub briefing: Briefing,
}

/// The briefings of `dir` (each `*.toml` in it, by file name), but for the file `this`.
/// A file that does not load is skipped with a warning (its first located error); a
/// folder that cannot be read is an error.
pub fn read_folder(dir: &Path, this: Option<&Path>) -> Result<(Vec<Earlier>, Vec<String>), String> {
    let shown = |p: &Path| crate::load::diag::escape(&p.display().to_string());
    let entries = std::fs::read_dir(dir).map_err(|e| {
        let why = e.to_string();
        let why = why.split(" (os error").next().unwrap_or(&why).to_owned();
        format!("cannot read the folder {}: {why}", shown(dir))
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .collect();
    paths.sort();
    let this = this.and_then(|p| p.canonicalize().ok());
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if this.is_some() && path.canonicalize().ok() == this {
            continue;
        }
        match crate::load::load_path(&path) {
            Ok(l) => out.push(Earlier {
                path,
                briefing: l.briefing,
            }),
            Err(report) => {
                let rendered = report.render();
                let first = rendered.lines().next().unwrap_or("does not load");
                warnings.push(format!("skipped, does not load: {first}"));
            }
        }
    }
    Ok((out, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Briefing {
        crate::load::load_str("t.toml", text)
            .unwrap_or_else(|r| panic!("{}", r.render()))
            .briefing
    }

    fn briefing(date: Option<&str>, claim: &str, same_as: &str, stance: &str) -> Briefing {
        let date = date
            .map(|d| format!("published = {d}\n"))
            .unwrap_or_default();
        load(&format!(
            "format = 1\n[briefing]\ntitle = \"T\"\n{date}\n[[actors]]\nid = \"rf\"\nname = \"Russia\"\nkind = \"state\"\n\n[[claims]]\nid = \"{claim}\"\nsame-as = [{same_as}]\nstatement = \"S\"\n\n[[claims.positions]]\nactor = \"rf\"\nstance = \"{stance}\"\n"
        ))
    }

    #[test]
    fn earlier_stances_come_oldest_first_through_a_renamed_claim() {
        let now = briefing(Some("2025-01-12"), "sent", "\"troops-sent\"", "asserts");
        let mid = briefing(Some("2025-01-11"), "troops-sent", "\"troops\"", "likely");
        let first = briefing(Some("2025-01-10"), "troops", "", "undecided");
        let same_day = briefing(Some("2025-01-12"), "sent", "", "denies");
        let undated = briefing(None, "sent", "", "denies");
        let h = history(&now, &[&mid, &same_day, &undated, &first]);
        assert_eq!(h.used, [3, 0]);
        assert_eq!(h.undated, [2]);
        assert_eq!(h.cells.len(), 1);
        assert_eq!(
            trail(&now, &h.cells[0], false),
            "? 10 Jan 2025 → ~ 11 Jan 2025 → ✔ 12 Jan 2025"
        );
        assert_eq!(
            trail(&now, &h.cells[0], true),
            "? 10 Jan 2025 -> ~ 11 Jan 2025 -> + 12 Jan 2025"
        );
        let ids: Vec<&str> = h.cells[0]
            .earlier
            .iter()
            .map(|s| s.claim_id.as_str())
            .collect();
        assert_eq!(ids, ["troops", "troops-sent"]);
    }

    #[test]
    fn an_undated_briefing_has_no_earlier_ones() {
        let now = briefing(None, "sent", "", "asserts");
        let before = briefing(Some("2025-01-10"), "sent", "", "denies");
        let h = history(&now, &[&before]);
        assert!(h.used.is_empty());
        assert!(h.cells[0].earlier.is_empty());
        assert_eq!(trail(&now, &h.cells[0], false), "✔");
    }

    #[test]
    fn an_actor_is_matched_by_name_when_its_id_changed() {
        let now = briefing(Some("2025-01-12"), "sent", "", "asserts");
        let before = load(
            "format = 1\n[briefing]\ntitle = \"T\"\npublished = 2025-01-10\n[[actors]]\nid = \"russia\"\nname = \"RUSSIA\"\nkind = \"state\"\n[[claims]]\nid = \"sent\"\nstatement = \"S\"\n[[claims.positions]]\nactor = \"russia\"\nstance = \"denies\"\n",
        );
        let h = history(&now, &[&before]);
        assert_eq!(
            trail(&now, &h.cells[0], false),
            "✘ 10 Jan 2025 → ✔ 12 Jan 2025"
        );
        assert_eq!(label(Stance::Denies, true), "x denies");
    }
}
