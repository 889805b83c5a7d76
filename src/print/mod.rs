//! `brief print`: the briefing, or the part an actor filter and a section select, as
//! wrapped plain text, Markdown or JSON. Everything comes from the loaded model, whose
//! text was cleaned at load, so nothing printed can carry a terminal escape.

pub mod history;
mod json;
mod markdown;
mod text;

use crate::model::{ActorIx, Briefing, QuoteIx, SectionIx};
use crate::views::filter::Filter;
use crate::views::pages::{self, View};

/// Narrowest text width accepted; below it attributions become unreadable.
pub const MIN_WIDTH: usize = 20;

/// Width used when stdout is not a terminal and no `--width` is given.
pub const DEFAULT_WIDTH: usize = 80;

/// The output formats of `brief print --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Plain text wrapped to `--width`, as in the Reader.
    #[default]
    Text,
    /// Markdown: headings, paragraphs, quotes as block quotes with attributions.
    Markdown,
    /// JSON in the shape documented in docs/print-json.md.
    Json,
}

/// What to print: some sections, and within them the quotes the actor filter keeps.
///
/// The filter is the Reader's own (`app::filter::Filter`), so choosing an actor selects
/// everyone affiliated to it exactly as the `a` popup does.
#[derive(Debug, Clone)]
pub struct Selection {
    pub filter: Filter,
    /// Sections to print, in reading order.
    pub sections: Vec<SectionIx>,
    /// Whether `sections` was narrowed to one by `--section`.
    pub one_section: bool,
    /// Where each quote was found in its source's text, by quote (empty when the
    /// sources' texts were not read): JSON writes it as `location`.
    pub locations: Vec<crate::verify::Status>,
}

impl Selection {
    /// Everything: all sections, every quote.
    pub fn all(b: &Briefing) -> Self {
        Self::new(b, &[], None)
    }

    /// The chosen actors (with their members) and, if given, one section (its index).
    pub fn new(b: &Briefing, actors: &[ActorIx], section: Option<usize>) -> Self {
        let mut filter = Filter::new(b);
        for &a in actors {
            if !filter.chosen.contains(&a) {
                filter.toggle(b, a);
            }
        }
        let sections = match section {
            Some(s) => vec![SectionIx::at(s)],
            None => (0..b.sections.len()).map(SectionIx::at).collect(),
        };
        Self {
            filter,
            sections,
            one_section: section.is_some(),
            locations: Vec::new(),
        }
    }

    /// The section's quotes that pass the filter, in reading order.
    pub fn quotes<'a>(
        &'a self,
        b: &'a Briefing,
        s: SectionIx,
    ) -> impl Iterator<Item = QuoteIx> + 'a {
        b.section(s)
            .quotes
            .clone()
            .map(QuoteIx::at)
            .filter(move |&q| self.filter.matches(b, q))
    }

    /// Sections the text and Markdown forms print: with a filter on, only those with
    /// a matching quote.
    pub fn shown_sections(&self) -> impl Iterator<Item = SectionIx> + '_ {
        self.sections.iter().copied().filter(|s| {
            !self.filter.is_active() || self.filter.per_section.get(s.get()).copied() > Some(0)
        })
    }
}

/// The analyst views `brief print --view` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PageView {
    /// Who stands where on each claim.
    Claims,
    /// The figures ledger, grouped by measure.
    Figures,
    /// Events and dated quotes in date order.
    Timeline,
    /// One profile per actor.
    Actors,
}

impl PageView {
    fn view(self) -> View {
        match self {
            PageView::Claims => View::Claims,
            PageView::Figures => View::Figures,
            PageView::Timeline => View::Timeline,
            PageView::Actors => View::Actors,
        }
    }
}

/// One analyst view, built exactly as the reader draws it at `width` (the actor filter
/// applies; `--section` does not, the views span the briefing). JSON has no page form:
/// `brief print --format json` already carries claims, figures and timeline.
pub fn page(
    b: &Briefing,
    sel: &Selection,
    view: PageView,
    format: Format,
    width: usize,
) -> Result<String, String> {
    // Members folded, as the reader starts.
    let page = pages::build(view.view(), b, &sel.filter, width.max(MIN_WIDTH), true);
    match format {
        Format::Text => Ok(page.to_text()),
        Format::Markdown => Ok(format!(
            "# {}\n\n{}",
            markdown::heading(&b.meta.title),
            page.to_markdown(view.view().title())
        )),
        Format::Json => Err(
            "--view prints text or Markdown; for JSON use `brief print --format json`, which holds claims, figures and the timeline".into(),
        ),
    }
}

/// The selection in one format. `width` applies to text only and is raised to
/// `MIN_WIDTH`. The result ends with a newline.
pub fn render(b: &Briefing, sel: &Selection, format: Format, width: usize) -> String {
    match format {
        Format::Text => text::render(b, sel, width.max(MIN_WIDTH)),
        Format::Markdown => markdown::render(b, sel),
        Format::Json => json::render(b, sel),
    }
}

/// The whole briefing as plain text (what `brief` prints when stdout is not a terminal).
pub fn plain(b: &Briefing, width: usize) -> String {
    render(b, &Selection::all(b), Format::Text, width)
}
