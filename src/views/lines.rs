//! Wrapped text for the Reader and the quote detail, built once per (content, width)
//! and kept in the state, so frames and keys only slice what is visible.

use crate::model::{Briefing, QuoteIx, QuoteMode, SectionIx};
use crate::text::{wrap, wrap_ranges};
use crate::verify::{SourceText, Status};
use std::borrow::Cow;

/// Columns taken by the bar in front of a block quote ("│ ").
pub const QUOTE_INDENT: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The briefing's summary, shown as an overview above the first section.
    Summary,
    Title,
    Body,
    Blank,
    /// Words of a quote, drawn behind a bar.
    QuoteText,
    /// "— Keir Starmer, Prime Minister · 22 Oct 2024"
    Attribution,
    /// "Label: value" rows of the detail view; `label` columns are the label.
    Field {
        label: usize,
    },
    /// A line of a source's text; bytes `from..to` of it are the quote (highlighted).
    Passage {
        from: usize,
        to: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    pub text: String,
    /// The quote this line belongs to, if any.
    pub quote: Option<QuoteIx>,
    /// For Reader lines: which piece of the section (see `pieces`) the line shows, and
    /// where in that piece's text it starts. Search maps matches to lines with this.
    pub source: Option<(usize, usize)>,
}

impl TextLine {
    fn new(kind: LineKind, text: impl Into<String>, quote: Option<QuoteIx>) -> Self {
        Self {
            kind,
            text: text.into(),
            quote,
            source: None,
        }
    }
}

/// One searchable, displayed piece of a section: its title, a paragraph, a quote's
/// words or a quote's attribution, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: LineKind,
    pub text: String,
    pub quote: Option<QuoteIx>,
}

/// A section's pieces, in the order the Reader shows them.
pub fn pieces(b: &Briefing, section: SectionIx) -> Vec<Piece> {
    let s = b.section(section);
    let mut out = Vec::new();
    if let Some(summary) = overview(b, section) {
        out.push(Piece {
            kind: LineKind::Summary,
            text: summary.to_owned(),
            quote: None,
        });
    }
    out.push(Piece {
        kind: LineKind::Title,
        text: s.title.clone(),
        quote: None,
    });
    out.extend(s.paragraphs.iter().map(|p| Piece {
        kind: LineKind::Body,
        text: p.clone(),
        quote: None,
    }));
    for q in s.quotes.clone().map(QuoteIx::at) {
        out.push(Piece {
            kind: LineKind::QuoteText,
            text: quote_words(b, q),
            quote: Some(q),
        });
        out.push(Piece {
            kind: LineKind::Attribution,
            text: attribution(b, q),
            quote: Some(q),
        });
    }
    out
}

/// The position among `pieces(b, section)` of the section's paragraph `paragraph`:
/// after the summary (above the first section only) and the title.
pub fn paragraph_piece(b: &Briefing, section: SectionIx, paragraph: usize) -> usize {
    usize::from(overview(b, section).is_some()) + 1 + paragraph
}

/// The briefing's summary, where the Reader shows it: above the first section.
pub fn overview(b: &Briefing, section: SectionIx) -> Option<&str> {
    b.meta
        .summary
        .as_deref()
        .filter(|s| section.get() == 0 && !s.trim().is_empty())
}

/// Lines wrapped for one piece of content at one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    /// What was wrapped and at what width; a rebuild happens only when this changes.
    pub key: Option<(usize, u16)>,
    pub lines: Vec<TextLine>,
    /// The Reader's pieces' texts, which its lines are cut from (`TextLine::source`): a
    /// highlight that runs from one line into the next is found in them.
    pub texts: Vec<String>,
}

fn push_wrapped(
    out: &mut Vec<TextLine>,
    kind: LineKind,
    text: &str,
    width: usize,
    quote: Option<QuoteIx>,
) {
    out.extend(
        wrap(text, width)
            .into_iter()
            .map(|t| TextLine::new(kind, t, quote)),
    );
}

/// The quote's words as shown: in quotation marks when direct.
pub fn quote_words(b: &Briefing, q: QuoteIx) -> String {
    let quote = b.quote(q);
    match quote.mode {
        QuoteMode::Direct => format!("“{}”", quote.text),
        QuoteMode::Reported => quote.text.clone(),
    }
}

