//! The modes over the panes: help, the actor filter, a quote's detail, the pickers
//! (outline, starred) and the reload-errors panel.

use super::{
    copy, moved, movement, open_detail, reselect_quote, select_in_quotes, select_section,
    show_in_reader, star,
};
use crate::app::action::Action;
use crate::app::filter::Input;
use crate::app::pages::{Target, View};
use crate::app::state::{App, Detail, Mode};
use crate::app::view::Wrapped;
use crate::layout::Pane;
use crate::model::QuoteIx;

pub(super) fn help(app: &mut App, action: Action) {
    let Mode::Help { scroll } = &mut app.mode else {
        return;
    };
    match action {
        Action::Close => app.mode = Mode::Panes,
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        _ => {}
    }
}

pub(super) fn filter(app: &mut App, action: Action) {
    let page = app.filter_rows();
    let Mode::Filter(popup) = &mut app.mode else {
        return;
    };
    if let Some(m) = movement(action, page) {
        popup.cursor = moved(popup.cursor, popup.rows.len(), &m);
        return;
    }
    match (popup.input, action) {
        (Input::Browse, Action::ToggleActor) => {
            if let Some(actor) = popup.current(&app.actors) {
                let keep = app.selected_quote();
                app.filter.toggle(&app.briefing, actor);
                reselect_quote(app, keep);
            }
        }
        (Input::Browse, Action::ClearFilter) => {
            let keep = app.selected_quote();
            app.filter.clear(&app.briefing);
            reselect_quote(app, keep);
        }
        (Input::Browse, Action::StartNarrow) => popup.input = Input::Typing,
        (Input::Browse, Action::Close) => app.mode = Mode::Panes,
        (Input::Typing, Action::Input(c)) => {
            popup.query.push(c);
            popup.renarrow(&app.actors);
        }
        (Input::Typing, Action::DeleteChar) => {
            popup.query.pop();
            popup.renarrow(&app.actors);
        }
        (Input::Typing, Action::AcceptInput) => popup.input = Input::Browse,
        (Input::Typing, Action::CancelInput) => {
            popup.query.clear();
            popup.renarrow(&app.actors);
            popup.input = Input::Browse;
        }
        _ => {}
    }
}

pub(super) fn detail(app: &mut App, action: Action) {
    let rows = app.detail_rows();
    let Mode::Detail(d) = &mut app.mode else {
        return;
    };
    if let Some(m) = movement(action, rows) {
        let max = d.view.lines.len().saturating_sub(rows);
        d.scroll = moved(d.scroll, max + 1, &m);
        return;
    }
    match action {
        Action::Close => app.mode = Mode::Panes,
        Action::PrevQuote | Action::NextQuote => {
            let list = &app.filter.quotes;
            let target = match (list.binary_search(&d.quote), action) {
                (Ok(i), Action::NextQuote) if i + 1 < list.len() => Some(i + 1),
                (Err(i), Action::NextQuote) if i < list.len() => Some(i),
                (Ok(i) | Err(i), Action::PrevQuote) => i.checked_sub(1),
                _ => None,
            };
            if let Some(i) = target {
                *d = Detail {
                    quote: list[i],
                    scroll: 0,
                    view: Wrapped::default(),
                };
                app.quotes.selected = i;
            }
        }
        Action::Star => {
            let q = d.quote;
            star(app, q);
        }
        Action::Copy => {
            let q = d.quote;
            copy(app, q);
        }
        Action::JumpToQuote => {
            let q = d.quote;
            app.mode = Mode::Panes;
            jump_to(app, q);
        }
        _ => {}
    }
}

/// Shows a quote in its section: the Reader scrolls to it and marks it.
pub(super) fn jump_to(app: &mut App, q: QuoteIx) {
    app.focus = Pane::Reader;
    show_in_reader(app, q);
    select_in_quotes(app, q);
}

/// The outline and the starred list: move, and Enter goes to the row's target.
pub(super) fn picker(app: &mut App, action: Action) {
    let rows = app.detail_rows();
    let Mode::Picker(p) = &mut app.mode else {
        return;
    };
    if let Some(m) = movement(action, rows) {
        p.cursor = moved(p.cursor, p.rows.len(), &m);
        return;
    }
    match action {
        Action::Close => app.mode = Mode::Panes,
        Action::Open => {
            let target = p.rows.get(p.cursor).copied();
            app.mode = Mode::Panes;
            match target {
                Some(Target::Section(s)) => {
                    app.view = View::Briefing;
                    select_section(app, s.get());
                    app.focus = Pane::Reader;
                }
                Some(Target::Quote(q)) => open_detail(app, q),
                _ => {}
            }
        }
        _ => {}
    }
}

/// The reload-errors panel: scroll it, or close it and keep reading the old briefing.
/// The positions popup: scroll, close.
pub(super) fn positions(app: &mut App, action: Action) {
    let Mode::Positions { scroll, .. } = &mut app.mode else {
        return;
    };
    match action {
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Close => app.mode = Mode::Panes,
        _ => {}
    }
}

pub(super) fn errors(app: &mut App, action: Action) {
    let Mode::Errors { scroll, .. } = &mut app.mode else {
        return;
    };
    match action {
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Close => app.mode = Mode::Panes,
        _ => {}
    }
}
