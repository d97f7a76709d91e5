//! Abbreviations defined in the text ("Long Form (LF)", "LF (Long Form)", ...) and their later uses.
//!
//! A definition pairs a short form with a long form the text writes next to it:
//! - "Long Form (LF)" or "Long Form [LF]": the long form is found among the words before the
//!   bracket by matching the short form's letters (a Schwartz–Hearst-style matcher);
//! - "LF (Long Form)", "LFs [long forms]": the bracket holds the long form;
//! - "the Long Form, or LF,", "Long Form, known as LF,";
//! - a short form used without brackets after its long form was written out in capitals
//!   ("... Korean Central News Agency ... the KCNA").
//!
//! Every use of a defined short form from its definition on becomes a mark whose popup gives the long
//! form.

use std::collections::HashMap;

use super::{Mark, Unit};
use crate::{Abbreviation, Citation, CitationKind};

/// Small words a long form may contain without a letter in the short form.
const STOP_WORDS: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "to", "at", "a", "an", "de", "du", "des", "la", "le",
    "&",
];

/// The most definitions read from one article, so that hostile input stays cheap.
const MAX_DEFINITIONS: usize = 1000;

/// One definition found in the text.
#[derive(Debug, Clone)]
struct Definition {
    short: String,
    long: String,
    /// Where uses start to be marked: the short form at the definition site.
    unit: usize,
    at: usize,
}

/// Finds the abbreviations `units` define, and a mark for each use of a short form from its
/// definition on. `defined` are short forms the document defines apart from its text (Markdown's
/// `*[SHORT]: long`): they come first, and each whole-word, case-sensitive use of them anywhere is
/// marked; the text cannot redefine them.
pub(crate) fn find(units: &[Unit], defined: &[Abbreviation]) -> (Vec<Abbreviation>, Vec<Mark>) {
    let defined_marks = mark_defined(units, defined);
    let mut definitions = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        bracket_definitions(u, &unit.text, &mut definitions);
        or_definitions(u, &unit.text, &mut definitions);
        if definitions.len() >= MAX_DEFINITIONS {
            break;
        }
    }
    implicit_definitions(units, &mut definitions);
    super::sort_stable_by_position(&mut definitions, |d| [d.unit, d.at, 0]);
    // Sets, not lists: one long paragraph can define thousands of short forms.
    let mut seen: std::collections::HashSet<String> =
        defined.iter().map(|a| stem(&a.short).to_string()).collect();
    definitions.retain(|d| seen.insert(stem(&d.short).to_string()));
    let mut marks = mark_uses(units, &definitions);
    marks.extend(defined_marks);
    let abbreviations = defined
        .iter()
        .cloned()
        .chain(definitions.into_iter().map(|d| Abbreviation {
            short: d.short,
            long: d.long,
        }))
        .collect();
    (abbreviations, marks)
}

/// Marks every whole-word, case-sensitive use of a short form of `defined` ("W3C WG" too), in any
/// unit. Forms are looked up by their first word at each word start, so the scan stays linear.
fn mark_defined(units: &[Unit], defined: &[Abbreviation]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut by_first: HashMap<&str, Vec<&Abbreviation>> = HashMap::new();
    for a in defined.iter().filter(|a| !a.short.is_empty()) {
        by_first.entry(lead(&a.short)).or_default().push(a);
    }
    if by_first.is_empty() {
        return marks;
    }
    for forms in by_first.values_mut() {
        // The longest form that fits wins ("W3C WG" over "W3C").
        forms.sort_by_key(|a| std::cmp::Reverse(a.short.len()));
    }
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (u, unit) in units.iter().enumerate() {
        let text = unit.text.as_str();
        let mut resume = 0;
        for (i, c) in text.char_indices() {
            if i < resume || (c.is_alphanumeric() && alnum(text[..i].chars().next_back())) {
                continue;
            }
            let Some(forms) = text.get(i..).and_then(|rest| by_first.get(lead(rest))) else {
                continue;
            };
            let fits = |a: &&&Abbreviation| {
                let end = i + a.short.len();
                text.get(i..end) == Some(a.short.as_str())
                    && !(a.short.ends_with(char::is_alphanumeric)
                        && alnum(text.get(end..).and_then(|r| r.chars().next())))
            };
            if let Some(a) = forms.iter().find(fits) {
                resume = i + a.short.len();
                marks.push(Mark {
                    unit: u,
                    start: i,
                    end: resume,
                    citation: Citation {
                        id: String::new(),
                        kind: CitationKind::Abbreviation,
                        text: a.short.clone(),
                        source: None,
                        cue: None,
                        detail: Some(a.long.clone()),
                    },
                });
            }
        }
    }
    marks
}

