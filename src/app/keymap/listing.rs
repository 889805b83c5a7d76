//! The keymap as people read it: the help overlay's entries, the status-line hints,
//! `brief keys` and the README's Markdown table.

use super::Context;
use super::map::Keymap;
use crate::app::action::Action;
use crate::app::key::sequence_label;
use crate::app::keymap::map::Seq;
use std::fmt::Write as _;

/// One group of a screen's help: its title, the context whose keys it lists, and
/// which of their actions work on the screen.
pub type ScreenGroup<'a> = (&'a str, Context, &'a dyn Fn(Action) -> bool);

/// What the help shows on one line: rows of a context that do the same thing, merged
/// (Enter, `a`, Esc and `q` all close the actor filter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    pub keys: Vec<Seq>,
    pub action: Action,
    pub help: &'static str,
    pub hint: bool,
}

impl Keymap {
    /// The rows of a context merged by what the help says they do (Enter, `a` and Esc
    /// all close the actor filter), in table order; actions left with no key are not
    /// listed.
    pub fn entries(&self, context: Context) -> Vec<HelpEntry> {
        let mut out: Vec<HelpEntry> = Vec::new();
        for row in self.rows(context).filter(|r| !r.keys.is_empty()) {
            match out.iter_mut().find(|e| e.help == row.help) {
                Some(e) => {
                    e.keys.extend(row.keys.iter().cloned());
                    e.hint |= row.hint;
                }
                None => out.push(HelpEntry {
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
        self.hints_with(context, ascii, acts, |e| e.help)
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
pub fn entry_keys(e: &HelpEntry, separator: &str, ascii: bool) -> String {
    e.keys
        .iter()
        .map(|k| sequence_label(k, ascii))
        .collect::<Vec<_>>()
        .join(separator)
}

/// One row of the help as drawn: a heading, or a key column and its description
/// (continuation rows of a wrapped description have no keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(String),
    Entry { keys: String, help: String },
}

/// Columns of the help's keys column.
pub const HELP_KEYS: usize = 24;

/// The glyphs the screens use, explained after the keys.
const MARKS: &[(&str, &str)] = &[
    ("✔ asserts", "the actor says the claim is true"),
    ("~ likely", "the actor says it is likely"),
    ("? undecided", "the actor will not say yet"),
    ("✘ denies", "the actor says it is false"),
    (
        "✘ denies · 1✔ 1?",
        "folded cell: the state's own stance, then its members' counted",
    ),
    ("✘ +1✔ 1?", "the same, short, on a narrow screen"),
    (
        "member: ~ likely",
        "folded cell where only members take a position",
    ),
    ("• / ★", "unread / starred quote (o / * with --ascii)"),
    (
        "✦",
        "new or changed by the last reload (! with --ascii), until seen: opened, selected in Quotes, or under the Reader's marker",
    ),
    (
        "▶",
        "the Reader's current quote: what s, y and Enter act on",
    ),
];

impl Keymap {
    /// The help at `width` columns: every context's keys, then what the marks mean,
    /// descriptions wrapped under themselves (never cut mid-word). With a query, only
    /// the rows whose keys or description hold it (any case), under their headings.
    pub fn help_lines(&self, ascii: bool, query: &str, width: usize) -> Vec<HelpLine> {
        let needle = query.to_lowercase();
        let holds = |keys: &str, help: &str| {
            needle.is_empty()
                || keys.to_lowercase().contains(&needle)
                || help.to_lowercase().contains(&needle)
        };
        let mut groups: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for ctx in Context::ALL {
            let mut rows: Vec<(String, String)> = self
                .entries(ctx)
                .iter()
                .map(|e| (entry_keys(e, " / ", ascii), e.help.to_owned()))
                .collect();
            if ctx.types() {
                rows.push((
                    "other characters".to_owned(),
                    "typed into the query".to_owned(),
                ));
            }
            groups.push((ctx.title().to_owned(), rows));
        }
        let marks = MARKS
            .iter()
            .map(|(m, h)| ((*m).to_owned(), (*h).to_owned()));
        groups.push(("What the marks mean".to_owned(), marks.collect()));
        lay_out(groups, &holds, width)
    }

    /// The help of one screen (the library's): under each title, the entries of its
    /// context whose action `keep` says works there, laid out as `help_lines` does.
    pub fn screen_help(
        &self,
        groups: &[ScreenGroup<'_>],
        ascii: bool,
        width: usize,
    ) -> Vec<HelpLine> {
        let groups = groups
            .iter()
            .map(|(title, ctx, keep)| {
                let rows = self
                    .entries(*ctx)
                    .iter()
                    .filter(|e| keep(e.action))
                    .map(|e| (entry_keys(e, " / ", ascii), e.help.to_owned()))
                    .collect();
                ((*title).to_owned(), rows)
            })
            .collect();
        lay_out(groups, &|_, _| true, width)
    }

    /// The status line's hints for `context`, each described by `help` (the library's
    /// search line says what Enter does there, not in a briefing).
    pub fn hints_with(
        &self,
        context: Context,
        ascii: bool,
        acts: impl Fn(Action) -> bool,
        help: impl Fn(&HelpEntry) -> &'static str,
    ) -> Vec<String> {
        self.entries(context)
            .iter()
            .filter(|e| e.hint && acts(e.action))
            .map(|e| {
                let h = help(e);
                format!(
                    "{} {}",
                    sequence_label(&e.keys[0], ascii),
                    h.split(':').next().unwrap_or(h)
                )
            })
            .collect()
    }
}

/// Groups of (keys, description) rows under their titles, as the help popup draws
/// them at `width`: only the rows `holds` keeps, descriptions wrapped under
/// themselves (never cut mid-word).
fn lay_out(
    groups: Vec<(String, Vec<(String, String)>)>,
    holds: &dyn Fn(&str, &str) -> bool,
    width: usize,
) -> Vec<HelpLine> {
    // Narrow screens put the description under its keys.
    let keys_w = if width >= HELP_KEYS + 20 {
        HELP_KEYS
    } else {
        0
    };
    // The popup indents keys by 2; the narrow form indents a description by 2 more.
    let help_w = if keys_w > 0 {
        width.saturating_sub(keys_w + 2)
    } else {
        width.saturating_sub(4)
    }
    .max(8);
    let mut out = Vec::new();
    for (title, rows) in groups {
        let rows: Vec<_> = rows.into_iter().filter(|(k, h)| holds(k, h)).collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.extend(
            crate::text::wrap(&title, width.max(8))
                .into_iter()
                .map(HelpLine::Heading),
        );
        for (keys, help) in rows {
            let wrapped = crate::text::wrap(&help, help_w);
            if keys_w == 0 {
                out.push(HelpLine::Entry {
                    keys,
                    help: String::new(),
                });
                for l in wrapped {
                    out.push(HelpLine::Entry {
                        keys: String::new(),
                        help: format!("  {l}"),
                    });
                }
            } else {
                for (n, l) in wrapped.into_iter().enumerate() {
                    let keys = if n == 0 { keys.clone() } else { String::new() };
                    out.push(HelpLine::Entry { keys, help: l });
                }
            }
        }
    }
    out
}
