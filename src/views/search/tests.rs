//! The index and the narrowing search give exactly what a naive search of each piece
//! gives: `str::to_lowercase`, then `match_indices`, piece by piece.

use super::case::{UNCASED, only_ascii_cased};
use super::*;
use crate::model::{QuoteIx, SectionIx};
use crate::views::lines::pieces;
use proptest::prelude::*;

fn naive(
    pieces: &[(usize, String, Option<QuoteIx>)],
    query: &str,
    keep: impl Fn(QuoteIx) -> bool,
) -> Vec<Match> {
    let needle = query.to_lowercase();
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut n = 0;
    for (i, (section, text, quote)) in pieces.iter().enumerate() {
        n = if i > 0 && pieces[i - 1].0 == *section {
            n + 1
        } else {
            0
        };
        if quote.is_some_and(|q| !keep(q)) {
            continue;
        }
        let lower = text.to_lowercase();
        out.extend(lower.match_indices(&needle).map(|(offset, _)| Match {
            section: *section,
            piece: n,
            offset,
        }));
    }
    out
}

fn index(pieces: &[(usize, String, Option<QuoteIx>)]) -> SearchIndex {
    SearchIndex::from_pieces(pieces.iter().map(|(s, t, q)| (*s, t.as_str(), *q)))
}

#[test]
fn finds_case_insensitively_and_maps_back() {
    assert_eq!(find_in("Rutte said RUTTE", "rutte"), [0..5, 11..16]);
    // 'İ' lower-cases to two characters; offsets still land on the displayed text.
    assert_eq!(find_in("İstanbul and istanbul", "STANBUL"), [2..9, 15..22]);
    assert_eq!(find_in("İstanbul", "İs"), vec![0..3]);
    assert_eq!(find_in("윤석열 대통령", "대통령"), vec![10..19]);
    assert!(find_in("abc", "").is_empty());
}

#[test]
fn the_index_holds_every_piece_of_the_bundled_briefing_lower_cased() {
    let b = crate::load::bundled().unwrap().briefing;
    let index = SearchIndex::new(&b);
    let mut at = 0;
    for s in 0..b.sections.len() {
        for (n, p) in pieces(&b, SectionIx::at(s)).iter().enumerate() {
            let piece = index.pieces[at];
            let end = index
                .pieces
                .get(at + 1)
                .map_or(index.lower.len(), |x| x.start);
            assert_eq!((piece.section, piece.piece, piece.quote), (s, n, p.quote));
            assert_eq!(
                index.lower[piece.start..end],
                format!("{}\0", p.text.to_lowercase())
            );
            at += 1;
        }
    }
    assert_eq!(at, index.pieces.len());
}

#[test]
fn uncased_blocks_lower_case_to_themselves() {
    for &(lo, hi) in &UNCASED {
        for c in lo..=hi {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
        }
    }
    assert!(only_ascii_cased("Kim 윤석열 “said” — 🇰🇷"));
    assert!(!only_ascii_cased("İstanbul") && !only_ascii_cased("ΣΑ") && !only_ascii_cased("Ωmega"));
}

#[test]
fn overlapping_occurrences_narrow_correctly() {
    // "aa" matches once in "aaab" (at 0, as match_indices finds it), yet "aab" is at 1:
    // narrowing must start from every occurrence, not only the matches.
    let pieces = vec![(0, "aaab".to_owned(), None)];
    let ix = index(&pieces);
    let mut s = Search::default();
    for (query, want) in [("aa", vec![0]), ("aab", vec![1]), ("aa", vec![0])] {
        s.query = query.to_owned();
        let got: Vec<usize> = s.find(&ix, |_| true).iter().map(|m| m.offset).collect();
        assert_eq!(got, want, "{query}");
    }
}

