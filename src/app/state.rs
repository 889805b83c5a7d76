//! The reader's whole state: what is loaded, what is selected, which popup is open, and
//! the wrapped text caches. `update` changes it; rendering only reads it.

mod sync;

use super::filter::{FilterPopup, Input};
use super::keymap::Context;
use super::marks::Marks;
use super::picker::Picker;
use crate::layout::{self, Geometry, Pane};
use crate::model::{Briefing, ClaimIx, QuoteIx, SectionIx};
use crate::views::filter::{ActorIndex, Filter};
use crate::views::indexes::Indexes;
use crate::views::lines::Wrapped;
pub use crate::views::pages::PageState;
use crate::views::pages::View;
use crate::views::search::Search;

/// Rows one entry of the Quotes pane takes: speaker, then an excerpt.
pub const QUOTE_ROWS: usize = 2;

/// A selection in a list and the first visible item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

impl ListState {
    /// Keeps the selection inside `len` items and visible among `visible` items.
    pub fn fit(&mut self, len: usize, visible: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }
}

/// The open quote detail.
#[derive(Debug, Clone)]
pub struct Detail {
    pub quote: QuoteIx,
    pub scroll: usize,
    pub view: Wrapped,
}

/// The source text popup (`v` in a quote's detail): the source's text wrapped, the
/// quote of this briefing shown highlighted, and every quote found in that source.
#[derive(Debug, Clone)]
pub struct SourceView {
    pub source: crate::model::SourceIx,
    /// Where the highlighted quote is in the source's text.
    pub quote: QuoteIx,
    pub range: std::ops::Range<usize>,
    /// Every quote of this briefing found in this source, in the source's order.
    pub stops: Vec<(std::ops::Range<usize>, QuoteIx)>,
    pub scroll: usize,
    /// The text's wrapped rows (byte ranges), for `width` columns.
    pub rows: Vec<std::ops::Range<usize>>,
    pub width: u16,
}

/// Which popup, if any, is over the panes.
#[derive(Debug, Clone)]
pub enum Mode {
    Panes,
    /// The key list; `/` narrows it to the rows that hold a query.
    Help {
        scroll: usize,
        query: String,
        input: Input,
    },
    Filter(FilterPopup),
    Detail(Detail),
    /// A quote's source text, over its detail (which `Esc` returns to).
    Source(Box<SourceView>, Detail),
    /// Positions of a claim shown together: one without a quote, or every position a
    /// folded matrix cell holds (indices into the claim's positions).
    Positions {
        claim: ClaimIx,
        positions: Vec<usize>,
        scroll: usize,
    },
    /// Typing a search query in the status line.
    Search,
    /// The outline or the starred quotes.
    Picker(Picker),
    /// A reload failed: the new file's errors, over the briefing still shown.
    Errors {
        lines: Vec<String>,
        scroll: usize,
    },
    /// What the last reload changed (`D`): a row per change, Enter goes to it.
    Changes(ListState),
    /// One Claims cell's positions across time (an index in the history's cells).
    History {
        cell: usize,
        scroll: usize,
    },
}

impl Mode {
    /// The help, from its top, not narrowed.
    pub fn help() -> Self {
        Mode::Help {
            scroll: 0,
            query: String::new(),
            input: Input::Browse,
        }
    }
}

/// What the run must do after an `update`, since the state machine does no I/O and
/// never ends the run itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Effect {
    /// Nothing beyond drawing the next frame.
    #[default]
    None,
    /// Put text on the clipboard (see `clipboard`: the config chooses how).
    Copy(String),
    /// Load the briefing's file again, or list the library's folder again (Ctrl-r).
    Reload,
    /// Leave the briefing for the library it was opened from.
    BackToLibrary,
    /// Open this briefing (from the library).
    Open(std::path::PathBuf),
    /// Open a briefing at a place: a search hit or an actor's statement (issue 19).
    OpenAt(super::library_screens::Opening),
    /// Answer a question across the library (the index's): see `library_screens`.
    Ask(super::library_screens::Ask),
    /// End the run.
    Quit,
}

/// Whether the claims matrix has a column per actor or per top-level actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Columns {
    Folded,
    Unfolded,
}

/// The Reader's scroll position, its wrapped lines and the quote marked by a jump.
#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub scroll: usize,
    pub mark: Option<QuoteIx>,
    pub view: Wrapped,
}

