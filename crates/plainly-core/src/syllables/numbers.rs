//! Numbers, read as they are spoken in British English.
//!
//! Kept simple on purpose; the readings are:
//!
//! - Whole numbers with the British "and": 5 "five" (1), 17 "seventeen"
//!   (3), 101 "one hundred and one" (5), 2,500 "two thousand five hundred"
//!   (6). 0 alone is "zero" (2).
//! - Four-digit years (1001 to 2099, with no comma, currency or decimal
//!   part): 1984 "nineteen eighty-four", 1900 "nineteen
//!   hundred", 1905 "nineteen oh five", 2005 "two thousand and five", 2023
//!   "twenty twenty-three". Decades too: 1960s "nineteen sixties".
//! - Decimals digit by digit after the point: 2.5 "two point five", 0.75
//!   "nought point seven five", 3.05 "three point oh five".
//! - A number that starts with 0 (phone numbers, codes: 0800, 007) and any
//!   number longer than 15 digits: digit by digit, 0 as "oh".
//! - Money: £3.50 "three pounds fifty", £0.50 and 50p "fifty p", £3
//!   "three pounds", £1.2m "one point two million pounds"; $ is "dollars"
//!   and "cents", € "euros" and "cents".
//! - % is "per cent" (2); 1st, 2nd, 3rd, 21st, 100th as ordinals; 3pm and
//!   9am add "p m" / "a m" (2); k, m, bn after a number are "thousand",
//!   "million", "billion"; common units (kg, mg, ml, km, cm, mm, hrs,
//!   mins) are read in full.
//! - Other letters next to digits ("B12", "4G", "MP3") are counted as a
//!   word or letters by the caller.

/// Syllables in 0 to 19: zero, one, two, ... nineteen.
const ONES: [u32; 20] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2];
/// Syllables in twenty, thirty, ... ninety (index = tens digit).
const TENS: [u32; 10] = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2];
/// Syllables in the scale words: (none), thousand, million, billion,
/// trillion, quadrillion, quintillion.
const SCALES: [u32; 7] = [0, 2, 2, 2, 2, 3, 3];

fn below_100(n: u64) -> u32 {
    // n < 100 by construction, so the casts index in range.
    if n < 20 {
        ONES[n as usize]
    } else {
        TENS[(n / 10) as usize]
            + if n % 10 == 0 {
                0
            } else {
                ONES[(n % 10) as usize]
            }
    }
}

fn below_1000(n: u64) -> u32 {
    let (hundreds, rest) = (n / 100, n % 100);
    if hundreds == 0 {
        below_100(rest)
    } else {
        // "three hundred", and "and" before what follows
        ONES[hundreds as usize] + 2 + if rest == 0 { 0 } else { 1 + below_100(rest) }
    }
}

/// Syllables in the whole number `n` said in British English.
pub(crate) fn cardinal(n: u64) -> u32 {
    if n == 0 {
        return ONES[0];
    }
    let mut total = 0;
    let mut rest = n;
    let mut scale = 0;
    while rest > 0 {
        let group = rest % 1000;
        if group > 0 {
            total += below_1000(group) + SCALES.get(scale).copied().unwrap_or(3);
        }
        rest /= 1000;
        scale += 1;
    }
    // "one thousand and five": British "and" before a last group under 100
    let last = n % 1000;
    if n >= 1000 && last > 0 && last < 100 {
        total += 1;
    }
    total
}

/// Syllables in the ordinal of `n`: "second" and "-tieth" add one to the
/// cardinal; "first", "third", "fifth", "twelfth" and the rest do not.
pub(crate) fn ordinal(n: u64) -> u32 {
    let r = n % 100;
    let extra = u32::from(r % 10 == 2 && r != 12 || (r >= 20 && r % 10 == 0));
    cardinal(n) + extra
}

/// A four-digit year, or `None` if `n` is not read as one.
fn year(n: u64) -> Option<u32> {
    match n {
        1001..=1999 | 2010..=2099 => {
            let (hi, lo) = (n / 100, n % 100);
            Some(
                below_100(hi)
                    + match lo {
                        0 => 2,                         // nineteen hundred
                        1..=9 => 1 + ONES[lo as usize], // nineteen oh five
                        _ => below_100(lo),
                    },
            )
        }
        2000..=2009 => Some(cardinal(n)), // two thousand (and five)
        _ => None,
    }
}

/// One digit said alone, with 0 as "oh" or "nought".
fn digit(d: u8) -> u32 {
    if d == b'0' {
        1
    } else {
        ONES[usize::from(d - b'0')]
    }
}

