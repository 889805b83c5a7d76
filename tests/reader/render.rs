//! What the screen shows beyond its text: focus without colour, filter highlights,
//! dimmed sections, the too-small message.

use crate::common::{app, ch, code, render, screen, typed};
use brief::layout::Pane;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Cells where `needle` starts on screen within `area`.
fn find(buf: &Buffer, area: Rect, needle: &str) -> Vec<(u16, u16)> {
    let mut hits = Vec::new();
    for y in area.y..area.bottom() {
        let row: String = (area.x..area.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        if let Some(i) = row.find(needle) {
            hits.push((area.x + u16::try_from(row[..i].chars().count()).unwrap(), y));
        }
    }
    hits
}

#[test]
fn the_focused_pane_is_marked_without_colour() {
    let mut a = app(120, 40);
    for pane in [Pane::Sections, Pane::Reader, Pane::Quotes] {
        let buf = render(&a);
        let g = a.geometry();
        for other in Pane::ALL {
            let r = g.pane(other).unwrap();
            let corner = buf[(r.x, r.y)].symbol();
            let marker = buf[(r.x + 1, r.y)].symbol();
            if other == pane {
                assert_eq!((corner, marker), ("┏", "▶"), "{other:?} focused");
            } else {
                assert_eq!(corner, "┌", "{other:?} not focused");
                assert_ne!(marker, "▶");
            }
        }
        code(&mut a, brief::app::KeyCode::Tab);
    }
}

#[test]
fn the_filter_highlights_chosen_names_in_the_reader_and_dims_empty_sections() {
    let mut a = app(120, 40);
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, brief::app::KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, brief::app::KeyCode::Enter);
    let section = a
        .briefing
        .sections
        .iter()
        .position(|s| s.paragraphs.iter().any(|p| p.contains("Keir Starmer")))
        .unwrap();
    for _ in 0..section {
        ch(&mut a, 'j');
    }
    let buf = render(&a);
    let g = a.geometry();
    let reader = g.pane(Pane::Reader).unwrap();
    let hits = find(&buf, reader, "Keir Starmer");
    assert!(!hits.is_empty(), "{}", screen(&a));
    for (x, y) in hits {
        for dx in 0..12 {
            assert!(
                buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
                "highlighted at ({},{y})",
                x + dx
            );
        }
    }
    // A name that is not chosen is not highlighted.
    for (x, y) in find(&buf, reader, "Lloyd Austin") {
        assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
    let sections = brief::layout::inner(g.pane(Pane::Sections).unwrap());
    for (i, _) in a.briefing.sections.iter().enumerate() {
        let y = sections.y + u16::try_from(i).unwrap();
        let dim = buf[(sections.x + 3, y)].fg == ratatui::style::Color::DarkGray;
        assert_eq!(
            dim,
            a.filter.per_section[i] == 0,
            "section {i} dimmed iff no match"
        );
    }
    assert!(screen(&a).contains("Filter: United Kingdom · 4/19 quotes"));
}

#[test]
fn too_small_says_what_is_needed() {
    for (w, h) in [(39, 30), (100, 11), (30, 10)] {
        let s = screen(&app(w, h));
        let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("terminal too small: need 40×12, have {w}×{h}")),
            "{s}"
        );
    }
}

#[test]
fn mono_screens_carry_no_colour_but_keep_every_mark() {
    let mut a = app(120, 40);
    let mut mono = crate::common::settings().clone();
    mono.appearance.palette = brief::theme::Palette::Mono;
    ch(&mut a, 'a');
    typed(&mut a, "/kingdom");
    code(&mut a, brief::app::KeyCode::Enter);
    ch(&mut a, ' ');
    code(&mut a, brief::app::KeyCode::Esc);
    let buf = crate::common::render_with(&a, &mono);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset),
        "no colour"
    );
    let g = a.geometry();
    let sections = g.pane(Pane::Sections).unwrap();
    assert_eq!(
        buf[(sections.x, sections.y)].symbol(),
        "┏",
        "focus shows by its border"
    );
    let inner = brief::layout::inner(sections);
    assert!(
        buf[(inner.x + 2, inner.y)]
            .modifier
            .contains(Modifier::REVERSED),
        "selection shows reversed"
    );
    let empty = (0..a.briefing.sections.len())
        .find(|&i| a.filter.per_section[i] == 0)
        .unwrap();
    let y = inner.y + u16::try_from(empty).unwrap();
    assert!(
        buf[(inner.x + 4, y)].modifier.contains(Modifier::DIM),
        "sections without matches are dim"
    );
    ch(&mut a, '2');
    let s = screen(&a);
    assert!(s.contains("~ likely"), "stances are glyphs and words:\n{s}");
}

#[test]
fn a_briefing_with_no_quotes_says_so_and_not_that_a_filter_hides_them() {
    let text = "format = 1\n[briefing]\ntitle = \"Quiet\"\n[[sections]]\nid = \"s\"\ntitle = \"Only words\"\nbody = \"\"\"\nNothing was said.\n\"\"\"\n";
    let b = brief::load::load_str("quiet.toml", text)
        .expect("a briefing without quotes loads")
        .briefing;
    assert!(b.quotes.is_empty());
    let a = brief::app::App::new(b, 120, 40);
    let s = screen(&a);
    assert!(s.contains("This briefing has no quotes."), "{s}");
    assert!(!s.contains("No quotes match"), "{s}");
    // With quotes, a filter that hides them all still says so.
    let mut a = app(120, 40);
    a.filter.quotes.clear();
    let s = screen(&a);
    assert!(s.contains("No quotes match the filter"), "{s}");
}

#[test]
fn the_reload_errors_panel_wraps_long_lines_and_scrolls_to_their_end() {
    use brief::app::state::Mode;
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(w, h);
        a.mode = Mode::Errors {
            lines: (1..=30)
                .map(|n| format!("/tmp/tlib/bad.toml:{n}:8: error: unknown variant `alien`, expected one of `person`, `organisation`, `state` (end-of-line-{n})"))
                .collect(),
            scroll: 0,
        };
        let s = screen(&a);
        assert!(s.contains("(end-of-line-1)"), "{s}");
        for _ in 0..200 {
            ch(&mut a, 'j');
        }
        let s = screen(&a);
        assert!(s.contains("(end-of-line-30)"), "at {w}x{h}:\n{s}");
        ch(&mut a, 'k');
        assert_ne!(screen(&a), s, "k scrolls back at once");
    }
}
