//! The session's keymap: the default table with the config's `[keys]` applied. It
//! answers lookups (keys and sequences) and finds conflicts; `listing` writes it out
//! for people.

use super::{BINDINGS, Context};
use crate::app::action::Action;
use crate::app::key::{Key, KeyCode};
use std::sync::LazyLock;

/// One binding: a single key or a sequence (`g g`).
pub type Seq = Vec<Key>;

/// A row of the keymap: the default table's row with its keys as the config left them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingRow {
    pub context: Context,
    pub name: &'static str,
    pub keys: Vec<Seq>,
    pub action: Action,
    pub help: &'static str,
    pub hint: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    rows: Vec<BindingRow>,
}

/// What keys typed so far mean in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// The start of a sequence: wait for the next key.
    Prefix,
    Nothing,
}

/// Two actions that cannot both have their keys in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub contexts: Vec<Context>,
    /// The actions' names, each with its key: the same key, or the first a strict
    /// prefix of the second (`g` and `g g`).
    pub first: (&'static str, Seq),
    pub second: (&'static str, Seq),
}

impl Conflict {
    pub fn message(&self) -> String {
        let places = match self.contexts.split_last() {
            Some((last, [])) => last.place().to_owned(),
            Some((last, rest)) => format!(
                "{} and {}",
                rest.iter()
                    .map(|c| c.place())
                    .collect::<Vec<_>>()
                    .join(", "),
                last.place()
            ),
            None => String::new(),
        };
        let (a, ka) = (&self.first.0, sequence_config(&self.first.1));
        let (b, kb) = (&self.second.0, sequence_config(&self.second.1));
        if ka == kb {
            format!("`{ka}` is bound to both `{a}` and `{b}` in {places}")
        } else {
            format!(
                "`{ka}` (`{a}`) starts `{kb}` (`{b}`) in {places}, so `{kb}` could never be typed"
            )
        }
    }
}

/// A sequence as the config writes it: `g g`, `ctrl-x ctrl-s`.
pub fn sequence_config(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| k.config_name())
        .collect::<Vec<_>>()
        .join(" ")
}

static DEFAULTS: LazyLock<Keymap> = LazyLock::new(|| Keymap {
    rows: BINDINGS
        .iter()
        .map(|b| BindingRow {
            context: b.context,
            name: b.name,
            keys: b.keys.iter().map(|&k| vec![k]).collect(),
            action: b.action,
            help: b.help,
            hint: b.hint,
        })
        .collect(),
});

impl Default for Keymap {
    fn default() -> Self {
        DEFAULTS.clone()
    }
}

