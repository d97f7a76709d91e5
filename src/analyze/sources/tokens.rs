//! Words with byte offsets, and sentence boundaries that never fall inside a quotation.

/// A word of a unit's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    /// Byte range of the word without a possessive "'s".
    pub start: usize,
    pub end: usize,
    /// Byte end including the possessive, when there is one.
    pub full_end: usize,
    pub possessive: bool,
}

impl Tok {
    /// The word's text (without the possessive).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Abbreviations whose final period does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Ms"
            | "Mrs"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Mx"
            | "St"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Corp"
            | "Co"
            | "Ltd"
            | "No"
            | "vs"
            | "Jan"
            | "Feb"
            | "Aug"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "approx"
            | "etc"
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&')
}

/// Splits `text` into words. Hyphens, apostrophes and periods inside a word join it ("state-run",
/// "O'Brien", "U.S"); a final period joins abbreviations and initials ("Mr.", "J.", "U.S.").
pub(super) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !is_word_char(c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) {
                j += 1;
            } else if is_joiner(c) && chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n)) {
                j += 2;
            } else {
                break;
            }
        }
        let mut end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = text.get(start..end).unwrap_or("");
        if chars.get(j).is_some_and(|&(_, c)| c == '.') {
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if is_abbreviation(word) || single_initial || word.contains('.') {
                end += 1;
                j += 1;
            }
        }
        let word = text.get(start..end).unwrap_or("");
        let (mut name_end, mut possessive) =
            match word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")) {
                Some(stem) if !stem.is_empty() => (start + stem.len(), true),
                _ => (end, false),
            };
        // A plural possessive: "the workers' union"; inside a name ("Dock Porters'
        // Guild") the mark belongs to the name.
        if word.ends_with('s') && chars.get(j).is_some_and(|&(_, c)| c == '\'' || c == '’') {
            let after = chars.get(j + 1).map(|&(_, c)| c);
            if after.map_or(true, |c| c.is_whitespace() || matches!(c, ',' | '.' | ';')) {
                let next_upper = chars.get(j + 2).is_some_and(|&(_, c)| c.is_uppercase());
                let mark_end = chars.get(j + 1).map_or(text.len(), |&(b, _)| b);
                if word.chars().next().is_some_and(char::is_uppercase) && next_upper {
                    name_end = mark_end;
                } else {
                    possessive = true;
                }
                end = mark_end;
                j += 1;
            }
        }
        toks.push(Tok {
            start,
            end: name_end,
            full_end: end,
            possessive,
        });
        i = j;
    }
    toks
}

/// Whether byte `pos` lies inside one of `spans` (disjoint and in order, as quotations are): a
/// binary search, since it is asked for every word of a paragraph that may hold many quotations.
pub(super) fn inside(spans: &[(usize, usize)], pos: usize) -> bool {
    let after = spans.partition_point(|&(s, _)| s <= pos);
    after
        .checked_sub(1)
        .and_then(|i| spans.get(i))
        .is_some_and(|&(s, e)| pos >= s && pos < e)
}

/// Sentence ranges of `text`. `quotes` are byte ranges of quotations (marks included): a sentence
/// never ends inside one, but may end right after one whose words end a sentence.
pub(super) fn sentences(text: &str, quotes: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut q = 0;
    let mut i = 0;
    while i < text.len() {
        while q < quotes.len() && quotes[q].1 <= i {
            q += 1;
        }
        if let Some(&(qs, qe)) = quotes.get(q) {
            if i >= qs && i < qe {
                // A quotation whose words end with . ? ! may end the sentence right after its mark.
                let inner = text.get(qs..qe).unwrap_or("");
                let ends = inner
                    .trim_end_matches(['"', '”', ' '])
                    .ends_with(['.', '?', '!']);
                if ends && next_starts_sentence(text, qe) {
                    out.push((start, qe));
                    start = skip_space(text, qe);
                }
                i = qe;
                continue;
            }
        }
        let c = bytes[i];
        if matches!(c, b'.' | b'?' | b'!') && next_starts_sentence(text, i + 1) {
            let word_start = text[..i]
                .rfind(|ch: char| ch.is_whitespace() || ch == '(')
                .map_or(0, |p| p + 1);
            let word = text.get(word_start..i).unwrap_or("");
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if c != b'.' || !(is_abbreviation(word) || initial || word.contains('.')) {
                out.push((start, i + 1));
                start = skip_space(text, i + 1);
            }
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

fn skip_space(text: &str, from: usize) -> usize {
    text.get(from..).map_or(text.len(), |rest| {
        from + (rest.len() - rest.trim_start().len())
    })
}

/// Whether a new sentence may start after byte `at`: whitespace, then a capital, digit or quote.
fn next_starts_sentence(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() {
        return false;
    }
    trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn joins_hyphens_abbreviations_and_possessives() {
        let text = "Mr. Kim's state-run U.S. agency, al-Assad's O’Brien.";
        assert_eq!(
            words(text),
            [
                "Mr.",
                "Kim",
                "state-run",
                "U.S.",
                "agency",
                "al-Assad",
                "O’Brien"
            ]
        );
        let toks = tokenize(text);
        assert!(toks[1].possessive && !toks[0].possessive);
    }

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let text = "“One. Two,” Mr. Li said. “Three.” Then Dr. No left.";
        let q1 = (0, text.find('”').unwrap() + '”'.len_utf8());
        let q2s = text.find("“Three").unwrap();
        let q2 = (q2s, q2s + "“Three.”".len());
        let s = sentences(text, &[q1, q2]);
        let parts: Vec<&str> = s.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            parts,
            ["“One. Two,” Mr. Li said.", "“Three.”", "Then Dr. No left."]
        );
    }
}
