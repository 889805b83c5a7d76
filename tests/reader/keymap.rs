//! The keymap table: the keys the reader promises are bound, no key means two things in
//! one context, and the README's key list is the table's own output.

use brief::app::keymap::{self, BINDINGS, Context};
use brief::app::{Action, Key, KeyCode};
use std::collections::HashSet;

fn lookup(ctx: Context, key: Key) -> Option<Action> {
    keymap::lookup(ctx, key)
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    let mut seen = HashSet::new();
    for b in BINDINGS {
        for k in b.keys {
            assert!(
                seen.insert((b.context, *k)),
                "{k} is bound twice in {:?}",
                b.context
            );
        }
    }
}

#[test]
fn the_pane_keys_of_the_reader() {
    use Action as A;
    use KeyCode as K;
    let table = [
        (Key::ch('q'), A::Quit),
        (Key::ctrl('c'), A::QuitAll),
        (Key::ch('?'), A::Help),
        (Key::plain(K::Tab), A::NextPane),
        (Key::plain(K::BackTab), A::PrevPane),
        (Key::ch('h'), A::Left),
        (Key::plain(K::Left), A::Left),
        (Key::ch('l'), A::Right),
        (Key::plain(K::Right), A::Right),
        (Key::ch('j'), A::Down),
        (Key::plain(K::Down), A::Down),
        (Key::ch('k'), A::Up),
        (Key::plain(K::Up), A::Up),
        (Key::ch('g'), A::Top),
        (Key::plain(K::Home), A::Top),
        (Key::ch('G'), A::Bottom),
        (Key::plain(K::End), A::Bottom),
        (Key::ctrl('d'), A::HalfPageDown),
        (Key::ctrl('u'), A::HalfPageUp),
        (Key::plain(K::PageDown), A::PageDown),
        (Key::plain(K::PageUp), A::PageUp),
        (Key::ch(']'), A::NextSection),
        (Key::ch('['), A::PrevSection),
        (Key::plain(K::Enter), A::Open),
        (Key::ch('a'), A::ActorFilter),
        (Key::ch('c'), A::ClearFilter),
    ];
    for (key, action) in table {
        assert_eq!(lookup(Context::Panes, key), Some(action), "{key}");
    }
    assert_eq!(lookup(Context::Panes, Key::ch('z')), None);
}

#[test]
fn the_popup_keys() {
    use Action as A;
    use KeyCode as K;
    let table = [
        (Context::Help, Key::plain(K::Esc), A::Close),
        (Context::Help, Key::ch('?'), A::Help),
        (Context::Help, Key::ch('q'), A::Close),
        (Context::Filter, Key::ch('j'), A::Down),
        (Context::Filter, Key::ch('k'), A::Up),
        (Context::Filter, Key::ch(' '), A::Choose),
        (Context::Filter, Key::ch('c'), A::ClearFilter),
        (Context::Filter, Key::ch('/'), A::Search),
        (Context::Filter, Key::plain(K::Enter), A::Open),
        (Context::Filter, Key::ch('a'), A::ActorFilter),
        (Context::Filter, Key::plain(K::Esc), A::Close),
        (Context::Narrow, Key::plain(K::Enter), A::Accept),
        (Context::Narrow, Key::plain(K::Esc), A::Cancel),
        (Context::Narrow, Key::plain(K::Backspace), A::DeleteChar),
        (Context::Narrow, Key::ch('j'), A::Input('j')),
        (Context::Narrow, Key::ch('한'), A::Input('한')),
        (Context::Narrow, Key::ctrl('c'), A::QuitAll),
        (Context::Detail, Key::ch('j'), A::Down),
        (Context::Detail, Key::ch('k'), A::Up),
        (Context::Detail, Key::ch('h'), A::Left),
        (Context::Detail, Key::plain(K::Left), A::Left),
        (Context::Detail, Key::ch('l'), A::Right),
        (Context::Detail, Key::plain(K::Right), A::Right),
        (Context::Detail, Key::plain(K::Enter), A::Open),
        (Context::Detail, Key::plain(K::Esc), A::Close),
        (Context::Detail, Key::ch('q'), A::Close),
        (Context::Detail, Key::ctrl('c'), A::QuitAll),
        // Ctrl-z suspends everywhere, bound or not, typing included.
        (Context::Panes, Key::ctrl('z'), A::Suspend),
        (Context::Views, Key::ctrl('z'), A::Suspend),
        (Context::Library, Key::ctrl('z'), A::Suspend),
        (Context::Detail, Key::ctrl('z'), A::Suspend),
        (Context::Search, Key::ctrl('z'), A::Suspend),
        (Context::Help, Key::ctrl('z'), A::Suspend),
    ];
    for (ctx, key, action) in table {
        assert_eq!(lookup(ctx, key), Some(action), "{key} in {ctx:?}");
    }
}

#[test]
fn every_context_has_a_way_out_and_status_hints() {
    for ctx in Context::ALL {
        let bound: Vec<_> = keymap::bindings(ctx).collect();
        assert!(bound.iter().any(|b| b.hint), "{ctx:?} has no status hint");
        assert!(
            bound.iter().any(|b| matches!(
                b.action,
                Action::Quit | Action::Close | Action::Cancel | Action::Accept
            )),
            "{ctx:?} has no way out"
        );
    }
}

#[test]
fn readme_lists_the_keys_from_the_table() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (start, end) = ("<!-- keys:start -->\n", "<!-- keys:end -->");
    let from = readme.find(start).expect("README has a keys:start marker") + start.len();
    let to = readme.find(end).expect("README has a keys:end marker");
    assert_eq!(
        &readme[from..to],
        keymap::markdown(),
        "README keys are stale: replace the block with `cargo run -- keys --markdown`"
    );
}

/// The config's name of each bound action is its variant's name in snake case, so the
/// two cannot drift apart.
#[test]
fn config_names_are_the_action_names() {
    for b in keymap::BINDINGS {
        let variant = format!("{:?}", b.action);
        let mut snake = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.extend(c.to_lowercase());
        }
        assert_eq!(b.name, snake, "{variant}");
        assert_eq!(b.action.name(), Some(b.name));
    }
}
