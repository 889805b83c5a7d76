//! Cleaning of untrusted text: the one place that decides which characters from a
//! briefing may reach the terminal.
//!
//! Escape sequences (CSI, OSC, DCS, SOS, PM, APC; 7-bit and 8-bit) are removed whole, so
//! no parameter bytes are left behind as litter; other C0/C1 controls and DEL are dropped;
//! tabs become spaces; CR and CRLF become LF. Bidi controls and zero-width characters are
//! dropped from text (counted, so the loader can warn) and rejected in ids and names.

mod escape;

use escape::{skip_csi, skip_escape, skip_string};
use unicode_width::UnicodeWidthChar;

/// Tab stops every this many columns.
pub const TAB_WIDTH: usize = 4;

/// What cleaning removed from one string.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// Escape sequences and control characters.
    pub controls: usize,
    /// Bidi controls and zero-width characters.
    pub invisible: usize,
    /// Characters past `MAX_CLUSTER_CHARS` in one grapheme cluster (combining marks
    /// piled on one letter).
    pub marks: usize,
}

impl Removed {
    pub fn any(self) -> bool {
        self.controls + self.invisible + self.marks > 0
    }
}

/// The most characters kept in one grapheme cluster (a letter and the marks on it).
/// Real text needs a few (an emoji family with skin tones is 11); a title of one
/// letter with 520k combining marks kept brief busy redrawing it and crashed a
/// terminal multiplexer it was sent to (issue 16). The rest of a cluster is dropped,
/// with a warning naming the field.
pub const MAX_CLUSTER_CHARS: usize = 32;

/// Cuts every grapheme cluster of `text` to `MAX_CLUSTER_CHARS` characters; returns
/// the text and how many characters went. Text with no run of that many non-ASCII
/// characters (all but CJK without spaces, and hostile text) is returned unscanned.
pub fn cap_clusters(text: String) -> (String, usize) {
    use unicode_segmentation::UnicodeSegmentation;
    let mut run = 0;
    let long_run = text.bytes().any(|b| {
        // Count characters, not bytes: a lead byte or an ASCII byte starts one.
        if b.is_ascii() {
            run = 0;
        } else if b >= 0xC0 {
            run += 1;
        }
        run >= MAX_CLUSTER_CHARS
    });
    if !long_run {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut dropped = 0;
    for cluster in text.graphemes(true) {
        let mut chars = cluster.char_indices();
        match chars.nth(MAX_CLUSTER_CHARS) {
            Some((at, _)) => {
                out.push_str(&cluster[..at]);
                dropped += 1 + chars.count();
            }
            None => out.push_str(cluster),
        }
    }
    if dropped == 0 {
        return (text, 0);
    }
    (out, dropped)
}

/// Bidi embedding, override and isolate controls, and the implicit marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that take no room and show nothing, which can hide text or fake ids.
/// ZWJ and ZWNJ are not here: emoji sequences and several scripts need them.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' | '\u{00AD}'
    )
}

/// Characters that must never be printed raw: controls, bidi controls, zero-width.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_zero_width(c)
}

/// Whether cleaning would change `input`: it holds a control other than a newline, a
/// bidi control or a zero-width character. Almost every field is clean, and this scan is
/// several times faster than cleaning: whole chunks of printable ASCII are passed at
/// once, and characters are decoded only at the lead bytes unsafe ones start with.
fn needs_cleaning(input: &str) -> bool {
    const CHUNK: usize = 32;
    let bytes = input.as_bytes();
    let plain = |b: u8| (0x20..0x7F).contains(&b) || b == b'\n';
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + CHUNK).min(bytes.len());
        // `fold`, not `all`: no early exit, so the check runs on many bytes at a time.
        if !bytes[at..end].iter().fold(true, |ok, &b| ok & plain(b))
            && (at..end).any(|i| unsafe_at(input, i))
        {
            return true;
        }
        at = end;
    }
    false
}

/// Whether an unsafe character (other than a newline) starts at byte `i`.
fn unsafe_at(input: &str, i: usize) -> bool {
    match input.as_bytes()[i] {
        b'\n' => false,
        0..=0x1F | 0x7F => true,
        // C1 controls and U+00AD; U+061C; U+180E; U+200B-U+206F; U+FEFF.
        0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xEF => input[i..].chars().next().is_some_and(is_unsafe_char),
        _ => false,
    }
}

