//! Search (`/`, `n`, `N`, Esc): matches over titles, bodies, quotes and speakers in
//! reading order, wrapping around, respecting the actor filter, highlighted on screen.

mod common;
#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

use brief::app::{App, KeyCode, Mode};
use brief::layout::Pane;
use brief::model::SectionIx;
use brief::views::lines::pieces;
use common::{app, ch, code, render, screen, typed};
use ratatui::style::Modifier;

/// Brute force: (section, piece) of every occurrence, in reading order.
fn expected(a: &App, query: &str) -> Vec<(usize, usize)> {
    let q = query.to_lowercase();
    let mut out = Vec::new();
    for s in 0..a.briefing.sections.len() {
        for (n, p) in pieces(&a.briefing, SectionIx::at(s)).iter().enumerate() {
            if p.quote.is_some_and(|q| !a.filter.matches(&a.briefing, q)) {
                continue;
            }
            out.extend(std::iter::repeat_n(
                (s, n),
                p.text.to_lowercase().matches(&q).count(),
            ));
        }
    }
    out
}

fn search(a: &mut App, query: &str) {
    ch(a, '/');
    typed(a, query);
}

fn current(a: &App) -> (usize, usize) {
    let s = a.search.as_ref().unwrap();
    let m = s.matches[s.current.unwrap()];
    (m.section, m.piece)
}

#[test]
fn matches_are_found_as_you_type_across_the_whole_briefing() {
    let mut a = app(120, 40);
    search(&mut a, "RUTTE");
    assert!(matches!(a.mode, Mode::Search));
    let found: Vec<_> = a
        .search
        .as_ref()
        .unwrap()
        .matches
        .iter()
        .map(|m| (m.section, m.piece))
        .collect();
    let want = expected(&a, "rutte");
    assert!(want.len() >= 3, "Rutte appears in body and quotes");
    assert_eq!(found, want);
    assert!(screen(&a).contains(&format!("/RUTTE█ {} matches", want.len())));
    code(&mut a, KeyCode::Backspace);
    assert_eq!(a.search.as_ref().unwrap().query, "RUTT");
}

#[test]
fn enter_goes_to_the_first_match_and_n_and_shift_n_wrap_around() {
    let mut a = app(120, 40);
    search(&mut a, "rutte");
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Panes));
    let want = expected(&a, "rutte");
    assert_eq!(current(&a), want[0]);
    assert_eq!(
        a.sections.selected, want[0].0,
        "the Reader shows the match's section"
    );
    assert!(screen(&a).contains(&format!("match 1/{}", want.len())));
    for w in &want[1..] {
        ch(&mut a, 'n');
        assert_eq!(current(&a), *w);
        assert_eq!(a.sections.selected, w.0);
    }
    ch(&mut a, 'n');
    assert_eq!(current(&a), want[0], "n wraps to the first");
    ch(&mut a, 'N');
    assert_eq!(current(&a), *want.last().unwrap(), "N wraps to the last");
    code(&mut a, KeyCode::Esc);
    assert!(a.search.is_none(), "Esc clears the search");
}

#[test]
fn the_current_match_is_on_screen_and_highlighted() {
    let mut a = app(80, 24);
    search(&mut a, "desperate");
    code(&mut a, KeyCode::Enter);
    let buf = render(&a);
    let reader = brief::layout::inner(a.geometry().pane(Pane::Reader).unwrap());
    let mut found = false;
    for y in reader.y..reader.bottom() {
        for x in reader.x..reader.right() {
            let c = &buf[(x, y)];
            if c.symbol() == "d"
                && c.modifier.contains(Modifier::REVERSED)
                && c.modifier.contains(Modifier::BOLD)
            {
                let word: String = (x..x + 9)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect();
                assert_eq!(word, "desperate");
                found = true;
            }
        }
    }
    assert!(
        found,
        "current match highlighted in the Reader:\n{}",
        screen(&a)
    );
}

#[test]
fn search_respects_the_actor_filter_for_quotes() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, KeyCode::Esc);
    search(&mut a, "rutte");
    let found: Vec<_> = a
        .search
        .as_ref()
        .unwrap()
        .matches
        .iter()
        .map(|m| (m.section, m.piece))
        .collect();
    assert_eq!(found, expected(&a, "rutte"));
    let unfiltered = expected(&app(120, 40), "rutte");
    assert!(
        found.len() < unfiltered.len(),
        "Rutte's own quotes drop out under a UK filter"
    );
    // Clearing the filter finds them again without retyping.
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 'c');
    assert_eq!(a.search.as_ref().unwrap().matches.len(), unfiltered.len());
}

