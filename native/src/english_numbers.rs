//! The English number reader: termcheck.numbers.english.english_quantities, for the texts it covers.
//!
//! The patterns, word tables and constants come from Python (one source of truth) and run in Python's
//! reader order, with the same passes after (a shared scale, readings in context, conversions). A text
//! with a character whose class Python's `re` and Rust's regex crates may see differently (outside
//! `safe`), or a reader cue the core does not have, is left to Python: `quantities` answers None.
//! Offsets are code points, as Python's.

use std::ops::Index;

use fancy_regex::Regex as Fancy;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

use crate::numbers::{
    below, clock_minutes, free, is_phone_digits, measurable, take, Reading, CODE, DECADE, FRACTION,
    LARGEST_INT, MONTH, NUMBER, ORDER, PHONE, QUARTER, TIME, WEEKDAY,
};

/// The word groups a text's vocabulary is checked against (bits of `EnglishNumberReader::groups`).
pub const GROUP_NAMES: [&str; 17] = [
    "currency_codes",
    "roman_words",
    "quarter_cues",
    "quarter_words",
    "half",
    "fraction_words",
    "multiplied_words",
    "orders",
    "per_mille",
    "anniversaries",
    "counted",
    "clock_words",
    "number_words",
    "count_words",
    "month_words",
    "weekday_words",
    "elsewhere",
];
const CURRENCY: u32 = 1;
const ROMAN: u32 = 1 << 1;
const QUARTER_CUE: u32 = 1 << 2;
const QUARTER_WORD: u32 = 1 << 3;
const HALF: u32 = 1 << 4;
const FRACTION_WORD: u32 = 1 << 5;
const MULTIPLIED: u32 = 1 << 6;
const ORDERS: u32 = 1 << 7;
const PER_MILLE: u32 = 1 << 8;
const ANNIVERSARY: u32 = 1 << 9;
const COUNTED: u32 = 1 << 10;
const CLOCK: u32 = 1 << 11;
const NUMBER_WORD: u32 = 1 << 12;
const COUNT_WORD: u32 = 1 << 13;
const MONTH_WORD: u32 = 1 << 14;
const WEEKDAY_WORD: u32 = 1 << 15;
const ELSEWHERE: u32 = 1 << 16; // a reader the core does not have
/// An integer beyond f64's exact integers: Python's int division is exact, f64's is not.
const EXACT_INT: u128 = 1 << 53;

type Found = Vec<Reading>;
type Read = Result<Option<Found>, String>;

pub struct EnglishNumberReader {
    patterns: HashMap<String, Pattern>,
    numbers: HashMap<String, HashMap<String, u64>>,
    floats: HashMap<String, HashMap<String, f64>>,
    words: HashMap<String, u32>, // each trigger word's groups
    given_names: Vec<String>,
    safe: Vec<(char, char)>, // ranges of the characters both engines class alike
    digit: Regex,
    letters: Regex,
    longest_digits: usize,
}

/// A pattern of Python's as it is (`full`), and where it has lookaround, anchored at the search's start
/// (`\G`) and relaxed: without its lookaround, which matches wherever the pattern does (and elsewhere).
struct Pattern {
    full: Fancy,
    anchored: Option<Fancy>,
    relaxed: Option<Regex>,
    plain: Option<Regex>, // the pattern in the regex crate, where it has no lookaround
}

impl Pattern {
    fn new(source: &str) -> Result<Pattern, String> {
        let full = Fancy::new(source).map_err(|e| e.to_string())?;
        let relaxed_source = without_lookaround(source);
        if relaxed_source == source {
            return Ok(Pattern {
                full,
                anchored: None,
                relaxed: None,
                plain: Some(Regex::new(source).map_err(|e| e.to_string())?),
            });
        }
        let relaxed = Regex::new(&relaxed_source).map_err(|e| format!("relaxed: {e}"))?;
        let anchored = Fancy::new(&format!(r"\G(?:{source})")).map_err(|e| e.to_string())?;
        Ok(Pattern {
            full,
            anchored: Some(anchored),
            relaxed: Some(relaxed),
            plain: None,
        })
    }
}

/// A match of a pattern in either crate.
enum Captures<'t> {
    Fancy(fancy_regex::Captures<'t>),
    Plain(regex::Captures<'t>),
}

/// A group of a match: its text and byte offsets.
#[derive(Clone, Copy)]
struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn as_str(&self) -> &'t str {
        self.text
    }
}

impl<'t> Captures<'t> {
    fn name(&self, name: &str) -> Option<Group<'t>> {
        match self {
            Captures::Fancy(c) => c.name(name).map(|m| Group {
                text: m.as_str(),
                start: m.start(),
                end: m.end(),
            }),
            Captures::Plain(c) => c.name(name).map(|m| Group {
                text: m.as_str(),
                start: m.start(),
                end: m.end(),
            }),
        }
    }

    fn get(&self, index: usize) -> Option<Group<'t>> {
        match self {
            Captures::Fancy(c) => c.get(index).map(|m| Group {
                text: m.as_str(),
                start: m.start(),
                end: m.end(),
            }),
            Captures::Plain(c) => c.get(index).map(|m| Group {
                text: m.as_str(),
                start: m.start(),
                end: m.end(),
            }),
        }
    }
}

impl Index<&str> for Captures<'_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        match self {
            Captures::Fancy(c) => &c[name],
            Captures::Plain(c) => &c[name],
        }
    }
}

impl Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, index: usize) -> &str {
        match self {
            Captures::Fancy(c) => &c[index],
            Captures::Plain(c) => &c[index],
        }
    }
}