/// Cleans a text field. Newlines survive; everything unsafe goes.
pub fn clean_text(input: &str) -> (String, Removed) {
    if !needs_cleaning(input) {
        return (input.to_owned(), Removed::default());
    }
    let mut out = String::with_capacity(input.len());
    let mut removed = Removed::default();
    let mut col = 0;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                col = 0;
            }
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                    col = 0;
                }
            }
            '\t' => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\u{1b}' => {
                skip_escape(&mut chars);
                removed.controls += 1;
            }
            '\u{9b}' => {
                skip_csi(&mut chars);
                removed.controls += 1;
            }
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                skip_string(&mut chars);
                removed.controls += 1;
            }
            c if c.is_control() => removed.controls += 1,
            c if is_bidi_control(c) || is_zero_width(c) => removed.invisible += 1,
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    (out, removed)
}

/// `clean_text`, taking the string: a clean one (almost all) is returned as it is,
/// without a copy.
pub fn clean_text_owned(input: String) -> (String, Removed) {
    if needs_cleaning(&input) {
        clean_text(&input)
    } else {
        (input, Removed::default())
    }
}

/// Cleans a one-line field: like `clean_text`, then runs of whitespace (newlines
/// included) fold to one space, so a name never breaks a list row.
pub fn clean_line(input: &str) -> (String, Removed) {
    fold_line(clean_text(input))
}

/// `clean_line`, taking the string: returned as it is when there is nothing to change.
pub fn clean_line_owned(input: String) -> (String, Removed) {
    fold_line(clean_text_owned(input))
}

fn fold_line((text, removed): (String, Removed)) -> (String, Removed) {
    let folded = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.chars().all(|c| c == ' ' || !c.is_whitespace());
    if folded {
        return (text, removed);
    }
    (
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        removed,
    )
}

/// Characters that are not controls, bidi controls or zero-width, yet show nothing or
/// a blank (default-ignorable, or fillers that look like a space): they can make two
/// different names look alike, or a name look empty (issue 16). Text keeps them (some
/// scripts use a few); ids, names, aliases and key names may not hold them.
pub fn is_blank_looking(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'                      // combining grapheme joiner
            | '\u{115F}' | '\u{1160}'    // Hangul choseong and jungseong fillers
            | '\u{17B4}' | '\u{17B5}'    // Khmer inherent vowels
            | '\u{2065}'                // default-ignorable, unassigned
            | '\u{2800}'                // braille pattern blank
            | '\u{3164}'                // Hangul filler
            | '\u{FFA0}'                // halfwidth Hangul filler
            | '\u{FFF0}'..='\u{FFFB}'    // interlinear annotation controls, unassigned
            | '\u{1BCA0}'..='\u{1BCA3}'  // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}'  // musical symbol format controls
            | '\u{E0000}'..='\u{E00FF}'  // tag characters and unassigned ignorables
            | '\u{E01F0}'..='\u{E0FFF}'
    )
}

/// The first character that may not appear in an id or a name, if any.
pub fn first_invisible(s: &str) -> Option<char> {
    if s.is_ascii() {
        return None;
    }
    s.chars().find(|&c| {
        is_bidi_control(c)
            || is_zero_width(c)
            || is_blank_looking(c)
            || matches!(c, '\u{200C}' | '\u{200D}')
    })
}

