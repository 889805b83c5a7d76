//! The synthetic briefing generator (`examples/synth.rs`): deterministic for a seed,
//! different across seeds, and always a valid briefing. No timings here: the
//! benchmarks measure speed (`cargo bench`, see BENCHMARKS.md).

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

const SIZE: usize = 50_000;

#[test]
fn same_seed_gives_the_same_bytes() {
    assert_eq!(synth::generate(SIZE, 7), synth::generate(SIZE, 7));
}

#[test]
fn another_seed_gives_another_briefing() {
    assert_ne!(synth::generate(SIZE, 7), synth::generate(SIZE, 8));
}

#[test]
fn output_is_about_the_size_asked_for() {
    let text = synth::generate(SIZE, 3);
    assert!(
        (SIZE * 8 / 10..=SIZE * 12 / 10).contains(&text.len()),
        "asked for {SIZE} bytes, got {}",
        text.len()
    );
}

#[test]
fn output_loads_without_errors_or_warnings() {
    for seed in [1, 2, 3] {
        let text = synth::generate(SIZE, seed);
        let loaded = match brief::load::load_str("synth.toml", &text) {
            Ok(loaded) => loaded,
            Err(report) => panic!("seed {seed}:\n{}", report.render()),
        };
        assert_eq!(
            loaded.report.diagnostics.len(),
            0,
            "seed {seed}:\n{}",
            loaded.report.render()
        );
        let b = &loaded.briefing;
        assert!(
            b.actors.len() >= 100,
            "hundreds of actors: {}",
            b.actors.len()
        );
        assert!(b.sections.len() > 1);
        assert!(!b.claims.is_empty() && !b.timeline.is_empty() && !b.figures.is_empty());
        // About one quote per 200 bytes of section text.
        let body: usize = b
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(String::len)
            .sum();
        let per_quote = body / b.quotes.len();
        assert!(
            (150..=260).contains(&per_quote),
            "{per_quote} bytes per quote"
        );
        assert!(text.contains("native-name"), "some Korean native names");
        assert!(text.contains("mode = \"reported\""), "reported quotes too");
        assert!(
            b.claims.iter().any(|c| {
                let s = |st| c.positions.iter().any(|p| p.stance == st);
                s(brief::model::Stance::Asserts) && s(brief::model::Stance::Denies)
            }),
            "some claims contested"
        );
    }
}

#[test]
fn text_is_escaped_as_toml() {
    assert_eq!(synth::basic("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\nd""#);
    assert_eq!(synth::basic("\u{1b}[31m"), r#""\u001B[31m""#);
    let parsed: toml::Table =
        toml::from_str(&format!("x = {}", synth::multiline("1 \"\"\" 2\n\n\\3"))).unwrap();
    assert_eq!(parsed["x"].as_str(), Some("1 \"\"\" 2\n\n\\3"));
}

#[test]
fn a_library_shares_its_cast_and_says_same_as() {
    let a = synth::library_briefing(20_000, 5, 3);
    assert_eq!(a, synth::library_briefing(20_000, 5, 3), "deterministic");
    assert_ne!(
        a,
        synth::library_briefing(20_000, 5, 2),
        "each briefing its own"
    );
    let load = |n| {
        brief::load::load_str("lib.toml", &synth::library_briefing(20_000, 5, n))
            .unwrap_or_else(|r| panic!("briefing {n} loads:\n{}", r.render()))
            .briefing
    };
    let (b0, b4) = (load(0), load(4));
    assert_ne!(b0.meta.published, b4.meta.published);
    let renamed: Vec<_> = b4.actors.iter().filter(|a| !a.same_as.is_empty()).collect();
    assert_eq!(renamed.len(), 1, "every fifth renames one person");
    let usual = &renamed[0].same_as[0];
    assert!(
        b0.actors.iter().any(|a| &a.id == usual),
        "same-as names an id of the cast"
    );
    assert!(!b4.actors.iter().any(|a| &a.id == usual));
    let ids = |b: &brief::model::Briefing| {
        b.actors
            .iter()
            .filter(|a| a.same_as.is_empty())
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&b0).len(), ids(&load(1)).len(), "one cast");
}
