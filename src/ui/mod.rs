//! Rendering: a pure function of the state into a buffer. One module per pane or popup.

mod bars;
mod changes;
mod chrome;
mod detail;
mod errors;
mod filter;
pub mod flags;
pub mod help;
pub mod library;
pub mod library_screens;
mod note;
mod page;
mod picker;
mod quotes;
mod reader;
mod sections;

use crate::app::{App, Mode, Settings};
use crate::layout::{Arrangement, Geometry, MIN_HEIGHT, MIN_WIDTH, Pane};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the whole screen for `app` into `buf` over `area` (the terminal's size).
pub fn render(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    draw(app, settings, area, buf);
    settings.appearance.finish(buf);
}

fn draw(app: &App, settings: &Settings, area: Rect, buf: &mut Buffer) {
    let g = app.geometry();
    if g.arrangement == Arrangement::TooSmall
        || area.width < g.area.width
        || area.height < g.area.height
    {
        too_small(area, buf);
        return;
    }
    bars::title(app, settings, &g, buf);
    if let Some(state) = app.page() {
        // The Claims view's history strip takes the bottom of the body.
        let strip = app.history_strip().min(g.body.height);
        let body = Rect {
            height: g.body.height - strip,
            ..g.body
        };
        page::render(app, settings, state, body, buf);
        if strip > 0 {
            let area = Rect {
                y: body.y + body.height,
                height: strip,
                ..g.body
            };
            changes::render_strip(app, settings, area, buf);
        }
    } else {
        panes(app, settings, &g, buf);
    }
    bars::status(app, settings, g.status, buf);
    match &app.mode {
        // The search line is part of the status line.
        Mode::Panes | Mode::Search => {}
        Mode::Help { scroll, .. } => help::render(app, settings, g.area, *scroll, buf),
        Mode::Filter(p) => filter::render(app, settings, p, buf),
        Mode::Detail(d) => detail::render(app, settings, d, buf),
        Mode::Source(v, _) => detail::render_source(app, settings, v, buf),
        Mode::Positions {
            claim,
            positions,
            scroll,
        } => note::render(app, settings, *claim, positions, *scroll, buf),
        Mode::Picker(p) => picker::render(app, settings, p, buf),
        Mode::Errors { lines, scroll } => errors::render(app, settings, lines, *scroll, buf),
        Mode::Changes(list) => changes::render_list(app, settings, list, buf),
        Mode::History { scroll, cell } => {
            changes::render_history(app, settings, *cell, *scroll, buf);
        }
    }
}

/// The Briefing view: the tab bar at narrow widths and the three panes.
fn panes(app: &App, settings: &Settings, g: &Geometry, buf: &mut Buffer) {
    if g.arrangement == Arrangement::Tabs {
        bars::tabs(app, settings, g.tabs, buf);
    }
    for pane in Pane::ALL {
        if let Some(r) = g.pane(pane) {
            match pane {
                Pane::Sections => sections::render(app, settings, r, buf),
                Pane::Reader => reader::render(app, settings, r, buf),
                Pane::Quotes => quotes::render(app, settings, r, buf),
            }
        }
    }
}

fn too_small(area: Rect, buf: &mut Buffer) {
    chrome::too_small(area, buf, (MIN_WIDTH, MIN_HEIGHT));
}
