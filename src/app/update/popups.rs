//! The modes over the panes: help, the actor filter, a quote's detail, the pickers
//! (outline, starred) and the reload-errors panel.

use super::{
    copy, moved, movement, open_detail, reselect_quote, select_in_quotes, select_section,
    show_in_reader, star,
};
use crate::app::action::Action;
use crate::app::filter::Input;
use crate::app::state::{App, Detail, Effect, Mode, SourceView};
use crate::layout::Pane;
use crate::model::QuoteIx;
use crate::verify::Status;
use crate::views::lines::Wrapped;
use crate::views::pages::{Target, View};

/// The help: scroll like any page (`j`/`k`, `g`/`G`, PgUp/PgDn, Ctrl-d/u, Space),
/// `/` narrows it to the rows holding what is typed.
pub(super) fn help(app: &mut App, action: Action) {
    let page = app.help_rows();
    let Mode::Help {
        scroll,
        query,
        input,
    } = &mut app.mode
    else {
        return;
    };
    match (action, *input) {
        (Action::Search, _) => *input = Input::Typing,
        (Action::Input(c), Input::Typing) => {
            query.push(c);
            *scroll = 0;
        }
        (Action::DeleteChar, Input::Typing) => {
            query.pop();
            *scroll = 0;
        }
        (Action::Accept, _) => *input = Input::Browse,
        (Action::Cancel, _) => {
            query.clear();
            *input = Input::Browse;
        }
        // `?` opened the help and closes it.
        (Action::Close | Action::Help, _) => app.mode = Mode::Panes,
        (other, _) => {
            if let Some(m) = movement(other, page) {
                // Clamped to the help's length by `sync`.
                *scroll = moved(*scroll, usize::MAX, &m);
            }
        }
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
        (Input::Browse, Action::Choose) => {
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
        (Input::Browse, Action::Search) => popup.input = Input::Typing,
        // Enter and `a` (which opened it) close it too; the choices stay.
        (Input::Browse, Action::Close | Action::Open | Action::ActorFilter) => {
            app.mode = Mode::Panes;
        }
        (Input::Typing, Action::Input(c)) => {
            popup.query.push(c);
            popup.renarrow(&app.actors);
        }
        (Input::Typing, Action::DeleteChar) => {
            popup.query.pop();
            popup.renarrow(&app.actors);
        }
        (Input::Typing, Action::Accept) => popup.input = Input::Browse,
        (Input::Typing, Action::Cancel) => {
            popup.query.clear();
            popup.renarrow(&app.actors);
            popup.input = Input::Browse;
        }
        _ => {}
    }
}

pub(super) fn detail(app: &mut App, action: Action) -> Effect {
    let rows = app.detail_rows();
    let Mode::Detail(d) = &mut app.mode else {
        return Effect::None;
    };
    if let Some(m) = movement(action, rows) {
        let max = d.view.lines.len().saturating_sub(rows);
        d.scroll = moved(d.scroll, max + 1, &m);
        return Effect::None;
    }
    match action {
        Action::Close => app.mode = Mode::Panes,
        // Left and right go through the listed quotes.
        Action::Left | Action::Right => {
            let list = &app.filter.quotes;
            let target = match (list.binary_search(&d.quote), action) {
                (Ok(i), Action::Right) if i + 1 < list.len() => Some(i + 1),
                (Err(i), Action::Right) if i < list.len() => Some(i),
                (Ok(i) | Err(i), Action::Left) => i.checked_sub(1),
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
            return copy(app, q);
        }
        // Enter shows the quote in its section.
        Action::Open => {
            let q = d.quote;
            app.mode = Mode::Panes;
            jump_to(app, q);
        }
        Action::ViewSource => {
            let q = d.quote;
            open_source(app, q);
        }
        _ => {}
    }
    Effect::None
}

/// Opens the quote's source text over its detail, scrolled to the quote; or says
/// plainly why it cannot.
pub(super) fn open_source(app: &mut App, q: QuoteIx) {
    let b = &app.briefing;
    let status = crate::verify::quote_status(b, &app.sources, q);
    let Status::Found { source, range, .. } = status else {
        let name = b
            .quote(q)
            .provenance
            .source
            .map(|s| b.source(s).name().to_owned());
        app.notice = Some(match (status, name) {
            (Status::Missing { .. }, Some(name)) => {
                format!("not found in its source's text ({name})")
            }
            (_, Some(name)) => format!("source text not available ({name})"),
            (_, None) => "this quote names no source".to_owned(),
        });
        return;
    };
    // Every quote of this briefing found in the same source, in the source's order.
    let mut stops: Vec<(std::ops::Range<usize>, QuoteIx)> = (0..b.quotes.len())
        .map(QuoteIx::at)
        .filter_map(
            |other| match crate::verify::quote_status(b, &app.sources, other) {
                Status::Found {
                    source: s, range, ..
                } if s == source => Some((range, other)),
                _ => None,
            },
        )
        .collect();
    stops.sort_by_key(|(r, q)| (r.start, *q));
    let Mode::Detail(d) = std::mem::replace(&mut app.mode, Mode::Panes) else {
        return;
    };
    app.mode = Mode::Source(
        Box::new(SourceView {
            source,
            quote: q,
            range,
            stops,
            scroll: 0,
            rows: Vec::new(),
            width: 0,
        }),
        d,
    );
    app.sync();
    scroll_to_quote(app);
}

/// Scrolls the source view so the highlighted quote is near the top.
fn scroll_to_quote(app: &mut App) {
    let rows = app.detail_rows();
    if let Mode::Source(v, _) = &mut app.mode {
        let row = v
            .rows
            .partition_point(|r| r.start <= v.range.start)
            .saturating_sub(1);
        // Two rows of what comes before, so the quote lands in context.
        let max = v.rows.len().saturating_sub(rows);
        v.scroll = row.saturating_sub(2).min(max);
    }
}

pub(super) fn source(app: &mut App, action: Action) {
    let rows = app.detail_rows();
    let Mode::Source(v, _) = &mut app.mode else {
        return;
    };
    if let Some(m) = movement(action, rows) {
        let max = v.rows.len().saturating_sub(rows);
        v.scroll = moved(v.scroll, max + 1, &m);
        return;
    }
    match action {
        // `v` opened the source and goes back to the quote.
        Action::Close | Action::ViewSource => {
            if let Mode::Source(_, d) = std::mem::replace(&mut app.mode, Mode::Panes) {
                app.mode = Mode::Detail(d);
            }
        }
        Action::NextMatch | Action::PrevMatch => {
            let at = v
                .stops
                .iter()
                .position(|(r, q)| *q == v.quote && *r == v.range)
                .unwrap_or(0);
            let next = if action == Action::NextMatch {
                (at + 1 < v.stops.len()).then_some(at + 1)
            } else {
                at.checked_sub(1)
            };
            match next {
                Some(i) => {
                    let (range, q) = v.stops[i].clone();
                    v.range = range;
                    v.quote = q;
                    app.notice = Some(format!(
                        "quote {}/{} in the source: {}",
                        i + 1,
                        v.stops.len(),
                        app.briefing.actor(app.briefing.quote(q).speaker).name
                    ));
                    scroll_to_quote(app);
                }
                None => {
                    app.notice = Some(if action == Action::NextMatch {
                        "no later quote of this briefing in the source".to_owned()
                    } else {
                        "no earlier quote of this briefing in the source".to_owned()
                    });
                }
            }
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

/// A popup that only scrolls and closes (`sync` clamps the scroll): whether `action`
/// closes it (Esc, `q`, or Enter, since there is nothing in it to open).
fn scroll_or_close(scroll: &mut usize, action: Action) -> bool {
    match action {
        Action::Down => *scroll += 1,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Close | Action::Open => return true,
        _ => {}
    }
    false
}

/// The positions popup: scroll it, or close it.
pub(super) fn positions(app: &mut App, action: Action) {
    if let Mode::Positions { scroll, .. } = &mut app.mode
        && scroll_or_close(scroll, action)
    {
        app.mode = Mode::Panes;
    }
}

/// The reload-errors panel: scroll it, or close it and keep reading the old briefing.
pub(super) fn errors(app: &mut App, action: Action) {
    if let Mode::Errors { scroll, .. } = &mut app.mode
        && scroll_or_close(scroll, action)
    {
        app.mode = Mode::Panes;
    }
}
