//! `[[sources]]` and the `source` and `evidence` fields of quotes, positions, figures
//! and events (issue 18).

use super::Validator;
use super::ids::Registry;
use crate::model::raw::{self, Str};
use crate::model::{Provenance, Source, SourceIx};
use std::path::{Component, Path};

pub(super) fn sources(
    v: &mut Validator<'_>,
    raw: &mut [toml::Spanned<raw::RawSource>],
) -> Vec<Source> {
    raw.iter_mut()
        .map(|s| {
            let s = s.get_mut();
            let file = s.file.as_mut().map(|f| {
                let text = v.line(f, "source file");
                v.source_file(f, &text);
                text
            });
            Source {
                id: std::mem::take(s.id.get_mut()),
                title: v.opt_line(s.title.as_mut(), "source title"),
                publisher: v.opt_line(s.publisher.as_mut(), "source publisher"),
                url: v.opt_line(s.url.as_mut(), "source url"),
                published: v.opt_date(s.published.as_ref()),
                file,
            }
        })
        .collect()
}

/// Why a source's `file` cannot be used as written, if it cannot: it must be a path
/// inside the briefing's folder tree, to a `.txt` or `.md` file.
pub fn file_problem(file: &str) -> Option<String> {
    let path = Path::new(file);
    if file.trim().is_empty() {
        return Some("source file is empty".to_owned());
    }
    let outside = path.components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    }) || file.starts_with('~');
    if outside {
        return Some(format!(
            "source file `{file}` is outside the briefing's folder: give a path inside it, relative to the briefing, without `..`"
        ));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "md") => None,
        Some("html" | "htm") => Some(format!(
            "source file `{file}` is HTML, which brief does not read yet: save the source's text as .txt"
        )),
        _ => Some(format!(
            "source file `{file}` must be a .txt or .md file (the source's text)"
        )),
    }
}

impl Validator<'_> {
    fn source_file(&mut self, s: &Str, text: &str) {
        if let Some(problem) = file_problem(text) {
            self.error(s.span(), problem);
        }
    }

    /// An item's `source` (resolved; the default source when it names none) and its
    /// `evidence` (cleaned, not empty).
    pub(super) fn provenance(
        &mut self,
        source: Option<&Str>,
        evidence: Option<&mut Str>,
        source_ids: &Registry,
    ) -> Provenance {
        let source = match source {
            Some(s) => self.resolve(source_ids, s, "source").map(SourceIx::at),
            None => (!source_ids.is_empty()).then_some(SourceIx(0)),
        };
        let evidence = evidence.map(|e| {
            let fits = e.get_ref().len() <= super::MAX_FIELD_BYTES;
            let text = self.text(e, "evidence");
            if text.trim().is_empty() && fits {
                self.error(e.span(), "evidence is empty");
            }
            text.trim().to_owned()
        });
        Provenance { source, evidence }
    }
}

#[cfg(test)]
mod tests {
    use super::file_problem;

    #[test]
    fn files_stay_inside_the_folder() {
        assert_eq!(file_problem("itv.txt"), None);
        assert_eq!(file_problem("sources/itv.md"), None);
        assert_eq!(file_problem("./a.TXT"), None);
        for bad in ["../itv.txt", "/etc/passwd.txt", "a/../../b.txt", "~/x.txt"] {
            assert!(file_problem(bad).unwrap().contains("outside"), "{bad}");
        }
        assert!(file_problem("a.html").unwrap().contains("HTML"));
        assert!(file_problem("a.pdf").unwrap().contains(".txt or .md"));
        assert!(file_problem(" ").unwrap().contains("empty"));
    }
}