/// Why the briefing on screen may not be what its file holds now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// The file is gone: the last version read is shown.
    Gone { file: String },
    /// The file no longer loads (its name, when known): the last good version is shown.
    DoesNotLoad { file: Option<String> },
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Gone { file } => write!(f, "{file} is gone: showing the last version read"),
            Stale::DoesNotLoad { file } => write!(
                f,
                "stale: {} does not load (Ctrl-r to retry)",
                file.as_deref().unwrap_or("the file")
            ),
        }
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub briefing: Briefing,
    pub actors: ActorIndex,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub mode: Mode,
    pub sections: ListState,
    pub quotes: ListState,
    pub reader: Reader,
    pub filter: Filter,
    pub view: View,
    /// One page per analyst view, in `View::ALL` order after Briefing.
    pub pages: Vec<PageState>,
    pub columns: Columns,
    /// What is worked out once per briefing (search index, timeline order...).
    pub indexes: Indexes,
    /// The active search, if any (typed with `/`, kept with Enter).
    pub search: Option<Search>,
    pub marks: Marks,
    /// A one-off message for the status line ("copied ..."), cleared by the next key.
    pub notice: Option<String>,
    /// While the file on disk is gone or does not load: what the status line keeps
    /// saying until it is back and good (the run layer's file watch tells it through
    /// `file_gone`, `file_back` and `reload_failed`).
    pub stale: Option<Stale>,
    /// The keys of a sequence typed so far (`g` of `g g`).
    pub pending_keys: super::keymap::PendingKeys,
    /// Each source's cleaned text, when the briefing came from a file whose sources
    /// have one (`verify::read_texts`); empty otherwise.
    pub sources: crate::verify::Texts,
    /// What the last reload changed, and the new or changed quotes not seen yet.
    pub changes: super::changes::Changes,
    /// Stances across time for the Claims view (from the file's folder).
    pub stances: super::history::StanceHistory,
}

impl App {
    pub fn new(briefing: Briefing, width: u16, height: u16) -> Self {
        let mut app = Self {
            actors: ActorIndex::new(&briefing),
            indexes: Indexes::default(),
            filter: Filter::new(&briefing),
            marks: Marks::new(&briefing),
            briefing,
            width,
            height,
            focus: Pane::Sections,
            mode: Mode::Panes,
            sections: ListState::default(),
            quotes: ListState::default(),
            reader: Reader::default(),
            view: View::Briefing,
            pages: vec![PageState::default(); View::ALL.len() - 1],
            columns: Columns::Folded,
            search: None,
            notice: None,
            stale: None,
            pending_keys: super::keymap::PendingKeys::default(),
            sources: Vec::new(),
            changes: super::changes::Changes::default(),
            stances: super::history::StanceHistory::default(),
        };
        app.sync();
        app
    }

    /// Replaces the briefing with a new version of it (a reload) and puts the reader
    /// back at the same place, by ids, as when reopening: the view, the focus and the
    /// matrix columns are what the user set up, so they carry over.
    ///
    /// `changes` is what the reload changed (`run::changes::rows`): kept for the change
    /// list, said in words in the status line, its new and changed quotes marked.
    pub fn reloaded(&mut self, briefing: Briefing, changes: Vec<super::changes::ChangeRow>) {
        let place = super::place::snapshot(self);
        let fresh = App::new(briefing, self.width, self.height);
        let old = std::mem::replace(self, fresh);
        self.columns = old.columns;
        super::place::restore(self, &place);
        self.view = old.view;
        self.focus = old.focus;
        // What changed, compared by meaning; the notice says it in words.
        self.notice = Some(super::changes::summary(&changes));
        self.changes = super::changes::Changes::new(changes, self.briefing.quotes.len());
        // The folder's history is read again by the run layer; whether it shows stays.
        self.stances.shown = old.stances.shown;
        self.sync();
    }

    /// Keeps the briefing on screen after its file (`file`: its name, escaped) failed
    /// to load again: the file's errors in a panel, and the status line saying the
    /// screen is stale.
    pub fn reload_failed(&mut self, file: Option<String>, errors: Vec<String>) {
        self.notice = None;
        self.stale = Some(Stale::DoesNotLoad { file });
        self.mode = Mode::Errors {
            lines: errors,
            scroll: 0,
        };
    }

    /// The file (`file`: its name, escaped) is gone from disk: the last version read
    /// stays on screen, and the status line says so. Whether that is news.
    pub fn file_gone(&mut self, file: String) -> bool {
        let gone = Some(Stale::Gone { file });
        let news = self.stale != gone;
        self.stale = gone;
        news
    }

    /// The file is back unchanged (the same time and length: nothing to reload).
    /// Whether the screen changes.
    pub fn file_back(&mut self) -> bool {
        let was_gone = matches!(self.stale, Some(Stale::Gone { .. }));
        if was_gone {
            self.stale = None;
        }
        was_gone
    }