/// One edit of the query: type a character or delete the last one.
fn edit() -> impl Strategy<Value = Option<char>> {
    prop_oneof![
        3 => prop::sample::select(vec!['a', 'A', 'b', ' ', 'İ', 'i', 'Σ', 'ß', '윤', '\0']).prop_map(Some),
        1 => Just(None),
    ]
}

proptest! {
    #[test]
    fn occurs_in_agrees_with_find_in(text in "[aAkK \u{212a}İiΣ윤]{0,10}", query in "[aAkK\u{212a}İi ]{0,3}") {
        let needle = query.to_lowercase();
        prop_assert_eq!(occurs_in(&text, &query, &needle), !find_in(&text, &query).is_empty());
    }

    #[test]
    fn narrowing_search_equals_a_naive_search(
        raw in prop::collection::vec(("[aAbİiıΣσς ß윤]{0,16}", 0usize..3, prop::option::of(0u32..6)), 0..12),
        edits in prop::collection::vec(edit(), 1..12),
    ) {
        let mut pieces: Vec<(usize, String, Option<QuoteIx>)> = raw
            .into_iter()
            .map(|(t, s, q)| (s, t, q.map(QuoteIx)))
            .collect();
        pieces.sort_by_key(|p| p.0);
        let ix = index(&pieces);
        let mut search = Search::default();
        for e in edits {
            match e {
                Some(c) => search.query.push(c),
                None => { search.query.pop(); }
            }
            let odd = |q: QuoteIx| q.0 % 2 == 1;
            prop_assert_eq!(search.find(&ix, |_| true), naive(&pieces, &search.query, |_| true));
            // A filter change re-selects among the same occurrences.
            prop_assert_eq!(search.find(&ix, odd), naive(&pieces, &search.query, odd));
        }
    }

    /// A search done a few units at a time (as keys and `App::search_step` do it on a large
    /// briefing), however the steps fall, and however the query was typed meanwhile
    /// (a step or none between keys), finds what a naive search finds.
    #[test]
    fn a_search_in_steps_equals_a_naive_search(
        raw in prop::collection::vec(("[aAbİiıΣσς ß윤]{0,16}", 0usize..3, prop::option::of(0u32..6)), 0..12),
        edits in prop::collection::vec((edit(), any::<bool>()), 1..12),
        budget in 1usize..2000,
    ) {
        let mut pieces: Vec<(usize, String, Option<QuoteIx>)> = raw
            .into_iter()
            .map(|(t, s, q)| (s, t, q.map(QuoteIx)))
            .collect();
        pieces.sort_by_key(|p| p.0);
        let ix = index(&pieces);
        let mut search = Search::default();
        for (e, step) in edits {
            match e {
                Some(c) => search.query.push(c),
                None => { search.query.pop(); }
            }
            search.restart(&ix);
            if step {
                // One step now: the next key finds this query partly searched.
                search.step(&ix, |_| true, budget);
            }
            let odd = |q: QuoteIx| q.0 % 2 == 1;
            prop_assert_eq!(search.find_in_steps(&ix, odd, budget), naive(&pieces, &search.query, odd));
        }
    }
}

/// Search in a view reads one quote's words at a time from the index: each quote's
/// own words, lower-cased, without its attribution.
#[test]
fn the_index_gives_each_quotes_words() {
    let b = crate::load::bundled().unwrap().briefing;
    let index = SearchIndex::new(&b);
    for q in (0..b.quotes.len()).map(QuoteIx::at) {
        let mut want = String::new();
        push_lower(&mut want, &crate::views::lines::quote_words(&b, q));
        assert_eq!(index.quote_words(q), Some(want.as_str()), "{q:?}");
    }
    assert_eq!(index.quote_words(QuoteIx::at(b.quotes.len())), None);
    let text = SearchIndex::from_pieces([(0, "Title", None), (0, "Said", Some(QuoteIx::at(1)))]);
    assert_eq!(text.quote_words(QuoteIx::at(1)), Some("said"));
    assert_eq!(text.quote_words(QuoteIx::at(0)), None);
}
