//! The analyst views wrap their pages a block at a time, only what is shown or walked
//! over (`PageState`). Here the lazy page is checked against the whole page
//! (`pages::build`, what `brief print --view` prints): the same lines and items, and
//! moving through it (j/k, pages, ends, clicks, search) selects and scrolls exactly as
//! the reader did when it kept the whole page.

mod common;
#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

use brief::model::{ActorIx, Briefing};
use brief::views::Direction;
use brief::views::filter::Filter;
use brief::views::indexes::Indexes;
use brief::views::pages::{self, Page, PageState, Structure, Target, View};
use brief::views::search::find_in;
use proptest::prelude::*;
use std::sync::OnceLock;

const VIEWS: [View; 4] = [View::Claims, View::Figures, View::Timeline, View::Actors];

fn load(text: &str) -> Briefing {
    brief::load::load_str("t.toml", text).unwrap().briefing
}

/// A synthetic briefing whose Timeline and Actors pages have far more blocks than are
/// wrapped whole (so the scroll walks and the cache are used).
fn large() -> &'static Briefing {
    static B: OnceLock<Briefing> = OnceLock::new();
    B.get_or_init(|| load(&synth::generate(300_000, 5)))
}

fn filters(b: &Briefing) -> Vec<Filter> {
    let mut one = Filter::new(b);
    one.toggle(b, ActorIx(0));
    vec![Filter::new(b), one]
}

