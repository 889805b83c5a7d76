//! `brief check FILE...`: loads each file and reports `ok` or every located problem.

use crate::load;
use crate::text::count;
use std::fmt::Write as _;
use std::path::Path;

/// What `check` prints: the lines for stdout and stderr, and whether every file was good.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub ok: bool,
}

pub fn check(files: &[impl AsRef<Path>]) -> Outcome {
    let mut out = Outcome {
        stdout: String::new(),
        stderr: String::new(),
        ok: true,
    };
    // A folder stands for its briefings, as `brief DIR` lists them.
    let mut expanded: Vec<std::path::PathBuf> = Vec::new();
    for file in files {
        let file = file.as_ref();
        if file.is_dir() {
            match briefings_in(file) {
                Ok(found) if found.is_empty() => {
                    let _ = writeln!(
                        out.stderr,
                        "{}: error: no *.toml briefing in this folder",
                        load::diag::escape(&file.display().to_string())
                    );
                    out.ok = false;
                }
                Ok(found) => expanded.extend(found),
                Err(e) => {
                    let _ = writeln!(
                        out.stderr,
                        "{}: error: cannot list the folder: {e}",
                        load::diag::escape(&file.display().to_string())
                    );
                    out.ok = false;
                }
            }
        } else {
            expanded.push(file.to_path_buf());
        }
    }
    for file in &expanded {
        let started = std::time::Instant::now();
        let result = load::load_path(file);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        match &result {
            Ok(_) => tracing::info!(file = %file.display(), ms, "checked: ok"),
            Err(r) => tracing::info!(
                file = %file.display(),
                ms,
                "checked: {}",
                crate::log::report(r)
            ),
        }
        match result {
            Ok(loaded) => {
                let b = &loaded.briefing;
                let warnings = loaded.report.warning_count();
                let _ = write!(
                    out.stdout,
                    "ok: {}: {}, {}, {}, {}",
                    load::diag::escape(&loaded.report.name),
                    count(b.sections.len(), "section"),
                    count(b.quotes.len(), "quote"),
                    count(b.actors.len(), "actor"),
                    count(b.claims.len(), "claim")
                );
                if warnings > 0 {
                    let _ = write!(out.stdout, ", {}", count(warnings, "warning"));
                    out.stderr.push_str(&loaded.report.render());
                }
                out.stdout.push('\n');
            }
            Err(report) => {
                out.ok = false;
                out.stderr.push_str(&report.render());
            }
        }
    }
    out
}

/// The `*.toml` files of a folder (not its subfolders), sorted by name.
fn briefings_in(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut found: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && !p.is_dir())
        .collect();
    found.sort();
    Ok(found)
}