/// A short form's lookup key: its leading run of letters and digits, or else its first character.
fn lead(text: &str) -> &str {
    let run = text
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| i);
    let end = if run > 0 {
        run
    } else {
        text.chars().next().map_or(0, char::len_utf8)
    };
    text.get(..end).unwrap_or_default()
}

/// The short form without a plural "s": "ICBMs" → "ICBM".
fn stem(short: &str) -> &str {
    match short.strip_suffix('s') {
        Some(s) if s.ends_with(|c: char| c.is_uppercase() || c == '.') => s,
        _ => short,
    }
}

/// The letters and digits a short form stands for, lowercased ("U.N." → "un", "ICBMs" → "icbm").
fn short_letters(short: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = short.chars().collect();
    if chars.len() < 2 || chars.len() > 12 {
        return None;
    }
    // "qPCR", "mRNA": a lowercase prefix letter before capitals.
    let lower_first = chars.first().is_some_and(|c| c.is_lowercase())
        && chars.get(1).is_some_and(|c| c.is_uppercase());
    if !(chars.first().is_some_and(|c| c.is_uppercase()) || lower_first) {
        return None;
    }
    if !chars
        .iter()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '-'))
    {
        return None;
    }
    // "R-NY", "D-Calif.": a party and a state, not a short form.
    if chars.get(1) == Some(&'-') {
        return None;
    }
    let body = stem(short);
    let upper = body.chars().filter(|c| c.is_uppercase()).count();
    let lower = body.chars().filter(|c| c.is_lowercase()).count();
    // "DoD", "BofA" but not "Texas", "R-Texas", "D-Calif.".
    if upper < 2 || lower > upper || body.chars().filter(|c| c.is_alphabetic()).count() > 8 {
        return None;
    }
    let letters: Vec<char> = body
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (letters.len() >= 2 && letters.iter().any(|c| c.is_alphabetic())).then_some(letters)
}

/// A capitalised word written as a name ("Ebitda", "Nato"): a short form only where the text
/// pairs it with a long form whose words spell it.
fn word_short_letters(short: &str) -> Option<Vec<char>> {
    let body = stem(short);
    let n = body.chars().count();
    let mut chars = body.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    (first_upper && (3..=8).contains(&n) && chars.all(char::is_lowercase))
        .then(|| body.chars().flat_map(char::to_lowercase).collect())
}

/// Two or more words, each capitalised bar small stop words: a name ("Sindicato Unido de
/// Trabajadores").
fn is_capitalised_name(long: &str) -> bool {
    let ws = words(long);
    let content: Vec<&Word<'_>> = ws.iter().filter(|w| !is_stop_word(w.text)).collect();
    content.len() >= 2
        && content
            .iter()
            .all(|w| w.text.chars().next().is_some_and(char::is_uppercase))
}

/// A word of a unit's text with its byte span.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..],
            start: s,
            end: text.len(),
        });
    }
    out
}

fn is_stop_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    STOP_WORDS.contains(&w.to_lowercase().as_str())
}

/// The longest long form for a short form of `n` letters, in words.
fn max_words(n: usize) -> usize {
    (n + 5).min(2 * n)
}

/// The words just before `end` that may hold a long form: at most `limit`, not crossing a clause or
/// sentence boundary.
fn window_before(text: &str, end: usize, limit: usize) -> Option<usize> {
    let from = recent(text, end);
    let before = text.get(from..end)?;
    let ws = words(before);
    // The first word may be cut by the look-back limit.
    let whole = |w: &&Word<'_>| w.start > 0 || from == 0;
    let mut first = None;
    for w in ws.iter().rev().filter(whole).take(limit) {
        // "Ministry of Industry, Trade and Supply (MoITS)": a comma inside a list the long
        // form closes with "and" is no boundary.
        let listed = w.text.ends_with(',')
            && text
                .get(from + w.end..end)
                .is_some_and(|rest| rest.contains(" and ") && !rest.contains([';', '.']));
        let boundary = (w.text.ends_with([',', '.', ';', ':', '!', '?', '—', '–']) && !listed)
            || w.text.contains(['(', ')', '[', ']', '“', '”', '"']);
        if boundary {
            break;
        }
        first = Some(from + w.start);
    }
    first
}

