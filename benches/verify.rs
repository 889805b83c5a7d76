//! `brief verify`'s work at scale (issue 18): a 16 MiB source indexed, then 10,000
//! quotes of 4 to 30 words looked up in it, one in a hundred with a word changed (so
//! not found, and its closest passage searched for).

use brief::verify::SourceText;
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// A splitmix64 stream: the same text and quotes on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }
}

/// About 16 MiB of made-up words: a vocabulary of 5,000, line breaks every dozen
/// words, curly quotes here and there.
fn source(rng: &mut Rng) -> String {
    let syllables = [
        "ka", "lo", "mer", "ti", "san", "vu", "re", "dan", "el", "qu", "os", "ni",
    ];
    let vocab: Vec<String> = (0..5000)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| syllables[rng.below(syllables.len())])
                .collect()
        })
        .collect();
    let mut out = String::with_capacity(16 << 20);
    let mut n = 0;
    while out.len() < (16 << 20) - 64 {
        out.push_str(&vocab[rng.below(vocab.len())]);
        n += 1;
        out.push_str(match (n % 12, rng.below(40)) {
            (0, _) => "\n",
            (_, 0) => ", “",
            (_, 1) => "” ",
            _ => " ",
        });
    }
    out
}

fn quotes(text: &str, rng: &mut Rng) -> Vec<String> {
    let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
    (0..10_000)
        .map(|k| {
            let first = rng.below(starts.len() - 40);
            let words = 4 + rng.below(27);
            let q = &text[starts[first]..starts[first + words] - 1];
            if k % 100 == 0 {
                q.replacen(' ', " zzzq ", 1)
            } else {
                q.to_owned()
            }
        })
        .collect()
}

fn verify(c: &mut Criterion) {
    let mut rng = Rng(18);
    let text = source(&mut rng);
    let quotes = quotes(&text, &mut rng);
    let mut g = c.benchmark_group("verify");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("index_16MiB", |b| {
        b.iter(|| SourceText::new(black_box(text.clone())));
    });
    let source = SourceText::new(text.clone());
    g.bench_function("10k_quotes_16MiB", |b| {
        b.iter(|| {
            let mut found = 0;
            for q in &quotes {
                if source.find(q).is_some() {
                    found += 1;
                } else {
                    black_box(source.closest(q));
                }
            }
            assert_eq!(found, 9_900);
            found
        });
    });
    g.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
