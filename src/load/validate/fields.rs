//! String and date fields: the length limit, cleaning, and the warnings and errors
//! about what cleaning found.

use super::{MAX_FIELD_BYTES, Validator};
use crate::load::clean::{
    MAX_CLUSTER_CHARS, Removed, cap_clusters, clean_line_owned, clean_text_owned, first_invisible,
    is_blank,
};
use crate::load::diag::Diagnostic;
use crate::model::PartialDate;
use crate::model::raw::{RawDate, Str};
use std::ops::Range;

impl Validator<'_> {
    /// Reports a string over `MAX_FIELD_BYTES`; true if it is one.
    pub(super) fn too_long(&mut self, s: &Str, what: &str) -> bool {
        let len = s.get_ref().len();
        if len > MAX_FIELD_BYTES {
            self.error(
                s.span(),
                format!(
                    "{what} is {len} bytes long; the limit for one field is 1 MiB ({MAX_FIELD_BYTES} bytes)"
                ),
            );
        }
        len > MAX_FIELD_BYTES
    }

    /// Length check and cleaning shared by every kind of string field; `None` when the
    /// field is over the limit (already reported). The raw string is taken, not copied:
    /// a clean one becomes the model's string as it is, and the raw file is dropped
    /// after validation anyway.
    pub(super) fn clean(
        &mut self,
        s: &mut Str,
        what: &str,
        one_line: bool,
    ) -> Option<(String, Removed)> {
        if self.too_long(s, what) {
            return None;
        }
        let raw = std::mem::take(s.get_mut());
        let (text, mut removed) = if one_line {
            clean_line_owned(raw)
        } else {
            clean_text_owned(raw)
        };
        let (text, marks) = cap_clusters(text);
        removed.marks = marks;
        Some((text, removed))
    }

    /// Cleans a field, warning about what was removed.
    pub(super) fn cleaned(&mut self, s: &mut Str, what: &str, one_line: bool) -> String {
        let Some((text, removed)) = self.clean(s, what, one_line) else {
            return String::new();
        };
        self.warn_removed(s.span(), what, removed);
        text
    }

    pub(super) fn warn_removed(&mut self, span: Range<usize>, what: &str, removed: Removed) {
        if !removed.any() {
            return;
        }
        let mut parts = Vec::new();
        if removed.controls > 0 {
            let what = if removed.controls == 1 {
                "control character or escape sequence"
            } else {
                "control characters or escape sequences"
            };
            parts.push(format!("{} {what}", removed.controls));
        }
        if removed.invisible > 0 {
            let what = if removed.invisible == 1 {
                "invisible or bidi character"
            } else {
                "invisible or bidi characters"
            };
            parts.push(format!("{} {what}", removed.invisible));
        }
        if removed.marks > 0 {
            parts.push(format!(
                "{} combining mark(s) past the {MAX_CLUSTER_CHARS} characters kept on one letter",
                removed.marks
            ));
        }
        self.push(Diagnostic::warning(
            Some(span),
            format!("removed {} from {what}", parts.join(" and ")),
        ));
    }

    /// Multi-line text (bodies, quotes, summaries).
    pub(super) fn text(&mut self, s: &mut Str, what: &str) -> String {
        self.cleaned(s, what, false)
    }

    /// One-line text (titles, roles, contexts).
    pub(super) fn line(&mut self, s: &mut Str, what: &str) -> String {
        self.cleaned(s, what, true)
    }

    /// An optional line; one that shows nothing (`is_blank`) is left out.
    pub(super) fn opt_line(&mut self, s: Option<&mut Str>, what: &str) -> Option<String> {
        s.map(|s| self.line(s, what)).filter(|t| !is_blank(t))
    }

    /// The source's URL: only `http`, `https` and `mailto` URLs are kept, so that no
    /// export links a `javascript:` or `file:` URL (issue 16); another is dropped with
    /// a warning.
    pub(super) fn url(&mut self, s: Option<&mut Str>) -> Option<String> {
        let s = s?;
        let url = self.line(s, "url");
        if is_blank(&url) {
            return None;
        }
        let scheme = url
            .split_once(':')
            .map(|(scheme, _)| scheme.to_ascii_lowercase());
        if matches!(scheme.as_deref(), Some("http" | "https" | "mailto")) {
            return Some(url);
        }
        self.push(Diagnostic::warning(
            Some(s.span()),
            "url dropped: only http, https and mailto URLs are kept",
        ));
        None
    }

    /// Text that must not be empty once cleaned: a text that shows nothing (only
    /// blanks and invisible characters, `is_blank`) is empty.
    pub(super) fn required(&mut self, s: &mut Str, what: &str, one_line: bool) -> String {
        let fits = s.get_ref().len() <= MAX_FIELD_BYTES;
        let text = self.cleaned(s, what, one_line);
        if is_blank(&text) && fits {
            self.error(s.span(), format!("{what} is empty"));
        }
        text
    }

    /// Names and aliases: one line, and no invisible characters that could make two
    /// different names look the same. That error replaces the warning about removed
    /// characters (and the "empty" error, if nothing visible is left).
    pub(super) fn name(&mut self, s: &mut Str, what: &str) -> String {
        let invisible = first_invisible(s.get_ref());
        let Some((text, removed)) = self.clean(s, what, true) else {
            return String::new();
        };
        if let Some(c) = invisible {
            self.invisible(s, what, c);
        } else if text.is_empty() {
            self.warn_removed(s.span(), what, removed);
            self.error(s.span(), format!("{what} is empty"));
        } else {
            self.warn_removed(s.span(), what, removed);
        }
        text
    }

    pub(super) fn invisible(&mut self, s: &Str, what: &str, c: char) {
        self.error(
            s.span(),
            format!(
                "{what} contains the invisible character U+{:04X}",
                u32::from(c)
            ),
        );
    }

    pub(super) fn date(&mut self, d: &RawDate) -> Option<PartialDate> {
        let parsed = match d.get_ref() {
            toml::Value::String(s) => PartialDate::parse(s),
            toml::Value::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(date), None, None) => {
                    PartialDate::new(date.year, Some(date.month), Some(date.day))
                }
                _ => Err("expected a date without a time: YYYY-MM-DD".to_owned()),
            },
            other => Err(format!(
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {}",
                other.type_str()
            )),
        };
        parsed.map_err(|e| self.error(d.span(), e)).ok()
    }

    pub(super) fn opt_date(&mut self, d: Option<&RawDate>) -> Option<PartialDate> {
        d.and_then(|d| self.date(d))
    }
}
