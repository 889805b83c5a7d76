//! Transition tests of `update`: every key of the reader, through the keymap, on the
//! bundled briefing. No terminal involved.

use crate::common::{act, actor, app, ch, code, press, typed};
use brief::app::filter::Input;
use brief::app::{Action, Effect, Key, KeyCode, Mode};
use brief::layout::Pane;
use brief::model::QuoteIx;

#[test]
fn starts_on_sections_with_the_first_section_shown() {
    let a = app(120, 40);
    assert_eq!(a.focus, Pane::Sections);
    assert!(matches!(a.mode, Mode::Panes));
    assert_eq!(a.sections.selected, 0);
    // The briefing's summary comes first, as an overview, then the section's title.
    let title = a
        .reader
        .view
        .lines
        .iter()
        .position(|l| l.kind == brief::views::lines::LineKind::Title)
        .unwrap();
    assert_eq!(
        a.reader.view.lines[title].text,
        a.briefing.sections[0].title
    );
    assert!(a.reader.view.lines[..title].iter().all(|l| matches!(
        l.kind,
        brief::views::lines::LineKind::Summary | brief::views::lines::LineKind::Blank
    )));
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(120, 40);
    assert_eq!(ch(&mut a, 'q'), Effect::Quit);
    let mut a = app(120, 40);
    assert_eq!(press(&mut a, Key::ctrl('c')), Effect::Quit);
}

#[test]
fn ctrl_c_quits_from_every_popup_but_q_only_closes_them() {
    for open in ['?', 'a'] {
        let mut a = app(120, 40);
        ch(&mut a, open);
        assert_eq!(
            press(&mut a, Key::ctrl('c')),
            Effect::Quit,
            "Ctrl-c after {open}"
        );
    }
    let mut a = app(120, 40);
    ch(&mut a, '?');
    assert_eq!(ch(&mut a, 'q'), Effect::None);
    assert!(matches!(a.mode, Mode::Panes));
}

#[test]
fn help_opens_with_question_mark_and_closes_with_esc_question_mark_or_q() {
    for close in [Key::plain(KeyCode::Esc), Key::ch('?'), Key::ch('q')] {
        let mut a = app(120, 40);
        ch(&mut a, '?');
        assert!(matches!(a.mode, Mode::Help { .. }));
        press(&mut a, close);
        assert!(matches!(a.mode, Mode::Panes), "{close}");
    }
}

#[test]
fn tab_cycles_panes_and_shift_tab_goes_back() {
    let mut a = app(120, 40);
    let mut seen = Vec::new();
    for _ in 0..4 {
        code(&mut a, KeyCode::Tab);
        seen.push(a.focus);
    }
    assert_eq!(
        seen,
        [Pane::Reader, Pane::Quotes, Pane::Sections, Pane::Reader]
    );
    code(&mut a, KeyCode::BackTab);
    code(&mut a, KeyCode::BackTab);
    assert_eq!(a.focus, Pane::Quotes);
}

#[test]
fn h_and_l_move_left_and_right_without_wrapping() {
    let mut a = app(120, 40);
    ch(&mut a, 'h');
    assert_eq!(a.focus, Pane::Sections);
    ch(&mut a, 'l');
    code(&mut a, KeyCode::Right);
    assert_eq!(a.focus, Pane::Quotes);
    ch(&mut a, 'l');
    assert_eq!(a.focus, Pane::Quotes);
    code(&mut a, KeyCode::Left);
    assert_eq!(a.focus, Pane::Reader);
}

#[test]
fn moving_in_sections_shows_that_section_in_the_reader() {
    let mut a = app(120, 40);
    ch(&mut a, 'j');
    code(&mut a, KeyCode::Down);
    assert_eq!(a.sections.selected, 2);
    assert_eq!(a.reader.view.lines[0].text, a.briefing.sections[2].title);
    ch(&mut a, 'k');
    assert_eq!(a.sections.selected, 1);
    ch(&mut a, 'G');
    assert_eq!(a.sections.selected, a.briefing.sections.len() - 1);
    ch(&mut a, 'j');
    assert_eq!(
        a.sections.selected,
        a.briefing.sections.len() - 1,
        "no wrap at the end"
    );
    code(&mut a, KeyCode::Home);
    assert_eq!(a.sections.selected, 0);
    code(&mut a, KeyCode::End);
    assert_eq!(a.sections.selected, a.briefing.sections.len() - 1);
    ch(&mut a, 'g');
    code(&mut a, KeyCode::Up);
    assert_eq!(a.sections.selected, 0, "no wrap at the start");
}

