//! Opening a briefing at what a library search or an actor's statements found (issue
//! 19): a section, a paragraph or a quote in the Reader; an actor, a claim, a figure
//! or an event on its view's page, selected.

use super::matches::{go_to_match, scroll_to_text};
use super::popups::jump_to;
use super::select_section;
use crate::app::library_screens::Target;
use crate::app::state::{App, Mode};
use crate::layout::Pane;
use crate::load::diag::escape;
use crate::model::{QuoteIx, SectionIx};
use crate::views::lines::paragraph_piece;
use crate::views::pages::{PageBlock, Pos, View};
use crate::views::search::{Match, Search};

/// Opens the briefing at `target`, over the remembered place (as the command line's
/// `--section` does). What the briefing no longer has (it changed since the library
/// indexed it) leaves it where it was, and the status line says so.
pub fn open_at(app: &mut App, target: &Target) {
    app.mode = Mode::Panes;
    let b = &app.briefing;
    let opened = match target {
        Target::Section(s) => section(app, *s),
        Target::Paragraph {
            section,
            paragraph,
            words,
        } => self::paragraph(app, *section, *paragraph, words),
        Target::Quote(id) => match b.quotes.iter().position(|q| q.id == *id) {
            Some(q) => {
                app.view = View::Briefing;
                jump_to(app, QuoteIx::at(q));
                true
            }
            None => false,
        },
        Target::Actor(id) => match b.actors.iter().position(|a| a.id == *id) {
            Some(a) => on_page(
                app,
                View::Actors,
                |block| matches!(block, PageBlock::Profile(x) if x.get() == a),
            ),
            None => false,
        },
        Target::Claim(id) => match b.claims.iter().position(|c| c.id == *id) {
            // A row of the matrix, or a claim heading its positions in the list form.
            Some(c) => on_page(
                app,
                View::Claims,
                |block| matches!(block, PageBlock::MatrixRow(x) | PageBlock::ListClaim(x) if x == c),
            ),
            None => false,
        },
        Target::Figure(n) => on_page(app, View::Figures, |block| block == PageBlock::Figure(*n)),
        Target::Event(n) => on_page(app, View::Timeline, |block| block == PageBlock::Event(*n)),
    };
    if !opened {
        app.notice = Some(format!(
            "{} is not in this briefing (the file may have changed since the library indexed it)",
            named(target)
        ));
    }
    app.sync();
}

/// The target as the status line names it.
fn named(target: &Target) -> String {
    match target {
        Target::Section(s) => format!("section {}", s + 1),
        Target::Paragraph {
            section, paragraph, ..
        } => format!("paragraph {} of section {}", paragraph + 1, section + 1),
        Target::Quote(id) => format!("quote “{}”", escape(id)),
        Target::Actor(id) => format!("actor “{}”", escape(id)),
        Target::Claim(id) => format!("claim “{}”", escape(id)),
        Target::Figure(n) => format!("figure {}", n + 1),
        Target::Event(n) => format!("timeline event {}", n + 1),
    }
}

/// Section `s` in the Reader, from its top.
fn section(app: &mut App, s: usize) -> bool {
    if s >= app.briefing.sections.len() {
        return false;
    }
    app.view = View::Briefing;
    select_section(app, s);
    app.focus = Pane::Reader;
    true
}

/// Paragraph `p` of section `s` in the Reader, on screen (a third of the way down when
/// the section's top does not show it), the library's match in it highlighted.
///
/// The highlight is the in-briefing search's (`/`), for one word of the library's
/// query: the first, in the query's order, that begins a word of the paragraph (the
/// user's first word is usually the specific one; the library found the paragraph
/// because every query word begins a word of it, so this is the query's first word
/// unless the briefing changed since it was indexed), at the first word of the
/// paragraph it begins. Its match there is made current, so `n` and `N` go on from
/// it, and the status line shows `/word` with its count. The two searches differ (the
/// library wants every query word to begin a word of the paragraph; `/` finds one text
/// anywhere in a word, in every section), so only the current match is the library's;
/// the others are exactly what typing `/word` finds, and the status line says that is
/// the search. The whole query is not searched for: as one text, its words would have
/// to be side by side, and would often match nothing, not even the hit. Without such
/// a word (a query of other words), the paragraph is shown without a highlight.
fn paragraph(app: &mut App, s: usize, p: usize, words: &[String]) -> bool {
    let Some(text) = (app.briefing.sections.get(s)).and_then(|sec| sec.paragraphs.get(p)) else {
        return false;
    };
    let piece = paragraph_piece(&app.briefing, SectionIx::at(s), p);
    let found = first_word(text, words);
    section(app, s);
    app.sync();
    if let Some((word, offset)) = found {
        let mut search = Search::default();
        search.query = word;
        let index = app.indexes.search(&app.briefing);
        search.refresh(index, &app.briefing, &app.filter);
        search.finish(index, &app.briefing, &app.filter);
        let here = Match {
            section: s,
            piece,
            offset,
        };
        let current = search.matches.iter().position(|m| *m == here);
        app.search = Some(search);
        if let Some(k) = current {
            go_to_match(app, k);
            return true;
        }
    }
    scroll_to_text(app, piece, 0);
    true
}

/// The first word of `words` (the query's, lowercased, in its order) that begins a
/// word of `text`, and where it first does: a byte offset in `text` lowercased, as the
/// in-briefing search counts (`Match::offset`). A word begins where an alphanumeric
/// character follows a character that is not one, as the library's index splits
/// words.
fn first_word(text: &str, words: &[String]) -> Option<(String, usize)> {
    let lower = text.to_lowercase();
    let mut after_word = false;
    let mut starts = Vec::new();
    for (i, c) in lower.char_indices() {
        if c.is_alphanumeric() && !after_word {
            starts.push(i);
        }
        after_word = c.is_alphanumeric();
    }
    words.iter().filter(|w| !w.is_empty()).find_map(|w| {
        let at = starts
            .iter()
            .find(|&&i| lower[i..].starts_with(w.as_str()))?;
        Some((w.clone(), *at))
    })
}

/// `view`'s page with the unit (an actor's profile, a claim, a figure, an event) in
/// the block `is_unit` picks selected: its first item, and the page scrolled to it.
///
/// The actor filter may hide it (the remembered place brings the filter back): then
/// the filter is cleared, and the status line says so. A unit without items of its own
/// (an actor with no quote, position or figure; a claim with no position) cannot be
/// selected: the page shows it at the top, the next item selected (or the last).
fn on_page(app: &mut App, view: View, is_unit: impl Fn(PageBlock) -> bool) -> bool {
    let Some(i) = view.page_index() else {
        return false;
    };
    let before = app.view;
    app.view = view;
    app.sync();
    let find = |app: &App| {
        app.pages[i]
            .structure()
            .blocks
            .iter()
            .position(|&b| is_unit(b))
    };
    let mut block = find(app);
    if block.is_none() && app.filter.is_active() {
        let kept = app.filter.clone();
        app.filter.clear(&app.briefing);
        app.sync();
        block = find(app);
        if block.is_some() {
            app.notice = Some("actor filter cleared: it hid what the library found".to_owned());
        } else {
            // Not there either: the filter as it was, under a generation of its own
            // (what was made for the cleared one must not pass for it).
            let generation = app.filter.generation + 1;
            app.filter = kept;
            app.filter.generation = generation;
        }
    }
    let Some(block) = block else {
        app.view = before;
        return false;
    };
    let page = &mut app.pages[i];
    let first = page.structure().item_start[block];
    page.selected = first.min(page.items().saturating_sub(1));
    page.scroll = Pos { block, line: 0 };
    true
}
