//! Memory of loading (issue 7): peak and held memory of `load::load_str` beside the
//! floor `toml::from_str::<toml::Table>`, at 100 KB, 1 MB and 10 MB (50 MB with
//! `BRIEF_BENCH_50MB=1`). Not a criterion benchmark: it prints one Markdown table.
//!
//! The crate forbids unsafe code, so there is no counting allocator. Each measurement
//! runs in a fresh child process (this binary, re-run with `--child`), which makes its
//! input, resets the kernel's peak-RSS mark (`/proc/self/clear_refs`, Linux) and reads
//! `VmHWM` and `VmRSS` from `/proc/self/status` after the work. The input text is made
//! before the reset, so it is not counted: figures are what parsing adds on top of the
//! text, for `brief` and the floor alike.
//!
//! "held" by RSS overstates what is live (the allocator keeps freed pages), so the
//! briefing's own heap is also counted exactly, from its strings' and vectors'
//! capacities.

use brief::model::Briefing;
use std::process::Command;

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

/// `VmHWM` (peak) and `VmRSS` (now) of this process, in bytes.
fn rss() -> (usize, usize) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| {
                v.trim()
                    .trim_end_matches(" kB")
                    .trim()
                    .parse::<usize>()
                    .ok()
            })
            .map_or(0, |kb| kb * 1024)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Resets the peak-RSS mark to the current RSS.
fn reset_peak() {
    std::fs::write("/proc/self/clear_refs", "5").expect("Linux /proc/self/clear_refs");
}

#[allow(clippy::ptr_arg)]
fn strings(v: &Vec<String>) -> usize {
    v.capacity() * size_of::<String>() + v.iter().map(String::capacity).sum::<usize>()
}

fn opt(s: Option<&String>) -> usize {
    s.map_or(0, String::capacity)
}

/// Heap bytes the briefing owns (its vectors' and strings' capacities).
fn heap(b: &Briefing) -> usize {
    let m = &b.meta;
    let meta = m.title.capacity()
        + opt(m.id.as_ref())
        + opt(m.dek.as_ref())
        + opt(m.summary.as_ref())
        + opt(m.source.as_ref())
        + opt(m.url.as_ref())
        + strings(&m.tags);
    let actors = b.actors.capacity() * size_of::<brief::model::Actor>()
        + b.actors
            .iter()
            .map(|a| {
                a.id.capacity()
                    + a.name.capacity()
                    + opt(a.role.as_ref())
                    + strings(&a.aliases)
                    + opt(a.native_name.as_ref())
                    + a.members.capacity() * size_of::<brief::model::ActorIx>()
            })
            .sum::<usize>();
    let sections = b.sections.capacity() * size_of::<brief::model::Section>()
        + b.sections
            .iter()
            .map(|s| s.id.capacity() + s.title.capacity() + strings(&s.paragraphs))
            .sum::<usize>();
    let quotes = b.quotes.capacity() * size_of::<brief::model::Quote>()
        + b.quotes
            .iter()
            .map(|q| {
                q.id.capacity()
                    + q.text.capacity()
                    + opt(q.context.as_ref())
                    + opt(q.via.as_ref())
                    + q.cited_by.capacity() * size_of::<brief::model::PositionRef>()
            })
            .sum::<usize>();
    let claims = b.claims.capacity() * size_of::<brief::model::Claim>()
        + b.claims
            .iter()
            .map(|c| {
                c.id.capacity()
                    + c.statement.capacity()
                    + c.positions.capacity() * size_of::<brief::model::Position>()
                    + c.positions
                        .iter()
                        .map(|p| opt(p.detail.as_ref()))
                        .sum::<usize>()
            })
            .sum::<usize>();
    let timeline = b.timeline.capacity() * size_of::<brief::model::Event>()
        + b.timeline
            .iter()
            .map(|e| e.event.capacity() + e.actors.capacity() * size_of::<brief::model::ActorIx>())
            .sum::<usize>();
    let figures = b.figures.capacity() * size_of::<brief::model::Figure>()
        + b.figures
            .iter()
            .map(|f| f.measure.capacity() + f.value.capacity() + opt(f.note.as_ref()))
            .sum::<usize>();
    meta + actors + sections + quotes + claims + timeline + figures
}

