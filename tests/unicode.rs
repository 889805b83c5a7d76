//! Korean, emoji and combining marks at odd terminal widths: every pane's borders stay
//! in their columns, and nothing spills over them.

mod common;

use brief::app::{Action, App, KeyCode};
use brief::layout::Pane;
use common::{ch, code, render};

const WIDE_TEXT: &str = r#"
format = 1

[briefing]
title = "윤석열 대통령 — 🇰🇷 안보 회의 👨‍👩‍👧 e\u0301\u0301\u0301 résumé"
dek = "한국어 제목과 이모지 🚀🚀🚀 그리고 결합 문자 a\u0300\u0301\u0302"
source = "연합뉴스 📰"
published = 2024-10-22

[[actors]]
id = "south-korea"
name = "대한민국 🇰🇷"
kind = "state"
aliases = ["서울"]

[[actors]]
id = "yoon"
name = "윤석열"
native-name = "尹錫悅"
kind = "person"
role = "대통령 👔"
affiliation = "south-korea"

[[sections]]
id = "one"
title = "국가안전보장회의 긴급 소집 🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨"
body = """
대한민국 정부는 북한군의 러시아 파병을 심각한 안보 위협으로 규정했다. 윤석열 대통령은 단계적 대응을 지시했다. 😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗

Combining: Z\u0351\u0352\u0353a\u0300\u0301\u0302\u0303l\u0304\u0305g\u0306\u0307o and 한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글한글"""

[[sections.quotes]]
id = "q1"
speaker = "yoon"
text = "북한은 러시아의 용병으로 청년들을 내모는 범죄 집단이다 🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️🙅‍♂️"
said = "2024-10"

[[sections.quotes]]
id = "q2"
speaker = "south-korea"
mode = "reported"
text = "단계적 조치 e\u0301e\u0301e\u0301e\u0301 👩🏽‍🔬👩🏽‍🔬👩🏽‍🔬"
"#;

fn wide_app(w: u16, h: u16) -> App {
    let b = brief::load::load_str("wide.toml", WIDE_TEXT)
        .expect("the wide fixture loads")
        .briefing;
    App::new(b, w, h)
}

/// Border and scrollbar glyphs that may stand in a pane's edge columns.
fn is_edge(symbol: &str) -> bool {
    matches!(
        symbol,
        "│" | "┃"
            | "┌"
            | "┐"
            | "└"
            | "┘"
            | "┏"
            | "┓"
            | "┗"
            | "┛"
            | "█"
            | "║"
            | "━"
            | "─"
    )
}

fn assert_borders_line_up(app: &App) {
    let buf = render(app);
    let g = app.geometry();
    for pane in Pane::ALL {
        let Some(r) = g.pane(pane) else { continue };
        for y in r.y..r.bottom() {
            for x in [r.x, r.right() - 1] {
                let s = buf[(x, y)].symbol();
                assert!(
                    is_edge(s),
                    "{pane:?} at {}x{}: cell ({x},{y}) holds {s:?}\n{}",
                    app.width,
                    app.height,
                    common::buffer_text(&buf)
                );
            }
        }
    }
    // Each row's graphemes add up to exactly the terminal's width.
    let text = common::buffer_text(&buf);
    for (y, row) in text.lines().enumerate() {
        assert_eq!(
            brief::text::width(row),
            usize::from(app.width),
            "row {y}: {row:?}"
        );
    }
}

#[test]
fn borders_line_up_at_odd_widths_in_every_view() {
    for (w, h) in [
        (41, 13),
        (59, 19),
        (81, 23),
        (97, 31),
        (119, 33),
        (121, 41),
        (163, 47),
    ] {
        let mut app = wide_app(w, h);
        assert_borders_line_up(&app);
        code(&mut app, KeyCode::Enter); // focus the Reader
        ch(&mut app, 'j');
        assert_borders_line_up(&app);
        ch(&mut app, 'a');
        ch(&mut app, ' ');
        code(&mut app, KeyCode::Esc);
        assert_borders_line_up(&app);
        code(&mut app, KeyCode::Tab);
        code(&mut app, KeyCode::Enter);
        assert!(matches!(app.mode, brief::app::Mode::Detail(_)));
        // The popup covers pane borders; what is left of the screen still has full rows.
        let text = common::buffer_text(&render(&app));
        assert!(
            text.lines()
                .all(|row| brief::text::width(row) == usize::from(w))
        );
    }
}

/// Keys that bring the reader into each mode and view.
const MODES: [&str; 9] = ["", "a", "?", "\t\t\n", "2", "4", "5", "/e", "o"];

#[test]
fn every_screen_at_every_size_is_free_of_control_characters() {
    for keys in MODES {
        for b in [
            common::bundled(),
            brief::load::load_str("wide.toml", WIDE_TEXT)
                .unwrap()
                .briefing,
        ] {
            let mut app = App::new(b, 120, 40);
            for k in keys.chars() {
                let _ = match k {
                    '\t' => code(&mut app, KeyCode::Tab),
                    '\n' => code(&mut app, KeyCode::Enter),
                    c => ch(&mut app, c),
                };
            }
            for w in (0..=120).step_by(7) {
                for h in (0..=40).step_by(3) {
                    common::act(&mut app, Action::Resize(w, h));
                    let buf = render(&app);
                    assert!(
                        buf.content
                            .iter()
                            .all(|c| !c.symbol().chars().any(char::is_control)),
                        "{keys:?} at {w}x{h}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_wide_text_is_on_screen() {
    let app = wide_app(81, 23);
    let text = common::buffer_text(&render(&app));
    assert!(text.contains("윤석열 대통령"), "{text}");
    assert!(text.contains("🚨"), "{text}");
    insta::assert_snapshot!("wide_81x23", text);
}
