//! Search in the analyst views goes only as far as a key needs: Enter and `n` check
//! blocks up to the match they select (a bounded number: past it the match is selected
//! between keys, when found), and `App::search_step` counts the rest between keys. What they
//! select, and the count once complete, are what a whole search finds.

mod common;
#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

use brief::app::{App, KeyCode};
use brief::model::{ActorIx, Briefing};
use brief::views::Direction;
use brief::views::filter::Filter;
use brief::views::indexes::Indexes;
use brief::views::pages::{PageBlock, PageState, View};
use common::{ch, code, screen, text_hits, typed};
use std::sync::OnceLock;

/// A briefing whose Timeline and Actors pages are several search steps long.
fn big() -> &'static Briefing {
    static B: OnceLock<Briefing> = OnceLock::new();
    B.get_or_init(|| {
        let text = synth::generate(3_000_000, 3);
        brief::load::load_str("big.toml", &text).unwrap().briefing
    })
}

fn page(view: View, b: &Briefing, d: &Indexes, f: &Filter) -> PageState {
    let mut state = PageState::default();
    state.sync(view, (b, d), f, 120, true, 38);
    state
}

/// As the reader does: the key, then steps between keys until the search is done.
fn seek_then_steps(
    state: &mut PageState,
    b: &Briefing,
    d: &Indexes,
    f: &Filter,
    query: &str,
    forward: bool,
) -> usize {
    state.seek((b, d), f, query, direction(forward));
    let mut steps = 0;
    while state.searching(query) {
        state.search_step((b, d), f);
        steps += 1;
    }
    steps
}

/// The item a search from `sel` selects among `hits` (sorted), wrapping round; `sel`
/// itself when there is none.
fn expected(hits: &[usize], sel: usize, forward: bool) -> usize {
    let after = hits.iter().find(|&&n| n > sel);
    let before = hits.iter().rev().find(|&&n| n < sel);
    let wrapped = if forward { hits.first() } else { hits.last() };
    let next = if forward { after } else { before };
    *next.or(wrapped).unwrap_or(&sel)
}

#[test]
fn enter_on_a_common_letter_checks_only_the_blocks_up_to_its_match() {
    let (b, d) = (big(), Indexes::default());
    let f = Filter::new(b);
    for view in [View::Timeline, View::Actors] {
        let mut state = page(view, b, &d, &f);
        assert!(
            state.seek((b, &d), &f, "m", Direction::Forward),
            "{view:?}: m is near"
        );
        assert!(
            state.searching("m"),
            "{view:?}: one key checked the whole page"
        );
        let label = state.search_label("m").unwrap();
        assert!(
            label.starts_with("item match ") && label.ends_with('+'),
            "{label}"
        );
        let selected = state.selected;
        let steps = seek_then_steps(&mut state, b, &d, &f, "m", true);
        assert!(
            steps > 1,
            "{view:?}: {steps} steps; each checks a bounded number"
        );
        let mut whole = page(view, b, &d, &f);
        let (at, count) = whole.find((b, &d), &f, "m", Direction::Forward).unwrap();
        // The second seek asked for the match after the first's.
        assert_eq!(selected, whole.selected);
        let want = format!("item match {}/{count}", at + 2);
        assert_eq!(state.search_label("m"), Some(want));
        // Another query starts again.
        assert!(!state.searching("mi") && state.search_label("mi").is_none());
    }
}

/// A match far down the page is not looked for in one key: the status says
/// "searching", the selection stays, and steps between keys select it when found.
#[test]
fn a_match_far_down_is_selected_between_keys() {
    let (b, d) = (big(), Indexes::default());
    let f = Filter::new(b);
    let mut state = page(View::Timeline, b, &d, &f);
    let blocks = state.blocks();
    assert!(blocks > 4096, "{blocks} blocks");
    // A date or a quote's words found only in the last quarter of the page (a date:
    // the Timeline is in date order, and the last date has several entries).
    let far = |query: &str| {
        let mut whole = page(View::Timeline, b, &d, &f);
        let found = whole.find((b, &d), &f, query, Direction::Forward);
        let block = whole.structure().block_of_item(whole.selected);
        found
            .filter(|_| block > blocks * 3 / 4)
            .map(|found| (whole, found))
    };
    let (query, (whole, (at, count))) = (state.structure().blocks.iter().rev())
        .filter_map(|&block| match block {
            PageBlock::DatedQuote(q) if !b.quote(q).text.contains('\n') => {
                let date = b.quote(q).said.map(|d| d.iso());
                Some(date.into_iter().chain([b.quote(q).text.clone()]))
            }
            _ => None,
        })
        .take(50)
        .flatten()
        .find_map(|query| Some((query.clone(), far(&query)?)))
        .expect("a quote found only far down");
    assert!(
        !state.seek((b, &d), &f, &query, Direction::Forward),
        "{query:?} was found in one key"
    );
    assert_eq!(state.selected, 0);
    assert_eq!(state.search_label(&query).as_deref(), Some("searching"));
    while !state.search_step((b, &d), &f) {
        assert!(state.searching(&query));
    }
    assert_eq!(state.selected, whole.selected);
    seek_then_steps(&mut state, b, &d, &f, &query, false);
    seek_then_steps(&mut state, b, &d, &f, &query, true);
    assert_eq!(
        state.search_label(&query),
        Some(format!("item match {}/{count}", at + 1))
    );
    // Pressed twice before the first is found: two matches on, as two whole searches.
    for forward in [true, false] {
        let mut twice = page(View::Timeline, b, &d, &f);
        assert!(!twice.seek((b, &d), &f, &query, direction(forward)));
        assert!(!twice.seek((b, &d), &f, &query, direction(forward)));
        while twice.searching(&query) {
            twice.search_step((b, &d), &f);
        }
        let mut once = page(View::Timeline, b, &d, &f);
        once.find((b, &d), &f, &query, direction(forward));
        let first = once.selected;
        once.find((b, &d), &f, &query, direction(forward));
        assert_eq!(twice.selected, once.selected, "forward {forward}");
        assert_ne!(once.selected, first, "{query:?}: {count} matches");
    }
    // Moving meanwhile keeps where the reader moved to.
    let mut moved = page(View::Timeline, b, &d, &f);
    moved.seek((b, &d), &f, &query, Direction::Forward);
    moved.selected = 3;
    while moved.searching(&query) {
        moved.search_step((b, &d), &f);
    }
    assert_eq!(moved.selected, 3);
}

