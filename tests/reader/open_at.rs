//! Opening a briefing at what the library found (`update::open_at`, issue 19): each
//! kind of target shows what was found, on screen, in the view that shows it; a target
//! the briefing no longer has leaves it where it was, with a notice.

use crate::common::{actor, ch, screen};
use crate::far;
use brief::app::library_screens::Target;
use brief::app::update::open_at;
use brief::app::{App, Mode};
use brief::layout::Pane;
use brief::model::QuoteIx;
use brief::views::lines::LineKind;
use brief::views::pages::{PageBlock, Pos, Target as Item, View};
use std::fmt::Write as _;

const SIZE: (u16, u16) = (100, 30);

fn opened(target: &Target) -> App {
    let mut a = App::new(far::briefing(), SIZE.0, SIZE.1);
    open_at(&mut a, target);
    a
}

/// The Reader's lines on screen.
fn reader_rows(a: &App) -> std::ops::Range<usize> {
    let rows = a.rows(Pane::Reader);
    a.reader.scroll..(a.reader.scroll + rows).min(a.reader.view.lines.len())
}

/// The line of the Reader where piece `piece` of the section starts.
fn first_line_of(a: &App, piece: usize) -> usize {
    a.reader
        .view
        .lines
        .iter()
        .position(|l| l.source == Some((piece, 0)))
        .expect("the piece has lines")
}

/// The piece of section 0 that is paragraph `p`: after the summary and the title.
fn paragraph_piece(p: usize) -> usize {
    2 + p
}

/// The block of the page's selected item.
fn selected_block(a: &App) -> PageBlock {
    let page = a.page().expect("a view's page");
    let s = page.structure();
    s.blocks[s.block_of_item(page.selected)]
}

#[test]
fn a_section_opens_in_the_reader_from_its_top() {
    let a = opened(&Target::Section(1));
    assert_eq!(a.view, View::Briefing);
    assert!(matches!(a.mode, Mode::Panes));
    assert_eq!(a.sections.selected, 1);
    assert_eq!(a.reader.scroll, 0);
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(a.notice, None);
}

#[test]
fn a_paragraph_far_down_its_section_opens_on_screen_with_the_word_found() {
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["zeppelin".into()],
    });
    assert_eq!((a.view, a.sections.selected), (View::Briefing, 0));
    let piece = paragraph_piece(far::ZEPPELIN_PARAGRAPH);
    let line = first_line_of(&a, piece);
    let rows = a.rows(Pane::Reader);
    assert!(
        line >= rows,
        "the paragraph is below the section's first screen"
    );
    assert_eq!(a.reader.view.lines[line].kind, LineKind::Body);
    // The in-briefing search for the word, at this match: highlighted, `n` goes on.
    let search = a.search.as_ref().expect("a search");
    assert_eq!(search.query, "zeppelin");
    assert_eq!((search.current, search.matches.len()), (Some(0), 1));
    let (section, at, range) = search.current_range.clone().expect("a current match");
    assert_eq!((section, at), (0, piece));
    let text = &a.briefing.sections[0].paragraphs[far::ZEPPELIN_PARAGRAPH];
    assert_eq!(&text[range.clone()], "zeppelin");
    // The match's line a third of the way down, as `n` shows a match; the
    // paragraph's first line on screen too.
    let found = (a.reader.view.lines.iter())
        .rposition(|l| {
            l.source
                .is_some_and(|(p, start)| p == piece && start <= range.start)
        })
        .unwrap();
    assert!(a.reader.view.lines[found].text.contains("zeppelin"));
    assert_eq!(a.reader.scroll, found - rows / 3);
    assert!(reader_rows(&a).contains(&line), "line {line} on screen");
    let shown = screen(&a);
    assert!(
        shown.contains("/zeppelin") && shown.contains("match 1/1"),
        "{shown}"
    );
}

