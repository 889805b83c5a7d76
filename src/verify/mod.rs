//! `brief verify FILE...` (issue 18): every `direct` quote's words and every `evidence`
//! excerpt looked up in its source's local text, typography normalised and nothing
//! else; where each was found, or a located error with the closest passage.

pub mod find;

use crate::load::diag::{Diagnostic, escape, render};
use crate::model::raw::RawFile;
use crate::model::{Briefing, Provenance, QuoteIx, QuoteMode, SourceIx};
use find::{Index, differences, normalise};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

/// One source's text, as the reader and `verify` use it: cleaned, indexed.
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    /// The cleaned text (what the reader shows).
    pub text: String,
    pub index: Index,
    /// Where each line starts (byte offsets), for lines and columns.
    lines: Vec<usize>,
}

impl SourceText {
    pub fn new(text: String) -> Self {
        let index = Index::new(&text);
        let lines = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self { text, index, lines }
    }

    /// The 1-based line and column (in characters) of a byte offset of `text`.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.lines.partition_point(|&s| s <= offset).max(1);
        let start = self.lines[line - 1];
        let end = offset.min(self.text.len()).max(start);
        let col = self
            .text
            .get(start..end)
            .map_or(1, |t| t.chars().count() + 1);
        (line, col)
    }

    /// Where `words` occur in the text, as a byte range of `text`.
    pub fn find(&self, words: &str) -> Option<Range<usize>> {
        let q = normalise(words).text;
        let start = self.index.find(&q)?;
        Some(self.index.norm.original(start)..self.index.norm.original(start + q.len()))
    }

    /// The passage most like `words`, as a byte range of `text`.
    pub fn closest(&self, words: &str) -> Option<Range<usize>> {
        let q = normalise(words).text;
        let r = self.index.closest(&q)?;
        Some(self.index.norm.original(r.start)..self.index.norm.original(r.end))
    }
}

/// Each source's text, when it has a `file` (`None`: no file; `Err`: why it could not
/// be read).
pub type Texts = Vec<Option<Result<SourceText, String>>>;

/// Reads the text of every source of a briefing loaded from `path`.
pub fn read_texts(b: &Briefing, path: &Path) -> Texts {
    b.sources
        .iter()
        .map(|s| {
            s.file
                .as_deref()
                .map(|f| crate::sources::read(path, f).map(SourceText::new))
        })
        .collect()
}

/// Where a quote's words are in its source, for the reader and `print`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Found: the byte range in the source's cleaned text, and its line and column.
    Found {
        source: SourceIx,
        range: Range<usize>,
        line: usize,
        col: usize,
    },
    /// Not in the source's text.
    Missing { source: SourceIx },
    /// The source has no local text (no `file`, or it could not be read), or the quote
    /// has no source at all.
    Unavailable,
}

/// Looks a quote's words up (direct quotes) or its evidence (reported ones).
pub fn quote_status(
    b: &Briefing,
    texts: &[Option<Result<SourceText, String>>],
    q: QuoteIx,
) -> Status {
    let quote = b.quote(q);
    let words = match quote.mode {
        QuoteMode::Direct => Some(quote.text.as_str()),
        QuoteMode::Reported => quote.provenance.evidence.as_deref(),
    };
    let (Some(source), Some(words)) = (quote.provenance.source, words) else {
        return Status::Unavailable;
    };
    match texts.get(source.get()) {
        Some(Some(Ok(t))) => match t.find(words) {
            Some(range) => {
                let (line, col) = t.locate(range.start);
                Status::Found {
                    source,
                    range,
                    line,
                    col,
                }
            }
            None => Status::Missing { source },
        },
        _ => Status::Unavailable,
    }
}

/// What `verify` prints: stdout, stderr, and whether everything was found.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub ok: bool,
}

