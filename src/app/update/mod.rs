//! `update(app, action)`: the state machine. No I/O, no terminal: every transition is a
//! plain function of the state and the action, tested as such.
//!
//! `update` is the single entry point; it dispatches on the mode to handlers grouped by
//! concern in the submodules. What several of them share (moves, selecting a section,
//! opening a quote, starring and copying) stays here.

mod changes;
mod matches;
mod open;
mod panes;
mod popups;
mod views;

use super::action::Action;
use super::marks::citation;
use super::settings::Settings;
use super::state::{App, Detail, Effect, Mode};
use crate::model::QuoteIx;
use crate::views::lines::Wrapped;
use crate::views::pages::View;
use matches::search_input;
pub use open::open_at;
use panes::panes;
use popups::{detail, errors, filter, help, picker, positions};
use views::views;

/// Applies one action to the reading state and says what the run must do next.
#[must_use]
pub fn update(app: &mut App, settings: &Settings, action: Action) -> Effect {
    // A notice lasts until the next key; resizes and mouse motion do not dismiss it.
    if !matches!(action, Action::Resize(..)) {
        app.notice = None;
    }
    let library = settings.origin.is_library();
    // Space and `b` page as PgDn and PgUp do (in the Reader they go on across
    // sections); they are keys of their own so that either can be rebound alone.
    let action = match action {
        Action::ReadOn => Action::PageDown,
        Action::ReadBack => Action::PageUp,
        other => other,
    };
    let effect = match action {
        Action::Resize(w, h) => {
            (app.width, app.height) = (w, h);
            Effect::None
        }
        Action::Quit if library && matches!(app.mode, Mode::Panes) => Effect::BackToLibrary,
        Action::Quit | Action::QuitAll => Effect::Quit,
        Action::Reload => Effect::Reload,
        Action::Library if matches!(app.mode, Mode::Panes) => {
            if library {
                Effect::BackToLibrary
            } else {
                app.notice = Some(
                    "opened without a library: `brief DIR` lists a folder's briefings".to_owned(),
                );
                Effect::None
            }
        }
        Action::Changes if matches!(app.mode, Mode::Panes) => {
            app.mode = Mode::Changes(super::state::ListState::default());
            Effect::None
        }
        _ if action.view().is_some() => {
            app.view = action.view().unwrap_or(app.view);
            app.mode = Mode::Panes;
            Effect::None
        }
        _ => match app.mode {
            Mode::Panes if app.view != View::Briefing => {
                views(app, action);
                Effect::None
            }
            Mode::Panes => panes(app, action),
            Mode::Positions { .. } => {
                positions(app, action);
                Effect::None
            }
            Mode::Search => {
                search_input(app, action);
                Effect::None
            }
            Mode::Picker(_) => {
                picker(app, action);
                Effect::None
            }
            Mode::Help { .. } => {
                help(app, action);
                Effect::None
            }
            Mode::Filter(_) => {
                filter(app, action);
                Effect::None
            }
            Mode::Detail(_) => detail(app, action),
            Mode::Source(..) => {
                popups::source(app, action);
                Effect::None
            }
            Mode::Errors { .. } => {
                errors(app, action);
                Effect::None
            }
            Mode::Changes(_) => {
                changes::list(app, action);
                Effect::None
            }
            Mode::History { .. } => {
                changes::cell_history(app, action);
                Effect::None
            }
        },
    };
    app.sync();
    if !matches!(action, Action::Resize(..)) {
        changes::see(app);
    }
    fit_help(app, settings);
    effect
}

/// Keeps the help's scroll within its lines, which depend on the keymap and the
/// popup's width (a resize re-wraps them).
fn fit_help(app: &mut App, settings: &Settings) {
    if !matches!(app.mode, Mode::Help { .. }) {
        return;
    }
    let (len, rows) = (app.help_lines(settings).len(), app.help_rows());
    if let Mode::Help { scroll, .. } = &mut app.mode {
        *scroll = (*scroll).min(len.saturating_sub(rows));
    }
}

/// A position change: how far and which way.
enum Move {
    By(isize),
    Top,
    Bottom,
}

/// The move an action asks for, given a page of `page` items.
fn movement(action: Action, page: usize) -> Option<Move> {
    let page = isize::try_from(page.max(1)).unwrap_or(isize::MAX);
    Some(match action {
        Action::Down => Move::By(1),
        Action::Up => Move::By(-1),
        Action::HalfPageDown => Move::By((page / 2).max(1)),
        Action::HalfPageUp => Move::By(-(page / 2).max(1)),
        Action::PageDown => Move::By(page),
        Action::PageUp => Move::By(-page),
        Action::Top => Move::Top,
        Action::Bottom => Move::Bottom,
        _ => return None,
    })
}

