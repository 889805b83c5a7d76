//! Issue 15: popups draw cleanly over any text. Hangul fills the Reader beneath (wide
//! characters at every column parity); every popup, at every size, keeps one border
//! on each side of each row, and no cell of the text beneath shows inside it, on its
//! border, or in the column cleared beside it.

use crate::common::*;
use brief::app::{App, KeyCode, Mode};
use brief::layout::{self, Pane};
use ratatui::layout::Rect;

fn hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// The bundled briefing with every paragraph in Hangul, odd and even offsets mixed.
fn korean_app(w: u16, h: u16) -> App {
    let mut b = bundled();
    for (i, s) in b.sections.iter_mut().enumerate() {
        let lead = "x".repeat(i % 2);
        s.paragraphs =
            vec![format!("{lead}{}", "대한민국 국가정보원 발표 ".repeat(60)); 3];
    }
    App::new(b, w, h)
}

/// Opens each popup in turn, from the panes, and says which one and where it is.
fn popups(w: u16, h: u16) -> Vec<(&'static str, App, Rect)> {
    let mut out = Vec::new();
    let area = Rect::new(0, 0, w, h);
    let mut a = korean_app(w, h);
    ch(&mut a, 'a');
    out.push(("filter", a, layout::filter_popup(area)));
    let mut a = korean_app(w, h);
    ch(&mut a, '?');
    out.push(("help", a, layout::help_popup(area)));
    let mut a = korean_app(w, h);
    ch(&mut a, 'o');
    out.push(("outline", a, layout::help_popup(area)));
    let mut a = korean_app(w, h);
    a.focus = Pane::Quotes;
    code(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Detail(_)));
    out.push(("detail", a, layout::detail_popup(area)));
    let mut a = korean_app(w, h);
    a.mode = Mode::Errors {
        lines: vec!["a.toml:1:1: error: expected a table".to_owned(); 40],
        scroll: 0,
    };
    out.push(("errors", a, layout::help_popup(area)));
    out
}

#[test]
fn every_popup_has_one_border_a_side_and_nothing_beneath_shows() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 60)] {
        for (name, a, popup) in popups(w, h) {
            let buf = render(&a);
            let screen = buffer_text(&buf);
            let at = format!("{name} at {w}x{h}:\n{screen}");
            let inner_left = popup.x + 1;
            let right = popup.right() - 1;
            for y in popup.top() + 1..popup.bottom() - 1 {
                let left_border = buf[(popup.x, y)].symbol();
                assert!(
                    ["┃", "|"].contains(&left_border),
                    "{at}\nrow {y}: left {left_border:?}"
                );
                let right_border = buf[(right, y)].symbol();
                assert!(
                    ["┃", "█", "║", "|", "#"].contains(&right_border),
                    "{at}\nrow {y}: right {right_border:?}"
                );
                // One border: the cell inside each border is not a border too.
                assert_ne!(
                    buf[(inner_left, y)].symbol(),
                    "┃",
                    "{at}\nrow {y}: doubled left"
                );
                if popup.x > 0 {
                    let beside = buf[(popup.x - 1, y)].symbol();
                    assert!(
                        !["┃", "│", "┏", "┗"].contains(&beside),
                        "{at}\nrow {y}: doubled border"
                    );
                }
                let from = popup.x.saturating_sub(1);
                let to = (popup.right() + 1).min(w);
                for x in from..to {
                    let s = buf[(x, y)].symbol();
                    assert!(
                        !hangul(s),
                        "{at}\nrow {y} col {x}: text beneath shows: {s:?}"
                    );
                }
            }
            // The column left of the popup is cleared: a wide character before it can
            // reach into that column only, never onto the border.
            if popup.x >= 1 {
                for y in popup.top()..popup.bottom() {
                    let s = buf[(popup.x - 1, y)].symbol();
                    assert_eq!(s, " ", "{at}\nrow {y}: the column beside the popup");
                }
            }
        }
    }
}