/// A filter change finds the matches again: the current one stays current (at its new
/// number) when the filter keeps it, and the highlight with it.
#[test]
fn a_filter_change_keeps_the_current_match() {
    let mut a = app(120, 40);
    search(&mut a, "korea");
    code(&mut a, KeyCode::Enter);
    let is_quote = |a: &App, m: &brief::views::search::Match| {
        pieces(&a.briefing, SectionIx::at(m.section))[m.piece]
            .quote
            .is_some()
    };
    // The last match outside quotes: quote matches before it drop out under a filter.
    let s = a.search.as_ref().unwrap();
    let target = s.matches.iter().rposition(|m| !is_quote(&a, m)).unwrap();
    let before = s.matches[..target]
        .iter()
        .filter(|m| is_quote(&a, m))
        .count();
    assert!(before > 0);
    while a.search.as_ref().unwrap().current != Some(target) {
        ch(&mut a, 'n');
    }
    let (was, range) = {
        let s = a.search.as_ref().unwrap();
        (s.matches[target], s.current_range.clone())
    };
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, KeyCode::Esc);
    let s = a.search.as_ref().unwrap();
    assert!(s.matches.len() < expected(&app(120, 40), "korea").len());
    let now = s.current.expect("still a current match");
    assert!(now < target, "earlier matches dropped out");
    assert_eq!(s.matches[now], was);
    assert_eq!(s.current_range, range);
}

/// On a large briefing a filter change does not find the current match again within
/// its key: `n` and `N` still go on from it, and a second change meanwhile does not
/// forget it.
#[test]
fn n_after_a_filter_change_goes_on_from_the_old_match_even_before_it_is_found() {
    let text = synth::generate(1_000_000, 3);
    let b = brief::load::load_str("big.toml", &text).unwrap().briefing;
    let outside_quotes = |a: &App, m: &brief::views::search::Match| {
        pieces(&a.briefing, SectionIx::at(m.section))[m.piece]
            .quote
            .is_none()
    };
    let start = || {
        let mut a = App::new(b.clone(), 120, 40);
        search(&mut a, "e");
        code(&mut a, KeyCode::Enter);
        a.finish_search();
        let s = a.search.as_ref().unwrap();
        // A match outside quotes, late in the briefing: the filter keeps it.
        let late = (s.matches.len() * 3 / 4..s.matches.len())
            .find(|&i| outside_quotes(&a, &s.matches[i]))
            .unwrap();
        let was = s.matches[late];
        // Make it current as `n` would.
        while a.search.as_ref().unwrap().current != Some(late) {
            ch(&mut a, 'N');
        }
        (a, was)
    };
    let filter = |a: &mut App, actor: u32| {
        a.filter
            .toggle(&a.briefing.clone(), brief::model::ActorIx(actor));
        a.sync();
    };
    for (key, second_change) in [('n', false), ('N', false), ('n', true)] {
        let (mut a, was) = start();
        filter(&mut a, 0);
        assert!(a.is_searching(), "one key does not find every `e` again");
        assert_eq!(a.search.as_ref().unwrap().current, None, "not found yet");
        if second_change {
            filter(&mut a, 1);
            assert!(a.is_searching());
        }
        ch(&mut a, key);
        let s = a.search.as_ref().unwrap();
        let k = s.matches.binary_search(&was).expect("the filter keeps it");
        let want = if key == 'n' { k + 1 } else { k - 1 };
        assert_eq!(s.current, Some(want), "{key} from the old match");
    }
}

#[test]
fn esc_while_typing_cancels_and_n_without_a_search_does_nothing() {
    let mut a = app(120, 40);
    ch(&mut a, 'n');
    assert!(a.search.is_none());
    search(&mut a, "nato");
    code(&mut a, KeyCode::Esc);
    assert!(a.search.is_none() && matches!(a.mode, Mode::Panes));
    search(&mut a, "zzzz-nothing");
    code(&mut a, KeyCode::Enter);
    assert!(screen(&a).contains("no match"));
    ch(&mut a, 'n');
    assert_eq!(a.sections.selected, 0);
}

