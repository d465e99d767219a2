//! termcheck's native core: the per-segment matching path, called from termcheck.matching.
//!
//! The Python implementation in termcheck/ is the reference; this module must give the same answers
//! (tests/test_native_equal.py holds the two equal). Tables (folding, keys) come from Python, so there
//! is one source of truth for termcheck's knowledge.

mod english;
mod fold;
mod source;

use std::collections::HashMap;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use english::{Chunk, Occurrence, TermTrie};
use fold::Fold;

/// Chinese source matching over a glossary's folded keys (termcheck.matching.source).
#[pyclass(frozen, module = "termcheck_native")]
struct SourceAutomaton {
    inner: source::SourceAutomaton,
}

#[pymethods]
impl SourceAutomaton {
    #[new]
    fn new(keys: Vec<String>, fold: HashMap<u32, String>, invisible: &str) -> PyResult<Self> {
        let fold = Fold::new(&fold).map_err(PyValueError::new_err)?;
        let inner =
            source::SourceAutomaton::new(&keys, fold, invisible).map_err(PyValueError::new_err)?;
        Ok(SourceAutomaton { inner })
    }

    /// For each text (None is no text): its hits, (start, end, key index), leftmost-longest.
    fn find_many(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
    ) -> Vec<Vec<(usize, usize, usize)>> {
        py.allow_threads(|| {
            texts
                .iter()
                .map(|text| {
                    text.as_deref()
                        .map(|t| self.inner.find(t))
                        .unwrap_or_default()
                })
                .collect()
        })
    }
}

/// English term occurrences over a glossary's token keys (termcheck.matching.target).
#[pyclass(module = "termcheck_native")]
struct TermIndex {
    fold: Fold,
    trie: TermTrie,
    chunks: HashMap<String, Chunk>,
    chunker: PyObject,
    cache_limit: usize,
}

type PyChunk = (Vec<String>, Vec<String>, Vec<usize>, Vec<(usize, String)>);

#[pymethods]
impl TermIndex {
    /// `chunker(chunk)` keys a run of non-space characters: (keys, surfaces, offsets, alternates).
    #[new]
    fn new(fold: HashMap<u32, String>, chunker: PyObject, cache_limit: usize) -> PyResult<Self> {
        let fold = Fold::new(&fold).map_err(PyValueError::new_err)?;
        Ok(TermIndex {
            fold,
            trie: TermTrie::new(),
            chunks: HashMap::new(),
            chunker,
            cache_limit,
        })
    }

    /// Add a term by its keys; returns the end id that its path shares with every term of the same keys.
    fn insert(&mut self, keys: Vec<String>, strict: bool) -> u32 {
        self.chunks.clear(); // cached chunks hold key ids of the vocabulary as it was
        self.trie.insert(&keys, strict)
    }

    /// For each text: every occurrence of every term, (first token, last token + 1, end id, start, end,
    /// the tokens' surfaces where the end has case or exactness rules).
    fn occurrences_many(
        &mut self,
        py: Python<'_>,
        texts: Vec<String>,
    ) -> PyResult<Vec<Vec<Occurrence>>> {
        let mut found = Vec::with_capacity(texts.len());
        for text in &texts {
            let parts = english::chunks(&self.fold, text);
            let mut extra: HashMap<String, Chunk> = HashMap::new();
            for (chunk, _) in &parts {
                if !self.chunks.contains_key(chunk) && !extra.contains_key(chunk) {
                    let keyed = self.key_chunk(py, chunk)?;
                    if self.chunks.len() < self.cache_limit {
                        self.chunks.insert(chunk.clone(), keyed);
                    } else {
                        extra.insert(chunk.clone(), keyed);
                    }
                }
            }
            let keyed: Vec<(&Chunk, usize)> = parts
                .iter()
                .map(|(chunk, start)| {
                    (
                        self.chunks
                            .get(chunk)
                            .or_else(|| extra.get(chunk))
                            .expect("keyed above"),
                        *start,
                    )
                })
                .collect();
            let tokens = english::assemble(&keyed);
            found.push(self.trie.occurrences(&tokens));
        }
        Ok(found)
    }
}

impl TermIndex {
    fn key_chunk(&self, py: Python<'_>, chunk: &str) -> PyResult<Chunk> {
        let (keys, surfaces, offsets, alternates): PyChunk =
            self.chunker.call1(py, (chunk,))?.extract(py)?;
        let lengths = surfaces.iter().map(|s| s.chars().count()).collect();
        Ok(Chunk {
            keys: keys.iter().map(|k| self.trie.key_id(k)).collect(),
            surfaces,
            offsets,
            lengths,
            alternates: alternates
                .iter()
                .map(|(i, k)| (*i, self.trie.key_id(k)))
                .collect(),
        })
    }
}

#[pymodule]
fn termcheck_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<SourceAutomaton>()?;
    m.add_class::<TermIndex>()?;
    Ok(())
}
