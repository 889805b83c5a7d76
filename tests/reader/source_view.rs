//! The reader's provenance (issue 18): the quote detail shows where a quote is in its
//! source and the source's sentence around it, highlighted; `v` opens the source text
//! scrolled to the quote, `n`/`N` go through this briefing's quotes in it; a hostile
//! source file is cleaned like briefing text.

use crate::common::{ch, code, render, screen};
use brief::app::{App, KeyCode, Mode};
use brief::model::QuoteIx;
use brief::views::lines::LineKind;
use std::path::Path;

fn open(rel: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let b = brief::load::load_path(&path)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .briefing;
    let mut app = App::new(b, 120, 40);
    app.sources = brief::verify::read_texts(&app.briefing, &path);
    app.sync();
    app
}

/// Opens the detail of the `n`th quote of the first section (Quotes pane, Enter).
fn detail_of(app: &mut App, n: usize) {
    code(app, KeyCode::Tab);
    code(app, KeyCode::Tab);
    for _ in 0..n {
        ch(app, 'j');
    }
    code(app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Detail(_)), "the detail is open");
}

/// The detail's passage lines, and the words highlighted in them.
fn passage(app: &App) -> (String, String) {
    let Mode::Detail(d) = &app.mode else {
        panic!("no detail")
    };
    let (mut all, mut marked) = (Vec::new(), Vec::new());
    for l in &d.view.lines {
        if let LineKind::Passage { from, to } = l.kind {
            all.push(l.text.as_str());
            if from < to {
                marked.push(&l.text[from..to]);
            }
        }
    }
    (all.join(" "), marked.join(" "))
}

#[test]
fn the_detail_shows_the_source_passage_with_the_quote_highlighted() {
    let mut a = open("tests/fixtures/verify/briefing.toml");
    detail_of(&mut a, 0);
    let s = screen(&a);
    assert!(s.contains("Source: Lowmere Gazette, line 8"), "{s}");
    let (all, marked) = passage(&a);
    assert_eq!(
        all,
        "“We’ve waited long enough — the pier is part of who we are,” said the council leader, Mara Quill."
    );
    assert_eq!(
        marked,
        "We’ve waited long enough — the pier is part of who we are,"
    );
    // Drawn in the mark style, the rest of the passage dimmed.
    let buf = render(&a);
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("“We’ve waited")
        })
        .expect("the passage is on screen");
    let cells: Vec<_> = (0..buf.area.width).map(|x| &buf[(x, row)]).collect();
    let w = cells
        .iter()
        .position(|c| c.symbol() == "W")
        .expect("the quote's first letter");
    let bold = ratatui::style::Modifier::BOLD;
    assert!(cells[w].modifier.contains(bold), "the quote is marked");
    assert!(
        !cells[w - 1].modifier.contains(bold),
        "the opening quotation mark is not the quote"
    );
}

#[test]
fn the_detail_of_a_paraphrase_locates_its_evidence() {
    let mut a = open("tests/fixtures/verify/briefing.toml");
    detail_of(&mut a, 4);
    let s = screen(&a);
    assert!(
        s.contains("Evidence: “the money should go to the flood defences instead”"),
        "{s}"
    );
    assert!(s.contains("Source: Lowmere Gazette, line 16"), "{s}");
    assert_eq!(
        passage(&a).1,
        "the money should go to the flood defences instead"
    );
}

#[test]
fn without_source_text_the_detail_says_so() {
    let mut a = open("tests/fixtures/verify/no-file.toml");
    detail_of(&mut a, 0);
    assert!(screen(&a).contains("Source: Lowmere Gazette: source text not available"));
    assert_eq!(passage(&a).0, "");
    ch(&mut a, 'v');
    assert!(matches!(a.mode, Mode::Detail(_)), "nothing to open");
    assert!(screen(&a).contains("source text not available (Lowmere Gazette)"));

    let mut a = open("tests/fixtures/verify/one-word.toml");
    detail_of(&mut a, 0);
    assert!(
        screen(&a).contains("Source: Lowmere Gazette: the quote is not found in the source's text"),
        "{}",
        screen(&a)
    );
}