/// What the reader adds beside the briefing once warm: what it works out per briefing
/// (`Indexes`: the search index, the lexicon, the timeline order, the actors' lists,
/// as they report themselves), the filter's quote list and the read and star marks.
/// The actor index (a few strings per actor) is left out.
fn app_indexes(app: &brief::app::App) -> usize {
    let search = app.indexes.heap_bytes();
    let filter = app.filter.quotes.capacity() * size_of::<brief::model::QuoteIx>()
        + app.filter.per_section.capacity() * size_of::<usize>()
        + app.filter.selects.capacity();
    let marks = app.marks.read_sections.capacity()
        + app.marks.read_quotes.capacity()
        + app.marks.starred.capacity();
    search + filter + marks
}

/// One measurement in this (fresh) process; prints `peak held exact-briefing
/// exact-report-text` in bytes.
fn child(mode: &str, bytes: usize) {
    let text = synth::generate(bytes, 1);
    reset_peak();
    let (_, before) = rss();
    match mode {
        "floor" => {
            let table = toml::from_str::<toml::Table>(&text).expect("valid TOML");
            let (peak, now) = rss();
            println!("{} {} 0 0", peak - before, now.saturating_sub(before));
            drop(table);
        }
        "load" => {
            let loaded = brief::load::load_str("synth.toml", &text).expect("valid briefing");
            let (peak, now) = rss();
            println!(
                "{} {} {} {}",
                peak - before,
                now.saturating_sub(before),
                heap(&loaded.briefing),
                loaded.report.text.capacity()
            );
        }
        // Load, then `App::new`, keeping the report as `main` does: what the reader
        // holds while it runs.
        _ => {
            let loaded = brief::load::load_str("synth.toml", &text).expect("valid briefing");
            let app = brief::app::App::new(loaded.briefing, 200, 60);
            app.build_indexes();
            let (peak, now) = rss();
            println!(
                "{} {} {} 0",
                peak - before,
                now.saturating_sub(before),
                app_indexes(&app)
            );
            std::hint::black_box((&app, &loaded.report));
        }
    }
}

fn run(mode: &str, bytes: usize) -> [usize; 4] {
    let exe = std::env::current_exe().expect("this benchmark's path");
    let out = Command::new(exe)
        .args(["--child", mode, &bytes.to_string()])
        .output()
        .expect("the child runs");
    assert!(
        out.status.success(),
        "child {mode} {bytes} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text
        .split_whitespace()
        .map(|n| n.parse::<usize>().expect("a number"));
    [(); 4].map(|()| it.next().unwrap_or(0))
}

#[allow(clippy::cast_precision_loss)]
fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

#[allow(clippy::cast_precision_loss)]
fn x(a: usize, b: usize) -> String {
    format!("{:.2}", a as f64 / b as f64)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, mode, bytes, ..] = args.as_slice()
        && flag == "--child"
    {
        child(mode, bytes.parse().expect("a size in bytes"));
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` does not.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let mut sizes = vec![("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)];
    if std::env::var("BRIEF_BENCH_50MB").is_ok_and(|v| v == "1") {
        sizes.push(("50MB", 50_000_000));
    }
    println!(
        "| size | file MB | floor peak MB | load peak MB | peak / floor | held after load, RSS MB | briefing, exact MB | report text, exact MB | (briefing + report) / file | App::new indexes, counted MB | held in all, counted / file | load + App::new held, RSS MB | RSS / file |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (label, bytes) in sizes {
        let file = synth::generate(bytes, 1).len();
        let [floor_peak, _, _, _] = run("floor", bytes);
        let [load_peak, load_held, briefing, report] = run("load", bytes);
        let [_, app_held, indexes, _] = run("app", bytes);
        println!(
            "| {label} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            mb(file),
            mb(floor_peak),
            mb(load_peak),
            x(load_peak, floor_peak),
            mb(load_held),
            mb(briefing),
            mb(report),
            x(briefing + report, file),
            mb(indexes),
            x(briefing + report + indexes, file),
            mb(app_held),
            x(app_held, file),
        );
    }
}