/// The lazy page made whole: every line, in order.
fn lazy_lines(state: &PageState, b: &Briefing, f: &Filter) -> Vec<Vec<pages::PageCell>> {
    state
        .visible_lines(b, f, usize::MAX)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

#[test]
fn lazy_pages_are_the_whole_pages() {
    let bundled = brief::load::bundled().unwrap().briefing;
    for b in [&bundled, large()] {
        let d = Indexes::default();
        for f in filters(b) {
            for view in VIEWS {
                for width in [24, 80, 157] {
                    for fold in [true, false] {
                        let whole = pages::build(view, b, &f, width, fold);
                        let mut state = PageState::default();
                        state.sync(view, (b, &d), &f, width, fold, 30);
                        let what = format!("{view:?} at {width}, fold {fold}");
                        assert_eq!(lazy_lines(&state, b, &f), whole.lines, "{what}");
                        let targets: Vec<Target> = whole.items.iter().map(|i| i.target).collect();
                        assert_eq!(state.targets(), targets, "{what}");
                        for (k, item) in whole.items.iter().enumerate() {
                            let p = state.item_pos(b, &f, k);
                            assert_eq!(state.line_of(b, &f, p), item.line, "{what}: item {k}");
                        }
                    }
                }
            }
        }
    }
}

/// Search in the Timeline and Actors views answers from the search index and the
/// lexicon (`BlockMatcher`), never reading a block: it must find what reading each block's
/// texts would, for queries of every kind (words, names, native names, dates as each
/// view shows them, stances, kinds, case, a phrase, nothing).
#[test]
fn search_in_a_view_finds_what_reading_the_texts_finds() {
    let bundled = brief::load::bundled().unwrap().briefing;
    let mut queries: Vec<String> = [
        "minist",
        "a",
        "zzzz",
        "said",
        " ",
        "2024-",
        "2024-10-2",
        "oct 2024",
        "22 oct",
        "✔ asserts",
        "denies",
        "person",
        "state",
        "KOREA",
        "북한",
        "“",
        "Quotes",
        "figures",
    ]
    .map(str::to_owned)
    .to_vec();
    for b in [&bundled, large()] {
        // Every actor's name and native name, a few sections' titles and quotes' words.
        queries.extend(b.actors.iter().step_by(7).map(|a| a.name.clone()));
        queries.extend(
            b.actors
                .iter()
                .filter_map(|a| a.native_name.clone())
                .take(5),
        );
        queries.extend(b.sections.iter().step_by(5).map(|s| s.title.clone()));
        queries.extend(b.quotes.iter().step_by(11).map(|q| {
            q.text
                .split_whitespace()
                .skip(2)
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        }));
    }
    for b in [&bundled, large()] {
        let d = Indexes::default();
        for f in filters(b) {
            for view in [View::Timeline, View::Actors, View::Figures] {
                let mut state = PageState::default();
                state.sync(view, (b, &d), &f, 80, true, 30);
                let s = state.structure().clone();
                for query in &queries {
                    let want = common::text_hits(b, &s, query);
                    state.selected = state.items().saturating_sub(1);
                    let found = state.find((b, &d), &f, query, Direction::Forward);
                    assert_eq!(
                        found.map(|(_, n)| n),
                        (!want.is_empty()).then_some(want.len()),
                        "{view:?}, {query:?}"
                    );
                    assert_eq!(
                        state.selected,
                        want.first().copied().unwrap_or(state.selected)
                    );
                }
            }
        }
    }
}

/// A phrase that wraps across two lines is found (search reads texts, not lines).
#[test]
fn a_phrase_wrapped_across_lines_is_found() {
    let b = brief::load::bundled().unwrap().briefing;
    let d = Indexes::default();
    let f = Filter::new(&b);
    let width = 40;
    let page = pages::build(View::Timeline, &b, &f, width, true);
    let lines: Vec<String> = page
        .lines
        .iter()
        .map(|cells| cells.iter().map(|c| c.text.as_str()).collect::<String>())
        .collect();
    // The last word of a line and the first of the next, inside one entry's text.
    let (n, phrase) = lines
        .windows(2)
        .enumerate()
        .find_map(|(n, w)| {
            let last = w[0].split_whitespace().last()?;
            let first = w[1].split_whitespace().next()?;
            let continued =
                w[1].starts_with(&" ".repeat(12)) && first.chars().all(char::is_alphabetic);
            (continued && last.chars().all(char::is_alphabetic))
                .then(|| (n, format!("{last} {first}")))
        })
        .expect("the bundled timeline wraps at 40 columns");
    assert!(
        !lines.iter().any(|l| l.contains(&phrase)),
        "{phrase:?} is on no line"
    );
    let mut state = PageState::default();
    state.sync(View::Timeline, (&b, &d), &f, width, true, 30);
    assert!(
        state
            .find((&b, &d), &f, &phrase, Direction::Forward)
            .is_some(),
        "{phrase:?} near line {n}"
    );
}

#[test]
fn the_timeline_is_a_stable_sort_by_date_with_events_first() {
    use brief::views::analysis::{TimelineEntry, timeline};
    let b = large();
    let mut want: Vec<_> = (b.timeline.iter().enumerate())
        .map(|(i, e)| (e.date, TimelineEntry::Event(i)))
        .collect();
    want.extend((b.quotes.iter().enumerate()).filter_map(|(i, q)| {
        q.said
            .map(|d| (d, TimelineEntry::Quote(brief::model::QuoteIx::at(i))))
    }));
    want.sort_by_key(|(d, _)| *d);
    assert!(want.len() > 100, "{}", want.len());
    assert_eq!(timeline(b), want);
}

/// What a key does on a page.
#[derive(Debug, Clone)]
enum Key {
    Down(usize),
    Up(usize),
    NextItem,
    PrevItem,
    Top,
    Bottom,
    Click(usize, usize),
    Find(&'static str, bool),
}

/// The reader as it was with whole pages: selection and scroll as lines of `page`.
struct Whole<'a> {
    page: &'a Page,
    /// The line each block starts on, and the structure's headings: the heading of
    /// the selection's group stays in view with it when both fit.
    starts: &'a [usize],
    structure: &'a Structure,
    /// Outside Claims, search reads each block's texts (see `text_hit`).
    texts: Option<(&'a Briefing, &'a Structure)>,
    selected: usize,
    scroll: usize,
}

impl Whole<'_> {
    fn sync(&mut self, rows: usize) {
        let items = &self.page.items;
        self.selected = self.selected.min(items.len().saturating_sub(1));
        if let Some(line) = items.get(self.selected).map(|i| i.line) {
            if line < self.scroll {
                self.scroll = line;
            } else if rows > 0 && line >= self.scroll + rows {
                self.scroll = line + 1 - rows;
            }
            let block = self.starts.partition_point(|&s| s <= line) - 1;
            let head = self.starts[self.structure.heading_of(block)];
            if head < self.scroll && line - head < rows {
                self.scroll = head;
            }
            if rows > 0 && self.selected + 1 == items.len() {
                let bottom = self.page.lines.len().saturating_sub(rows);
                self.scroll = self.scroll.max(bottom.min(line));
            }
        }
        self.scroll = self.scroll.min(self.page.lines.len().saturating_sub(rows));
    }

    fn press(&mut self, key: &Key) -> Option<(usize, usize)> {
        let items = &self.page.items;
        if items.is_empty() {
            return None;
        }
        let cur = items[self.selected];
        let nearest_on = |line: usize| {
            items
                .iter()
                .enumerate()
                .filter(|(_, it)| it.line == line)
                .min_by_key(|(_, it)| it.column.abs_diff(cur.column))
                .map(|(n, _)| n)
        };
        let lines = items.iter().map(|it| it.line);
        self.selected = match *key {
            Key::NextItem => (self.selected + 1).min(items.len() - 1),
            Key::PrevItem => self.selected.saturating_sub(1),
            Key::Top => 0,
            Key::Bottom => items.len() - 1,
            Key::Down(step) => lines
                .clone()
                .find(|&l| l >= cur.line + step)
                .or_else(|| lines.clone().rev().find(|&l| l > cur.line))
                .and_then(nearest_on)
                .unwrap_or(self.selected),
            Key::Up(step) => lines
                .clone()
                .rev()
                .find(|&l| l + step <= cur.line)
                .or_else(|| lines.clone().find(|&l| l < cur.line))
                .and_then(nearest_on)
                .unwrap_or(self.selected),
            Key::Click(row, col) => {
                let line = self.scroll + row;
                items
                    .iter()
                    .rposition(|it| it.line == line && it.column <= col)
                    .or_else(|| items.iter().position(|it| it.line == line))
                    .unwrap_or(self.selected)
            }
            Key::Find(query, forward) => return self.find(query, forward),
        };
        None
    }

    fn find(&mut self, query: &str, forward: bool) -> Option<(usize, usize)> {
        let (items, lines) = (&self.page.items, &self.page.lines);
        let from_texts = self.texts.map(|(b, s)| common::text_hits(b, s, query));
        // Claims: a match in an item's own cell is that item's; a match elsewhere on
        // a line (a statement, a tally) is one match, the first item on that line,
        // or, on a line without items, the item above.
        let from_cells = || {
            let mut out = Vec::new();
            let mut owner = None;
            // The notes under the claims (on folding, on what the filter hides) are
            // about the view, not its content: not searched.
            let note = |cells: &Vec<pages::PageCell>| {
                cells.iter().any(|c| {
                    c.text.starts_with("Members are folded") || c.text.contains(" other claim")
                })
            };
            let end = lines.iter().position(note).unwrap_or(lines.len());
            for (line, cells) in lines[..end].iter().enumerate() {
                let on_line: Vec<usize> = (0..items.len())
                    .filter(|&n| items[n].line == line)
                    .collect();
                if let Some(&first) = on_line.first() {
                    owner = Some(first);
                }
                // A claim in the list form (its statement and tally) belongs to its
                // first position, the next item down.
                let block = self.starts.partition_point(|&s| s <= line) - 1;
                if on_line.is_empty()
                    && matches!(self.structure.blocks[block], pages::PageBlock::ListClaim(_))
                {
                    owner = (0..items.len()).find(|&n| items[n].line > line).or(owner);
                }
                for c in cells.iter().filter(|c| !find_in(&c.text, query).is_empty()) {
                    match c.item {
                        Some(id) if on_line.contains(&id) => out.push(id),
                        _ => out.extend(on_line.first().copied().or(owner)),
                    }
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        };
        let matching: Vec<usize> = match &from_texts {
            Some(hits) => hits.clone(),
            None => from_cells(),
        };
        let &first = matching.first()?;
        let next = if forward {
            matching
                .iter()
                .copied()
                .find(|&n| n > self.selected)
                .unwrap_or(first)
        } else {
            let last = *matching.last().unwrap_or(&first);
            matching
                .iter()
                .copied()
                .rev()
                .find(|&n| n < self.selected)
                .unwrap_or(last)
        };
        self.selected = next;
        Some((
            matching.iter().position(|&n| n == next).unwrap_or(0),
            matching.len(),
        ))
    }
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => (1usize..4).prop_map(Key::Down),
        3 => (1usize..4).prop_map(Key::Up),
        2 => prop::sample::select(vec![9usize, 18]).prop_map(Key::Down),
        2 => prop::sample::select(vec![9usize, 18]).prop_map(Key::Up),
        1 => Just(Key::NextItem),
        1 => Just(Key::PrevItem),
        1 => Just(Key::Top),
        1 => Just(Key::Bottom),
        2 => (0usize..22, 0usize..130).prop_map(|(r, c)| Key::Click(r, c)),
        1 => (prop::sample::select(vec!["minist", "a", "zzzz", "said", " ", "  ", "2024-", "members", "· ", "Oct 2024", "denies", "state"]), any::<bool>())
            .prop_map(|(q, f)| Key::Find(q, f)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn moving_through_a_lazy_page_is_moving_through_the_whole_page(
        view in prop::sample::select(VIEWS.to_vec()),
        filtered in any::<bool>(),
        width in prop::sample::select(vec![60usize, 157]),
        keys in prop::collection::vec(key(), 1..30),
    ) {
        const ROWS: usize = 18;
        let b = large();
        let f = filters(b).swap_remove(usize::from(filtered));
        let d = Indexes::default();
        let (page, starts) = pages::build_with_starts(view, b, &f, width, true);
        let mut lazy = PageState::default();
        lazy.sync(view, (b, &d), &f, width, true, ROWS);
        let structure = lazy.structure().clone();
        let texts = (view != View::Claims).then_some((b, &structure));
        let mut whole = Whole {
            page: &page,
            starts: &starts,
            structure: &structure,
            texts,
            selected: 0,
            scroll: 0,
        };
        whole.sync(ROWS);
        for key in &keys {
            let found_whole = whole.press(key);
            let found_lazy = match *key {
                Key::Down(step) => { lazy.down(b, &f, step); None }
                Key::Up(step) => { lazy.up(b, &f, step); None }
                Key::NextItem => { lazy.selected = (lazy.selected + 1).min(lazy.items().saturating_sub(1)); None }
                Key::PrevItem => { lazy.selected = lazy.selected.saturating_sub(1); None }
                Key::Top => { lazy.selected = 0; None }
                Key::Bottom => { lazy.selected = lazy.items().saturating_sub(1); None }
                Key::Click(row, col) => { lazy.click(b, &f, row, col); None }
                Key::Find(q, forward) => {
                    let direction = if forward {
                        Direction::Forward
                    } else {
                        Direction::Backward
                    };
                    lazy.find((b, &d), &f, q, direction)
                }
            };
            whole.sync(ROWS);
            lazy.sync(view, (b, &d), &f, width, true, ROWS);
            prop_assert_eq!(found_lazy, found_whole, "{:?}", key);
            prop_assert_eq!(lazy.selected, whole.selected, "{:?}", key);
            let scroll = lazy.scroll;
            prop_assert_eq!(lazy.line_of(b, &f, scroll), whole.scroll, "{:?}", key);
            let shown: Vec<Vec<pages::PageCell>> = lazy
                .visible_lines(b, &f, ROWS)
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect();
            let end = (whole.scroll + ROWS).min(page.lines.len());
            prop_assert_eq!(&shown[..], &page.lines[whole.scroll..end]);
        }
    }
}

#[test]
fn a_resize_keeps_the_place_and_the_selection_on_screen() {
    let b = large();
    let d = Indexes::default();
    let f = Filter::new(b);
    let mut state = PageState::default();
    state.sync(View::Timeline, (b, &d), &f, 120, true, 20);
    for _ in 0..40 {
        state.down(b, &f, 7);
        state.sync(View::Timeline, (b, &d), &f, 120, true, 20);
    }
    let top = state.scroll.block;
    let selected = state.selected;
    state.sync(View::Timeline, (b, &d), &f, 50, true, 20);
    // Blocks grow taller when narrower: the screen starts at the same block, or lower
    // when that is needed to keep the selection on it; it does not jump elsewhere.
    let block_of_selection = state.item_pos(b, &f, selected).block;
    assert!((top..=block_of_selection).contains(&state.scroll.block));
    assert!(
        state.selected_row(b, &f, 20).is_some(),
        "the selection is on screen"
    );
    let whole = pages::build(View::Timeline, b, &f, 50, true);
    let line = state.line_of(b, &f, state.scroll);
    let shown: Vec<_> = state
        .visible_lines(b, &f, 20)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect();
    assert_eq!(shown, whole.lines[line..line + 20]);
}

/// A name found in a profile's head selects that actor's first entry, not the entry
/// above it (the previous actor's last).
#[test]
fn a_name_in_a_profile_selects_the_actors_first_entry() {
    let b = brief::load::bundled().unwrap().briefing;
    let d = Indexes::default();
    let f = Filter::new(&b);
    let healey = b
        .actors
        .iter()
        .position(|a| a.name == "John Healey")
        .unwrap();
    let mut state = PageState::default();
    state.sync(View::Actors, (&b, &d), &f, 80, true, 30);
    let first = state
        .structure()
        .targets
        .iter()
        .position(|t| matches!(t, Target::Quote(q) if b.quote(*q).speaker.get() == healey))
        .unwrap();
    assert!(first > 0);
    state.selected = first - 1;
    state
        .find((&b, &d), &f, "john healey", Direction::Forward)
        .unwrap();
    assert_eq!(state.selected, first);
    // Backward from below lands there too, not above.
    state.selected = first + 1;
    state
        .find((&b, &d), &f, "john healey", Direction::Backward)
        .unwrap();
    assert_eq!(state.selected, first);
}

/// A quote written over several lines shows on one line in the views: words on both
/// sides of its line break are found there, as a phrase.
#[test]
fn a_quote_over_several_lines_is_found_across_the_break() {
    let text = "format = 1\n\n[briefing]\ntitle = \"T\"\n\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[sections.quotes]]\nid = \"q\"\nspeaker = \"a\"\nsaid = \"2024-10-22\"\ntext = \"\"\"\nfirst line\nsecond line\"\"\"\n";
    let b = load(text);
    assert!(b.quotes[0].text.contains('\n'));
    let d = Indexes::default();
    let f = Filter::new(&b);
    for view in [View::Timeline, View::Actors] {
        let mut state = PageState::default();
        state.sync(view, (&b, &d), &f, 80, true, 30);
        for (query, found) in [
            ("line second", true),
            ("first line", true),
            ("line\nsecond", false),
        ] {
            assert_eq!(
                state
                    .find((&b, &d), &f, query, Direction::Forward)
                    .is_some(),
                found,
                "{view:?} {query:?}"
            );
        }
    }
}
