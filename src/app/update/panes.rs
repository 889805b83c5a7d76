//! The Briefing view's three panes: focus, moves, clicks and the wheel, and the keys
//! that act on the selected section or quote.

use super::matches::next_match;
use super::{Move, copy, moved, movement, open_detail, reselect_quote, select_section, star};
use crate::app::action::Action;
use crate::app::filter::FilterPopup;
use crate::app::picker::Picker;
use crate::app::search::Search;
use crate::app::state::{App, Effect, Mode, QUOTE_ROWS};
use crate::layout::{self, Pane};

/// Lines the Reader moves per mouse wheel notch.
const WHEEL_LINES: usize = 3;

pub(super) fn panes(app: &mut App, action: Action) {
    let order = Pane::ALL;
    let at = app.focus.index();
    match action {
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::FocusNext => app.focus = order[(at + 1) % order.len()],
        Action::FocusPrev => app.focus = order[(at + order.len() - 1) % order.len()],
        Action::FocusLeft => app.focus = order[at.saturating_sub(1)],
        Action::FocusRight => app.focus = order[(at + 1).min(order.len() - 1)],
        Action::NextSection => select_section(app, app.sections.selected.saturating_add(1)),
        Action::PrevSection => select_section(app, app.sections.selected.saturating_sub(1)),
        Action::Open => open(app),
        Action::OpenFilter => app.mode = Mode::Filter(FilterPopup::new(&app.actors)),
        Action::ClearFilter => {
            let keep = app.selected_quote();
            app.filter.clear(&app.briefing);
            reselect_quote(app, keep);
        }
        Action::Scroll { x, y, down } => {
            if let Some(pane) = app.geometry().pane_at(x, y) {
                let step = if pane == Pane::Reader { WHEEL_LINES } else { 1 };
                let d = isize::try_from(step).unwrap_or(1);
                move_in(app, pane, &Move::By(if down { d } else { -d }));
            }
        }
        Action::Click { x, y } => click(app, x, y),
        Action::Search => {
            app.search = Some(Search::default());
            app.mode = Mode::Search;
        }
        Action::NextMatch | Action::PrevMatch => next_match(app, action),
        Action::ClearSearch => app.search = None,
        Action::Outline => {
            app.mode = Mode::Picker(Picker::outline(&app.briefing, app.sections.selected));
        }
        Action::Starred => app.mode = Mode::Picker(Picker::starred(&app.briefing, &app.marks)),
        Action::Star => {
            if let Some(q) = app.selected_quote() {
                star(app, q);
            }
        }
        Action::NextUnread => {
            let list = &app.filter.quotes;
            let n = list.len();
            let next = (1..=n)
                .map(|d| (app.quotes.selected + d) % n.max(1))
                .find(|&i| !app.marks.is_read(list[i]));
            match next {
                Some(i) => {
                    app.quotes.selected = i;
                    app.focus = Pane::Quotes;
                }
                None => app.notice = Some("every listed quote has been read".to_owned()),
            }
        }
        Action::Copy => {
            if let Some(q) = app.selected_quote() {
                copy(app, q);
            }
        }
        Action::ViewSource => {
            // The source opens over the quote's detail, which Esc returns to.
            if let Some(q) = app.selected_quote() {
                open_detail(app, q);
                app.sync();
                super::popups::open_source(app, q);
            }
        }
        Action::CopyUrl => match app.briefing.meta.url.clone() {
            Some(url) => {
                app.notice = Some(format!("copied the source URL: {url}"));
                app.effects.push(Effect::Clipboard(url));
            }
            None => app.notice = Some("this briefing has no source URL".to_owned()),
        },
        other => {
            let page = match app.focus {
                Pane::Quotes => app.rows(Pane::Quotes) / QUOTE_ROWS,
                pane => app.rows(pane),
            };
            if let Some(m) = movement(other, page) {
                move_in(app, app.focus, &m);
            }
        }
    }
}

pub(super) fn move_in(app: &mut App, pane: Pane, m: &Move) {
    match pane {
        Pane::Sections => select_section(
            app,
            moved(app.sections.selected, app.briefing.sections.len(), m),
        ),
        Pane::Quotes => {
            app.quotes.selected = moved(app.quotes.selected, app.filter.quotes.len(), m);
        }
        Pane::Reader => {
            let max = app.reader_max_scroll();
            app.reader.scroll = moved(app.reader.scroll, max + 1, m);
        }
    }
}

pub(super) fn open(app: &mut App) {
    match app.focus {
        Pane::Sections => app.focus = Pane::Reader,
        Pane::Quotes => {
            if let Some(q) = app.selected_quote() {
                open_detail(app, q);
            }
        }
        // The first quote with a line on screen: Enter reads on from what you see.
        Pane::Reader => {
            let rows = app.rows(Pane::Reader);
            let lines = &app.reader.view.lines;
            let end = (app.reader.scroll + rows).min(lines.len());
            if let Some(q) = lines[app.reader.scroll.min(end)..end]
                .iter()
                .find_map(|l| l.quote)
            {
                open_detail(app, q);
            }
        }
    }
}

pub(super) fn click(app: &mut App, x: u16, y: u16) {
    let g = app.geometry();
    let Some(pane) = g.pane_at(x, y) else { return };
    app.focus = pane;
    let inner = g.pane(pane).map(layout::inner).unwrap_or_default();
    if y < inner.y || y >= inner.bottom() {
        return;
    }
    let row = usize::from(y - inner.y);
    match pane {
        Pane::Sections => {
            let index = app.sections.offset + row;
            if index < app.briefing.sections.len() {
                select_section(app, index);
            }
        }
        Pane::Quotes => {
            let index = app.quotes.offset + row / QUOTE_ROWS;
            if index < app.filter.quotes.len() {
                app.quotes.selected = index;
            }
        }
        Pane::Reader => {}
    }
}
