//! The Chinese number reader: termcheck.numbers.chinese.chinese_quantities, for the texts it covers.
//!
//! The patterns, tables and word lists come from Python (one source of truth). Covered is a text whose
//! numbers the ordinary reader alone reads (a numeral with its prefix, range, magnitude and measure word),
//! with lists of months; a text with a code (5G, COVID-19, a phone number) or the cue of another reader
//! (年, 点, 分之, 成…) is left to Python: `quantities` answers None. Offsets are code points, as Python's.

use aho_corasick::{AhoCorasick, MatchKind};
use fancy_regex::{Captures, Regex as Fancy};
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::fold::Fold;

pub const NUMBER: u8 = 0;
pub const MONTH: u8 = 1;
pub const DAY: u8 = 2;
pub const ORDER: u8 = 3;
pub const DECADE: u8 = 4;
pub const TIME: u8 = 5;
pub const WEEKDAY: u8 = 6;
pub const PHONE: u8 = 7;
pub const CODE: u8 = 8;
pub const FRACTION: u8 = 9;
pub const QUARTER: u8 = 10;

/// Python's LARGEST (1e30) as the integer the float is: ints compare with it exactly.
pub(crate) const LARGEST_INT: u128 = 1_000_000_000_000_000_019_884_624_838_656;
const LARGEST: f64 = 1e30;
/// How far into a match of _QUANTITY, _NOT_NUMBERS or _CLOCK its first numeral may stand: 好几 and 万分之
/// before it, or 上午 差.
const NUMERAL_AFTER: usize = 5;

/// value, start, end, kind, strong, mantissa, alternatives, figurative
pub type Reading = (
    f64,
    usize,
    usize,
    u8,
    bool,
    Option<f64>,
    Vec<(u8, f64)>,
    bool,
);

pub struct Tables {
    pub digits: HashMap<char, u32>,
    pub units: HashMap<char, u32>,
    pub tens: HashMap<char, u32>,
    pub magnitudes: HashMap<char, u32>,
    pub weekdays: HashMap<char, u32>,
    pub longest_digits: usize,
}

pub struct Words {
    pub elsewhere: Vec<String>, // cues of the readers Python keeps
    pub month_year: Vec<String>,
    pub generation: Vec<String>,
    pub clock: Vec<String>,
    pub weekday: Vec<String>,
    pub tenths: Vec<String>,
    pub am: HashSet<String>,
    pub noon: HashSet<String>,
    pub pm: HashSet<String>,
    pub month_list: Vec<String>,
    pub short_year: Vec<String>,
    pub count_measures: HashSet<String>,
    pub one_of: HashSet<String>,
    pub literal_units: HashSet<String>,
    pub named: Vec<String>,
}

pub struct Patterns {
    pub any_numeral: Regex,
    pub code_hint: Regex,
    pub codes: Fancy,
    pub code_start: Regex, // what each code starts with: a letter, a digit, + or (
    pub space_grouped: Regex,
    pub digit_runs: Regex,
    pub years: Regex,
    pub quantity: Fancy,
    pub not_numbers: Fancy,
    pub month_list: Regex,
    pub month_item: Regex,
    pub month_year_hint: Regex,
    pub month_year: Fancy,
    pub generation: Fancy,
    pub clock: Fancy,
    pub colon_time: Fancy,
    pub weekday: Fancy,
    pub tenths: Regex,
    pub short_year: Fancy,
    pub growth: Regex,
    pub grouping: Regex,
}

pub struct ChineseNumberReader {
    fold: Fold,
    tables: Tables,
    words: Words,
    patterns: Patterns,
    cues: AhoCorasick,    // every cue word, for one pass over the text
    cue_groups: Vec<u16>, // for each cue word, the groups (CUE_…) it is a cue of
}

const CUE_ELSEWHERE: u16 = 1;
const CUE_NAMED: u16 = 1 << 1;
const CUE_MONTH_YEAR: u16 = 1 << 2;
const CUE_GENERATION: u16 = 1 << 3;
const CUE_CLOCK: u16 = 1 << 4;
const CUE_WEEKDAY: u16 = 1 << 5;
const CUE_TENTHS: u16 = 1 << 6;
const CUE_MONTH_LIST: u16 = 1 << 7;
const CUE_SHORT_YEAR: u16 = 1 << 8;