/// The pattern without its lookahead and lookbehind groups (each matches the empty string instead).
fn without_lookaround(pattern: &str) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let lookaround = ["(?=", "(?!", "(?<=", "(?<!"]
            .iter()
            .any(|start| rest.iter().take(start.len()).copied().eq(start.chars()));
        if lookaround {
            i += group_length(rest);
            continue;
        }
        let length = atom_length(rest);
        out.extend(&rest[..length]);
        i += length;
    }
    out
}

/// The length of the escape or character class at the start of `chars`, else 1.
fn atom_length(chars: &[char]) -> usize {
    match chars[0] {
        '\\' => 2.min(chars.len()),
        '[' => {
            let mut i = 1;
            if chars.get(i) == Some(&'^') {
                i += 1;
            }
            if chars.get(i) == Some(&']') {
                i += 1;
            }
            while i < chars.len() && chars[i] != ']' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            (i + 1).min(chars.len())
        }
        _ => 1,
    }
}

/// The length of the group that starts `chars`, to its closing bracket.
fn group_length(chars: &[char]) -> usize {
    let mut depth = 0;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += atom_length(&chars[i..]);
    }
    chars.len()
}

/// The text, its characters and the offsets between bytes and code points.
struct Text<'t> {
    s: &'t str,
    char_at: Vec<usize>,
    byte_at: Vec<usize>,
    len: usize,
}

impl<'t> Text<'t> {
    fn new(s: &'t str) -> Text<'t> {
        let mut char_at = vec![0usize; s.len() + 1];
        let mut byte_at = Vec::with_capacity(s.len() + 1);
        for (count, (byte, _)) in s.char_indices().enumerate() {
            char_at[byte] = count;
            byte_at.push(byte);
        }
        let len = byte_at.len();
        char_at[s.len()] = len;
        byte_at.push(s.len());
        Text {
            s,
            char_at,
            byte_at,
            len,
        }
    }

    /// Python's text[start:end] in code points (empty where end < start).
    fn slice(&self, start: usize, end: usize) -> &'t str {
        let end = end.min(self.len);
        if end <= start {
            return "";
        }
        &self.s[self.byte_at[start]..self.byte_at[end]]
    }

    fn span(&self, caps: &Captures<'_>, name: &str) -> (usize, usize) {
        let group = caps.name(name).expect("the group");
        (self.char_at[group.start()], self.char_at[group.end()])
    }

    fn whole(&self, caps: &Captures<'_>) -> (usize, usize) {
        let group = caps.get(0).expect("the match");
        (self.char_at[group.start()], self.char_at[group.end()])
    }
}

fn q(value: f64, (start, end): (usize, usize), kind: u8, strong: bool) -> Reading {
    (value, start, end, kind, strong, None, Vec::new(), false)
}

fn group<'c>(caps: &'c Captures<'_>, name: &str) -> Option<&'c str> {
    caps.name(name).map(|m| m.as_str())
}

/// Python's truthiness of a group: matched and not empty.
fn filled<'c>(caps: &'c Captures<'_>, name: &str) -> Option<&'c str> {
    group(caps, name).filter(|g| !g.is_empty())
}

/// Python's float() of ASCII digits with thousands separators already removed.
fn float(digits: &str) -> Result<f64, String> {
    digits
        .parse()
        .map_err(|_| format!("{digits:?} is no number"))
}

/// Python's round(x, 1): Rust's formatting rounds the exact value half to even, as Python does.
fn round1(value: f64) -> f64 {
    format!("{value:.1}").parse().unwrap_or(value)
}

