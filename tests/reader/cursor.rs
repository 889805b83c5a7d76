//! Issue 15: one cursor. Keys act on what the screen shows as selected; the Quotes
//! pane and the Reader move together; reading flows from section to section.

use crate::common::*;
use brief::app::state::Effect;
use brief::app::{App, Key, KeyCode, Mode};
use brief::layout::Pane;

/// The quotes with a line in the Reader's visible rows.
fn on_screen(a: &App) -> Vec<usize> {
    let lines = &a.reader.view.lines;
    let end = (a.reader.scroll + a.rows(Pane::Reader)).min(lines.len());
    let mut out: Vec<usize> = lines[a.reader.scroll..end]
        .iter()
        .filter_map(|l| l.quote.map(brief::model::QuoteIx::get))
        .collect();
    out.dedup();
    out
}

/// What `y` copies now.
fn copied(a: &mut App) -> String {
    match ch(a, 'y') {
        Effect::Copy(t) => t,
        other => panic!("nothing was copied: {other:?}"),
    }
}

#[test]
fn y_s_and_enter_act_on_the_quote_the_reader_shows() {
    let mut a = app(120, 40);
    ch(&mut a, ']');
    ch(&mut a, ']');
    code(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::Reader);
    // Scroll until a quote is on screen.
    while on_screen(&a).is_empty() {
        ch(&mut a, 'j');
    }
    let first = on_screen(&a)[0];
    let words = a.briefing.quotes[first].text.clone();
    let text = copied(&mut a);
    assert!(text.contains(&words), "y copied the quote on screen");
    ch(&mut a, 's');
    assert!(a.marks.is_starred(brief::model::QuoteIx::at(first)));
    assert!(a.notice.as_deref().unwrap().starts_with("starred: "));
    code(&mut a, KeyCode::Enter);
    match &a.mode {
        Mode::Detail(d) => assert_eq!(d.quote.get(), first),
        other => panic!("expected the detail, got {other:?}"),
    }
    code(&mut a, KeyCode::Esc);
    // J moves the marker to the next quote: the keys follow it.
    ch(&mut a, 'J');
    let second = a.reader_quote().unwrap().get();
    assert_eq!(second, first + 1);
    assert!(
        on_screen(&a).contains(&second),
        "the marked quote is on screen"
    );
    let text = copied(&mut a);
    let words = a.briefing.quotes[second].text.clone();
    assert!(text.contains(&words));
    assert!(
        screen(&a).contains("▶ "),
        "the Reader shows its marker:\n{}",
        screen(&a)
    );
}

#[test]
fn with_sections_focused_a_quote_key_says_there_is_none() {
    let mut a = app(120, 40);
    assert_eq!(a.focus, Pane::Sections);
    ch(&mut a, 's');
    assert!(!a.marks.starred.contains(&true), "nothing starred");
    assert_eq!(
        a.notice.as_deref(),
        Some("no quote selected: Tab to the Reader or the Quotes")
    );
    assert_eq!(ch(&mut a, 'y'), Effect::None);
}

#[test]
fn the_quotes_pane_and_the_reader_move_together() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    code(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::Quotes);
    // ] moves both: the Reader to the next section, Quotes to its first quote.
    for _ in 0..3 {
        ch(&mut a, ']');
        let s = &a.briefing.sections[a.sections.selected];
        let q = a.selected_quote().unwrap().get();
        assert!(s.quotes.contains(&q) || s.quotes.is_empty(), "{q} in {s:?}");
    }
    // Moving in Quotes shows that quote in the Reader.
    for _ in 0..6 {
        ch(&mut a, 'j');
        let q = a.selected_quote().unwrap();
        assert_eq!(a.sections.selected, a.briefing.quote(q).section.get());
        assert!(on_screen(&a).contains(&q.get()), "quote {q:?} on screen");
    }
}