/// "— Keir Starmer, Prime Minister · 22 Oct 2024 (paraphrase)"
pub fn attribution(b: &Briefing, q: QuoteIx) -> String {
    let quote = b.quote(q);
    let speaker = b.actor(quote.speaker);
    let mut s = format!("— {}", speaker.name);
    if let Some(role) = &speaker.role {
        s.push_str(", ");
        s.push_str(role);
    }
    if let Some(date) = quote.said {
        s.push_str(" · ");
        s.push_str(&date.to_string());
    }
    if quote.mode == QuoteMode::Reported {
        s.push_str(" (paraphrase)");
    }
    s
}

/// The Reader's lines for a section: title, paragraphs, then its quotes as block quotes.
pub fn reader_lines(b: &Briefing, section: SectionIx, width: usize) -> Vec<TextLine> {
    reader_view(b, section, width).0
}

/// `reader_lines`, and the pieces' texts the lines are cut from.
pub fn reader_view(b: &Briefing, section: SectionIx, width: usize) -> (Vec<TextLine>, Vec<String>) {
    let pieces = pieces(b, section);
    let mut out = Vec::new();
    for (n, piece) in pieces.iter().enumerate() {
        // A blank line before each paragraph and each quote, none inside a quote.
        if n > 0 && piece.kind != LineKind::Attribution {
            out.push(TextLine::new(LineKind::Blank, "", None));
        }
        let w = if piece.quote.is_some() {
            width.saturating_sub(QUOTE_INDENT)
        } else {
            width
        };
        for r in wrap_ranges(&piece.text, w) {
            out.push(TextLine {
                kind: piece.kind,
                text: piece.text[r.clone()].to_owned(),
                quote: piece.quote,
                source: Some((n, r.start)),
            });
        }
    }
    (out, pieces.into_iter().map(|p| p.text).collect())
}

/// "Keir Starmer · Prime Minister · United Kingdom"
pub fn speaker_chain(b: &Briefing, q: QuoteIx) -> String {
    let speaker = b.quote(q).speaker;
    let mut parts = vec![b.actor(speaker).name.clone()];
    if let Some(role) = &b.actor(speaker).role {
        parts.push(role.clone());
    }
    parts.extend(b.chain(speaker).skip(1).map(|a| b.actor(a).name.clone()));
    parts.join(" · ")
}

/// The quote detail's lines: the full text, then its attribution and facts.
pub fn detail_lines(b: &Briefing, q: QuoteIx, width: usize) -> Vec<TextLine> {
    detail_lines_with(b, &[], q, width)
}

