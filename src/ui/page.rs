//! An analyst view's page (Claims, Figures, Timeline, Actors): the visible slice of its
//! lines, the selected item in reverse video, a scrollbar.

use super::chrome;
use crate::app::App;
use crate::app::state::PageState;
use crate::theme::THEME;
use crate::views::pages::Tone;
use crate::views::search::find_in;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

fn style(tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Heading => THEME.heading,
        Tone::Dim => THEME.dim,
        Tone::Strong => THEME.speaker,
        Tone::Flag => THEME
            .mark
            .add_modifier(ratatui::style::Modifier::UNDERLINED),
        Tone::Quote => THEME.quote_text,
    }
}

pub fn render(app: &App, state: &PageState, area: Rect, buf: &mut Buffer) {
    let (at, total) = state.counter();
    let title = format!("{} {at}/{total}", app.view.title());
    let inner = chrome::pane_block(area, buf, &title, true);
    let rows = usize::from(inner.height);
    let query = app.search.as_ref().map(|s| s.query.as_str());
    let lines = state.visible_lines(&app.briefing, &app.filter, rows);
    for (n, cells) in lines.iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let spans: Vec<Span<'_>> = cells
            .iter()
            .flat_map(|c| {
                let s = style(c.tone);
                let s = if c.item == Some(state.selected) {
                    s.patch(THEME.selected)
                } else {
                    s
                };
                let hits: Vec<_> = query
                    .map(|q| {
                        find_in(&c.text, q)
                            .into_iter()
                            .map(|r| (r, THEME.search_current))
                            .collect()
                    })
                    .unwrap_or_default();
                super::reader::spans(&c.text, &hits, s)
            })
            .collect();
        chrome::line(buf, inner, y, &Line::from(spans));
    }
    let (content, position) = state.scrollbar();
    chrome::scrollbar(area, buf, content, position, rows);
}
