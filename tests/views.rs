//! The analyst views (2 Claims, 3 Figures, 4 Timeline, 5 Actors): switching, what
//! Enter opens from each, the filter in every view, folding, and screens as snapshots.

mod common;

use brief::app::state::Columns;
use brief::app::{App, KeyCode, Mode};
use brief::layout::{self, Pane};
use brief::views::pages::{self, Target, View};
use common::{actor, app, ch, code, screen, select, typed};

fn choose_uk(a: &mut App) {
    ch(a, 'a');
    typed(a, "/kingdom");
    code(a, KeyCode::Enter);
    ch(a, ' ');
    code(a, KeyCode::Esc);
}

#[test]
fn number_keys_switch_views_and_one_comes_back() {
    let mut a = app(120, 40);
    for (key, view) in [
        ('2', View::Claims),
        ('3', View::Figures),
        ('4', View::Timeline),
        ('5', View::Actors),
        ('1', View::Briefing),
    ] {
        ch(&mut a, key);
        assert_eq!(a.view, view);
    }
    assert_eq!(a.focus, Pane::Sections, "the panes keep their place");
}

#[test]
fn claims_matrix_shows_denials_and_enter_opens_the_backing_quote() {
    let mut a = app(120, 40);
    ch(&mut a, '2');
    let nk_denial = a
        .briefing
        .quotes
        .iter()
        .position(|q| q.id == "north-korea-denial")
        .unwrap();
    let b = a.briefing.clone();
    select(&mut a, |t| {
        matches!(t, Target::Position(c, p)
            if b.claim(c).positions[p].quote == Some(brief::model::QuoteIx::at(nk_denial)))
    });
    let s = screen(&a);
    let row = s
        .lines()
        .find(|l| l.contains("North Korea has sent troops"))
        .unwrap();
    assert_eq!(row.matches("✘ denies").count(), 2, "{row}");
    assert!(s.contains("contested"));
    code(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Detail(d) => assert_eq!(d.quote.get(), nk_denial),
        other => panic!("expected the quote detail, got {other:?}"),
    }
}

#[test]
fn a_position_without_a_quote_opens_its_own_popup() {
    let mut a = app(120, 40);
    ch(&mut a, '2');
    let b = a.briefing.clone();
    select(
        &mut a,
        |t| matches!(t, Target::Position(c, p) if b.claim(c).positions[p].quote.is_none()),
    );
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Positions { .. }));
    assert!(screen(&a).contains("No quote is linked to this position."));
    code(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
}

#[test]
fn m_unfolds_members_into_their_own_columns() {
    let mut a = app(200, 50);
    ch(&mut a, '2');
    assert_eq!(a.columns, Columns::Folded);
    assert!(!screen(&a).contains("John Healey"));
    ch(&mut a, 'm');
    assert_eq!(a.columns, Columns::Unfolded);
    let s = screen(&a);
    assert!(
        s.contains("John Healey") && s.contains("North Korea"),
        "{s}"
    );
}

#[test]
fn the_filter_applies_in_every_view() {
    let mut a = app(120, 40);
    choose_uk(&mut a);
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(
        s.contains("United Kin") && !s.contains("North Korea  "),
        "{s}"
    );
    ch(&mut a, '5');
    let s = screen(&a);
    assert!(
        s.contains("Keir Starmer") && !s.contains("Lloyd Austin"),
        "{s}"
    );
    ch(&mut a, '4');
    let state = a.page().unwrap();
    let uk = [
        actor(&a.briefing, "united-kingdom"),
        actor(&a.briefing, "keir-starmer"),
        actor(&a.briefing, "john-healey"),
    ];
    for &target in state.targets() {
        match target {
            Target::Quote(q) => assert!(uk.contains(&a.briefing.quote(q).speaker)),
            Target::Section(_) | Target::Nothing | Target::Position(..) | Target::Cell(..) => {}
        }
    }
    ch(&mut a, '3');
    assert!(screen(&a).contains("No figures from the chosen actors (c clears the filter)."));
    ch(&mut a, 'c');
    // Cleared, every figure is back; the bundled figures measure different things, so
    // none is shown as conflicting with another.
    let s = screen(&a);
    assert!(s.contains("1,500") && s.contains("10,000"), "{s}");
    assert!(!s.contains("conflicting"), "{s}");
}