/// The folded text, its characters and each byte offset's character index.
struct Text {
    folded: String,
    chars: Vec<char>,
    char_at: Vec<usize>,
}

impl Text {
    fn new(fold: &Fold, text: &str) -> Text {
        let folded: String = text.chars().map(|ch| fold.char(ch)).collect();
        let chars: Vec<char> = folded.chars().collect();
        let mut char_at = vec![0usize; folded.len() + 1];
        for (count, (byte, _)) in folded.char_indices().enumerate() {
            char_at[byte] = count;
        }
        char_at[folded.len()] = chars.len();
        Text {
            folded,
            chars,
            char_at,
        }
    }

    /// The character offsets (Python's) of a byte range of the folded text.
    fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.char_at[start], self.char_at[end])
    }
}

impl ChineseNumberReader {
    pub fn new(
        fold: Fold,
        tables: Tables,
        words: Words,
        patterns: Patterns,
    ) -> Result<Self, String> {
        let mut groups: HashMap<&str, u16> = HashMap::default();
        for (list, group) in [
            (&words.elsewhere, CUE_ELSEWHERE),
            (&words.named, CUE_NAMED),
            (&words.month_year, CUE_MONTH_YEAR),
            (&words.generation, CUE_GENERATION),
            (&words.clock, CUE_CLOCK),
            (&words.weekday, CUE_WEEKDAY),
            (&words.tenths, CUE_TENTHS),
            (&words.month_list, CUE_MONTH_LIST),
            (&words.short_year, CUE_SHORT_YEAR),
        ] {
            for word in list.iter().filter(|w| !w.is_empty()) {
                *groups.entry(word.as_str()).or_default() |= group;
            }
        }
        let (cue_words, cue_groups): (Vec<&str>, Vec<u16>) = groups.into_iter().unzip();
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&cue_words)
            .map_err(|e| e.to_string())?;
        Ok(ChineseNumberReader {
            fold,
            tables,
            words,
            patterns,
            cues,
            cue_groups,
        })
    }

    /// The groups (CUE_…) one of whose cue words is in the folded text.
    fn cued(&self, folded: &str) -> u16 {
        self.cues
            .find_overlapping_iter(folded)
            .fold(0, |groups, found| {
                groups | self.cue_groups[found.pattern().as_usize()]
            })
    }

    /// The quantities of `text`, or None where Python's reader must read it.
    pub fn quantities(&self, original: &str) -> Result<Option<Vec<Reading>>, String> {
        let text = Text::new(&self.fold, original);
        let folded = text.folded.as_str();
        let groups = self.cued(folded);
        if !self.patterns.any_numeral.is_match(folded)
            && !folded.contains('半')
            && groups & CUE_NAMED == 0
        {
            return Ok(Some(Vec::new()));
        }
        if groups & CUE_ELSEWHERE != 0 {
            return Ok(None);
        }
        let mut taken = vec![false; text.chars.len()];
        let mut found: Vec<Reading> = Vec::new();
        if self.patterns.code_hint.is_match(original) {
            for (start, end, kind) in self.code_spans(original)? {
                found.push((0.0, start, end, kind, true, None, Vec::new(), false));
                take(&mut taken, start, end);
            }
        }
        // the readers the core has, in Python's order, each where one of its cues is in the text
        let cued = |group: u16| groups & group != 0;
        let mut read: Vec<Option<Vec<Reading>>> = Vec::new();
        if cued(CUE_MONTH_YEAR) {
            read.push(self.month_years(&text)?);
        }
        if cued(CUE_GENERATION) {
            read.push(self.generations(&text)?);
        }
        if cued(CUE_CLOCK) {
            read.push(self.clocks(&text)?);
        }
        if cued(CUE_WEEKDAY) {
            read.push(self.weekdays(&text)?);
        }
        if cued(CUE_TENTHS) {
            read.push(Some(self.tenths(&text)));
        }
        if cued(CUE_MONTH_LIST) {
            read.push(Some(self.month_lists(&text)));
        }
        if cued(CUE_SHORT_YEAR) {
            read.push(self.short_years(&text)?);
        }
        for readings in read {
            let Some(readings) = readings else {
                return Ok(None);
            };
            let fresh: Vec<Reading> = readings
                .into_iter()
                .filter(|q| free(&taken, q.1, q.2))
                .collect();
            for reading in fresh {
                take(&mut taken, reading.1, reading.2);
                found.push(reading);
            }
        }
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.not_numbers, numeral, NUMERAL_AFTER, folded)? {
            let whole = caps.get(0).expect("the match");
            let (start, end) = text.span(whole.start(), whole.end());
            take(&mut taken, start, end);
        }
        if !self.ordinary(&text, &taken, &mut found)? {
            return Ok(None);
        }
        found.sort_by_key(|q| (q.1, q.2));
        Ok(Some(found.into_iter().filter(measurable).collect()))
    }

    /// codes.code_spans: (start, end, kind) of each code (5G, H7N9, COVID-19) and phone number in the text
    /// as written, in code points.
    fn code_spans(&self, original: &str) -> Result<Vec<(usize, usize, u8)>, String> {
        let mut char_at = vec![0usize; original.len() + 1];
        let mut count = 0;
        for (byte, _) in original.char_indices() {
            char_at[byte] = count;
            count += 1;
        }
        char_at[original.len()] = count;
        let mut found = Vec::new();
        for caps in matches_near(&self.patterns.codes, &self.patterns.code_start, 0, original)? {
            let whole = caps.get(0).expect("the match");
            let token = whole.as_str().trim_end_matches(['.', '-']);
            let (start, end) = (whole.start(), whole.start() + token.len());
            if caps.name("phone").is_some() {
                if self.is_phone(token) {
                    found.push((char_at[start], char_at[end], PHONE));
                }
                continue;
            }
            found.push((char_at[start], char_at[end], CODE));
        }
        Ok(found)
    }

    /// codes._is_phone
    fn is_phone(&self, token: &str) -> bool {
        if self.patterns.space_grouped.is_match(token) {
            return false;
        }
        let groups: Vec<&str> = self
            .patterns
            .digit_runs
            .find_iter(token)
            .map(|m| m.as_str())
            .collect();
        let digits: String = groups.concat();
        if groups.len() == 1 && !token.starts_with(['+', '(']) {
            return is_phone_digits(&digits);
        }
        if digits.chars().count() < 9
            || (groups.len() == 2
                && groups.iter().all(|g| g.ends_with("000"))
                && below(groups[0], groups[1]))
        {
            return false;
        }
        !groups.iter().all(|g| self.patterns.years.is_match(g))
    }

    /// dates.month_years: 02.2022, 02/2022 and 2022.02 are a month and a year.
    fn month_years(&self, text: &Text) -> Result<Option<Vec<Reading>>, String> {
        let mut found = Vec::new();
        if !self.patterns.month_year_hint.is_match(&text.folded) {
            return Ok(Some(found));
        }
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.month_year, numeral, 0, &text.folded)? {
            let month = ["then", "month", "slashed"]
                .iter()
                .find_map(|name| caps.name(name))
                .expect("a month");
            let year = ["first", "year"]
                .iter()
                .find_map(|name| caps.name(name))
                .expect("a year");
            let mut parts = [(month, MONTH), (year, NUMBER)];
            parts.sort_by_key(|(group, _)| group.start());
            for (group, kind) in parts {
                let Some(value) = ascii_number(group.as_str()) else {
                    return Ok(None);
                };
                let (start, end) = text.span(group.start(), group.end());
                found.push((value, start, end, kind, true, None, Vec::new(), false));
            }
        }
        Ok(Some(found))
    }

    /// 九〇后 and 00后: a generation, named by its decade.
    fn generations(&self, text: &Text) -> Result<Option<Vec<Reading>>, String> {
        let mut found = Vec::new();
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.generation, numeral, 0, &text.folded)? {
            let whole = caps.get(0).expect("the match");
            let Some(value) = self.digit_by_digit(&caps["digits"]) else {
                return Ok(None);
            };
            let (start, end) = text.span(whole.start(), whole.end());
            found.push((value, start, end, DECADE, true, None, Vec::new(), false));
        }
        Ok(Some(found))
    }

    /// 上午10点, 3点半, 差五分八点, 14:00: a time of day, or a bare 3点 that may be points of an index.
    fn clocks(&self, text: &Text) -> Result<Option<Vec<Reading>>, String> {
        let mut found = Vec::new();
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.clock, numeral, NUMERAL_AFTER, &text.folded)? {
            let whole = caps.get(0).expect("the match");
            let group = |name: &str| caps.name(name).map(|m| m.as_str());
            if ["hour", "minute", "less"]
                .iter()
                .any(|name| group(name).is_some_and(|g| self.foreign_digits(g)))
            {
                return Ok(None);
            }
            let Some((hour, arabic)) = self.value(group("hour").expect("an hour")) else {
                continue;
            };
            if hour > 24.0 || hour != hour.trunc() {
                continue;
            }
            let (part, less, half, quarter, more) = (
                group("part"),
                group("less"),
                group("half"),
                group("quarter"),
                group("more"),
            );
            let marked = [part, less, half, quarter, more]
                .iter()
                .any(|g| g.is_some_and(|g| !g.is_empty()));
            let bare = !marked && group("minute").is_none();
            let mut minute: i64 = if half.is_some_and(|g| !g.is_empty()) {
                30
            } else if quarter == Some("一刻") {
                15
            } else if quarter.is_some_and(|g| !g.is_empty()) {
                45
            } else {
                0
            };
            if let Some(written) = group("minute").filter(|g| !g.is_empty()) {
                match self.value(written) {
                    Some((parsed, _)) if parsed < 60.0 => minute = parsed.trunc() as i64,
                    _ => continue,
                }
            }
            let mut whole_hour = hour as i64;
            if let Some(less) = less.filter(|g| !g.is_empty()) {
                match self.value(less) {
                    Some((less, _)) if 0.0 < less && less < 60.0 => {
                        whole_hour -= 1;
                        minute = 60 - less.trunc() as i64;
                    }
                    _ => continue,
                }
            }
            let part = part.unwrap_or("");
            let part = if self.words.am.contains(part) {
                "am"
            } else if self.words.noon.contains(part) {
                "noon"
            } else if self.words.pm.contains(part) {
                "pm"
            } else {
                ""
            };
            let clock: Vec<(u8, f64)> = clock_minutes(whole_hour, minute, part)
                .into_iter()
                .map(|r| (TIME, r as f64))
                .collect();
            let (start, end) = text.span(whole.start(), whole.end());
            if bare {
                if arabic || hour >= 10.0 {
                    found.push((hour, start, end, NUMBER, true, None, clock, false));
                }
                continue;
            }
            let mut alternatives = clock[1..].to_vec();
            if minute == 0 {
                alternatives.push((NUMBER, whole_hour as f64));
            }
            found.push((
                clock[0].1,
                start,
                end,
                TIME,
                true,
                None,
                alternatives,
                false,
            ));
        }
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.colon_time, numeral, 0, &text.folded)? {
            let whole = caps.get(0).expect("the match");
            let (Some(hour), Some(minute)) =
                (ascii_number(&caps["hour"]), ascii_number(&caps["minute"]))
            else {
                return Ok(None);
            };
            let readings = clock_minutes(hour as i64, minute as i64, "");
            let (start, end) = text.span(whole.start(), whole.end());
            let alternatives = readings[1..].iter().map(|r| (TIME, *r as f64)).collect();
            found.push((
                readings[0] as f64,
                start,
                end,
                TIME,
                true,
                None,
                alternatives,
                false,
            ));
        }
        Ok(Some(found))
    }

    /// 星期三, 周三, 礼拜天: a day of the week, 1 (Monday) to 7.
    fn weekdays(&self, text: &Text) -> Result<Option<Vec<Reading>>, String> {
        let mut found = Vec::new();
        for caps in self.patterns.weekday.captures_iter(&text.folded) {
            let caps = caps.map_err(|e| e.to_string())?;
            let whole = caps.get(0).expect("the match");
            let day = caps["day"].chars().next().expect("a day");
            let (start, end) = text.span(whole.start(), whole.end());
            let value = self.tables.weekdays[&day] as f64;
            found.push((value, start, end, WEEKDAY, true, None, Vec::new(), false));
        }
        Ok(Some(found))
    }

    /// 七成 is 70%, 八折 80% of the price (20% off).
    fn tenths(&self, text: &Text) -> Vec<Reading> {
        let mut found = Vec::new();
        for caps in self.patterns.tenths.captures_iter(&text.folded) {
            let whole = caps.get(0).expect("the match");
            let Some(tenths) = self.parse(&caps["n"]) else {
                continue;
            };
            if tenths > 10 && tenths % 10 != 0 {
                continue;
            }
            let percent = if tenths < 10 { tenths * 10 } else { tenths } as f64;
            let alternatives = if &caps["unit"] == "折" {
                vec![(NUMBER, 100.0 - percent)]
            } else {
                Vec::new()
            };
            let (start, end) = text.span(whole.start(), whole.end());
            found.push((
                percent,
                start,
                end,
                NUMBER,
                false,
                None,
                alternatives,
                false,
            ));
        }
        found
    }

    /// Digits that Python reads and this reader does not: not ASCII, not Chinese.
    fn foreign_digits(&self, numeral: &str) -> bool {
        numeral
            .chars()
            .any(|c| c.is_numeric() && !c.is_ascii_digit() && !self.is_chinese(c))
    }

    /// 九二共识, 08年: a year written with its last two digits.
    fn short_years(&self, text: &Text) -> Result<Option<Vec<Reading>>, String> {
        let mut found = Vec::new();
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.short_year, numeral, 0, &text.folded)? {
            let whole = caps.get(0).expect("the match");
            let Some(value) = self.digit_by_digit(&caps["digits"]) else {
                return Ok(None);
            };
            let year = if value >= 30.0 { 1900.0 } else { 2000.0 } + value;
            let (start, end) = text.span(whole.start(), whole.end());
            found.push((
                value,
                start,
                end,
                NUMBER,
                false,
                None,
                vec![(NUMBER, year)],
                false,
            ));
        }
        Ok(Some(found))
    }

    /// Chinese or ASCII digits read one by one (九〇 is 90); None for other digits.
    fn digit_by_digit(&self, digits: &str) -> Option<f64> {
        let mut value = 0.0;
        for ch in digits.chars() {
            let digit = match self.tables.digits.get(&ch) {
                Some(d) => *d,
                None => ch.to_digit(10).filter(|_| ch.is_ascii_digit())?,
            };
            value = value * 10.0 + digit as f64;
        }
        Some(value)
    }

    fn month_lists(&self, text: &Text) -> Vec<Reading> {
        let mut found = Vec::new();
        for list in self.patterns.month_list.find_iter(&text.folded) {
            for item in self.patterns.month_item.find_iter(list.as_str()) {
                let start = text.char_at[list.start() + item.start()];
                let end = text.char_at[list.start() + item.end()];
                if let Some((month, _)) = self.value(item.as_str()) {
                    if (1.0..=12.0).contains(&month) {
                        found.push((month, start, end, MONTH, true, None, Vec::new(), false));
                    }
                }
            }
        }
        found
    }

    /// False where a numeral is in digits Python reads and Rust does not (not ASCII).
    fn ordinary(
        &self,
        text: &Text,
        taken: &[bool],
        found: &mut Vec<Reading>,
    ) -> Result<bool, String> {
        let folded = text.folded.as_str();
        let numeral = &self.patterns.any_numeral;
        for caps in matches_near(&self.patterns.quantity, numeral, NUMERAL_AFTER, folded)? {
            let whole = caps.get(0).expect("the match");
            let end = text.char_at[whole.end()];
            let first = caps.name("first").expect("a numeral");
            let second = caps.name("second");
            let prefix = caps.name("prefix").map_or("", |m| m.as_str());
            let start = text.char_at[caps.name("prefix").unwrap_or(first).start()];
            if !free(taken, start, end) || inside_name(&text.chars, start) {
                continue;
            }
            let after = caps.name("after").map_or("", |m| m.as_str());
            let magnitude = caps.name("magnitude").map_or("", |m| m.as_str());
            let vague_word = caps.name("vague").is_some();
            let last_is_second = second.is_some();
            for (is_second, group) in [(false, Some(first)), (true, second)] {
                let Some(group) = group else { continue };
                let numeral = group.as_str();
                if numeral
                    .chars()
                    .any(|c| c.is_numeric() && !c.is_ascii_digit())
                    && numeral.chars().next().is_some_and(|c| !self.is_chinese(c))
                {
                    return Ok(false);
                }
                let Some((mut value, arabic)) = self.value(numeral) else {
                    continue;
                };
                if (prefix == "千分之" || prefix == "万分之") && !is_second {
                    let per = if prefix == "千分之" {
                        1000.0
                    } else {
                        10_000.0
                    };
                    value = value * 100.0 / per;
                }
                let scale = self.scale(magnitude);
                let kind = if after == "月"
                    && value <= 12.0
                    && (!last_is_second || self.months_both(&caps))
                {
                    MONTH
                } else if (after == "日" || after == "号")
                    && is_second == last_is_second
                    && value <= 31.0
                    && !after_month(&text.chars, start)
                {
                    DAY
                } else {
                    NUMBER
                };
                let evidence =
                    arabic || !after.is_empty() || !magnitude.is_empty() || !prefix.is_empty();
                let big = arabic
                    || value >= 10.0
                    || kind == MONTH
                    || !magnitude.is_empty()
                    || prefix.ends_with("分之");
                let g_start = text.char_at[group.start()];
                let g_end = if is_second == last_is_second {
                    end
                } else {
                    text.char_at[group.end()]
                };
                if !arabic {
                    if let Some((low, high)) = self.approximate_range(numeral) {
                        for end_value in [low, high] {
                            let value = end_value as f64 * scale;
                            found.push((value, g_start, g_end, NUMBER, false, None, vec![], false));
                        }
                        continue;
                    }
                }
                let vague = (vague_word && !arabic) || self.approximate(numeral);
                let counted = value >= 3.0
                    && (self.words.count_measures.contains(after)
                        || (prefix == "第" && after == "名"));
                let bare = matches!(numeral, "百" | "千" | "万")
                    && magnitude.is_empty()
                    && prefix.is_empty();
                let mut alternatives: Vec<(u8, f64)> = Vec::new();
                if vague && vague_word && magnitude.is_empty() {
                    alternatives.push((ORDER, value));
                } else if vague && vague_word {
                    alternatives.push((ORDER, value * scale));
                } else if after == "倍" && self.grown(&text.chars, start) {
                    alternatives.push((NUMBER, value + 1.0));
                    alternatives.push((NUMBER, 100.0 * value));
                } else if arabic
                    && after == "年"
                    && numeral.chars().count() == 2
                    && !text
                        .chars
                        .get(end)
                        .is_some_and(|c| "代级龄轻纪度".contains(*c))
                {
                    let century = if value < 50.0 { 2000.0 } else { 1900.0 };
                    alternatives.push((NUMBER, value + century));
                } else if value == 10.0
                    && text.chars.get(g_start) == Some(&'十')
                    && text
                        .chars
                        .get(g_start + 1)
                        .is_some_and(|c| "多余几".contains(*c))
                {
                    alternatives.push((NUMBER, 12.0));
                } else if bare {
                    alternatives.push((ORDER, value));
                }
                let one = value * scale == 1.0 && self.words.one_of.contains(after);
                let strong = evidence && (big || counted) && !vague && !one;
                let mantissa = if scale != 1.0 {
                    Some(value)
                } else {
                    written_mantissa(numeral, value)
                };
                let figurative = bare && !self.words.literal_units.contains(after);
                found.push((
                    value * scale,
                    g_start,
                    g_end,
                    kind,
                    strong,
                    mantissa,
                    alternatives,
                    figurative,
                ));
            }
        }
        Ok(true)
    }

    fn is_chinese(&self, ch: char) -> bool {
        self.tables.digits.contains_key(&ch)
            || self.tables.units.contains_key(&ch)
            || self.tables.tens.contains_key(&ch)
            || self.tables.magnitudes.contains_key(&ch)
    }

    /// _value: the numeral's value and whether it is in Arabic digits; None beyond bounds.
    fn value(&self, numeral: &str) -> Option<(f64, bool)> {
        let first = numeral.chars().next()?;
        if first.is_numeric() && !self.is_chinese(first) {
            let plain = self.patterns.grouping.replace_all(numeral, "");
            let value: f64 = plain.parse().ok()?;
            return within_bounds(value).then_some((value, true));
        }
        self.parse(numeral).map(|v| (v as f64, false))
    }

    /// parse_chinese_numeral
    fn parse(&self, text: &str) -> Option<u128> {
        let t = &self.tables;
        let chars: Vec<char> = text.chars().collect();
        if chars.is_empty() || chars.iter().any(|c| !self.is_chinese(*c)) {
            return None;
        }
        if chars.iter().all(|c| t.digits.contains_key(c)) {
            if chars.len() > t.longest_digits {
                return None;
            }
            return Some(
                chars
                    .iter()
                    .fold(0u128, |n, c| n * 10 + t.digits[c] as u128),
            );
        }
        let (mut total, mut section, mut digit, mut last_unit) = (0u128, 0u128, 0u128, 1u128);
        for ch in &chars {
            if let Some(d) = t.digits.get(ch) {
                digit = *d as u128;
            } else if let Some(tens) = t.tens.get(ch) {
                section += *tens as u128;
                digit = 0;
                last_unit = 10;
            } else if let Some(unit) = t.units.get(ch) {
                let unit = *unit as u128;
                section += (if digit != 0 { digit } else { 1 }) * unit;
                digit = 0;
                last_unit = unit;
            } else {
                let size = t.magnitudes[ch] as u128;
                section += if digit != 0 {
                    digit
                } else if section != 0 || total != 0 {
                    0
                } else {
                    1
                };
                total = if size > 10_000 {
                    (total + section) * size
                } else {
                    total + section * 10_000
                };
                section = 0;
                digit = 0;
                last_unit = size;
            }
            if total >= LARGEST_INT || section >= LARGEST_INT {
                return None;
            }
        }
        if digit != 0
            && last_unit >= 100
            && chars.len() > 1
            && !t.digits.contains_key(&chars[chars.len() - 2])
        {
            digit *= last_unit / 10;
        }
        let value = total + section + digit;
        (value < LARGEST_INT).then_some(value)
    }

    /// approximate_range
    fn approximate_range(&self, numeral: &str) -> Option<(u128, u128)> {
        let digits = &self.tables.digits;
        let chars: Vec<char> = numeral.chars().collect();
        if chars.len() > 2 && chars.iter().all(|c| digits.contains_key(c)) {
            return None;
        }
        for i in 0..chars.len().saturating_sub(1) {
            let (Some(a), Some(b)) = (digits.get(&chars[i]), digits.get(&chars[i + 1])) else {
                continue;
            };
            if 0 < *a && a < b && *b <= a + 2 {
                let low: String = chars[..=i].iter().chain(&chars[i + 2..]).collect();
                let high: String = chars[..i].iter().chain(&chars[i + 1..]).collect();
                if let (Some(low), Some(high)) = (self.parse(&low), self.parse(&high)) {
                    return Some((low, high));
                }
            }
        }
        None
    }

    /// _approximate: 一两, 十几
    fn approximate(&self, numeral: &str) -> bool {
        let digits: Vec<i64> = numeral
            .chars()
            .filter_map(|c| self.tables.digits.get(&c).map(|d| *d as i64))
            .collect();
        (numeral.chars().count() == 2 && digits.len() == 2 && digits[1] - digits[0] == 1)
            || numeral.contains('几')
    }

    fn scale(&self, magnitude: &str) -> f64 {
        let mut scale = 1.0;
        for ch in magnitude.chars() {
            scale *= self.tables.magnitudes[&ch] as f64;
            if scale >= LARGEST {
                return f64::INFINITY;
            }
        }
        scale
    }

    fn months_both(&self, caps: &Captures<'_>) -> bool {
        ["first", "second"].iter().all(|name| {
            caps.name(name)
                .and_then(|m| self.value(m.as_str()))
                .is_some_and(|(v, _)| (1.0..=12.0).contains(&v) && v == v.trunc())
        })
    }

    fn grown(&self, chars: &[char], start: usize) -> bool {
        let before: String = chars[start.saturating_sub(3)..start].iter().collect();
        self.patterns.growth.is_match(&before)
    }
}

