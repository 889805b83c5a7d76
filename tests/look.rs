//! How screens look under the config and flags: `NO_COLOR`, `--color` and the mono
//! theme leave no colour in any cell yet keep every state marked; `--ascii` leaves
//! only ASCII; the light theme and style overrides reach the screen.

mod common;

use brief::app::{App, KeyCode};
use brief::config::settings::resolve;
use brief::config::{self, ColorWhen, Config, LookArgs};
use brief::theme::{Glyphs, Palette};
use common::{app, ch, code, render_with, typed};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 6] = [(120, 40), (100, 30), (80, 24), (60, 20), (40, 12), (30, 10)];

/// The United Kingdom chosen in the actor filter, at the first section whose text
/// names Keir Starmer (so the Reader highlights him).
fn filtered(a: &mut App) {
    ch(a, 'a');
    typed(a, "/kingdom");
    code(a, KeyCode::Enter);
    ch(a, ' ');
    code(a, KeyCode::Enter);
    let section = a
        .briefing
        .sections
        .iter()
        .position(|s| s.paragraphs.iter().any(|p| p.contains("Keir Starmer")))
        .expect("a section names Keir Starmer");
    for _ in 0..section {
        ch(a, 'j');
    }
}

/// A way to bring the reader into a state, by keys as a user would.
type Setup = fn(&mut App);

/// The states a screen can be in.
const MODES: &[(&str, Setup)] = &[
    ("start", |_| {}),
    ("help", |a| {
        ch(a, '?');
    }),
    ("filter popup", |a| {
        ch(a, 'a');
        ch(a, ' ');
    }),
    ("filtered", filtered),
    ("detail", |a| {
        filtered(a);
        code(a, KeyCode::Tab);
        code(a, KeyCode::Tab);
        code(a, KeyCode::Enter);
    }),
    ("searching", |a| {
        ch(a, '/');
        typed(a, "korea");
    }),
    ("outline", |a| {
        ch(a, 'o');
    }),
    ("claims", |a| {
        ch(a, '2');
    }),
    ("figures", |a| {
        ch(a, '3');
    }),
    ("timeline", |a| {
        ch(a, '4');
    }),
    ("actors", |a| {
        ch(a, '5');
    }),
];

/// Every mode at every size, with the look from `config` and the flags.
fn screens(config: &str, args: &LookArgs, no_color: bool) -> Vec<(String, Buffer)> {
    let settings = resolve(
        config::parse("config.toml", config).unwrap(),
        args,
        no_color,
    )
    .settings;
    let mut out = Vec::new();
    for (w, h) in SIZES {
        for (name, setup) in MODES {
            let mut a = app(w, h);
            setup(&mut a);
            out.push((format!("{name} at {w}x{h}"), render_with(&a, &settings)));
        }
    }
    out
}

fn colourless(buf: &Buffer) -> bool {
    buf.content
        .iter()
        .all(|c| (c.fg, c.bg, c.underline_color) == (Color::Reset, Color::Reset, Color::Reset))
}

fn has_modifier(buf: &Buffer, m: Modifier) -> bool {
    buf.content.iter().any(|c| c.modifier.contains(m))
}

