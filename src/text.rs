//! Display width, wrapping and truncation of cleaned text, by grapheme cluster.
//!
//! Widths come from unicode-width per grapheme, the same measure ratatui's buffer uses
//! when it places symbols, so a line we measured as N columns takes N cells.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns a string takes on screen.
pub fn width(s: &str) -> usize {
    if is_printable_ascii(s) {
        // One column per byte: most words are plain ASCII, and grapheme segmentation
        // would be most of the cost of wrapping them.
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Only printable ASCII (space to '~'): every byte is a grapheme one column wide.
fn is_printable_ascii(s: &str) -> bool {
    s.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// Greedy word wrap to `max` columns. Newlines in the text end lines; lines break at
/// spaces (which are dropped at the break); a word wider than the line is cut between
/// graphemes. Always returns at least one line, so an empty paragraph still takes a row.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_ranges(text, max)
        .into_iter()
        .map(|r| text[r].to_owned())
        .collect()
}

/// `wrap`, as byte ranges of `text`: each line is exactly `text[range]`, so a position in
/// the text (a search match) maps to its line.
pub fn wrap_ranges(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut base = 0;
    for source_line in text.split('\n') {
        // The current line: its start, its end (after its last word) and its width.
        let mut line: Option<(usize, usize)> = None;
        let mut used = 0;
        let mut at = base;
        for word in source_line.split(' ') {
            let (start, end) = (at, at + word.len());
            at = end + 1;
            if word.is_empty() {
                continue;
            }
            let w = width(word);
            if let Some((ls, le)) = line {
                let gap = width(&text[le..start]);
                if used + gap + w <= max {
                    line = Some((ls, end));
                    used += gap + w;
                    continue;
                }
                lines.push(ls..le);
                line = None;
                used = 0;
            }
            if w <= max {
                line = Some((start, end));
                used = w;
                continue;
            }
            for (i, g) in word.grapheme_indices(true) {
                let gw = UnicodeWidthStr::width(g);
                let (gs, ge) = (start + i, start + i + g.len());
                match line {
                    Some((ls, le)) if used + gw > max => {
                        lines.push(ls..le);
                        line = Some((gs, ge));
                        used = gw;
                    }
                    Some((ls, _)) => {
                        line = Some((ls, ge));
                        used += gw;
                    }
                    None => {
                        line = Some((gs, ge));
                        used = gw;
                    }
                }
            }
        }
        let (ls, le) = line.unwrap_or((base, base));
        lines.push(ls..le);
        base += source_line.len() + 1;
    }
    lines
}

/// Cuts a string to at most `max` columns, ending with '…' when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if is_printable_ascii(s) {
        let mut out = s[..max.saturating_sub(1)].to_owned();
        if max > 0 {
            out.push('…');
        }
        return out;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let gw = UnicodeWidthStr::width(g);
        if used + gw + 1 > max {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// A count with its noun, singular for one: "1 section", "7 sections", "0 quotes".
/// Every noun `brief` counts takes a plain `s`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_greedily_and_keeps_every_line_within_width() {
        let text = "South Korea warned it could send weapons to Ukraine";
        let lines = wrap(text, 16);
        assert_eq!(
            lines,
            [
                "South Korea",
                "warned it could",
                "send weapons to",
                "Ukraine"
            ]
        );
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("윤석열"), 6);
        let lines = wrap("윤석열 대통령은 말했다", 8);
        assert_eq!(lines, ["윤석열", "대통령은", "말했다"]);
        assert!(lines.iter().all(|l| width(l) <= 8));
        let long = wrap("윤석열윤석열", 5);
        assert_eq!(long, ["윤석", "열윤", "석열"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let word = format!("e{}", "\u{301}".repeat(50));
        assert_eq!(width(&word), 1);
        assert_eq!(wrap(&format!("{word}{word}"), 1), [word.clone(), word]);
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "one  two three\nfour";
        let ranges = wrap_ranges(text, 9);
        let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, ["one  two", "three", "four"]);
    }

    #[test]
    fn newlines_end_lines_and_empty_text_is_one_line() {
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
        assert_eq!(wrap("", 10), [""]);
    }

    proptest::proptest! {
        #[test]
        fn width_and_truncate_agree_with_graphemes(s in "[ -~]{0,12}|\\PC{0,12}", max in 0usize..14) {
            let slow: usize = s.graphemes(true).map(UnicodeWidthStr::width).sum();
            proptest::prop_assert_eq!(width(&s), slow);
            let cut = truncate(&s, max);
            proptest::prop_assert!(width(&cut) <= max);
            if slow <= max {
                proptest::prop_assert_eq!(cut, s);
            } else if max > 0 {
                proptest::prop_assert!(cut.ends_with('…'));
            }
        }
    }

    #[test]
    fn ascii_fast_path_agrees_with_graphemes() {
        let slow = |s: &str| -> usize { s.graphemes(true).map(UnicodeWidthStr::width).sum() };
        for s in [
            "",
            " ",
            "plain words",
            "~!@#$%^&*()_+{}|:<>?",
            "tab\there",
            "e\u{301}",
            "윤 a",
        ] {
            assert_eq!(width(s), slow(s), "{s:?}");
        }
        assert_eq!(truncate("abcdef", 1), "…");
        assert_eq!(truncate("abcdef", 5), "abcd…");
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Keir Starmer", 8), "Keir St…");
        assert_eq!(truncate("윤석열", 5), "윤석…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("abc", 0), "");
    }
}
