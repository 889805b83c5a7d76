//! The positions popup: a claim and one or more positions on it (who takes which
//! stance, why, and in what words), for a position without a quote or every position
//! a folded matrix cell holds.

use super::chrome;
use crate::app::App;
use crate::app::Settings;
use crate::layout;
use crate::model::ClaimIx;
use crate::views::lines::{LineKind, positions_lines};
use ratatui::buffer::Buffer;
use ratatui::style::Style;

pub fn render(
    app: &App,
    settings: &Settings,
    claim: ClaimIx,
    positions: &[usize],
    scroll: usize,
    buf: &mut Buffer,
) {
    let theme = &settings.appearance.theme;
    let area = layout::detail_popup(app.geometry().area);
    let title = if positions.len() == 1 {
        "Position".to_owned()
    } else {
        format!("{} positions", positions.len())
    };
    let inner = chrome::popup_block(theme, area, buf, &title);
    let lines = positions_lines(&app.briefing, claim, positions, usize::from(inner.width));
    let rows = usize::from(inner.height);
    for (n, l) in lines.iter().skip(scroll).take(rows).enumerate() {
        let style = match l.kind {
            LineKind::Title => theme.heading,
            LineKind::Attribution => theme.speaker,
            LineKind::QuoteText => theme.quote_text,
            _ => Style::new(),
        };
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, &l.text, style);
    }
    chrome::scrollbar(area, buf, lines.len(), scroll, rows);
}