#[test]
fn quotes_pane_moves_by_item_half_page_and_page() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    let items_per_page = a.rows(Pane::Quotes) / 2;
    ch(&mut a, 'j');
    assert_eq!(a.quotes.selected, 1);
    press(&mut a, Key::ctrl('d'));
    assert_eq!(a.quotes.selected, 1 + items_per_page / 2);
    press(&mut a, Key::ctrl('u'));
    assert_eq!(a.quotes.selected, 1);
    code(&mut a, KeyCode::PageDown);
    assert_eq!(
        a.quotes.selected,
        (1 + items_per_page).min(a.filter.quotes.len() - 1)
    );
    code(&mut a, KeyCode::PageUp);
    assert_eq!(a.quotes.selected, 1);
    code(&mut a, KeyCode::PageUp);
    assert_eq!(a.quotes.selected, 0, "stops at the first");
    ch(&mut a, 'G');
    assert_eq!(a.quotes.selected, a.filter.quotes.len() - 1);
    assert!(
        a.quotes.offset + items_per_page > a.quotes.selected,
        "selection stays visible"
    );
}

#[test]
fn reader_scrolls_by_line_page_and_to_the_ends() {
    let mut a = app(80, 24);
    code(&mut a, KeyCode::Enter);
    assert_eq!(a.focus, Pane::Reader);
    let rows = a.rows(Pane::Reader);
    let max = a.reader.view.lines.len() - rows;
    assert!(max > 2, "the first section overflows at 80x24");
    ch(&mut a, 'j');
    ch(&mut a, 'j');
    assert_eq!(a.reader.scroll, 2);
    ch(&mut a, 'k');
    assert_eq!(a.reader.scroll, 1);
    code(&mut a, KeyCode::PageDown);
    assert_eq!(a.reader.scroll, (1 + rows).min(max));
    ch(&mut a, 'G');
    assert_eq!(a.reader.scroll, max);
    ch(&mut a, 'j');
    assert_eq!(a.reader.scroll, max, "no scrolling past the end");
    ch(&mut a, 'g');
    assert_eq!(a.reader.scroll, 0);
    press(&mut a, Key::ctrl('d'));
    assert_eq!(a.reader.scroll, (rows / 2).min(max));
}

#[test]
fn brackets_change_section_from_any_pane() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    ch(&mut a, ']');
    ch(&mut a, ']');
    assert_eq!((a.sections.selected, a.focus), (2, Pane::Quotes));
    ch(&mut a, '[');
    assert_eq!(a.sections.selected, 1);
    assert_eq!(a.reader.scroll, 0);
}

#[test]
fn enter_on_a_section_focuses_the_reader_and_on_a_quote_opens_its_detail() {
    let mut a = app(120, 40);
    ch(&mut a, 'j');
    code(&mut a, KeyCode::Enter);
    assert_eq!((a.focus, a.sections.selected), (Pane::Reader, 1));
    // The Quotes pane follows: section 2's first quote is selected there.
    let at = a.quotes.selected;
    assert_eq!(
        a.filter.quotes[at].get(),
        a.briefing.sections[1].quotes.start
    );
    code(&mut a, KeyCode::Tab);
    ch(&mut a, 'j');
    code(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Detail(d) => assert_eq!(d.quote, a.filter.quotes[at + 1]),
        other => panic!("expected the detail, got {other:?}"),
    }
}

#[test]
fn choosing_a_state_selects_its_members_quotes() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, KeyCode::Enter);
    let Mode::Filter(p) = &a.mode else {
        panic!("filter closed")
    };
    assert_eq!(p.input, Input::Browse);
    assert_eq!(
        p.current(&a.actors),
        Some(actor(&a.briefing, "united-kingdom"))
    );
    ch(&mut a, ' ');
    code(&mut a, KeyCode::Enter);
    assert!(
        matches!(a.mode, Mode::Panes),
        "Enter closes, the choice stays"
    );
    let uk = [
        actor(&a.briefing, "keir-starmer"),
        actor(&a.briefing, "john-healey"),
    ];
    let expected: Vec<QuoteIx> = (0..a.briefing.quotes.len())
        .map(QuoteIx::at)
        .filter(|&q| uk.contains(&a.briefing.quote(q).speaker))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(a.filter.quotes, expected);
    for (i, s) in a.briefing.sections.iter().enumerate() {
        let n = s
            .quotes
            .clone()
            .filter(|&q| uk.contains(&a.briefing.quotes[q].speaker))
            .count();
        assert_eq!(a.filter.per_section[i], n);
    }
    assert!(a.filter.names.contains(&"Keir Starmer".to_owned()));
    ch(&mut a, 'c');
    assert!(!a.filter.is_active());
    assert_eq!(a.filter.quotes.len(), a.briefing.quotes.len());
}