/// Where to start looking back from `end`: a few hundred bytes suffice for any long form, and a
/// bounded look-back keeps the scan linear.
fn recent(text: &str, end: usize) -> usize {
    let mut from = end.saturating_sub(400);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// Where the long form for `letters` begins in `long` (byte offset), or `None` when the words do
/// not spell the short form.
fn match_long_form(letters: &[char], long: &str) -> Option<usize> {
    initials_match(letters, long)
        .or_else(|| schwartz_hearst(letters, long))
        .or_else(|| unordered_initials(letters, long))
}

/// Sub-words split at spaces, hyphens and slashes: "Co-operation" gives "Co" and "operation".
fn sub_words(long: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    for w in words(long) {
        let mut offset = w.start;
        for part in w.text.split(['-', '/']) {
            if !part.is_empty() {
                out.push(Word {
                    text: part,
                    start: offset,
                    end: offset + part.len(),
                });
            }
            offset += part.len() + 1;
        }
    }
    out
}

fn initial(word: &str) -> Option<char> {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .and_then(|c| c.to_lowercase().next())
}

/// Each letter is the initial of a word, right to left; small stop words may be skipped.
fn initials_match(letters: &[char], long: &str) -> Option<usize> {
    let parts = sub_words(long);
    let mut i = letters.len();
    let mut start = None;
    for part in parts.iter().rev() {
        if i == 0 {
            break;
        }
        let c = initial(part.text)?;
        if c == letters[i - 1] {
            i -= 1;
            start = Some(part.start);
        } else if !is_stop_word(part.text) {
            return None;
        }
    }
    if i > 0 {
        return None;
    }
    let start = start?;
    // Start at the whole word ("Co-operation"), not inside it.
    let word_start = words(long)
        .iter()
        .rev()
        .find(|w| w.start <= start)
        .map_or(start, |w| w.start);
    if is_stop_word(&long[word_start..]) && long[word_start..].split_whitespace().count() == 1 {
        return None;
    }
    Some(word_start)
}

/// A Schwartz–Hearst-style matcher: every letter matched in order anywhere in the long form, the
/// first at a word start. Of all such alignments the one with the most letters on word starts wins
/// (then the shortest long form), so "NASTA" reads N-ational A-s-t-ronomy A-dministration. Accepted
/// only for three letters or more, when at least half the letters fall on word starts and the long
/// form does not open with a stop word.
fn schwartz_hearst(letters: &[char], long: &str) -> Option<usize> {
    let n = letters.len();
    if n < 3 {
        return None;
    }
    let chars: Vec<(usize, char)> = long.char_indices().collect();
    let lower: Vec<char> = chars
        .iter()
        .map(|&(_, c)| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let word_start: Vec<bool> = (0..lower.len())
        .map(|k| k == 0 || lower.get(k - 1).is_some_and(|c| !c.is_alphanumeric()))
        .collect();
    // content_before[p]: content words (not stop words) that end before p. A long form starting at
    // p holds `total - content_before[p]` of them; each one that no letter opens counts against
    // it, so "water entering and leaving 40 wastewater treatment plants (WWTPs)" gives way to
    // "wastewater treatment plants".
    let ws = words(long);
    let mut content_before = Vec::with_capacity(chars.len());
    let (mut wi, mut seen) = (0, 0);
    for &(b, _) in &chars {
        while let Some(w) = ws.get(wi).filter(|w| w.end <= b) {
            seen += usize::from(!is_stop_word(w.text));
            wi += 1;
        }
        content_before.push(seen);
    }
    // best[p] = (letters on word starts + content words before the start, start of the long
    // form, letters on word starts) for the letters so far, with the current letter at p.
    let mut best: Vec<Option<(usize, usize, usize)>> = (0..lower.len())
        .map(|p| (lower[p] == letters[0] && word_start[p]).then(|| (1 + content_before[p], p, 1)))
        .collect();
    for &letter in &letters[1..] {
        let mut next = vec![None; lower.len()];
        let mut running: Option<(usize, usize, usize)> = None;
        for p in 0..lower.len() {
            if lower[p] == letter {
                if let Some((score, start, at_starts)) = running {
                    let ws = usize::from(word_start[p]);
                    next[p] = Some((score + ws, start, at_starts + ws));
                }
            }
            if let Some(v) = best[p] {
                running = Some(running.map_or(v, |r| r.max(v)));
            }
        }
        best = next;
    }
    let (_, start, at_starts) = best.into_iter().flatten().max()?;
    let start_byte = chars.get(start).map(|&(b, _)| b)?;
    let rest = &long[start_byte..];
    // One long word that contains the letters in order ("trihalomethanes, or THMs").
    let one_word =
        !rest.trim().contains(char::is_whitespace) && rest.trim().chars().count() > n + 2;
    if at_starts * 2 < n && !one_word {
        return None;
    }
    let first_word = rest.split_whitespace().next().unwrap_or("");
    if is_stop_word(first_word) {
        return None;
    }
    Some(start_byte)
}

/// Letters out of order: the last words (stop words aside) have exactly the short form's letters
/// as initials, in some order. Only for three letters or more, where a chance match is unlikely.
fn unordered_initials(letters: &[char], long: &str) -> Option<usize> {
    if letters.len() < 3 {
        return None;
    }
    let ws = words(long);
    let mut content: Vec<Word<'_>> = ws
        .iter()
        .rev()
        .filter(|w| !is_stop_word(w.text))
        .take(letters.len())
        .copied()
        .collect();
    if content.len() < letters.len() {
        return None;
    }
    content.reverse();
    let mut initials: Vec<char> = content.iter().filter_map(|w| initial(w.text)).collect();
    let mut wanted = letters.to_vec();
    initials.sort_unstable();
    wanted.sort_unstable();
    let capitalised = content
        .iter()
        .all(|w| w.text.chars().next().is_some_and(char::is_uppercase));
    (initials == wanted && capitalised).then(|| content[0].start)
}

/// Trims what does not belong to a long form at its end.
fn clean_long(long: &str) -> &str {
    long.trim().trim_end_matches([',', ';', ':']).trim_end()
}

/// "Long Form (LF)", "Long Form [LF]", "LF (Long Form)", "LFs [long forms]".
fn bracket_definitions(u: usize, text: &str, out: &mut Vec<Definition>) {
    let bytes = text.as_bytes();
    for (open, &b) in bytes.iter().enumerate() {
        let close_byte = match b {
            b'(' => b')',
            b'[' => b']',
            _ => continue,
        };
        let Some(rel) = bytes
            .get(open + 1..)
            .and_then(|rest| rest.iter().take(160).position(|&c| c == close_byte))
        else {
            continue;
        };
        let close = open + 1 + rel;
        let Some(inner_raw) = text.get(open + 1..close) else {
            continue;
        };
        if inner_raw.contains(['(', '[', ')', ']']) {
            continue;
        }
        let inner = inner_raw.trim();
        let inner_at = open + 1 + (inner_raw.len() - inner_raw.trim_start().len());
        let strict = short_letters(inner);
        let loose = strict
            .is_none()
            .then(|| word_short_letters(inner))
            .flatten();
        if let Some(letters) = strict.or_else(|| loose.clone()) {
            // "Long Form (LF)"; a short form written as a word ("Sindicato Unido (Sunido)") only
            // after a capitalised name.
            let limit = max_words(letters.len());
            let end = text[..open].trim_end().len();
            if let Some(from) = window_before(text, end, limit) {
                let window = &text[from..end];
                if let Some(start) = match_long_form(&letters, window) {
                    let long = clean_long(&window[start..]);
                    let fits = loose.is_none() || is_capitalised_name(long);
                    let long = with_head_of(window, start, long);
                    if fits && !long.is_empty() && words(long).len() <= limit + 2 {
                        out.push(Definition {
                            short: inner.to_string(),
                            long: long.to_string(),
                            unit: u,
                            at: inner_at,
                        });
                    }
                }
            }
            continue;
        }
        // "LF (Long Form)": the word before the bracket is the short form.
        let from = recent(text, open);
        let before = text[from..open].trim_end();
        let Some(word) = words(before).last().copied() else {
            continue;
        };
        let short = word.text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let short_at = from + word.end - short.len();
        let strict = short_letters(short);
        let Some(letters) = strict.clone().or_else(|| word_short_letters(short)) else {
            continue;
        };
        let inner_words = words(inner).len();
        if inner_words < 2
            || inner_words > max_words(letters.len())
            || inner.contains([';', ':', '.', '“', '"'])
        {
            continue;
        }
        // A list in the bracket ("Ebitda (earnings before interest, taxes ...)") or a short form
        // written as a word must be spelled by the initials of every word.
        let exact = inner.contains(',') || strict.is_none();
        let found = if exact {
            initials_match(&letters, inner)
        } else {
            match_long_form(&letters, inner)
        };
        let Some(start) = found else {
            continue;
        };
        // The whole bracket must be the long form, bar a leading article.
        let lead = inner[..start].trim().to_lowercase();
        if !(lead.is_empty() || lead == "the" || lead == "a" || lead == "an") {
            continue;
        }
        out.push(Definition {
            short: short.to_string(),
            long: inner.to_string(),
            unit: u,
            at: short_at,
        });
    }
}

/// "Department of Housing and Community Development (H.C.D.)": the initials spell the words
/// after "of", but the name begins with the capitalised word before it.
fn with_head_of<'a>(window: &'a str, start: usize, long: &'a str) -> &'a str {
    let Some(before) = window.get(..start).map(str::trim_end) else {
        return long;
    };
    let Some(head) = before.strip_suffix(" of") else {
        return long;
    };
    let word_at = head.rfind(' ').map_or(0, |i| i + 1);
    let word = &head[word_at..];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() > 3;
    match window.get(word_at..) {
        Some(extended) if capitalised && extended.ends_with(long) => extended,
        _ => long,
    }
}

/// "the Long Form, or LF," and "Long Form, known as LF,".
fn or_definitions(u: usize, text: &str, out: &mut Vec<Definition>) {
    for cue in [", or ", ", also known as ", ", known as "] {
        let mut from = 0;
        while let Some(rel) = text.get(from..).and_then(|t| t.find(cue)) {
            let at = from + rel;
            from = at + cue.len();
            let rest = &text[from..];
            let token_len = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')'))
                .unwrap_or(rest.len());
            let whole = &rest[..token_len];
            // "C.V.R.T.A." keeps its last full stop when a comma or bracket follows it (at the
            // end of a sentence the stop is the sentence's).
            let dotted = whole.len() > 2 && whole.matches('.').count() >= 2;
            let next = rest[token_len..].chars().next();
            let token = if dotted && matches!(next, Some(',' | ';' | ':' | ')')) {
                whole
            } else {
                whole.trim_end_matches('.')
            };
            // The short form closes the clause: ", or LF," / ", or LF." / ", or LF)".
            let after = rest[token.len()..].chars().next();
            if !matches!(after, None | Some(',' | ';' | ':' | ')' | '.')) {
                continue;
            }
            let Some(letters) = short_letters(token) else {
                continue;
            };
            let limit = max_words(letters.len());
            let Some(window_from) = window_before(text, at, limit) else {
                continue;
            };
            let window = &text[window_from..at];
            if let Some(start) = match_long_form(&letters, window) {
                let long = clean_long(&window[start..]);
                if !long.is_empty() {
                    out.push(Definition {
                        short: token.to_string(),
                        long: long.to_string(),
                        unit: u,
                        at: from,
                    });
                }
            }
        }
    }
}

