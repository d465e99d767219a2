//! English chunks the core keys itself, from tables generated out of spaCy's tokenizer rules and
//! lemminflect's data (scripts/gen_english_keys.py, data/english_keys.txt, compiled in).
//!
//! `key_chunk` gives what termcheck.text.lemmas.EnglishAnalyzer.chunk_record gives, or None where the
//! tables do not decide the chunk and Python must key it: a chunk with a character outside ASCII
//! letters, digits and the table's punctuation; with ".."; with a digit before a letter or a sign
//! (spaCy's unit, currency and arithmetic rules; "%" excepted) or "+" before a digit; one that is or
//! reaches a tokenizer exception; one that keeps a full stop before its end, other than between two
//! digits, once affixes are split off (spaCy's URL rule could take it); and a word that would key by
//! lemminflect's out-of-vocabulary rules (an unknown plural-looking word). For the rest it runs spaCy's
//! affix loop (Tokenizer._split_affixes and _attach_tokens) with the rules read as the table states
//! them; the
//! generator checks that reading against spaCy, tests/test_native_key_tables.py the whole result.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

const TABLE: &str = include_str!("data/english_keys.txt");

/// A token's key: known from the tables, or a word lemminflect's out-of-vocabulary rules key (one of `guesses`).
pub enum Key {
    Known(String),
    Guessed(String),
}

/// A chunk's keys, surfaces, offsets and (token, alternate key) pairs, as EnglishAnalyzer.chunk_record.
pub struct Keyed {
    pub keys: Vec<Key>,
    pub surfaces: Vec<String>,
    pub offsets: Vec<usize>,
    pub alternates: Vec<(usize, String)>,
}

type CharSet = [bool; 128];

struct Tables {
    keys: HashMap<&'static str, &'static str>,
    same: HashSet<&'static str>,
    specials: HashSet<&'static str>,
    retokenize: HashMap<&'static str, Vec<Vec<&'static str>>>, // first token -> token runs
    oov_rules: Vec<(&'static str, &'static str, bool)>, // ending taken off, ending put on, undouble
    alphabet: CharSet,
    after_digit: CharSet,
    prefix: CharSet,
    suffix: CharSet,
    suffix_after_digit: CharSet,
    dot_after: CharSet,
    dot_after_two: CharSet,
    infix: CharSet,
}

fn char_set(chars: &str) -> CharSet {
    let mut set = [false; 128];
    for byte in chars.bytes().filter(|b| b.is_ascii()) {
        set[byte as usize] = true;
    }
    set
}