#[test]
fn several_choices_combine_as_any_of() {
    let mut a = app(120, 40);
    let (nk, ru) = (
        actor(&a.briefing, "north-korea"),
        actor(&a.briefing, "russia"),
    );
    ch(&mut a, 'a');
    for target in [nk, ru] {
        ch(&mut a, 'g');
        while let Mode::Filter(p) = &a.mode {
            if p.current(&a.actors) == Some(target) {
                break;
            }
            ch(&mut a, 'j');
        }
        ch(&mut a, ' ');
    }
    code(&mut a, KeyCode::Esc);
    let speakers: Vec<_> = a
        .filter
        .quotes
        .iter()
        .map(|&q| a.briefing.quote(q).speaker)
        .collect();
    assert!(
        speakers.contains(&nk)
            && speakers
                .iter()
                .any(|&s| a.briefing.chain(s).any(|x| x == ru))
    );
    assert!(
        speakers
            .iter()
            .all(|&s| a.briefing.chain(s).any(|x| x == nk || x == ru))
    );
}

#[test]
fn filter_popup_keys_toggle_clear_close_and_narrow() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    ch(&mut a, 'j');
    ch(&mut a, ' ');
    assert_eq!(a.filter.chosen.len(), 1);
    ch(&mut a, ' ');
    assert!(a.filter.chosen.is_empty(), "Space toggles off");
    ch(&mut a, ' ');
    ch(&mut a, 'c');
    assert!(a.filter.chosen.is_empty(), "c clears all");
    ch(&mut a, ' ');
    ch(&mut a, 'a');
    assert!(matches!(a.mode, Mode::Panes), "a closes");
    assert_eq!(a.filter.chosen.len(), 1, "choices stay after closing");

    ch(&mut a, 'a');
    typed(&mut a, "/SEOUL");
    let Mode::Filter(p) = &a.mode else { panic!() };
    assert_eq!(p.input, Input::Typing);
    let listed: Vec<_> = p.rows.iter().map(|&r| a.actors.rows[r].0).collect();
    assert_eq!(
        listed,
        [actor(&a.briefing, "south-korea")],
        "aliases match, case-insensitively"
    );
    code(&mut a, KeyCode::Backspace);
    code(&mut a, KeyCode::Esc);
    let Mode::Filter(p) = &a.mode else {
        panic!("Esc while typing only drops the query")
    };
    assert_eq!(
        (p.input, p.query.as_str(), p.rows.len()),
        (Input::Browse, "", a.briefing.actors.len())
    );
    typed(&mut a, "/Sir Ke");
    code(&mut a, KeyCode::Enter);
    let Mode::Filter(p) = &a.mode else { panic!() };
    assert_eq!(
        p.current(&a.actors),
        Some(actor(&a.briefing, "keir-starmer")),
        "aliases match"
    );
    code(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
}

#[test]
fn typing_in_the_query_does_not_trigger_bindings() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    let effects = typed(&mut a, "/qac jk");
    let Mode::Filter(p) = &a.mode else {
        panic!("q must be typed, not quit")
    };
    assert_eq!(p.query, "qac jk");
    assert!(effects.is_empty() && a.filter.chosen.is_empty());
}

#[test]
fn detail_moves_through_the_filtered_list_and_jumps_to_the_quote() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, KeyCode::Enter);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Enter);
    let list = a.filter.quotes.clone();
    let current = |a: &brief::app::App| match &a.mode {
        Mode::Detail(d) => d.quote,
        other => panic!("expected detail, got {other:?}"),
    };
    assert_eq!(current(&a), list[0]);
    ch(&mut a, 'l');
    assert_eq!(current(&a), list[1]);
    assert_eq!(a.quotes.selected, 1, "the Quotes pane follows");
    code(&mut a, KeyCode::Left);
    ch(&mut a, 'h');
    assert_eq!(current(&a), list[0], "no wrap before the first");
    for _ in 0..list.len() + 2 {
        code(&mut a, KeyCode::Right);
    }
    assert_eq!(current(&a), *list.last().unwrap(), "no wrap after the last");
    let q = current(&a);
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Panes));
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(a.sections.selected, a.briefing.quote(q).section.get());
    assert_eq!(a.reader.mark, Some(q));
    let shown = &a.reader.view.lines[a.reader.scroll..a.reader.scroll + a.rows(Pane::Reader)];
    assert!(
        shown.iter().any(|l| l.quote == Some(q)),
        "the Reader shows the quote"
    );
}

