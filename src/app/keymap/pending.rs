//! Keys pressed towards a sequence (`g` of `g g`): the session's keymap and what has
//! been typed of a binding so far. Pure, so sequences are tested without a terminal.

use super::Context;
use super::map::{Keymap, Resolved};
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use crate::app::{App, update};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Keys {
    pub map: Arc<Keymap>,
    /// The keys of a sequence typed so far; the status line shows them.
    pub pending: Vec<Key>,
}

impl Default for Keys {
    fn default() -> Self {
        Self::new(Keymap::shared_defaults())
    }
}

impl Keys {
    pub fn new(map: Arc<Keymap>) -> Self {
        Self {
            map,
            pending: Vec::new(),
        }
    }

    /// One key press in `context`: the action it completes, if any. A key that does
    /// not continue the pending sequence drops it and counts on its own; Esc only
    /// drops it.
    pub fn press(&mut self, context: Context, key: Key) -> Option<Action> {
        if !self.pending.is_empty() && key == Key::plain(KeyCode::Esc) {
            self.pending.clear();
            return None;
        }
        let mut keys = std::mem::take(&mut self.pending);
        keys.push(key);
        match self.map.resolve(context, &keys) {
            Resolved::Action(a) => Some(a),
            Resolved::Prefix => {
                self.pending = keys;
                None
            }
            Resolved::Nothing if keys.len() > 1 => self.press(context, key),
            Resolved::Nothing => None,
        }
    }
}

/// Presses a key as the terminal loop does: through the session's keymap for the
/// current context, then `update`.
pub fn press(app: &mut App, key: Key) {
    let context = app.context();
    if let Some(action) = app.keys.press(context, key) {
        update(app, action);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gg() -> Keys {
        let (map, conflicts) = Keymap::with(&[("top", vec![vec![Key::ch('g'); 2]])]);
        assert_eq!(conflicts, []);
        Keys::new(Arc::new(map))
    }

    #[test]
    fn a_sequence_waits_for_its_last_key() {
        let mut keys = gg();
        assert_eq!(keys.press(Context::Panes, Key::ch('g')), None);
        assert_eq!(keys.pending, [Key::ch('g')]);
        assert_eq!(keys.press(Context::Panes, Key::ch('g')), Some(Action::Top));
        assert!(keys.pending.is_empty());
    }

    #[test]
    fn a_broken_sequence_lets_the_key_count_alone() {
        let mut keys = gg();
        keys.press(Context::Panes, Key::ch('g'));
        assert_eq!(keys.press(Context::Panes, Key::ch('j')), Some(Action::Down));
        assert!(keys.pending.is_empty());
    }

    #[test]
    fn esc_drops_a_pending_sequence_and_does_nothing_else() {
        let mut keys = gg();
        keys.press(Context::Panes, Key::ch('g'));
        assert_eq!(keys.press(Context::Panes, Key::plain(KeyCode::Esc)), None);
        assert!(keys.pending.is_empty());
        assert_eq!(
            keys.press(Context::Panes, Key::plain(KeyCode::Esc)),
            Some(Action::ClearSearch)
        );
    }
}
