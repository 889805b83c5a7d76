//! Issue 14: every screen says exactly what the briefing says: stance words, folded
//! cells, counters, empty states, the summary, hints, plurals, ASCII marks.

mod common;

use brief::app::view::{LineKind, detail_lines};
use brief::app::{App, KeyCode, Mode};
use brief::model::{Briefing, QuoteIx};
use common::*;

const DISSENT: &str = include_str!("fixtures/dissent.toml");

fn dissent() -> Briefing {
    brief::load::load_str("dissent.toml", DISSENT)
        .expect("the dissent fixture loads")
        .briefing
}

fn quote(b: &Briefing, id: &str) -> QuoteIx {
    QuoteIx::at(b.quotes.iter().position(|q| q.id == id).unwrap())
}

/// The detail's field lines ("Label: value"), first lines only.
fn detail_fields(b: &Briefing, q: QuoteIx) -> Vec<String> {
    detail_lines(b, q, 200)
        .into_iter()
        .filter(|l| matches!(l.kind, LineKind::Field { label } if label > 0))
        .map(|l| l.text)
        .collect()
}

#[test]
fn the_detail_names_the_stance_each_citing_position_records() {
    let b = bundled();
    let fields = detail_fields(&b, quote(&b, "north-korea-denial"));
    assert!(
        fields.contains(&"✘ Denies: North Korea has sent troops to Russia.".to_owned()),
        "{fields:?}"
    );
    assert!(!fields.iter().any(|f| f.starts_with("Backs")), "{fields:?}");

    let example = brief::load::load_str("example.toml", include_str!("../docs/example.toml"))
        .unwrap()
        .briefing;
    let fields = detail_fields(&example, quote(&example, "traders-dispute"));
    assert!(fields.contains(&"✘ Denies: The harbour bridge is unsafe to use.".to_owned()));

    // One quote cited by two positions (of two claims) shows both, each with its word.
    let d = dissent();
    let fields = detail_fields(&d, quote(&d, "northland-denies"));
    let stances: Vec<&String> = fields.iter().filter(|f| f.contains(": The")).collect();
    assert_eq!(
        stances,
        [
            "✘ Denies: The Kessel dam's spillway is failing.",
            "✔ Asserts: The engineers' report is wrong."
        ]
    );
    let fields = detail_fields(&d, quote(&d, "arvo-unsure"));
    assert!(fields.contains(&"? Undecided: The Kessel dam's spillway is failing.".to_owned()));
}

#[test]
fn a_position_taken_by_another_actor_names_it_in_the_detail() {
    // Northland's position cites its minister's words.
    let text = DISSENT.replace(
        "actor = \"southmark\"\nstance = \"likely\"",
        "actor = \"southmark\"\nstance = \"likely\"\nquote = \"lind-agrees\"",
    );
    let b = brief::load::load_str("d.toml", &text).unwrap().briefing;
    let fields = detail_fields(&b, quote(&b, "lind-agrees"));
    assert!(
        fields.contains(&"~ Likely (Southmark): The engineers' report is wrong.".to_owned()),
        "{fields:?}"
    );
}

fn app_of(b: Briefing, w: u16, h: u16) -> App {
    App::new(b, w, h)
}

#[allow(dead_code)]
fn enter(a: &mut App) {
    code(a, KeyCode::Enter);
}

#[allow(dead_code)]
fn mode_name(a: &App) -> &'static str {
    match a.mode {
        Mode::Panes => "panes",
        _ => "popup",
    }
}
