//! Does any frame or key cost grow with the briefing? (issue 7: "the same, within 20%,
//! for a 100 KB and a 10 MB briefing".) Not a criterion benchmark: two sizes are
//! measured interleaved, round after round, so that load from other processes on the
//! machine falls on both alike, and the tables compare their medians.
//!
//! ```sh
//! cargo bench --bench scaling                 # 200x60
//! BRIEF_SCALING_SCREEN=400x120 cargo bench --bench scaling
//! BRIEF_BENCH_50MB=1 cargo bench --bench scaling   # 50 MB as the large size
//! ```
//!
//! Two tables. "Same screen" compares 1 MB with 10 MB briefings generated with the same
//! cast, whose first sections are byte for byte the same, with the same section and
//! quote selected: every pane is full and shows the same text at both sizes, so any
//! difference is work that depends on the briefing's size. "As the issue asks" compares
//! 100 KB with 10 MB as `synth` makes them; there the Sections pane of the 100 KB
//! briefing (18 sections) is not full and the content differs, so frames differ by
//! what is drawn, not only by size.
//!
//! Each row is one key and its frame (or a frame alone) from the same prepared state
//! at both sizes; `min` is the fastest round, `median` the middle one. View switches
//! (`2`-`5`) start from a state whose page is not built yet, as after a filter change
//! or a resize.

mod common;

use brief::app::App;
use common::{light_copy, restore, time_case};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::time::Duration;

const ROUNDS: usize = 11;
const TARGET_PER_ROUND: Duration = Duration::from_millis(15);

fn screen() -> (u16, u16) {
    std::env::var("BRIEF_SCALING_SCREEN")
        .ok()
        .and_then(|s| {
            let (w, h) = s.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or((200, 60))
}

#[allow(clippy::cast_precision_loss)]
fn micros(d: Duration, iters: u64) -> f64 {
    d.as_secs_f64() * 1e6 / iters as f64
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn load(text: &str) -> brief::model::Briefing {
    brief::load::load_str("synth.toml", text)
        .expect("the synthetic briefing is valid")
        .briefing
}

fn main() {
    // `cargo bench` passes `--bench`; under `cargo test --benches` there is nothing to
    // check and a minute and a half to lose.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let (w, h) = screen();
    let large_bytes = if common::want_50mb() {
        50_000_000
    } else {
        10_000_000
    };
    let states = 8;
    println!(
        "## Same screen: 1 MB and {} MB briefings with the same cast ({states} states) whose first sections are identical; every pane is full at both sizes; prepared states select section 6 and quote 51 in both\n",
        large_bytes / 1_000_000
    );
    common::FIXED_POSITIONS.store(true, std::sync::atomic::Ordering::Relaxed);
    compare(
        (w, h),
        load(&common::synth::generate_with_states(1_000_000, 1, states)),
        load(&common::synth::generate_with_states(large_bytes, 1, states)),
    );
    println!(
        "\n## As the issue asks: 100 KB against {} MB as generated (the cast grows too, and at 100 KB the Sections pane is not full); prepared states select the middle section and quote\n",
        large_bytes / 1_000_000
    );
    common::FIXED_POSITIONS.store(false, std::sync::atomic::Ordering::Relaxed);
    compare(
        (w, h),
        common::briefing(100_000),
        common::briefing(large_bytes),
    );
}

fn compare((w, h): (u16, u16), small: brief::model::Briefing, large: brief::model::Briefing) {
    let mut small = App::new(small, w, h);
    let mut large = App::new(large, w, h);
    // As the terminal loop does once the first frame is drawn.
    small.build_indexes();
    large.build_indexes();
    let small_start = light_copy(&mut small);
    let large_start = light_copy(&mut large);
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    println!(
        "{w}x{h}: small {} sections, {} quotes, {} actors; large {} sections, {} quotes, {} actors; {ROUNDS} interleaved rounds; microseconds per key and its frame\n",
        small.briefing.sections.len(),
        small.briefing.quotes.len(),
        small.briefing.actors.len(),
        large.briefing.sections.len(),
        large.briefing.quotes.len(),
        large.briefing.actors.len(),
    );
    println!(
        "| case | small median | small min | large median | large min | large / small (median) | within 20% |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut cases = common::more_cases();
    cases.extend(common::cases());
    for case in cases {
        let mut copies = Vec::new();
        for (app, start) in [(&mut small, &small_start), (&mut large, &large_start)] {
            restore(app, start);
            common::prepare(app, &case);
            copies.push(light_copy(app));
        }
        // Iterations per round: enough for about TARGET_PER_ROUND at the slower size.
        let probe = time_case(&mut large, &copies[1], case.input, &mut buf, 3)
            .max(time_case(&mut small, &copies[0], case.input, &mut buf, 3))
            / 3;
        let iters =
            u64::try_from((TARGET_PER_ROUND.as_nanos() / probe.as_nanos().max(1)).clamp(2, 500))
                .unwrap_or(2);
        let (mut s, mut l) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            s.push(micros(
                time_case(&mut small, &copies[0], case.input, &mut buf, iters),
                iters,
            ));
            l.push(micros(
                time_case(&mut large, &copies[1], case.input, &mut buf, iters),
                iters,
            ));
        }
        let (smin, lmin) = (
            s.iter().copied().fold(f64::MAX, f64::min),
            l.iter().copied().fold(f64::MAX, f64::min),
        );
        let (sm, lm) = (median(&mut s), median(&mut l));
        let ratio = lm / sm;
        println!(
            "| {} | {sm:.0} | {smin:.0} | {lm:.0} | {lmin:.0} | {ratio:.2} | {} |",
            case.name,
            if ratio <= 1.2 { "yes" } else { "**no**" }
        );
    }
}
