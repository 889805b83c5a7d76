//! Search: typing the query, and going from match to match, in the Briefing view's
//! Reader or on an analyst view's page.

use super::select_section;
use crate::app::action::{Action, Direction};
use crate::app::state::{App, Mode};
use crate::layout::Pane;
use crate::views::pages::View;
use crate::views::search::Search;

/// `n` and `N` in the Briefing view: the next or previous match, wrapping around.
pub(super) fn next_match(app: &mut App, action: Action) {
    // Matches are found in reading order: the next one is known if found
    // already; the previous one unless it wraps round to the last. After a filter
    // change, where we were must be found first.
    let known = app.search.as_ref().is_some_and(|s| {
        s.seeking().is_none()
            && match (s.current, action) {
                (None, Action::NextMatch) => !s.matches.is_empty(),
                (Some(c), Action::NextMatch) => c + 1 < s.matches.len(),
                (Some(c), _) => c > 0,
                (None, _) => false,
            }
    });
    let sought = app.search.as_ref().and_then(Search::seeking);
    if !known {
        app.finish_search();
    }
    if let Some(s) = &app.search {
        let n = s.matches.len();
        if n > 0 {
            // From where we were before the filter change: `n` goes to the first match
            // after it (it, if the filter dropped it), `N` to the last before it.
            let from = sought.map(|was| s.matches.partition_point(|m| *m < was));
            let next = match (from, s.current, action) {
                (Some(k), _, Action::NextMatch) => {
                    let at = s.matches.get(k) == sought.as_ref();
                    (k + usize::from(at)) % n
                }
                (Some(k), _, _) => (k + n - 1) % n,
                (None, None, Action::NextMatch) => 0,
                (None, None, _) => n - 1,
                (None, Some(c), Action::NextMatch) => (c + 1) % n,
                (None, Some(c), _) => (c + n - 1) % n,
            };
            go_to_match(app, next);
        }
    }
}

/// Typing a search: each keystroke starts finding the matches again over the whole
/// briefing (a step of it: `App::search_step` goes on with the rest).
pub(super) fn search_input(app: &mut App, action: Action) {
    let Some(search) = &mut app.search else {
        app.mode = Mode::Panes;
        return;
    };
    match action {
        Action::Input(c) => search.query.push(c),
        Action::DeleteChar => {
            search.query.pop();
        }
        Action::Cancel => {
            app.search = None;
            app.mode = Mode::Panes;
            return;
        }
        Action::Accept => {
            app.mode = Mode::Panes;
            let here = app.sections.selected;
            // The first match from the section on screen on, as in a pager: found
            // already if any match found so far is there (they come in order).
            let from_here = |s: &Search| s.matches.iter().position(|m| m.section >= here);
            if search.query.is_empty() {
                app.search = None;
            } else if app.view != View::Briefing {
                page_find(app, Direction::Forward);
            } else {
                if from_here(search).is_none() {
                    app.finish_search();
                }
                if let Some(s) = &app.search
                    && !s.matches.is_empty()
                {
                    go_to_match(app, from_here(s).unwrap_or(0));
                }
            }
            return;
        }
        _ => return,
    }
    search.clear_current();
    search.refresh(
        app.indexes.search(&app.briefing),
        &app.briefing,
        &app.filter,
    );
}

/// Makes match `index` current: shows its section and scrolls the Reader to its line.
pub(super) fn go_to_match(app: &mut App, index: usize) {
    let Some(search) = &app.search else { return };
    let Some(&m) = search.matches.get(index) else {
        return;
    };
    let range = crate::views::search::displayed_range(&app.briefing, m, &search.query);
    if let Some(s) = &mut app.search {
        s.current = Some(index);
        s.current_range = range.clone().map(|r| (m.section, m.piece, r));
    }
    select_section(app, m.section);
    app.sync();
    let Some(range) = range else { return };
    scroll_to_text(app, m.piece, range.start);
}

/// Scrolls the Reader (on the section shown) to the line that holds byte `at` of the
/// section's piece `piece` (`lines::pieces`), when it is off screen: a third of the
/// way down, so that it has context above it.
pub(super) fn scroll_to_text(app: &mut App, piece: usize, at: usize) {
    let lines = &app.reader.view.lines;
    let line = lines
        .iter()
        .rposition(|l| l.source.is_some_and(|(p, start)| p == piece && start <= at));
    if let Some(line) = line {
        let rows = app.rows(Pane::Reader).max(1);
        if line < app.reader.scroll || line >= app.reader.scroll + rows {
            app.reader.scroll = line.saturating_sub(rows / 3);
        }
    }
}

/// Search on a view's page: selects the next (or previous) item that holds the query
/// (`PageState::seek`), wrapping around; the status line says which of how many
/// matching items it is, or that none is (`PageState::search_label`).
pub(super) fn page_find(app: &mut App, direction: Direction) {
    let Some(query) = app.search.as_ref().map(|s| s.query.clone()) else {
        return;
    };
    let Some(i) = app.view.page_index() else {
        return;
    };
    app.pages[i].seek(
        (&app.briefing, &app.indexes),
        &app.filter,
        &query,
        direction,
    );
}