#[test]
fn v_opens_the_source_scrolled_to_the_quote_and_n_goes_to_the_next() {
    // A short screen, so the quote further down means a scroll.
    let mut a = open("tests/fixtures/verify/briefing.toml");
    a.width = 80;
    a.height = 14;
    a.sync();
    detail_of(&mut a, 2);
    ch(&mut a, 'v');
    let Mode::Source(v, _) = &a.mode else {
        panic!("the source is open")
    };
    assert_eq!(a.briefing.quote(v.quote).id, "venn-lifeline");
    assert!(v.scroll > 0, "scrolled down to the quote");
    let s = screen(&a);
    // Five stops: the four direct quotes and the paraphrase's evidence.
    assert!(
        s.contains("Lowmere Gazette · quote 3/5 · Tobias Venn"),
        "{s}"
    );
    assert!(
        s.contains("pier would be \"a lifeline for the boats"),
        "{s}"
    );
    assert!(
        !s.contains("Lowmere votes to rebuild"),
        "the top is scrolled off:\n{s}"
    );

    ch(&mut a, 'n');
    let Mode::Source(v, _) = &a.mode else {
        panic!()
    };
    assert_eq!(a.briefing.quote(v.quote).id, "oduya-vanity");
    assert!(screen(&a).contains("quote 4/5 · Hal Oduya"));
    ch(&mut a, 'n');
    let Mode::Source(v, _) = &a.mode else {
        panic!()
    };
    assert_eq!(a.briefing.quote(v.quote).id, "oduya-flood");
    ch(&mut a, 'n');
    assert!(screen(&a).contains("no later quote of this briefing in the source"));
    for _ in 0..3 {
        ch(&mut a, 'N');
    }
    let Mode::Source(v, _) = &a.mode else {
        panic!()
    };
    assert_eq!(a.briefing.quote(v.quote).id, "quill-frost");
    // Esc goes back to the detail the source was opened from.
    code(&mut a, KeyCode::Esc);
    let Mode::Detail(d) = &a.mode else {
        panic!("back to the detail")
    };
    assert_eq!(d.quote, QuoteIx::at(2));
}

#[test]
fn a_hostile_source_file_is_cleaned_before_it_reaches_the_screen() {
    let mut a = open("tests/fixtures/hostile-source/briefing.toml");
    let Some(Some(Ok(t))) = a.sources.first() else {
        panic!("the source is read")
    };
    for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}', '\u{200b}'] {
        assert!(!t.text.contains(bad), "{bad:?} left in the source's text");
    }
    detail_of(&mut a, 0);
    assert_eq!(passage(&a).1, "the bridge is safe today");
    ch(&mut a, 'v');
    assert!(matches!(a.mode, Mode::Source(..)));
    let buf = render(&a);
    let shown: String = buf
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(shown.contains("the bridge is safe today"), "{shown}");
    assert!(shown.contains("Another line red with  invisible characters."));
    for bad in [
        "\u{1b}", "\u{7}", "\u{202e}", "\u{2066}", "\u{200b}", "[2J", "52;c",
    ] {
        assert!(!shown.contains(bad), "{bad:?} reached the screen");
    }
}

#[test]
fn v_on_the_selected_quote_opens_its_source_too() {
    let mut a = open("tests/fixtures/verify/briefing.toml");
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    ch(&mut a, 'j');
    ch(&mut a, 'v');
    let Mode::Source(v, _) = &a.mode else {
        panic!("the source is open")
    };
    assert_eq!(a.briefing.quote(v.quote).id, "quill-frost");
    code(&mut a, KeyCode::Esc);
    assert!(
        matches!(a.mode, Mode::Detail(_)),
        "Esc returns to the quote"
    );
}