#[test]
fn detail_closes_with_esc_or_q_and_scrolls_a_long_text() {
    for close in [Key::plain(KeyCode::Esc), Key::ch('q')] {
        let mut a = app(120, 40);
        code(&mut a, KeyCode::Tab);
        code(&mut a, KeyCode::Tab);
        code(&mut a, KeyCode::Enter);
        assert_eq!(press(&mut a, close), Effect::None);
        assert!(matches!(a.mode, Mode::Panes));
    }
    // At 40x12 the detail of a long quote overflows and scrolls.
    let mut a = app(40, 12);
    let long = (0..a.briefing.quotes.len())
        .max_by_key(|&i| a.briefing.quotes[i].text.len())
        .unwrap();
    a.quotes.selected = long;
    a.focus = Pane::Quotes;
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 'j');
    let Mode::Detail(d) = &a.mode else { panic!() };
    assert_eq!(d.scroll, 1);
    ch(&mut a, 'k');
    ch(&mut a, 'k');
    let Mode::Detail(d) = &a.mode else { panic!() };
    assert_eq!(d.scroll, 0);
}

#[test]
fn enter_in_the_reader_opens_the_first_quote_on_screen() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Enter);
    code(&mut a, KeyCode::Enter);
    let first = a.briefing.sections[0].quotes.start;
    match &a.mode {
        Mode::Detail(d) => assert_eq!(d.quote.get(), first),
        other => panic!("expected detail, got {other:?}"),
    }
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_click_selects() {
    let mut a = app(80, 24);
    let g = a.geometry();
    let reader = g.pane(Pane::Reader).unwrap();
    act(
        &mut a,
        Action::Scroll {
            x: reader.x + 2,
            y: reader.y + 2,
            direction: brief::app::action::Direction::Forward,
        },
    );
    assert_eq!(a.reader.scroll, 3);
    assert_eq!(a.focus, Pane::Sections, "the wheel does not move focus");
    let quotes = g.pane(Pane::Quotes).unwrap();
    act(
        &mut a,
        Action::Click {
            x: quotes.x + 3,
            y: quotes.y + 1 + 2,
        },
    );
    assert_eq!((a.focus, a.quotes.selected), (Pane::Quotes, 1));
    let sections = g.pane(Pane::Sections).unwrap();
    act(
        &mut a,
        Action::Click {
            x: sections.x + 3,
            y: sections.y + 3,
        },
    );
    assert_eq!((a.focus, a.sections.selected), (Pane::Sections, 2));
}

#[test]
fn resizing_keeps_selections_and_scroll_in_range() {
    let mut a = app(200, 60);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    ch(&mut a, 'G');
    act(&mut a, Action::Resize(80, 24));
    let visible = a.rows(Pane::Quotes) / 2;
    assert_eq!(a.quotes.selected, a.filter.quotes.len() - 1);
    assert!(a.quotes.offset <= a.quotes.selected && a.quotes.selected < a.quotes.offset + visible);
    code(&mut a, KeyCode::BackTab);
    ch(&mut a, 'G');
    act(&mut a, Action::Resize(250, 80));
    let max = a
        .reader
        .view
        .lines
        .len()
        .saturating_sub(a.rows(Pane::Reader));
    assert!(a.reader.scroll <= max);
    act(&mut a, Action::Resize(0, 0));
    act(&mut a, Action::Resize(120, 40));
    assert!(a.reader.scroll <= a.reader.view.lines.len());
}

#[test]
fn reader_rewraps_to_the_new_width() {
    let mut a = app(120, 40);
    let wide = a.reader.view.lines.len();
    act(&mut a, Action::Resize(80, 24));
    let width = usize::from(brief::layout::inner(a.geometry().pane(Pane::Reader).unwrap()).width);
    assert!(a.reader.view.lines.len() > wide);
    assert!(
        a.reader
            .view
            .lines
            .iter()
            .all(|l| brief::text::width(&l.text) <= width)
    );
}

/// Native names narrow the filter too (the bundled briefing has none: its article has
/// none; a fixture of made-up actors has two).
#[test]
fn native_names_narrow_the_filter() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/native-names.toml"
    );
    let b = brief::load::load_path(std::path::Path::new(path))
        .unwrap()
        .briefing;
    let mut a = brief::app::App::new(b, 120, 40);
    ch(&mut a, 'a');
    typed(&mut a, "/서울");
    code(&mut a, KeyCode::Enter);
    let Mode::Filter(p) = &a.mode else {
        panic!("the filter is open")
    };
    assert_eq!(
        p.current(&a.actors),
        Some(actor(&a.briefing, "seoul-council")),
        "native names match"
    );
}
