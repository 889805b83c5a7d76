//! Search in the analyst views goes only as far as a key needs: Enter and `n` check
//! blocks up to the match they select, and `App::work` counts the rest between keys.
//! What they select, and the count once complete, are what a whole search finds.

mod common;
#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

use brief::app::derived::Derived;
use brief::app::filter::Filter;
use brief::app::pages::{PageState, View};
use brief::app::{App, KeyCode};
use brief::model::{ActorIx, Briefing};
use common::{ch, code, screen, typed};
use std::sync::OnceLock;

/// A briefing whose Timeline and Actors pages are several search steps long.
fn big() -> &'static Briefing {
    static B: OnceLock<Briefing> = OnceLock::new();
    B.get_or_init(|| {
        let text = synth::generate(1_000_000, 3);
        brief::load::load_str("big.toml", &text).unwrap().briefing
    })
}

fn page(view: View, b: &Briefing, d: &Derived, f: &Filter) -> PageState {
    let mut state = PageState::default();
    state.sync(view, (b, d), f, 120, true, 38);
    state
}

#[test]
fn enter_on_a_common_letter_checks_only_the_blocks_up_to_its_match() {
    let (b, d) = (big(), Derived::default());
    let f = Filter::new(b);
    for view in [View::Timeline, View::Actors] {
        let mut state = page(view, b, &d, &f);
        let found = state.seek((b, &d), &f, "m", true).expect("m matches");
        assert!(!found.complete, "{view:?}: one key checked the whole page");
        assert!(state.searching("m"));
        let label = state.search_label("m").unwrap();
        assert!(
            label.starts_with("item match ") && label.ends_with('+'),
            "{label}"
        );
        let mut steps = 0;
        while state.searching("m") {
            state.search_step((b, &d), &f);
            steps += 1;
        }
        assert!(
            steps > 1,
            "{view:?}: {steps} steps; each checks a bounded number"
        );
        let mut whole = page(view, b, &d, &f);
        let (at, count) = whole.find((b, &d), &f, "m", true).unwrap();
        assert_eq!((state.selected, found.at), (whole.selected, at));
        let want = format!("item match {}/{count}", at + 1);
        assert_eq!(state.search_label("m"), Some(want));
        // Another query starts again.
        assert!(!state.searching("mi") && state.search_label("mi").is_none());
    }
}

/// From selections all over the page, forward and back, for common, rare and absent
/// queries: the item selected and its place among the matches are those of a whole
/// search; the count is all of them once complete, and never more.
#[test]
fn seeking_selects_what_a_whole_search_selects() {
    let (b, d) = (big(), Derived::default());
    let mut one = Filter::new(b);
    one.toggle(b, ActorIx(1));
    let rare = b.actors.last().unwrap().name.clone();
    for f in [Filter::new(b), one] {
        for view in [View::Claims, View::Figures, View::Timeline, View::Actors] {
            let items = page(view, b, &d, &f).items();
            let mut from: Vec<usize> = (0..items).step_by(items / 9 + 1).collect();
            from.push(items.saturating_sub(1));
            for query in ["m", "Ministry", "korea", "2024-10", rare.as_str(), "zzqzz"] {
                for forward in [true, false] {
                    for &sel in &from {
                        let (mut part, mut whole) = (page(view, b, &d, &f), page(view, b, &d, &f));
                        (part.selected, whole.selected) = (sel, sel);
                        let found = part.seek((b, &d), &f, query, forward);
                        let want = whole.find((b, &d), &f, query, forward);
                        let what = format!("{view:?} {query:?} from {sel}, forward {forward}");
                        assert_eq!(found.map(|f| f.at), want.map(|w| w.0), "{what}");
                        assert_eq!(part.selected, whole.selected, "{what}");
                        if let (Some(found), Some((_, count))) = (found, want) {
                            assert!(found.count <= count, "{what}");
                            if found.complete {
                                assert_eq!(found.count, count, "{what}");
                            }
                        }
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
    assert!(a.busy());
    while a.busy() {
        a.work();
    }
    let (b, f) = (a.briefing.clone(), a.filter.clone());
    let mut whole = page(View::Timeline, &b, &Derived::default(), &f);
    let (at, count) = whole
        .find((&b, &Derived::default()), &f, "m", true)
        .unwrap();
    assert_eq!(first, whole.selected);
    let shown = screen(&a);
    assert!(
        shown.contains(&format!("item match {}/{count} ", at + 1)),
        "{shown}"
    );
    ch(&mut a, 'n');
    assert!(screen(&a).contains(&format!("item match {}/{count} ", at + 2)));
}
