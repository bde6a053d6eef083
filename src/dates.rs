//! Dates as a facilitator types them while the room keeps talking: `31-10`,
//! `31-10-2027`, `2027-10-31`, `31 okt`, `vrijdag`, `morgen`, `over 2 weken`,
//! `+2w`, and the English words (`31 Oct`, `friday`, `tomorrow`, `in 2
//! weeks`). Both languages' words are understood whatever the UI language:
//! no word means one thing in Dutch and another in English, and the field
//! echoes the date it read (see [`echo`]), so nothing is taken silently.
//!
//! Pure: relative dates count from the `today` given.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::i18n::{self, Lang};

/// A date without a year is this year's, unless that lies more than this
/// many days back: then it is next year's (a due date of `31-10` typed in
/// November means next October; a meeting of last week keeps its year).
const YEARLESS_PAST_DAYS: u64 = 14;

/// The date `text` means, counted from `today`; `None` when it is not one.
pub fn parse(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim().to_lowercase().replace(',', " ");
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_end_matches('.')).collect();
    match words.as_slice() {
        [] => None,
        [one] => single(one, today),
        _ => phrase(&words, today),
    }
}

/// One word: a numeric date, a day word, a weekday, or `+2w`.
fn single(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    if let Some(rest) = word.strip_prefix('+') {
        return shorthand(rest, today);
    }
    if let Some(days) = day_word(word) {
        return today.checked_add_signed(chrono::Duration::days(days));
    }
    if let Some(day) = weekday(word) {
        return Some(next_weekday(today, day));
    }
    numeric(word, today)
}

/// `2027-10-31`, `31-10-2027`, `31/10/27`, `31.10`, `31-10`.
fn numeric(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<&str> = word.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 4) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => NaiveDate::from_ymd_opt(n(y)? as i32, n(m)?, n(d)?),
        [d, m, y] if y.len() == 4 || y.len() == 2 => NaiveDate::from_ymd_opt(year(y)?, n(m)?, n(d)?),
        [d, m] => yearless(n(d)?, n(m)?, today),
        _ => None,
    }
}

/// A written year: `2027`, or `27` for 2027.
fn year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    match s.len() {
        4 => Some(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

fn yearless(day: u32, month: u32, today: NaiveDate) -> Option<NaiveDate> {
    let limit = today.checked_sub_days(Days::new(YEARLESS_PAST_DAYS))?;
    match NaiveDate::from_ymd_opt(today.year(), month, day) {
        Some(d) if d >= limit => Some(d),
        _ => NaiveDate::from_ymd_opt(today.year() + 1, month, day),
    }
}

/// What follows `+`: `2w`, `14`, `14d`, `3m`, `1j`/`1y`.
fn shorthand(rest: &str, today: NaiveDate) -> Option<NaiveDate> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let count: u32 = rest[..digits].parse().ok()?;
    let unit = match &rest[digits..] {
        "" => Unit::Day,
        u => unit(u)?,
    };
    add(today, count, unit)
}

/// Several words: `over 2 weken`, `in a week`, `volgende week vrijdag`,
/// `31 okt`, `31 oktober 2027`, `Oct 31 2027`, `vrijdag 31 okt`.
fn phrase(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = match words {
        // "over 2 weken", "in 2 weeks", "2 weken", "+ 2 w"
        [lead, rest @ ..] if matches!(*lead, "over" | "in" | "+") => rest.to_vec(),
        _ => words.to_vec(),
    };
    if let [count, u] = words.as_slice()
        && let (Some(count), Some(u)) = (number(count), unit(u))
    {
        return add(today, count, u);
    }
    if let Some(d) = next_week(&words, today) {
        return Some(d);
    }
    day_and_month(&words, today)
}

/// `volgende week` (a week from today), `volgende maand` (a month), and
/// `volgende week vrijdag` / `vrijdag volgende week` (that weekday in the
/// week after this one).
fn next_week(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let is_next = |a: &str, b: &str| matches!((a, b), ("volgende", "week") | ("next", "week"));
    let day = match words {
        [a, b] if is_next(a, b) => return today.checked_add_days(Days::new(7)),
        ["volgende" | "next", "maand" | "month"] => return today.checked_add_months(Months::new(1)),
        [a, b, w] | [w, a, b] if is_next(a, b) => weekday(w)?,
        _ => return None,
    };
    let monday = today.checked_sub_days(Days::new(u64::from(today.weekday().num_days_from_monday())))?;
    monday.checked_add_days(Days::new(7 + u64::from(day.num_days_from_monday())))
}

/// `31 okt`, `31 oktober 2027`, `Oct 31`, `October 31 2027`, `31st Oct`;
/// a weekday in front (`vrijdag 31 okt`) is allowed and not checked.
fn day_and_month(words: &[&str], today: NaiveDate) -> Option<NaiveDate> {
    let words = match words {
        [w, rest @ ..] if weekday(w).is_some() => rest,
        _ => words,
    };
    let (m, d, year_word) = match words {
        [d, m] if month(m).is_some() => (m, d, None),
        [m, d] => (m, d, None),
        [d, m, y] if month(m).is_some() => (m, d, Some(*y)),
        [m, d, y] => (m, d, Some(*y)),
        _ => return None,
    };
    let (month, day) = (month(m)?, ordinal(d)?);
    match year_word {
        None => yearless(day, month, today),
        Some(y) if y.len() == 4 => NaiveDate::from_ymd_opt(year(y)?, month, day),
        Some(_) => None,
    }
}

/// `31`, `31st`, `1e`, `2nd`, `3rd`, `4th`.
fn ordinal(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    match &word[digits..] {
        "" | "e" | "ste" | "de" | "st" | "nd" | "rd" | "th" if digits > 0 => word[..digits].parse().ok(),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word {
        "d" | "dag" | "dagen" | "day" | "days" => Unit::Day,
        "w" | "wk" | "week" | "weken" | "weeks" => Unit::Week,
        "m" | "mnd" | "maand" | "maanden" | "month" | "months" => Unit::Month,
        "j" | "y" | "jaar" | "jaren" | "year" | "years" => Unit::Year,
        _ => return None,
    })
}

fn add(today: NaiveDate, count: u32, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => today.checked_add_days(Days::new(u64::from(count))),
        Unit::Week => today.checked_add_days(Days::new(7 * u64::from(count))),
        Unit::Month => today.checked_add_months(Months::new(count)),
        Unit::Year => today.checked_add_months(Months::new(count.checked_mul(12)?)),
    }
}

