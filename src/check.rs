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
    for file in files {
        let started = std::time::Instant::now();
        let result = load::load_path(file.as_ref());
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        match &result {
            Ok(_) => tracing::info!(file = %file.as_ref().display(), ms, "checked: ok"),
            Err(r) => tracing::info!(
                file = %file.as_ref().display(),
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
