//! Full screens of the bundled briefing as text, at several sizes, for each of the
//! reader's main states. A change to any pane shows up here as a reviewable diff.

mod common;

use brief::app::{App, KeyCode};
use common::{app, ch, code, screen, typed};

const SIZES: [(u16, u16); 5] = [(120, 40), (100, 30), (80, 24), (60, 20), (30, 10)];

fn filter_popup(a: &mut App) {
    ch(a, 'a');
    typed(a, "/kingdom");
    code(a, KeyCode::Enter);
    ch(a, ' ');
}

fn filtered(a: &mut App) {
    filter_popup(a);
    code(a, KeyCode::Enter);
}

fn detail(a: &mut App) {
    filtered(a);
    code(a, KeyCode::Tab);
    code(a, KeyCode::Tab);
    code(a, KeyCode::Enter);
}

fn help(a: &mut App) {
    ch(a, '?');
}

fn start(_: &mut App) {}

/// A way to bring the reader into the state a snapshot shows.
type Setup = fn(&mut App);

#[test]
fn screens_at_every_size() {
    let scenarios: [(&str, Setup); 5] = [
        ("start", start),
        ("filter_popup", filter_popup),
        ("filtered", filtered),
        ("detail", detail),
        ("help", help),
    ];
    for (name, setup) in scenarios {
        for (w, h) in SIZES {
            let mut a = app(w, h);
            setup(&mut a);
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&a));
        }
    }
}

#[test]
fn reader_after_jumping_to_a_quote() {
    let mut a = app(120, 40);
    detail(&mut a);
    code(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("jumped_120x40", screen(&a));
}