#[test]
fn highlights_land_on_the_right_cells_in_korean_text() {
    let text = r#"
format = 1
[briefing]
title = "시험"
[[actors]]
id = "yoon"
name = "윤석열"
kind = "person"
[[sections]]
id = "one"
title = "한국어"
body = "윤석열 대통령은 대통령실에서 말했다"
"#;
    let b = brief::load::load_str("ko.toml", text).unwrap().briefing;
    let mut a = App::new(b, 80, 24);
    search(&mut a, "대통령");
    code(&mut a, KeyCode::Enter);
    let buf = render(&a);
    let reader = brief::layout::inner(a.geometry().pane(Pane::Reader).unwrap());
    let y = reader.y + 2;
    let row: Vec<(String, bool)> = (reader.x..reader.right())
        .map(|x| {
            (
                buf[(x, y)].symbol().to_owned(),
                buf[(x, y)].modifier.contains(Modifier::REVERSED),
            )
        })
        .collect();
    let marked: String = row
        .iter()
        .filter(|(_, r)| *r)
        .map(|(s, _)| s.as_str())
        .collect();
    // Two matches, each three wide syllables (their continuation cells are blank).
    assert_eq!(marked.replace(' ', ""), "대통령대통령", "{row:?}");
    assert!(!row[0].1, "윤 is not highlighted");
}

/// The reader shows a briefing before indexing it (`App::warm` runs after the first
/// frame): keys that search before then index it themselves, and find the same.
#[test]
fn search_before_the_briefing_is_indexed_finds_the_same() {
    let mut cold = app(120, 40);
    assert!(
        !cold.indexes.indexes_built(),
        "App::new leaves indexing for later"
    );
    screen(&cold);
    let mut warm = app(120, 40);
    warm.build_indexes();
    assert!(warm.indexes.indexes_built());
    for a in [&mut cold, &mut warm] {
        search(a, "korea");
        code(a, KeyCode::Enter);
    }
    let (c, w) = (cold.search.as_ref().unwrap(), warm.search.as_ref().unwrap());
    assert_eq!(c.matches, w.matches);
    assert_eq!(c.matches.len(), expected(&cold, "korea").len());
    assert!(!c.matches.is_empty());
    // In a view too: the lexicon and the timeline order are made when first needed.
    let mut cold = app(120, 40);
    let mut warm = app(120, 40);
    warm.build_indexes();
    for a in [&mut cold, &mut warm] {
        ch(a, '4');
        search(a, "korea");
        code(a, KeyCode::Enter);
    }
    let label = |a: &App| a.pages[2].search_label("korea");
    assert!(
        label(&cold).is_some_and(|n| n.starts_with("item match ")),
        "{:?}",
        label(&cold)
    );
    assert_eq!(label(&cold), label(&warm));
    assert!(screen(&cold).contains(&label(&cold).unwrap()));
    assert_eq!(cold.pages[2].selected, warm.pages[2].selected);
    // The view's own count only: the Briefing view's count of the same query is
    // another number, of other things.
    let briefing_count = cold.search.as_ref().unwrap().label();
    assert!(briefing_count.contains("matches"), "{briefing_count}");
    assert!(
        !screen(&cold).contains(&briefing_count),
        "{}",
        screen(&cold)
    );
    assert!(screen(&cold).contains("/korea"));
}

/// On a large briefing a common letter has too many matches for one frame: the key
/// finds the first ones, the status says more are coming, and `App::search_step` (called by
/// the terminal loop between keys) finds the rest; `n` past the ones found, and
/// Enter, finish the search first. The result is what one whole search finds.
#[test]
fn a_search_too_large_for_one_key_goes_on_between_keys() {
    let text = synth::generate(1_000_000, 3);
    let b = brief::load::load_str("big.toml", &text).unwrap().briefing;
    let whole = |query: &str| {
        let mut a = App::new(b.clone(), 120, 40);
        search(&mut a, query);
        a.finish_search();
        a.search.unwrap().matches
    };
    let all = whole("e");
    assert!(all.len() > 10_000, "{}", all.len());

    let mut a = App::new(b.clone(), 120, 40);
    search(&mut a, "e");
    assert!(
        a.is_searching(),
        "one key does not find {} matches",
        all.len()
    );
    let found = a.search.as_ref().unwrap().matches.len();
    assert!(found > 0, "the first matches show at once");
    assert!(found < all.len());
    assert!(screen(&a).contains(&format!("{found}+ matches")));
    assert_eq!(
        a.search.as_ref().unwrap().matches[..],
        all[..found],
        "the first ones"
    );
    let mut steps = 0;
    while a.is_searching() {
        a.search_step();
        steps += 1;
        assert!(steps < 10_000, "work ends");
    }
    assert!(steps > 1);
    assert_eq!(a.search.as_ref().unwrap().matches, all);
    assert!(screen(&a).contains(&format!("{} matches", all.len())));

    // Typing on while a search is unfinished, then Backspace, then Enter.
    let mut a = App::new(b.clone(), 120, 40);
    search(&mut a, "e");
    typed(&mut a, "x");
    code(&mut a, KeyCode::Backspace);
    code(&mut a, KeyCode::Enter);
    // The first match is among those found: Enter goes to it at once, and the rest
    // is found between keys.
    assert_eq!(a.search.as_ref().unwrap().current, Some(0));
    assert!(a.is_searching(), "Enter does not wait for every match");
    while a.is_searching() {
        a.search_step();
    }
    assert_eq!(a.search.as_ref().unwrap().matches, all);
    assert_eq!(a.search.as_ref().unwrap().current, Some(0));

    // `N` from the first match wraps to the last, which needs every match.
    let mut a = App::new(b.clone(), 120, 40);
    search(&mut a, "e");
    a.mode = Mode::Panes;
    ch(&mut a, 'n');
    assert_eq!(a.search.as_ref().unwrap().current, Some(0));
    ch(&mut a, 'N');
    assert_eq!(a.search.as_ref().unwrap().current, Some(all.len() - 1));
    assert_eq!(a.search.as_ref().unwrap().matches, all);
}

