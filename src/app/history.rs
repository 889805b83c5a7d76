//! Stances across time in the Claims view (issue 20), as the reader keeps them: the
//! history of each cell against the earlier briefings of the file's folder (read by
//! the run layer and handed over), and whether the view shows it.

use crate::model::{ActorIx, Briefing, ClaimIx};
use crate::views::history::{self, History, HistoryCell};
use std::fmt::Write as _;

/// Whether the Claims view shows the selected cell's history under the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HistoryShown {
    #[default]
    Hidden,
    Shown,
}

/// The history of this briefing's cells against its folder's earlier briefings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderHistory {
    pub history: History,
    /// Each earlier briefing's file name (escaped), by its index in `Step::briefing`.
    pub names: Vec<String>,
}

/// What the reader knows of stances across time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StanceHistory {
    /// `None` when the briefing was not opened from a folder (the bundled one, stdin).
    pub folder: Option<FolderHistory>,
    pub shown: HistoryShown,
}

/// Rows the history strip takes under the Claims view's page, border included.
pub const STRIP_ROWS: u16 = 5;

impl StanceHistory {
    /// Works out every cell's history of `now` against `earlier` (each with its file
    /// name): pure, the folder was read by the caller.
    pub fn compute(now: &Briefing, earlier: &[(String, &Briefing)]) -> FolderHistory {
        let briefings: Vec<&Briefing> = earlier.iter().map(|(_, b)| *b).collect();
        FolderHistory {
            history: history::history(now, &briefings),
            names: earlier.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    pub fn is_shown(&self) -> bool {
        self.shown == HistoryShown::Shown && self.folder.is_some()
    }

    /// The index of the cell of `claim` and `actor` in the history, if it has one.
    pub fn cell(&self, claim: ClaimIx, actor: ActorIx) -> Option<usize> {
        let f = self.folder.as_ref()?;
        f.history
            .cells
            .iter()
            .position(|c| c.claim == claim && c.actor == actor)
    }

    pub fn get(&self, i: usize) -> Option<&HistoryCell> {
        self.folder.as_ref()?.history.cells.get(i)
    }
}

/// The lines of a cell's history popup (unwrapped): the claim, the actor, then each
/// position oldest first with its date, briefing, stance, detail and quote.
pub fn cell_lines(
    now: &Briefing,
    f: &FolderHistory,
    cell: &HistoryCell,
    ascii: bool,
) -> Vec<String> {
    let claim = now.claim(cell.claim);
    let mut out = vec![
        format!("“{}”", claim.statement),
        format!(
            "{}: {}",
            now.actor(cell.actor).name,
            history::trail(now, cell, ascii)
        ),
        String::new(),
    ];
    for s in &cell.earlier {
        let mut line = format!(
            "{}, {}: {}",
            s.date,
            f.names.get(s.briefing).map_or("?", String::as_str),
            history::label(s.stance, ascii)
        );
        if s.claim_id != claim.id {
            let _ = write!(line, " (as `{}`)", s.claim_id);
        }
        if let Some(d) = &s.detail {
            let _ = write!(line, ": {d}");
        }
        out.push(line);
        if let Some(q) = &s.quote {
            out.push(format!("  “{q}”"));
        }
    }
    if let Some(pi) = cell.position {
        let p = &claim.positions[pi];
        let date = now
            .meta
            .published
            .map_or_else(String::new, |d| format!("{d}, "));
        let mut line = format!("{date}this briefing: {}", history::label(p.stance, ascii));
        if let Some(d) = &p.detail {
            let _ = write!(line, ": {d}");
        }
        out.push(line);
        if let Some(q) = p.quote {
            out.push(format!("  “{}”", now.quote(q).text));
        }
    } else {
        out.push("this briefing: no position".to_owned());
    }
    out
}
