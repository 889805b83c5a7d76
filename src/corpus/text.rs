//! Words, matching, ranking and snippets: the one definition of what a search finds,
//! used by the index and the plain scan alike, so the two cannot disagree.
//!
//! A word is a run of alphanumeric characters, lowercased. A query matches a text when
//! every word of the query begins some word of the text (`minist` finds "Ministry").

use std::ops::Range;

/// The words of `text` with their byte ranges in it: runs of alphanumeric characters,
/// each lowercased on its own.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.peek().is_some_and(|(_, c)| !c.is_alphanumeric()) {
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start..end, text[start..end].to_lowercase()))
    })
}

/// The query's words, in order, without repeats.
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, w) in words(query) {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// What the full-text index holds for `text`: its words, separated by spaces. Every
/// character left is a word character or a space, so FTS5's `ascii` tokenizer (which
/// splits on ASCII punctuation and spaces only) finds exactly these words.
pub fn indexed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, w) in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// The FTS5 query for `terms`: each a quoted prefix, all required. Terms are word
/// characters only, so quoting cannot be broken out of.
pub fn fts_query(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| format!("\"{t}\"*"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// How well `text` answers `terms`, or `None` when it does not: every term must begin
/// a word. A term that is a whole word counts more than one that only begins one.
pub fn score(text: &str, terms: &[String]) -> Option<u32> {
    if terms.is_empty() {
        return None;
    }
    let mut found = vec![0u8; terms.len()];
    for (_, w) in words(text) {
        for (t, f) in terms.iter().zip(found.iter_mut()) {
            if w == *t {
                *f = 2;
            } else if *f == 0 && w.starts_with(t.as_str()) {
                *f = 1;
            }
        }
    }
    if found.contains(&0) {
        return None;
    }
    Some(found.iter().map(|&f| u32::from(f)).sum())
}

/// A snippet of about `SNIPPET_CHARS` characters around the first match, on one line,
/// with the byte ranges of every matched word in it.
pub const SNIPPET_CHARS: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of the matched words in `text`.
    #[serde(skip)]
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// The snippet with each match between `open` and `close`.
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        let mut at = 0;
        for m in &self.marks {
            out.push_str(&self.text[at..m.start]);
            out.push_str(open);
            out.push_str(&self.text[m.clone()]);
            out.push_str(close);
            at = m.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// The snippet of `text` for `terms`: whitespace runs made one space, a window of
/// about `SNIPPET_CHARS` characters around the first matched word, `…` where it is
/// cut. It is cut between words (at a space), so that no word shows in part; only a
/// run without spaces longer than the window is cut inside, at the match's start or
/// at a character boundary.
pub fn snippet(text: &str, terms: &[String]) -> Snippet {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let matched: Vec<Range<usize>> = words(&flat)
        .filter(|(_, w)| terms.iter().any(|t| w.starts_with(t.as_str())))
        .map(|(r, _)| r)
        .collect();
    let (first, first_end) = matched.first().map_or((0, 0), |r| (r.start, r.end));
    // Reach back a third of the window before the first match (a character
    // boundary), then on to the start of a word: after a space, else the match's.
    let before: Vec<usize> = flat[..first].char_indices().map(|(i, _)| i).collect();
    let reach = before
        .len()
        .checked_sub(SNIPPET_CHARS / 3)
        .map_or(0, |k| before[k]);
    let from = if reach == 0 || flat[..reach].ends_with(' ') {
        reach
    } else {
        flat[reach..first]
            .find(' ')
            .map_or(first, |i| reach + i + 1)
    };
    // The window's end, then back to the end of a word (before a space), unless that
    // would cut the first match.
    let limit = flat[from..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(flat.len(), |(i, _)| from + i);
    let to = if limit == flat.len() || flat[limit..].starts_with(' ') {
        limit
    } else {
        match flat[from..limit].rfind(' ') {
            Some(i) if from + i >= first_end => from + i,
            _ => limit,
        }
    };
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < flat.len() { "…" } else { "" };
    let shift = lead.len();
    let marks = matched
        .into_iter()
        .filter(|r| r.start >= from && r.end <= to)
        .map(|r| r.start - from + shift..r.end - from + shift)
        .collect();
    Snippet {
        text: format!("{lead}{}{tail}", &flat[from..to]),
        marks,
    }
}

/// Names compared across briefings: lowercased, blanks made one space.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_must_begin_a_word() {
        let t = terms("Minist KIM");
        assert_eq!(t, ["minist", "kim"]);
        assert!(score("Kim, the Ministry's man", &t).is_some());
        assert_eq!(score("the ministry", &t), None);
        assert_eq!(score("akim ministry", &t), None);
        assert!(score("kim min", &terms("kim")) > score("kimchi", &terms("kim")));
    }

    #[test]
    fn the_index_holds_the_same_words() {
        assert_eq!(indexed("Hello, 세계! ÉTÉ🔥x-y"), "hello 세계 été x y");
        assert_eq!(fts_query(&terms("a b")), "\"a\"* AND \"b\"*");
    }

    #[test]
    fn a_snippet_marks_its_matches() {
        let s = snippet("one  two\nthree", &terms("tw"));
        assert_eq!(s.marked("[", "]"), "one [two] three");
        let long = format!("{} needle {}", "a ".repeat(200), "b ".repeat(200));
        let s = snippet(&long, &terms("needle"));
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(s.marked("[", "]").matches("[needle]").count(), 1);
    }

    /// The snippet's words are whole words of the text: cut at spaces, `…` outside.
    fn whole_words(text: &str, s: &Snippet, needle: &str) {
        let inner = s.text.trim_start_matches('…').trim_end_matches('…');
        let all: Vec<&str> = text.split_whitespace().collect();
        for w in inner.split(' ') {
            assert!(all.contains(&w), "{w:?} cut in {:?}", s.text);
        }
        assert!(!s.marks.is_empty(), "{:?}", s.text);
        for m in &s.marks {
            assert!(
                s.text[m.clone()].to_lowercase().starts_with(needle),
                "{s:?}"
            );
        }
    }

    #[test]
    fn a_snippet_is_cut_between_words() {
        for pad in 0..12 {
            let text = format!(
                "{} {}North Korea has sent troops, needle in hand, {}",
                "x".repeat(pad),
                "alpha beta gamma delta ".repeat(8),
                "epsilon zeta ".repeat(20)
            );
            let s = snippet(&text, &terms("needle"));
            assert!(
                s.text.starts_with('…') && s.text.ends_with('…'),
                "{}",
                s.text
            );
            assert!(
                !s.text.starts_with("… ") && !s.text.ends_with(" …"),
                "{}",
                s.text
            );
            whole_words(&text, &s, "needle");
        }
        // Korean and emoji: cut at spaces, never inside a character.
        for pad in 0..4 {
            let text = format!(
                "{}{} 코리아 평화 {}",
                "🔥".repeat(pad),
                " 가나다 🔥🔥 라마".repeat(30),
                "바사 🎉 아자차 ".repeat(40)
            );
            let s = snippet(&text, &terms("코리"));
            assert!(
                s.text.starts_with('…') && s.text.ends_with('…'),
                "{}",
                s.text
            );
            whole_words(&text, &s, "코리");
            assert_eq!(s.marked("[", "]").matches("[코리아]").count(), 1);
        }
        // A run without spaces longer than the window: cut inside it, from the match,
        // at a character boundary.
        let text = format!("{}needle{}", "🔥".repeat(300), "🔥".repeat(300));
        let s = snippet(&text, &terms("needle"));
        assert!(s.text.starts_with("…needle🔥"), "{}", s.text);
        assert_eq!(s.text.chars().count(), SNIPPET_CHARS + 2, "{}", s.text);
        assert_eq!(s.marked("[", "]").matches("[needle]").count(), 1);
    }
}