    /// What the command line asks for wins over the remembered place: `--actor`
    /// replaces the remembered filter, `--section` the remembered section.
    pub fn start_at(&mut self, actors: &[crate::model::ActorIx], section: Option<usize>) {
        if !actors.is_empty() {
            self.filter.clear(&self.briefing);
            for &a in actors {
                if !self.filter.chosen.contains(&a) {
                    self.filter.toggle(&self.briefing, a);
                }
            }
        }
        if let Some(s) = section {
            self.sections.selected = s;
            self.reader.scroll = 0;
        }
    }

    /// Works out now what is kept per briefing (`Indexes`); the terminal loop does it
    /// in steps (`index_step`) once the first frame is drawn. Keys that need a part
    /// make it themselves when it is not made yet.
    pub fn build_indexes(&self) {
        self.indexes.build_indexes(&self.briefing);
    }

    /// A step of `build_indexes` (`Indexes::index_step`): whether all is made.
    pub fn index_step(&self) -> bool {
        self.indexes.index_step(&self.briefing)
    }

    /// Whether a search is still finding matches (`search_step` goes on with it).
    pub fn is_searching(&self) -> bool {
        self.search.as_ref().is_some_and(|s| {
            s.pending()
                || (self.view.page_index()).is_some_and(|i| self.pages[i].searching(&s.query))
        })
    }

    /// One more step of an unfinished search: the terminal loop calls it while no key
    /// is waiting, drawing in between, so a search over a large briefing fills in
    /// over a few frames instead of holding one.
    pub fn search_step(&mut self) {
        if let Some(s) = &mut self.search {
            s.search_step(
                self.indexes.search(&self.briefing),
                &self.briefing,
                &self.filter,
            );
            // A view's search goes on counting its matches.
            if let Some(i) = self.view.page_index()
                && self.pages[i].searching(&s.query)
                && self.pages[i].search_step((&self.briefing, &self.indexes), &self.filter)
            {
                // It found the match a key asked for: scroll to it.
                self.sync();
            }
        }
    }

