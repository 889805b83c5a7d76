//! Library index benchmarks (issue 19), on a synthetic library of briefings of 50 KB
//! (`synth --library`): 400 of them by default, the 2,000 with
//! `BRIEF_BENCH_LIBRARY=2000` (any count works).
//!
//! - `build`: the first index of the library, from nothing (timed once, printed: one
//!   run takes seconds, too long for criterion's ten samples in a few minutes);
//! - `corpus/reopen`: open the index and refresh it with nothing changed;
//! - `corpus/one_change`: open and refresh after one file was rewritten;
//! - `corpus/search_*`: a search across the library (a rare and a common word);
//! - `corpus/actor`: one person's statements across the library;
//! - `corpus/actors_screen`: every actor of the library, merged, with counts (`a`);
//! - `scan`: the same search with no index (`--no-cache`), timed once, for scale;
//! - `corpus/N/first_screen`: `brief DIR` opened again with nothing changed, from
//!   the list's making (`run::library_index::first_list`: the index opened, its
//!   listing, a stat per file) to the first frame drawn into a buffer; beside it,
//!   timed once, the same with every file read (`Library::scan`, as before the list
//!   came from the index, and as `--no-cache` does).

use brief::corpus::Index;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

const BYTES: usize = 50_000;
const SEED: u64 = 1;

fn count() -> usize {
    std::env::var("BRIEF_BENCH_LIBRARY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
}

struct Library {
    root: PathBuf,
    cache: PathBuf,
    bytes: u64,
}

impl Drop for Library {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
        let _ = std::fs::remove_dir_all(&self.cache);
    }
}

fn library(n: usize) -> Library {
    let base = std::env::temp_dir().join(format!("brief-bench-corpus-{}", std::process::id()));
    let (root, cache) = (base.join("library"), base.join("cache"));
    let _ = std::fs::remove_dir_all(&base);
    synth::write_library(&root, n, BYTES, SEED).expect("the library is written");
    let bytes = (0..n)
        .map(|i| synth::library_briefing(BYTES, SEED, i).len() as u64)
        .sum();
    Library { root, cache, bytes }
}

fn refresh(root: &Path, cache: &Path) -> brief::corpus::Changes {
    let mut ix = Index::open(root, cache).expect("opens");
    ix.refresh(&mut |_| {}).expect("refreshes")
}

/// A person of the shared cast, by name, and a word of its surname.
fn person() -> (String, String) {
    let b = brief::load::load_str("0.toml", &synth::library_briefing(BYTES, SEED, 0))
        .expect("loads")
        .briefing;
    let p = b
        .actors
        .iter()
        .filter(|a| a.kind == brief::model::ActorKind::Person)
        .nth(3)
        .expect("the cast has people");
    let surname = p.name.rsplit(' ').next().unwrap_or(&p.name).to_owned();
    (p.name.clone(), surname)
}

