//! Frame and key benchmarks (issue 7), at 100 KB, 1 MB and 10 MB (50 MB with
//! `BRIEF_BENCH_50MB=1`) and at 80x24, 200x60 and 400x120:
//!
//! - `first_frame`: `App::new` on a loaded briefing, then one frame (what the terminal
//!   shows first); `build_indexes`: what the terminal loop then works out once per briefing
//!   before it reads the first key (`App::warm`: the search index, the lexicon, the
//!   timeline order, the actors' lists);
//! - `idle`: one frame of the starting state, no key;
//! - one key and its frame, from a prepared state: `j` and `PgDn` in each pane, `]`, a
//!   filter toggle (Space in the actor filter), opening the detail (Enter on a quote), a
//!   search keystroke, `n`, `j` in the Reader with a filter on, and the Claims view;
//! - `floor`: the least a frame can cost: three bordered panes whose rows are copied from
//!   strings prepared once.
//!
//! A key is pressed as the terminal loop does (`keymap::lookup`, then `update`) and
//! the frame is drawn into a reused `Buffer` after `reset`, as ratatui's `Terminal` does
//! (its diff and the terminal write are not measured). Before each timed key the
//! prepared state is restored outside the timed part, so every iteration measures the
//! same transition.
//!
//! The `change` group measures the state change alone, without a frame: a filter
//! toggle and a search keystroke over the whole briefing, each beside its floor (an
//! interned speaker column; one scan of a lower-cased copy of the text, by
//! `str::match_indices` and by `memchr::memmem`). `search_char` types the last letter
//! of `ministr` (narrowing the matches of `minist`); `search_first_char` the first
//! letter of a query (a full scan with the most matches): what its key does (a step,
//! see `Search`), and `search_first_char_whole` the whole search, key and steps.

mod common;

use brief::app::{App, Key};
use common::{draw, light_copy, press, restore, time_case, typed};
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SCREENS: [(u16, u16); 3] = [(80, 24), (200, 60), (400, 120)];

/// The floor frame: three bordered panes, each row copied from a string made once.
fn floor_frame(rows: &[String], buf: &mut Buffer) {
    buf.reset();
    let area = buf.area;
    let third = area.width / 3;
    for i in 0..3 {
        let x = area.x + i * third;
        let w = if i == 2 {
            area.width - 2 * third
        } else {
            third
        };
        let pane = Rect::new(x, area.y + 1, w, area.height.saturating_sub(2));
        let block = Block::bordered().title("Pane");
        let inner = block.inner(pane);
        block.render(pane, buf);
        for (n, row) in rows.iter().take(usize::from(inner.height)).enumerate() {
            let y = inner.y + u16::try_from(n).unwrap_or(0);
            buf.set_stringn(
                inner.x,
                y,
                row,
                usize::from(inner.width),
                ratatui::style::Style::new(),
            );
        }
    }
    buf.set_stringn(
        area.x,
        area.y,
        &rows[0],
        usize::from(area.width),
        ratatui::style::Style::new(),
    );
}

fn frames(c: &mut Criterion) {
    let briefings: Vec<_> = common::sizes()
        .into_iter()
        .map(|(label, bytes)| (label, common::briefing(bytes)))
        .collect();
    for (w, h) in SCREENS {
        let mut g = c.benchmark_group(format!("frame/{w}x{h}"));
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(150))
            .measurement_time(Duration::from_millis(500))
            .sampling_mode(SamplingMode::Flat);
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        for (label, b) in &briefings {
            // Floor: rows of the briefing's own text, prepared once.
            let rows: Vec<String> = b
                .sections
                .iter()
                .flat_map(|s| &s.paragraphs)
                .take(usize::from(h))
                .map(|p| brief::text::truncate(p, usize::from(w)))
                .collect();
            g.bench_function(BenchmarkId::new("floor", label), |bench| {
                bench.iter(|| floor_frame(&rows, &mut buf));
            });

            let mut slot = Some(b.clone());
            g.bench_function(BenchmarkId::new("first_frame", label), |bench| {
                bench.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let briefing = slot.take().expect("the briefing is put back");
                        let start = Instant::now();
                        let app = App::new(briefing, w, h);
                        draw(&app, &mut buf);
                        total += start.elapsed();
                        slot = Some(app.briefing);
                    }
                    total
                });
            });

            let mut app = App::new(slot.take().expect("the briefing"), w, h);
            g.bench_function(BenchmarkId::new("warm", label), |bench| {
                bench.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        app.indexes = brief::views::indexes::Indexes::default();
                        let start = Instant::now();
                        app.build_indexes();
                        total += start.elapsed();
                    }
                    total
                });
            });
            // Every key below is measured as the terminal loop runs it: after `build_indexes`.
            app.build_indexes();
            g.bench_function(BenchmarkId::new("idle", label), |bench| {
                bench.iter(|| draw(&app, &mut buf));
            });

            let start = light_copy(&mut app);
            for case in common::cases() {
                restore(&mut app, &start);
                common::prepare(&mut app, &case);
                let copy = light_copy(&mut app);
                g.bench_function(BenchmarkId::new(case.name, label), |bench| {
                    bench.iter_custom(|iters| {
                        time_case(&mut app, &copy, case.input, &mut buf, iters)
                    });
                });
            }
        }
        g.finish();
    }
}

