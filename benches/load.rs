//! Load benchmarks (issue 7): bytes to a validated `Briefing` with `load::load_str`,
//! beside the floor `toml::from_str::<toml::Table>` of the same text, at 100 KB, 1 MB and
//! 10 MB (and 50 MB with `BRIEF_BENCH_50MB=1`). `raw_serde` (the same text into the
//! loader's serde schema, no validation) splits the gap between the two.
//!
//! Results are dropped outside the timed part: the reader keeps what it loads.

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

criterion_group!(benches, load);
criterion_main!(benches);