#[test]
fn the_word_searched_is_the_querys_first_that_begins_a_word_of_the_paragraph() {
    // The query's order decides, not the paragraph's: "town" is in every paragraph,
    // after "zeppelin" in this one. The current match is this paragraph's.
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["town".into(), "zeppelin".into()],
    });
    let s = a.search.as_ref().unwrap();
    assert_eq!(s.query, "town");
    assert_eq!(s.matches.len(), far::PARAGRAPHS);
    assert_eq!(s.current, Some(far::ZEPPELIN_PARAGRAPH));
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["zeppelin".into(), "town".into()],
    });
    assert_eq!(a.search.as_ref().unwrap().query, "zeppelin");
    // A query word the paragraph lacks is passed over.
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["absent".into(), "town".into()],
    });
    assert_eq!(a.search.as_ref().unwrap().query, "town");
    // "wraps" is in every paragraph: the current match is this paragraph's, the 31st,
    // not the first in the briefing. "pening" comes first, but inside "opening": the
    // library did not match it (a query word must begin a word), so it is not sought.
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["pening".into(), "wrap".into()],
    });
    let s = a.search.as_ref().unwrap();
    assert_eq!(s.query, "wrap");
    assert_eq!(s.matches.len(), far::PARAGRAPHS);
    assert_eq!(s.current, Some(far::ZEPPELIN_PARAGRAPH));
    let line = first_line_of(&a, paragraph_piece(far::ZEPPELIN_PARAGRAPH));
    assert!(
        reader_rows(&a).contains(&(line + 1)),
        "its second line shows"
    );
}

#[test]
fn a_paragraph_without_the_querys_words_opens_on_screen_without_a_search() {
    let a = opened(&Target::Paragraph {
        section: 0,
        paragraph: far::ZEPPELIN_PARAGRAPH,
        words: vec!["absent".into()],
    });
    assert_eq!(a.search.as_ref().map(|s| s.query.clone()), None);
    let line = first_line_of(&a, paragraph_piece(far::ZEPPELIN_PARAGRAPH));
    assert_eq!(a.reader.scroll, line - a.rows(Pane::Reader) / 3);
}

#[test]
fn a_quote_opens_marked_in_its_section() {
    let a = opened(&Target::Quote("q29".into()));
    let q = QuoteIx::at(29);
    assert_eq!((a.view, a.sections.selected), (View::Briefing, 1));
    assert_eq!(a.reader.mark, Some(q));
    let line = (a.reader.view.lines.iter())
        .position(|l| l.quote == Some(q))
        .unwrap();
    assert!(reader_rows(&a).contains(&line));
    assert_eq!(a.selected_quote(), Some(q));
}

#[test]
fn an_actor_opens_the_actors_view_at_their_profile() {
    let a = opened(&Target::Actor("a29".into()));
    assert_eq!(a.view, View::Actors);
    let page = a.page().unwrap();
    // The 30th actor of 30, their first item (a quote) selected, the profile on top.
    assert_eq!(page.counter(), (far::MANY, far::MANY));
    assert_eq!(
        page.target(page.selected),
        Some(Item::Quote(QuoteIx::at(29)))
    );
    let shown = screen(&a);
    assert!(shown.contains("Actors 30/30"), "{shown}");
    assert!(shown.contains("Quincy Quixote"), "{shown}");
    assert_eq!(a.notice, None);
}

#[test]
fn a_claim_opens_the_claims_view_at_its_row() {
    let a = opened(&Target::Claim("c29".into()));
    assert_eq!(a.view, View::Claims);
    let page = a.page().unwrap();
    assert_eq!(page.counter(), (far::MANY, far::MANY));
    assert!(matches!(
        selected_block(&a),
        PageBlock::MatrixRow(29) | PageBlock::ListPosition(29, _)
    ));
    assert!(
        screen(&a).contains("The quagmire deepens."),
        "{}",
        screen(&a)
    );
}

#[test]
fn a_figure_and_an_event_open_their_views_at_them() {
    let a = opened(&Target::Figure(29));
    assert_eq!(a.view, View::Figures);
    assert_eq!(selected_block(&a), PageBlock::Figure(29));
    let shown = screen(&a);
    assert!(
        shown.contains("Xylophone count") && shown.contains("29 units"),
        "{shown}"
    );

    let a = opened(&Target::Event(29));
    assert_eq!(a.view, View::Timeline);
    assert_eq!(selected_block(&a), PageBlock::Event(29));
    assert!(
        screen(&a).contains("A yodel contest is held."),
        "{}",
        screen(&a)
    );
}

#[test]
fn what_the_actor_filter_hides_is_shown_with_the_filter_cleared() {
    let mut a = App::new(far::briefing(), SIZE.0, SIZE.1);
    let first = actor(&a.briefing, "a0");
    a.filter.toggle(&a.briefing, first);
    open_at(&mut a, &Target::Actor("a29".into()));
    assert!(!a.filter.is_active());
    assert_eq!(a.page().unwrap().counter(), (far::MANY, far::MANY));
    assert!(a.notice.as_deref().unwrap().contains("filter cleared"));
    // What is not there at all leaves the filter as it was.
    let mut a = App::new(far::briefing(), SIZE.0, SIZE.1);
    a.filter.toggle(&a.briefing, first);
    open_at(&mut a, &Target::Actor("gone".into()));
    assert_eq!(a.filter.chosen, [first]);
    assert_eq!(a.view, View::Briefing);
    // What it does not hide keeps the filter.
    let mut a = App::new(far::briefing(), SIZE.0, SIZE.1);
    a.filter.toggle(&a.briefing, first);
    open_at(&mut a, &Target::Actor("a0".into()));
    assert!(a.filter.is_active());
    assert_eq!(a.notice, None);
}

