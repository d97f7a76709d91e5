//! Abbreviation definitions (PHP Markdown Extra): `*[HTML]: Hyper Text Markup Language`.
//!
//! pulldown-cmark does not know them and reads them as paragraph text, so they are taken out of the
//! source before the document is read: a line counts only where it is part of a paragraph (a
//! definition written in a code block, an HTML block or a block quotation's `>` line stays as
//! written). The definitions go to `Article::abbreviations`, where the abbreviation analysis finds
//! them and marks every use of the short form.

use std::borrow::Cow;

use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag};

use crate::Abbreviation;

/// The most definitions read from one document, so that hostile input stays cheap.
const MAX_DEFINITIONS: usize = 1000;

/// What [`extract`] found: the source without the definition lines, the definitions in order, and
/// warnings (an empty long form, a short form defined twice).
pub(super) struct Extracted<'a> {
    pub source: Cow<'a, str>,
    pub abbreviations: Vec<Abbreviation>,
    pub warnings: Vec<String>,
}

/// Takes the definition lines out of `input`.
pub(super) fn extract(input: &str, options: CmarkOptions) -> Extracted<'_> {
    let mut found = Extracted {
        source: Cow::Borrowed(input),
        abbreviations: Vec::new(),
        warnings: Vec::new(),
    };
    // Most documents have none: one scan of the lines, no second parse.
    if !lines(input).any(|(_, line)| definition(line).is_some()) {
        return found;
    }
    let paragraphs = paragraph_ranges(input, options);
    let mut kept = String::with_capacity(input.len());
    let mut next_paragraph = 0;
    for (start, line) in lines(input) {
        let body = line.trim_start_matches([' ', '\t']);
        let at = start + (line.len() - body.len());
        while paragraphs.get(next_paragraph).is_some_and(|r| r.1 <= at) {
            next_paragraph += 1;
        }
        let in_paragraph = paragraphs
            .get(next_paragraph)
            .is_some_and(|&(from, to)| from <= at && at < to);
        match definition(line).filter(|_| in_paragraph) {
            Some((short, long)) => add(&mut found, short, long, line),
            None => kept.push_str(line),
        }
    }
    found.source = Cow::Owned(kept);
    found
}

/// Records one definition (the line is removed from the body either way).
fn add(found: &mut Extracted<'_>, short: &str, long: &str, line: &str) {
    let written = line.trim_end();
    if long.is_empty() {
        found.warnings.push(format!(
            "The abbreviation definition `{written}` has no long form; it is ignored."
        ));
    } else if found.abbreviations.iter().any(|a| a.short == short) {
        found.warnings.push(format!(
            "The abbreviation {short} is defined more than once; the first definition is used."
        ));
    } else if found.abbreviations.len() < MAX_DEFINITIONS {
        found.abbreviations.push(Abbreviation {
            short: short.to_string(),
            long: long.to_string(),
        });
    }
}

/// The lines of `text` with their byte offsets, each with its line ending.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

/// `*[SHORT]: long form` (up to three spaces before it): the short form and the long form, trimmed.
fn definition(line: &str) -> Option<(&str, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line.get(indent..)?.strip_prefix("*[")?;
    let close = rest.find("]:")?;
    let short = rest.get(..close)?.trim();
    if short.is_empty() || short.contains(['[', ']']) {
        return None;
    }
    let long = rest.get(close + 2..)?.trim();
    Some((short, long))
}

/// The byte ranges of every paragraph, in order (paragraphs never nest).
fn paragraph_ranges(input: &str, options: CmarkOptions) -> Vec<(usize, usize)> {
    Parser::new_ext(input, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Paragraph) => Some((range.start, range.end)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> Extracted<'_> {
        extract(input, CmarkOptions::ENABLE_FOOTNOTES)
    }

    #[test]
    fn definition_lines_leave_the_body() {
        let found =
            run("Uses HTML.\n\n*[HTML]: Hyper Text Markup Language\n*[W3C WG]:  A group \n");
        assert_eq!(found.source, "Uses HTML.\n\n");
        let pairs: Vec<_> = found
            .abbreviations
            .iter()
            .map(|a| (a.short.as_str(), a.long.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("HTML", "Hyper Text Markup Language"),
                ("W3C WG", "A group")
            ]
        );
    }

    #[test]
    fn definitions_in_code_stay() {
        let input = "```\n*[HTML]: Hyper Text\n```\n\n    *[CSS]: Style\n";
        let found = run(input);
        assert_eq!(found.source, input);
        assert!(found.abbreviations.is_empty());
    }

    #[test]
    fn empty_long_form_is_a_warning() {
        let found = run("*[HTML]:\n\nText.\n");
        assert!(found.abbreviations.is_empty());
        assert_eq!(found.source, "\nText.\n");
        assert!(
            found.warnings[0].contains("*[HTML]:"),
            "{:?}",
            found.warnings
        );
    }

    #[test]
    fn not_definitions() {
        for line in ["*[]: x", "*[a]b]: x", "     *[A]: x", "* [A]: x", "*[A] x"] {
            assert!(definition(line).is_none(), "{line}");
        }
    }
}