/// codes.is_phone_digits: a Chinese mobile number, or a number with its trunk zero.
pub(crate) fn is_phone_digits(digits: &str) -> bool {
    let chars: Vec<char> = digits.chars().collect();
    (chars.len() == 11 && chars[0] == '1' && "3456789".contains(chars[1]))
        || (digits.starts_with('0') && chars.len() >= 10)
}

/// codes._below: whether one run of digits is a smaller number than another.
pub(crate) fn below(digits: &str, other: &str) -> bool {
    let (digits, other) = (
        digits.trim_start_matches('0'),
        other.trim_start_matches('0'),
    );
    (digits.chars().count(), digits) < (other.chars().count(), other)
}

/// termcheck.numbers.chinese.clock_minutes: the minutes after midnight 上午10点 or 3点 may mean.
pub(crate) fn clock_minutes(hour: i64, minute: i64, part: &str) -> Vec<i64> {
    let hour = hour.rem_euclid(24);
    let hours = match part {
        "am" => vec![if hour == 12 { 0 } else { hour }],
        "noon" => vec![if hour >= 11 { hour } else { hour + 12 }],
        "pm" if hour == 12 => vec![0],
        "pm" if hour > 12 => vec![hour],
        "pm" => vec![hour + 12],
        _ if hour == 0 || hour > 12 => vec![hour],
        _ => vec![hour, (hour + 12) % 24],
    };
    hours.into_iter().map(|h| h * 60 + minute).collect()
}

