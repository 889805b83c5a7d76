//! The bundled briefing and the documented example: they load clean, and the bundled
//! one says what the article says.

use brief::load::{Loaded, bundled, load_path};
use brief::model::{Briefing, QuoteMode, Stance};
use std::collections::BTreeSet;
use std::path::Path;

/// The article's direct quotes, one per line, exactly as printed.
const ARTICLE_QUOTES: &str = include_str!("fixtures/article_quotes.txt");

fn briefing() -> Briefing {
    let loaded = bundled().unwrap_or_else(|report| panic!("{}", report.render()));
    assert_clean(&loaded);
    loaded.briefing
}

fn assert_clean(loaded: &Loaded) {
    assert_eq!(loaded.report.diagnostics, [], "{}", loaded.report.render());
}

fn actor<'b>(b: &'b Briefing, id: &str) -> &'b brief::model::Actor {
    b.actors
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no actor `{id}`"))
}

#[test]
fn loads_with_no_errors_and_no_warnings() {
    let b = briefing();
    assert_eq!(
        (
            b.sections.len(),
            b.quotes.len(),
            b.actors.len(),
            b.claims.len()
        ),
        (7, 20, 20, 5)
    );
}

#[test]
fn the_bundled_text_is_the_content_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(brief::load::BUNDLED_NAME);
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        brief::load::BUNDLED_TEXT
    );
}

#[test]
fn direct_quotes_are_the_articles_words() {
    let article: BTreeSet<&str> = ARTICLE_QUOTES.lines().collect();
    let b = briefing();
    let direct: BTreeSet<&str> = b
        .quotes
        .iter()
        .filter(|q| q.mode == QuoteMode::Direct)
        .map(|q| q.text.as_str())
        .collect();
    for q in &direct {
        assert!(article.contains(q), "not in the article: {q:?}");
    }
    // And the other way round: no direct quote of the article is left out.
    assert_eq!(direct, article);
}

#[test]
fn the_main_actors_are_there() {
    let b = briefing();
    for id in [
        "south-korea",
        "north-korea",
        "russia",
        "ukraine",
        "united-kingdom",
        "united-states",
        "nato",
    ] {
        actor(&b, id);
    }
}

#[test]
fn starmer_is_the_uk_prime_minister() {
    let b = briefing();
    let starmer = actor(&b, "keir-starmer");
    assert_eq!(starmer.name, "Keir Starmer");
    assert_eq!(starmer.role.as_deref(), Some("Prime Minister"));
    let uk = starmer.affiliation.map(|a| b.actor(a).id.as_str());
    assert_eq!(uk, Some("united-kingdom"));
}

#[test]
fn yoon_has_his_korean_name() {
    let b = briefing();
    let yoon = actor(&b, "yoon-suk-yeol");
    assert_eq!(yoon.native_name.as_deref(), Some("윤석열"));
    assert_eq!(
        yoon.affiliation.map(|a| b.actor(a).id.as_str()),
        Some("south-korea")
    );
}

#[test]
fn north_korea_and_russia_deny_the_troops_claim() {
    let b = briefing();
    let claim = b
        .claims
        .iter()
        .find(|c| c.id == "north-korean-troops-in-russia")
        .unwrap();
    assert_eq!(claim.statement, "North Korea has sent troops to Russia.");
    let deniers: Vec<&str> = claim
        .positions
        .iter()
        .filter(|p| p.stance == Stance::Denies)
        .map(|p| b.actor(p.actor).id.as_str())
        .collect();
    assert_eq!(deniers, ["north-korea", "russia"]);
}

#[test]
fn the_documented_example_loads_clean() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example.toml");
    let loaded = load_path(&path).unwrap_or_else(|report| panic!("{}", report.render()));
    assert_clean(&loaded);
    assert_eq!(
        loaded.briefing.meta.title,
        "Eastport closes its harbour bridge"
    );
}

#[test]
fn the_format_doc_embeds_the_example_file() {
    // docs/briefing-format.md shows docs/example.toml in full; keep them the same.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/briefing-format.md")).unwrap();
    let example = std::fs::read_to_string(root.join("docs/example.toml")).unwrap();
    assert!(
        doc.contains(&format!("```toml\n{example}```")),
        "the example in docs/briefing-format.md differs from docs/example.toml"
    );
}