    /// Finishes an unfinished search now (a key needs a match not found yet).
    pub fn finish_search(&mut self) {
        if let Some(s) = &mut self.search {
            s.finish(
                self.indexes.search(&self.briefing),
                &self.briefing,
                &self.filter,
            );
        }
    }

    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.width, self.height, self.focus)
    }

    /// The section shown in the Reader (the one selected in Sections).
    pub fn section(&self) -> Option<SectionIx> {
        (self.sections.selected < self.briefing.sections.len())
            .then(|| SectionIx::at(self.sections.selected))
    }

    /// The quote selected in the Quotes pane.
    pub fn selected_quote(&self) -> Option<QuoteIx> {
        self.filter.quotes.get(self.quotes.selected).copied()
    }

    /// The quote the quote keys (`s`, `y`, Enter) act on, as the screen shows it: in
    /// the Quotes pane its selected row, in the Reader the quote under its marker;
    /// none with Sections focused.
    pub fn current_quote(&self) -> Option<QuoteIx> {
        match self.focus {
            Pane::Quotes => self.selected_quote(),
            Pane::Reader => self.reader_quote(),
            Pane::Sections => None,
        }
    }

    /// The quote under the Reader's marker: the marked one (by `J`/`K`, a jump, or
    /// a selection in Quotes) while it has a line on screen, else the first quote
    /// with a line on screen.
    pub fn reader_quote(&self) -> Option<QuoteIx> {
        let lines = &self.reader.view.lines;
        let start = self.reader.scroll.min(lines.len());
        let end = (start + self.rows(Pane::Reader)).min(lines.len());
        let shown = &lines[start..end];
        match self.reader.mark {
            Some(m) if shown.iter().any(|l| l.quote == Some(m)) => Some(m),
            _ => shown.iter().find_map(|l| l.quote),
        }
    }

    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Panes if self.view == View::Briefing => Context::Panes,
            Mode::Panes => Context::Views,
            Mode::Positions { .. } | Mode::History { .. } => Context::Note,
            Mode::Search => Context::Search,
            Mode::Picker(_) => Context::Picker,
            Mode::Help {
                input: Input::Typing,
                ..
            } => Context::Narrow,
            Mode::Help { .. } => Context::Help,
            Mode::Filter(p) if p.input == Input::Typing => Context::Narrow,
            Mode::Filter(_) => Context::Filter,
            Mode::Detail(_) => Context::Detail,
            Mode::Source(..) => Context::Source,
            Mode::Errors { .. } => Context::Errors,
            Mode::Changes(_) => Context::Changes,
        }
    }

    /// Rows of content a pane shows, as if it were on screen (tabs show one at a time).
    pub fn rows(&self, pane: Pane) -> usize {
        Geometry::new(self.width, self.height, pane).rows(pane)
    }

    /// The Reader's last scroll position: its last line at the bottom of the pane.
    pub fn reader_max_scroll(&self) -> usize {
        (self.reader.view.lines.len()).saturating_sub(self.rows(Pane::Reader))
    }

    fn text_width(&self, pane: Pane) -> u16 {
        Geometry::new(self.width, self.height, pane)
            .pane(pane)
            .map_or(0, |r| layout::inner(r).width)
    }

    /// Width of the detail popup's text.
    pub fn detail_width(&self) -> u16 {
        layout::inner(layout::detail_popup(self.geometry().area)).width
    }

    /// Rows of the detail popup's text.
    pub fn detail_rows(&self) -> usize {
        usize::from(layout::inner(layout::detail_popup(self.geometry().area)).height)
    }

    /// Rows of actors the filter popup lists (its first row is the query).
    pub fn filter_rows(&self) -> usize {
        usize::from(layout::inner(layout::filter_popup(self.geometry().area)).height)
            .saturating_sub(1)
    }

    /// The page of the current analyst view, if one is shown.
    pub fn page(&self) -> Option<&PageState> {
        self.view.page_index().map(|i| &self.pages[i])
    }

    /// Whether `action` does something on the screen as it is: the status line hints
    /// only such keys (`m` folds members in the Claims view alone; Enter on a figure
    /// has nothing to open).
    pub fn acts(&self, settings: &super::Settings, action: super::Action) -> bool {
        use super::Action;
        use crate::views::pages::Target;
        match action {
            // Folding changes the matrix only; the list form shows every position.
            Action::Fold => self.view == View::Claims && self.claims_matrix(),
            // Opened from the library, the status line says where q goes instead.
            Action::Quit => !settings.origin.is_library(),
            Action::Open if matches!(self.mode, Mode::Panes) && self.view != View::Briefing => {
                self.page().is_some_and(|p| {
                    p.target(p.selected)
                        .is_some_and(|t| !matches!(t, Target::Nothing))
                })
            }
            Action::History => self.view == View::Claims && self.stances.folder.is_some(),
            _ => true,
        }
    }

    /// Hands over the earlier briefings of the file's folder (read by the run layer,
    /// each with its file name): the Claims view's history is worked out from them.
    pub fn folder_read(&mut self, earlier: &[(String, &Briefing)]) {
        self.stances.folder = Some(super::history::StanceHistory::compute(
            &self.briefing,
            earlier,
        ));
        self.sync();
    }

    /// Rows the Claims view's history strip takes from the page (0 when hidden).
    pub fn history_strip(&self) -> u16 {
        if self.view == View::Claims && self.stances.is_shown() {
            super::history::STRIP_ROWS
        } else {
            0
        }
    }

    /// The Claims cell selected now, as (claim, actor): a position's actor, or a
    /// folded cell's column.
    pub fn selected_cell(&self) -> Option<(ClaimIx, crate::model::ActorIx)> {
        use crate::views::pages::Target;
        if self.view != View::Claims {
            return None;
        }
        let p = self.page()?;
        match p.target(p.selected)? {
            Target::Position(c, pi) => Some((c, self.briefing.claim(c).positions[pi].actor)),
            Target::Cell(c, a) => Some((c, a)),
            _ => None,
        }
    }

    /// The help as its popup shows it now: wrapped to the popup, narrowed by its query.
    pub fn help_lines(&self, settings: &super::Settings) -> Vec<super::keymap::HelpLine> {
        let query = match &self.mode {
            Mode::Help { query, .. } => query.as_str(),
            _ => "",
        };
        let width = layout::inner(layout::help_popup(self.geometry().area)).width;
        settings
            .keymap
            .help_lines(settings.ascii(), query, usize::from(width))
    }

    /// Rows of text in the help popup (and the outline and reload errors, its size).
    pub fn help_rows(&self) -> usize {
        usize::from(layout::inner(layout::help_popup(self.geometry().area)).height)
    }

    /// Whether the Claims view shows its matrix (not the list form of a narrow screen).
    pub fn claims_matrix(&self) -> bool {
        self.pages
            .first()
            .is_some_and(|p| p.structure().matrix.is_some())
    }

    /// Rows of the page a view shows (inside its border).
    pub fn page_rows(&self) -> usize {
        usize::from(
            layout::inner(self.geometry().body)
                .height
                .saturating_sub(self.history_strip()),
        )
    }
}