pub fn verify(files: &[impl AsRef<Path>]) -> Outcome {
    let mut out = Outcome {
        stdout: String::new(),
        stderr: String::new(),
        ok: true,
    };
    for file in files {
        one(file.as_ref(), files.len() > 1, &mut out);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Direct,
    Evidence,
}

/// One string to look up: what it is, its words, where it is in the briefing.
struct Item {
    kind: Kind,
    what: String,
    words: String,
    span: Range<usize>,
    source: Option<SourceIx>,
}

#[derive(Default)]
struct Tally {
    found: usize,
    total: usize,
    uncheckable: usize,
}

fn one(path: &Path, many: bool, out: &mut Outcome) {
    let name = path.display().to_string();
    let text = match crate::load::source::read(path)
        .map_err(|m| Diagnostic::error(None, m))
        .and_then(|b| crate::load::source::decode_owned(b).map_err(|(d, _)| d))
    {
        Ok(t) => t,
        Err(d) => {
            out.ok = false;
            out.stderr.push_str(&render(&name, None, &[d]));
            return;
        }
    };
    let loaded = match crate::load::load_str(&name, &text) {
        Ok(l) => l,
        Err(report) => {
            out.ok = false;
            out.stderr.push_str(&report.render());
            return;
        }
    };
    let Ok(raw) = toml::from_str::<RawFile>(&text) else {
        return;
    };
    let b = &loaded.briefing;
    let texts = read_texts(b, path);
    let mut diags = unreadable(&texts, &raw);
    let mut direct = Tally::default();
    let mut evidence = Tally::default();
    if many {
        let _ = writeln!(out.stdout, "{}:", escape(&name));
    }
    for item in items(b, &raw) {
        let tally = match item.kind {
            Kind::Direct => &mut direct,
            Kind::Evidence => &mut evidence,
        };
        tally.total += 1;
        let Some(source) = item.source else {
            tally.uncheckable += 1;
            continue;
        };
        match &texts[source.get()] {
            None => tally.uncheckable += 1,
            Some(Err(_)) => {}
            Some(Ok(t)) => {
                let file = b.source(source).file.as_deref().unwrap_or_default();
                let shown = crate::sources::path(path, file).display().to_string();
                if let Some(range) = t.find(&item.words) {
                    tally.found += 1;
                    let (line, col) = t.locate(range.start);
                    let _ = writeln!(
                        out.stdout,
                        "{}:{line}:{col}: found {}",
                        escape(&shown),
                        item.what
                    );
                } else {
                    diags.push(missing(b, t, source, &item));
                }
            }
        }
    }
    diags.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    if !diags.is_empty() {
        out.ok = false;
        out.stderr.push_str(&render(&name, Some(&text), &diags));
    }
    out.stdout
        .push_str(&escape(&summary(b, &direct, &evidence)));
    out.stdout.push('\n');
}

/// A located error at the `file` of each source whose text could not be read.
fn unreadable(texts: &Texts, raw: &RawFile) -> Vec<Diagnostic> {
    texts
        .iter()
        .zip(&raw.sources)
        .filter_map(|(t, s)| match t {
            Some(Err(message)) => {
                let span = s.get_ref().file.as_ref().map(toml::Spanned::span);
                Some(Diagnostic::error(span, message.clone()))
            }
            _ => None,
        })
        .collect()
}

/// `verified: 9/9 direct quotes, 7/7 evidence excerpts (itv-2024-10-23.txt)`
fn summary(b: &Briefing, direct: &Tally, evidence: &Tally) -> String {
    let files: Vec<String> = b
        .sources
        .iter()
        .filter_map(|s| s.file.as_deref())
        .map(|f| {
            Path::new(f)
                .file_name()
                .map_or_else(|| f.to_owned(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let mut summary = format!(
        "verified: {}/{} direct quotes, {}/{} evidence excerpts",
        direct.found, direct.total, evidence.found, evidence.total
    );
    let uncheckable = direct.uncheckable + evidence.uncheckable;
    if uncheckable > 0 {
        let _ = write!(summary, ", {uncheckable} not checkable (no source text)");
    }
    if !files.is_empty() {
        let _ = write!(summary, " ({})", files.join(", "));
    }
    summary
}

/// The located error for words not in their source, with the closest passage and the
/// words that differ (the quote's → the source's).
fn missing(b: &Briefing, text: &SourceText, source: SourceIx, item: &Item) -> Diagnostic {
    let what = match item.kind {
        Kind::Direct => "direct quote",
        Kind::Evidence => "evidence",
    };
    let id = &b.source(source).id;
    let words = normalise(&item.words).text;
    let Some(range) = text.index.closest(&words) else {
        return Diagnostic::error(
            Some(item.span.clone()),
            format!("{what} is not in the source {id}: no passage shares a word with it"),
        );
    };
    let passage = &text.index.norm.text[range];
    let changes = differences(&words, passage);
    let shown: Vec<String> = changes
        .iter()
        .take(4)
        .map(|(from, to)| {
            let side = |w: Option<&str>| w.map_or_else(|| "∅".to_owned(), |w| format!("\"{w}\""));
            format!("{}→{}", side(*from), side(*to))
        })
        .collect();
    let more = if changes.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    let count = match changes.len() {
        1 => "1 word differs".to_owned(),
        count => format!("{count} words differ"),
    };
    Diagnostic::error(
        Some(item.span.clone()),
        format!(
            "{what} is not in the source {id}: closest passage \"{}\", {count}: {}{more}",
            excerpt(passage, &changes),
            shown.join(", ")
        ),
    )
}

/// A long passage cut to the words around its first difference.
fn excerpt(passage: &str, changes: &[find::Change<'_>]) -> String {
    const WORDS: usize = 16;
    let words: Vec<&str> = passage.split(' ').collect();
    if words.len() <= WORDS {
        return passage.to_owned();
    }
    let first = changes
        .first()
        .and_then(|(_, to)| *to)
        .and_then(|w| words.iter().position(|x| *x == w))
        .unwrap_or(0);
    let from = first.saturating_sub(4);
    let to = (from + WORDS).min(words.len());
    let from = to.saturating_sub(WORDS);
    format!(
        "{}{}{}",
        if from > 0 { "…" } else { "" },
        words[from..to].join(" "),
        if to < words.len() { "…" } else { "" }
    )
}

/// Every string to look up, in file order of kind: direct quotes and their evidence,
/// then positions', events' and figures' evidence.
fn items(b: &Briefing, raw: &RawFile) -> Vec<Item> {
    let mut out = Vec::new();
    let evidence =
        |out: &mut Vec<Item>, p: &Provenance, span: Option<Range<usize>>, what: String| {
            if let (Some(words), Some(span)) = (&p.evidence, span) {
                out.push(Item {
                    kind: Kind::Evidence,
                    what,
                    words: words.clone(),
                    span,
                    source: p.source,
                });
            }
        };
    let raw_quotes = raw
        .sections
        .iter()
        .flat_map(|s| s.get_ref().quotes.iter().map(toml::Spanned::get_ref));
    for (q, rq) in b.quotes.iter().zip(raw_quotes) {
        if q.mode == QuoteMode::Direct {
            out.push(Item {
                kind: Kind::Direct,
                what: format!("direct quote `{}`", q.id),
                words: q.text.clone(),
                span: rq.text.span(),
                source: q.provenance.source,
            });
        }
        let span = rq.evidence.as_ref().map(toml::Spanned::span);
        evidence(
            &mut out,
            &q.provenance,
            span,
            format!("evidence of quote `{}`", q.id),
        );
    }
    for (c, rc) in b.claims.iter().zip(&raw.claims) {
        for (p, rp) in c.positions.iter().zip(&rc.get_ref().positions) {
            let span = rp.get_ref().evidence.as_ref().map(toml::Spanned::span);
            let what = format!(
                "evidence of position `{}` on claim `{}`",
                b.actor(p.actor).id,
                c.id
            );
            evidence(&mut out, &p.provenance, span, what);
        }
    }
    for (n, (e, re)) in b.timeline.iter().zip(&raw.timeline).enumerate() {
        let span = re.get_ref().evidence.as_ref().map(toml::Spanned::span);
        evidence(
            &mut out,
            &e.provenance,
            span,
            format!("evidence of timeline event {}", n + 1),
        );
    }
    for (n, (f, rf)) in b.figures.iter().zip(&raw.figures).enumerate() {
        let span = rf.get_ref().evidence.as_ref().map(toml::Spanned::span);
        evidence(
            &mut out,
            &f.provenance,
            span,
            format!("evidence of figure {}", n + 1),
        );
    }
    out
}

/// Bytes looked at on each side of a quote for the sentence it is in.
const PASSAGE_REACH: usize = 320;

/// The sentence or sentences of `text` around `range` (bounded), on one line (runs of
/// whitespace folded), and where `range` is in it.
pub fn passage(text: &str, range: Range<usize>) -> (String, Range<usize>) {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let lo = floor(range.start.saturating_sub(PASSAGE_REACH));
    let hi = floor((range.end + PASSAGE_REACH).min(text.len()));
    let ends = |w: &[u8], i: usize| {
        matches!(w[i], b'.' | b'?' | b'!') && w.get(i + 1).is_none_or(u8::is_ascii_whitespace)
            || (w[i] == b'\n' && w.get(i + 1) == Some(&b'\n'))
    };
    let bytes = text.as_bytes();
    let start = (lo..range.start)
        .rev()
        .find(|&i| ends(bytes, i))
        .map_or(lo, |i| i + 1);
    let end = (range.end..hi)
        .find(|&i| ends(bytes, i))
        .map_or(hi, |i| i + 1);
    let mut out = String::new();
    let mut mark = 0..0;
    let mut space = false;
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        if at == range.start {
            if space && !out.is_empty() {
                out.push(' ');
                space = false;
            }
            mark.start = out.len();
        }
        if at == range.end {
            mark.end = out.len();
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if range.end >= end {
        mark.end = out.len();
    }
    let trimmed_end = out.trim_end().len();
    out.truncate(trimmed_end);
    mark.end = mark.end.min(out.len()).max(mark.start);
    (out, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passage_is_the_sentence_around_the_quote() {
        let text = "First one. The leader said\nthe pier is \"ours\" today. Last one.";
        let t = SourceText::new(text.to_owned());
        let r = t.find("pier is \"ours\"").unwrap();
        let (p, mark) = passage(text, r);
        assert_eq!(p, "The leader said the pier is \"ours\" today.");
        assert_eq!(&p[mark], "pier is \"ours\"");
        // Across a line break, the mark spans the folded space.
        let r = t.find("said the pier").unwrap();
        let (p, mark) = passage(text, r.clone());
        assert_eq!(&p[mark], "said the pier");
        assert_eq!(t.locate(r.start), (1, 23));
        assert_eq!(t.locate(0), (1, 1));
        assert_eq!(t.locate(text.len()), (2, 36));
    }
}
