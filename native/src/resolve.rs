//! Which occurrences of English terms count: termcheck.matching.target's `_strict`, `_accepts`,
//! `outermost` and `_resolve`, on candidates in code-point offsets (as good as token indices for order
//! and overlap: tokens are disjoint and in order).

use rustc_hash::FxHashSet as HashSet;

use crate::source::leftmost_longest;

/// A glossary term as the rules see it. Refs are numbered by value: two equal TermRefs share an index.
pub struct TermRule {
    pub concept: u32,
    pub case_sensitive: bool,
    pub exact: bool,
    pub surfaces: Vec<String>, // the term's own tokens
}

/// (start, end, refs) in code points.
pub type Candidate = (usize, usize, Vec<u32>);

/// `_accepts`: whether the term's case and exactness rules accept the tokens' surfaces `found`.
pub fn accepts(rule: &TermRule, found: &[&str], mind_case: bool) -> bool {
    let case_sensitive = rule.case_sensitive && mind_case;
    if !(case_sensitive || rule.exact) {
        return true;
    }
    for (want, got) in rule.surfaces.iter().zip(found.iter()) {
        if rule.exact {
            let same = if case_sensitive {
                want == got
            } else {
                want.to_lowercase() == got.to_lowercase()
            };
            if !same {
                return false;
            }
        } else if case_sensitive && want.to_lowercase() != *want && !got.starts_with(want.as_str())
        {
            return false;
        }
    }
    true
}

/// `_strict`: the refs the rules accept; those failing on case alone are pushed to `miscased`.
pub fn strict(
    refs: &[u32],
    rules: &[TermRule],
    found: &[&str],
    span: (usize, usize),
    miscased: &mut Vec<Candidate>,
) -> Vec<u32> {
    let accepted: Vec<u32> = refs
        .iter()
        .copied()
        .filter(|r| accepts(&rules[*r as usize], found, true))
        .collect();
    if accepted.len() < refs.len() {
        let wrong_case: Vec<u32> = refs
            .iter()
            .copied()
            .filter(|r| {
                let rule = &rules[*r as usize];
                !accepted.contains(r) && rule.case_sensitive && accepts(rule, found, false)
            })
            .collect();
        if !wrong_case.is_empty() {
            miscased.push((span.0, span.1, wrong_case));
        }
    }
    accepted
}

/// `outermost`: the candidates not inside a longer one; equal spans merge their refs.
fn outermost(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<Candidate> = Vec::new();
    let mut reach: Option<usize> = None;
    for (start, end, refs) in candidates {
        if let Some(last) = kept.last_mut() {
            if last.0 == start && last.1 == end {
                for r in refs {
                    if !last.2.contains(&r) {
                        last.2.push(r);
                    }
                }
                continue;
            }
        }
        if reach.is_none_or(|reach| end > reach) {
            kept.push((start, end, refs));
            reach = Some(end);
        }
    }
    kept
}

fn longest(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let indexed: Vec<(usize, usize, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0, c.1, i))
        .collect();
    let chosen = leftmost_longest(indexed);
    let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    chosen
        .into_iter()
        .map(|(_, _, i)| slots[i].take().expect("chosen once"))
        .collect()
}

/// `_resolve`: the candidates that count, and the preferred concepts with a candidate anywhere.
pub fn resolve(
    candidates: Vec<Candidate>,
    prefer: &HashSet<u32>,
    rules: &[TermRule],
) -> (Vec<Candidate>, Vec<u32>) {
    if prefer.is_empty() {
        return (longest(candidates), Vec::new());
    }
    let mut preferred: Vec<Candidate> = Vec::new();
    for (start, end, refs) in &candidates {
        let kept: Vec<u32> = refs
            .iter()
            .copied()
            .filter(|r| prefer.contains(&rules[*r as usize].concept))
            .collect();
        if !kept.is_empty() {
            preferred.push((*start, *end, kept));
        }
    }
    if preferred.is_empty() {
        return (longest(candidates), Vec::new());
    }
    let mut anywhere: Vec<u32> = Vec::new();
    for (_, _, refs) in &preferred {
        for r in refs {
            let concept = rules[*r as usize].concept;
            if !anywhere.contains(&concept) {
                anywhere.push(concept);
            }
        }
    }
    let chosen = if preferred.len() > 1 {
        outermost(preferred)
    } else {
        preferred
    };
    // the chosen spans' union, as sorted disjoint intervals
    let mut starts: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for (start, end, _) in &chosen {
        match ends.last_mut() {
            Some(last) if *start < *last => *last = (*last).max(*end),
            _ => {
                starts.push(*start);
                ends.push(*end);
            }
        }
    }
    let clashes = |start: usize, end: usize| {
        let i = ends.partition_point(|e| *e <= start); // the first interval ending after `start`
        i < starts.len() && starts[i] < end
    };
    let free: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| !clashes(c.0, c.1))
        .collect();
    if free.is_empty() {
        return (chosen, anywhere);
    }
    let mut all = chosen;
    all.extend(longest(free));
    all.sort_by_key(|c| c.0); // stable, as Python's sorted
    (all, anywhere)
}
