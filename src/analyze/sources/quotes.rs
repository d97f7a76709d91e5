//! Quotation spans: curly and straight double quotes, split quotes, quotes over several paragraphs.
//! Single quotes are left alone in an article that uses double marks: inside a quotation they are
//! nested quotes, elsewhere mostly apostrophes. An article without any double mark whose single
//! marks pair up (British and tabloid style) uses single quotes as its primary marks; apostrophes
//! (don't, miners' union, '90s, rock 'n' roll) stay apostrophes there.

use crate::analyze::Unit;

/// One quotation (or one paragraph's piece of a quotation that runs over several paragraphs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct QuoteSpan {
    /// Byte range including the marks.
    pub start: usize,
    pub end: usize,
    /// Byte range of the words inside the marks, trimmed.
    pub inner_start: usize,
    pub inner_end: usize,
    /// The quotation runs on into the next paragraph (no closing mark in this one).
    pub continues: bool,
    /// The quotation began in an earlier paragraph.
    pub continued: bool,
}

/// The most quotation-mark warnings listed one by one; the rest are counted in one more warning.
const MAX_WARNINGS: usize = 20;

fn is_open(c: char) -> bool {
    c == '“' || c == '„'
}

fn is_close(c: char) -> bool {
    c == '”'
}

/// Whether a straight `"` at byte `i` opens a quotation (start of text, after space or an opening
/// bracket or dash) rather than closes one.
fn straight_opens(text: &str, i: usize) -> bool {
    match text[..i].chars().next_back() {
        None => true,
        Some(p) => p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'),
    }
}

fn is_double(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '"')
}

/// Whether a single mark at byte `i` opens a quotation: at a word start, followed by a letter (not
/// a digit as in '90s, not a lone letter closed again as in 'n').
fn single_opens(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '‘' | '\'') || !straight_opens_or_quote(text, i) {
        return false;
    }
    let mut next = text[i + c.len_utf8()..].chars();
    match (next.next(), next.next(), next.next()) {
        (Some(a), _, _) if !(a.is_alphabetic() || is_double(a)) => false,
        // 'n' in rock 'n' roll, but not ‘I’m …
        (Some(a), Some(b), after)
            if a.is_alphabetic()
                && matches!(b, '\'' | '’')
                && !after.is_some_and(char::is_alphabetic) =>
        {
            false
        }
        (Some(_), _, _) => true,
        (None, _, _) => false,
    }
}

/// Whether a single mark at byte `i` closes a quotation: after a word or punctuation and not
/// followed by a letter (it's), nor a plural possessive before a lowercase word (miners' union).
fn single_closes(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '’' | '\'') {
        return false;
    }
    let Some(prev) = text[..i].chars().next_back() else {
        return false;
    };
    if prev.is_whitespace() {
        return false;
    }
    // The second mark of an elision like 'n' (rock 'n' roll).
    let mut back = text[..i].chars().rev();
    if let (Some(l), Some(m), w) = (back.next(), back.next(), back.next()) {
        if l.is_alphabetic() && matches!(m, '\'' | '‘' | '’') && w.map_or(true, char::is_whitespace)
        {
            return false;
        }
    }
    let mut next = text[i + c.len_utf8()..].chars();
    match next.next() {
        None => true,
        Some(n) if n.is_alphanumeric() => false,
        Some(n) if n.is_whitespace() && prev == 's' => !next
            .next()
            .is_some_and(|w| w.is_lowercase() || w.is_ascii_digit()),
        Some(_) => true,
    }
}

/// Like [`straight_opens`], also after a double mark (a nested quotation's start).
fn straight_opens_or_quote(text: &str, i: usize) -> bool {
    straight_opens(text, i) || text[..i].chars().next_back().is_some_and(is_double)
}

/// Whether the article's primary quotation marks are single ones: more quotations in single
/// marks (an opening mark closed later in its paragraph) than double marks that open one (a
/// British article may still nest “double” marks inside its ‘single’ ones).
pub(super) fn singles_are_primary(units: &[Unit]) -> bool {
    let mut singles = 0usize;
    let mut doubles = 0usize;
    for u in units {
        let text = u.text.as_str();
        let mut open = false;
        let marks = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, '\'' | '‘' | '’' | '“' | '„' | '"'));
        for (i, c) in marks {
            if is_open(c) || (c == '"' && straight_opens(text, i)) {
                doubles += 1;
            }
            if !open && single_opens(text, i, c) {
                open = true;
            } else if open && single_closes(text, i, c) {
                open = false;
                singles += 1;
            }
        }
    }
    singles > doubles
}