impl Tables {
    fn parse(text: &'static str) -> Tables {
        let mut tables = Tables {
            keys: HashMap::default(),
            same: HashSet::default(),
            specials: HashSet::default(),
            retokenize: HashMap::default(),
            oov_rules: Vec::new(),
            alphabet: [false; 128],
            after_digit: [false; 128],
            prefix: [false; 128],
            suffix: [false; 128],
            suffix_after_digit: [false; 128],
            dot_after: [false; 128],
            dot_after_two: [false; 128],
            infix: [false; 128],
        };
        for line in text.lines() {
            let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
            match kind {
                "key" => {
                    if let Some((form, key)) = rest.split_once('\t') {
                        tables.keys.insert(form, key);
                    }
                }
                "same" => {
                    tables.same.insert(rest);
                }
                "special" => {
                    tables.specials.insert(rest);
                }
                "retokenize" => {
                    let tokens: Vec<&str> = rest.split(' ').skip(1).collect();
                    if let Some(first) = tokens.first() {
                        tables
                            .retokenize
                            .entry(*first)
                            .or_default()
                            .push(tokens.clone());
                    }
                }
                "oov" => {
                    let mut parts = rest.split(',');
                    if let (Some(taken), Some(put), Some(undouble)) =
                        (parts.next(), parts.next(), parts.next())
                    {
                        tables.oov_rules.push((taken, put, undouble == "True"));
                    }
                }
                "chars" => {
                    let (name, chars) = rest.split_once(' ').unwrap_or((rest, ""));
                    let set = char_set(chars);
                    match name {
                        "alphabet" => {
                            tables.alphabet = set;
                            for letter in (b'a'..=b'z').chain(b'A'..=b'Z') {
                                tables.alphabet[letter as usize] = true;
                            }
                        }
                        "after_digit" => tables.after_digit = set,
                        "prefix" => tables.prefix = set,
                        "suffix" => tables.suffix = set,
                        "suffix_after_digit" => tables.suffix_after_digit = set,
                        "dot_after" => tables.dot_after = set,
                        "dot_after_two" => tables.dot_after_two = set,
                        "infix" => tables.infix = set,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        tables
    }

    /// spaCy's find_prefix on a string of the alphabet without "..".
    fn prefix_len(&self, text: &[u8]) -> usize {
        usize::from(!text.is_empty() && self.prefix[text[0] as usize])
    }

    /// spaCy's find_suffix on a string of the alphabet without "..": the rules' lookbehinds see two characters.
    fn suffix_len(&self, text: &[u8]) -> usize {
        let n = text.len();
        if n >= 2 && text[n - 2] == b'\'' && matches!(text[n - 1], b's' | b'S') {
            return 2;
        }
        match text.last() {
            None => 0,
            Some(b'.') => {
                let after_one = n >= 2 && self.dot_after[text[n - 2] as usize];
                let after_two = n >= 3
                    && self.dot_after_two[text[n - 3] as usize]
                    && self.dot_after_two[text[n - 2] as usize];
                usize::from(after_one || after_two)
            }
            Some(&last) if self.suffix_after_digit[last as usize] => {
                usize::from(n >= 2 && text[n - 2].is_ascii_digit())
            }
            Some(&last) => usize::from(self.suffix[last as usize]),
        }
    }

    /// spaCy's infix split of a string without a full stop: a run of non-letters between two letters splits
    /// off if it is one infix character or two or three hyphens (the infix rules look one character each way).
    fn infixes(&self, text: &[u8], base: usize, spans: &mut Vec<(usize, usize)>) {
        let n = text.len();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            if text[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && !text[j].is_ascii_alphabetic() {
                j += 1;
            }
            let run = &text[i..j];
            let splits = i > 0
                && j < n
                && ((run.len() == 1 && self.infix[run[0] as usize])
                    || run == b"--"
                    || run == b"---");
            if splits {
                spans.push((base + start, base + i));
                spans.push((base + i, base + j));
                start = j;
            }
            i = j;
        }
        if start < n {
            spans.push((base + start, base + n));
        }
    }

    /// spaCy's tokens of a chunk as byte spans, or None where an exception or its URL rule may apply.
    fn tokenize(&self, chunk: &str) -> Option<Vec<(usize, usize)>> {
        let bytes = chunk.as_bytes();
        if bytes.is_empty()
            || !bytes
                .iter()
                .all(|&b| b.is_ascii() && self.alphabet[b as usize])
            || chunk.contains("..")
            || bytes.windows(2).any(|pair| {
                (pair[0].is_ascii_digit() && self.after_digit[pair[1] as usize])
                    || (pair[0] == b'+' && pair[1].is_ascii_digit())
            })
            || self.specials.contains(chunk)
        {
            return None;
        }
        let (mut lo, mut hi) = (0usize, bytes.len());
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        let mut last_size = 0usize;
        while hi > lo && hi - lo != last_size {
            if self.specials.contains(&chunk[lo..hi]) {
                return None;
            }
            last_size = hi - lo;
            let pre = self.prefix_len(&bytes[lo..hi]);
            if pre != 0 && lo + pre < hi && self.specials.contains(&chunk[lo + pre..hi]) {
                return None;
            }
            let suf = self.suffix_len(&bytes[lo + pre..hi]);
            if suf != 0 && lo < hi - suf && self.specials.contains(&chunk[lo..hi - suf]) {
                return None;
            }
            if pre != 0 && suf != 0 && pre + suf <= hi - lo {
                prefixes.push((lo, lo + pre));
                suffixes.push((hi - suf, hi));
                lo += pre;
                hi -= suf;
            } else if pre != 0 {
                prefixes.push((lo, lo + pre));
                lo += pre;
            } else if suf != 0 {
                suffixes.push((hi - suf, hi));
                hi -= suf;
            }
        }
        let mut spans = prefixes;
        if hi > lo {
            let rest = &chunk[lo..hi];
            if self.specials.contains(rest) || !plain_stops(rest.as_bytes()) {
                return None;
            }
            self.infixes(&bytes[lo..hi], lo, &mut spans);
        }
        spans.extend(suffixes.into_iter().rev());
        // spaCy's second pass: an exception found as a run of tokens is split its own way
        for (at, &(start, end)) in spans.iter().enumerate() {
            if let Some(runs) = self.retokenize.get(&chunk[start..end]) {
                for run in runs {
                    let found = spans.len() - at >= run.len()
                        && run
                            .iter()
                            .zip(&spans[at..])
                            .all(|(want, &(s, e))| &chunk[s..e] == *want);
                    if found {
                        return None;
                    }
                }
            }
        }
        Some(spans)
    }

    /// termcheck.text.lemmas.lemma for a lowercase ASCII word; Guessed where lemminflect's rules would key it.
    fn lemma(&self, word: &str, guess: bool) -> Key {
        if let Some(key) = self.keys.get(word) {
            return Key::Known(key.to_string());
        }
        let guessed = guess
            && word.len() > 3
            && word.ends_with('s')
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !self.same.contains(word);
        if guessed {
            Key::Guessed(word.to_string())
        } else {
            Key::Known(word.to_string())
        }
    }
}

/// Every key lemminflect's out-of-vocabulary rules can give a lowercase word (LemmatizerRules._applyRule with
/// each of its rules): its model picks one, so a guessed word none of whose keys a term has matches nothing.
pub fn guesses(word: &str) -> Vec<String> {
    tables()
        .oov_rules
        .iter()
        .map(|&(taken, put, undouble)| {
            let kept = word.len().saturating_sub(taken.len());
            let mut key = format!(
                "{}{}",
                if taken.is_empty() {
                    word
                } else {
                    &word[..kept]
                },
                put
            );
            if undouble {
                key.pop();
            }
            key
        })
        .collect()
}

/// The (package, version) pairs the table was generated from: its first lines, read without parsing the rest.
pub fn versions() -> Vec<(String, String)> {
    TABLE
        .lines()
        .map_while(|line| line.strip_prefix("version "))
        .filter_map(|rest| rest.split_once(' '))
        .map(|(package, version)| (package.to_string(), version.to_string()))
        .collect()
}

/// Whether no rule of spaCy's looks at the full stops of a string left once affixes are split off: each one is
/// its last character or stands between two digits, at most two of them. spaCy's URL rule needs a full stop
/// before two small letters (a domain) or three full stops (an IPv4 address), and its full stop infix a small
/// letter or quote before and a capital after.
fn plain_stops(rest: &[u8]) -> bool {
    let n = rest.len();
    let mut inner = 0;
    for i in 0..n.saturating_sub(1) {
        if rest[i] == b'.' {
            if i == 0 || !rest[i - 1].is_ascii_digit() || !rest[i + 1].is_ascii_digit() {
                return false;
            }
            inner += 1;
        }
    }
    inner <= 2
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables::parse(TABLE))
}

/// Python's str.isupper on ASCII: a capital and no small letter.
fn all_capitals(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_uppercase()) && !text.bytes().any(|b| b.is_ascii_lowercase())
}

/// EnglishAnalyzer.chunk_record of a chunk, or None where Python must key it.
pub fn key_chunk(chunk: &str) -> Option<Keyed> {
    let tables = tables();
    let spans = tables.tokenize(chunk)?;
    let mut keyed = Keyed {
        keys: Vec::with_capacity(spans.len()),
        surfaces: Vec::with_capacity(spans.len()),
        offsets: Vec::with_capacity(spans.len()),
        alternates: Vec::new(),
    };
    for (start, end) in spans {
        let surface = &chunk[start..end];
        let lower = surface.to_ascii_lowercase();
        if matches!(lower.as_str(), "'s" | "'" | "s'") {
            continue; // possessives carry no key
        }
        let n = surface.len();
        let pieces: &[(usize, usize)] =
            if n > 2 && surface.ends_with('.') && !surface[..n - 1].contains('.') {
                &[(start, end - 1), (end - 1, end)] // a full stop spaCy kept on a mixed-case word
            } else {
                &[(start, end)]
            };
        for &(s, e) in pieces {
            let surface = &chunk[s..e];
            let lower = surface.to_ascii_lowercase();
            let n = surface.len();
            let key = if n > 1 && all_capitals(surface) {
                if let Key::Known(base) = tables.lemma(&lower, false) {
                    if base != lower {
                        keyed.alternates.push((keyed.keys.len(), base));
                    }
                }
                Key::Known(lower.clone())
            } else if surface.ends_with('s')
                && surface[..n - 1]
                    .bytes()
                    .filter(|b| b.is_ascii_uppercase())
                    .count()
                    >= 2
            {
                Key::Known(lower[..n - 1].to_string())
            } else {
                tables.lemma(&lower, true)
            };
            keyed.keys.push(key);
            keyed.surfaces.push(surface.to_string());
            keyed.offsets.push(s);
        }
    }
    Some(keyed)
}
