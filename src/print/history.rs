//! `brief print --view claims --history DIR`: each cell of the Claims view with the
//! same actor's stances on the same claim in the earlier briefings of DIR (see
//! `crate::views::history`), as text, Markdown or JSON. The actor filter applies.

use super::{Format, Selection};
use crate::model::{Briefing, Stance};
use crate::views::history::{self, History, HistoryCell};
use serde::Serialize;
use std::fmt::Write as _;

/// One earlier briefing as the output names it: its file name (escaped) and date.
#[derive(Debug, Clone)]
pub struct Named<'a> {
    pub name: String,
    pub briefing: &'a Briefing,
}

/// The history of `now`'s claims against `earlier` in `format`; `ascii` draws stance
/// glyphs and arrows in ASCII.
pub fn render(
    now: &Briefing,
    sel: &Selection,
    earlier: &[Named<'_>],
    format: Format,
    ascii: bool,
) -> String {
    let briefings: Vec<&Briefing> = earlier.iter().map(|e| e.briefing).collect();
    let h = history::history(now, &briefings);
    let shown = |c: &&HistoryCell| !sel.filter.is_active() || sel.filter.selects[c.actor.get()];
    match format {
        Format::Text => text(now, &h, earlier, ascii, &shown),
        Format::Markdown => markdown(now, &h, earlier, ascii, &shown),
        Format::Json => json(now, &h, earlier, &shown),
    }
}

/// One line of a cell's list: each earlier position, then the one now.
struct Row {
    date: Option<String>,
    /// The file, or `this briefing`; with the claim's id there when it differs.
    place: String,
    stance: Stance,
    detail: Option<String>,
    quote: Option<String>,
}

fn rows(now: &Briefing, cell: &HistoryCell, earlier: &[Named<'_>]) -> Vec<Row> {
    let claim = now.claim(cell.claim);
    let mut out: Vec<Row> = cell
        .earlier
        .iter()
        .map(|s| {
            let mut place = earlier[s.briefing].name.clone();
            if s.claim_id != claim.id {
                let _ = write!(place, " (as `{}`)", s.claim_id);
            }
            Row {
                date: Some(s.date.to_string()),
                place,
                stance: s.stance,
                detail: s.detail.clone(),
                quote: s.quote.clone(),
            }
        })
        .collect();
    if let Some(pi) = cell.position {
        let p = &claim.positions[pi];
        out.push(Row {
            date: now.meta.published.map(|d| d.to_string()),
            place: "this briefing".to_owned(),
            stance: p.stance,
            detail: p.detail.clone(),
            quote: p.quote.map(|q| now.quote(q).text.clone()),
        });
    }
    out
}

/// What the heading says about the briefings compared.
fn compared(now: &Briefing, h: &History, earlier: &[Named<'_>]) -> String {
    if now.meta.published.is_none() {
        return "This briefing has no date, so no briefing is known to be earlier.".to_owned();
    }
    if h.used.is_empty() {
        return "No earlier briefing in the folder.".to_owned();
    }
    let list: Vec<String> = h
        .used
        .iter()
        .map(|&i| {
            let date = earlier[i]
                .briefing
                .meta
                .published
                .map(|d| d.to_string())
                .unwrap_or_default();
            format!("{} ({date})", earlier[i].name)
        })
        .collect();
    format!("Earlier briefings: {}.", list.join(", "))
}

fn row_text(r: &Row, ascii: bool) -> String {
    let mut line = r
        .date
        .as_ref()
        .map_or_else(String::new, |d| format!("{d}, "));
    let _ = write!(line, "{}: {}", r.place, history::label(r.stance, ascii));
    if let Some(d) = &r.detail {
        let _ = write!(line, ": {d}");
    }
    if let Some(q) = &r.quote {
        let _ = write!(line, ": “{q}”");
    }
    line
}

fn title(now: &Briefing) -> String {
    match now.meta.published {
        Some(d) => format!("Claims across time: {} ({d})", now.meta.title),
        None => format!("Claims across time: {}", now.meta.title),
    }
}

fn text(
    now: &Briefing,
    h: &History,
    earlier: &[Named<'_>],
    ascii: bool,
    shown: &dyn Fn(&&HistoryCell) -> bool,
) -> String {
    let mut out = format!("{}\n{}\n", title(now), compared(now, h, earlier));
    for (ci, claim) in now.claims.iter().enumerate() {
        let cells: Vec<&HistoryCell> = h
            .cells
            .iter()
            .filter(|c| c.claim.get() == ci)
            .filter(shown)
            .collect();
        if cells.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{} ({})\n", claim.statement, claim.id);
        for cell in cells {
            let _ = writeln!(
                out,
                "  {}: {}",
                now.actor(cell.actor).name,
                history::trail(now, cell, ascii)
            );
            for r in rows(now, cell, earlier) {
                let _ = writeln!(out, "    {}", row_text(&r, ascii));
            }
        }
    }
    out
}

fn markdown(
    now: &Briefing,
    h: &History,
    earlier: &[Named<'_>],
    ascii: bool,
    shown: &dyn Fn(&&HistoryCell) -> bool,
) -> String {
    use crate::diff::md;
    let mut out = format!(
        "# {}\n\n{}\n",
        md(&title(now)),
        md(&compared(now, h, earlier))
    );
    for (ci, claim) in now.claims.iter().enumerate() {
        let cells: Vec<&HistoryCell> = h
            .cells
            .iter()
            .filter(|c| c.claim.get() == ci)
            .filter(shown)
            .collect();
        if cells.is_empty() {
            continue;
        }
        // Claim ids are slugs: no backtick can end the code span.
        let _ = write!(out, "\n## {} (`{}`)\n\n", md(&claim.statement), claim.id);
        for cell in cells {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                md(&now.actor(cell.actor).name),
                md(&history::trail(now, cell, ascii))
            );
            for r in rows(now, cell, earlier) {
                let _ = writeln!(out, "  - {}", md(&row_text(&r, ascii)));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonOut<'a> {
    title: &'a str,
    date: Option<String>,
    /// The earlier briefings compared with, oldest first.
    earlier: Vec<JsonBriefing>,
    /// Briefings of the folder left out for having no date.
    undated: Vec<String>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonBriefing {
    file: String,
    date: Option<String>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    statement: &'a str,
    cells: Vec<JsonCell<'a>>,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    actor: &'a str,
    name: &'a str,
    /// Oldest first, the position now last (when there is one).
    positions: Vec<JsonPosition>,
}

#[derive(Serialize)]
struct JsonPosition {
    /// The file, or null for this briefing.
    file: Option<String>,
    date: Option<String>,
    claim: String,
    stance: &'static str,
    detail: Option<String>,
    quote: Option<String>,
}

fn stance_name(s: Stance) -> &'static str {
    match s {
        Stance::Asserts => "asserts",
        Stance::Likely => "likely",
        Stance::Undecided => "undecided",
        Stance::Denies => "denies",
    }
}

fn json(
    now: &Briefing,
    h: &History,
    earlier: &[Named<'_>],
    shown: &dyn Fn(&&HistoryCell) -> bool,
) -> String {
    let claims = now
        .claims
        .iter()
        .enumerate()
        .map(|(ci, claim)| JsonClaim {
            id: &claim.id,
            statement: &claim.statement,
            cells: h
                .cells
                .iter()
                .filter(|c| c.claim.get() == ci)
                .filter(shown)
                .map(|cell| {
                    let mut positions: Vec<JsonPosition> = cell
                        .earlier
                        .iter()
                        .map(|s| JsonPosition {
                            file: Some(earlier[s.briefing].name.clone()),
                            date: Some(s.date.iso()),
                            claim: s.claim_id.clone(),
                            stance: stance_name(s.stance),
                            detail: s.detail.clone(),
                            quote: s.quote.clone(),
                        })
                        .collect();
                    if let Some(pi) = cell.position {
                        let p = &claim.positions[pi];
                        positions.push(JsonPosition {
                            file: None,
                            date: now.meta.published.map(|d| d.iso()),
                            claim: claim.id.clone(),
                            stance: stance_name(p.stance),
                            detail: p.detail.clone(),
                            quote: p.quote.map(|q| now.quote(q).text.clone()),
                        });
                    }
                    let actor = now.actor(cell.actor);
                    JsonCell {
                        actor: &actor.id,
                        name: &actor.name,
                        positions,
                    }
                })
                .collect(),
        })
        .collect();
    let out = JsonOut {
        title: &now.meta.title,
        date: now.meta.published.map(|d| d.iso()),
        earlier: h
            .used
            .iter()
            .map(|&i| JsonBriefing {
                file: earlier[i].name.clone(),
                date: earlier[i].briefing.meta.published.map(|d| d.iso()),
            })
            .collect(),
        undated: h.undated.iter().map(|&i| earlier[i].name.clone()).collect(),
        claims,
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}
