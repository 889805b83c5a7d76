//! What search on a page reads first: the texts of every block (`Structure::texts`),
//! lower-cased into one buffer, made once per page and searched with `memmem`. Only
//! the blocks whose texts hold the query are then wrapped and looked at cell by cell,
//! so a rare query on a page of a month's reporting reads megabytes, not wraps them.

use super::Structure;
use crate::app::search::only_ascii_cased;
use crate::model::Briefing;
use memchr::memmem;

#[derive(Debug, Clone, Default)]
pub struct Haystack {
    /// Each block's texts, lower-cased character by character (as `search::find_in`
    /// does), each followed by a NUL.
    lower: String,
    /// Where each block's texts start in `lower`.
    starts: Vec<usize>,
    /// Blocks without texts (the claims): always looked at.
    always: Vec<usize>,
}

impl Haystack {
    pub fn new(s: &Structure, b: &Briefing) -> Self {
        let mut h = Self::default();
        for (i, &block) in s.blocks.iter().enumerate() {
            h.starts.push(h.lower.len());
            let Some(texts) = s.texts(b, block) else {
                h.always.push(i);
                continue;
            };
            for t in texts {
                let start = h.lower.len();
                if only_ascii_cased(&t) {
                    h.lower.push_str(&t);
                    h.lower[start..].make_ascii_lowercase();
                } else {
                    h.lower.extend(t.chars().flat_map(char::to_lowercase));
                }
                h.lower.push('\0');
            }
        }
        h
    }

    /// The blocks that may hold `needle` (lower-cased, not blank), in page order.
    pub fn candidates(&self, needle: &str) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for at in memmem::find_iter(self.lower.as_bytes(), needle.as_bytes()) {
            let block = self.starts.partition_point(|&s| s <= at) - 1;
            if out.last() != Some(&block) {
                out.push(block);
            }
        }
        out.extend(&self.always);
        out.sort_unstable();
        out.dedup();
        out
    }
}
