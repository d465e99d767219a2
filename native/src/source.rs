//! Chinese source matching: termcheck.matching.source.SourceMatcher.find, for many texts at once.
//!
//! Every key in one Aho–Corasick pass (overlapping) over the folded text without invisible characters;
//! a key that begins or ends with an ASCII letter or digit must not touch another one there; then
//! leftmost-longest. Offsets are code-point offsets into the original text, as Python's.

use rustc_hash::FxHashSet as HashSet;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::fold::Fold;

pub struct SourceAutomaton {
    automaton: Option<AhoCorasick>,
    fold: Fold,
    invisible: HashSet<char>,
}

/// (start, end, key index) in code points of the original text.
pub type SourceHit = (usize, usize, usize);

impl SourceAutomaton {
    pub fn new(keys: &[String], fold: Fold, invisible: &str) -> Result<SourceAutomaton, String> {
        let automaton = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(keys)
                    .map_err(|error| error.to_string())?,
            )
        };
        Ok(SourceAutomaton {
            automaton,
            fold,
            invisible: invisible.chars().collect(),
        })
    }

    pub fn find(&self, text: &str) -> Vec<SourceHit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        if text.is_empty() {
            return Vec::new();
        }
        // the folded text less invisible characters; for each of its characters, its index in `text`
        let mut folded = String::with_capacity(text.len());
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        let mut kept: Vec<usize> = Vec::with_capacity(text.len());
        let mut removed = false;
        for (index, ch) in text.chars().enumerate() {
            let ch = self.fold.char(ch);
            if self.invisible.contains(&ch) {
                removed = true;
                continue;
            }
            folded.push(ch);
            chars.push(ch);
            kept.push(index);
        }
        // byte offset in `folded` → code-point offset (only char boundaries are ever looked up)
        let mut char_at = vec![0usize; folded.len() + 1];
        for (count, (byte, _)) in folded.char_indices().enumerate() {
            char_at[byte] = count;
        }
        char_at[folded.len()] = chars.len();
        let mut candidates: Vec<SourceHit> = Vec::new();
        for found in automaton.find_overlapping_iter(&folded) {
            let (start, end) = (char_at[found.start()], char_at[found.end()]);
            if start == end {
                continue;
            }
            if is_ascii_alnum(chars[start]) && start > 0 && is_ascii_alnum(chars[start - 1]) {
                continue;
            }
            if is_ascii_alnum(chars[end - 1]) && end < chars.len() && is_ascii_alnum(chars[end]) {
                continue;
            }
            candidates.push((start, end, found.pattern().as_usize()));
        }
        let mut chosen = leftmost_longest(candidates);
        if removed {
            for hit in chosen.iter_mut() {
                *hit = (kept[hit.0], kept[hit.1 - 1] + 1, hit.2);
            }
        }
        chosen
    }
}

fn is_ascii_alnum(ch: char) -> bool {
    ch.is_ascii_alphanumeric()
}

/// termcheck.matching.hits.leftmost_longest: a stable sort by (start, longest first), then non-overlapping.
pub fn leftmost_longest<T: Copy>(mut candidates: Vec<(usize, usize, T)>) -> Vec<(usize, usize, T)> {
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut chosen = Vec::new();
    let mut last_end: usize = 0;
    let mut any = false;
    for candidate in candidates {
        if !any || candidate.0 >= last_end {
            last_end = candidate.1;
            any = true;
            chosen.push(candidate);
        }
    }
    chosen
}
