//! Search that forgives case and accents: "overleg" finds "Overleg", "een"
//! finds "één", "bensaid" finds "Bensaïd".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Text folded for comparison: lower case, canonical decomposition with the
/// combining marks dropped, and the letters that do not decompose spelled
/// out ("ß" → "ss", "ø" → "o", "æ" → "ae"). "Één" becomes "een". Also the
/// base of file names made from titles.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase).collect::<String>().nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match spelled_out(c) {
            Some(ascii) => out.push_str(ascii),
            None => out.push(c),
        }
    }
    out
}

/// Latin letters without a canonical decomposition, as ASCII.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'ø' => "o",
        'ł' | 'ŀ' => "l",
        'đ' | 'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ĳ' => "ij",
        'ŧ' => "t",
        'þ' => "th",
        'ŉ' => "n",
        _ => return None,
    })
}

/// A folded text and, for each of its bytes' characters, the byte offset of
/// the character it came from in the original, to show where a hit is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Folded {
    pub folded: String,
    /// `origin[i]` is the byte offset in the original of folded char `i`.
    origin: Vec<usize>,
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut folded = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len());
        for (at, c) in s.char_indices() {
            let mut buf = [0u8; 4];
            for d in
                c.encode_utf8(&mut buf).nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase)
            {
                folded.push(d);
                origin.push(at);
            }
        }
        Folded { folded, origin }
    }

    /// Byte offset in the original text of the first match of the folded
    /// `needle`, if any.
    pub fn find(&self, needle: &str) -> Option<usize> {
        if needle.is_empty() {
            return None;
        }
        let byte = self.folded.find(needle)?;
        let char_index = self.folded[..byte].chars().count();
        self.origin.get(char_index).copied()
    }
}

/// A short piece of `text` around byte `at`, on one line, for a result list.
pub fn snippet(text: &str, at: usize, width: usize) -> String {
    let flat: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    let before = flat[..at.min(flat.len())].chars().rev().take(width / 3).count();
    let start_char = flat[..at.min(flat.len())].chars().count() - before;
    let s: String = flat.chars().skip(start_char).take(width).collect();
    if start_char > 0 { format!("…{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_are_forgiven() {
        assert_eq!(fold("Overleg"), "overleg");
        assert_eq!(fold("één"), "een");
        assert_eq!(fold("Bensaïd"), "bensaid");
        assert_eq!(fold("CLIËNTEN"), "clienten");
        assert!(fold("Eén aanpak per complex").contains(&fold("een aanpak")));
        assert_eq!(fold("Straße Søren Œuvre Łódź"), "strasse soren oeuvre lodz");
    }

    #[test]
    fn hits_point_into_the_original_text() {
        let f = Folded::new("Per complex één vaste contactpersoon");
        let text = "Per complex één vaste contactpersoon";
        let at = f.find(&fold("EEN vaste")).unwrap();
        assert!(text[at..].starts_with("één vaste"));
        assert_eq!(f.find("xyz"), None);
        assert_eq!(f.find(""), None);
    }

    #[test]
    fn snippets_stay_on_one_line() {
        let s = snippet("regel een\nregel twee met overleg erin", 24, 20);
        assert!(!s.contains('\n'));
        assert!(s.contains("overleg"), "{s}");
    }
}