/// State changes alone (no frame) over the whole briefing, beside their floors.
fn changes(c: &mut Criterion) {
    let mut g = c.benchmark_group("change");
    g.sample_size(20)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_millis(600));
    for (label, bytes) in common::sizes() {
        let b = common::briefing(bytes);
        let quotes = b.quotes.len();
        let speakers: Vec<u32> = b.quotes.iter().map(|q| q.speaker.0).collect();
        let mut lower = String::new();
        for s in &b.sections {
            lower.push_str(&s.title.to_lowercase());
            for p in &s.paragraphs {
                lower.push('\n');
                lower.push_str(&p.to_lowercase());
            }
            for q in &b.quotes[s.quotes.clone()] {
                lower.push('\n');
                lower.push_str(&q.text.to_lowercase());
            }
        }
        let mut app = App::new(b, 200, 60);
        app.build_indexes();

        // Floor: one pass over an interned speaker column with a per-actor flag.
        let mut selects = vec![false; app.briefing.actors.len()];
        for m in app.briefing.with_members(brief::model::ActorIx(0)) {
            selects[m.get()] = true;
        }
        g.bench_function(BenchmarkId::new("filter_floor_interned", label), |bench| {
            bench.iter(|| {
                black_box(
                    speakers
                        .iter()
                        .enumerate()
                        .filter(|&(_, &s)| selects[s as usize])
                        .map(|(i, _)| u32::try_from(i).unwrap_or(0))
                        .collect::<Vec<u32>>(),
                )
            });
        });
        let start = light_copy(&mut app);
        press(&mut app, Key::ch('a'));
        let copy = light_copy(&mut app);
        g.bench_function(BenchmarkId::new("filter_toggle", label), |bench| {
            bench.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    restore(&mut app, &copy);
                    let t = Instant::now();
                    press(&mut app, Key::ch(' '));
                    total += t.elapsed();
                }
                total
            });
        });
        restore(&mut app, &copy);
        press(&mut app, Key::ch(' '));
        assert!(app.filter.quotes.len() < quotes, "the toggle filters");

        g.bench_function(BenchmarkId::new("search_floor_scan", label), |bench| {
            bench.iter(|| black_box(lower.match_indices(black_box("ministr")).count()));
        });
        // The fastest scan of the same copy: the "about 0.5 ms for 3.3 MB".
        g.bench_function(BenchmarkId::new("search_floor_memmem", label), |bench| {
            bench.iter(|| {
                black_box(memchr::memmem::find_iter(lower.as_bytes(), black_box("ministr")).count())
            });
        });
        search_keys(&mut g, &mut app, &start, label);
        eprintln!(
            "change/{label}: {quotes} quotes, {} bytes of lower-cased text",
            lower.len()
        );
    }
    g.finish();
}

/// A search keystroke (the last letter of `ministr`), the first letter of a query (one
/// step), and that whole search (the key, then `App::search_step` to the end).
fn search_keys(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    app: &mut App,
    start: &App,
    label: &str,
) {
    restore(app, start);
    typed(app, "/minist");
    while app.is_searching() {
        app.search_step();
    }
    let copy = light_copy(app);
    g.bench_function(BenchmarkId::new("search_char", label), |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                restore(app, &copy);
                let t = Instant::now();
                press(app, Key::ch('r'));
                total += t.elapsed();
            }
            total
        });
    });
    // The first letter of a query: a full scan, the most matches (no narrowing).
    restore(app, start);
    typed(app, "/");
    let copy = light_copy(app);
    g.bench_function(BenchmarkId::new("search_first_char", label), |bench| {
        bench.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                restore(app, &copy);
                let t = Instant::now();
                press(app, Key::ch('m'));
                total += t.elapsed();
            }
            total
        });
    });
    // The same search to its end: the key, then `App::search_step` until no match is
    // left to find (the terminal loop draws between these steps).
    g.bench_function(
        BenchmarkId::new("search_first_char_whole", label),
        |bench| {
            bench.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    restore(app, &copy);
                    let t = Instant::now();
                    press(app, Key::ch('m'));
                    while app.is_searching() {
                        app.search_step();
                    }
                    total += t.elapsed();
                }
                total
            });
        },
    );
}

criterion_group!(benches, changes, frames);
criterion_main!(benches);
