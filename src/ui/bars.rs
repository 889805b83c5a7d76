//! The title bar (briefing title, dek, source, date), the tab bar at narrow widths,
//! and the status line (where you are, the filter, key hints from the keymap).

use crate::app::Settings;
use crate::app::key::sequence_label;
use crate::app::{App, Mode};
use crate::layout::{Geometry, Pane};
use crate::text;
use crate::theme::Theme;
use crate::views::pages::View;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Columns the title keeps before the view tabs shrink to their numbers.
const MIN_TITLE: usize = 24;

/// Row 1: the title and the view tabs. Row 2 (when tall enough): dek, source and date.
pub fn title(app: &App, settings: &Settings, g: &Geometry, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let m = &app.briefing.meta;
    let area = g.title;
    let width = usize::from(area.width);
    let tabs = view_tabs(theme, app.view, width.saturating_sub(MIN_TITLE + 1));
    let tabs_w = tabs.width();
    let title = text::truncate(&m.title, width.saturating_sub(tabs_w + 1));
    buf.set_stringn(area.x, area.y, &title, width, theme.title);
    let x = area.x + u16::try_from(width.saturating_sub(tabs_w)).unwrap_or(0);
    buf.set_line(x, area.y, &tabs, u16::try_from(tabs_w).unwrap_or(0));
    if area.height > 1 {
        let by: Vec<String> = m
            .source
            .iter()
            .cloned()
            .chain(m.published.map(|d| d.to_string()))
            .collect();
        let by = by.join(" · ");
        let by_w = text::width(&by);
        let dek = m.dek.as_deref().unwrap_or_default();
        let dek = text::truncate(dek, width.saturating_sub(by_w + 2));
        buf.set_stringn(area.x, area.y + 1, &dek, width, theme.dim);
        if by_w + 2 <= width {
            let x = area.x + u16::try_from(width - by_w).unwrap_or(0);
            buf.set_stringn(x, area.y + 1, &by, by_w, theme.dim);
        }
    }
}

/// "1 Briefing  [2 Claims]  3 Figures ..." or, when there is no room, "1 [2] 3 4 5".
/// The current view is bracketed, so it shows without colour too.
fn view_tabs(theme: &Theme, current: View, room: usize) -> Line<'static> {
    let full = |v: View, n: usize| format!("{n} {}", v.title());
    let build = |label: &dyn Fn(View, usize) -> String| {
        let mut spans = Vec::new();
        for (i, v) in View::ALL.into_iter().enumerate() {
            if i > 0 {
                spans.push(Span::raw(" "));
            }
            if v == current {
                spans.push(Span::styled(
                    format!("[{}]", label(v, i + 1)),
                    theme.border_focus,
                ));
            } else {
                spans.push(Span::styled(format!(" {} ", label(v, i + 1)), theme.dim));
            }
        }
        Line::from(spans)
    };
    let line = build(&full);
    if line.width() <= room {
        line
    } else {
        build(&|_, n| n.to_string())
    }
}

