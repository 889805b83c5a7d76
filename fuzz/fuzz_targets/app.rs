//! Fuzz target `app`: the state machine and the renderer under a key sequence, resizes
//! and mouse events from the fuzzer, on the bundled briefing or one parsed from the
//! input. The screen is drawn at the end, on request at any size (a resize the app has
//! not heard of yet), and after every step if asked: no panic, no control character in
//! any cell.
//!
//! Input layout: `[width, height, flags, events..., 0xFF, briefing...]`. Flags bit 0
//! picks the mono palette, bit 1 loads the bytes after the first 0xFF as the briefing
//! (the bundled one is used when they do not load), bit 2 draws after every step
//! (thorough but slow: drawing is most of the cost). Each event is an opcode byte and
//! its operands, see `Step::next`; at most `MAX_STEPS` are applied.
#![no_main]

use brief::app::keymap::{self, BINDINGS};
use brief::app::{Action, App, Effect, Key, KeyCode, update};
use brief::model::Briefing;
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::sync::OnceLock;

/// Largest size a step may set: wider than any layout breakpoint, small enough to keep
/// each execution quick.
const MAX_WIDTH: u16 = 200;
const MAX_HEIGHT: u16 = 60;

/// Steps applied from one input: long enough for any popup, search or filter session,
/// short enough that each execution stays quick (every step draws a full screen).
const MAX_STEPS: usize = 64;

/// Characters typed into search and narrowing queries beyond the bound keys: wide,
/// combining, bidi, zero-width and controls (the keymap must keep the last out).
const TYPED: [char; 12] = [
    'a', 'k', ' ', 'é', '한', '👍', '\u{301}', '\u{202e}', '\u{200b}', '\u{1b}', '\u{9b}', '\u{7}',
];

fuzz_target!(|data: &[u8]| {
    let [w, h, flags, rest @ ..] = data else {
        return;
    };
    let (events, tail) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let briefing = (flags & 2 != 0)
        .then(|| brief::load::load_bytes("fuzz.toml", tail).ok())
        .flatten()
        .map_or_else(|| bundled().clone(), |l| l.briefing);
    let mut app = App::new(briefing, width(*w), height(*h));
    if flags & 1 != 0 {
        app.palette = brief::theme::Palette::Mono;
    }
    let every_step = flags & 4 != 0;
    let settings = brief::app::Settings::default();
    let mut bytes = events.iter().copied();
    for _ in 0..MAX_STEPS {
        let Some(step) = Step::next(&mut bytes) else {
            break;
        };
        let effect = match step {
            // Quit only ends the session (an effect): everything is applied.
            Step::Key(k) => keymap::lookup(app.context(), k)
                .map_or(Effect::None, |a| update(&mut app, &settings, a)),
            Step::Act(a) => update(&mut app, &settings, a),
            Step::Draw(w, h) => {
                draw(&app, &settings, w, h);
                Effect::None
            }
        };
        if let Effect::Copy(text) = effect {
            assert!(!text.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{text:?}");
        }
        if every_step {
            draw(&app, &settings, app.width, app.height);
        }
    }
    draw(&app, app.width, app.height);
});

fn bundled() -> &'static Briefing {
    static BUNDLED: OnceLock<Briefing> = OnceLock::new();
    BUNDLED.get_or_init(|| brief::load::bundled().expect("bundled loads").briefing)
}

fn width(b: u8) -> u16 {
    u16::from(b) % (MAX_WIDTH + 1)
}

fn height(b: u8) -> u16 {
    u16::from(b) % (MAX_HEIGHT + 1)
}

/// One thing the fuzzer makes happen.
enum Step {
    Key(Key),
    Act(Action),
    /// Draw at this size whatever size the app thinks it has.
    Draw(u16, u16),
}

impl Step {
    fn next(bytes: &mut impl Iterator<Item = u8>) -> Option<Step> {
        let keys = || BINDINGS.iter().flat_map(|b| b.keys.iter().copied());
        let op = bytes.next()?;
        let mut arg = || bytes.next().unwrap_or(0);
        Some(match op {
            0..=159 => Step::Key(
                keys()
                    .nth(usize::from(op) % keys().count())
                    .unwrap_or(Key::ch('j')),
            ),
            160..=179 => Step::Key(Key::ch(TYPED[usize::from(op - 160) % TYPED.len()])),
            180..=189 => Step::Key(Key::ctrl(char::from(b'a' + arg() % 26))),
            190..=194 => Step::Key(Key::plain(KeyCode::Backspace)),
            195..=219 => Step::Act(Action::Resize(width(arg()), height(arg()))),
            220..=229 => Step::Act(Action::Scroll {
                x: u16::from(arg()),
                y: u16::from(arg()) % 80,
                down: op % 2 == 0,
            }),
            230..=239 => Step::Act(Action::Click {
                x: u16::from(arg()),
                y: u16::from(arg()) % 80,
            }),
            _ => Step::Draw(width(arg()), height(arg())),
        })
    }
}

/// Renders into a fresh buffer of `w`×`h` and checks every cell.
fn draw(app: &App, settings: &brief::app::Settings, w: u16, h: u16) {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    brief::ui::render(app, settings, area, &mut buf);
    for cell in &buf.content {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || brief::load::clean::is_unsafe_char(c)),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}
