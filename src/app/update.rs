//! `update(app, action)`: the state machine. No I/O, no terminal: every transition is a
//! plain function of the state and the action, tested as such.

use super::action::Action;
use super::filter::{FilterPopup, Input};
use super::marks::citation;
use super::pages::{Target, View};
use super::picker::Picker;
use super::search::Search;
use super::state::{App, Detail, Mode, QUOTE_ROWS};
use super::state::{Columns, Effect};
use super::view::Wrapped;
use crate::layout::{self, Pane};
use crate::model::{QuoteIx, SectionIx};

/// Lines the Reader moves per mouse wheel notch.
const WHEEL_LINES: usize = 3;

pub fn update(app: &mut App, action: Action) {
    // A notice lasts until the next key; resizes and mouse motion do not dismiss it.
    if !matches!(action, Action::Resize(..)) {
        app.notice = None;
    }
    match action {
        Action::Resize(w, h) => (app.width, app.height) = (w, h),
        Action::Quit => app.quit = true,
        Action::Reload => app.effects.push(Effect::Reload),
        Action::Library if matches!(app.mode, Mode::Panes) => {
            if app.from_library {
                app.back = true;
            } else {
                app.notice = Some(
                    "opened without a library: `brief DIR` lists a folder's briefings".to_owned(),
                );
            }
        }
        Action::ShowView(v) => {
            app.view = v;
            app.mode = Mode::Panes;
        }
        _ => match app.mode {
            Mode::Panes if app.view != View::Briefing => views(app, action),
            Mode::Panes => panes(app, action),
            Mode::Position(..) => {
                if action == Action::Close {
                    app.mode = Mode::Panes;
                }
            }
            Mode::Search => search_input(app, action),
            Mode::Picker(_) => picker(app, action),
            Mode::Help { .. } => help(app, action),
            Mode::Filter(_) => filter(app, action),
            Mode::Detail(_) => detail(app, action),
            Mode::Errors { .. } => errors(app, action),
        },
    }
    app.sync();
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

fn panes(app: &mut App, action: Action) {
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

fn move_in(app: &mut App, pane: Pane, m: &Move) {
    match pane {
        Pane::Sections => select_section(
            app,
            moved(app.sections.selected, app.briefing.sections.len(), m),
        ),
        Pane::Quotes => {
            app.quotes.selected = moved(app.quotes.selected, app.filter.quotes.len(), m);
        }
        Pane::Reader => {
            let max = app
                .reader
                .view
                .lines
                .len()
                .saturating_sub(app.rows(Pane::Reader));
            app.reader.scroll = moved(app.reader.scroll, max + 1, m);
        }
    }
}

/// Shows a section in the Reader from its top (clamped to the sections there are).
fn select_section(app: &mut App, index: usize) {
    let index = index.min(app.briefing.sections.len().saturating_sub(1));
    if index != app.sections.selected {
        app.sections.selected = index;
        app.reader.scroll = 0;
        app.reader.mark = None;
    }
}

fn open(app: &mut App) {
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

fn click(app: &mut App, x: u16, y: u16) {
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

fn help(app: &mut App, action: Action) {
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

fn filter(app: &mut App, action: Action) {
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

fn detail(app: &mut App, action: Action) {
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
fn jump_to(app: &mut App, q: QuoteIx) {
    let section: SectionIx = app.briefing.quote(q).section;
    select_section(app, section.get());
    app.focus = Pane::Reader;
    app.sync();
    if let Some(line) = app
        .reader
        .view
        .lines
        .iter()
        .position(|l| l.quote == Some(q))
    {
        // One line of what comes before, so the jump lands in context.
        app.reader.scroll = line.saturating_sub(1);
    }
    app.reader.mark = Some(q);
}

/// Keys on an analyst view's page: move through its items, open what they point at.
fn views(app: &mut App, action: Action) {
    let rows = app.page_rows();
    match action {
        Action::Search => {
            app.search = Some(Search::default());
            app.mode = Mode::Search;
        }
        Action::NextMatch => page_find(app, true),
        Action::PrevMatch => page_find(app, false),
        Action::ClearSearch => app.search = None,
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::OpenFilter => app.mode = Mode::Filter(FilterPopup::new(&app.actors)),
        Action::ClearFilter => app.filter.clear(&app.briefing),
        Action::ToggleFold => {
            app.columns = match app.columns {
                Columns::Folded => Columns::Every,
                Columns::Every => Columns::Folded,
            };
        }
        Action::Open => {
            let Some(state) = app.page() else { return };
            match state.target(state.selected) {
                Some(Target::Quote(q)) => open_detail(app, q),
                Some(Target::Section(s)) => {
                    app.view = View::Briefing;
                    select_section(app, s.get());
                    app.focus = Pane::Reader;
                }
                Some(Target::Position(c, p)) => app.mode = Mode::Position(c, p),
                Some(Target::Nothing) | None => {}
            }
        }
        Action::Scroll { down, .. } => {
            page_move(app, if down { Action::Down } else { Action::Up }, rows);
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

/// Moves the selection on a page: by item (h/l), by row (j/k: the item on the next line
/// with items, nearest in column), by page, or to the ends.
fn page_move(app: &mut App, action: Action, rows: usize) {
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
        Action::NextItem => state.selected = (state.selected + 1).min(items - 1),
        Action::PrevItem => state.selected = state.selected.saturating_sub(1),
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

/// `n` and `N` in the Briefing view: the next or previous match, wrapping around.
fn next_match(app: &mut App, action: Action) {
    // Matches are found in reading order: the next one is known if found
    // already; the previous one unless it wraps round to the last.
    let known = app
        .search
        .as_ref()
        .is_some_and(|s| match (s.current, action) {
            (None, Action::NextMatch) => !s.matches.is_empty(),
            (Some(c), Action::NextMatch) => c + 1 < s.matches.len(),
            (Some(c), _) => c > 0,
            (None, _) => false,
        });
    if !known {
        app.finish_search();
    }
    if let Some(s) = &app.search {
        let n = s.matches.len();
        if n > 0 {
            let next = match (s.current, action) {
                (None, Action::NextMatch) => 0,
                (None, _) => n - 1,
                (Some(c), Action::NextMatch) => (c + 1) % n,
                (Some(c), _) => (c + n - 1) % n,
            };
            go_to_match(app, next);
        }
    }
}

/// Typing a search: each keystroke starts finding the matches again over the whole
/// briefing (a step of it: `App::work` goes on with the rest).
fn search_input(app: &mut App, action: Action) {
    let Some(search) = &mut app.search else {
        app.mode = Mode::Panes;
        return;
    };
    match action {
        Action::Input(c) => search.query.push(c),
        Action::DeleteChar => {
            search.query.pop();
        }
        Action::CancelInput => {
            app.search = None;
            app.mode = Mode::Panes;
            return;
        }
        Action::AcceptInput => {
            app.mode = Mode::Panes;
            let here = app.sections.selected;
            // The first match from the section on screen on, as in a pager: found
            // already if any match found so far is there (they come in order).
            let from_here = |s: &Search| s.matches.iter().position(|m| m.section >= here);
            if search.query.is_empty() {
                app.search = None;
            } else if app.view != View::Briefing {
                page_find(app, true);
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
    search.current = None;
    search.refresh(
        app.derived.search(&app.briefing),
        &app.briefing,
        &app.filter,
    );
}

/// Makes match `index` current: shows its section and scrolls the Reader to its line.
fn go_to_match(app: &mut App, index: usize) {
    let Some(search) = &app.search else { return };
    let Some(&m) = search.matches.get(index) else {
        return;
    };
    let range = super::search::displayed_range(&app.briefing, m, &search.query);
    if let Some(s) = &mut app.search {
        s.current = Some(index);
        s.current_range = range.clone().map(|r| (m.section, m.piece, r));
    }
    select_section(app, m.section);
    app.sync();
    let Some(range) = range else { return };
    let lines = &app.reader.view.lines;
    let line = lines.iter().rposition(|l| {
        l.source
            .is_some_and(|(piece, start)| piece == m.piece && start <= range.start)
    });
    if let Some(line) = line {
        let rows = app.rows(Pane::Reader).max(1);
        if line < app.reader.scroll || line >= app.reader.scroll + rows {
            // A third of the way down, so the match has context above it.
            app.reader.scroll = line.saturating_sub(rows / 3);
        }
    }
}

fn star(app: &mut App, q: QuoteIx) {
    app.marks.toggle_star(q);
    let word = if app.marks.is_starred(q) {
        "starred"
    } else {
        "unstarred"
    };
    app.notice = Some(format!(
        "{word}: {}",
        app.briefing.actor(app.briefing.quote(q).speaker).name
    ));
}

/// Copies the quote with its citation; the terminal loop sends it as OSC 52, which
/// works over SSH and inside tmux.
fn copy(app: &mut App, q: QuoteIx) {
    let text = citation(&app.briefing, q);
    app.notice = Some(format!("copied: {}", crate::text::truncate(&text, 60)));
    app.effects.push(Effect::Clipboard(text));
}

/// The outline and the starred list: move, and Enter goes to the row's target.
fn picker(app: &mut App, action: Action) {
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

/// Search on a view's page: selects the next (or previous) item that holds the query
/// (`PageState::find_using`), wrapping around, and says which of how many matching
/// items it is.
fn page_find(app: &mut App, forward: bool) {
    let Some(query) = app.search.as_ref().map(|s| s.query.clone()) else {
        return;
    };
    let Some(i) = app.view.page_index() else {
        return;
    };
    let needle = query.to_lowercase();
    let occurrences = app.search.as_ref().and_then(|s| s.occurrences(&needle));
    let found = app.pages[i].find_using(
        (&app.briefing, &app.derived),
        &app.filter,
        (&query, occurrences),
        forward,
    );
    app.notice = Some(match found {
        Some((at, n)) => format!("item match {}/{n}", at + 1),
        None => format!("no item matches “{query}”"),
    });
}

/// The reload-errors panel: scroll it, or close it and keep reading the old briefing.
fn errors(app: &mut App, action: Action) {
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
