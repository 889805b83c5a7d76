//! `--log FILE` (or `BRIEF_LOG=FILE`): a debug log for bug reports, written with
//! `tracing`. It records the version, the platform and terminal as `brief` sees them,
//! the config and state paths, load, index and reload timings, and errors, but never
//! a briefing's text: a failed load is logged as its problems' positions, not their
//! messages (which quote the file), and a copy as where it went, not what it was.
//!
//! Without a log nothing is recorded, and the `tracing` calls cost a check each.

use crate::load::Report;
use crate::load::diag::LineIndex;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The environment variable naming a log file when `--log` is not given.
pub const ENV: &str = "BRIEF_LOG";

/// The log file asked for: `--log`, else a non-empty `BRIEF_LOG`.
pub fn path(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// Starts logging to `file` (appended to, so several runs can share one), and records
/// what this run is: version, platform, terminal variables. An error names the file.
pub fn start(file: &Path) -> Result<(), String> {
    let out = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .map_err(|e| {
            format!(
                "cannot open the log file {}: {e}",
                crate::load::diag::escape(&file.display().to_string())
            )
        })?;
    tracing_subscriber::fmt()
        .with_writer(Mutex::new(out))
        .with_ansi(false)
        .with_max_level(tracing::Level::DEBUG)
        .with_target(false)
        .try_init()
        .map_err(|e| format!("cannot start the log: {e}"))?;
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        "brief started"
    );
    tracing::debug!(
        term = %var("TERM"),
        colorterm = %var("COLORTERM"),
        term_program = %var("TERM_PROGRAM"),
        tmux = std::env::var_os("TMUX").is_some(),
        ssh = std::env::var_os("SSH_CONNECTION").is_some(),
        no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        stdout_is_terminal = std::io::IsTerminal::is_terminal(&std::io::stdout()),
        "environment"
    );
    Ok(())
}

/// A failed load as the log tells it: how many problems, and where the first ones
/// are (line:column), without the messages, which quote the briefing.
pub fn report(r: &Report) -> String {
    const SHOWN: usize = 10;
    let index = LineIndex::new(&r.text);
    let places: Vec<String> = r
        .diagnostics
        .iter()
        .take(SHOWN)
        .map(|d| {
            d.span.as_ref().map_or_else(
                || "(file)".to_owned(),
                |s| {
                    let (line, col) = index.locate(s.start);
                    format!("{line}:{col}")
                },
            )
        })
        .collect();
    let more = r.diagnostics.len().saturating_sub(SHOWN);
    let more = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(
        "problems: {} (errors: {}) at {}{more}",
        r.diagnostics.len(),
        r.error_count(),
        places.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_logged_by_position_only() {
        let text = "format = 1\n[briefing]\ntitle = \"Secret words\"\nqoute = \"x\"\n";
        let r = crate::load::load_str("b.toml", text).unwrap_err();
        let logged = report(&r);
        assert_eq!(logged, "problems: 1 (errors: 1) at 4:1");
        assert!(!logged.contains("qoute") && !logged.contains("Secret"));
    }
}
