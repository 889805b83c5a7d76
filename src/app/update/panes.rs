//! The Briefing view's three panes: focus, moves, clicks and the wheel, and the keys
//! that act on the selected section or quote.

use super::matches::next_match;
use super::{
    Move, copy, follow_quotes, moved, movement, no_quote, open_detail, reselect_quote,
    select_in_quotes, select_section, show_in_reader, star,
};
use crate::app::action::{Action, Direction};
use crate::app::filter::FilterPopup;
use crate::app::picker::Picker;
use crate::app::state::{App, Effect, Mode, QUOTE_ROWS};
use crate::layout::{self, Pane};
use crate::views::search::Search;

/// Lines the Reader moves per mouse wheel notch.
const WHEEL_LINES: usize = 3;

pub(super) fn panes(app: &mut App, action: Action) -> Effect {
    let order = Pane::ALL;
    let at = app.focus.index();
    match action {
        Action::Help => app.mode = Mode::help(),
        Action::NextPane => app.focus = order[(at + 1) % order.len()],
        Action::PrevPane => app.focus = order[(at + order.len() - 1) % order.len()],
        Action::Left => app.focus = order[at.saturating_sub(1)],
        Action::Right => app.focus = order[(at + 1).min(order.len() - 1)],
        Action::NextSection => select_section(app, app.sections.selected.saturating_add(1)),
        Action::PrevSection => select_section(app, app.sections.selected.saturating_sub(1)),
        Action::Open => open(app),
        Action::ActorFilter => app.mode = Mode::Filter(FilterPopup::new(&app.actors)),
        Action::ClearFilter => {
            let keep = app.selected_quote();
            app.filter.clear(&app.briefing);
            reselect_quote(app, keep);
        }
        Action::Scroll { x, y, direction } => {
            if let Some(pane) = app.geometry().pane_at(x, y) {
                let step = if pane == Pane::Reader { WHEEL_LINES } else { 1 };
                let d = isize::try_from(step).unwrap_or(1);
                move_in(
                    app,
                    pane,
                    &Move::By(match direction {
                        Direction::Forward => d,
                        Direction::Backward => -d,
                    }),
                );
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
        Action::Star => match app.current_quote() {
            Some(q) => star(app, q),
            None => app.notice = Some(no_quote(app)),
        },
        Action::NextQuote => step_quote(app, Direction::Forward),
        Action::PrevQuote => step_quote(app, Direction::Backward),
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
                    follow_quotes(app);
                }
                None => app.notice = Some("every listed quote has been read".to_owned()),
            }
        }
        Action::Copy => match app.current_quote() {
            Some(q) => return copy(app, q),
            None => app.notice = Some(no_quote(app)),
        },
        Action::ViewSource => match app.current_quote() {
            // The source opens over the quote's detail, which Esc returns to.
            Some(q) => {
                open_detail(app, q);
                app.sync();
                super::popups::open_source(app, q);
            }
            None => app.notice = Some(no_quote(app)),
        },
        Action::CopyUrl => match app.briefing.meta.url.clone() {
            Some(url) => return Effect::Copy(url),
            None => app.notice = Some("this briefing has no source URL".to_owned()),
        },
        other if app.focus == Pane::Reader && read_on(app, other) => {}
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
    Effect::None
}

pub(super) fn move_in(app: &mut App, pane: Pane, m: &Move) {
    match pane {
        Pane::Sections => select_section(
            app,
            moved(app.sections.selected, app.briefing.sections.len(), m),
        ),
        Pane::Quotes => {
            let was = app.quotes.selected;
            app.quotes.selected = moved(app.quotes.selected, app.filter.quotes.len(), m);
            if app.quotes.selected != was {
                follow_quotes(app);
            }
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
        // The quote under the Reader's marker: Enter reads on from what you see.
        Pane::Quotes | Pane::Reader => match app.current_quote() {
            Some(q) => open_detail(app, q),
            None => app.notice = Some("no quote on screen".to_owned()),
        },
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
                follow_quotes(app);
            }
        }
        Pane::Reader => {}
    }
}

/// `J`/`K`: moves the Reader's marker to the next (or previous) quote of the section,
/// scrolling it into view; the Quotes pane follows when it lists the quote.
fn step_quote(app: &mut App, direction: Direction) {
    let forward = direction == Direction::Forward;
    let Some(section) = app.section() else { return };
    let range = app.briefing.section(section).quotes.clone();
    let next = match app.reader_quote() {
        Some(q) if forward => q.get() + 1,
        Some(q) => q.get().wrapping_sub(1),
        None if forward => range.start,
        None => range.end.wrapping_sub(1),
    };
    if !range.contains(&next) {
        app.notice = Some(if forward {
            "last quote of this section: ] or Space goes on".to_owned()
        } else {
            "first quote of this section: [ goes back".to_owned()
        });
        return;
    }
    let q = crate::model::QuoteIx::at(next);
    app.focus = Pane::Reader;
    show_in_reader(app, q);
    select_in_quotes(app, q);
}

/// Whether the Reader shows the end of its section.
fn at_end(app: &App) -> bool {
    app.reader.scroll >= app.reader_max_scroll()
}

/// The Reader's flow from section to section: a page down at a section's end goes on
/// into the next one, a page up at its top back into the one before, and `j` at the
/// end says which key goes on. Whether `action` was one of these.
fn read_on(app: &mut App, action: Action) -> bool {
    match action {
        Action::PageDown if at_end(app) => {
            if app.sections.selected + 1 < app.briefing.sections.len() {
                select_section(app, app.sections.selected + 1);
            } else {
                app.notice = Some("end of the briefing".to_owned());
            }
        }
        Action::PageUp if app.reader.scroll == 0 => {
            if app.sections.selected > 0 {
                select_section(app, app.sections.selected - 1);
                app.sync();
                app.reader.scroll = app.reader_max_scroll();
            } else {
                app.notice = Some("start of the briefing".to_owned());
            }
        }
        Action::Down if at_end(app) => {
            app.notice = Some(if app.sections.selected + 1 < app.briefing.sections.len() {
                "end of the section: Space or ] goes on to the next".to_owned()
            } else {
                "end of the briefing".to_owned()
            });
        }
        _ => return false,
    }
    true
}