fn text(buf: &Buffer) -> String {
    buf.content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn no_color_leaves_no_colour_in_any_cell() {
    for (name, buf) in screens("", &LookArgs::default(), true) {
        assert!(colourless(&buf), "{name} has colour");
    }
}

#[test]
fn color_never_the_config_and_the_mono_theme_leave_no_colour_either() {
    let never = LookArgs {
        color: Some(ColorWhen::Never),
        ..LookArgs::default()
    };
    for (config, args) in [
        ("", &never),
        ("color = \"never\"\n", &LookArgs::default()),
        ("[theme]\nname = \"mono\"\n", &LookArgs::default()),
    ] {
        for (name, buf) in screens(config, args, false).iter().step_by(3) {
            assert!(colourless(buf), "{config:?}: {name} has colour");
        }
    }
}

#[test]
fn the_user_s_own_choice_wins_over_no_color() {
    let always = LookArgs {
        color: Some(ColorWhen::Always),
        ..LookArgs::default()
    };
    let pick = |config: &str, args: &LookArgs| {
        resolve(config::parse("c", config).unwrap(), args, true)
            .settings
            .appearance
            .palette
    };
    assert_eq!(pick("", &always), Palette::Colour);
    assert_eq!(
        pick("color = \"always\"\n", &LookArgs::default()),
        Palette::Colour
    );
    assert_eq!(pick("", &LookArgs::default()), Palette::Mono);
    // The mono theme is a choice of its own.
    assert_eq!(pick("[theme]\nname = \"mono\"\n", &always), Palette::Mono);
}

#[test]
fn without_colour_focus_selection_highlights_and_stances_still_show() {
    let shots = screens("", &LookArgs::default(), true);
    let shot = |want: &str| &shots.iter().find(|(n, _)| n == want).unwrap().1;
    let start = shot("start at 120x40");
    assert!(
        text(start).contains("┏▶ Sections"),
        "focus: thick border and marker"
    );
    assert!(
        has_modifier(start, Modifier::REVERSED),
        "selection: reverse video"
    );
    assert!(
        has_modifier(shot("filtered at 120x40"), Modifier::UNDERLINED),
        "filter highlights: underlined names"
    );
    let claims = text(shot("claims at 120x40"));
    assert!(
        claims.contains('✔') && claims.contains('✘'),
        "stances: glyphs"
    );
}

#[test]
fn ascii_screens_hold_only_ascii_in_every_mode_and_size() {
    let ascii = LookArgs {
        ascii: true,
        ..LookArgs::default()
    };
    for (name, buf) in screens("", &ascii, false) {
        let t = text(&buf);
        assert!(
            t.is_ascii(),
            "{name}: {:?}",
            t.chars().find(|c| !c.is_ascii())
        );
    }
}

#[test]
fn ascii_keeps_focus_visible_and_spells_out_arrow_keys() {
    let mut a = app(120, 40);
    let mut ascii = common::settings().clone();
    ascii.appearance.glyphs = Glyphs::Ascii;
    let start = text(&render_with(&a, &ascii));
    assert!(start.contains("+> Sections"), "the focus marker");
    assert!(
        start.contains("+======"),
        "the focused pane's thick top border"
    );
    common::press_with(&mut a, &ascii, brief::app::Key::ch('?'));
    let help = common::buffer_text(&render_with(&a, &ascii));
    assert!(help.contains("j / Down"), "{help}");
}

#[test]
fn the_light_theme_and_style_overrides_reach_the_screen() {
    let focused_border = |config: &str| {
        let a = app(120, 40);
        let settings = resolve(
            config::parse("c", config).unwrap(),
            &LookArgs::default(),
            false,
        )
        .settings;
        let buf = render_with(&a, &settings);
        let r = a.geometry().pane(brief::layout::Pane::Sections).unwrap();
        let cell = &buf[(r.x, r.y)];
        (cell.fg, cell.modifier.contains(Modifier::BOLD))
    };
    assert_eq!(focused_border(""), (Color::Cyan, true));
    assert_eq!(
        focused_border("[theme]\nname = \"light\"\n"),
        (Color::Blue, true)
    );
    assert_eq!(
        focused_border("[theme]\nname = \"light\"\nfocus-border = { fg = \"red\" }\n"),
        (Color::Red, false),
        "an override replaces the style whole"
    );
    assert_eq!(
        focused_border("[theme]\nfocus-border = { fg = \"#ff8000\", bold = true }\n"),
        (Color::Rgb(255, 128, 0), true)
    );
}

/// The styles of a mono screen, one character per cell: R reverse, U underline,
/// B bold, D dim, I italic, `.` plain (the first that applies).
fn style_map(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let m = buf[(x, y)].modifier;
            let c = [
                (Modifier::REVERSED, 'R'),
                (Modifier::UNDERLINED, 'U'),
                (Modifier::BOLD, 'B'),
                (Modifier::DIM, 'D'),
                (Modifier::ITALIC, 'I'),
            ]
            .iter()
            .find(|(k, _)| m.contains(*k))
            .map_or('.', |&(_, c)| c);
            out.push(c);
        }
        out.push('\n');
    }
    out
}

#[test]
fn mono_styles_snapshot() {
    let mut a = app(80, 24);
    let settings = resolve(Config::default(), &LookArgs::default(), true).settings;
    filtered(&mut a);
    let buf = render_with(&a, &settings);
    assert!(colourless(&buf));
    insta::assert_snapshot!("mono_filtered_80x24", style_map(&buf));
}