/// Every match of `pattern` in `text` as `captures_iter` finds them, where each match has a character that
/// `near` matches at most `back` characters after its start: each search starts `back` characters before
/// the next such character, and none is made where none is left; it ends at the end of that clause. The
/// backtracking engine then runs near numbers only, and its lookbehinds still see the text before.
///
/// No pattern given here matches a clause's end (CLAUSE_ENDS not before a digit: `,\d{3}` is a thousands
/// group) nor looks past it, so a match is the same in the clause as in the whole text.
fn matches_near<'t>(
    pattern: &Fancy,
    near: &Regex,
    back: usize,
    text: &'t str,
) -> Result<Vec<Captures<'t>>, String> {
    let mut found = Vec::new();
    let mut from = 0;
    while from <= text.len() {
        let Some(next) = near.find_at(text, from) else {
            break;
        };
        let at = if back == 0 {
            next.start()
        } else {
            let before = text[from..next.start()].char_indices().rev().nth(back - 1);
            before.map_or(from, |(i, _)| from + i)
        };
        let end = clause_end(text, next.start());
        let Some(caps) = pattern
            .captures_from_pos(&text[..end], at)
            .map_err(|e| e.to_string())?
        else {
            from = end;
            continue;
        };
        let whole = caps.get(0).expect("the match");
        from = if whole.end() > whole.start() {
            whole.end()
        } else {
            whole.end() + text[whole.end()..].chars().next().map_or(1, char::len_utf8)
        };
        found.push(caps);
    }
    Ok(found)
}