/// The terminal loop indexes a briefing a step at a time between keys (`index_step`):
/// step by step, it makes what `build_indexes` makes at once, in more than one step of the
/// search index on a large briefing; and a key that needs the index midway finishes
/// it, the same.
#[test]
fn indexing_in_steps_makes_what_indexing_at_once_does() {
    use brief::views::indexes::Indexes;
    use brief::views::search::SearchIndex;
    let text = synth::generate(2_000_000, 3);
    let b = brief::load::load_str("big.toml", &text).unwrap().briefing;
    let whole = SearchIndex::new(&b);
    let stepped = Indexes::default();
    let mut steps = 0;
    while !stepped.index_step(&b) {
        steps += 1;
        assert!(steps < 1_000, "warming never ends");
    }
    assert!(stepped.indexes_built());
    // Seven parts, the index in several steps.
    assert!(steps > 8, "{steps} steps");
    assert!(*stepped.search(&b) == whole);
    let midway = Indexes::default();
    assert!(!midway.index_step(&b) && !midway.index_step(&b));
    assert!(*midway.search(&b) == whole);
    assert!(!midway.indexes_built());
    let mut more = 0;
    while !midway.index_step(&b) {
        more += 1;
    }
    assert!(more >= 5 && midway.indexes_built(), "{more} more steps");
}

/// A match that the Reader's wrap splits over two lines is highlighted on both (as
/// is a filtered actor's name: see the mono snapshot's "John" / "Healey").
#[test]
fn a_match_split_by_the_wrap_is_highlighted_on_both_lines() {
    use brief::views::lines::LineKind;
    let mut a = app(120, 40);
    // Two consecutive Body lines of one piece: the last word of one and the first of
    // the next, both plain ASCII words.
    let word = |w: &str| w.len() > 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    let (section, line, phrase) = (0..a.briefing.sections.len())
        .find_map(|s| {
            while a.sections.selected < s {
                ch(&mut a, ']');
            }
            let lines = &a.reader.view.lines;
            (0..lines.len().saturating_sub(1)).find_map(|i| {
                let (l, next) = (&lines[i], &lines[i + 1]);
                let same = l.kind == LineKind::Body
                    && next.kind == LineKind::Body
                    && l.source.map(|s| s.0) == next.source.map(|s| s.0);
                let last = l.text.split(' ').next_back()?;
                let first = next.text.split(' ').next()?;
                (same && word(last) && word(first)).then(|| (s, i, format!("{last} {first}")))
            })
        })
        .expect("the bundled briefing wraps a body line between two words");
    assert_eq!(a.sections.selected, section);
    search(&mut a, &phrase);
    code(&mut a, KeyCode::Enter);
    assert_eq!(a.sections.selected, section, "{phrase:?}");
    let buf = render(&a);
    let reader = brief::layout::inner(a.geometry().pane(Pane::Reader).unwrap());
    let reversed = |n: usize| {
        let y = reader.y + u16::try_from(n - a.reader.scroll).unwrap();
        (reader.x..reader.right())
            .filter(|&x| buf[(x, y)].modifier.contains(Modifier::REVERSED))
            .count()
    };
    let (last, first) = phrase.split_once(' ').unwrap();
    assert_eq!(reversed(line), last.len(), "{phrase:?}");
    assert_eq!(reversed(line + 1), first.len(), "{phrase:?}");
}
