//! The analyst views' pages: moving the selection, opening what an item points at,
//! folding columns, clicks.

use super::matches::page_find;
use super::{open_detail, select_section};
use crate::app::action::{Action, Direction};
use crate::app::filter::FilterPopup;
use crate::app::state::{App, Columns, Mode};
use crate::layout::{self, Pane};
use crate::views::pages::{Target, View, cell_positions};
use crate::views::search::Search;

/// Keys on an analyst view's page: move through its items, open what they point at.
pub(super) fn views(app: &mut App, action: Action) {
    let rows = app.page_rows();
    match action {
        Action::Search => {
            app.search = Some(Search::default());
            app.mode = Mode::Search;
        }
        Action::NextMatch => page_find(app, Direction::Forward),
        Action::PrevMatch => page_find(app, Direction::Backward),
        Action::ClearSearch => app.search = None,
        Action::Help => app.mode = Mode::help(),
        Action::ActorFilter => app.mode = Mode::Filter(FilterPopup::new(&app.actors)),
        Action::ClearFilter => app.filter.clear(&app.briefing),
        Action::Fold if app.view != View::Claims => {
            app.notice = Some("members fold only in the Claims view (2)".to_owned());
        }
        Action::Fold if !app.claims_matrix() => {
            app.notice = Some(
                "members fold in the claims matrix only: the list form shows every position"
                    .to_owned(),
            );
        }
        Action::Fold => {
            let keep = app.page().and_then(|p| p.target(p.selected));
            app.columns = match app.columns {
                Columns::Folded => Columns::Unfolded,
                Columns::Unfolded => Columns::Folded,
            };
            // The same position stays selected: its own cell, or the folded cell
            // that now holds it.
            app.sync();
            if let Some(Target::Position(c, _) | Target::Cell(c, _)) = keep {
                let b = &app.briefing;
                let top = |a| crate::views::analysis::top_level(b, a);
                let actor = match keep {
                    Some(Target::Position(_, p)) => b.claim(c).positions[p].actor,
                    Some(Target::Cell(_, col)) => col,
                    _ => return,
                };
                let found = app.pages[0].targets().iter().position(|t| match *t {
                    Target::Position(c2, p) => c2 == c && b.claim(c).positions[p].actor == actor,
                    Target::Cell(c2, col) => c2 == c && col == top(actor),
                    _ => false,
                });
                if let Some(k) = found {
                    app.pages[0].selected = k;
                }
            }
        }
        Action::History => super::changes::toggle_history(app),
        Action::Open if super::changes::open_history(app) => {}
        Action::Open => {
            let Some(state) = app.page() else { return };
            match state.target(state.selected) {
                Some(Target::Quote(q)) => open_detail(app, q),
                Some(Target::Section(s)) => {
                    app.view = View::Briefing;
                    select_section(app, s.get());
                    app.focus = Pane::Reader;
                }
                Some(Target::Position(c, p)) => match app.briefing.claim(c).positions[p].quote {
                    Some(q) => open_detail(app, q),
                    None => {
                        app.mode = Mode::Positions {
                            claim: c,
                            positions: vec![p],
                            scroll: 0,
                        };
                    }
                },
                Some(Target::Cell(c, col)) => {
                    let fold = app.columns == Columns::Folded;
                    let positions = cell_positions(&app.briefing, &app.filter, fold, c.get(), col);
                    app.mode = Mode::Positions {
                        claim: c,
                        positions,
                        scroll: 0,
                    };
                }
                Some(Target::Nothing) => app.notice = Some(nothing_to_open(app.view)),
                None => {}
            }
        }
        Action::Scroll { direction, .. } => {
            let step = match direction {
                Direction::Forward => Action::Down,
                Direction::Backward => Action::Up,
            };
            page_move(app, step, rows);
        }
        Action::Click { x, y } => {
            let inner = layout::inner(app.geometry().body);
            let Some(i) = app.view.page_index() else {
                return;
            };
            if !inner.contains((x, y).into()) {
                return;
            }
            let (row, col) = (usize::from(y - inner.y), usize::from(x - inner.x));
            app.pages[i].click(&app.briefing, &app.filter, row, col);
        }
        other => page_move(app, other, rows),
    }
}

/// Why Enter does nothing on an item of `view` (one without a quote or a section).
fn nothing_to_open(view: View) -> String {
    match view {
        View::Figures => "a figure has no quote or section to open".to_owned(),
        View::Timeline => "this event names no section to open".to_owned(),
        _ => "nothing to open here".to_owned(),
    }
}

/// Moves the selection on a page: by item (h/l), by row (j/k: the item on the next line
/// with items, nearest in column), by page, or to the ends.
pub(super) fn page_move(app: &mut App, action: Action, rows: usize) {
    let Some(i) = app.view.page_index() else {
        return;
    };
    let (state, b, filter) = (&mut app.pages[i], &app.briefing, &app.filter);
    let items = state.items();
    if items == 0 {
        return;
    }
    let rows = rows.max(1);
    match action {
        Action::Right => state.selected = (state.selected + 1).min(items - 1),
        Action::Left => state.selected = state.selected.saturating_sub(1),
        Action::Top => state.selected = 0,
        Action::Bottom => state.selected = items - 1,
        Action::Down => state.down(b, filter, 1),
        Action::PageDown => state.down(b, filter, rows),
        Action::HalfPageDown => state.down(b, filter, (rows / 2).max(1)),
        Action::Up => state.up(b, filter, 1),
        Action::PageUp => state.up(b, filter, rows),
        Action::HalfPageUp => state.up(b, filter, (rows / 2).max(1)),
        _ => {}
    }
}