/// `detail_lines`, with the sources' texts: where the quote is in its source, and the
/// source's sentences around it with the quote highlighted.
pub fn detail_lines_with(
    b: &Briefing,
    texts: &[Option<Result<SourceText, String>>],
    q: QuoteIx,
    width: usize,
) -> Vec<TextLine> {
    let quote = b.quote(q);
    let mut out = Vec::new();
    if quote.mode == QuoteMode::Reported {
        push_wrapped(
            &mut out,
            LineKind::Attribution,
            "Paraphrase (reported speech, not the speaker's words):",
            width,
            Some(q),
        );
    }
    push_wrapped(
        &mut out,
        LineKind::QuoteText,
        &quote_words(b, q),
        width,
        Some(q),
    );
    out.push(TextLine::new(LineKind::Blank, "", None));
    push_wrapped(
        &mut out,
        LineKind::Title,
        &format!("— {}", speaker_chain(b, q)),
        width,
        Some(q),
    );
    out.push(TextLine::new(LineKind::Blank, "", None));
    let section = b.section(quote.section);
    let mut fields: Vec<(Cow<'static, str>, String)> = Vec::new();
    if let Some(d) = quote.said {
        fields.push(("Said".into(), d.to_string()));
    }
    if let Some(c) = &quote.context {
        fields.push(("Context".into(), c.clone()));
    }
    if let Some(v) = &quote.via {
        fields.push(("Via".into(), v.clone()));
    }
    fields.push((
        "Section".into(),
        format!("{}. {}", quote.section.get() + 1, section.title),
    ));
    // What each citing position does with its claim: a denial is not a backing.
    // A position taken by someone other than the speaker (a state citing its
    // minister's words) names who takes it.
    for r in &quote.cited_by {
        let p = b.position(*r);
        let stance = crate::views::analysis::stance_heading(p.stance);
        let label = if p.actor == quote.speaker {
            stance.into()
        } else {
            format!("{stance} ({})", b.actor(p.actor).name).into()
        };
        fields.push((label, b.claim(r.claim).statement.clone()));
    }
    if let Some(e) = &quote.provenance.evidence {
        fields.push(("Evidence".into(), format!("“{e}”")));
    }
    let status = crate::verify::quote_status(b, texts, q);
    if let Some(value) = source_field(b, q, &status) {
        fields.push(("Source".into(), value));
    }
    for (label, value) in fields {
        let label = format!("{label}: ");
        let indent = label.chars().count();
        let lines = wrap(&value, width.saturating_sub(indent));
        for (i, l) in lines.into_iter().enumerate() {
            let text = if i == 0 {
                format!("{label}{l}")
            } else {
                format!("{}{l}", " ".repeat(indent))
            };
            out.push(TextLine::new(
                LineKind::Field {
                    label: if i == 0 { indent } else { 0 },
                },
                text,
                Some(q),
            ));
        }
    }
    if let Status::Found { source, range, .. } = status
        && let Some(Some(Ok(t))) = texts.get(source.get())
    {
        out.push(TextLine::new(LineKind::Blank, "", None));
        let (text, mark) = crate::verify::passage(&t.text, range);
        out.extend(passage_lines(&text, &mark, width, Some(q)));
    }
    out
}

/// The detail's "Source:" value: the source's name and where the quote (or a
/// paraphrase's evidence) is in its text, or why that is not known.
fn source_field(b: &Briefing, q: QuoteIx, status: &Status) -> Option<String> {
    let quote = b.quote(q);
    let name = b.source(quote.provenance.source?).name();
    let what = match quote.mode {
        QuoteMode::Direct => "the quote",
        QuoteMode::Reported => "the evidence",
    };
    Some(match status {
        Status::Found { line, .. } => format!("{name}, line {line}"),
        Status::Missing { .. } => format!("{name}: {what} is not found in the source's text"),
        Status::Unavailable
            if quote.mode == QuoteMode::Reported && quote.provenance.evidence.is_none() =>
        {
            format!("{name} (no evidence given for this paraphrase)")
        }
        Status::Unavailable => format!("{name}: source text not available"),
    })
}

/// Wrapped lines of a source's text with the bytes `mark` highlighted.
pub fn passage_lines(
    text: &str,
    mark: &std::ops::Range<usize>,
    width: usize,
    quote: Option<QuoteIx>,
) -> Vec<TextLine> {
    wrap_ranges(text, width)
        .into_iter()
        .map(|r| {
            let from = mark.start.clamp(r.start, r.end) - r.start;
            let to = mark.end.clamp(r.start, r.end) - r.start;
            TextLine::new(LineKind::Passage { from, to }, &text[r], quote)
        })
        .collect()
}

/// The positions popup's lines: the claim's statement, then each position's stance and
/// actor chain, its detail, and its quote's words (or a line saying it has none).
pub fn positions_lines(
    b: &Briefing,
    claim: crate::model::ClaimIx,
    positions: &[usize],
    width: usize,
) -> Vec<TextLine> {
    let c = b.claim(claim);
    let mut out = Vec::new();
    push_wrapped(&mut out, LineKind::Title, &c.statement, width, None);
    for p in positions.iter().filter_map(|&i| c.positions.get(i)) {
        out.push(TextLine::new(LineKind::Blank, "", None));
        let chain: Vec<&str> = b.chain(p.actor).map(|a| b.actor(a).name.as_str()).collect();
        let who = format!(
            "{} — {}",
            crate::views::analysis::stance_label(p.stance),
            chain.join(" · ")
        );
        push_wrapped(&mut out, LineKind::Attribution, &who, width, p.quote);
        if let Some(d) = &p.detail {
            push_wrapped(&mut out, LineKind::Body, d, width, p.quote);
        }
        match p.quote {
            Some(q) => push_wrapped(
                &mut out,
                LineKind::QuoteText,
                &quote_words(b, q),
                width,
                Some(q),
            ),
            None => push_wrapped(
                &mut out,
                LineKind::Body,
                "No quote is linked to this position.",
                width,
                None,
            ),
        }
    }
    out
}
