//! termcheck's native core: the per-segment matching path, called from termcheck.matching.
//!
//! The Python implementation in termcheck/ is the reference; this module must give the same answers
//! (tests/test_native_equal.py holds the two equal). Tables (folding, keys) come from Python, so there
//! is one source of truth for termcheck's knowledge.

mod english;
mod english_numbers;
mod fold;
mod numbers;
mod resolve;
mod source;
mod tokens;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use english::{Chunk, TermTrie, NO_KEY};
use fold::Fold;
use resolve::{Candidate, TermRule};
use tokens::Key;

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

/// English term matching over a glossary's token keys (termcheck.matching.target).
#[pyclass(module = "termcheck_native")]
struct TermIndex {
    fold: Fold,
    trie: TermTrie,
    rules: Vec<TermRule>,    // per ref index
    end_refs: Vec<Vec<u32>>, // per end id: its refs, in glossary order
    chunks: HashMap<String, Chunk>,
    chunker: PyObject,
    cache_limit: usize,
    groups: HashMap<Vec<u32>, u32>,
    group_refs: Vec<Vec<u32>>,
    tables: bool,      // key chunks from the tables where they decide them
    keyed_here: u64,   // distinct chunks keyed from the tables
    keyed_python: u64, // and by the chunker
}

type PyChunk = (Vec<String>, Vec<String>, Vec<usize>, Vec<(usize, String)>);
/// (start, end, ref group) in code points.
type Hit = (usize, usize, u32);
/// What counts, the preferred concepts found anywhere, and the case-sensitive terms found in another case.
type TextMatch = (Vec<Hit>, Vec<u32>, Vec<Hit>);

#[pymethods]
impl TermIndex {
    /// `chunker(chunk)` keys a run of non-space characters: (keys, surfaces, offsets, alternates); with `tables`,
    /// only those the key tables do not decide (termcheck.core.native.english_tables says whether they apply).
    #[new]
    #[pyo3(signature = (fold, chunker, cache_limit, tables = true))]
    fn new(
        fold: HashMap<u32, String>,
        chunker: PyObject,
        cache_limit: usize,
        tables: bool,
    ) -> PyResult<Self> {
        let fold = Fold::new(&fold).map_err(PyValueError::new_err)?;
        Ok(TermIndex {
            fold,
            trie: TermTrie::new(),
            rules: Vec::new(),
            end_refs: Vec::new(),
            chunks: HashMap::default(),
            chunker,
            cache_limit,
            groups: HashMap::default(),
            group_refs: Vec::new(),
            tables,
            keyed_here: 0,
            keyed_python: 0,
        })
    }

    /// Add ref `reference` (numbered by value, from 0) of a term with these keys, its concept's number, rules
    /// and own token surfaces. Terms are added in glossary order.
    #[allow(clippy::too_many_arguments)]
    fn insert(
        &mut self,
        keys: Vec<String>,
        reference: u32,
        concept: u32,
        case_sensitive: bool,
        exact: bool,
        surfaces: Vec<String>,
    ) -> PyResult<()> {
        let index = reference as usize;
        if index > self.rules.len() {
            return Err(PyValueError::new_err("refs are numbered in order from 0"));
        }
        if index == self.rules.len() {
            self.rules.push(TermRule {
                concept,
                case_sensitive,
                exact,
                surfaces,
            });
        }
        self.chunks.clear(); // cached chunks hold key ids of the vocabulary as it was
        let end = self.trie.insert(&keys, case_sensitive || exact) as usize;
        if end == self.end_refs.len() {
            self.end_refs.push(Vec::new());
        }
        self.end_refs[end].push(reference);
        Ok(())
    }