/// Applies a move to a position in `0..len` (0 when empty).
fn moved(pos: usize, len: usize, m: &Move) -> usize {
    let last = len.saturating_sub(1);
    match m {
        Move::Top => 0,
        Move::Bottom => last,
        Move::By(d) => pos.saturating_add_signed(*d).min(last),
    }
}

/// Shows a section in the Reader from its top (clamped to the sections there are),
/// and selects its first listed quote in the Quotes pane, so the two panes agree.
fn select_section(app: &mut App, index: usize) {
    let index = index.min(app.briefing.sections.len().saturating_sub(1));
    show_section(app, index);
    if let Some(s) = app.briefing.sections.get(index) {
        let first = app
            .filter
            .quotes
            .partition_point(|q| q.get() < s.quotes.start);
        if app
            .filter
            .quotes
            .get(first)
            .is_some_and(|q| s.quotes.contains(&q.get()))
        {
            app.quotes.selected = first;
        }
    }
}

/// Shows a section in the Reader from its top, the Quotes pane untouched.
fn show_section(app: &mut App, index: usize) {
    if index != app.sections.selected {
        app.sections.selected = index;
        app.reader.scroll = 0;
        app.reader.mark = None;
    }
}

/// Shows quote `q` in the Reader: its section, scrolled so the quote is on screen
/// (one line of context above when it must scroll), marked as the current quote.
fn show_in_reader(app: &mut App, q: QuoteIx) {
    show_section(app, app.briefing.quote(q).section.get());
    app.sync();
    let rows = app.rows(crate::layout::Pane::Reader).max(1);
    let lines = &app.reader.view.lines;
    if let Some(line) = lines.iter().position(|l| l.quote == Some(q)) {
        let end = lines[line..]
            .iter()
            .position(|l| l.quote != Some(q))
            .map_or(lines.len(), |n| line + n);
        let scroll = app.reader.scroll;
        if line < scroll || end > scroll + rows {
            app.reader.scroll = line.saturating_sub(1);
        }
    }
    app.reader.mark = Some(q);
}

/// After the Quotes pane's selection moved: the Reader follows it.
fn follow_quotes(app: &mut App) {
    if let Some(q) = app.selected_quote() {
        show_in_reader(app, q);
    }
}

/// The Quotes pane follows the Reader's current quote, when the filter lists it.
fn select_in_quotes(app: &mut App, q: QuoteIx) {
    if let Ok(i) = app.filter.quotes.binary_search(&q) {
        app.quotes.selected = i;
    }
}

/// What a quote key says with no quote to act on, by where the focus is.
fn no_quote(app: &App) -> String {
    match app.focus {
        crate::layout::Pane::Reader => "no quote on screen: J goes to the next one".to_owned(),
        crate::layout::Pane::Quotes => "no quote listed (the filter keeps none)".to_owned(),
        crate::layout::Pane::Sections => {
            "no quote selected: Tab to the Reader or the Quotes".to_owned()
        }
    }
}

fn open_detail(app: &mut App, quote: QuoteIx) {
    app.mode = Mode::Detail(Detail {
        quote,
        scroll: 0,
        view: Wrapped::default(),
    });
}

/// After the quote list changed, selects the same quote, or the next one still listed.
fn reselect_quote(app: &mut App, keep: Option<QuoteIx>) {
    if let Some(q) = keep {
        app.quotes.selected = app.filter.quotes.partition_point(|&x| x < q);
    }
}

fn star(app: &mut App, q: QuoteIx) {
    app.marks.toggle_star(q);
    let word = if app.marks.is_starred(q) {
        "starred"
    } else {
        "unstarred"
    };
    app.notice = Some(format!("{word}: {}", quote_name(app, q)));
}

/// A quote as the status line names it: "Keir Starmer: “self-destructing war…”".
fn quote_name(app: &App, q: QuoteIx) -> String {
    let b = &app.briefing;
    let words = crate::views::lines::quote_words(b, q).replace('\n', " ");
    format!(
        "{}: {}",
        b.actor(b.quote(q).speaker).name,
        crate::text::truncate(&words, 40)
    )
}

/// Copies the quote with its citation: the terminal loop hands it to the clipboard,
/// and its status line says where the text went (see `clipboard`).
fn copy(app: &App, q: QuoteIx) -> Effect {
    Effect::Copy(citation(&app.briefing, q))
}