fn digits(s: &[u8]) -> u32 {
    s.iter().map(|&d| digit(d)).sum()
}

/// A number as written: its whole part (digits, commas removed) and any
/// decimal part.
struct Number<'a> {
    whole: &'a [u8],
    commas: bool,
    frac: Option<&'a [u8]>,
}

impl Number<'_> {
    fn value(&self) -> Option<u64> {
        if self.whole.len() > 15 {
            return None;
        }
        self.whole
            .iter()
            .filter(|b| b.is_ascii_digit())
            .try_fold(0u64, |acc, &d| {
                acc.checked_mul(10)?.checked_add(u64::from(d - b'0'))
            })
    }

    /// Read with no context: decimals, codes with a leading zero, years.
    fn plain(&self, may_be_year: bool) -> u32 {
        let whole_digits = || self.whole.iter().copied().filter(u8::is_ascii_digit);
        let leading_zero = self.whole.len() > 1 && self.whole[0] == b'0' && !self.commas;
        let whole = match self.value() {
            _ if leading_zero => whole_digits().map(digit).sum(),
            None => whole_digits().map(digit).sum(),
            Some(0) if self.frac.is_some() => 1, // nought point ...
            Some(v) => {
                let as_year = may_be_year && self.frac.is_none() && !self.commas;
                as_year
                    .then(|| year(v))
                    .flatten()
                    .unwrap_or_else(|| cardinal(v))
            }
        };
        whole + self.frac.map_or(0, |f| 1 + digits(f)) // "point" and the digits
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Currency {
    Pound,
    Dollar,
    Euro,
    Yen,
}

impl Currency {
    fn of(c: char) -> Option<Currency> {
        match c {
            '£' => Some(Currency::Pound),
            '$' => Some(Currency::Dollar),
            '€' => Some(Currency::Euro),
            '¥' => Some(Currency::Yen),
            _ => None,
        }
    }
    /// "pounds" (1), "dollars" (2), "euros" (2), "yen" (1).
    fn name(self) -> u32 {
        match self {
            Currency::Pound | Currency::Yen => 1,
            Currency::Dollar | Currency::Euro => 2,
        }
    }
}

/// Letters written straight after a number that we read as a word, and
/// their syllables.
const SUFFIXES: &[(&str, u32)] = &[
    ("s", 0),    // 1960s, 100s
    ("am", 2),   // a m
    ("pm", 2),   // p m
    ("k", 2),    // thousand
    ("m", 2),    // million (or metres: also 2)
    ("bn", 2),   // billion
    ("tn", 2),   // trillion
    ("p", 1),    // p (pence)
    ("g", 1),    // grams
    ("h", 1),    // hours
    ("hr", 1),   // hours
    ("hrs", 1),  // hours
    ("l", 2),    // litres
    ("min", 2),  // minutes
    ("mins", 2), // minutes
    ("kg", 3),   // kilograms
    ("mg", 3),   // milligrams
    ("mcg", 3),  // micrograms
    ("ml", 4),   // millilitres
    ("km", 4),   // kilometres
    ("cm", 4),   // centimetres
    ("mm", 4),   // millimetres
];

/// A suffix written straight after a number, or `None` for other letters.
fn suffix(letters: &str, n: &Number) -> Option<u32> {
    let whole = n.value().filter(|_| n.frac.is_none());
    if let Some(v) = whole {
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| letters.eq_ignore_ascii_case(s))
        {
            return Some(ordinal(v).saturating_sub(n.plain(false)));
        }
    }
    SUFFIXES
        .iter()
        .find(|(s, _)| letters.eq_ignore_ascii_case(s))
        .map(|&(_, syllables)| syllables)
}

