//! Property tests: random key sequences, clicks, wheel events and resizes (0x0 to
//! 250x80) on the bundled briefing never panic, and every selection and scroll stays
//! in range after every step.

mod common;

use brief::app::filter::Input;
use brief::app::keymap::{self, BINDINGS};
use brief::app::{Action, App, Key, Mode, update};
use brief::layout::Pane;
use brief::views::Direction;
use proptest::prelude::*;

/// One user event: a bound key (any context), a typed character, a resize or a mouse event.
#[derive(Debug, Clone)]
enum Event {
    Key(Key),
    Resize(u16, u16),
    Scroll(u16, u16, bool),
    Click(u16, u16),
}

fn event() -> impl Strategy<Value = Event> {
    let keys: Vec<Key> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().copied())
        .filter(|k| ![Key::ch('q'), Key::ch('Q'), Key::ctrl('c')].contains(k))
        .collect();
    prop_oneof![
        8 => proptest::sample::select(keys).prop_map(Event::Key),
        1 => proptest::char::range('a', 'z').prop_map(|c| Event::Key(Key::ch(c))),
        1 => (0u16..=250, 0u16..=80).prop_map(|(w, h)| Event::Resize(w, h)),
        1 => (0u16..260, 0u16..90, any::<bool>()).prop_map(|(x, y, d)| Event::Scroll(x, y, d)),
        1 => (0u16..260, 0u16..90).prop_map(|(x, y)| Event::Click(x, y)),
    ]
}

fn apply(app: &mut App, e: &Event) {
    let action = match *e {
        // q would end the run early; quitting is covered by the transition tests.
        Event::Key(k) => keymap::lookup(app.context(), k)
            .filter(|a| !matches!(a, Action::Quit | Action::QuitAll)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Scroll(x, y, down) => Some(Action::Scroll {
            x,
            y,
            direction: if down {
                Direction::Forward
            } else {
                Direction::Backward
            },
        }),
        Event::Click(x, y) => Some(Action::Click { x, y }),
    };
    if let Some(a) = action {
        let _ = update(app, common::settings(), a);
    }
}

fn check_invariants(app: &App) {
    let b = &app.briefing;
    assert!(app.sections.selected < b.sections.len().max(1));
    assert!(app.quotes.selected < app.filter.quotes.len().max(1));
    assert!(app.sections.offset <= app.sections.selected);
    assert!(app.quotes.offset <= app.quotes.selected);
    let reader_rows = app.rows(Pane::Reader);
    assert!(app.reader.scroll <= app.reader.view.lines.len().saturating_sub(reader_rows));
    let sections_rows = app.rows(Pane::Sections);
    if sections_rows > 0 {
        assert!(
            app.sections.selected < app.sections.offset + sections_rows,
            "selected section visible"
        );
    }
    assert!(app.filter.quotes.iter().all(|&q| app.filter.matches(b, q)));
    assert!(
        app.filter.quotes.windows(2).all(|w| w[0] < w[1]),
        "reading order"
    );
    if let Some(s) = &app.search {
        assert!(
            s.current.is_none_or(|c| c < s.matches.len()),
            "current match in range"
        );
        assert!(s.matches.iter().all(|m| m.section < b.sections.len()));
    }
    match &app.mode {
        Mode::Filter(p) => {
            assert!(p.cursor < p.rows.len().max(1));
            assert!(p.rows.iter().all(|&r| r < app.actors.rows.len()));
            if p.input == Input::Browse && p.query.is_empty() {
                assert_eq!(p.rows.len(), app.actors.rows.len());
            }
        }
        Mode::Detail(d) => {
            assert!(d.quote.get() < b.quotes.len());
            assert!(d.scroll <= d.view.lines.len());
        }
        Mode::Source(v, d) => {
            assert!(d.quote.get() < b.quotes.len() && v.quote.get() < b.quotes.len());
            assert!(v.scroll <= v.rows.len());
        }
        Mode::Positions {
            claim,
            positions,
            scroll,
        } => {
            assert!(!positions.is_empty());
            assert!(
                positions
                    .iter()
                    .all(|p| *p < b.claim(*claim).positions.len())
            );
            let lines = brief::views::lines::positions_lines(
                b,
                *claim,
                positions,
                usize::from(app.detail_width()),
            );
            assert!(*scroll <= lines.len());
        }
        Mode::Picker(p) => assert!(p.cursor < p.rows.len().max(1) && p.offset <= p.cursor),
        Mode::Errors { lines, scroll } => assert!(*scroll <= lines.len()),
        Mode::Changes(l) => assert!(l.selected < app.changes.len().max(1)),
        Mode::History { cell, scroll } => {
            assert!(app.stances.get(*cell).is_some());
            assert!(*scroll <= app.history_lines(*cell, app.detail_width()).len());
        }
        Mode::Help { .. } | Mode::Panes | Mode::Search => {}
    }
    one_cursor(app);
    // Every frame renders, and no cell carries a control character.
    let buf = common::render(app);
    for cell in &buf.content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen"
        );
    }
}

/// Issue 15: what the quote keys act on is on screen (or there is none), and a view's
/// selected row is on screen with its group's heading whenever both fit.
fn one_cursor(app: &App) {
    if !matches!(app.mode, Mode::Panes) {
        return;
    }
    let g = app.geometry();
    match app.page() {
        None if g.pane(app.focus).is_some() => {
            if let Some(q) = app.current_quote() {
                match app.focus {
                    Pane::Reader => {
                        let lines = &app.reader.view.lines;
                        let end = (app.reader.scroll + app.rows(Pane::Reader)).min(lines.len());
                        assert!(
                            lines[app.reader.scroll..end]
                                .iter()
                                .any(|l| l.quote == Some(q)),
                            "the Reader's current quote is on screen"
                        );
                    }
                    Pane::Quotes => {
                        let rows = app.rows(Pane::Quotes) / brief::app::state::QUOTE_ROWS;
                        if rows > 0 {
                            assert!(app.quotes.selected < app.quotes.offset + rows);
                        }
                    }
                    Pane::Sections => panic!("Sections has no current quote"),
                }
            }
        }
        Some(page) if page.items() > 0 => {
            let rows = app.page_rows();
            if rows == 0 {
                return;
            }
            let (b, f) = (&app.briefing, &app.filter);
            let mut st = page.clone();
            let sel = st.item_pos(b, f, st.selected);
            let head = brief::views::pages::Pos {
                block: st.structure().heading_of(sel.block),
                line: 0,
            };
            let top = st.line_of(b, f, st.scroll);
            let (sel_line, head_line) = (st.line_of(b, f, sel), st.line_of(b, f, head));
            assert!(
                (top..top + rows).contains(&sel_line),
                "the selected row is on screen"
            );
            // The last item shows what follows it instead (the page's end).
            if sel_line - head_line < rows && st.selected + 1 < st.items() {
                assert!(head_line >= top, "its heading is on screen too");
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_keep_every_invariant(
        w in 0u16..=250, h in 0u16..=80,
        events in proptest::collection::vec(event(), 1..120),
    ) {
        let mut app = common::app(w, h);
        check_invariants(&app);
        for e in &events {
            apply(&mut app, e);
            check_invariants(&app);
        }
    }
}