/// A capitalised short form ("KCNA") used after its long form was written out in capitalised words
/// ("Korean Central News Agency") without brackets.
fn implicit_definitions(units: &[Unit], out: &mut Vec<Definition>) {
    let defined: std::collections::HashSet<String> =
        out.iter().map(|d| stem(&d.short).to_string()).collect();
    // First use of every all-capitals token: stem → (unit, at, as written).
    let mut first_use: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        for (start, token) in tokens(&unit.text) {
            let token = token.trim_end_matches('.');
            let body = stem(token);
            let n = body.chars().count();
            if (2..=6).contains(&n)
                && body.chars().all(|c| c.is_ascii_uppercase())
                && !defined.contains(body)
            {
                first_use
                    .entry(body.to_string())
                    .or_insert_with(|| (u, start, token.to_string()));
            }
        }
    }
    if first_use.is_empty() {
        return;
    }
    let mut found: HashMap<String, String> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        let ws = words(&unit.text);
        for i in 0..ws.len() {
            let Some(w) = ws.get(i) else { break };
            if !is_name_word(w.text) {
                continue;
            }
            // The run must start the name: no capitalised word right before it.
            if i > 0 {
                if let Some(prev) = ws.get(i - 1) {
                    let closes = prev.text.ends_with([',', '.', ';', ':', '—']);
                    if is_name_word(prev.text) && !closes {
                        continue;
                    }
                }
            }
            let mut initials = String::new();
            let mut j = i;
            while let Some(word) = ws.get(j) {
                if initials.len() >= 6 || j - i > 12 {
                    break;
                }
                let last_in_run = word.text.ends_with([',', '.', ';', ':', '”', '"', ')']);
                if is_name_word(word.text) {
                    if let Some(c) = word.text.chars().next() {
                        initials.extend(c.to_uppercase());
                    }
                } else if !(is_stop_word(word.text) && j > i) {
                    break;
                }
                j += 1;
                let next_continues = ws
                    .get(j)
                    .is_some_and(|n| is_name_word(n.text) && !last_in_run);
                let ends_on_name = is_name_word(word.text);
                if initials.chars().count() >= 2 && ends_on_name && !next_continues {
                    if let Some((fu, fat, _)) = first_use.get(&initials) {
                        if (*fu, *fat) > (u, w.start) && !found.contains_key(&initials) {
                            let long = unit.text.get(w.start..word.end).unwrap_or("");
                            let long = strip_possessive(long.trim_end_matches(|c: char| {
                                !c.is_alphanumeric() && c != '\'' && c != '’'
                            }));
                            found.insert(initials.clone(), long.to_string());
                        }
                    }
                }
                if last_in_run {
                    break;
                }
            }
        }
    }
    for (body, long) in found {
        if let Some((u, at, written)) = first_use.get(&body) {
            out.push(Definition {
                short: written.clone(),
                long,
                unit: *u,
                at: *at,
            });
        }
    }
}