/// Whether `s` shows nothing: only whitespace and characters that show nothing
/// (`is_blank_looking`, zero-width). Such a text counts as empty.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || is_blank_looking(c)
            || is_zero_width(c)
            || matches!(c, '\u{200C}' | '\u{200D}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_keep_32_characters_and_real_text_is_untouched() {
        let zalgo = format!("a{}b", "\u{301}".repeat(100));
        let (text, dropped) = cap_clusters(zalgo);
        assert_eq!(dropped, 69);
        assert_eq!(text, format!("a{}b", "\u{301}".repeat(31)));
        for real in [
            "👩🏽‍👩🏽‍👧🏽‍👦🏽 family",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "한국어 텍스트와 조선말",
            "日本語の文章は空白なしで長く続くことがよくありますがそれでも問題ありません",
        ] {
            assert_eq!(cap_clusters(real.to_owned()), (real.to_owned(), 0));
        }
    }

    fn clean(s: &str) -> String {
        clean_text(s).0
    }

    #[test]
    fn removes_csi_whole() {
        assert_eq!(clean("a\u{1b}[2J\u{1b}[10;20Hb"), "ab");
        assert_eq!(clean("red \u{1b}[1;31mtext\u{1b}[0m"), "red text");
        assert_eq!(
            clean_text("x\u{1b}[31my").1,
            Removed {
                controls: 1,
                invisible: 0,
                marks: 0,
            }
        );
    }

    #[test]
    fn removes_osc_with_either_terminator() {
        assert_eq!(clean("a\u{1b}]0;evil title\u{7}b"), "ab");
        assert_eq!(clean("a\u{1b}]52;c;ZXZpbA==\u{1b}\\b"), "ab");
        assert_eq!(
            clean("\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\"),
            "link"
        );
        assert_eq!(clean("a\u{1b}]0;never ends"), "a");
    }

    #[test]
    fn removes_dcs_and_eight_bit_sequences() {
        assert_eq!(clean("a\u{1b}Pq#0;2;0;0;0\u{1b}\\b"), "ab");
        assert_eq!(clean("a\u{9b}2Jb"), "ab");
        assert_eq!(clean("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(clean("a\u{85}b\u{9c}c"), "abc");
    }

    #[test]
    fn removes_other_controls_and_del() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{8}d\u{7f}e\u{1b}cf"), "abcdef");
        assert_eq!(clean("a\u{1b}(Bb"), "ab");
    }

    #[test]
    fn expands_tabs_to_stops_by_display_width() {
        assert_eq!(clean("\tx"), "    x");
        assert_eq!(clean("ab\tx"), "ab  x");
        assert_eq!(clean("윤석\tx\n\ty"), "윤석    x\n    y");
    }

    #[test]
    fn normalises_line_endings() {
        assert_eq!(clean("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn drops_bidi_and_zero_width_from_text_but_keeps_joiners() {
        let (text, removed) = clean_text("a\u{202e}b\u{200b}c\u{2066}d\u{feff}");
        assert_eq!(text, "abcd");
        assert_eq!(
            removed,
            Removed {
                controls: 0,
                invisible: 4,
                marks: 0,
            }
        );
        assert_eq!(clean("👨\u{200d}👩\u{200d}👧"), "👨\u{200d}👩\u{200d}👧");
    }

    proptest::proptest! {
        /// The fast path agrees with cleaning character by character.
        #[test]
        fn clean_text_fast_path_changes_nothing_it_should_not(
            s in "([a-z 윤“”—·\n\t\r\u{1b}\u{9b}\u{85}\u{a0}\u{ad}\u{61c}\u{180e}\u{200b}-\u{200f}\u{2028}\u{202a}-\u{202e}\u{2060}-\u{206f}\u{feff}]|\\PC){0,24}"
        ) {
            let (out, removed) = clean_text(&s);
            if needs_cleaning(&s) {
                proptest::prop_assert!(out != s || removed.any() || s.contains('\r'));
            } else {
                proptest::prop_assert_eq!(&out, &s);
                proptest::prop_assert!(!s.chars().any(|c| c != '\n' && is_unsafe_char(c)));
            }
            let (line, _) = clean_line(&s);
            proptest::prop_assert_eq!(&line, &out.split_whitespace().collect::<Vec<_>>().join(" "));
            proptest::prop_assert_eq!(clean_text_owned(s.clone()), (out, removed));
            proptest::prop_assert_eq!(clean_line_owned(s.clone()).0, line);
        }
    }

    #[test]
    fn clean_line_folds_whitespace() {
        assert_eq!(clean_line("  Keir\n  Starmer\t ").0, "Keir Starmer");
    }

    #[test]
    fn finds_invisible_characters_for_ids_and_names() {
        assert_eq!(first_invisible("uk\u{200b}"), Some('\u{200b}'));
        assert_eq!(first_invisible("a\u{200d}b"), Some('\u{200d}'));
        assert_eq!(first_invisible("윤석열"), None);
    }
}