#[test]
fn timeline_enter_jumps_to_the_section_or_opens_the_quote() {
    let mut a = app(120, 40);
    ch(&mut a, '4');
    select(&mut a, |t| matches!(t, Target::Section(_)));
    let Target::Section(s) = a
        .page()
        .unwrap()
        .target(a.page().unwrap().selected)
        .unwrap()
    else {
        unreachable!()
    };
    code(&mut a, KeyCode::Enter);
    assert_eq!(
        (a.view, a.focus, a.sections.selected),
        (View::Briefing, Pane::Reader, s.get())
    );
    ch(&mut a, '4');
    select(&mut a, |t| matches!(t, Target::Quote(_)));
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Detail(_)));
}

#[test]
fn j_and_k_move_by_row_and_the_selection_stays_on_screen() {
    let mut a = app(80, 24);
    ch(&mut a, '5');
    let rows = a.page_rows();
    for _ in 0..60 {
        ch(&mut a, 'j');
    }
    let mut state = a.page().unwrap().clone();
    assert!(state.selected > 10);
    let row = state.selected_row(&a.briefing, &a.filter, rows);
    assert!(
        row.is_some_and(|r| r < rows),
        "the selection is on screen: {row:?}"
    );
    code(&mut a, KeyCode::PageUp);
    code(&mut a, KeyCode::Home);
    assert_eq!(a.page().unwrap().selected, 0);
    ch(&mut a, 'G');
    assert_eq!(a.page().unwrap().selected, a.page().unwrap().items() - 1);
}

#[test]
fn views_as_snapshots() {
    for (key, name) in [
        ('2', "claims"),
        ('3', "figures"),
        ('4', "timeline"),
        ('5', "actors"),
    ] {
        for (w, h) in [(120, 40), (80, 24)] {
            let mut a = app(w, h);
            ch(&mut a, key);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a));
            let mut a = app(w, h);
            choose_uk(&mut a);
            ch(&mut a, key);
            insta::assert_snapshot!(format!("{name}_uk_{w}x{h}"), screen(&a));
        }
    }
}

#[test]
fn search_in_a_view_selects_matching_items() {
    let mut a = app(120, 40);
    ch(&mut a, '5');
    ch(&mut a, '/');
    typed(&mut a, "desperat");
    code(&mut a, KeyCode::Enter);
    let state = a.page().unwrap();
    let first = state.selected;
    // The whole page as `brief print --view` makes it (the same page, see pages_lazy).
    let item_text = |a: &App, n: usize| {
        let width = usize::from(layout::inner(a.geometry().body).width);
        let fold = a.columns == Columns::Folded;
        let page = pages::build(a.view, &a.briefing, &a.filter, width, fold);
        let it = page.items[n];
        let end = page
            .items
            .get(n + 1)
            .map_or(page.lines.len(), |x| x.line.max(it.line + 1));
        page.lines[it.line..end]
            .iter()
            .flatten()
            .map(|c| c.text.to_lowercase())
            .collect::<String>()
    };
    assert!(
        item_text(&a, first).contains("desperat"),
        "{}",
        item_text(&a, first)
    );
    assert!(screen(&a).contains("item match 1/"));
    ch(&mut a, 'n');
    let second = a.page().unwrap().selected;
    assert!(second > first && item_text(&a, second).contains("desperat"));
    ch(&mut a, 'N');
    assert_eq!(a.page().unwrap().selected, first);
    code(&mut a, KeyCode::Esc);
    assert!(a.search.is_none());
}
