//! English target matching: termcheck.matching.target.TargetMatcher's token keys and term trie.
//!
//! A text is folded (termcheck.text.normalize.english_table), split at spaces, and each chunk's keyed
//! tokens come from a cache; a chunk not seen before is keyed from the generated tables (tokens.rs)
//! where they decide it, and by Python otherwise (spaCy's tokenizer and lemminflect,
//! termcheck.text.lemmas.EnglishAnalyzer). Keys are interned as the glossary's vocabulary: a key no term
//! has can never match.
//! Every occurrence of every term is returned; which ones count is decided in Python.

use rustc_hash::FxHashMap as HashMap;

use crate::fold::Fold;

pub const NO_KEY: u32 = u32::MAX;
const NO_END: u32 = u32::MAX;

/// The keyed tokens of one run of non-space characters (see termcheck.text.lemmas._Chunk).
pub struct Chunk {
    pub keys: Vec<u32>,
    pub surfaces: Vec<String>,
    pub offsets: Vec<usize>,
    pub lengths: Vec<usize>,
    pub alternates: Vec<(usize, u32)>,
}

struct Node {
    children: HashMap<u32, u32>,
    end: u32,
}

pub struct TermTrie {
    vocabulary: HashMap<String, u32>,
    nodes: Vec<Node>,
    strict: Vec<bool>, // per end id: some term ending there has case or exactness rules
    end_nodes: usize,
}

/// One occurrence of a term's keys: first and last+1 token, end id.
pub type Occurrence = (usize, usize, u32);

impl TermTrie {
    pub fn new() -> TermTrie {
        TermTrie {
            vocabulary: HashMap::default(),
            nodes: vec![Node {
                children: HashMap::default(),
                end: NO_END,
            }],
            strict: Vec::new(),
            end_nodes: 0,
        }
    }

    pub fn is_strict(&self, end: u32) -> bool {
        self.strict[end as usize]
    }

    pub fn key_id(&self, key: &str) -> u32 {
        *self.vocabulary.get(key).unwrap_or(&NO_KEY)
    }

    /// The end id of the path of `keys` (the same for every term with those keys).
    pub fn insert(&mut self, keys: &[String], strict: bool) -> u32 {
        let mut node = 0usize;
        for key in keys {
            let next_id = self.vocabulary.len() as u32;
            let id = *self.vocabulary.entry(key.clone()).or_insert(next_id);
            let child = match self.nodes[node].children.get(&id) {
                Some(child) => *child as usize,
                None => {
                    self.nodes.push(Node {
                        children: HashMap::default(),
                        end: NO_END,
                    });
                    let child = self.nodes.len() - 1;
                    self.nodes[node].children.insert(id, child as u32);
                    child
                }
            };
            node = child;
        }
        if self.nodes[node].end == NO_END {
            self.nodes[node].end = self.end_nodes as u32;
            self.strict.push(false);
            self.end_nodes += 1;
        }
        let end = self.nodes[node].end;
        self.strict[end as usize] |= strict;
        end
    }

    fn child(&self, node: usize, key: u32) -> Option<usize> {
        if key == NO_KEY {
            return None;
        }
        self.nodes[node].children.get(&key).map(|c| *c as usize)
    }

    /// Every occurrence in the tokens, in termcheck.matching.target.TargetMatcher._candidates's order.
    pub fn occurrences(&self, tokens: &Tokens) -> Vec<Occurrence> {
        let count = tokens.keys.len();
        let mut found = Vec::new();
        let mut nodes: Vec<usize> = Vec::new();
        for i in 0..count {
            nodes.clear();
            if let Some(node) = self.child(0, tokens.keys[i]) {
                nodes.push(node);
            }
            if let Some(alternate) = tokens.alternate(i) {
                if let Some(node) = self.child(0, alternate) {
                    nodes.push(node);
                }
            }
            let mut j = i;
            while !nodes.is_empty() {
                for &node in &nodes {
                    let end = self.nodes[node].end;
                    if end != NO_END {
                        found.push((i, j + 1, end));
                    }
                }
                j += 1;
                if j >= count {
                    break;
                }
                let alternate = tokens.alternate(j);
                let mut next = Vec::new();
                for &node in &nodes {
                    if let Some(child) = self.child(node, tokens.keys[j]) {
                        next.push(child);
                    }
                    if let Some(alternate) = alternate {
                        if let Some(child) = self.child(node, alternate) {
                            next.push(child);
                        }
                    }
                }
                nodes = next;
            }
        }
        found
    }
}

/// A text's keyed tokens, borrowed from the chunk cache.
pub struct Tokens<'a> {
    pub keys: Vec<u32>,
    pub surfaces: Vec<&'a str>,
    pub starts: Vec<usize>,
    pub lengths: Vec<usize>,
    pub alternates: Vec<(usize, u32)>, // sorted by token index
}

impl<'a> Tokens<'a> {
    fn alternate(&self, index: usize) -> Option<u32> {
        if self.alternates.is_empty() {
            return None;
        }
        self.alternates
            .binary_search_by_key(&index, |a| a.0)
            .ok()
            .map(|at| self.alternates[at].1)
    }
}

/// The text folded and split at single spaces: each chunk and its start in code points.
pub fn chunks(fold: &Fold, text: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let mut current = String::new();
    let mut start = 0usize;
    for (position, ch) in text.chars().enumerate() {
        let ch = fold.char(ch);
        if ch == ' ' {
            if !current.is_empty() {
                found.push((std::mem::take(&mut current), start));
            }
            start = position + 1;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        found.push((current, start));
    }
    found
}

pub fn assemble<'a>(parts: &[(&'a Chunk, usize)]) -> Tokens<'a> {
    let mut tokens = Tokens {
        keys: Vec::new(),
        surfaces: Vec::new(),
        starts: Vec::new(),
        lengths: Vec::new(),
        alternates: Vec::new(),
    };
    for (chunk, position) in parts {
        let base = tokens.keys.len();
        for (index, alternate) in &chunk.alternates {
            tokens.alternates.push((base + index, *alternate));
        }
        tokens.keys.extend_from_slice(&chunk.keys);
        tokens
            .surfaces
            .extend(chunk.surfaces.iter().map(|s| s.as_str()));
        tokens
            .starts
            .extend(chunk.offsets.iter().map(|o| position + o));
        tokens.lengths.extend_from_slice(&chunk.lengths);
    }
    tokens
}