#[test]
fn space_and_pgdn_read_on_into_the_next_section_and_b_goes_back() {
    let mut a = app(120, 40);
    code(&mut a, KeyCode::Tab);
    let sections = a.briefing.sections.len();
    let mut seen = vec![a.sections.selected];
    for _ in 0..200 {
        ch(&mut a, ' ');
        if seen.last() != Some(&a.sections.selected) {
            seen.push(a.sections.selected);
            assert_eq!(a.reader.scroll, 0, "a new section starts at its top");
            let s = &a.briefing.sections[a.sections.selected];
            if let Some(q) = a.selected_quote() {
                assert!(
                    s.quotes.is_empty() || s.quotes.contains(&q.get()),
                    "Quotes follow"
                );
            }
        }
    }
    assert_eq!(
        seen,
        (0..sections).collect::<Vec<_>>(),
        "every section in turn"
    );
    assert_eq!(a.notice.as_deref(), Some("end of the briefing"));
    // b goes back: to the end of the section before.
    ch(&mut a, 'g');
    ch(&mut a, 'b');
    assert_eq!(a.sections.selected, sections - 2);
    assert_eq!(a.reader.scroll, a.reader_max_scroll());
    // j at the end of a section stays, and says which key goes on.
    ch(&mut a, 'j');
    assert_eq!(a.sections.selected, sections - 2);
    assert_eq!(
        a.notice.as_deref(),
        Some("end of the section: Space or ] goes on to the next")
    );
    code(&mut a, KeyCode::PageDown);
    assert_eq!(a.sections.selected, sections - 1, "PgDn goes on too");
}

fn help_scroll(a: &App) -> usize {
    match &a.mode {
        Mode::Help { scroll, .. } => *scroll,
        other => panic!("expected the help, got {other:?}"),
    }
}

#[test]
fn help_scrolls_with_the_usual_keys_wraps_and_narrows() {
    let mut a = app(80, 24);
    ch(&mut a, '?');
    ch(&mut a, 'G');
    let end = help_scroll(&a);
    assert!(end > 20, "the help is longer than a screen");
    ch(&mut a, 'g');
    assert_eq!(help_scroll(&a), 0);
    code(&mut a, KeyCode::PageDown);
    let page = help_scroll(&a);
    assert!(page > 10);
    press(&mut a, brief::app::Key::ctrl('u'));
    assert!(help_scroll(&a) < page);
    ch(&mut a, ' ');
    assert!(help_scroll(&a) > 0);
    // `/` narrows to the matching keys and descriptions.
    ch(&mut a, '/');
    typed(&mut a, "star");
    code(&mut a, KeyCode::Enter);
    let s = screen(&a);
    assert!(s.contains("Keys matching /star"), "{s}");
    assert!(s.contains("star or unstar the selected quote"), "{s}");
    assert!(!s.contains("next pane"), "{s}");
    code(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Panes));
    // At 40 columns descriptions wrap under their keys instead of being cut.
    let mut a = app(40, 24);
    ch(&mut a, '?');
    let lines = a.help_lines(crate::common::settings());
    let words: Vec<String> = lines
        .iter()
        .filter_map(|l| match l {
            brief::app::keymap::HelpLine::Entry { help, .. } => Some(help.trim().to_owned()),
            _ => None,
        })
        .collect();
    assert!(
        words
            .iter()
            .any(|w| w == "suspend to the shell (fg returns)"),
        "{words:?}"
    );
    let s = screen(&a);
    assert!(!s.contains("suspend to t\u{2503}"), "{s}");
}

#[test]
fn headings_stay_in_view_with_the_selection() {
    // Actors: G then g shows the first actor's heading again.
    let mut a = app(120, 40);
    ch(&mut a, '5');
    ch(&mut a, 'G');
    ch(&mut a, 'g');
    let s = screen(&a);
    assert!(
        s.lines().nth(3).unwrap().contains("South Korea · state"),
        "the first line of the page is on screen:\n{s}"
    );
    // Moving up into an actor's entries brings its profile back into view.
    ch(&mut a, 'G');
    for _ in 0..8 {
        ch(&mut a, 'k');
        let st = a.page().unwrap();
        let block = st.structure().block_of_item(st.selected);
        let head = st.structure().heading_of(block);
        let brief::views::pages::PageBlock::Profile(actor) = st.structure().blocks[head] else {
            panic!("an actor's entry under a profile")
        };
        let name = &a.briefing.actor(actor).name;
        let s = screen(&a);
        let shown = s.lines().any(|l| l.contains(&format!("┃{name}")));
        // Both fit on this screen for every actor of the bundled briefing.
        assert!(shown, "{name}'s heading is on screen:\n{s}");
    }
    // Claims at 80x24 (the list form): moving up keeps the claim's statement on screen.
    let mut a = app(80, 24);
    ch(&mut a, '2');
    ch(&mut a, 'G');
    for _ in 0..20 {
        ch(&mut a, 'k');
        let st = a.page().unwrap();
        let block = st.structure().block_of_item(st.selected);
        let head = st.structure().heading_of(block);
        let brief::views::pages::PageBlock::ListClaim(c) = st.structure().blocks[head] else {
            panic!("a position under its claim")
        };
        let first_words: String = a.briefing.claims[c].statement.chars().take(20).collect();
        assert!(
            screen(&a).contains(&first_words),
            "{first_words}:\n{}",
            screen(&a)
        );
    }
}

