//! `App::sync`: restores the state's invariants after every change (wrapped text,
//! selections and scrolls in range, read marks, the current page up to date).

use super::{App, Columns, ListState, Mode, QUOTE_ROWS};
use crate::layout::{self, Pane};
use crate::views::lines;
use crate::views::pages::View;

impl App {
    /// Brings the current view's page up to date with the width, the filter and the
    /// columns (wrapping only what is on screen), with the selection in range and on
    /// screen.
    fn sync_page(&mut self) {
        let Some(i) = self.view.page_index() else {
            return;
        };
        let width = usize::from(layout::inner(self.geometry().body).width);
        let rows = self.page_rows();
        let fold = self.columns == Columns::Folded;
        self.pages[i].sync(
            self.view,
            (&self.briefing, &self.indexes),
            &self.filter,
            width,
            fold,
            rows,
        );
    }

    /// Restores every invariant after a change: wrapped text matches the current section
    /// and widths, selections and scrolls are in range and visible. Rewrapping happens
    /// only when the section or a width changed, so this is cheap per key.
    pub fn sync(&mut self) {
        self.sync_page();
        if let Some(s) = &mut self.search
            && s.generation != self.filter.generation
        {
            s.refresh(
                self.indexes.search(&self.briefing),
                &self.briefing,
                &self.filter,
            );
        }
        let sections = self.briefing.sections.len();
        self.sections.fit(sections, self.rows(Pane::Sections));
        self.quotes.fit(
            self.filter.quotes.len(),
            self.rows(Pane::Quotes) / QUOTE_ROWS,
        );

        let width = self.text_width(Pane::Reader);
        let key = self.section().map(|s| (s.get(), width));
        if self.reader.view.key != key {
            (self.reader.view.lines, self.reader.view.texts) = match self.section() {
                Some(s) if width > 0 => lines::reader_view(&self.briefing, s, usize::from(width)),
                _ => (Vec::new(), Vec::new()),
            };
            self.reader.view.key = key;
        }
        let max = self.reader_max_scroll();
        self.reader.scroll = self.reader.scroll.min(max);
        // Read once its end has been on screen (and the Reader with it).
        let reader_shown =
            self.view == View::Briefing && self.geometry().pane(Pane::Reader).is_some();
        if reader_shown
            && self.rows(Pane::Reader) > 0
            && self.reader.scroll >= max
            && let Some(read) = self
                .section()
                .and_then(|s| self.marks.read_sections.get_mut(s.get()))
            && !*read
        {
            *read = true;
            self.marks.touch();
        }
        self.sync_popup();
    }

    /// The open popup's text made for its size, its scroll and selection in range,
    /// and a quote opened in detail marked read.
    fn sync_popup(&mut self) {
        let (dw, drows) = (self.detail_width(), self.detail_rows());
        let list_len = self.actors.rows.len();
        let filter_rows = self.filter_rows();
        let help_rows = self.help_rows();
        // Only the errors panel needs the screen's size (its lines wrap).
        let screen = matches!(self.mode, Mode::Errors { .. }).then(|| self.geometry().area);
        let history_len = match &self.mode {
            Mode::History { cell, .. } => self.history_lines(*cell, dw).len(),
            _ => 0,
        };
        // The help's scroll is kept within its lines by `update`, which has the keymap.
        match &mut self.mode {
            Mode::Detail(d) => {
                if let Some(read) = self.marks.read_quotes.get_mut(d.quote.get())
                    && !*read
                {
                    *read = true;
                    self.marks.touch();
                }
                let key = Some((d.quote.get(), dw));
                if d.view.key != key {
                    d.view.lines = if dw > 0 {
                        lines::detail_lines_with(
                            &self.briefing,
                            &self.sources,
                            d.quote,
                            usize::from(dw),
                        )
                    } else {
                        Vec::new()
                    };
                    d.view.key = key;
                }
                d.scroll = d.scroll.min(d.view.lines.len().saturating_sub(drows));
            }
            Mode::Source(v, _) => sync_source(v, &self.sources, dw, drows),
            Mode::Filter(p) => {
                let mut list = ListState {
                    selected: p.cursor,
                    offset: p.offset,
                };
                list.fit(p.rows.len().min(list_len), filter_rows);
                (p.cursor, p.offset) = (list.selected, list.offset);
            }
            Mode::Picker(p) => {
                let mut list = ListState {
                    selected: p.cursor,
                    offset: p.offset,
                };
                list.fit(p.rows.len(), help_rows);
                (p.cursor, p.offset) = (list.selected, list.offset);
            }
            Mode::Changes(list) => list.fit(self.changes.len(), help_rows),
            Mode::History { scroll, .. } => {
                *scroll = (*scroll).min(history_len.saturating_sub(drows));
            }
            Mode::Errors { lines, scroll } => {
                // By rows as drawn: long lines wrap (`library::report_rows`).
                let max = crate::app::library::panel_layout(
                    screen.unwrap_or_default(),
                    crate::app::library::RELOAD_HEADLINE,
                    lines,
                )
                .2;
                *scroll = (*scroll).min(max);
            }
            Mode::Positions {
                claim,
                positions,
                scroll,
            } => {
                let n = lines::positions_lines(&self.briefing, *claim, positions, usize::from(dw))
                    .len();
                *scroll = (*scroll).min(n.saturating_sub(drows));
            }
            Mode::Panes | Mode::Search | Mode::Help { .. } => {}
        }
    }
}

impl App {
    /// The history popup's lines for cell `cell`, wrapped to `width` (ASCII glyphs are
    /// folded at draw time, like every screen, so the wrap is the same).
    pub fn history_lines(&self, cell: usize, width: u16) -> Vec<String> {
        let (Some(f), Some(c)) = (self.stances.folder.as_ref(), self.stances.get(cell)) else {
            return Vec::new();
        };
        crate::app::history::cell_lines(&self.briefing, f, c, false)
            .iter()
            .flat_map(|l| {
                if l.is_empty() {
                    vec![String::new()]
                } else {
                    crate::text::wrap(l, usize::from(width).max(8))
                }
            })
            .collect()
    }
}

/// The source view's rows for the popup's width, and its scroll kept in range.
fn sync_source(v: &mut super::SourceView, sources: &crate::verify::Texts, dw: u16, rows: usize) {
    if v.width != dw {
        v.rows = match sources.get(v.source.get()) {
            Some(Some(Ok(t))) => source_rows(&t.text, usize::from(dw)),
            _ => Vec::new(),
        };
        v.width = dw;
    }
    v.scroll = v.scroll.min(v.rows.len().saturating_sub(rows));
}

/// A source's text cut into rows of at most `width` columns: each line wrapped, as byte
/// ranges of the text (an empty line is an empty range).
pub fn source_rows(text: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let ranges = crate::text::wrap_ranges(line, width.max(1));
        if ranges.is_empty() {
            out.push(at..at);
        }
        out.extend(ranges.into_iter().map(|r| at + r.start..at + r.end));
        at += line.len() + 1;
    }
    out
}
