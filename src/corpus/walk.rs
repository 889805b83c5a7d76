//! Finding a library's briefings: every `*.toml` file under its folder, subfolders to
//! a bounded depth, following symbolic links but never round a loop. A folder that
//! cannot be read, a loop or a folder too deep is a problem reported, never fatal.
//!
//! Folders are listed through `ListDir`, so a test can make a folder fail to list:
//! as root, permissions alone do not.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// How deep below the library folder briefings are looked for.
pub const MAX_DEPTH: usize = 16;

/// A briefing file found, with what decides whether it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path below the library folder, `/`-separated as the OS gives it.
    pub rel: String,
    pub path: PathBuf,
    pub size: u64,
    /// Nanoseconds since 1970 (0 when the system cannot say).
    pub mtime: i64,
}

/// The files of a library and what got in the way of finding them.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// Sorted by `rel`.
    pub files: Vec<Found>,
    /// One line each, paths escaped.
    pub problems: Vec<String>,
}

/// Lists a folder's entries. `std::fs::read_dir` in use; a test's own in tests.
pub trait ListDir {
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;
}

/// The real file system.
pub struct Fs;

impl ListDir for Fs {
    fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        std::fs::read_dir(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect()
    }
}

fn shown(p: &Path) -> String {
    crate::load::diag::escape(&p.display().to_string())
}

/// Every briefing under `root`.
pub fn walk(root: &Path, lister: &dyn ListDir) -> Walk {
    let mut out = Walk::default();
    let mut seen = HashSet::new();
    // An explicit stack: depth is bounded, but a stack keeps it so whatever the bound.
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        // The folder's identity (device, inode) after links: met twice means a loop
        // (or the same folder linked twice), listed once.
        if let Some(id) = identity(&dir)
            && !seen.insert(id)
        {
            out.problems.push(format!(
                "{}: a link back to a folder already read (a loop?): skipped",
                shown(&dir)
            ));
            continue;
        }
        let entries = match lister.list(&dir) {
            Ok(e) => e,
            Err(e) => {
                out.problems
                    .push(format!("{}: cannot read the folder: {e}", shown(&dir)));
                continue;
            }
        };
        for path in entries {
            let Ok(meta) = std::fs::metadata(&path) else {
                out.problems
                    .push(format!("{}: cannot read (a broken link?)", shown(&path)));
                continue;
            };
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if meta.is_dir() {
                if hidden {
                    continue;
                }
                if depth + 1 > MAX_DEPTH {
                    out.problems.push(format!(
                        "{}: deeper than {MAX_DEPTH} folders: skipped",
                        shown(&path)
                    ));
                } else {
                    stack.push((path, depth + 1));
                }
            } else if meta.is_file() && !hidden && path.extension().is_some_and(|e| e == "toml") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .into_owned();
                let mtime = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
                out.files.push(Found {
                    rel,
                    path,
                    size: meta.len(),
                    mtime,
                });
            }
        }
    }
    out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    out.problems.sort();
    out
}

#[cfg(unix)]
fn identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(dir: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(dir).ok()
}