    /// For each text and its preferred concepts (those of its source; None without one): the hits that count,
    /// as (start, end, ref group), the preferred concepts with an occurrence anywhere, and the miscased hits.
    fn match_many(
        &mut self,
        py: Python<'_>,
        texts: Vec<String>,
        prefer: Vec<Option<Vec<u32>>>,
    ) -> PyResult<Vec<TextMatch>> {
        if prefer.len() != texts.len() {
            return Err(PyValueError::new_err("one `prefer` per text"));
        }
        let mut found = Vec::with_capacity(texts.len());
        for (text, wanted) in texts.iter().zip(prefer) {
            let parts = english::chunks(&self.fold, text);
            let mut extra: HashMap<String, Chunk> = HashMap::default();
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
            let mut miscased: Vec<Candidate> = Vec::new();
            let mut candidates: Vec<Candidate> = Vec::new();
            for (first, last, end) in self.trie.occurrences(&tokens) {
                let span = (
                    tokens.starts[first],
                    tokens.starts[last - 1] + tokens.lengths[last - 1],
                );
                let all = &self.end_refs[end as usize];
                let refs = if self.trie.is_strict(end) {
                    resolve::strict(
                        all,
                        &self.rules,
                        &tokens.surfaces[first..last],
                        span,
                        &mut miscased,
                    )
                } else {
                    all.clone()
                };
                if !refs.is_empty() {
                    candidates.push((span.0, span.1, refs));
                }
            }
            let wanted: HashSet<u32> = wanted.unwrap_or_default().into_iter().collect();
            let (chosen, anywhere) = resolve::resolve(candidates, &wanted, &self.rules);
            let hits = chosen.into_iter().map(|c| self.grouped(c)).collect();
            let miscased = miscased.into_iter().map(|c| self.grouped(c)).collect();
            found.push((hits, anywhere, miscased));
        }
        Ok(found)
    }

    /// How many chunks were keyed from the tables and how many by the chunker (each time one was keyed).
    fn chunk_counts(&self) -> (u64, u64) {
        (self.keyed_here, self.keyed_python)
    }

    /// The refs of each group numbered `first` and after (groups are numbered as they first occur).
    fn groups_from(&self, first: usize) -> Vec<Vec<u32>> {
        self.group_refs
            .get(first..)
            .map(|groups| groups.to_vec())
            .unwrap_or_default()
    }
}

impl TermIndex {
    fn grouped(&mut self, (start, end, refs): Candidate) -> Hit {
        let next = self.group_refs.len() as u32;
        let group = *self.groups.entry(refs).or_insert_with_key(|refs| {
            self.group_refs.push(refs.clone());
            next
        });
        (start, end, group)
    }

    fn key_chunk(&mut self, py: Python<'_>, chunk: &str) -> PyResult<Chunk> {
        if let Some(keyed) = self.tables.then(|| tokens::key_chunk(chunk)).flatten() {
            let mut keys = Vec::with_capacity(keyed.keys.len());
            for key in &keyed.keys {
                keys.push(match key {
                    Key::Known(key) => self.trie.key_id(key),
                    Key::Guessed(word) => {
                        if tokens::guesses(word)
                            .iter()
                            .any(|k| self.trie.key_id(k) != NO_KEY)
                        {
                            break; // a term may have its key: lemminflect's model must choose
                        }
                        NO_KEY
                    }
                });
            }
            if keys.len() == keyed.keys.len() {
                self.keyed_here += 1;
                let lengths = keyed.surfaces.iter().map(|s| s.len()).collect(); // ASCII: bytes are characters
                return Ok(Chunk {
                    keys,
                    surfaces: keyed.surfaces,
                    offsets: keyed.offsets,
                    lengths,
                    alternates: keyed
                        .alternates
                        .iter()
                        .map(|(i, k)| (*i, self.trie.key_id(k)))
                        .collect(),
                });
            }
        }
        self.keyed_python += 1;
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

/// A chunk's keys, surfaces, offsets and alternates from the tables, as the chunker gives them; None where the
/// tables leave it to Python or to lemminflect's out-of-vocabulary rules (tests/test_native_key_tables.py).
#[pyfunction]
fn english_chunk(chunk: &str) -> Option<PyChunk> {
    let keyed = tokens::key_chunk(chunk)?;
    let keys = keyed
        .keys
        .into_iter()
        .map(|key| match key {
            Key::Known(key) => Some(key),
            Key::Guessed(_) => None,
        })
        .collect::<Option<Vec<String>>>()?;
    Some((keys, keyed.surfaces, keyed.offsets, keyed.alternates))
}

/// The (package, version) pairs the key tables were generated from.
#[pyfunction]
fn english_key_versions() -> Vec<(String, String)> {
    tokens::versions()
}

/// The keys lemminflect's out-of-vocabulary rules can give a lowercase word (for tests).
#[pyfunction]
fn english_guesses(word: &str) -> Vec<String> {
    tokens::guesses(word)
}

/// The Chinese number reader (termcheck.numbers.chinese.chinese_quantities) for the texts it covers.
#[pyclass(frozen, module = "termcheck_native")]
struct ChineseNumberReader {
    inner: numbers::ChineseNumberReader,
}

fn char_table(table: HashMap<String, u32>) -> PyResult<HashMap<char, u32>> {
    table
        .into_iter()
        .map(|(key, value)| {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(ch), None) => Ok((ch, value)),
                _ => Err(PyValueError::new_err(format!(
                    "{key:?} is not one character"
                ))),
            }
        })
        .collect()
}

