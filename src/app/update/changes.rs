//! Issue 20's keys: the change list (`D`) and going to a change, the new-or-changed
//! marks cleared as quotes are seen, and the Claims view's stances across time.

use super::popups::jump_to;
use super::{moved, movement, select_section};
use crate::app::action::Action;
use crate::app::changes::Goto;
use crate::app::history::HistoryShown;
use crate::app::state::{App, Mode};
use crate::layout::Pane;
use crate::views::pages::{PageBlock, Target, View};

/// The change list: move, Enter goes to the change, Esc closes.
pub(super) fn list(app: &mut App, action: Action) {
    let rows = app.help_rows();
    let len = app.changes.len();
    let Mode::Changes(list) = &mut app.mode else {
        return;
    };
    if let Some(m) = movement(action, rows) {
        list.selected = moved(list.selected, len, &m);
        return;
    }
    match action {
        // `D` opened the list and closes it.
        Action::Close | Action::Changes => app.mode = Mode::Panes,
        Action::Open => {
            let at = list.selected;
            let Some(row) = app.changes.rows.as_ref().and_then(|r| r.get(at)) else {
                return;
            };
            let goto = row.goto;
            if goto == Goto::Gone {
                app.notice = Some("gone: the reload removed it from the briefing".to_owned());
                return;
            }
            app.mode = Mode::Panes;
            go(app, goto);
        }
        _ => {}
    }
}

/// Shows where a change is: a quote in the Reader (and Quotes), a stance's cell in the
/// Claims view, a figure in the Figures view...
fn go(app: &mut App, goto: Goto) {
    match goto {
        Goto::Quote(q) => {
            app.view = View::Briefing;
            jump_to(app, q);
        }
        Goto::Section(s) => {
            app.view = View::Briefing;
            select_section(app, s.get());
            app.focus = Pane::Reader;
        }
        Goto::Stance(c, a) => {
            let top = crate::views::analysis::top_level(&app.briefing, a);
            let b: Vec<_> = app
                .briefing
                .claim(c)
                .positions
                .iter()
                .map(|p| p.actor)
                .collect();
            select_item(app, View::Claims, |t| match t {
                Target::Position(c2, p) => c2 == c && b.get(p) == Some(&a),
                Target::Cell(c2, col) => c2 == c && (col == a || col == top),
                _ => false,
            });
        }
        Goto::Claim(c) => select_item(
            app,
            View::Claims,
            |t| matches!(t, Target::Position(c2, _) | Target::Cell(c2, _) if c2 == c),
        ),
        Goto::Figure(i) => {
            app.view = View::Figures;
            app.sync();
            let found = app.page().and_then(|p| {
                let s = p.structure();
                let block = s.blocks.iter().position(|b| *b == PageBlock::Figure(i))?;
                s.item_start.get(block).copied()
            });
            match (found, app.view.page_index()) {
                (Some(k), Some(pi)) => app.pages[pi].selected = k,
                _ => app.notice = Some(hidden()),
            }
        }
        Goto::Event => app.view = View::Timeline,
        Goto::Actor => app.view = View::Actors,
        Goto::Gone => {}
    }
}

fn hidden() -> String {
    "not shown: the actor filter hides it (c clears it)".to_owned()
}

/// Switches to `view` and selects its first item that `want` accepts.
fn select_item(app: &mut App, view: View, want: impl Fn(Target) -> bool) {
    app.view = view;
    app.sync();
    let Some(pi) = view.page_index() else { return };
    match app.pages[pi].targets().iter().position(|&t| want(t)) {
        Some(k) => app.pages[pi].selected = k,
        None => app.notice = Some(hidden()),
    }
}

/// Clears the new-or-changed mark of what the reader has seen: a quote opened in
/// detail, or the current quote (selected in Quotes with Quotes focused, under the
/// Reader's marker with the Reader focused). Run after every key but a resize.
pub(super) fn see(app: &mut App) {
    let seen = match &app.mode {
        Mode::Detail(d) | Mode::Source(_, d) => Some(d.quote),
        Mode::Panes if app.view == View::Briefing => app.current_quote(),
        _ => None,
    };
    if let Some(q) = seen {
        app.changes.see(q);
    }
}

/// `H` in the Claims view: show or hide the selected cell's history.
pub(super) fn toggle_history(app: &mut App) {
    if app.view != View::Claims {
        app.notice = Some("stances across time show in the Claims view (2)".to_owned());
        return;
    }
    if app.stances.folder.is_none() {
        app.notice =
            Some("no history: the briefing was not opened from a file in a folder".to_owned());
        return;
    }
    app.stances.shown = match app.stances.shown {
        HistoryShown::Hidden => HistoryShown::Shown,
        HistoryShown::Shown => HistoryShown::Hidden,
    };
}

/// Enter in the Claims view with the history shown, on a cell with earlier stances:
/// lists them (whether it did).
pub(super) fn open_history(app: &mut App) -> bool {
    if !app.stances.is_shown() {
        return false;
    }
    let Some((c, a)) = app.selected_cell() else {
        return false;
    };
    let Some(cell) = app.stances.cell(c, a) else {
        return false;
    };
    if app.stances.get(cell).is_none_or(|h| h.earlier.is_empty()) {
        return false;
    }
    app.mode = Mode::History { cell, scroll: 0 };
    true
}

/// The history popup: scroll, or close.
pub(super) fn cell_history(app: &mut App, action: Action) {
    let Mode::History { scroll, .. } = &mut app.mode else {
        return;
    };
    match action {
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        // Enter too: there is nothing in it to open.
        Action::Close | Action::Open => app.mode = Mode::Panes,
        _ => {}
    }
}
