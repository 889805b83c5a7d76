//! Shared by the frame benchmarks: synthetic briefings, key presses as the terminal
//! loop makes them, cheap save and restore of the reader's state, and the prepared
//! states each key is measured from.
#![allow(dead_code)]

use brief::app::{Action, App, Key, KeyCode, keymap, update};
use brief::layout::Pane;
use brief::model::Briefing;
use ratatui::buffer::Buffer;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[path = "../../examples/synth.rs"]
pub mod synth;

/// Whether the 50 MB size is asked for (`BRIEF_BENCH_50MB=1`).
pub fn want_50mb() -> bool {
    std::env::var("BRIEF_BENCH_50MB").is_ok_and(|v| v == "1")
}

/// The sizes measured, with their labels.
pub fn sizes() -> Vec<(&'static str, usize)> {
    let mut sizes = vec![("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];
    if want_50mb() {
        sizes.push(("50MB", 50_000_000));
    }
    sizes
}

/// A synthetic briefing of about `bytes`, loaded (seed 1, as everywhere here).
pub fn briefing(bytes: usize) -> Briefing {
    let text = synth::generate(bytes, 1);
    brief::load::load_str("synth.toml", &text)
        .expect("the synthetic briefing is valid")
        .briefing
}

/// Presses a key as the terminal loop would: through the keymap for the current mode.
pub fn press(app: &mut App, key: Key) {
    if let Some(action) = keymap::lookup(app.context(), key) {
        let _ = update(app, settings(), action);
    }
}

/// The settings of a run with no config and no flags.
pub fn settings() -> &'static brief::app::Settings {
    static DEFAULT: std::sync::LazyLock<brief::app::Settings> =
        std::sync::LazyLock::new(brief::app::Settings::default);
    &DEFAULT
}

pub fn typed(app: &mut App, keys: &str) {
    for c in keys.chars() {
        press(app, Key::ch(c));
    }
}

/// One frame into a reused buffer, reset first as ratatui's `Terminal` does.
pub fn draw(app: &App, buf: &mut Buffer) {
    buf.reset();
    brief::ui::render(app, settings(), buf.area, buf);
}

/// A copy of the state without the two large parts no key changes (the briefing and
/// what is derived from it once), so restoring it before each timed key is cheap.
pub fn light_copy(app: &mut App) -> App {
    let briefing = std::mem::take(&mut app.briefing);
    let index = std::mem::take(&mut app.indexes);
    let copy = app.clone();
    app.briefing = briefing;
    app.indexes = index;
    copy
}

/// Puts back a state saved by `light_copy`, keeping the briefing and what is derived.
pub fn restore(app: &mut App, copy: &App) {
    let briefing = std::mem::take(&mut app.briefing);
    let index = std::mem::take(&mut app.indexes);
    app.clone_from(copy);
    app.briefing = briefing;
    app.indexes = index;
}

/// Prepares a case's state as the terminal loop leaves it while no key is waiting:
/// the case's keys pressed, then any search they left unfinished carried on to its end
/// (`App::work`, which the loop calls between keys).
pub fn prepare(app: &mut App, case: &Case) {
    (case.prepare)(app);
    while app.is_searching() {
        app.search_step();
    }
}

/// What happens before the measured frame.
#[derive(Clone, Copy)]
pub enum Input {
    /// Nothing: a frame alone.
    Frame,
    /// A key, through the keymap as the terminal loop sends it.
    Key(Key),
    /// An action the terminal loop sends without a key (a resize).
    Action(Action),
}

/// A prepared state and the input measured from it.
pub struct Case {
    pub name: &'static str,
    pub prepare: fn(&mut App),
    pub input: Input,
}

/// When set, prepared states select section 5 and quote 50 (the same content in two
/// briefings that share their first sections) instead of the middle ones.
pub static FIXED_POSITIONS: AtomicBool = AtomicBool::new(false);

fn position(len: usize, fixed: usize) -> usize {
    if FIXED_POSITIONS.load(Ordering::Relaxed) {
        fixed.min(len.saturating_sub(1))
    } else {
        len / 2
    }
}

fn mid_section(app: &mut App, focus: Pane) {
    app.sections.selected = position(app.briefing.sections.len(), 5);
    app.focus = focus;
    app.sync();
}

fn mid_quote(app: &mut App) {
    app.quotes.selected = position(app.filter.quotes.len(), 50);
    app.focus = Pane::Quotes;
    app.sync();
}

/// Opens the actor filter and chooses its first row (the first state, with members).
fn filtered(app: &mut App) {
    press(app, Key::ch('a'));
    press(app, Key::ch(' '));
    press(app, Key::plain(KeyCode::Esc));
}

const J: Key = Key::ch('j');
const PGDN: Key = Key::plain(KeyCode::PageDown);
const ENTER: Key = Key::plain(KeyCode::Enter);

fn case(name: &'static str, prepare: fn(&mut App), key: Key) -> Case {
    Case {
        name,
        prepare,
        input: Input::Key(key),
    }
}

/// The terminal resized to 199x60 (one column narrower at 200x60): every width-keyed
/// cache is stale. (Narrower, so the frame still fits the benchmark's buffer.)
fn resize_case(name: &'static str, prepare: fn(&mut App)) -> Case {
    Case {
        name,
        prepare,
        input: Input::Action(Action::Resize(199, 60)),
    }
}

/// The keys of the issue, each from a state where it does real work.
pub fn cases() -> Vec<Case> {
    vec![
        case("key_j_sections", |a| mid_section(a, Pane::Sections), J),
        case("key_j_quotes", mid_quote, J),
        case("key_j_reader", |a| mid_section(a, Pane::Reader), J),
        case("key_pgdn_quotes", mid_quote, PGDN),
        case("key_pgdn_reader", |a| mid_section(a, Pane::Reader), PGDN),
        case(
            "key_next_section",
            |a| mid_section(a, Pane::Sections),
            Key::ch(']'),
        ),
        case(
            "key_filter_toggle",
            |a| press(a, Key::ch('a')),
            Key::ch(' '),
        ),
        case("key_open_detail", mid_quote, ENTER),
        case("key_search_char", |a| typed(a, "/minist"), Key::ch('r')),
        case(
            "key_search_next",
            |a| {
                typed(a, "/ministry");
                press(a, ENTER);
                mid_section(a, Pane::Reader);
            },
            Key::ch('n'),
        ),
        case(
            "key_j_reader_filtered",
            |a| {
                filtered(a);
                mid_section(a, Pane::Reader);
            },
            J,
        ),
        case("key_claims_view", |_| {}, Key::ch('2')),
    ]
}

/// More keys, for the size-scaling check: everything a reader presses often.
pub fn more_cases() -> Vec<Case> {
    vec![
        Case {
            name: "idle",
            prepare: |_| {},
            input: Input::Frame,
        },
        Case {
            name: "idle_filtered",
            prepare: filtered,
            input: Input::Frame,
        },
        case(
            "key_filter_toggle_while_searching",
            |a| {
                typed(a, "/ministry");
                press(a, ENTER);
                press(a, Key::ch('a'));
            },
            Key::ch(' '),
        ),
        resize_case("resize_briefing_view", |a| mid_section(a, Pane::Reader)),
        resize_case("resize_timeline_view", |a| press(a, Key::ch('4'))),
        case("key_tab", |_| {}, Key::plain(KeyCode::Tab)),
        case("key_end_quotes", mid_quote, Key::ch('G')),
        case("key_open_filter", |_| {}, Key::ch('a')),
        case("key_clear_filter", filtered, Key::ch('c')),
        case(
            "key_j_quotes_filtered",
            |a| {
                filtered(a);
                mid_quote(a);
            },
            J,
        ),
        case(
            "key_detail_next",
            |a| {
                mid_quote(a);
                press(a, ENTER);
            },
            Key::ch('l'),
        ),
        case("key_search_open", |_| {}, Key::ch('/')),
        case("key_search_accept", |a| typed(a, "/ministry"), ENTER),
        case("key_outline", |_| {}, Key::ch('o')),
        case("key_star", mid_quote, Key::ch('s')),
        case("key_next_unread", mid_quote, Key::ch('u')),
        case("key_figures_view", |_| {}, Key::ch('3')),
        case("key_timeline_view", |_| {}, Key::ch('4')),
        case("key_actors_view", |_| {}, Key::ch('5')),
        case("key_j_claims_view", |a| press(a, Key::ch('2')), J),
        case("key_j_timeline_view", |a| press(a, Key::ch('4')), J),
        // Search on a view's page: Enter checks blocks up to its match (at most a
        // bounded number; `App::work` goes on between keys); `n` then moves among the
        // items found.
        case(
            "key_search_accept_timeline_view",
            |a| {
                press(a, Key::ch('4'));
                typed(a, "/ministry");
            },
            ENTER,
        ),
        case(
            "key_search_accept_timeline_view_one_letter",
            |a| {
                press(a, Key::ch('4'));
                typed(a, "/m");
            },
            ENTER,
        ),
        // A query found nowhere: the most a key checks (`KEY_BLOCKS`, the whole page
        // at 1 MB), the rest between keys.
        case(
            "key_search_accept_timeline_view_absent",
            |a| {
                press(a, Key::ch('4'));
                typed(a, "/zqzq");
            },
            ENTER,
        ),
        case(
            "key_search_accept_actors_view",
            |a| {
                press(a, Key::ch('5'));
                typed(a, "/ministry");
            },
            ENTER,
        ),
        case(
            "key_n_timeline_view",
            |a| {
                press(a, Key::ch('4'));
                typed(a, "/ministry");
                press(a, ENTER);
            },
            Key::ch('n'),
        ),
    ]
}

/// Runs `iters` transitions from `copy`, timing only the input and its frame.
pub fn time_case(
    app: &mut App,
    copy: &App,
    input: Input,
    buf: &mut Buffer,
    iters: u64,
) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        restore(app, copy);
        let start = Instant::now();
        match input {
            Input::Frame => {}
            Input::Key(key) => press(app, key),
            Input::Action(action) => {
                let _ = update(app, settings(), action);
            }
        }
        draw(app, buf);
        total += start.elapsed();
        black_box(&*buf);
    }
    total
}