fn corpus(c: &mut Criterion) {
    let n = count();
    let lib = library(n);
    #[allow(clippy::cast_precision_loss)]
    let mb = lib.bytes as f64 / 1e6;

    let start = Instant::now();
    let changes = refresh(&lib.root, &lib.cache);
    let build = start.elapsed();
    assert_eq!(changes.added, n, "every briefing indexed");
    assert!(changes.failed.is_empty(), "{:?}", changes.failed);
    let db = Index::open(&lib.root, &lib.cache).unwrap().db;
    let db_mb = std::fs::metadata(&db).map_or(0, |m| m.len()) / 1_000_000;
    println!(
        "corpus/build/{n}: {n} briefings, {mb:.1} MB: {:.2} s ({:.1} MB/s); index {db_mb} MB",
        build.as_secs_f64(),
        mb / build.as_secs_f64()
    );

    let (name, surname) = person();
    let mut g = c.benchmark_group(format!("corpus/{n}"));
    g.sample_size(20)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("reopen", |b| {
        b.iter(|| black_box(refresh(&lib.root, &lib.cache)));
    });
    // Two versions of one file, written in turn: every refresh sees a change.
    let target = lib.root.join("2020").join("briefing-00007.toml");
    let versions = [
        synth::library_briefing(BYTES, SEED + 1, 7),
        synth::library_briefing(BYTES, SEED, 7),
    ];
    let mut turn = 1; // the first write is the other version
    g.bench_function("one_change", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                turn += 1;
                std::fs::write(&target, &versions[turn % 2]).unwrap();
                let start = Instant::now();
                let c = refresh(&lib.root, &lib.cache);
                total += start.elapsed();
                assert_eq!(c.updated, 1);
            }
            total
        });
    });
    let ix = Index::open(&lib.root, &lib.cache).unwrap();
    let rare = ix.search(&surname, None).unwrap().total;
    let common = ix.search("ceasefire proposal", None).unwrap().total;
    let said = ix
        .actor_statements(&name)
        .unwrap()
        .map_or(0, |s| s.statements.len());
    println!(
        "corpus/{n}: search {surname:?}: {rare} hits; search \"ceasefire proposal\": {common} hits; actor {name:?}: {said} statements"
    );
    // The best 100 hits, as a screen shows them, and how many there are.
    g.bench_function("search_rare", |b| {
        b.iter(|| black_box(ix.search(&surname, Some(100)).unwrap()));
    });
    g.bench_function("search_common", |b| {
        b.iter(|| black_box(ix.search("ceasefire proposal", Some(100)).unwrap()));
    });
    g.bench_function("actors_screen", |b| {
        b.iter(|| black_box(ix.actors().unwrap()));
    });
    g.bench_function("actor", |b| {
        b.iter(|| black_box(ix.actor_statements(&name).unwrap()));
    });
    first_screen(&mut g, &lib, n);
    g.finish();

    let start = Instant::now();
    let scanned = brief::corpus::scan::search(&lib.root, &surname, Some(100))
        .unwrap()
        .answer
        .total;
    println!(
        "corpus/scan/{n}: search {surname:?} with no index: {scanned} hits in {:.2} s",
        start.elapsed().as_secs_f64()
    );
}

/// The library's first screen, reopened with nothing changed: see the header.
fn first_screen(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    lib: &Library,
    n: usize,
) {
    use brief::app::library::Library as List;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    // Files changed long ago, as in a real library: one indexed within seconds of a
    // change is read again (it may change again within the clock's tick).
    let day_ago = std::time::SystemTime::now() - Duration::from_secs(86_400);
    for f in brief::corpus::walk::walk(&lib.root, &brief::corpus::walk::Fs).files {
        let file = std::fs::File::options().write(true).open(&f.path).unwrap();
        file.set_modified(day_ago).unwrap();
    }
    let _ = refresh(&lib.root, &lib.cache);
    // A remembered place for every tenth briefing, half its quotes read: their rows
    // count unread quotes.
    let state = lib.cache.with_file_name("state");
    let (mut store, _) = brief::run::store::Store::open(&state);
    let listing = Index::open(&lib.root, &lib.cache)
        .unwrap()
        .listing()
        .unwrap();
    for l in listing.iter().step_by(10) {
        let Some(b) = &l.briefing else { continue };
        let place = brief::run::store::SavedPlace {
            read_quotes: b.quote_ids[..b.quote_ids.len() / 2].to_vec(),
            ..brief::run::store::SavedPlace::default()
        };
        store.set(b.place_key.clone(), place);
    }
    store.save().unwrap();
    let (store, _) = brief::run::store::Store::open(&state);
    let settings = brief::app::Settings::default();
    let area = Rect::new(0, 0, 200, 60);
    let draw = |list: &mut List| {
        let _ = brief::app::library::update(list, brief::app::Action::Resize(200, 60));
        let mut buf = Buffer::empty(area);
        brief::ui::library::render(list, &settings, area, &mut buf);
        buf
    };

    let start = Instant::now();
    let mut scanned = List::scan(&lib.root, Some(&store)).unwrap();
    draw(&mut scanned);
    println!(
        "corpus/{n}/first_screen_reading_every_file: {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let (listed, pending, _) =
        brief::run::library_index::first_list(&lib.root, Some(&store), Some(&lib.cache)).unwrap();
    assert!(pending.is_empty(), "nothing changed, nothing to read");
    assert_eq!(listed.entries, scanned.entries, "the same list");
    drop((listed, scanned));

    g.bench_function("first_screen", |b| {
        b.iter_with_large_drop(|| {
            let (mut list, pending, index) =
                brief::run::library_index::first_list(&lib.root, Some(&store), Some(&lib.cache))
                    .unwrap();
            let buf = draw(&mut list);
            (list, pending, index, buf)
        });
    });
}

criterion_group!(benches, corpus);
criterion_main!(benches);