/// Finds the quotations of every unit. Unbalanced marks give a warning.
pub(super) fn scan(units: &[Unit], warnings: &mut Vec<String>) -> Vec<Vec<QuoteSpan>> {
    let singles = singles_are_primary(units);
    let mut all: Vec<Vec<QuoteSpan>> = Vec::with_capacity(units.len());
    let warnings_before = warnings.len();
    let mut carried = false;
    for (u, unit) in units.iter().enumerate() {
        let text = unit.text.as_str();
        let mut spans = Vec::new();
        let mut open: Option<usize> = None;
        // A quotation carried over from the previous paragraph continues only when this one opens
        // with a quotation mark (the newspaper convention).
        let trimmed = text.trim_start();
        let opens_with_mark = trimmed.chars().next().is_some_and(|c| {
            if singles {
                single_opens(trimmed, 0, c)
            } else {
                is_open(c) || c == '"'
            }
        });
        let continued = carried && opens_with_mark;
        if carried && !opens_with_mark {
            warnings.push(format!(
                "Unclosed quotation mark in paragraph {}.",
                u.saturating_sub(1) + 1
            ));
        }
        let mut first = true;
        for (i, c) in text.char_indices() {
            let (opening, closing) = if singles {
                (
                    open.is_none() && single_opens(text, i, c),
                    open.is_some() && single_closes(text, i, c),
                )
            } else {
                (
                    is_open(c) || (c == '"' && open.is_none() && straight_opens(text, i)),
                    is_close(c) || (c == '"' && open.is_some()),
                )
            };
            if opening && !closing {
                if let Some(prev) = open {
                    // Two opening marks in a row: the first never closed.
                    if !(first && continued) {
                        warnings.push(format!(
                            "Unbalanced quotation mark in paragraph {} at byte {prev}.",
                            u + 1
                        ));
                    }
                }
                open = Some(i);
            } else if closing {
                if let Some(s) = open.take() {
                    spans.push(make_span(
                        text,
                        s,
                        i + c.len_utf8(),
                        false,
                        first && continued,
                    ));
                    first = false;
                } else {
                    warnings.push(format!(
                        "Closing quotation mark without an opening one in paragraph {} at byte {i}.",
                        u + 1
                    ));
                }
            }
        }
        carried = false;
        if let Some(s) = open {
            let end = text.trim_end().len().max(s + 1);
            let continued_here = continued && spans.is_empty();
            spans.push(make_span(text, s, end, true, continued_here));
            carried = true;
        }
        all.push(spans);
    }
    // A quotation left open at the end of a paragraph that no quoted paragraph continues is kept as
    // a piece to the paragraph's end, but flagged.
    if carried {
        warnings.push(format!(
            "Unclosed quotation mark in paragraph {}.",
            units.len()
        ));
    }
    // A text full of stray marks would otherwise give as many warnings as marks.
    let found = warnings.len() - warnings_before;
    if found > MAX_WARNINGS {
        warnings.truncate(warnings_before + MAX_WARNINGS);
        warnings.push(format!(
            "{} more unbalanced quotation marks not listed.",
            found - MAX_WARNINGS
        ));
    }
    // Pieces flagged `continues` whose next paragraph does not continue them are ordinary quotes.
    for u in 0..all.len() {
        let next_continues = all
            .get(u + 1)
            .and_then(|s| s.first())
            .is_some_and(|s| s.continued);
        if let Some(last) = all[u].last_mut() {
            if last.continues && !next_continues {
                last.continues = false;
            }
        }
    }
    all
}

