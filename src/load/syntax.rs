//! The toml crate's errors rebuilt as our diagnostics: limits named, keys named, and a
//! location found when the crate gives none.

use super::diag::Diagnostic;
use std::ops::Range;

/// How deep arrays, inline tables and dotted keys may nest. This is the toml crate's own
/// limit (`LIMIT` in toml 1.2's parser, which enforces it without recursing, so even
/// 5000 `[` cannot overflow the stack). We only name it in our message; the
/// `tests/loader.rs` pin fails if a toml upgrade moves it.
pub const MAX_NESTING: usize = 80;

/// The diagnostic for a TOML syntax or schema error.
pub fn diagnostic(text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message();
    if message == "recursion limit" || message.starts_with("cannot recurse further") {
        return nesting(text, e.span());
    }
    if message == "duplicate key"
        && let Some(key) = e.span().and_then(|s| text.get(s))
        && key.len() <= 64
        && !key.contains('\n')
    {
        return Diagnostic::error(e.span(), format!("duplicate key `{key}`"));
    }
    Diagnostic::error(e.span(), message)
}

/// Too deep: the crate points at the array or inline table that went over, but gives no
/// location for a dotted key that did, so we find the key ourselves.
fn nesting(text: &str, span: Option<Range<usize>>) -> Diagnostic {
    Diagnostic::error(
        span.or_else(|| deep_key(text)),
        format!(
            "nested too deep: arrays, inline tables and dotted keys may nest at most {MAX_NESTING} levels"
        ),
    )
}

/// The first run of more than `MAX_NESTING` dot-separated key parts outside strings and
/// comments. No value has that many dots, so such a run can only be a key.
fn deep_key(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut run = KeyRun::default();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end = match c {
            _ if is_bare(c) => skip_while(b, i, is_bare),
            b'"' | b'\'' if b[i..].starts_with(&[c; 3]) => {
                run.reset();
                i = skip_past(b, i + 3, &[c; 3]);
                continue;
            }
            b'"' | b'\'' => skip_quoted(b, i, c),
            b'#' => {
                run.reset();
                i = skip_while(b, i, |c| c != b'\n');
                continue;
            }
            _ => {
                run.other(c);
                i += 1;
                continue;
            }
        };
        if run.part(i) > MAX_NESTING {
            return Some(run.start..end);
        }
        i = end;
    }
    None
}

/// A run of key parts joined by dots, as `deep_key` scans it.
#[derive(Default)]
struct KeyRun {
    start: usize,
    parts: usize,
    /// A dot has been seen since the last part, so the next part continues the run.
    dot: bool,
}

impl KeyRun {
    fn reset(&mut self) {
        self.parts = 0;
        self.dot = false;
    }

    /// A key part starting at `start`; returns how many parts the run now has.
    fn part(&mut self, start: usize) -> usize {
        if self.dot && self.parts > 0 {
            self.parts += 1;
        } else {
            self.start = start;
            self.parts = 1;
        }
        self.dot = false;
        self.parts
    }

    /// Any other byte: a dot joins parts, blanks may surround it, anything else ends the run.
    fn other(&mut self, c: u8) {
        match c {
            b'.' if self.parts > 0 && !self.dot => self.dot = true,
            b' ' | b'\t' => {}
            _ => self.reset(),
        }
    }
}

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

fn skip_while(b: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < b.len() && keep(b[i]) {
        i += 1;
    }
    i
}

/// Past the closing `close` (or to the end of the text).
fn skip_past(b: &[u8], from: usize, close: &[u8]) -> usize {
    b[from.min(b.len())..]
        .windows(close.len())
        .position(|w| w == close)
        .map_or(b.len(), |p| from + p + close.len())
}

/// Past a one-line string opened by `q` at `i`: basic strings honour backslash escapes;
/// a newline ends an unterminated one.
fn skip_quoted(b: &[u8], i: usize, q: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() && b[j] != q && b[j] != b'\n' {
        j += if q == b'"' && b[j] == b'\\' { 2 } else { 1 };
    }
    (j + 1).min(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: usize) -> String {
        vec!["k"; n].join(".")
    }

    #[test]
    fn finds_the_first_key_deeper_than_the_limit() {
        // Deep "keys" inside strings and comments are not keys.
        let deep = key(99);
        let head = format!("a = \"{deep}\"\nb = '''\n{deep}'''\n# {deep}\n");
        let text = format!("{head}x . {} = 1\n", key(81));
        assert_eq!(deep_key(&text).map(|r| r.start), Some(head.len()));
    }

    #[test]
    fn a_key_at_the_limit_is_not_reported() {
        assert_eq!(deep_key(&format!("[{}]\n", key(80))), None);
        let quoted = vec!["\"a.b\""; 81].join(" . ");
        assert_eq!(deep_key(&format!("{quoted} = 1")), Some(0..quoted.len()));
    }
}