/// `2`, `twee`, `two`, `een`, `a`.
fn number(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const NL: [&str; 12] =
        ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"];
    const EN: [&str; 12] =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    match word {
        "één" | "a" | "an" => Some(1),
        w => NL.iter().chain(EN.iter()).position(|n| *n == w).map(|i| (i % 12) as u32 + 1),
    }
}

/// Days from today of `vandaag`, `morgen`, `overmorgen`, `gisteren` and
/// their English words.
fn day_word(word: &str) -> Option<i64> {
    Some(match word {
        "vandaag" | "today" => 0,
        "morgen" | "tomorrow" => 1,
        "overmorgen" => 2,
        "gisteren" | "yesterday" => -1,
        "eergisteren" => -2,
        _ => return None,
    })
}

fn weekday(word: &str) -> Option<Weekday> {
    use Weekday::*;
    Some(match word {
        "maandag" | "ma" | "monday" | "mon" => Mon,
        "dinsdag" | "di" | "tuesday" | "tue" | "tues" => Tue,
        "woensdag" | "wo" | "wednesday" | "wed" => Wed,
        "donderdag" | "do" | "thursday" | "thu" | "thur" | "thurs" => Thu,
        "vrijdag" | "vr" | "friday" | "fri" => Fri,
        "zaterdag" | "za" | "saturday" | "sat" => Sat,
        "zondag" | "zo" | "sunday" | "sun" => Sun,
        _ => return None,
    })
}

/// The first `day` after today (a week ahead when today is that day).
fn next_weekday(today: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    today + Days::new(u64::from(if ahead == 0 { 7 } else { ahead }))
}