/// A capitalised word with lowercase letters ("Agency", "Agency's"); not an all-capitals acronym.
fn is_name_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && !is_stop_word(w)
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

/// Runs of letters, digits, dots and ampersands, with their byte offsets: the tokens a short form
/// can be ("NATO" in "NATO's", "U.N." in "the U.N. said").
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '.' || c == '&';
        match (part, start) {
            (true, None) if c.is_alphanumeric() => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Marks every use of a defined short form (as written, singular or plural) from its definition on.
fn mark_uses(units: &[Unit], definitions: &[Definition]) -> Vec<Mark> {
    let mut forms: HashMap<String, usize> = HashMap::new();
    for (i, d) in definitions.iter().enumerate() {
        let body = stem(&d.short).to_string();
        forms.entry(d.short.clone()).or_insert(i);
        forms.entry(format!("{body}s")).or_insert(i);
        forms.entry(body).or_insert(i);
    }
    let mut marks = Vec::new();
    if forms.is_empty() {
        return marks;
    }
    for (u, unit) in units.iter().enumerate() {
        for (start, token) in tokens(&unit.text) {
            // A token may carry a sentence's full stop: "... by the KCNA." / "... the U.N.".
            let mut candidate = token;
            let hit = loop {
                if let Some(&i) = forms.get(candidate) {
                    break Some(i);
                }
                match candidate.strip_suffix('.') {
                    Some(shorter) if !shorter.is_empty() => candidate = shorter,
                    _ => break None,
                }
            };
            let Some(i) = hit else { continue };
            let Some(d) = definitions.get(i) else {
                continue;
            };
            if (u, start) < (d.unit, d.at) {
                continue;
            }
            marks.push(Mark {
                unit: u,
                start,
                end: start + candidate.len(),
                citation: Citation {
                    id: String::new(),
                    kind: CitationKind::Abbreviation,
                    text: candidate.to_string(),
                    source: None,
                    cue: None,
                    detail: Some(d.long.clone()),
                },
            });
        }
    }
    marks
}
