//! Read marks, stars, the outline, the next-unread jump and copying with citation.

use crate::common::{app, ch, code, screen};
use brief::app::state::Effect;
use brief::app::{KeyCode, Mode};
use brief::layout::Pane;
use brief::model::QuoteIx;
use brief::views::pages::Target;

#[test]
fn opening_a_quote_marks_it_read_and_u_finds_the_next_unread() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 'l');
    code(&mut a, KeyCode::Esc);
    assert!(a.marks.is_read(QuoteIx(0)) && a.marks.is_read(QuoteIx(1)));
    assert!(!a.marks.is_read(QuoteIx(2)));
    ch(&mut a, 'g');
    ch(&mut a, 'u');
    assert_eq!(
        (a.focus, a.quotes.selected),
        (Pane::Quotes, 2),
        "the first quote not yet opened"
    );
    for i in 0..a.briefing.quotes.len() {
        a.marks.read_quotes[i] = true;
    }
    ch(&mut a, 'u');
    assert!(screen(&a).contains("every listed quote has been read"));
}

#[test]
fn a_section_is_read_once_its_end_was_on_screen() {
    let mut a = app(80, 24);
    assert!(
        !a.marks.read_sections[0],
        "the first section overflows at 80x24"
    );
    code(&mut a, KeyCode::Enter);
    ch(&mut a, 'G');
    assert!(a.marks.read_sections[0]);
    assert!(!a.marks.read_sections[1]);
}

#[test]
fn s_stars_and_capital_s_lists_the_starred() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    ch(&mut a, 'j');
    ch(&mut a, 's');
    assert!(a.marks.is_starred(QuoteIx(1)));
    assert!(screen(&a).contains("★"));
    ch(&mut a, 'S');
    let Mode::Picker(p) = &a.mode else {
        panic!("the starred list opens")
    };
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0], Target::Quote(QuoteIx(1)));
    assert!(p.label(0, &a.briefing, &a.marks).starts_with("★ "));
    code(&mut a, KeyCode::Enter);
    assert!(matches!(&a.mode, Mode::Detail(d) if d.quote == QuoteIx(1)));
    ch(&mut a, 's');
    assert!(!a.marks.is_starred(QuoteIx(1)), "s in the detail unstars");
}

#[test]
fn the_outline_jumps_to_a_section() {
    let mut a = app(120, 40);
    ch(&mut a, 'o');
    let Mode::Picker(p) = &a.mode else {
        panic!("the outline opens")
    };
    assert_eq!(p.rows.len(), a.briefing.sections.len());
    let label = p.label(2, &a.briefing, &a.marks);
    assert!(label.contains(&a.briefing.sections[2].title));
    assert!(label.contains(&format!("({} quotes)", a.briefing.sections[2].quotes.len())));
    // Drawn only as far as the popup shows: the label of a row on screen is there.
    assert!(screen(&a).contains(&a.briefing.sections[2].title));
    ch(&mut a, 'j');
    ch(&mut a, 'j');
    code(&mut a, KeyCode::Enter);
    assert_eq!((a.sections.selected, a.focus), (2, Pane::Reader));
}

#[test]
fn y_copies_the_quote_with_its_citation() {
    let mut a = app(120, 40);
    let q = a
        .briefing
        .quotes
        .iter()
        .position(|q| q.id == "austin-evidence")
        .unwrap();
    a.quotes.selected = q;
    a.focus = Pane::Quotes;
    assert_eq!(
        ch(&mut a, 'y'),
        Effect::Copy(
            "\"We are seeing evidence that there are North Korean troops that have gone to Russia.\" — Lloyd Austin, Secretary of Defence (ITV News, 23 Oct 2024)".to_owned()
        )
    );
    // Where it went is said once the clipboard has it (see `clipboard`), not before.
    assert!(!screen(&a).contains("copied"));
    assert_eq!(
        ch(&mut a, 'Y'),
        Effect::None,
        "no URL in the bundled briefing"
    );
    assert!(screen(&a).contains("this briefing has no source URL"));
}