fn month(word: &str) -> Option<u32> {
    Some(match word {
        "jan" | "januari" | "january" => 1,
        "feb" | "februari" | "february" => 2,
        "mrt" | "mar" | "maart" | "march" => 3,
        "apr" | "april" => 4,
        "mei" | "may" => 5,
        "jun" | "juni" | "june" => 6,
        "jul" | "juli" | "july" => 7,
        "aug" | "augustus" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "okt" | "oct" | "oktober" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

const WEEKDAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The date as the field echoes it: `vr 31 okt 2027` / `Fri 31 Oct 2027`.
pub fn echo(lang: Lang, d: NaiveDate) -> String {
    let days = if lang == Lang::Nl { &WEEKDAYS_NL } else { &WEEKDAYS_EN };
    format!("{} {}", days[d.weekday().num_days_from_monday() as usize], i18n::date(lang, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sunday 29 November 2026.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn p(s: &str) -> Option<NaiveDate> {
        parse(s, today())
    }

    #[test]
    fn numeric_dates_with_and_without_a_year() {
        assert_eq!(p("2027-10-31"), d(2027, 10, 31));
        assert_eq!(p("31-10-2027"), d(2027, 10, 31));
        assert_eq!(p(" 1-4-2026 "), d(2026, 4, 1));
        assert_eq!(p("01/04/2026"), d(2026, 4, 1));
        assert_eq!(p("31.10.27"), d(2027, 10, 31));
        // Without a year: this year's unless it lies more than 14 days back.
        assert_eq!(p("31-10"), d(2027, 10, 31), "a month back: next year");
        assert_eq!(p("20-11"), d(2026, 11, 20), "nine days back stays this year");
        assert_eq!(p("14-11"), d(2027, 11, 14), "fifteen days back: next year");
        assert_eq!(p("24/12"), d(2026, 12, 24));
        assert_eq!(p("2026-13-01"), None);
        assert_eq!(p("31-11"), None);
        assert_eq!(p("12345"), None);
        assert_eq!(p("1-2-3"), None);
    }

    #[test]
    fn dutch_words() {
        assert_eq!(p("vandaag"), d(2026, 11, 29));
        assert_eq!(p("morgen"), d(2026, 11, 30));
        assert_eq!(p("Overmorgen"), d(2026, 12, 1));
        assert_eq!(p("vrijdag"), d(2026, 12, 4));
        assert_eq!(p("vr"), d(2026, 12, 4));
        assert_eq!(p("zondag"), d(2026, 12, 6), "today's weekday means next week's");
        assert_eq!(p("over 2 weken"), d(2026, 12, 13));
        assert_eq!(p("over twee weken"), d(2026, 12, 13));
        assert_eq!(p("over een maand"), d(2026, 12, 29));
        assert_eq!(p("over 10 dagen"), d(2026, 12, 9));
        assert_eq!(p("3 weken"), d(2026, 12, 20));
        assert_eq!(p("volgende week"), d(2026, 12, 6));
        assert_eq!(p("volgende week woensdag"), d(2026, 12, 2));
        assert_eq!(p("31 okt"), d(2027, 10, 31));
        assert_eq!(p("31 okt."), d(2027, 10, 31));
        assert_eq!(p("3 december"), d(2026, 12, 3));
        assert_eq!(p("31 oktober 2027"), d(2027, 10, 31));
        assert_eq!(p("vrijdag 4 dec"), d(2026, 12, 4));
        assert_eq!(p("over"), None);
        assert_eq!(p("over 2 jaren"), d(2028, 11, 29));
        assert_eq!(p("32 okt"), None);
        assert_eq!(p("volgende maand"), d(2026, 12, 29));
        assert_eq!(p("na de zomer"), None);
    }

    #[test]
    fn shorthand_counts_from_today() {
        assert_eq!(p("+2w"), d(2026, 12, 13));
        assert_eq!(p("+14"), d(2026, 12, 13));
        assert_eq!(p("+3d"), d(2026, 12, 2));
        assert_eq!(p("+1m"), d(2026, 12, 29));
        assert_eq!(p("+ 2 w"), d(2026, 12, 13));
        assert_eq!(p("+"), None);
        assert_eq!(p("+2x"), None);
    }

    #[test]
    fn english_words() {
        assert_eq!(p("tomorrow"), d(2026, 11, 30));
        assert_eq!(p("Friday"), d(2026, 12, 4));
        assert_eq!(p("in 2 weeks"), d(2026, 12, 13));
        assert_eq!(p("in a week"), d(2026, 12, 6));
        assert_eq!(p("in three months"), d(2027, 2, 28), "end of month clamps");
        assert_eq!(p("31 Oct"), d(2027, 10, 31));
        assert_eq!(p("Oct 31"), d(2027, 10, 31));
        assert_eq!(p("October 31, 2027"), d(2027, 10, 31));
        assert_eq!(p("3rd Dec"), d(2026, 12, 3));
        assert_eq!(p("next week friday"), d(2026, 12, 4));
        assert_eq!(p("friday next week"), d(2026, 12, 4));
        assert_eq!(p("next week"), d(2026, 12, 6));
        assert_eq!(p("whenever"), None);
    }

    #[test]
    fn the_echo_names_the_weekday_in_the_ui_language() {
        let day = NaiveDate::from_ymd_opt(2027, 10, 29).unwrap();
        assert_eq!(echo(Lang::Nl, day), "vr 29 okt 2027");
        assert_eq!(echo(Lang::En, day), "Fri 29 Oct 2027");
    }
}