/// Python's float floor division by a positive divisor.
fn floor_div(value: f64, by: f64) -> f64 {
    let rest = value % by;
    let div = (value - rest) / by;
    let floor = div.floor();
    if div - floor > 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

impl EnglishNumberReader {
    pub fn new(
        sources: HashMap<String, String>,
        numbers: HashMap<String, HashMap<String, u64>>,
        floats: HashMap<String, HashMap<String, f64>>,
        word_groups: HashMap<String, Vec<String>>,
        safe: Vec<(char, char)>,
        longest_digits: usize,
    ) -> Result<Self, String> {
        let mut patterns = HashMap::default();
        for (name, source) in sources {
            let compiled = Pattern::new(&source).map_err(|e| format!("{name}: {e}"))?;
            patterns.insert(name, compiled);
        }
        let mut words: HashMap<String, u32> = HashMap::default();
        let mut given_names = Vec::new();
        for (name, list) in word_groups {
            if name == "given_names" {
                given_names = list;
                continue;
            }
            let index = GROUP_NAMES
                .iter()
                .position(|g| *g == name)
                .ok_or_else(|| format!("unknown word group {name}"))?;
            for word in list {
                *words.entry(word).or_default() |= 1 << index;
            }
        }
        let reader = EnglishNumberReader {
            patterns,
            numbers,
            floats,
            words,
            given_names,
            safe,
            digit: Regex::new(r"[0-9]").expect("a valid pattern"),
            letters: Regex::new(r"[A-Za-z]+").expect("a valid pattern"),
            longest_digits,
        };
        for name in REQUIRED {
            if !reader.patterns.contains_key(*name) {
                return Err(format!("missing pattern {name}"));
            }
        }
        Ok(reader)
    }

    fn p(&self, name: &str) -> &Fancy {
        &self.patterns[name].full
    }

    /// A pattern without lookaround, in the regex crate.
    fn plain(&self, name: &str) -> Result<&Regex, String> {
        self.patterns[name]
            .plain
            .as_ref()
            .ok_or_else(|| format!("{name} has lookaround"))
    }

    fn n(&self, table: &str, key: &str) -> Option<u64> {
        self.numbers[table].get(key).copied()
    }

    fn safe_char(&self, ch: char) -> bool {
        self.safe
            .iter()
            .any(|(low, high)| *low <= ch && ch <= *high)
    }

    /// Every match of a pattern, as finditer gives them. A pattern with lookaround is tried only where
    /// its relaxed form (without the lookaround, in the regex crate) matches, and there anchored: the
    /// backtracking engine then runs at a few places of the text, not at each.
    fn all<'t>(&self, name: &str, text: &'t str) -> Result<Vec<Captures<'t>>, String> {
        let pattern = &self.patterns[name];
        if let Some(plain) = &pattern.plain {
            return Ok(plain.captures_iter(text).map(Captures::Plain).collect());
        }
        let (Some(relaxed), Some(anchored)) = (&pattern.relaxed, &pattern.anchored) else {
            return Err(format!("{name}: no relaxed form"));
        };
        let mut found = Vec::new();
        let mut from = 0;
        while from <= text.len() {
            let Some(candidate) = relaxed.find_at(text, from) else {
                break;
            };
            let at = candidate.start();
            let next = at + text[at..].chars().next().map_or(1, char::len_utf8);
            match anchored
                .captures_from_pos(text, at)
                .map_err(|e| e.to_string())?
            {
                Some(caps) => {
                    let caps = Captures::Fancy(caps);
                    let whole = caps.get(0).expect("the match");
                    from = if whole.end() > whole.start() {
                        whole.end()
                    } else {
                        next
                    };
                    found.push(caps);
                }
                None => from = next,
            }
        }
        Ok(found)
    }

    /// Python's pattern.search(text)
    fn search(&self, name: &str, text: &str) -> Result<bool, String> {
        if let Some(plain) = &self.patterns[name].plain {
            return Ok(plain.is_match(text));
        }
        self.p(name).is_match(text).map_err(|e| e.to_string())
    }

    /// Python's pattern.match(text, pos) for a pattern given as \A(?:…) that looks at nothing before
    /// its start; the match's end in code points.
    fn match_at<'t>(
        &self,
        name: &str,
        text: &Text<'t>,
        pos: usize,
    ) -> Result<Option<Captures<'t>>, String> {
        let rest = &text.s[text.byte_at[pos.min(text.len)]..];
        let pattern = &self.patterns[name];
        if let Some(plain) = &pattern.plain {
            return Ok(plain.captures(rest).map(Captures::Plain));
        }
        let caps = pattern.full.captures(rest).map_err(|e| e.to_string())?;
        Ok(caps.map(Captures::Fancy))
    }

    /// The quantities of `text`, or None where Python's reader must read it.
    pub fn quantities(&self, text: &str) -> Option<Vec<Reading>> {
        if !text
            .chars()
            .all(|c| (' '..='~').contains(&c) || self.safe_char(c))
        {
            return None;
        }
        self.read(text).unwrap_or(None)
    }

    fn read(&self, original: &str) -> Read {
        let text = Text::new(original);
        let s = original;
        let has_digits = self.digit.is_match(s);
        let mut groups = 0u32;
        for word in self.letters.find_iter(s) {
            let lowered = word.as_str().to_ascii_lowercase();
            if let Some(g) = self.words.get(&lowered) {
                groups |= g;
            }
        }
        if !has_digits && groups == 0 && !s.contains('‰') {
            return Ok(Some(Vec::new()));
        }
        if groups & ELSEWHERE != 0 {
            return Ok(None);
        }
        let cued = |g: u32| groups & g != 0;
        let mut taken = vec![false; text.len];
        let mut found: Found = Vec::new();
        if s.contains("24") {
            for m in self.all("round_the_clock", s)? {
                let (start, end) = text.whole(&m);
                take(&mut taken, start, end);
            }
        }
        let mut keep = |read: Option<Found>, taken: &mut Vec<bool>| -> bool {
            let Some(read) = read else { return false };
            let fresh: Found = read.into_iter().filter(|q| free(taken, q.1, q.2)).collect();
            for quantity in fresh {
                take(taken, quantity.1, quantity.2);
                if measurable(&quantity) {
                    found.push(quantity);
                }
            }
            true
        };
        macro_rules! keep {
            ($read:expr) => {
                if !keep($read, &mut taken) {
                    return Ok(None);
                }
            };
        }
        if has_digits && cued(CURRENCY) {
            keep!(self.currency_codes(&text)?);
        }
        if cued(ROMAN) {
            keep!(Some(self.romans(&text)?));
        }
        if cued(QUARTER_CUE) {
            keep!(Some(self.quarters(&text)?));
        }
        if has_digits {
            keep!(Some(self.codes(&text)?));
        }
        if (has_digits && self.search("clock_hint", s)?) || cued(CLOCK) {
            keep!(Some(self.clocks(&text)?));
        }
        if cued(QUARTER_WORD) {
            keep!(Some(self.quarter_of(&text)?));
        }
        if cued(HALF) {
            let halves = self.all("unit_and_a_half", s)?;
            keep!(Some(
                halves
                    .iter()
                    .map(|m| q(1.5, text.whole(m), NUMBER, false))
                    .collect()
            ));
            keep!(self.and_a_half(&text)?);
        }
        if cued(FRACTION_WORD) || s.contains('/') {
            keep!(Some(self.fractions(&text)?));
        }
        if cued(MULTIPLIED) {
            keep!(self.multiplied(&text)?);
        }
        if cued(ORDERS) {
            keep!(Some(self.orders(&text)?));
        }
        if s.contains('‰') || cued(PER_MILLE) {
            keep!(self.per_mille(&text)?);
        }
        if s.contains("000") {
            keep!(self.per_base(&text)?);
        }
        if has_digits && s.contains('-') {
            keep!(self.iso_dates(&text)?);
        }
        if has_digits && (s.contains('.') || s.contains('/')) {
            keep!(self.month_years(&text)?);
        }
        if cued(ANNIVERSARY) {
            keep!(Some(self.table_words(
                &text,
                "anniversary",
                "anniversaries",
                NUMBER,
                true
            )?));
        }
        if has_digits {
            let glued = self.search("glued_hint", s)?;
            if glued {
                keep!(self.short_magnitudes(&text)?);
                keep!(self.decades(&text)?);
            }
            keep!(self.digit_numbers(&text)?);
            if glued {
                keep!(self.glued(&text)?);
            }
        }
        if cued(COUNTED) {
            keep!(self.counted_units(&text)?);
        }
        if (s.contains(" in ") || s.contains(" out of ")) && (has_digits || cued(NUMBER_WORD)) {
            keep!(self.one_in(&text)?);
        }
        if has_digits && s.contains('.') {
            let mut read = Vec::new();
            for m in self.all("bare_decimal", s)? {
                let value = float(&format!("0.{}", &m["digits"]))?;
                read.push(q(value, text.whole(&m), NUMBER, true));
            }
            keep!(Some(read));
        }
        if cued(NUMBER_WORD) {
            keep!(Some(self.word_numbers(&text)?));
        }
        if cued(COUNT_WORD) {
            keep!(Some(self.table_words(
                &text,
                "count_word",
                "count_words",
                NUMBER,
                false
            )?));
        }
        if cued(MONTH_WORD) {
            keep!(Some(self.months(&text)?));
        }
        if cued(WEEKDAY_WORD) {
            let mut read = Vec::new();
            for m in self.all("weekday", s)? {
                let day = m[0].to_lowercase();
                let value = self
                    .n("weekdays", day.trim_end_matches('s'))
                    .ok_or("a weekday")?;
                read.push(q(value as f64, text.whole(&m), WEEKDAY, true));
            }
            keep!(Some(read));
        }
        found.sort_by_key(|q| q.1);
        let mut shared = self.share_scale(found, &text)?;
        if has_digits {
            shared = self.readings_in_context(shared, &text)?;
        }
        if s.contains('(') {
            shared = self.conversions(shared, &text)?;
        }
        Ok(Some(shared))
    }

    fn currency_codes(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("currency_code", text.s)? {
            let digits = &m["digits"];
            if !ungroupable(digits) {
                return Ok(None);
            }
            let value = float(&ungrouped(digits))?;
            let scale = if let Some(scale) = group(&m, "scale") {
                self.n("scales", &scale.to_lowercase()).ok_or("a scale")?
            } else if let Some(short) = group(&m, "short") {
                self.n("short_scales", short).ok_or("a short scale")?
            } else {
                1
            };
            let (start, _) = text.span(&m, "digits");
            let (_, end) = text.whole(&m);
            let mantissa = (scale > 1).then_some(value);
            found.push((
                value * scale as f64,
                start,
                end,
                NUMBER,
                true,
                mantissa,
                vec![],
                false,
            ));
        }
        Ok(Some(found))
    }

    fn romans(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("roman", text.s)? {
            let values: Vec<i64> = m["roman"]
                .chars()
                .map(|c| {
                    self.n("roman", &c.to_string())
                        .map(|v| v as i64)
                        .ok_or("a numeral")
                })
                .collect::<Result<_, _>>()?;
            let value: i64 = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    if i + 1 < values.len() && *v < values[i + 1] {
                        -v
                    } else {
                        *v
                    }
                })
                .sum();
            found.push(q(value as f64, text.span(&m, "roman"), NUMBER, false));
        }
        Ok(found)
    }

    fn quarters(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("quarter", text.s)? {
            let mut numbers = Vec::new();
            if let Some(quarter) = filled(&m, "q") {
                numbers.push(float(quarter)?);
            } else {
                for name in ["nth", "nth2"] {
                    if let Some(nth) = filled(&m, name) {
                        numbers.push(self.n("nth", &nth.to_lowercase()).ok_or("an nth")? as f64);
                    }
                }
            }
            for number in numbers {
                found.push(q(number, text.whole(&m), QUARTER, true));
            }
        }
        Ok(found)
    }

    /// codes.code_spans(text, chinese=False)
    fn codes(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        if !self.search("code_hint", text.s)? {
            return Ok(found);
        }
        for m in self.all("codes", text.s)? {
            let whole = m.get(0).expect("the match");
            let token = whole.as_str().trim_end_matches(['.', '-']);
            let start = text.char_at[whole.start()];
            let end = text.char_at[whole.start() + token.len()];
            if m.name("phone").is_some() {
                if self.is_phone(token)? {
                    found.push(q(0.0, (start, end), PHONE, true));
                }
                continue;
            }
            found.push(q(0.0, (start, end), CODE, true));
        }
        Ok(found)
    }

    /// codes._is_phone
    fn is_phone(&self, token: &str) -> Result<bool, String> {
        if self.search("space_grouped", token)? {
            return Ok(false);
        }
        let groups: Vec<&str> = self
            .all("digit_runs", token)?
            .into_iter()
            .map(|m| m.get(0).expect("a run").as_str())
            .collect();
        let digits: String = groups.concat();
        if groups.len() == 1 && !token.starts_with(['+', '(']) {
            return Ok(is_phone_digits(&digits));
        }
        if digits.chars().count() < 9
            || (groups.len() == 2
                && groups.iter().all(|g| g.ends_with("000"))
                && below(groups[0], groups[1]))
        {
            return Ok(false);
        }
        for g in &groups {
            if !self.search("years", g)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn clocks(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("clock", text.s)? {
            let span = text.whole(&m);
            if let Some(word) = filled(&m, "word") {
                let minutes = if word.to_lowercase() == "midnight" {
                    0.0
                } else {
                    720.0
                };
                found.push(q(minutes, span, TIME, false));
                continue;
            }
            let (hour, minute, part) = if let Some(spoken) = filled(&m, "spoken") {
                let spoken = spoken.to_lowercase();
                let mut hour = match spoken.parse::<i64>() {
                    Ok(h) if spoken.bytes().all(|b| b.is_ascii_digit()) => h,
                    _ => self.n("ones", &spoken).ok_or("an hour")? as i64,
                };
                let past = group(&m, "past");
                let minute = if past == Some("half") {
                    30
                } else if filled(&m, "past").is_some() {
                    15
                } else {
                    45
                };
                if filled(&m, "to").is_some() {
                    hour -= 1;
                }
                let daypart = group(&m, "daypart").unwrap_or("").to_lowercase();
                let part = if daypart == "morning" {
                    "am"
                } else if !daypart.is_empty() || filled(&m, "night").is_some() {
                    "pm"
                } else {
                    ""
                };
                (hour, minute, part)
            } else {
                let hour = filled(&m, "hour").or(group(&m, "hh")).ok_or("an hour")?;
                let minute = filled(&m, "minute").or(filled(&m, "mm")).unwrap_or("0");
                let ampm = group(&m, "ampm").unwrap_or("").to_lowercase();
                let part = if ampm.starts_with('a') {
                    "am"
                } else if ampm.starts_with('p') {
                    "pm"
                } else {
                    ""
                };
                (float(hour)? as i64, float(minute)? as i64, part)
            };
            if !part.is_empty() && !(1..=12).contains(&hour) {
                continue;
            }
            let part = if part == "pm" && hour == 12 {
                "noon"
            } else {
                part
            };
            let readings = clock_minutes(hour, minute, part);
            let mut alternatives: Vec<(u8, f64)> =
                readings[1..].iter().map(|r| (TIME, *r as f64)).collect();
            if filled(&m, "oclock").is_some() {
                alternatives.push((NUMBER, hour as f64));
            }
            found.push((
                readings[0] as f64,
                span.0,
                span.1,
                TIME,
                true,
                None,
                alternatives,
                false,
            ));
        }
        Ok(found)
    }

    fn quarter_of(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("quarter_of", text.s)? {
            let mantissa = if m["n"].to_lowercase() == "three" {
                0.75
            } else {
                0.25
            };
            let scale = self
                .n("scales", &m["scale"].to_lowercase())
                .ok_or("a scale")?;
            let (start, end) = text.whole(&m);
            found.push((
                mantissa * scale as f64,
                start,
                end,
                NUMBER,
                true,
                Some(mantissa),
                vec![],
                false,
            ));
        }
        Ok(found)
    }

    fn and_a_half(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("and_a_half", text.s)? {
            let whole = filled(&m, "whole").unwrap_or("0");
            let base = if whole.starts_with(|c: char| c.is_ascii_digit()) {
                if !whole
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                {
                    return Ok(None); // Python's float() fails on a space-grouped number
                }
                float(&whole.replace(',', ""))?
            } else {
                match self.parse_number_words(&[whole]) {
                    Some(value) => value as f64,
                    None => continue,
                }
            };
            let mantissa = base + 0.5;
            let (start, end) = text.whole(&m);
            if let Some(scale) = filled(&m, "scale") {
                let scale = self.n("scales", &scale.to_lowercase()).ok_or("a scale")?;
                found.push((
                    mantissa * scale as f64,
                    start,
                    end,
                    NUMBER,
                    true,
                    Some(mantissa),
                    vec![],
                    false,
                ));
            } else if filled(&m, "whole").is_some() {
                found.push(q(mantissa, (start, end), NUMBER, mantissa >= 10.0));
            }
        }
        Ok(Some(found))
    }

    fn fractions(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("fraction", text.s)? {
            let (numerator, denominator) = if let Some(n) = filled(&m, "n") {
                let (n, d) = (float(n)?, float(&m["d"])?);
                if !(0.0 < n && n < d) {
                    continue;
                }
                (n, d)
            } else {
                let mut word = m["num"].to_lowercase();
                let den = m["den"].to_lowercase();
                let the = word.starts_with("the");
                let numerator = if word == "a" || word == "an" || the {
                    1
                } else {
                    self.n("ones", &word).ok_or("a numerator")?
                };
                if the {
                    word = "a".to_string();
                }
                let denominator = self.n("fraction_words", &den).ok_or("a denominator")?;
                let singular = !den.ends_with('s');
                let (of, lead) = (filled(&m, "of").is_some(), filled(&m, "lead").is_some());
                if (word == "a" || word == "an") && !of && !lead && den != "half" {
                    continue;
                }
                let whole = m.get(0).expect("the match");
                if den.starts_with("quarter") {
                    let before = text.slice(0, text.char_at[whole.start()]);
                    if (!of && !whole.as_str().contains('-'))
                        || self.search("period_before", before)?
                    {
                        continue;
                    }
                }
                if (numerator > 1 && singular) || numerator >= denominator {
                    continue;
                }
                (numerator as f64, denominator as f64)
            };
            let share = numerator / denominator;
            let percent = 100.0 * share;
            let alternatives = vec![
                (NUMBER, percent.round_ties_even()),
                (NUMBER, round1(percent)),
                (NUMBER, percent.trunc()),
            ];
            let start = if m.name("num").is_some() {
                text.span(&m, "num").0
            } else {
                text.whole(&m).0
            };
            let end = text.whole(&m).1;
            found.push((
                share,
                start,
                end,
                FRACTION,
                denominator != 2.0,
                None,
                alternatives,
                false,
            ));
        }
        Ok(found)
    }

    fn multiplied(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("multiplied", text.s)? {
            let times = if let Some(word) = filled(&m, "word") {
                self.floats["multiplied"][&word.to_lowercase()]
            } else {
                let fold = m["fold"].to_lowercase();
                if fold.bytes().all(|b| b.is_ascii_digit()) {
                    float(&fold)?
                } else {
                    self.n("fold", &fold).ok_or("a fold")? as f64
                }
            };
            let growth = 100.0 * (times - 1.0);
            let (start, end) = text.whole(&m);
            found.push((
                times,
                start,
                end,
                NUMBER,
                true,
                None,
                vec![(NUMBER, growth)],
                false,
            ));
        }
        Ok(Some(found))
    }

    fn orders(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("order", text.s)? {
            let size = if let Some(many) = filled(&m, "many") {
                let of = &m["of"];
                self.n("orders", &many.to_lowercase()).ok_or("an order")?
                    * self.n("orders", &of.to_lowercase()).ok_or("an order")?
            } else {
                let word = filled(&m, "few")
                    .or(filled(&m, "plural"))
                    .ok_or("an order")?;
                self.n("orders", &word.to_lowercase()).ok_or("an order")?
            };
            found.push(q(size as f64, text.whole(&m), ORDER, true));
        }
        Ok(found)
    }

    /// A digit string or one of ONES: its value.
    fn small(&self, number: &str) -> Result<f64, String> {
        let number = number.to_lowercase();
        if number.starts_with(|c: char| c.is_ascii_digit()) {
            float(&number)
        } else {
            Ok(self.n("ones", &number).ok_or("a number")? as f64)
        }
    }

    fn per_mille(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("per_mille", text.s)? {
            let value = self.small(&m["n"])?;
            found.push(q(value / 10.0, text.whole(&m), NUMBER, true));
        }
        Ok(Some(found))
    }

    fn per_base(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("per_base", text.s)? {
            let value = self.small(&m["n"])?;
            let base = float(&m["base"].replace(',', ""))?;
            found.push(q(value * 100.0 / base, text.whole(&m), NUMBER, true));
        }
        Ok(Some(found))
    }

    fn iso_dates(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("iso_date", text.s)? {
            for (name, kind) in [("year", NUMBER), ("month", MONTH), ("day", NUMBER)] {
                found.push(q(float(&m[name])?, text.span(&m, name), kind, true));
            }
        }
        Ok(Some(found))
    }

    /// dates.month_years
    fn month_years(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        if !self.search("month_year_hint", text.s)? {
            return Ok(Some(found));
        }
        for m in self.all("month_year", text.s)? {
            let month = ["then", "month", "slashed"]
                .into_iter()
                .find(|n| filled(&m, n).is_some())
                .ok_or("a month")?;
            let year = if filled(&m, "first").is_some() {
                "first"
            } else {
                "year"
            };
            let mut parts = [(month, MONTH), (year, NUMBER)];
            parts.sort_by_key(|(name, _)| m.name(name).map_or(0, |g| g.start()));
            for (name, kind) in parts {
                found.push(q(float(&m[name])?, text.span(&m, name), kind, true));
            }
        }
        Ok(Some(found))
    }

    /// A word looked up in a table: an anniversary, a count word.
    fn table_words(
        &self,
        text: &Text<'_>,
        pattern: &str,
        table: &str,
        kind: u8,
        strong: bool,
    ) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all(pattern, text.s)? {
            let value = self.n(table, &m[0].to_lowercase()).ok_or("a word")?;
            found.push(q(value as f64, text.whole(&m), kind, strong));
        }
        Ok(found)
    }

    fn short_magnitudes(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("short_magnitude", text.s)? {
            let suffix = &m["suffix"];
            if (suffix == "m" || suffix == "b") && filled(&m, "currency").is_none() {
                continue;
            }
            let mantissa = float(&m["digits"])?;
            let scale = self.n("short_scales", suffix).ok_or("a short scale")?;
            let start = text.span(&m, "digits").0;
            let end = text.whole(&m).1;
            found.push((
                mantissa * scale as f64,
                start,
                end,
                NUMBER,
                true,
                Some(mantissa),
                vec![],
                false,
            ));
        }
        Ok(Some(found))
    }

    fn decades(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("decade", text.s)? {
            let value: u64 = m["digits"].parse().map_err(|_| "a decade")?;
            if value.is_multiple_of(10) && !(100..1000).contains(&value) {
                found.push(q((value % 100) as f64, text.whole(&m), DECADE, true));
            }
        }
        Ok(Some(found))
    }

    fn digit_numbers(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("digit_number", text.s)? {
            if group(&m, "suffix") == Some("s") {
                continue;
            }
            let digits = &m["digits"];
            if !ungroupable(digits) {
                return Ok(None);
            }
            let value = float(&ungrouped(digits))?;
            let scale = match group(&m, "scale") {
                Some(scale) => self.n("scales", &scale.to_lowercase()).ok_or("a scale")?,
                None => 1,
            };
            let (start, end) = text.whole(&m);
            let mantissa = (scale > 1).then_some(value);
            found.push((
                value * scale as f64,
                start,
                end,
                NUMBER,
                true,
                mantissa,
                vec![],
                false,
            ));
        }
        Ok(Some(found))
    }

    fn glued(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("glued", text.s)? {
            let (start, _) = text.whole(&m);
            let (_, end) = text.span(&m, "digits");
            found.push(q(float(&m["digits"])?, (start, end), NUMBER, false));
        }
        Ok(Some(found))
    }

    fn counted_units(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("counted_units", text.s)? {
            let count = self.small(&m["n"])?;
            let unit = self
                .n("many_units", &m["unit"].to_lowercase())
                .ok_or("a unit")?;
            found.push(q(count * unit as f64, text.whole(&m), NUMBER, false));
        }
        Ok(Some(found))
    }

    fn one_in(&self, text: &Text<'_>) -> Read {
        let mut found = Vec::new();
        for m in self.all("one_in", text.s)? {
            let d = &m["d"];
            if d.chars().count() > self.longest_digits {
                continue;
            }
            let int = |g: &str| -> Result<u128, String> {
                if g.bytes().all(|b| b.is_ascii_digit()) {
                    g.parse().map_err(|_| format!("{g:?}"))
                } else {
                    Ok(self.n("ones", &g.to_lowercase()).ok_or("a number")? as u128)
                }
            };
            let (numerator, denominator) = (int(&m["n"])?, int(d)?);
            if denominator > EXACT_INT {
                return Ok(None); // Python divides the integers exactly
            }
            if 0 < numerator && numerator < denominator {
                let share = numerator as f64 / denominator as f64;
                let percent = 100.0 * share;
                let alternatives = vec![
                    (NUMBER, percent.round_ties_even()),
                    (NUMBER, round1(percent)),
                ];
                let (start, end) = text.whole(&m);
                found.push((share, start, end, FRACTION, true, None, alternatives, false));
            }
        }
        Ok(Some(found))
    }

    /// parse_number_words
    fn parse_number_words(&self, words: &[&str]) -> Option<u128> {
        let (mut total, mut current) = (0u128, 0u128);
        let mut seen = false;
        for raw in words {
            let word = raw.to_lowercase();
            if word == "and" {
                continue;
            }
            if word == "a" {
                current = 1;
            } else if let Some(v) = self
                .n("ones", &word)
                .or(self.n("tens", &word))
                .or(self.n("ordinals", &word))
            {
                current = current.checked_add(v as u128)?;
            } else if word == "hundred" {
                current = (if current == 0 { 1 } else { current }).checked_mul(100)?;
            } else if let Some(scale) = self.n("scales", &word) {
                let add = (if current == 0 { 1 } else { current }).checked_mul(scale as u128)?;
                total = total.checked_add(add)?;
                current = 0;
            } else {
                return None;
            }
            if total.checked_add(current)? >= LARGEST_INT {
                return None;
            }
            seen = true;
        }
        seen.then_some(total + current)
    }

    fn word_numbers(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("word_number", text.s)? {
            for (start, end) in self.split_after_ordinals(text, &m)? {
                let written = text.slice(start, end);
                let words: Vec<&str> = self.plain("word_separator")?.split(written).collect();
                let Some(number) = self.parse_number_words(&words) else {
                    continue;
                };
                let last = words.last().map_or(String::new(), |w| w.to_lowercase());
                let scaled =
                    last != "hundred" && self.n("scales", &last).is_some() && words.len() > 1;
                let mantissa = if scaled {
                    let before = self
                        .parse_number_words(&words[..words.len() - 1])
                        .unwrap_or(0);
                    Some(if before == 0 { 1.0 } else { before as f64 })
                } else {
                    None
                };
                let lowered = written.to_lowercase();
                let strong = number >= 10
                    && !["second", "hundred", "thousand", "million", "billion"]
                        .contains(&lowered.as_str());
                found.push((
                    number as f64,
                    start,
                    end,
                    NUMBER,
                    strong,
                    mantissa,
                    vec![],
                    false,
                ));
            }
        }
        Ok(found)
    }

    /// _split_after_ordinals, in code points.
    fn split_after_ordinals(
        &self,
        text: &Text<'_>,
        m: &Captures<'_>,
    ) -> Result<Vec<(usize, usize)>, String> {
        const STRIP: &[char] = &[' ', '\t', '\n', '-'];
        let whole = m.get(0).expect("the match");
        let (m_start, m_end) = (text.char_at[whole.start()], text.char_at[whole.end()]);
        let mut pieces = Vec::new();
        let mut start = m_start;
        let mut previous = String::new();
        for word in self.plain("word_split")?.find_iter(whole.as_str()) {
            let here = text.char_at[whole.start() + word.start()];
            let lowered = word.as_str().to_lowercase();
            let ordinal = self.n("ordinals", &lowered).is_some();
            if ordinal
                && self.n("ones", &previous).is_some()
                && here > 0
                && !text.slice(here - 1, here).starts_with('-')
                && here > start
            {
                pieces.push((start, here));
                start = here;
            }
            let end = text.char_at[whole.start() + word.end()];
            if ordinal && end < m_end {
                pieces.push((start, end));
                let rest = &whole.as_str()[word.end()..];
                start = end + rest.chars().count() - rest.trim_start_matches(STRIP).chars().count();
            }
            previous = lowered;
        }
        pieces.push((start, m_end));
        Ok(pieces
            .into_iter()
            .filter(|(s, e)| !text.slice(*s, *e).trim_matches(STRIP).is_empty())
            .map(|(s, e)| {
                (
                    s,
                    s + text.slice(s, e).trim_end_matches(STRIP).chars().count(),
                )
            })
            .collect())
    }

    fn months(&self, text: &Text<'_>) -> Result<Found, String> {
        let mut found = Vec::new();
        for m in self.all("month", text.s)? {
            let (start, end) = text.whole(&m);
            let ambiguous = group(&m, "ambiguous");
            let word_end = if filled(&m, "month").is_some() {
                text.span(&m, "month").1
            } else {
                text.span(&m, "ambiguous").1
            };
            let name_too = self
                .given_names
                .contains(&m[0].trim_end_matches('.').to_lowercase());
            if name_too
                && self.match_at("named", text, word_end)?.is_some()
                && self.match_at("date_follows", text, word_end)?.is_none()
            {
                continue;
            }
            let march = matches!(ambiguous, Some("March") | Some("MARCH"));
            if march && !self.search("not_the_month", text.slice(start.saturating_sub(5), start))? {
                // the month
            } else if matches!(ambiguous, Some("May") | Some("March"))
                && !(self.match_at("date_follows", text, end)?.is_some()
                    || self.search("leads_to_date", text.slice(start.saturating_sub(8), start))?)
            {
                continue;
            }
            let name = filled(&m, "month")
                .or(ambiguous)
                .ok_or("a month")?
                .to_lowercase();
            let value = self
                .n("months", name.trim_end_matches('.'))
                .ok_or("a month name")?;
            found.push(q(value as f64, (start, end), MONTH, true));
        }
        Ok(found)
    }

    fn gap(&self, text: &Text<'_>, start: usize, end: usize) -> Result<bool, String> {
        self.search("range_gap", text.slice(start, end))
    }

    /// _share_scale: in "14 to 22 million" the first number is millions too.
    fn share_scale(&self, mut shared: Found, text: &Text<'_>) -> Result<Found, String> {
        for index in (1..shared.len()).rev() {
            let (first, second) = (&shared[index - 1], &shared[index]);
            let Some(mantissa) = second.5.filter(|m| *m != 0.0) else {
                continue;
            };
            if first.5.is_none()
                && first.3 == NUMBER
                && second.3 == NUMBER
                && first.0 < 1000.0
                && self.gap(text, first.2, second.1)?
            {
                let scale = second.0 / mantissa;
                let value = first.0;
                shared[index - 1].0 = value * scale;
                shared[index - 1].5 = Some(value);
            }
        }
        Ok(shared)
    }

    /// _readings_in_context: "2010–11" is 2011, "26 kilobases" 26,000 bases.
    fn readings_in_context(&self, mut kept: Found, text: &Text<'_>) -> Result<Found, String> {
        for index in 0..kept.len() {
            if kept[index].3 != NUMBER {
                continue;
            }
            let quantity = &kept[index];
            let mut extra: Vec<(u8, f64)> = Vec::new();
            if index > 0 {
                let previous = &kept[index - 1];
                if previous.3 == NUMBER
                    && (1900.0..=2099.0).contains(&previous.0)
                    && quantity.0 < 100.0
                    && quantity.2 - quantity.1 == 2
                    && self.search("short_year_range", text.slice(previous.2, quantity.1))?
                {
                    extra.push((NUMBER, floor_div(previous.0, 100.0) * 100.0 + quantity.0));
                }
            }
            let mut unit = self.match_at("prefixed_unit", text, quantity.2)?;
            if unit.is_none() {
                if let Some(following) = kept.get(index + 1) {
                    if self.search("range_gap", text.slice(quantity.2, following.1))? {
                        unit = self.match_at("prefixed_unit", text, following.2)?;
                    }
                }
            }
            if let Some(unit) = unit {
                let name = ["kilo", "mega", "giga"]
                    .into_iter()
                    .find(|n| unit.name(n).is_some())
                    .ok_or("a prefix")?;
                let scale = self.floats["prefix_scale"][name];
                extra.push((NUMBER, quantity.0 * scale));
                extra.push((NUMBER, quantity.0 * scale / 1000.0));
            }
            if !extra.is_empty() {
                kept[index].6.extend(extra);
            }
        }
        Ok(kept)
    }

    /// _conversions: a converted value in brackets beside the original is never reported added.
    fn conversions(&self, mut kept: Found, text: &Text<'_>) -> Result<Found, String> {
        for quantity in kept.iter_mut() {
            let (start, end) = (quantity.1, quantity.2);
            if quantity.4
                && quantity.3 == NUMBER
                && text.slice(start.saturating_sub(16), start).contains('(')
                && self.search(
                    "before_conversion",
                    text.slice(start.saturating_sub(40), start),
                )?
                && text.slice(end, end + 30).contains(')')
            {
                quantity.4 = false;
            }
        }
        Ok(kept)
    }
}