#[test]
fn q_goes_back_to_the_library_and_capital_q_quits_from_anywhere() {
    let library = crate::common::settings().in_library(brief::app::LibraryScreen::List);
    let key = |a: &mut App, c: char| crate::common::press_with(a, &library, Key::ch(c));
    let mut a = app(120, 40);
    assert!(
        crate::common::buffer_text(&crate::common::render_with(&a, &library))
            .contains("q: back to the library"),
        "the way back shows"
    );
    assert_eq!(
        key(&mut a, 'q'),
        Effect::BackToLibrary,
        "q returns to the library"
    );
    let mut a = app(120, 40);
    key(&mut a, '2');
    assert_eq!(key(&mut a, 'Q'), Effect::Quit, "Q quits from a view");
    let mut a = app(120, 40);
    key(&mut a, '?');
    assert_eq!(key(&mut a, 'Q'), Effect::Quit, "Q quits from a popup");
    // Opened alone, q quits as before.
    let mut a = app(120, 40);
    assert_eq!(ch(&mut a, 'q'), Effect::Quit);
}

#[test]
fn check_reads_every_briefing_of_a_folder() {
    let dir = TempDir::new("check-dir");
    dir.put("a.toml", include_str!("../../docs/example.toml"));
    dir.put("b.toml", "format = 1\n[briefing]\ntitle = 3\n");
    dir.put("notes.txt", "not a briefing");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", dir.0.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("a.toml: 1 section, 2 quotes"), "{stdout}");
    assert!(stderr.contains("b.toml:3:9: error:"), "{stderr}");
    assert!(!stdout.contains("notes.txt") && !stderr.contains("notes.txt"));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn no_help_line_is_cut_at_any_width() {
    for w in [40u16, 60, 80, 120] {
        let mut a = app(w, 30);
        ch(&mut a, '?');
        let inner =
            usize::from(brief::layout::inner(brief::layout::help_popup(a.geometry().area)).width);
        for l in a.help_lines(crate::common::settings()) {
            let drawn = match l {
                brief::app::keymap::HelpLine::Blank => String::new(),
                brief::app::keymap::HelpLine::Heading(h) => h,
                brief::app::keymap::HelpLine::Entry { keys, help } => {
                    let keys_w = if inner >= brief::app::keymap::HELP_KEYS + 20 {
                        brief::app::keymap::HELP_KEYS
                    } else {
                        0
                    };
                    let pad = keys_w.saturating_sub(brief::text::width(&keys));
                    format!("  {keys}{}{help}", " ".repeat(pad))
                }
            };
            assert!(
                brief::text::width(&drawn) <= inner,
                "{w}: {drawn:?} is wider than {inner}"
            );
        }
    }
}

#[test]
fn a_quote_key_with_nothing_to_act_on_says_why_where_the_focus_is() {
    // At 40x12 the Reader opens on the summary and the first paragraphs: no quote.
    let mut a = app(40, 12);
    code(&mut a, KeyCode::Tab);
    assert_eq!(a.focus, Pane::Reader);
    assert_eq!(a.reader_quote(), None, "no quote on the first screen");
    assert_eq!(ch(&mut a, 'y'), Effect::None, "nothing copied");
    assert_eq!(
        a.notice.as_deref(),
        Some("no quote on screen: J goes to the next one")
    );
    // J goes to it, and then y acts on it.
    ch(&mut a, 'J');
    assert!(a.reader_quote().is_some());
    // Sections focused: there is no current quote at all.
    code(&mut a, KeyCode::BackTab);
    assert_eq!(a.focus, Pane::Sections);
    ch(&mut a, 'y');
    assert_eq!(
        a.notice.as_deref(),
        Some("no quote selected: Tab to the Reader or the Quotes")
    );
}