#[test]
fn what_the_briefing_no_longer_has_leaves_it_where_it_was_with_a_notice() {
    for target in [
        Target::Section(7),
        Target::Paragraph {
            section: 0,
            paragraph: 99,
            words: Vec::new(),
        },
        Target::Quote("gone".into()),
        Target::Actor("gone".into()),
        Target::Claim("gone".into()),
        Target::Figure(99),
        Target::Event(99),
    ] {
        let mut a = App::new(far::briefing(), SIZE.0, SIZE.1);
        // The remembered place: section 2, scrolled.
        ch(&mut a, 'j');
        a.reader.scroll = 3;
        a.sync();
        open_at(&mut a, &target);
        assert_eq!(a.view, View::Briefing, "{target:?}");
        assert_eq!((a.sections.selected, a.reader.scroll), (1, 3), "{target:?}");
        let notice = a.notice.clone().unwrap_or_default();
        assert!(
            notice.contains("is not in this briefing (the file may have changed"),
            "{target:?}: {notice}"
        );
    }
}

#[test]
fn an_actor_with_nothing_of_their_own_is_shown_at_the_top_of_the_page() {
    // Twenty actors who speak, and between them one who does not.
    let mut text = String::from("format = 1\n\n[briefing]\ntitle = \"Quiet\"\n");
    for k in 0..20 {
        if k == 10 {
            text.push_str(
                "\n[[actors]]\nid = \"quiet\"\nname = \"Quiet Quinn\"\nkind = \"organisation\"\n",
            );
        }
        let _ = write!(
            text,
            "\n[[actors]]\nid = \"a{k}\"\nname = \"Talker {k}\"\nkind = \"person\"\n"
        );
    }
    text.push_str("\n[[sections]]\nid = \"s\"\ntitle = \"S\"\nbody = \"\"\"\nText.\n\"\"\"\n");
    for k in 0..20 {
        let _ = write!(
            text,
            "\n[[sections.quotes]]\nid = \"q{k}\"\nspeaker = \"a{k}\"\ntext = \"Said {k}.\"\n"
        );
    }
    let b = brief::load::load_str("quiet.toml", &text).unwrap().briefing;
    let quiet = actor(&b, "quiet");
    let mut a = App::new(b, SIZE.0, SIZE.1);
    open_at(&mut a, &Target::Actor("quiet".into()));
    assert_eq!(a.view, View::Actors);
    let page = a.page().unwrap();
    let profile = (page.structure().blocks.iter())
        .position(|&b| b == PageBlock::Profile(quiet))
        .unwrap();
    assert!(profile > 20, "the profile is far down the page");
    // No item of theirs to select: the next one is, their profile at the top.
    assert_eq!(
        page.scroll,
        Pos {
            block: profile,
            line: 0
        }
    );
    let next = page.target(page.selected).unwrap();
    let Item::Quote(q) = next else {
        panic!("{next:?}")
    };
    assert!(q.get() > 0 && a.briefing.quote(q).speaker != quiet);
    // The page's first line of text, under its title: the profile's name.
    let shown = screen(&a);
    let first = (shown.lines().skip(3))
        .find(|l| {
            !l.trim_matches(|c: char| c.is_whitespace() || "┃║│█".contains(c))
                .is_empty()
        })
        .unwrap();
    assert!(first.contains("Quiet Quinn"), "{shown}");
}

#[test]
fn a_claim_opens_at_its_row_of_the_matrix_too() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dissent.toml");
    let b = brief::load::load_path(std::path::Path::new(path))
        .unwrap()
        .briefing;
    let mut a = App::new(b, 120, 30);
    open_at(&mut a, &Target::Claim("report-wrong".into()));
    assert_eq!(a.view, View::Claims);
    assert!(
        a.page().unwrap().structure().matrix.is_some(),
        "the matrix form"
    );
    assert_eq!(selected_block(&a), PageBlock::MatrixRow(1));
    assert_eq!(a.page().unwrap().counter(), (2, 2));
}
