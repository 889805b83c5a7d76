//! Load benchmarks (issue 7): bytes to a validated `Briefing` with `load::load_str`,
//! beside the floor `toml::from_str::<toml::Table>` of the same text, at 100 KB, 1 MB and
//! 10 MB (and 50 MB with `BRIEF_BENCH_50MB=1`). `raw_serde` (the same text into the
//! loader's serde schema, no validation) splits the gap between the two.
//!
//! Results are dropped outside the timed part: the reader keeps what it loads.
//!
//! `restore/…` puts a full remembered place back (every quote read, half starred) on
//! a briefing of 100k quotes (`cargo bench --bench load -- restore`).

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

/// The sizes to measure, with their labels.
fn sizes() -> Vec<(&'static str, usize)> {
    let mut sizes = vec![("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];
    if std::env::var("BRIEF_BENCH_50MB").is_ok_and(|v| v == "1") {
        sizes.push(("50MB", 50_000_000));
    }
    sizes
}

/// Times `iters` runs of `f`, dropping each result outside the timed part.
fn timed<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let out = black_box(f());
        total += start.elapsed();
        drop(out);
    }
    total
}

fn load(c: &mut Criterion) {
    for (label, bytes) in sizes() {
        let text = synth::generate(bytes, 1);
        let mut g = c.benchmark_group(format!("load/{label}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        if bytes >= 10_000_000 {
            // Flat sampling: ten samples of one or two loads each, not 55 loads.
            g.sample_size(10)
                .sampling_mode(SamplingMode::Flat)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_secs(if bytes > 10_000_000 { 12 } else { 3 }));
        } else {
            g.sample_size(20)
                .warm_up_time(Duration::from_millis(500))
                .measurement_time(Duration::from_millis(1500));
        }
        g.bench_function("floor_toml_table", |b| {
            b.iter_custom(|iters| {
                timed(iters, || {
                    toml::from_str::<toml::Table>(black_box(&text)).expect("valid TOML")
                })
            });
        });
        g.bench_function("raw_serde", |b| {
            b.iter_custom(|iters| {
                timed(iters, || {
                    toml::from_str::<brief::model::raw::RawFile>(black_box(&text))
                        .expect("fits the schema")
                })
            });
        });
        g.bench_function("brief_load_str", |b| {
            b.iter_custom(|iters| {
                timed(iters, || {
                    brief::load::load_str("synth.toml", black_box(&text))
                        .expect("the synthetic briefing is valid")
                })
            });
        });
        g.finish();
    }
}

/// A briefing of 100 sections of 1,000 short quotes each: 100k quotes in about 7 MB.
fn many_quotes() -> String {
    use std::fmt::Write as _;
    let mut text = String::from(
        "format = 1\n[briefing]\ntitle = \"t\"\n[[actors]]\nid = \"a\"\nname = \"A\"\nkind = \"state\"\n",
    );
    for s in 0..100 {
        let _ = write!(text, "[[sections]]\nid = \"s{s}\"\ntitle = \"S{s}\"\n");
        for q in 0..1000 {
            let _ = write!(
                text,
                "[[sections.quotes]]\nid = \"q{s}-{q}\"\nspeaker = \"a\"\ntext = \"said {q}\"\n"
            );
        }
    }
    text
}

/// Restoring a remembered place (issue 16): every quote read and every other one
/// starred, on a briefing of 100k quotes, as at start and on each live reload. It was
/// quadratic (a search per id): 35 s at 100k quotes.
fn restore(c: &mut Criterion) {
    let text = many_quotes();
    let briefing = brief::load::load_str("synth.toml", &text)
        .expect("the synthetic briefing is valid")
        .briefing;
    let ids: Vec<String> = briefing.quotes.iter().map(|q| q.id.clone()).collect();
    let place = brief::run::store::SavedPlace {
        section: briefing.sections.last().map(|s| s.id.clone()),
        scroll: 3,
        filter: Vec::new(),
        read_sections: briefing.sections.iter().map(|s| s.id.clone()).collect(),
        starred: ids.iter().step_by(2).cloned().collect(),
        read_quotes: ids,
    };
    let mut g = c.benchmark_group(format!("restore/{}k-quotes", briefing.quotes.len() / 1000));
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("full_state", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let mut app = brief::app::App::new(briefing.clone(), 200, 60);
                let start = Instant::now();
                brief::app::place::restore(&mut app, black_box(&place));
                total += start.elapsed();
                drop(app);
            }
            total
        });
    });
    g.finish();
}

criterion_group!(benches, load, restore);
criterion_main!(benches);