fn take<T>(map: &mut HashMap<String, T>, name: &str) -> PyResult<T> {
    map.remove(name)
        .ok_or_else(|| PyValueError::new_err(format!("missing {name}")))
}

#[pymethods]
impl ChineseNumberReader {
    /// `patterns`: Python's regular expressions by name; `words`: word lists by name; `numerals`: the
    /// values of the Chinese digits, units, tens and magnitudes.
    #[new]
    fn new(
        fold: HashMap<u32, String>,
        mut patterns: HashMap<String, String>,
        mut words: HashMap<String, Vec<String>>,
        mut numerals: HashMap<String, HashMap<String, u32>>,
        longest_digits: usize,
    ) -> PyResult<Self> {
        let fold = Fold::new(&fold).map_err(PyValueError::new_err)?;
        let mut plain = |name: &str| -> PyResult<regex::Regex> {
            regex::Regex::new(&take(&mut patterns, name)?)
                .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
        };
        let any_numeral = plain("any_numeral")?;
        let code_hint = plain("code_hint")?;
        let space_grouped = plain("space_grouped")?;
        let digit_runs = plain("digit_runs")?;
        let years = plain("years")?;
        let month_list = plain("month_list")?;
        let month_item = plain("month_item")?;
        let month_year_hint = plain("month_year_hint")?;
        let tenths = plain("tenths")?;
        let growth = plain("growth")?;
        let grouping = plain("grouping")?;
        let mut fancy = |name: &str| -> PyResult<fancy_regex::Regex> {
            fancy_regex::Regex::new(&take(&mut patterns, name)?)
                .map_err(|e| PyValueError::new_err(format!("{name}: {e}")))
        };
        let patterns = numbers::Patterns {
            any_numeral,
            code_hint,
            codes: fancy("codes")?,
            code_start: regex::Regex::new(r"[A-Za-z+(]|\d").expect("a valid pattern"),
            space_grouped,
            digit_runs,
            years,
            quantity: fancy("quantity")?,
            not_numbers: fancy("not_numbers")?,
            month_list,
            month_item,
            month_year_hint,
            month_year: fancy("month_year")?,
            generation: fancy("generation")?,
            clock: fancy("clock")?,
            colon_time: fancy("colon_time")?,
            weekday: fancy("weekday")?,
            tenths,
            short_year: fancy("short_year")?,
            growth,
            grouping,
        };
        let mut set = |name: &str| -> PyResult<HashSet<String>> {
            Ok(take(&mut words, name)?.into_iter().collect())
        };
        let (count_measures, one_of, literal_units) = (
            set("count_measures")?,
            set("one_of")?,
            set("literal_units")?,
        );
        let (am, noon, pm) = (set("am")?, set("noon")?, set("pm")?);
        let words = numbers::Words {
            elsewhere: take(&mut words, "elsewhere")?,
            month_year: take(&mut words, "month_year")?,
            generation: take(&mut words, "generation")?,
            clock: take(&mut words, "clock")?,
            weekday: take(&mut words, "weekday")?,
            tenths: take(&mut words, "tenths")?,
            am,
            noon,
            pm,
            month_list: take(&mut words, "month_list")?,
            short_year: take(&mut words, "short_year")?,
            named: take(&mut words, "named")?,
            count_measures,
            one_of,
            literal_units,
        };
        let tables = numbers::Tables {
            digits: char_table(take(&mut numerals, "digits")?)?,
            units: char_table(take(&mut numerals, "units")?)?,
            tens: char_table(take(&mut numerals, "tens")?)?,
            magnitudes: char_table(take(&mut numerals, "magnitudes")?)?,
            weekdays: char_table(take(&mut numerals, "weekdays")?)?,
            longest_digits,
        };
        Ok(ChineseNumberReader {
            inner: numbers::ChineseNumberReader::new(fold, tables, words, patterns)
                .map_err(PyValueError::new_err)?,
        })
    }

