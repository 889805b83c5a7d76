//! Keys pressed towards a sequence (`g` of `g g`): what has been typed of a binding so
//! far, resolved against the run's keymap. Pure, so sequences are tested without a terminal.

use super::Context;
use super::map::{Keymap, Resolved};
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::{App, Effect, Settings, update};

/// The keys of a sequence typed so far (`g` of `g g`); the status line shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PendingKeys(pub Vec<Key>);

impl PendingKeys {
    /// One key press in `context`: the action it completes in `map`, if any. A key
    /// that does not continue the pending sequence drops it and counts on its own; Esc
    /// only drops it.
    pub fn press(&mut self, map: &Keymap, context: Context, key: Key) -> Option<Action> {
        if !self.0.is_empty() && key == Key::plain(KeyCode::Esc) {
            self.0.clear();
            return None;
        }
        let mut keys = std::mem::take(&mut self.0);
        keys.push(key);
        match map.resolve(context, &keys) {
            Resolved::Action(a) => Some(a),
            Resolved::Prefix => {
                self.0 = keys;
                None
            }
            Resolved::Nothing if keys.len() > 1 => self.press(map, context, key),
            Resolved::Nothing => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Presses a key as the terminal loop does: through the run's keymap for the current
/// context, then `update`. What the loop must do next, if the key completed an action.
pub fn press(app: &mut App, settings: &Settings, key: Key) -> Effect {
    let context = app.context();
    match app.pending_keys.press(&settings.keymap, context, key) {
        Some(action) => update(app, settings, action),
        None => Effect::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gg() -> (Keymap, PendingKeys) {
        let (map, conflicts) = Keymap::with(&[("top", vec![vec![Key::ch('g'); 2]])]);
        assert_eq!(conflicts, []);
        (map, PendingKeys::default())
    }

    #[test]
    fn a_sequence_waits_for_its_last_key() {
        let (map, mut keys) = gg();
        assert_eq!(keys.press(&map, Context::Panes, Key::ch('g')), None);
        assert_eq!(keys.0, [Key::ch('g')]);
        assert_eq!(
            keys.press(&map, Context::Panes, Key::ch('g')),
            Some(Action::Top)
        );
        assert!(keys.0.is_empty());
    }

    #[test]
    fn a_broken_sequence_lets_the_key_count_alone() {
        let (map, mut keys) = gg();
        keys.press(&map, Context::Panes, Key::ch('g'));
        assert_eq!(
            keys.press(&map, Context::Panes, Key::ch('j')),
            Some(Action::Down)
        );
        assert!(keys.0.is_empty());
    }

    #[test]
    fn esc_drops_a_pending_sequence_and_does_nothing_else() {
        let (map, mut keys) = gg();
        keys.press(&map, Context::Panes, Key::ch('g'));
        assert_eq!(
            keys.press(&map, Context::Panes, Key::plain(KeyCode::Esc)),
            None
        );
        assert!(keys.0.is_empty());
        assert_eq!(
            keys.press(&map, Context::Panes, Key::plain(KeyCode::Esc)),
            Some(Action::ClearSearch)
        );
    }
}
