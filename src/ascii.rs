//! `--ascii`: a drawn screen with every cell made ASCII, for terminals and fonts that
//! cannot show box drawing, arrows or other glyphs. Works on the finished buffer, so
//! no draw function needs to know, and replaces each character with one of the same
//! width, so the layout cannot shift: borders become `-|+` (the focused pane's thick
//! top and bottom `=`), `▶` `>`, stances `✔ ~ ? ✘` become `+ ~ ? x`, `…` `.`, curly
//! quotes straight ones, accented Latin letters their base letter. Text with no ASCII
//! likeness (Hangul, Cyrillic) shows `?` in each column it takes.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// U+00C0 to U+017F, each as the ASCII letter it is built on.
const LATIN: &str = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuytyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/// The ASCII stand-in for one character, if it has one.
pub fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    let folded = match c {
        '━' | '═' | '╍' => '=',
        '─' | '╌' | '┄' | '┈' | '—' | '–' | '‒' | '−' | '‐' | '‑' | '⁃' => {
            '-'
        }
        '│' | '┃' | '║' | '╎' | '┆' | '┊' | '╏' => '|',
        '█' | '▓' | '▒' | '░' | '▄' | '▀' | '■' | '▌' | '▐' => '#',
        '▶' | '▸' | '►' | '›' | '»' | '→' | '⇒' => '>',
        '◀' | '◂' | '◄' | '‹' | '«' | '←' | '⇐' => '<',
        '↑' | '▲' | '▴' => '^',
        '↓' | '▼' | '▾' => 'v',
        // Corners and crossings of every box-drawing set; ticks (asserts, read).
        '\u{2500}'..='\u{257F}' | '✔' | '✓' => '+',
        '✘' | '✗' | '×' => 'x',
        // A star and an unread mark keep apart: `*` starred, `o` unread.
        '★' | '☆' | '✱' | '∗' => '*',
        '•' | '●' | '○' | '◦' => 'o',
        // New or changed by the last reload (issue 20): apart from both.
        '✦' => '!',
        '·' | '∙' | '…' | '⋯' => '.',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '‚' | '′' => '\'',
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => ' ',
        '\u{c0}'..='\u{17f}' => {
            let at = usize::try_from(u32::from(c) - 0xC0).ok()?;
            char::from(*LATIN.as_bytes().get(at)?)
        }
        _ => return None,
    };
    Some(folded)
}

/// A cell's symbol (one grapheme) in ASCII: its first character folded when the rest
/// are combining accents (`e` + U+0301), else `?` for each column.
fn symbol(s: &str) -> String {
    let mut chars = s.chars();
    let first = chars.next().and_then(fold);
    let accents_only = chars.all(|c| ('\u{300}'..='\u{36f}').contains(&c));
    match first {
        Some(c) if accents_only => c.to_string(),
        _ => "?".repeat(s.width().max(1)),
    }
}

/// Makes every cell of the buffer ASCII. A wide character becomes `?` in its cell and
/// in the (blank) cell it covered, so the row keeps its width.
pub fn only_ascii(buf: &mut Buffer) {
    let mut carry = 0;
    for cell in &mut buf.content {
        if carry > 0 {
            carry -= 1;
            cell.set_symbol("?");
            continue;
        }
        if cell.symbol().is_ascii() {
            continue;
        }
        let folded = symbol(cell.symbol());
        carry = folded.len() - 1;
        cell.set_symbol(&folded[..1]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn the_latin_table_covers_its_range() {
        assert_eq!(LATIN.len(), 0x180 - 0xC0);
        assert_eq!(fold('é'), Some('e'));
        assert_eq!(fold('Ł'), Some('L'));
        assert_eq!(fold('ſ'), Some('s'));
    }

    #[test]
    fn glyphs_borders_and_wide_text_become_ascii_of_the_same_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "┏━▶ ✔✘…윤é", ratatui::style::Style::new());
        only_ascii(&mut buf);
        let row: String = buf
            .content
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert_eq!(row, "+=> +x.??e  ");
    }

    #[test]
    fn combining_accents_fold_with_their_letter() {
        assert_eq!(symbol("e\u{301}"), "e");
        assert_eq!(symbol("👍"), "??");
    }
}