/// Quotations nested in the words of `outer` ("They tell us ‘adapt,’ but …"): single marks
/// inside double ones, or double marks inside single ones when singles are the primary marks.
/// One level deep; an opening mark that never closes is an apostrophe or a slip, not a quote.
pub(super) fn nested(text: &str, outer: &QuoteSpan, singles_primary: bool) -> Vec<QuoteSpan> {
    let (from, to) = (outer.inner_start, outer.inner_end);
    let Some(inner) = text.get(from..to) else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in inner.char_indices() {
        let at = from + i;
        let (opening, closing) = if singles_primary {
            (
                open.is_none() && (is_open(c) || (c == '"' && straight_opens_or_quote(text, at))),
                open.is_some() && (is_close(c) || c == '"'),
            )
        } else {
            (
                open.is_none() && single_opens(text, at, c),
                open.is_some() && single_closes(text, at, c),
            )
        };
        if closing {
            if let Some(s) = open.take() {
                let span = make_span(text, s, at + c.len_utf8(), false, false);
                if span.inner_end > span.inner_start {
                    spans.push(span);
                }
            }
        } else if opening {
            open = Some(at);
        }
    }
    spans
}

fn make_span(text: &str, start: usize, end: usize, continues: bool, continued: bool) -> QuoteSpan {
    let mark_len = text[start..].chars().next().map_or(1, char::len_utf8);
    let close_len = if continues {
        0
    } else {
        text[..end].chars().next_back().map_or(1, char::len_utf8)
    };
    let (mut a, mut b) = (
        start + mark_len,
        end.saturating_sub(close_len).max(start + mark_len),
    );
    let inner = text.get(a..b).unwrap_or("");
    a += inner.len() - inner.trim_start().len();
    b -= inner.len() - inner.trim_end().len();
    QuoteSpan {
        start,
        end,
        inner_start: a,
        inner_end: b.max(a),
        continues,
        continued,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::UnitKind;

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts
            .iter()
            .map(|t| Unit {
                text: t.to_string(),
                kind: UnitKind::Paragraph,
            })
            .collect()
    }

    fn inner<'a>(u: &'a [Unit], spans: &[Vec<QuoteSpan>], i: usize, j: usize) -> &'a str {
        let s = &spans[i][j];
        &u[i].text[s.inner_start..s.inner_end]
    }

    #[test]
    fn split_quotes_and_nested_single_quotes() {
        let u = units(&["“First,” she said. “It was ‘fine,’ they’d say.”"]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert_eq!(spans[0].len(), 2);
        assert_eq!(inner(&u, &spans, 0, 0), "First,");
        assert_eq!(inner(&u, &spans, 0, 1), "It was ‘fine,’ they’d say.");
        assert!(w.is_empty());
    }

    #[test]
    fn straight_quotes_and_apostrophes() {
        let u = units(&["He called it \"a top priority\" and the plant's \"duty.\""]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert_eq!(spans[0].len(), 2);
        assert_eq!(inner(&u, &spans, 0, 1), "duty.");
    }

    #[test]
    fn quotes_over_paragraphs() {
        let u = units(&["“One paragraph.", "“Two paragraphs,” he said.", "Plain."]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert!(spans[0][0].continues);
        assert!(spans[1][0].continued && !spans[1][0].continues);
        assert_eq!(inner(&u, &spans, 0, 0), "One paragraph.");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn single_quotes_as_the_primary_marks() {
        let u = units(&[
            "'It is hard going,' she said. 'The rock 'n' roll crowd and the walkers' club don't help.'",
            "‘We built it in the ’90s,’ he said, calling it ‘just fine’.",
            "Old miners' tales. 'Every day counts.'",
        ]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert_eq!(inner(&u, &spans, 0, 0), "It is hard going,");
        assert_eq!(
            inner(&u, &spans, 0, 1),
            "The rock 'n' roll crowd and the walkers' club don't help."
        );
        assert_eq!(inner(&u, &spans, 1, 0), "We built it in the ’90s,");
        assert_eq!(inner(&u, &spans, 1, 1), "just fine");
        assert_eq!(spans[2].len(), 1);
        assert_eq!(inner(&u, &spans, 2, 0), "Every day counts.");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn single_marks_stay_apostrophes_beside_double_quotes() {
        let u = units(&["\"Fine,\" she said of the 'new' plan's cost."]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert_eq!(spans[0].len(), 1);
        assert_eq!(inner(&u, &spans, 0, 0), "Fine,");
    }

    #[test]
    fn unbalanced_marks_warn_without_panicking() {
        let u = units(&[
            "“Never closed",
            "Next paragraph.",
            "stray ” mark",
            "\"",
            "“",
        ]);
        let mut w = Vec::new();
        let spans = scan(&u, &mut w);
        assert!(!w.is_empty());
        assert_eq!(spans.len(), 5);
    }
}