/// _UNGROUPED.sub: the separators _DIGITS allows (a comma or a space of the kinds it lists).
fn ungrouped(digits: &str) -> String {
    digits
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'))
        .collect()
}

/// Digits of ASCII only: Python's float() also reads other decimal digits, Rust's parse does not.
fn ungroupable(digits: &str) -> bool {
    digits.chars().all(|c| {
        c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
    })
}

/// The patterns `EnglishNumberReader::new` needs.
pub const REQUIRED: &[&str] = &[
    "round_the_clock",
    "currency_code",
    "roman",
    "quarter",
    "code_hint",
    "codes",
    "space_grouped",
    "digit_runs",
    "years",
    "clock_hint",
    "clock",
    "quarter_of",
    "unit_and_a_half",
    "and_a_half",
    "fraction",
    "period_before",
    "multiplied",
    "order",
    "per_mille",
    "per_base",
    "iso_date",
    "month_year_hint",
    "month_year",
    "anniversary",
    "glued_hint",
    "short_magnitude",
    "decade",
    "digit_number",
    "glued",
    "counted_units",
    "one_in",
    "bare_decimal",
    "word_number",
    "word_split",
    "word_separator",
    "count_word",
    "month",
    "named",
    "date_follows",
    "not_the_month",
    "leads_to_date",
    "weekday",
    "range_gap",
    "short_year_range",
    "prefixed_unit",
    "before_conversion",
];
