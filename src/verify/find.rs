//! Finding a quote's words in a source: typography normalised, then an exact search
//! through an index of the source's words; and, for words that are not there, the
//! closest passage by a bounded vote.

use std::collections::HashMap;

/// Text with only its typography normalised: curly and straight quotes and apostrophes
/// alike, dash variants as `-`, soft hyphens dropped, every run of whitespace (line
/// breaks included) as one space, none at either end. `map[i]` is the byte offset in
/// the original text of the character that gave byte `i` (one more entry for the end).
#[derive(Debug, Clone, Default)]
pub struct Normalised {
    pub text: String,
    pub map: Vec<u32>,
}

impl Normalised {
    /// The original byte offset of normalised byte `i`.
    pub fn original(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }
}

/// The typographic variants that compare equal: what a character becomes.
pub fn fold(c: char) -> Option<char> {
    match c {
        '\u{00AD}' => None,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        c if c.is_whitespace() => Some(' '),
        c => Some(c),
    }
}

pub fn normalise(s: &str) -> Normalised {
    let mut text = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut space = false;
    for (at, c) in s.char_indices() {
        let Some(c) = fold(c) else { continue };
        if c == ' ' {
            space = !text.is_empty();
            continue;
        }
        let at = u32::try_from(at).expect("sources are bounded to 16 MiB");
        if space {
            text.push(' ');
            map.push(at);
            space = false;
        }
        text.push(c);
        map.extend(std::iter::repeat_n(at, c.len_utf8()));
    }
    // The end maps to the end of the last character kept.
    let end = map.last().map_or(0, |&last| {
        let last = last as usize;
        last + s[last..].chars().next().map_or(0, char::len_utf8)
    });
    map.push(u32::try_from(end).expect("sources are bounded to 16 MiB"));
    Normalised { text, map }
}

fn hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h: u64, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A source's normalised text and where each of its words is.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub norm: Normalised,
    /// Byte offset (in `norm.text`) where each word starts.
    starts: Vec<u32>,
    /// A word's hash → the numbers of the words with that hash, ascending.
    words: HashMap<u64, Vec<u32>>,
}

/// Votes counted at most, for one closest-passage search: a bound on the work a long
/// quote of common words costs in a large source.
const VOTE_BUDGET: usize = 200_000;
/// Longest quote, in words, whose differences are found word by word.
const DIFF_WORDS: usize = 400;

impl Index {
    pub fn new(text: &str) -> Self {
        let norm = normalise(text);
        let mut starts = Vec::new();
        let mut words: HashMap<u64, Vec<u32>> = HashMap::new();
        let mut at = 0;
        let bytes = norm.text.as_bytes();
        while at < bytes.len() {
            let end = memchr::memchr(b' ', &bytes[at..]).map_or(bytes.len(), |e| at + e);
            let n = u32::try_from(starts.len()).expect("bounded by the source's size");
            starts.push(u32::try_from(at).expect("sources are bounded to 16 MiB"));
            words.entry(hash(&norm.text[at..end])).or_default().push(n);
            at = end + 1;
        }
        Self {
            norm,
            starts,
            words,
        }
    }

    fn word(&self, n: usize) -> &str {
        let start = self.starts[n] as usize;
        let end = self
            .starts
            .get(n + 1)
            .map_or(self.norm.text.len(), |&e| e as usize - 1);
        &self.norm.text[start..end]
    }

    /// Where normalised `q` first occurs in the normalised source (a byte offset there).
    pub fn find(&self, q: &str) -> Option<usize> {
        if q.is_empty() {
            return None;
        }
        let text = self.norm.text.as_bytes();
        // A word with a space on each side in the quote is a whole word of the source
        // where the quote occurs: look only where the rarest such word is.
        let mut rarest: Option<(&[u32], usize)> = None;
        let mut offset = 0;
        let words: Vec<&str> = q.split(' ').collect();
        for (i, w) in words.iter().enumerate() {
            if i > 0 && i + 1 < words.len() {
                let list = self.words.get(&hash(w))?;
                if rarest.is_none_or(|(r, _)| list.len() < r.len()) {
                    rarest = Some((list, offset));
                }
            }
            offset += w.len() + 1;
        }
        let Some((list, offset)) = rarest else {
            return memchr::memmem::find(text, q.as_bytes());
        };
        list.iter()
            .map(|&n| self.starts[n as usize] as usize)
            .filter(|&s| s >= offset)
            .map(|s| s - offset)
            .find(|&start| text[start..].starts_with(q.as_bytes()))
    }

