//! The loader: bytes or a path in, a validated `Briefing` or located diagnostics out.

pub mod clean;
pub mod diag;
pub mod source;
pub mod syntax;
pub mod validate;

use crate::model::Briefing;
use crate::model::raw::RawFile;
use diag::{Diagnostic, Severity};
use std::borrow::Cow;
use std::path::Path;

/// The bundled briefing, compiled in so `brief` works from any folder.
pub const BUNDLED_NAME: &str = "content/korea-ukraine-2024-10.toml";
pub const BUNDLED_TEXT: &str = include_str!("../../content/korea-ukraine-2024-10.toml");

/// What the loader found in one file: its name, the decoded text the spans point into
/// (empty after a load with no diagnostic, when nothing points into it), and every
/// error and warning.
#[derive(Debug, Clone)]
pub struct Report {
    pub name: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// Errors and warnings found but not kept, past the cap of each
    /// (`validate::MAX_DIAGNOSTICS`): counted, not listed.
    pub hidden: [usize; 2],
}

impl Report {
    /// The report's first line without the file name it starts with ("3:7: error:
    /// ..."), for one-line listings (the library, the index). The rendered line names
    /// the file escaped, so the escaped name is what is taken off.
    pub fn first_error(&self) -> String {
        let rendered = self.render();
        let first = rendered.lines().next().unwrap_or("could not be loaded");
        first
            .strip_prefix(&diag::escape(&self.name))
            .map_or(first, |rest| rest.trim_start_matches(':'))
            .trim()
            .to_owned()
    }

    pub fn new(name: &str, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            name: name.to_owned(),
            text,
            diagnostics,
            hidden: [0; 2],
        }
    }

    fn one(name: &str, text: String, d: Diagnostic) -> Self {
        Self::new(name, text, vec![d])
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Every error found, listed or not.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error) + self.hidden[0]
    }

    /// Every warning found, listed or not.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning) + self.hidden[1]
    }

    /// Every error as `FILE:LINE:COL: error: MESSAGE` with its snippet, then every
    /// warning; after each kind, how many more of it were found than are listed.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (i, severity) in [Severity::Error, Severity::Warning].into_iter().enumerate() {
            let kind: Vec<Diagnostic> = self
                .diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .cloned()
                .collect();
            out.push_str(&diag::render(&self.name, Some(&self.text), &kind));
            if self.hidden[i] > 0 {
                let (noun, make): (&str, fn(_, String) -> Diagnostic) = if i == 0 {
                    ("errors", Diagnostic::error)
                } else {
                    ("warnings", Diagnostic::warning)
                };
                let more = make(
                    None,
                    format!(
                        "{} more {noun} not shown (the first {} found are listed above)",
                        self.hidden[i],
                        kind.len()
                    ),
                );
                out.push_str(&diag::render(&self.name, None, &[more]));
            }
        }
        out
    }
}

/// A briefing that passed validation, with the warnings (cleaned text) it produced.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub briefing: Briefing,
    pub report: Report,
}

/// Loads the briefing compiled into the binary.
pub fn bundled() -> Result<Loaded, Report> {
    load_str(BUNDLED_NAME, BUNDLED_TEXT)
}

/// Reads (bounded) and loads a file; unreadable paths give a one-line error.
pub fn load_path(path: &Path) -> Result<Loaded, Report> {
    let name = path.display().to_string();
    match source::read(path) {
        Ok(bytes) => match source::decode_owned(bytes) {
            Ok(text) => load_text(&name, Cow::Owned(text)),
            Err((d, valid)) => Err(Report::one(&name, valid, d)),
        },
        Err(message) => Err(Report::one(
            &name,
            String::new(),
            Diagnostic::error(None, message),
        )),
    }
}

pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, Report> {
    match source::decode(bytes) {
        Ok(text) => load_text(name, Cow::Owned(text)),
        Err((d, valid)) => Err(Report::one(name, valid, d)),
    }
}

/// Loads decoded text. CRLF is normalised here too, for callers that skip `load_bytes`.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, Report> {
    load_text(name, Cow::Borrowed(text))
}

/// Loads text, borrowed or owned: it is copied only when it must change (CRLF, a BOM)
/// or when the report keeps it to show snippets of its diagnostics. A clean load keeps
/// no copy of the file: the briefing holds all the reader needs.
fn load_text(name: &str, text: Cow<'_, str>) -> Result<Loaded, Report> {
    let mut text = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        text
    };
    if text.starts_with('\u{FEFF}') {
        match &mut text {
            Cow::Borrowed(t) => *t = &t['\u{FEFF}'.len_utf8()..],
            Cow::Owned(t) => drop(t.drain(..'\u{FEFF}'.len_utf8())),
        }
    }
    let mut raw: RawFile = match toml::from_str(&text) {
        Ok(raw) => raw,
        Err(e) => {
            let d = version_error(&text).unwrap_or_else(|| syntax::diagnostic(&text, &e));
            return Err(Report::one(name, text.into_owned(), d));
        }
    };
    let mut v = validate::Validator::new(&text);
    let briefing = validate::validate(&mut v, &mut raw);
    let (diagnostics, hidden) = (v.diags, v.dropped);
    drop(raw);
    let text = if diagnostics.is_empty() {
        String::new()
    } else {
        text.into_owned()
    };
    let report = Report {
        hidden,
        ..Report::new(name, text, diagnostics)
    };
    if report.error_count() > 0 {
        Err(report)
    } else {
        Ok(Loaded { briefing, report })
    }
}

/// When a file does not fit the schema, a different `format` is the likelier story:
/// a file written for a later version should say so, not list unknown keys.
fn version_error(text: &str) -> Option<Diagnostic> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format: Option<toml::Spanned<toml::Value>>,
    }
    let probe: Probe = toml::from_str(text).ok()?;
    let format = probe.format?;
    match format.get_ref() {
        toml::Value::Integer(1) => None,
        toml::Value::Integer(n) => Some(Diagnostic::error(
            Some(format.span()),
            format!("unsupported format {n}: this version of brief reads format 1"),
        )),
        other => Some(Diagnostic::error(
            Some(format.span()),
            format!("`format` must be the integer 1, found {}", other.type_str()),
        )),
    }
}