/// From selections all over the page, forward and back, for common, rare and absent
/// queries: with steps between keys, the item selected and the count are those of a
/// whole search.
#[test]
fn seeking_selects_what_a_whole_search_selects() {
    let (b, d) = (big(), Indexes::default());
    let mut one = Filter::new(b);
    one.toggle(b, ActorIx(1));
    let rare = b.actors.last().unwrap().name.clone();
    for f in [Filter::new(b), one] {
        for view in [View::Claims, View::Figures, View::Timeline, View::Actors] {
            let items = page(view, b, &d, &f).items();
            let mut from: Vec<usize> = (0..items).step_by(items / 7 + 1).collect();
            from.push(items.saturating_sub(1));
            for query in ["m", "Ministry", "korea", "2024-10", rare.as_str(), "zzqzz"] {
                for forward in [true, false] {
                    for &sel in &from {
                        let (mut part, mut whole) = (page(view, b, &d, &f), page(view, b, &d, &f));
                        (part.selected, whole.selected) = (sel, sel);
                        seek_then_steps(&mut part, b, &d, &f, query, forward);
                        let want = whole.find((b, &d), &f, query, direction(forward));
                        let what = format!("{view:?} {query:?} from {sel}, forward {forward}");
                        assert_eq!(part.selected, whole.selected, "{what}");
                        // And what reading every block's texts selects (the Claims
                        // view has no texts: its cells are read).
                        if view != View::Claims {
                            let hits = text_hits(b, part.structure(), query);
                            assert_eq!(part.selected, expected(&hits, sel, forward), "{what}");
                        }
                        let label = want.map_or("no item match".to_owned(), |(at, n)| {
                            format!("item match {}/{n}", at + 1)
                        });
                        assert_eq!(part.search_label(query), Some(label), "{what}");
                    }
                }
            }
        }
    }
}

/// In the reader: the status line says "item match 2/2+" while the rest are counted,
/// then the whole count, which is the whole search's.
#[test]
fn the_status_line_counts_a_views_matches_as_they_are_found() {
    let mut a = App::new(big().clone(), 120, 40);
    ch(&mut a, '4');
    ch(&mut a, '/');
    typed(&mut a, "m");
    code(&mut a, KeyCode::Enter);
    let first = a.page().unwrap().selected;
    let shown = screen(&a);
    assert!(
        shown.contains("item match ") && shown.contains("+ "),
        "{shown}"
    );
    assert!(a.is_searching());
    while a.is_searching() {
        a.search_step();
    }
    let (b, f) = (a.briefing.clone(), a.filter.clone());
    let mut whole = page(View::Timeline, &b, &Indexes::default(), &f);
    let (at, count) = whole
        .find((&b, &Indexes::default()), &f, "m", Direction::Forward)
        .unwrap();
    assert_eq!(first, whole.selected);
    let shown = screen(&a);
    assert!(
        shown.contains(&format!("item match {}/{count} ", at + 1)),
        "{shown}"
    );
    ch(&mut a, 'n');
    assert!(screen(&a).contains(&format!("item match {}/{count} ", at + 2)));
    // None: the status line says so, and the selection stays.
    let here = a.page().unwrap().selected;
    ch(&mut a, '/');
    typed(&mut a, "zqzq");
    code(&mut a, KeyCode::Enter);
    while a.is_searching() {
        a.search_step();
    }
    assert!(
        screen(&a).contains("/zqzq no item match "),
        "{}",
        screen(&a)
    );
    assert_eq!(a.page().unwrap().selected, here);
}

/// Scrolling a long page wraps blocks until the cache of wrapped blocks is full and
/// starts again, and a resize wraps them anew: the search goes on, its matches kept.
#[test]
fn a_search_outlives_a_full_cache_of_wrapped_blocks() {
    let (b, d) = (big(), Indexes::default());
    let f = Filter::new(b);
    let mut state = page(View::Timeline, b, &d, &f);
    assert!(state.seek((b, &d), &f, "m", Direction::Forward));
    let label = state.search_label("m");
    let found = state.selected;
    for k in (0..state.items()).step_by(3) {
        state.selected = k;
        state.sync(View::Timeline, (b, &d), &f, 120, true, 38);
    }
    state.selected = found;
    assert_eq!(state.search_label("m"), label);
    assert!(state.searching("m"));
    // And a resize, but for the Claims view, whose matches are read from cells.
    state.sync(View::Timeline, (b, &d), &f, 100, true, 38);
    assert_eq!(state.search_label("m"), label);
    let mut claims = page(View::Claims, b, &d, &f);
    claims.find((b, &d), &f, "a", Direction::Forward);
    assert!(claims.search_label("a").is_some());
    claims.sync(View::Claims, (b, &d), &f, 100, true, 38);
    assert_eq!(claims.search_label("a"), None);
}

/// The direction a `forward` flag of the tables above means.
fn direction(forward: bool) -> Direction {
    if forward {
        Direction::Forward
    } else {
        Direction::Backward
    }
}
