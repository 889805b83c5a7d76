//! An analyst view's page (Claims, Figures, Timeline, Actors): the visible slice of its
//! lines, the selected item in reverse video, a scrollbar.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::app::state::PageState;
use crate::theme::Theme;
use crate::views::pages::Tone;
use crate::views::search::find_in;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

fn style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Plain => Style::new(),
        Tone::Heading => theme.heading,
        Tone::Dim => theme.dim,
        Tone::Strong => theme.speaker,
        Tone::Flag => theme
            .mark
            .add_modifier(ratatui::style::Modifier::UNDERLINED),
        Tone::Quote => theme.quote_text,
    }
}

pub fn render(app: &App, settings: &Settings, state: &PageState, area: Rect, buf: &mut Buffer) {
    let theme = &settings.appearance.theme;
    let (at, total) = state.counter();
    let title = format!("{} {at}/{total}", app.view.title());
    let inner = chrome::pane_block(theme, area, buf, &title, true);
    let rows = usize::from(inner.height);
    let query = app.search.as_ref().map(|s| s.query.as_str());
    let lines = state.visible_lines(&app.briefing, &app.filter, rows);
    for (n, cells) in lines.iter().enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        let spans: Vec<Span<'_>> = cells
            .iter()
            .flat_map(|c| {
                let s = style(theme, c.tone);
                let s = if c.item == Some(state.selected) {
                    s.patch(theme.selected)
                } else {
                    s
                };
                let hits: Vec<_> = query
                    .map(|q| {
                        find_in(&c.text, q)
                            .into_iter()
                            .map(|r| (r, theme.search_current))
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
