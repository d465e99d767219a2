//! Length-preserving folding: one code point to one code point, from a table Python hands over
//! (termcheck.text.normalize's tables stay the one source of truth).

use rustc_hash::FxHashMap;

pub struct Fold {
    ascii: [char; 128],
    other: FxHashMap<char, char>,
}

impl Fold {
    /// Fails on a mapping that is not one code point to one, which would shift offsets.
    pub fn new<'a>(table: impl IntoIterator<Item = (&'a u32, &'a String)>) -> Result<Fold, String> {
        let mut ascii = [' '; 128];
        for (code, slot) in ascii.iter_mut().enumerate() {
            *slot = char::from_u32(code as u32).unwrap_or(' ');
        }
        let mut other = FxHashMap::default();
        for (code, folded) in table {
            let (Some(from), Some(to)) = (char::from_u32(*code), single_char(folded)) else {
                return Err(format!(
                    "fold table: U+{code:04X} must map to exactly one code point"
                ));
            };
            if (from as u32) < 128 {
                ascii[from as usize] = to;
            } else {
                other.insert(from, to);
            }
        }
        Ok(Fold { ascii, other })
    }

    #[inline]
    pub fn char(&self, ch: char) -> char {
        if (ch as u32) < 128 {
            self.ascii[ch as usize]
        } else {
            *self.other.get(&ch).unwrap_or(&ch)
        }
    }
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(first)
}
