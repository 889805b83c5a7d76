//! `[keys]` checked and applied: action names, keys, and conflicts, every problem
//! located at the name or key it is about.

use super::raw::{Entries, KeyList};
use super::suggest;
use crate::app::key::Key;
use crate::app::keymap::map::Seq;
use crate::app::keymap::{ACTIONS, BINDINGS, Keymap};
use crate::load::diag::Diagnostic;
use std::fmt::Write as _;
use std::ops::Range;
use toml::Spanned;

/// The keymap `[keys]` asks for. Problems go to `diags`; the keymap returned then is
/// not meant for use.
pub fn keymap(keys: &Entries<Spanned<KeyList>>, diags: &mut Vec<Diagnostic>) -> Keymap {
    let mut overrides: Vec<(&'static str, Vec<Seq>)> = Vec::new();
    // Where each (action, key) the config gives is written, to point conflicts at it.
    let mut written: Vec<(&'static str, Seq, Range<usize>)> = Vec::new();
    for (name, list) in &keys.0 {
        let Some(&(action, _)) = ACTIONS.iter().find(|(a, _)| a == name.get_ref()) else {
            diags.push(Diagnostic::error(
                Some(name.span()),
                unknown_action(name.get_ref()),
            ));
            continue;
        };
        let mut seqs = Vec::new();
        for (text, span) in &list.get_ref().0 {
            let span = span.clone().unwrap_or_else(|| list.span());
            match Key::parse_sequence(text) {
                Ok(seq) => {
                    written.push((action, seq.clone(), span));
                    seqs.push(seq);
                }
                Err(message) => diags.push(Diagnostic::error(Some(span), message)),
            }
        }
        if let Some(d) = typing_only(action, &seqs, list.span()) {
            diags.push(d);
        }
        overrides.push((action, seqs));
    }
    let (map, conflicts) = Keymap::with(&overrides);
    for c in conflicts {
        let at = |(name, seq): &(&str, Seq)| {
            written
                .iter()
                .find(|(n, s, _)| n == name && s == seq)
                .map(|w| w.2.clone())
        };
        // The later of the two in the file, or the one the file gives when the other
        // is a default.
        let span = match (at(&c.first), at(&c.second)) {
            (Some(a), Some(b)) => Some(if a.start > b.start { a } else { b }),
            (a, b) => a.or(b),
        };
        let overridden = |name: &str| overrides.iter().any(|(n, _)| *n == name);
        let mut message = c.message();
        for name in [c.first.0, c.second.0] {
            if !overridden(name) {
                let _ = write!(
                    message,
                    " (`{name}` has it by default: give `{name}` other keys too)"
                );
            }
        }
        diags.push(Diagnostic::error(span, message));
    }
    map
}

fn unknown_action(name: &str) -> String {
    let hint = suggest(name, ACTIONS.iter().map(|a| a.0))
        .map(|s| format!(" (did you mean `{s}`?)"))
        .unwrap_or_default();
    format!("unknown action `{name}`{hint}: `brief config --default` lists every action")
}

/// An action that applies only while typing a query (`accept`, `cancel`, `delete_char`)
/// given only keys that type a character would have no key at all.
fn typing_only(action: &str, seqs: &[Seq], span: Range<usize>) -> Option<Diagnostic> {
    let mut rows = BINDINGS.iter().filter(|b| b.name == action);
    let typing = rows.all(|b| b.context.types());
    let all_type = seqs.iter().all(|s| s.first().is_some_and(|k| k.types()));
    (typing && !seqs.is_empty() && all_type).then(|| {
        Diagnostic::error(
            Some(span),
            format!(
                "`{action}` acts while typing a query, where these keys type themselves: give it a key such as `enter`, `esc` or `ctrl-x`"
            ),
        )
    })
}