/// Syllables in `part`, a token piece with at least one ASCII digit and no
/// separators. Runs of letters that are not a known suffix go to `word`.
pub(crate) fn count(part: &str, word: &mut dyn FnMut(&str) -> u32) -> u32 {
    let bytes = part.as_bytes();
    let mut total = 0;
    let mut currency: Option<Currency> = None;
    let mut i = 0;
    while i < part.len() {
        let c = match part[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_ascii_digit() {
            // the whole part, with thousands commas
            let start = i;
            let mut commas = false;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
                // a comma then exactly three digits: a thousands separator
                let group_follows = bytes.get(i) == Some(&b',')
                    && bytes
                        .get(i + 1..i + 4)
                        .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
                if group_follows {
                    commas = true;
                    i += 1;
                }
            }
            let whole = &bytes[start..i];
            let mut frac = None;
            if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let f = i + 1;
                i = f;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                frac = Some(&bytes[f..i]);
            }
            let n = Number {
                whole,
                commas,
                frac,
            };
            // letters straight after the number
            let letters_end = part[i..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(part.len(), |k| i + k);
            let letters = &part[i..letters_end];
            let suffix_syllables = if letters.is_empty() {
                None
            } else {
                suffix(letters, &n)
            };
            if suffix_syllables.is_some() {
                i = letters_end;
            }
            let percent = part[i..].starts_with('%');
            if percent {
                i += 1;
            }
            total += match currency.take() {
                Some(cur) => {
                    let pence = n
                        .frac
                        .filter(|f| f.len() == 2 && suffix_syllables.is_none());
                    match (n.value(), pence) {
                        (Some(0), Some(p)) => n_of(p) + 1, // "fifty p", "fifty cents"
                        (Some(_), Some(p)) => {
                            let whole = Number { frac: None, ..n };
                            whole.plain(false) + cur.name() + n_of(p)
                        }
                        _ => n.plain(false) + suffix_syllables.unwrap_or(0) + cur.name(),
                    }
                }
                None => {
                    n.plain(letters.is_empty() || letters == "s") + suffix_syllables.unwrap_or(0)
                }
            };
            if percent {
                total += 2; // per cent
            }
        } else if c.is_alphabetic() {
            let end = part[i..]
                .find(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
                .map_or(part.len(), |k| i + k);
            total += word(&part[i..end]);
            i = end;
        } else if matches!(c, '\'' | '\u{2019}')
            && part[i + c.len_utf8()..].starts_with(['s', 'S'])
            && i > 0
            && bytes[i - 1].is_ascii_digit()
        {
            // "1990's", "the 60's": the plural of a number adds nothing
            i += c.len_utf8() + 1;
        } else {
            if let Some(cur) = Currency::of(c) {
                currency = Some(cur);
            } else if c == '%' {
                total += 2;
            }
            i += c.len_utf8();
        }
    }
    total
}

/// The cardinal of a short digit string ("50" → fifty), for pence.
fn n_of(d: &[u8]) -> u32 {
    let v = d
        .iter()
        .fold(0u64, |acc, &b| acc * 10 + u64::from(b - b'0'));
    if v == 0 {
        0
    } else {
        cardinal(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> u32 {
        count(s, &mut |w| w.len() as u32)
    }

    #[test]
    fn cardinals() {
        for (v, want) in [
            (0, 2),
            (5, 1),
            (7, 2),
            (11, 3),
            (12, 1),
            (17, 3),
            (20, 2),
            (21, 3),
            (70, 3),
            (100, 3),  // one hun-dred
            (101, 5),  // one hun-dred and one
            (1000, 3), // one thou-sand
            (1005, 5), // one thou-sand and five
            (2500, 6), // two thou-sand five hun-dred
            (1_000_000, 3),
        ] {
            assert_eq!(cardinal(v), want, "{v}");
        }
    }

    #[test]
    fn ordinals() {
        for (v, want) in [
            (1, 1),
            (2, 2),
            (3, 1),
            (7, 2),
            (12, 1),
            (20, 3),
            (21, 3),
            (22, 4),
            (100, 3),
        ] {
            assert_eq!(ordinal(v), want, "{v}");
        }
    }

    #[test]
    fn written_forms() {
        for (s, want) in [
            ("5", 1),
            ("12", 1),
            ("17", 3),
            ("2023", 5),  // twen-ty twen-ty-three
            ("1984", 5),  // nine-teen eigh-ty-four
            ("1900", 4),  // nine-teen hun-dred
            ("1905", 4),  // nine-teen oh five
            ("2005", 5),  // two thou-sand and five
            ("1960s", 4), // nine-teen six-ties
            ("£3.50", 4), // three pounds fif-ty
            ("£3", 2),    // three pounds
            ("£0.50", 3), // fif-ty p
            ("50p", 3),   // fif-ty p
            ("£1.2m", 6), // one point two mil-lion pounds
            ("$5", 3),    // five dol-lars
            ("2.5%", 5),  // two point five per cent
            ("0.75", 5),  // nought point sev-en five
            ("3.05", 4),  // three point oh five
            ("1st", 1),
            ("2nd", 2),
            ("21st", 3),
            ("3pm", 3),
            ("10,000", 3), // ten thou-sand
            ("0800", 4),   // oh eight oh oh
            ("5kg", 4),
        ] {
            assert_eq!(n(s), want, "{s}");
        }
    }
}
