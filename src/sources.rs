//! Reading a source's local text (issue 18): the `file` of a `[[sources]]` entry,
//! relative to the briefing, bounded like a briefing, and cleaned exactly like briefing
//! text before anything else sees it.

use crate::load::clean::clean_text_owned;
use crate::load::source;
use crate::load::validate::file_problem;
use std::path::{Path, PathBuf};

/// Where a source file is: the briefing's folder joined with `file`.
pub fn path(briefing: &Path, file: &str) -> PathBuf {
    briefing
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join(file)
}

/// The cleaned text of a source file, or why it cannot be had (one line, naming the
/// file as written). A path that leaves the briefing's folder tree, directly or through
/// a link, is refused.
pub fn read(briefing: &Path, file: &str) -> Result<String, String> {
    if let Some(problem) = file_problem(file) {
        return Err(problem);
    }
    let full = path(briefing, file);
    let fail = |why: String| format!("source file `{file}` cannot be read: {why}");
    let base = full
        .parent()
        .and_then(|_| path(briefing, ".").canonicalize().ok())
        .ok_or_else(|| fail("the briefing's folder cannot be found".to_owned()))?;
    let real = full
        .canonicalize()
        .map_err(|e| fail(source::io_message(&e)))?;
    if !real.starts_with(&base) {
        return Err(format!(
            "source file `{file}` is outside the briefing's folder (a link leads out of it)"
        ));
    }
    let bytes = source::read(&real).map_err(|e| fail(e.replace("a briefing", "a source")))?;
    let text = source::decode_owned(bytes).map_err(|(d, _)| fail(d.message))?;
    Ok(clean_text_owned(text).0)
}