const CLAUSE_ENDS: &[char] = &[',', ';', '!', '?', '。', '、', '，', '；', '！', '？'];

/// The byte just after the first clause end at or after `from` that no digit follows; the text's end.
fn clause_end(text: &str, from: usize) -> usize {
    let mut chars = text[from..].char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if CLAUSE_ENDS.contains(&ch) && !chars.peek().is_some_and(|(_, next)| next.is_numeric()) {
            return from + i + ch.len_utf8();
        }
    }
    text.len()
}

fn ascii_number(digits: &str) -> Option<f64> {
    if !digits.is_ascii() {
        return None;
    }
    digits.parse().ok()
}

fn written_mantissa(numeral: &str, value: f64) -> Option<f64> {
    for (magnitude, size) in [('亿', 100_000_000.0), ('万', 10_000.0)] {
        if numeral.contains(magnitude) && value % size == 0.0 {
            return Some(value / size);
        }
    }
    None
}

fn after_month(chars: &[char], start: usize) -> bool {
    chars[start.saturating_sub(3)..start].contains(&'月')
}

fn inside_name(chars: &[char], start: usize) -> bool {
    let before = &chars[start.saturating_sub(2)..start];
    let Some(last) = before.last() else {
        return false;
    };
    last.is_ascii_alphabetic()
        || (before.len() == 2 && *last == '-' && before[0].is_ascii_alphabetic())
}

pub(crate) fn free(taken: &[bool], start: usize, end: usize) -> bool {
    !taken[start..end].iter().any(|t| *t)
}

pub(crate) fn take(taken: &mut [bool], start: usize, end: usize) {
    taken[start..end].iter_mut().for_each(|t| *t = true);
}

pub(crate) fn within_bounds(value: f64) -> bool {
    -LARGEST < value && value < LARGEST
}

pub(crate) fn measurable(q: &Reading) -> bool {
    within_bounds(q.0)
        && q.5.is_none_or(within_bounds)
        && q.6.iter().all(|(_, v)| within_bounds(*v))
}