    /// (value, start, end, kind, strong, mantissa, alternatives, figurative) for each quantity of `text`,
    /// kind 0 number, 1 month, 2 day, 3 order, 4 decade, 5 time,
    /// 6 weekday, 7 phone, 8 code; None where the Python reader must read the text.
    fn quantities(&self, py: Python<'_>, text: &str) -> PyResult<Option<Vec<numbers::Reading>>> {
        py.allow_threads(|| self.inner.quantities(text))
            .map_err(PyValueError::new_err)
    }
}

/// The English number reader (termcheck.numbers.english.english_quantities) for the texts it covers.
#[pyclass(frozen, module = "termcheck_native")]
struct EnglishNumberReader {
    inner: english_numbers::EnglishNumberReader,
}

#[pymethods]
impl EnglishNumberReader {
    /// `patterns`: Python's regular expressions by name; `numbers` and `floats`: its word tables by
    /// name; `words`: the word groups a text's words are looked up in; `safe`: ranges of the non-ASCII
    /// characters whose classes (\w, \s, \d, case) both engines agree on.
    #[new]
    fn new(
        patterns: HashMap<String, String>,
        numbers: HashMap<String, HashMap<String, u64>>,
        floats: HashMap<String, HashMap<String, f64>>,
        words: HashMap<String, Vec<String>>,
        safe: Vec<(char, char)>,
        longest_digits: usize,
    ) -> PyResult<Self> {
        let inner = english_numbers::EnglishNumberReader::new(
            patterns,
            numbers,
            floats,
            words,
            safe,
            longest_digits,
        )
        .map_err(PyValueError::new_err)?;
        Ok(EnglishNumberReader { inner })
    }

    /// (value, start, end, kind, strong, mantissa, alternatives, figurative) for each quantity of `text`,
    /// kinds as ChineseNumberReader's, and 9 fraction, 10 quarter; None where the Python reader must read
    /// the text.
    fn quantities(&self, py: Python<'_>, text: &str) -> Option<Vec<numbers::Reading>> {
        py.allow_threads(|| self.inner.quantities(text))
    }
}

#[pymodule]
fn termcheck_native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<SourceAutomaton>()?;
    m.add_class::<TermIndex>()?;
    m.add_class::<ChineseNumberReader>()?;
    m.add_class::<EnglishNumberReader>()?;
    m.add_function(wrap_pyfunction!(english_chunk, m)?)?;
    m.add_function(wrap_pyfunction!(english_guesses, m)?)?;
    m.add_function(wrap_pyfunction!(english_key_versions, m)?)?;
    Ok(())
}