pub fn tabs(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let mut spans = Vec::new();
    for pane in Pane::ALL {
        let (label, style) = if pane == app.focus {
            (
                format!("[{}]", pane.title()),
                theme.border_focus.patch(theme.selected),
            )
        } else {
            (format!(" {} ", pane.title()), theme.dim)
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("Tab switches", theme.dim));
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// Where the user is: the focused pane and its position, or the open popup.
fn place(app: &App) -> String {
    match &app.mode {
        Mode::Help { .. } => "HELP".to_owned(),
        Mode::Filter(_) => "ACTOR FILTER".to_owned(),
        Mode::Detail(_) => "QUOTE".to_owned(),
        Mode::Source(v, _) => format!("SOURCE {}", app.briefing.source(v.source).name()),
        Mode::Positions { positions, .. } if positions.len() > 1 => {
            format!("POSITIONS {}", positions.len())
        }
        Mode::Positions { .. } => "POSITION".to_owned(),
        Mode::Errors { .. } => "RELOAD FAILED".to_owned(),
        Mode::Changes(_) => format!("CHANGES {}", app.changes.len()),
        Mode::History { .. } => "HISTORY".to_owned(),
        Mode::Search => "SEARCH".to_owned(),
        Mode::Picker(p) => match p.kind {
            crate::app::picker::PickerKind::Outline => "OUTLINE".to_owned(),
            crate::app::picker::PickerKind::Starred => "STARRED".to_owned(),
        },
        Mode::Panes if app.view != View::Briefing => app.view.title().to_uppercase(),
        Mode::Panes => match app.focus {
            Pane::Sections => {
                format!(
                    "SECTIONS {}/{}",
                    app.sections.selected + 1,
                    app.briefing.sections.len()
                )
            }
            Pane::Quotes => format!(
                "QUOTES {}/{}",
                if app.filter.quotes.is_empty() {
                    0
                } else {
                    app.quotes.selected + 1
                },
                app.filter.quotes.len()
            ),
            Pane::Reader => {
                let total = app.reader.view.lines.len();
                let rows = app.rows(Pane::Reader);
                let pct = if total <= rows {
                    100
                } else {
                    app.reader.scroll * 100 / (total - rows)
                };
                format!("READER {pct}%")
            }
        },
    }
}

pub fn status(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    buf.set_style(area, theme.status);
    let mut left = vec![Span::styled(
        format!(" {} ", place(app)),
        theme.status.patch(theme.status_mode),
    )];
    // Opened from the library: the way back, always in view.
    if let crate::app::Origin::Library(screen) = settings.origin
        && matches!(app.mode, Mode::Panes)
    {
        left.push(Span::styled(
            format!(" q: back to {} ", screen.name()),
            theme.status,
        ));
    }
    if app.filter.is_active() {
        left.push(Span::styled(
            format!(
                " Filter: {} · {}/{} quotes ",
                app.filter.label(&app.briefing),
                app.filter.quotes.len(),
                app.briefing.quotes.len()
            ),
            theme.status,
        ));
    }
    if let Some(stale) = &app.stale {
        left.push(Span::styled(
            format!(" {stale} "),
            theme.status.patch(theme.status_mode),
        ));
    }
    if let Some(notice) = &app.notice {
        left.push(Span::styled(
            format!(" {notice} "),
            theme.status.patch(theme.status_mode),
        ));
    }
    if let Some(search) = &app.search {
        let cursor = if matches!(app.mode, Mode::Search) {
            "█"
        } else {
            ""
        };
        left.push(Span::styled(
            format!(" /{}{cursor} ", search.query),
            theme.status.patch(theme.status_mode),
        ));
        // The Briefing view's matches, or a view's own ("item match 2/5").
        let label = match app.view.page_index() {
            None => Some(search.label()),
            Some(i) => app.pages[i].search_label(&search.query),
        };
        if let Some(label) = label {
            left.push(Span::styled(format!("{label} "), theme.status));
        }
    }
    if !app.pending_keys.is_empty() {
        // The first keys of a sequence, waiting for the rest.
        left.push(Span::styled(
            format!(
                " {}… ",
                sequence_label(&app.pending_keys.0, settings.ascii())
            ),
            theme.status.patch(theme.status_mode),
        ));
    }
    // The selected cell of the claims matrix, named (actor, stance, claim): last,
    // so a narrow line cuts it before the search's count.
    if app.view == View::Claims
        && matches!(app.mode, Mode::Panes)
        && let Some(state) = app.page()
        && let Some(target) = state.target(state.selected)
        && let Some(said) = crate::views::pages::describe_claim_target(
            &app.briefing,
            &app.filter,
            app.columns == crate::app::state::Columns::Folded,
            target,
        )
    {
        left.push(Span::styled(format!(" {said} "), theme.status));
    }
    let left = Line::from(left);
    let used = left.width();
    buf.set_line(area.x, area.y, &left, area.width);
    let hints = settings
        .keymap
        .hints(app.context(), settings.ascii(), |a| app.acts(settings, a));
    super::chrome::hints(theme, buf, area, used, &hints);
}
