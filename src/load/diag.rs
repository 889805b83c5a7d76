//! Located diagnostics and their rendering as `FILE:LINE:COL: error: MESSAGE` plus a
//! one-line snippet with a caret.
//!
//! Nothing from the file reaches the output unescaped: messages and snippets pass through
//! `escape`, so an error about a hostile file cannot drive the terminal either.

use std::fmt::Write as _;
use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// The longest message we print; longer ones (a 10 MB key name) are cut.
const MAX_MESSAGE_CHARS: usize = 240;
/// How much of the offending line a snippet shows around the column.
const SNIPPET_CHARS: usize = 72;
/// The longest run of text between backticks kept in a message. The toml crate quotes
/// keys and values whole; cutting each quoted part (not the message's tail) keeps what
/// was expected readable when the offending key is 10 MB long.
const MAX_QUOTED_CHARS: usize = 48;
/// Bytes between the column checkpoints of a `LineIndex`: locating an offset counts at
/// most this many bytes, so a million errors on one huge line stay linear to render.
const MARK_BYTES: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a briefing, with the byte range it points at when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            span,
            message: escape(&shorten_quoted(&message.into())),
        }
    }

    pub fn warning(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            span,
            message: escape(&shorten_quoted(&message.into())),
        }
    }
}

/// Maps byte offsets of a text to 1-based line and column (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// `(byte offset, characters before it)` about every `MARK_BYTES` bytes.
    marks: Vec<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut marks = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        while at + MARK_BYTES < text.len() {
            let mut next = at + MARK_BYTES;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            marks.push((next, chars));
            at = next;
        }
        Self {
            text,
            starts,
            marks,
        }
    }

    /// Line and column of a byte offset (clamped to the text, and to a char boundary).
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let col = self.chars_before(offset) - self.chars_before(self.starts[line]) + 1;
        (line + 1, col)
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Characters before a byte offset, counted from the nearest checkpoint.
    fn chars_before(&self, offset: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= offset) - 1;
        let (at, chars) = self.marks[k];
        chars + self.text[at..offset].chars().count()
    }

    fn line_text(&self, line: usize) -> &'a str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.text.len(), |e| e - 1);
        &self.text[start..end]
    }
}

/// Cuts every backtick-quoted part of a message longer than `MAX_QUOTED_CHARS`.
fn shorten_quoted(message: &str) -> String {
    let parts: Vec<String> = message
        .split('`')
        .enumerate()
        .map(
            |(i, part)| match part.char_indices().nth(MAX_QUOTED_CHARS) {
                Some((cut, _)) if i % 2 == 1 => format!("{}…", &part[..cut]),
                _ => part.to_owned(),
            },
        )
        .collect();
    parts.join("`")
}

/// Escapes control, bidi, invisible and blank-looking characters as `\u{..}`, and
/// cuts long text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_MESSAGE_CHARS * 4));
    for (n, c) in text.chars().enumerate() {
        if n == MAX_MESSAGE_CHARS {
            out.push('…');
            break;
        }
        if crate::load::clean::is_unsafe_char(c) || crate::load::clean::is_blank_looking(c) {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders diagnostics for one file, in order, each with its snippet.
/// `text` is the decoded file the spans point into (absent when it could not be read).
pub fn render(file: &str, text: Option<&str>, diags: &[Diagnostic]) -> String {
    let file = escape(file);
    let index = text.map(LineIndex::new);
    let mut out = String::new();
    for d in diags {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match (&index, &d.span) {
            (Some(index), Some(span)) => {
                let (line, col) = index.locate(span.start);
                let _ = writeln!(out, "{file}:{line}:{col}: {label}: {}", d.message);
                snippet(&mut out, index, line, index.clamp(span.start));
            }
            _ => {
                let _ = writeln!(out, "{file}: {label}: {}", d.message);
            }
        }
    }
    out
}

/// Writes ` 12 | text` and a caret under byte `offset`, windowed to `SNIPPET_CHARS`.
fn snippet(out: &mut String, index: &LineIndex<'_>, line: usize, offset: usize) {
    let text = index.line_text(line);
    let at = offset - index.starts[line - 1];
    let shown = window(text, at);
    let lead = if shown.start > 0 { "…" } else { "" };
    let before = format!("{lead}{}", visible(&text[shown.start..at]));
    let caret_at: usize = before.chars().map(|c| c.width().unwrap_or(0)).sum();
    let end = if shown.end < text.len() { "…" } else { "" };
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    let after = visible(&text[at..shown.end]);
    let _ = writeln!(out, " {gutter} | {before}{after}{end}");
    let _ = writeln!(out, " {pad} | {}^", " ".repeat(caret_at));
}

/// The byte range of `SNIPPET_CHARS` characters of `text` around byte `at`: half before,
/// more if the line ends soon. Works outward from `at`, so a snippet of a 10 MB line
/// costs no more than one of a short line.
fn window(text: &str, at: usize) -> Range<usize> {
    let (before, after) = text.split_at(at);
    let ahead = after.chars().take(SNIPPET_CHARS).count();
    let back = (SNIPPET_CHARS / 2).max(SNIPPET_CHARS - ahead);
    let from = before
        .char_indices()
        .rev()
        .take(back)
        .last()
        .map_or(at, |(i, _)| i);
    let ahead = SNIPPET_CHARS - before[from..].chars().count();
    let to = after
        .char_indices()
        .nth(ahead)
        .map_or(after.len(), |(i, _)| i);
    from..at + to
}

/// A piece of a source line as shown in a snippet: unsafe characters and tabs escaped,
/// so the caret lines up and nothing reaches the terminal raw.
fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::load::clean::is_unsafe_char(c)
            || crate::load::clean::is_blank_looking(c)
            || c == '\t'
        {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_char_columns() {
        let idx = LineIndex::new("a = 1\nname = \"윤석열\"\n");
        assert_eq!(idx.locate(0), (1, 1));
        assert_eq!(idx.locate(6), (2, 1));
        // the closing quote after three 3-byte Hangul syllables is column 12
        assert_eq!(idx.locate(6 + 8 + 9), (2, 12));
        assert_eq!(idx.locate(10_000), (3, 1));
    }

    #[test]
    fn renders_error_with_snippet_and_caret() {
        let text = "format = 1\nspeaker = \"nobody\"\n";
        let d = Diagnostic::error(Some(21..29), "unknown actor `nobody`");
        let out = render("b.toml", Some(text), &[d]);
        assert_eq!(
            out,
            "b.toml:2:11: error: unknown actor `nobody`\n 2 | speaker = \"nobody\"\n   |           ^\n"
        );
    }

    #[test]
    fn escapes_controls_and_cuts_long_messages() {
        assert_eq!(escape("a\u{1b}[2Jb\u{202e}"), "a\\u{001B}[2Jb\\u{202E}");
        let long = "x".repeat(10_000);
        assert_eq!(escape(&long).chars().count(), MAX_MESSAGE_CHARS + 1);
    }

    #[test]
    fn snippet_of_a_huge_line_stays_short() {
        let text = format!("title = \"{}", "y".repeat(1_000_000));
        let d = Diagnostic::error(Some(500_000..500_001), "bad");
        let out = render("f", Some(&text), &[d]);
        assert!(out.len() < 400, "{} bytes", out.len());
    }
}
