//! The keymap as people read it: the help overlay's entries, the status-line hints,
//! `brief keys` and the README's Markdown table.

use super::Context;
use super::map::Keymap;
use crate::app::action::Action;
use crate::app::key::sequence_label;
use crate::app::keymap::map::Seq;
use std::fmt::Write as _;

/// What the help shows on one line: rows of a context that do the same thing, merged
/// (Enter, `a`, Esc and `q` all close the actor filter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub keys: Vec<Seq>,
    pub action: Action,
    pub help: &'static str,
    pub hint: bool,
}

impl Keymap {
    /// The rows of a context merged by what they do, in table order; actions left
    /// with no key are not listed.
    pub fn entries(&self, context: Context) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for row in self.rows(context).filter(|r| !r.keys.is_empty()) {
            match out
                .iter_mut()
                .find(|e| e.action == row.action && e.help == row.help)
            {
                Some(e) => {
                    e.keys.extend(row.keys.iter().cloned());
                    e.hint |= row.hint;
                }
                None => out.push(Entry {
                    keys: row.keys.clone(),
                    action: row.action,
                    help: row.help,
                    hint: row.hint,
                }),
            }
        }
        out
    }

    /// The status line's hints for a context: the first key of each hinted entry and
    /// the first words of its help.
    /// The status line's hints for `context`: the hinted keys whose action `acts` says
    /// does something on the screen as it is.
    pub fn hints(
        &self,
        context: Context,
        ascii: bool,
        acts: impl Fn(Action) -> bool,
    ) -> Vec<String> {
        self.entries(context)
            .iter()
            .filter(|e| e.hint && acts(e.action))
            .map(|e| {
                format!(
                    "{} {}",
                    sequence_label(&e.keys[0], ascii),
                    e.help.split(':').next().unwrap_or(e.help)
                )
            })
            .collect()
    }

    /// The key table as text, as `brief keys` prints it.
    pub fn table(&self) -> String {
        let mut out = String::new();
        for ctx in Context::ALL {
            let _ = writeln!(out, "{}", ctx.title());
            for e in self.entries(ctx) {
                let _ = writeln!(out, "  {:<24}{}", entry_keys(&e, " / ", false), e.help);
            }
        }
        out
    }

    /// The key table as Markdown (the README's key list is the defaults' table).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for ctx in Context::ALL {
            let _ = write!(
                out,
                "\n**{}**\n\n| Keys | Action |\n|---|---|\n",
                ctx.title()
            );
            for e in self.entries(ctx) {
                let keys = e
                    .keys
                    .iter()
                    .map(|k| format!("`{}`", sequence_label(k, false)))
                    .collect::<Vec<_>>()
                    .join(", ");
                let _ = writeln!(out, "| {keys} | {} |", e.help);
            }
            if ctx.types() {
                out.push_str("| any other character | typed into the query |\n");
            }
        }
        out
    }
}

/// An entry's keys for people: `j / ↓`, or `Down` spelled out when `ascii`.
pub fn entry_keys(e: &Entry, separator: &str, ascii: bool) -> String {
    e.keys
        .iter()
        .map(|k| sequence_label(k, ascii))
        .collect::<Vec<_>>()
        .join(separator)
}