    /// The source's passage most like `q` (as many words as `q`, at the place where
    /// most of `q`'s words line up), as normalised byte offsets; `None` when no word of
    /// `q` is in the source. Bounded: common words stop counting past a budget.
    pub fn closest(&self, q: &str) -> Option<std::ops::Range<usize>> {
        let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        let mut lists: Vec<(usize, &Vec<u32>)> = words
            .iter()
            .enumerate()
            .filter_map(|(j, w)| self.words.get(&hash(w)).map(|l| (j, l)))
            .collect();
        lists.sort_by_key(|(_, l)| l.len());
        let mut votes: HashMap<i64, u32> = HashMap::new();
        let mut budget = VOTE_BUDGET;
        for (j, list) in lists {
            if list.len() > budget {
                break;
            }
            budget -= list.len();
            for &n in list {
                *votes
                    .entry(i64::from(n) - i64::try_from(j).unwrap_or(i64::MAX))
                    .or_default() += 1;
            }
        }
        let (&first, _) = votes
            .iter()
            .max_by_key(|&(&at, &count)| (count, std::cmp::Reverse(at)))?;
        let first = usize::try_from(first.max(0)).unwrap_or(0);
        let last = (first + words.len()).min(self.starts.len()) - 1;
        let start = self.starts[first] as usize;
        let end = self.starts[last] as usize + self.word(last).len();
        Some(start..end)
    }
}

/// One difference between a quote's words and a passage's: the quote's word and the
/// source's (either may be absent: a word added or left out).
pub type Change<'a> = (Option<&'a str>, Option<&'a str>);

/// A word without the punctuation around it: `"are,` and `are` are the same word.
fn core(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The word-by-word differences from `quote` to `passage` (a longest common
/// subsequence of words, punctuation around them aside; within each run of differing
/// words, the quote's and the source's are paired in order).
pub fn differences<'a>(quote: &'a str, passage: &'a str) -> Vec<Change<'a>> {
    let a: Vec<&str> = quote.split(' ').collect();
    let b: Vec<&str> = passage.split(' ').collect();
    let same = |x: &str, y: &str| core(x) == core(y);
    if a.len() > DIFF_WORDS || b.len() > DIFF_WORDS {
        return a
            .iter()
            .zip(&b)
            .filter(|(x, y)| !same(x, y))
            .map(|(x, y)| (Some(*x), Some(*y)))
            .collect();
    }
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if same(a[i], b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<Change<'a>> = Vec::new();
    let (mut gone, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<Change<'a>>, gone: &mut Vec<&'a str>, added: &mut Vec<&'a str>| {
        for k in 0..gone.len().max(added.len()) {
            out.push((gone.get(k).copied(), added.get(k).copied()));
        }
        gone.clear();
        added.clear();
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && same(a[i], b[j]) {
            flush(&mut out, &mut gone, &mut added);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j]);
            j += 1;
        } else {
            gone.push(a[i]);
            i += 1;
        }
    }
    flush(&mut out, &mut gone, &mut added);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_is_normalised() {
        let n = normalise("  “It’s\u{00AD}  a\n\tself–destructing —  war”  ");
        assert_eq!(n.text, "\"It's a self-destructing - war\"");
        assert_eq!(n.original(0), 2);
        assert_eq!(n.map.len(), n.text.len() + 1);
    }

    #[test]
    fn finds_whole_and_partial_words() {
        let ix = Index::new("one two three\nfour five two three six");
        for q in [
            "two three six",
            "ne two",
            "hree four fi",
            "x",
            "one two three four five",
        ] {
            assert_eq!(ix.find(q), ix.norm.text.find(q), "{q}");
        }
        assert_eq!(ix.find("two three seven"), None);
        assert_eq!(ix.find("two tree six"), None);
    }

    #[test]
    fn closest_passage_and_differences() {
        let ix = Index::new("we will see whether the North is indeed supporting the war");
        let q = "we will see whether a North is indeed backing the war";
        let r = ix.closest(q).unwrap();
        let passage = &ix.norm.text[r];
        assert_eq!(
            passage,
            "we will see whether the North is indeed supporting the war"
        );
        assert_eq!(
            differences(q, passage),
            [
                (Some("a"), Some("the")),
                (Some("backing"), Some("supporting"))
            ]
        );
        assert_eq!(differences("a b c", "a c"), [(Some("b"), None)]);
        assert_eq!(differences("a c", "a b c"), [(None, Some("b"))]);
        assert_eq!(ix.closest("nothing here"), None);
    }
}
