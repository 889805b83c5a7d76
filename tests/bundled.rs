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
        (7, 19, 20, 5)
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
fn no_native_script_names_as_the_article_has_none() {
    let b = briefing();
    assert!(b.actors.iter().all(|a| a.native_name.is_none()));
    let yoon = actor(&b, "yoon-suk-yeol");
    assert_eq!(
        yoon.affiliation.map(|a| b.actor(a).id.as_str()),
        Some("south-korea")
    );
}

#[test]
fn native_names_stay_in_the_format() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/native-names.toml");
    let loaded = load_path(&path).unwrap_or_else(|r| panic!("{}", r.render()));
    assert_clean(&loaded);
    let names: Vec<Option<&str>> = loaded
        .briefing
        .actors
        .iter()
        .map(|a| a.native_name.as_deref())
        .collect();
    assert_eq!(
        names,
        [
            Some("서울특별시의회"),
            Some("Київська міська державна адміністрація")
        ]
    );
    // Found by their native names, as by their names.
    let b = &loaded.briefing;
    assert_eq!(
        brief::find::actor(b, "서울특별시의회").map(|a| b.actor(a).id.as_str()),
        Ok("seoul-council")
    );
}

#[test]
fn the_spy_agency_is_named_as_the_article_names_it() {
    let b = briefing();
    let agency = actor(&b, "sk-spy-agency");
    assert_eq!(agency.name, "South Korea's spy agency");
    assert!(agency.aliases.is_empty());
    assert!(
        b.quotes
            .iter()
            .all(|q| q.via.as_deref() != Some("statement"))
    );
    let text = brief::load::BUNDLED_TEXT;
    for gone in ["National Intelligence Service", "NIS", "native-name"] {
        assert!(!text.contains(gone), "{gone}");
    }
}

#[test]
fn nothing_is_quoted_as_said_by_cnn() {
    let b = briefing();
    let cnn = actor(&b, "cnn");
    assert!(b.quotes.iter().all(|q| b.actor(q.speaker).id != cnn.id));
}

#[test]
fn the_two_nsc_phrases_are_attributed_alike() {
    let b = briefing();
    let by_text = |t: &str| b.quotes.iter().find(|q| q.text == t).unwrap();
    let (threat, group) = (
        by_text("a grave security threat"),
        by_text("a criminal group"),
    );
    assert_eq!(threat.speaker, group.speaker);
    assert_eq!(threat.via, group.via);
    assert_eq!(threat.said, group.said);
    assert_eq!(threat.via.as_deref(), Some("presidential office statement"));
}

#[test]
fn the_source_is_itv_without_a_file_and_every_reported_item_has_evidence() {
    let b = briefing();
    assert_eq!(b.sources.len(), 1);
    let itv = &b.sources[0];
    assert_eq!(
        (
            itv.id.as_str(),
            itv.publisher.as_deref(),
            itv.file.as_deref()
        ),
        ("itv-2024-10-23", Some("ITV News"), None)
    );
    for q in b.quotes.iter().filter(|q| q.mode == QuoteMode::Reported) {
        assert!(q.provenance.evidence.is_some(), "{}", q.id);
    }
    for c in &b.claims {
        for p in &c.positions {
            assert!(p.provenance.evidence.is_some(), "{}", c.id);
        }
    }
    assert!(b.figures.iter().all(|f| f.provenance.evidence.is_some()));
    // Evidence is short: the speakers' words or a few words of fact.
    let longest = b
        .quotes
        .iter()
        .map(|q| &q.provenance)
        .chain(
            b.claims
                .iter()
                .flat_map(|c| c.positions.iter().map(|p| &p.provenance)),
        )
        .chain(b.figures.iter().map(|f| &f.provenance))
        .filter_map(|p| p.evidence.as_deref())
        .map(|e| e.split(' ').count())
        .max();
    assert_eq!(longest, Some(7));
}

#[test]
fn figures_of_different_things_are_not_one_measure() {
    let b = briefing();
    let measures: BTreeSet<&str> = b.figures.iter().map(|f| f.measure.as_str()).collect();
    assert_eq!(measures.len(), b.figures.len());
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
