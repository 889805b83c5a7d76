//! `brief index DIR`, `brief search DIR QUERY` and `brief actor DIR NAME`: the library's
//! questions from the command line, as text or JSON. Exit codes as grep's: 0 something
//! found (or the index built), 1 nothing found, 2 a usage or I/O error.

use super::found::{Hit, Search, Statements};
use super::record::Kind;
use super::{Changes, Index, Progress, scan};
use crate::load::diag::escape;
use crate::output::{self, Fail};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The output formats of `brief search` and `brief actor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain text: two lines per hit or statement
    #[default]
    Text,
    /// JSON, for scripts
    Json,
}

/// A query without a letter or digit (only punctuation or emoji).
pub const NO_WORD: &str = "the query has no word to search for (letters or digits)";

/// Where the index is, or none.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CacheArgs {
    #[arg(
        long,
        value_name = "DIR",
        value_hint = clap::ValueHint::DirPath,
        conflicts_with = "no_cache",
        help = "Keep the library's index in this folder (default: $BRIEF_CACHE_DIR, else $XDG_CACHE_HOME/brief, else ~/.cache/brief)"
    )]
    pub cache_dir: Option<PathBuf>,

    /// Use no index: read every briefing (slower, the same answers)
    #[arg(long)]
    pub no_cache: bool,
}

/// Libraries with more files to read than this show progress even when stderr is not
/// a terminal (a line per step).
const PROGRESS_FILES: usize = 200;

const EXIT_ERROR: u8 = 2;

/// An error ends a library command with exit 2, its message on stderr.
fn finish(result: Result<ExitCode, Fail>) -> Result<ExitCode, Fail> {
    match result {
        Err(Fail::Error(message)) => {
            output::stderr(&format!("brief: {}\n", message.trim_end()))?;
            Ok(ExitCode::from(EXIT_ERROR))
        }
        other => other,
    }
}

fn warn(lines: &[String]) -> Result<(), Fail> {
    for line in lines {
        output::stderr(&format!("brief: {}\n", escape(line)))?;
    }
    Ok(())
}

fn progress_printer(dir: &Path) -> impl FnMut(Progress) {
    let terminal = std::io::stderr().is_terminal();
    let shown = escape(&dir.display().to_string());
    let mut step = 0;
    move |p: Progress| {
        if terminal && p.total > 0 {
            let end = if p.done == p.total { "\n" } else { "" };
            let _ = output::stderr(&format!(
                "\rindexing {shown}: {}/{} files{end}",
                p.done, p.total
            ));
        } else if p.total > PROGRESS_FILES && p.done * 10 / p.total > step {
            step = p.done * 10 / p.total;
            let _ = output::stderr(&format!("indexing {shown}: {}/{} files\n", p.done, p.total));
        }
    }
}

/// The index of `dir`, up to date; what opening and refreshing it found goes to stderr.
fn fresh_index(dir: &Path, cache: &Path, rebuild: bool) -> Result<(Index, Changes), Fail> {
    let mut index = Index::open(dir, cache)?;
    if rebuild {
        index = index.rebuild()?;
    }
    let changes = index.refresh(&mut progress_printer(dir))?;
    warn(&changes.notices)?;
    warn(&changes.problems)?;
    Ok((index, changes))
}

fn cache(flag: Option<&Path>) -> Result<PathBuf, Fail> {
    super::cache_dir(flag).ok_or_else(|| {
        Fail::Error(
            "no folder for the index: set --cache-dir, BRIEF_CACHE_DIR or HOME, or use --no-cache"
                .to_owned(),
        )
    })
}

/// `brief index DIR [--rebuild]`.
pub fn index(dir: &Path, rebuild: bool, cache_dir: Option<&Path>) -> Result<ExitCode, Fail> {
    finish((|| {
        let (_, c) = fresh_index(dir, &cache(cache_dir)?, rebuild)?;
        let mut out = format!(
            "{}: {} added, {} updated, {} renamed, {} removed, {} unchanged, {} failed\n",
            escape(&dir.display().to_string()),
            c.added,
            c.updated,
            c.renamed,
            c.removed,
            c.unchanged,
            c.failed.len()
        );
        for (path, error) in &c.failed {
            let _ = writeln!(out, "✘ {path} does not load: {error}");
        }
        output::stdout(&out)?;
        Ok(ExitCode::SUCCESS)
    })())
}

/// `brief search DIR QUERY`.
pub fn search(
    dir: &Path,
    query: &str,
    limit: Option<usize>,
    format: Format,
    cache_args: &CacheArgs,
) -> Result<ExitCode, Fail> {
    finish((|| {
        if super::text::terms(query).is_empty() {
            return Err(Fail::Error(NO_WORD.to_owned()));
        }
        let hits = if cache_args.no_cache {
            let s = scan::search(dir, query, limit)?;
            warn(&s.problems)?;
            s.answer
        } else {
            let (index, _) = fresh_index(dir, &cache(cache_args.cache_dir.as_deref())?, false)?;
            index.search(query, limit)?
        };
        let mut text = match format {
            Format::Text => hits_text(&hits.hits),
            Format::Json => hits_json(&hits),
        };
        // Text says what the limit left out (JSON has `total`).
        if format == Format::Text && hits.hits.len() < hits.total {
            let _ = writeln!(
                text,
                "({} of {} hits: the best, by --limit)",
                hits.hits.len(),
                hits.total
            );
        }
        output::stdout(&text)?;
        Ok(if hits.hits.is_empty() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })())
}

/// `brief actor DIR NAME`.
pub fn actor(
    dir: &Path,
    name: &str,
    format: Format,
    cache_args: &CacheArgs,
) -> Result<ExitCode, Fail> {
    finish((|| {
        if name.trim().is_empty() {
            return Err(Fail::Error(
                "no actor named: give an actor's id, name or alias".to_owned(),
            ));
        }
        let found = if cache_args.no_cache {
            let s = scan::actor_statements(dir, name)?;
            warn(&s.problems)?;
            s.answer
        } else {
            let (index, _) = fresh_index(dir, &cache(cache_args.cache_dir.as_deref())?, false)?;
            index.actor_statements(name)?
        };
        let Some(found) = found else {
            output::stderr(&format!(
                "brief: no actor {} in any briefing of {}\n",
                escape(name),
                escape(&dir.display().to_string())
            ))?;
            return Ok(ExitCode::FAILURE);
        };
        let text = match format {
            Format::Text => statements_text(&found),
            Format::Json => statements_json(&found),
        };
        output::stdout(&text)?;
        Ok(if found.statements.is_empty() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })())
}

/// Where a hit is, in words: `section 2, paragraph 3`, `quote q1 (section 2)`.
pub fn place_text(kind: Kind, p: &super::Place) -> String {
    let n = |i: u32| (u64::from(i) + 1).to_string();
    let section = p.section.map(|s| format!("section {}", n(s)));
    match kind {
        Kind::Title | Kind::Summary | Kind::Dek => kind.name().to_owned(),
        Kind::Quote => format!(
            "quote {} ({})",
            escape(p.quote.as_deref().unwrap_or("?")),
            section.unwrap_or_default()
        ),
        Kind::Section => format!("{} heading", section.unwrap_or_default()),
        Kind::Text => format!(
            "{}, paragraph {}",
            section.unwrap_or_default(),
            n(p.paragraph.unwrap_or(0))
        ),
        Kind::Actor | Kind::Claim => {
            format!(
                "{} {}",
                kind.name(),
                escape(p.item.as_deref().unwrap_or("?"))
            )
        }
        Kind::Figure | Kind::Event => format!(
            "{} {}",
            kind.name(),
            p.item
                .as_deref()
                .and_then(|i| i.parse::<u32>().ok())
                .map_or_else(|| "?".to_owned(), n)
        ),
    }
}

fn briefing_line(b: &super::Briefing) -> String {
    format!(
        "{} · {} · {}",
        escape(&b.rel),
        b.published.as_deref().unwrap_or("undated"),
        b.title
    )
}

/// Two lines a hit: the briefing, then where in it and the snippet, matches in «».
pub fn hits_text(hits: &[Hit]) -> String {
    let mut out = String::new();
    for h in hits {
        out.push_str(&briefing_line(&h.briefing));
        out.push('\n');
        let _ = writeln!(
            out,
            "  {}: {}",
            place_text(h.kind, &h.place),
            h.snippet.marked("«", "»")
        );
    }
    out
}

fn briefing_json(b: &super::Briefing) -> serde_json::Value {
    serde_json::json!({
        "path": b.path.to_string_lossy(),
        "rel": b.rel,
        "title": b.title,
        "published": b.published,
    })
}

pub fn hits_json(search: &Search) -> String {
    let hits: Vec<serde_json::Value> = search
        .hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "briefing": briefing_json(&h.briefing),
                "kind": h.kind,
                "place": h.place,
                "snippet": h.snippet.text,
                "marks": h.snippet.marks.iter().map(|m| [m.start, m.end]).collect::<Vec<_>>(),
                "score": h.score,
            })
        })
        .collect();
    let mut text =
        serde_json::to_string_pretty(&serde_json::json!({ "total": search.total, "hits": hits }))
            .unwrap_or_default();
    text.push('\n');
    text
}

/// The actor's line, then two lines a statement: when, where and how, then the words.
pub fn statements_text(s: &Statements) -> String {
    let a = &s.actor;
    let others: Vec<&str> = a
        .names
        .iter()
        .filter(|n| **n != a.name)
        .map(String::as_str)
        .collect();
    let mut out = a.name.clone();
    if !others.is_empty() {
        let _ = write!(out, " (also {})", others.join(", "));
    }
    let _ = writeln!(
        out,
        " · {} in {}",
        crate::text::count(s.statements.len(), "statement"),
        crate::text::count(a.briefings, "briefing")
    );
    for st in &s.statements {
        let _ = writeln!(
            out,
            "{} · {} · section {} {} · {}",
            st.date.as_deref().unwrap_or("undated"),
            escape(&st.briefing.rel),
            u64::from(st.section) + 1,
            st.section_title,
            st.mode
        );
        let _ = writeln!(
            out,
            "  {}: “{}”",
            st.speaker.name,
            st.text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    out
}

pub fn statements_json(s: &Statements) -> String {
    let statements: Vec<serde_json::Value> = s
        .statements
        .iter()
        .map(|st| {
            serde_json::json!({
                "briefing": briefing_json(&st.briefing),
                "date": st.date,
                "speaker": st.speaker.name,
                "speaker-id": st.speaker.id,
                "quote": st.quote,
                "section": st.section,
                "section-id": st.section_id,
                "section-title": st.section_title,
                "mode": st.mode,
                "text": st.text,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&serde_json::json!({
        "actor": s.actor,
        "statements": statements,
    }))
    .unwrap_or_default();
    text.push('\n');
    text
}