impl Keymap {
    /// The default table, built once.
    pub fn defaults() -> &'static Keymap {
        &DEFAULTS
    }

    /// The default keys of an action name, if it is one.
    pub fn default_keys(name: &str) -> Option<&'static [Key]> {
        BINDINGS.iter().find(|b| b.name == name).map(|b| b.keys)
    }

    /// The defaults with each named action's keys replaced. In the typing contexts,
    /// keys that type a character are left out (they type). Returns the conflicts
    /// found; the keymap is only fit for use when there are none.
    pub fn with(overrides: &[(&str, Vec<Seq>)]) -> (Keymap, Vec<Conflict>) {
        let mut map = Keymap::defaults().clone();
        for row in &mut map.rows {
            if let Some((_, keys)) = overrides.iter().rev().find(|(n, _)| *n == row.name) {
                row.keys.clear();
                for seq in keys {
                    let types = row.context.types() && seq.first().is_some_and(|k| k.types());
                    if !seq.is_empty() && !types && !row.keys.contains(seq) {
                        row.keys.push(seq.clone());
                    }
                }
            }
        }
        let conflicts = map.conflicts();
        (map, conflicts)
    }

    pub fn rows(&self, context: Context) -> impl Iterator<Item = &BindingRow> {
        self.rows.iter().filter(move |r| r.context == context)
    }

    /// Every pair of different actions sharing a key, or with a key that starts
    /// another's sequence, per context; the same pair in several contexts is one.
    fn conflicts(&self) -> Vec<Conflict> {
        let mut out: Vec<Conflict> = Vec::new();
        for ctx in Context::ALL {
            let keys: Vec<(&BindingRow, &Seq)> = self
                .rows(ctx)
                .flat_map(|r| r.keys.iter().map(move |k| (r, k)))
                .collect();
            for (i, &(ra, ka)) in keys.iter().enumerate() {
                for &(rb, kb) in &keys[i + 1..] {
                    let same = ka == kb && ra.action != rb.action;
                    let (first, second) = if same || (ka.len() < kb.len() && kb.starts_with(ka)) {
                        ((ra.name, ka), (rb.name, kb))
                    } else if kb.len() < ka.len() && ka.starts_with(kb) {
                        ((rb.name, kb), (ra.name, ka))
                    } else {
                        continue;
                    };
                    let (first, second) =
                        ((first.0, first.1.clone()), (second.0, second.1.clone()));
                    match out
                        .iter_mut()
                        .find(|c| c.first == first && c.second == second)
                    {
                        Some(c) => c.contexts.push(ctx),
                        None => out.push(Conflict {
                            contexts: vec![ctx],
                            first,
                            second,
                        }),
                    }
                }
            }
        }
        out
    }

    /// What `keys` (one key, or a sequence typed so far) mean in `context`.
    pub fn resolve(&self, context: Context, keys: &[Key]) -> Resolved {
        let mut prefix = false;
        for seq in self
            .rows(context)
            .flat_map(|r| r.keys.iter().map(move |k| (r, k)))
        {
            let (row, seq) = seq;
            if seq.as_slice() == keys {
                return Resolved::Action(row.action);
            }
            prefix |= seq.len() > keys.len() && seq.starts_with(keys);
        }
        if prefix {
            return Resolved::Prefix;
        }
        match keys {
            [key] if context.types() && key.types() => match key.code {
                KeyCode::Char(c) if !c.is_control() => Resolved::Action(Action::Input(c)),
                _ => Resolved::Nothing,
            },
            // Ctrl-c quits wherever nothing else has it: a user who is lost must always
            // have a way out, whatever the config says. `Q` too, where keys do not
            // type into a query.
            [key] if *key == Key::ctrl('c') => Resolved::Action(Action::QuitAll),
            [key] if *key == Key::ch('Q') && !context.types() => Resolved::Action(Action::QuitAll),
            // Ctrl-z too: a shell user expects it to work in any popup.
            [key] if *key == Key::ctrl('z') => Resolved::Action(Action::Suspend),
            _ => Resolved::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ACTIONS, BINDINGS};
    use super::*;

    #[test]
    fn rows_sharing_a_name_share_their_default_keys() {
        for b in BINDINGS {
            let keys: Vec<Key> = Keymap::default_keys(b.name)
                .unwrap_or_default()
                .iter()
                .copied()
                .filter(|k| !(b.context.types() && k.types()))
                .collect();
            assert_eq!(b.keys, keys.as_slice(), "{} in {:?}", b.name, b.context);
        }
    }

    #[test]
    fn every_name_is_documented_once() {
        let mut names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
        names.sort_unstable();
        names.dedup();
        let mut documented: Vec<&str> = ACTIONS.iter().map(|a| a.0).collect();
        documented.sort_unstable();
        assert_eq!(names, documented);
    }

    #[test]
    fn the_defaults_have_no_conflict() {
        assert_eq!(Keymap::defaults().conflicts(), []);
    }

    #[test]
    fn a_sequence_is_a_prefix_until_complete() {
        let (map, conflicts) = Keymap::with(&[("top", vec![vec![Key::ch('g'); 2]])]);
        assert_eq!(conflicts, []);
        assert_eq!(
            map.resolve(Context::Panes, &[Key::ch('g')]),
            Resolved::Prefix
        );
        assert_eq!(
            map.resolve(Context::Panes, &[Key::ch('g'); 2]),
            Resolved::Action(Action::Top)
        );
    }

    #[test]
    fn conflicts_name_both_actions_and_every_place() {
        let (_, conflicts) = Keymap::with(&[("star", vec![vec![Key::ch('c')]])]);
        assert_eq!(
            conflicts.iter().map(Conflict::message).collect::<Vec<_>>(),
            ["`c` is bound to both `clear_filter` and `star` in the briefing view"]
        );
        let (_, conflicts) = Keymap::with(&[("fold", vec![vec![Key::ch('c'), Key::ch('c')]])]);
        assert_eq!(
            conflicts[0].message(),
            "`c` (`clear_filter`) starts `c c` (`fold`) in the analyst views, so `c c` could never be typed"
        );
        let (_, conflicts) = Keymap::with(&[("star", vec![vec![Key::ch('h')]])]);
        assert_eq!(
            conflicts[0].message(),
            "`h` is bound to both `left` and `star` in the briefing view and the quote detail"
        );
    }
}
