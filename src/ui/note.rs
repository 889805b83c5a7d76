//! The position popup: a claim, who takes which stance on it, and why, for positions
//! that have no quote to open.

use super::chrome;
use super::theme::THEME;
use crate::analysis::stance_label;
use crate::app::App;
use crate::layout;
use crate::model::ClaimIx;
use crate::text::wrap;
use ratatui::buffer::Buffer;

pub fn render(app: &App, claim: ClaimIx, pos: usize, buf: &mut Buffer) {
    let b = &app.briefing;
    let Some(p) = b.claim(claim).positions.get(pos) else {
        return;
    };
    let area = layout::detail_popup(app.geometry().area);
    let inner = chrome::popup_block(area, buf, "Position");
    let width = usize::from(inner.width);
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    lines.extend(
        wrap(&b.claim(claim).statement, width)
            .into_iter()
            .map(|l| (l, THEME.heading)),
    );
    lines.push((String::new(), THEME.dim));
    let chain: Vec<&str> = b.chain(p.actor).map(|a| b.actor(a).name.as_str()).collect();
    lines.extend(
        wrap(
            &format!("{} — {}", stance_label(p.stance), chain.join(" · ")),
            width,
        )
        .into_iter()
        .map(|l| (l, THEME.speaker)),
    );
    if let Some(d) = &p.detail {
        lines.push((String::new(), THEME.dim));
        lines.extend(
            wrap(d, width)
                .into_iter()
                .map(|l| (l, ratatui::style::Style::new())),
        );
    }
    lines.push((String::new(), THEME.dim));
    lines.push(("No quote backs this position.".to_owned(), THEME.dim));
    for (n, (text, style)) in lines.iter().take(usize::from(inner.height)).enumerate() {
        let y = inner.y + u16::try_from(n).unwrap_or(u16::MAX);
        chrome::row(buf, inner, y, text, *style);
    }
}
