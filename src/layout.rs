//! Screen geometry: where each pane and popup goes at a given terminal size. Pure, shared
//! by rendering and by `update` (page sizes, wrap widths, mouse hit-testing).

use ratatui::layout::Rect;

/// Below this size only a "terminal too small" message is drawn.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// From this width up, three columns side by side.
pub const WIDE_WIDTH: u16 = 120;
/// From this width up, all three panes (Sections over Quotes, Reader beside them).
pub const MEDIUM_WIDTH: u16 = 80;
/// The title bar has a second row (the dek) from this height up.
pub const TALL_TITLE_HEIGHT: u16 = 20;
/// Column shares at wide sizes, in percent: Sections, Reader, Quotes.
const WIDE_SHARES: [u16; 3] = [22, 45, 33];
/// The left column's share at medium sizes, and the Sections pane's share of it.
const MEDIUM_LEFT_SHARE: u16 = 40;
const MEDIUM_SECTIONS_SHARE: u16 = 40;

/// The three panes, in their left-to-right (and Tab) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Sections,
    Reader,
    Quotes,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Sections, Pane::Reader, Pane::Quotes];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Sections => "Sections",
            Pane::Reader => "Reader",
            Pane::Quotes => "Quotes",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrangement {
    TooSmall,
    /// One pane at a time under a tab bar.
    Tabs,
    /// Sections over Quotes on the left, Reader on the right.
    Stacked,
    /// Three columns.
    Columns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub area: Rect,
    pub arrangement: Arrangement,
    pub title: Rect,
    pub tabs: Rect,
    pub status: Rect,
    /// Everything between the title bar and the status line (the analyst views' page).
    pub body: Rect,
    panes: [Option<Rect>; 3],
}

impl Geometry {
    /// Lays out a `width` x `height` screen; with tabs, only the `focus` pane is placed.
    pub fn new(width: u16, height: u16, focus: Pane) -> Self {
        let area = Rect::new(0, 0, width, height);
        let empty = Rect::new(0, 0, 0, 0);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self {
                area,
                arrangement: Arrangement::TooSmall,
                title: empty,
                tabs: empty,
                status: empty,
                body: empty,
                panes: [None; 3],
            };
        }
        let title_rows = if height >= TALL_TITLE_HEIGHT { 2 } else { 1 };
        let title = Rect::new(0, 0, width, title_rows);
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, title_rows, width, height - title_rows - 1);
        let mut panes = [None; 3];
        let (arrangement, tabs) = if width >= WIDE_WIDTH {
            let w0 = share(width, WIDE_SHARES[0]);
            let w1 = share(width, WIDE_SHARES[1]);
            panes[0] = Some(Rect { width: w0, ..body });
            panes[1] = Some(Rect {
                x: w0,
                width: w1,
                ..body
            });
            panes[2] = Some(Rect {
                x: w0 + w1,
                width: width - w0 - w1,
                ..body
            });
            (Arrangement::Columns, empty)
        } else if width >= MEDIUM_WIDTH {
            let left = share(width, MEDIUM_LEFT_SHARE);
            let top = share(body.height, MEDIUM_SECTIONS_SHARE);
            panes[0] = Some(Rect {
                width: left,
                height: top,
                ..body
            });
            panes[2] = Some(Rect {
                y: body.y + top,
                width: left,
                height: body.height - top,
                ..body
            });
            panes[1] = Some(Rect {
                x: left,
                width: width - left,
                ..body
            });
            (Arrangement::Stacked, empty)
        } else {
            let tabs = Rect { height: 1, ..body };
            panes[focus.index()] = Some(Rect {
                y: body.y + 1,
                height: body.height - 1,
                ..body
            });
            (Arrangement::Tabs, tabs)
        };
        Self {
            area,
            arrangement,
            title,
            tabs,
            status,
            body,
            panes,
        }
    }

    /// The pane's outer rectangle (with border), if it is on screen.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane.index()]
    }

    /// Rows available for content inside the pane's border (0 when not shown).
    pub fn rows(&self, pane: Pane) -> usize {
        self.pane(pane).map_or(0, |r| usize::from(inner(r).height))
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|&p| self.pane(p).is_some_and(|r| r.contains((x, y).into())))
    }
}

/// The inside of a bordered block.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x + 1,
        r.y + 1,
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// A rectangle of at most `width` x `height`, centred in `area` with a margin of one cell.
///
/// A popup that would leave a margin of a few columns at its sides takes the whole
/// width instead: a border a cell or two inside a pane's border reads as a doubled
/// corner, and a strip of text between them as part of the popup.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let mut w = width.min(area.width.saturating_sub(2));
    if area.width.saturating_sub(w) < 6 {
        w = area.width;
    }
    // Likewise in height, keeping the status line (the last row) in view.
    let mut h = height.min(area.height.saturating_sub(2));
    let mut y = area.y + (area.height - h) / 2;
    if area.height.saturating_sub(h) < 6 {
        h = area.height.saturating_sub(1);
        y = area.y;
    }
    Rect::new(area.x + (area.width - w) / 2, y, w, h)
}

/// The quote detail popup.
pub fn detail_popup(area: Rect) -> Rect {
    centered(area, (area.width * 3 / 4).max(60), area.height * 4 / 5)
}

/// The actor filter popup.
pub fn filter_popup(area: Rect) -> Rect {
    centered(area, 64, area.height.saturating_sub(4))
}

/// The help popup.
pub fn help_popup(area: Rect) -> Rect {
    centered(area, 72, area.height.saturating_sub(2))
}

/// `percent` of `n`, rounded down, without overflowing at any terminal size (`n *
/// percent` does not fit a `u16` past about 3,000 columns).
fn share(n: u16, percent: u16) -> u16 {
    u16::try_from(u32::from(n) * u32::from(percent) / 100).unwrap_or(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangement_by_width() {
        assert_eq!(
            Geometry::new(120, 40, Pane::Sections).arrangement,
            Arrangement::Columns
        );
        assert_eq!(
            Geometry::new(119, 40, Pane::Sections).arrangement,
            Arrangement::Stacked
        );
        assert_eq!(
            Geometry::new(80, 24, Pane::Sections).arrangement,
            Arrangement::Stacked
        );
        assert_eq!(
            Geometry::new(79, 24, Pane::Sections).arrangement,
            Arrangement::Tabs
        );
        assert_eq!(
            Geometry::new(39, 24, Pane::Sections).arrangement,
            Arrangement::TooSmall
        );
        assert_eq!(
            Geometry::new(0, 0, Pane::Sections).arrangement,
            Arrangement::TooSmall
        );
    }

    #[test]
    fn panes_tile_the_body_without_overlap() {
        for (w, h) in [(120, 40), (200, 60), (100, 30), (80, 24)] {
            let g = Geometry::new(w, h, Pane::Reader);
            let rects: Vec<Rect> = Pane::ALL.iter().filter_map(|&p| g.pane(p)).collect();
            assert_eq!(rects.len(), 3);
            let cells: u32 = rects.iter().map(|r| r.area()).sum();
            assert_eq!(
                cells,
                u32::from(w) * u32::from(h - g.title.height - 1),
                "{w}x{h}"
            );
            for (i, a) in rects.iter().enumerate() {
                assert!(rects[i + 1..].iter().all(|b| !a.intersects(*b)));
            }
        }
    }

    #[test]
    fn tabs_show_only_the_focused_pane() {
        let g = Geometry::new(60, 20, Pane::Quotes);
        assert!(g.pane(Pane::Quotes).is_some());
        assert!(g.pane(Pane::Sections).is_none() && g.pane(Pane::Reader).is_none());
    }
}
