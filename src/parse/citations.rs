//! Pandoc citation syntax in running text: `[@doe99]`, clusters `[see @doe99, p. 3; @roe]`,
//! author suppressed `[-@doe99]`, in-text `@doe99` and `@doe99 [p. 3]`.
//!
//! [`find_clusters`] is a pure function over a string; [`apply`] runs it over the `Inline::Text`
//! runs of every text unit once the Markdown reader has built the model (pulldown-cmark leaves
//! `[@key]` as text when no link reference matches) and wraps each cluster in an `Inline::Cite`.

use crate::model::{CitedWork, Locator};
use crate::{Article, Block, BlockContent, Citation, CitationKind, Inline, ReferenceCluster};

/// A cluster found in a string: its byte range and what it cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundCluster {
    pub start: usize,
    pub end: usize,
    pub in_text: bool,
    pub items: Vec<CitedWork>,
}

/// Locator terms as written (lowercase, with and without the period) → CSL locator type.
const LOCATOR_TERMS: &[(&str, &str)] = &[
    ("book", "book"),
    ("books", "book"),
    ("bk.", "book"),
    ("bks.", "book"),
    ("chapter", "chapter"),
    ("chapters", "chapter"),
    ("chap.", "chapter"),
    ("chaps.", "chapter"),
    ("ch.", "chapter"),
    ("column", "column"),
    ("columns", "column"),
    ("col.", "column"),
    ("cols.", "column"),
    ("figure", "figure"),
    ("figures", "figure"),
    ("fig.", "figure"),
    ("figs.", "figure"),
    ("folio", "folio"),
    ("folios", "folio"),
    ("fol.", "folio"),
    ("fols.", "folio"),
    ("number", "number"),
    ("numbers", "number"),
    ("no.", "number"),
    ("nos.", "number"),
    ("line", "line"),
    ("lines", "line"),
    ("l.", "line"),
    ("ll.", "line"),
    ("note", "note"),
    ("notes", "note"),
    ("n.", "note"),
    ("nn.", "note"),
    ("opus", "opus"),
    ("opera", "opus"),
    ("op.", "opus"),
    ("opp.", "opus"),
    ("page", "page"),
    ("pages", "page"),
    ("p.", "page"),
    ("pp.", "page"),
    ("paragraph", "paragraph"),
    ("paragraphs", "paragraph"),
    ("para.", "paragraph"),
    ("paras.", "paragraph"),
    ("¶", "paragraph"),
    ("¶¶", "paragraph"),
    ("part", "part"),
    ("parts", "part"),
    ("pt.", "part"),
    ("pts.", "part"),
    ("section", "section"),
    ("sections", "section"),
    ("sec.", "section"),
    ("secs.", "section"),
    ("§", "section"),
    ("§§", "section"),
    ("sub verbo", "sub-verbo"),
    ("s.v.", "sub-verbo"),
    ("s.vv.", "sub-verbo"),
    ("verse", "verse"),
    ("verses", "verse"),
    ("v.", "verse"),
    ("vv.", "verse"),
    ("volume", "volume"),
    ("volumes", "volume"),
    ("vol.", "volume"),
    ("vols.", "volume"),
];

/// Every citation cluster in `text`, in order. One pass: only innermost brackets can be clusters
/// (a cluster holds no `[`), so every byte is looked at a bounded number of times and the work
/// stays linear however the brackets nest.
pub fn find_clusters(text: &str) -> Vec<FoundCluster> {
    let mut found: Vec<FoundCluster> = Vec::new();
    let mut open: Option<usize> = None;
    let mut resume = 0;
    for (i, c) in text.char_indices() {
        if i < resume {
            continue;
        }
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(start) = open.take() {
                    if let Some(cluster) = bracketed(text, start, i) {
                        // In-text keys read inside these brackets belong to the cluster.
                        while found.last().is_some_and(|f| f.start > start) {
                            found.pop();
                        }
                        found.push(cluster);
                    }
                }
            }
            '@' if key_may_start_at(text, i) => {
                if let Some(cluster) = in_text(text, i) {
                    resume = cluster.end;
                    found.push(cluster);
                }
            }
            _ => {}
        }
    }
    found
}

/// `@` starts a key only when no word character or `@` stands right before it (not an e-mail).
fn key_may_start_at(text: &str, at: usize) -> bool {
    match text[..at].chars().next_back() {
        None => true,
        Some(p) => !(p.is_alphanumeric() || p == '@' || p == '_' || p == '.'),
    }
}

/// Reads a key after `@` at `at`: `@doe99`, `@{any key}`. Returns the key and the end offset.
fn read_key(text: &str, at: usize) -> Option<(String, usize)> {
    let start = at + 1;
    let rest = text.get(start..)?;
    if let Some(inner) = rest.strip_prefix('{') {
        let close = inner.find('}')?;
        let key = &inner[..close];
        if key.is_empty() || key.contains(['{', '\n']) {
            return None;
        }
        return Some((key.to_string(), start + 1 + close + 1));
    }
    let mut end = start;
    let mut chars = rest.char_indices().peekable();
    let first = chars.peek().map(|&(_, c)| c)?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    while let Some((off, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            end = start + off + c.len_utf8();
        } else if ":.#$%&-+?<>~/".contains(c) {
            // Internal punctuation counts only when a word character follows it.
            match chars.peek() {
                Some(&(_, n)) if n.is_alphanumeric() || n == '_' => {}
                _ => break,
            }
        } else {
            break;
        }
    }
    Some((text[start..end].to_string(), end))
}

/// A bracketed cluster `[...]` from `at` to the `]` at `close`, when every `;`-separated part
/// holds one key.
fn bracketed(text: &str, at: usize, close: usize) -> Option<FoundCluster> {
    let inner = text.get(at + 1..close)?;
    if !inner.contains('@') {
        return None;
    }
    let mut items = Vec::new();
    for part in split_items(inner) {
        items.push(bracketed_item(part)?);
    }
    if items.is_empty() {
        return None;
    }
    Some(FoundCluster {
        start: at,
        end: close + 1,
        in_text: false,
        items,
    })
}

/// The `]` closing the locator brackets of an in-text citation (`@doe99 [p. 3]`): on the same line,
/// within a short distance, with no other bracket inside.
fn locator_bracket(text: &str, open: usize) -> Option<usize> {
    const MAX: usize = 200;
    for (off, c) in text.get(open + 1..)?.char_indices() {
        if off > MAX {
            return None;
        }
        match c {
            ']' => return Some(open + 1 + off),
            '[' | '\n' => return None,
            _ => {}
        }
    }
    None
}

/// Splits a cluster's inside at `;` outside braces.
fn split_items(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut from = 0;
    for (off, c) in inner.char_indices() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                parts.push(&inner[from..off]);
                from = off + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[from..]);
    parts
}

/// One item of a bracketed cluster: `see -@doe99, pp. 33-35 and passim`.
fn bracketed_item(part: &str) -> Option<CitedWork> {
    let at = (0..part.len())
        .filter(|&i| part.is_char_boundary(i) && part[i..].starts_with('@'))
        .find(|&i| key_may_start_at(part, i) || part[..i].ends_with('-'))?;
    let (key, end) = read_key(part, at)?;
    let mut prefix = &part[..at];
    let mut suppress_author = false;
    if let Some(p) = prefix.strip_suffix('-') {
        if p.is_empty() || p.ends_with(char::is_whitespace) {
            suppress_author = true;
            prefix = p;
        }
    }
    let (locator, suffix) = locator_and_suffix(&part[end..]);
    Some(CitedWork {
        key,
        prefix: prefix.trim().to_string(),
        suffix,
        locator,
        suppress_author,
        found: false,
    })
}

/// An in-text citation `@key`, optionally followed by `[locator, suffix]`.
fn in_text(text: &str, at: usize) -> Option<FoundCluster> {
    let (key, mut end) = read_key(text, at)?;
    let mut item = CitedWork {
        key,
        ..CitedWork::default()
    };
    let after = &text[end..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if after[spaces..].starts_with('[') {
        let open = end + spaces;
        if let Some(close) = locator_bracket(text, open) {
            let inside = &text[open + 1..close];
            if !inside.contains('@') {
                let (locator, suffix) = locator_and_suffix(inside);
                item.locator = locator;
                item.suffix = suffix;
                end = close + 1;
            }
        }
    }
    Some(FoundCluster {
        start: at,
        end,
        in_text: true,
        items: vec![item],
    })
}

/// Splits what follows a key into a locator and the rest of the suffix. A locator follows a comma
/// (or, in-text, starts the brackets): a term (`p.`, `chap.`, `§`) and a value, or a bare number,
/// which is a page.
fn locator_and_suffix(after_key: &str) -> (Option<Locator>, String) {
    let trimmed = after_key.trim();
    let body = trimmed.strip_prefix(',').unwrap_or(trimmed).trim_start();
    if body.is_empty() {
        return (None, String::new());
    }
    let lower = body.to_lowercase();
    // The longest term that matches, followed by a space or a digit.
    let term = LOCATOR_TERMS
        .iter()
        .filter(|(written, _)| {
            lower.starts_with(written)
                && lower[written.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c.is_ascii_digit())
        })
        .max_by_key(|(written, _)| written.len());
    let (label, value_from) = match term {
        Some((written, label)) => (*label, written.len()),
        None if body.starts_with(|c: char| c.is_ascii_digit()) => ("page", 0),
        None => return (None, body.to_string()),
    };
    // `lower` and `body` share byte offsets for the ASCII and symbol terms above.
    let Some(value_part) = body.get(value_from..) else {
        return (None, body.to_string());
    };
    let value_part = value_part.trim_start();
    let value_len = locator_value_len(value_part);
    if value_len == 0 {
        return (None, body.to_string());
    }
    let value = value_part[..value_len]
        .trim_end_matches([',', ' '])
        .to_string();
    let suffix = value_part[value_len..]
        .trim_start_matches([',', ' '])
        .to_string();
    (
        Some(Locator {
            label: label.to_string(),
            value,
        }),
        suffix,
    )
}

/// The length of a locator value: numbers, roman numerals and ranges (`33-35`, `iv`, `3, 5`),
/// stopping at the first word.
fn locator_value_len(text: &str) -> usize {
    let mut end = 0;
    let mut word_start = 0;
    let mut in_word = false;
    let mut has_digit_or_roman = false;
    for (off, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if !in_word {
                in_word = true;
                word_start = off;
            }
            continue;
        }
        if in_word {
            let word = &text[word_start..off];
            if !is_locator_word(word) {
                return end;
            }
            has_digit_or_roman = true;
            end = off;
            in_word = false;
        }
        if "-–—,:. ".contains(c) {
            continue;
        }
        return end;
    }
    if in_word {
        let word = &text[word_start..];
        if is_locator_word(word) {
            return text.len();
        }
    }
    if has_digit_or_roman {
        end
    } else {
        0
    }
}

/// A number (`33`, `33a`) or a lowercase roman numeral (`iv`).
fn is_locator_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || (!word.is_empty()
            && word
                .chars()
                .all(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c' | 'I' | 'V' | 'X' | 'L' | 'C')))
}

/// Wraps every citation cluster of the article's text runs in an `Inline::Cite` (ids continue the
/// article's citations) and records it, with `Reference` citations and one [`ReferenceCluster`]
/// each. Runs after the Markdown reader, before analysis; code spans and links are left alone.
/// In-text `@key` citations count only when `in_text` (the article has a bibliography), so that
/// `@handles` stay text elsewhere.
pub fn apply(article: &mut Article, in_text: bool) {
    let mut state = State {
        in_text,
        next_id: article.citations.len() + 1,
        citations: Vec::new(),
        clusters: Vec::new(),
    };
    visit_inline_runs(article, &mut |inlines| visit_inlines(inlines, &mut state));
    article.citations.extend(state.citations);
    article.reference_clusters.extend(state.clusters);
}

struct State {
    in_text: bool,
    next_id: usize,
    citations: Vec<Citation>,
    clusters: Vec<ReferenceCluster>,
}

/// Calls `f` on the inline content of every paragraph, heading and table cell, nested ones
/// included, body then footnotes.
pub fn visit_inline_runs(article: &mut Article, f: &mut dyn FnMut(&mut Vec<Inline>)) {
    for block in &mut article.blocks {
        visit_block(block, f);
    }
    for note in &mut article.footnotes {
        for block in &mut note.blocks {
            visit_block(block, f);
        }
    }
}

fn visit_block(block: &mut Block, f: &mut dyn FnMut(&mut Vec<Inline>)) {
    match &mut block.content {
        BlockContent::Paragraph { inlines } | BlockContent::Heading { inlines, .. } => f(inlines),
        BlockContent::BlockQuote { blocks } => {
            for b in blocks {
                visit_block(b, f);
            }
        }
        BlockContent::List { items, .. } => {
            for item in items {
                for b in &mut item.blocks {
                    visit_block(b, f);
                }
            }
        }
        BlockContent::Table { head, rows, .. } => {
            for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                f(cell);
            }
        }
        BlockContent::Code { .. } | BlockContent::Html { .. } | BlockContent::Rule => {}
    }
}

fn visit_inlines(inlines: &mut Vec<Inline>, state: &mut State) {
    merge_text_runs(inlines);
    let mut out = Vec::with_capacity(inlines.len());
    for inline in std::mem::take(inlines) {
        match inline {
            Inline::Text { text } => split_text(&text, &mut out, state),
            Inline::Emphasis { mut children } => {
                visit_inlines(&mut children, state);
                out.push(Inline::Emphasis { children });
            }
            Inline::Strong { mut children } => {
                visit_inlines(&mut children, state);
                out.push(Inline::Strong { children });
            }
            Inline::Strikethrough { mut children } => {
                visit_inlines(&mut children, state);
                out.push(Inline::Strikethrough { children });
            }
            other => out.push(other),
        }
    }
    *inlines = out;
}

/// Adjacent text nodes (the Markdown reader may split at brackets) become one.
fn merge_text_runs(inlines: &mut Vec<Inline>) {
    let mut merged: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in std::mem::take(inlines) {
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (merged.last_mut(), &inline)
        {
            last.push_str(text);
            continue;
        }
        merged.push(inline);
    }
    *inlines = merged;
}

fn split_text(text: &str, out: &mut Vec<Inline>, state: &mut State) {
    let mut from = 0;
    for cluster in find_clusters(text) {
        if cluster.in_text && !state.in_text {
            continue;
        }
        if cluster.start > from {
            out.push(Inline::text(&text[from..cluster.start]));
        }
        let written = &text[cluster.start..cluster.end];
        let id = format!("c{}", state.next_id);
        state.next_id += 1;
        out.push(Inline::Cite {
            citation: id.clone(),
            children: vec![Inline::text(written)],
        });
        state.citations.push(Citation {
            id: id.clone(),
            kind: CitationKind::Reference,
            text: written.to_string(),
            source: None,
            cue: None,
            detail: None,
        });
        state.clusters.push(ReferenceCluster {
            citation: id,
            in_text: cluster.in_text,
            items: cluster.items,
            formatted: written.to_string(),
            order: Vec::new(),
        });
        from = cluster.end;
    }
    if from < text.len() {
        out.push(Inline::text(&text[from..]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> FoundCluster {
        let found = find_clusters(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn loc(label: &str, value: &str) -> Option<Locator> {
        Some(Locator {
            label: label.into(),
            value: value.into(),
        })
    }

    #[test]
    fn single_bracketed_key() {
        let c = one("As shown [@doe99].");
        assert_eq!(&"As shown [@doe99]."[c.start..c.end], "[@doe99]");
        assert!(!c.in_text);
        assert_eq!(c.items[0].key, "doe99");
        assert_eq!(c.items[0].locator, None);
    }

    #[test]
    fn cluster_with_prefixes_locators_and_suffixes() {
        let c = one("[see @wf, pp. 33-35; also @coleman, chap. 1]");
        assert_eq!(c.items.len(), 2);
        assert_eq!(c.items[0].prefix, "see");
        assert_eq!(c.items[0].key, "wf");
        assert_eq!(c.items[0].locator, loc("page", "33-35"));
        assert_eq!(c.items[1].prefix, "also");
        assert_eq!(c.items[1].key, "coleman");
        assert_eq!(c.items[1].locator, loc("chapter", "1"));
    }

    #[test]
    fn locator_terms_and_suffix() {
        let c = one("[@doe99, sec. 4 and passim]");
        assert_eq!(c.items[0].locator, loc("section", "4"));
        assert_eq!(c.items[0].suffix, "and passim");
        assert_eq!(one("[@doe99, §3]").items[0].locator, loc("section", "3"));
        assert_eq!(one("[@a, fig. 2]").items[0].locator, loc("figure", "2"));
        assert_eq!(one("[@a, para. 7]").items[0].locator, loc("paragraph", "7"));
        assert_eq!(one("[@a, vol. iv]").items[0].locator, loc("volume", "iv"));
        assert_eq!(one("[@a, 33]").items[0].locator, loc("page", "33"));
        assert_eq!(one("[@a, line 12]").items[0].locator, loc("line", "12"));
        let c = one("[@a, a comment]");
        assert_eq!(c.items[0].locator, None);
        assert_eq!(c.items[0].suffix, "a comment");
    }

    #[test]
    fn suppressed_author() {
        let c = one("Doe says so [-@doe99].");
        assert!(c.items[0].suppress_author);
        assert_eq!(c.items[0].key, "doe99");
        assert_eq!(c.items[0].prefix, "");
    }

    #[test]
    fn in_text_with_and_without_locator() {
        let text = "@wf [p. 33] argues that @doe99 is wrong.";
        let found = find_clusters(text);
        assert_eq!(found.len(), 2);
        assert!(found[0].in_text);
        assert_eq!(&text[found[0].start..found[0].end], "@wf [p. 33]");
        assert_eq!(found[0].items[0].locator, loc("page", "33"));
        assert_eq!(&text[found[1].start..found[1].end], "@doe99");
    }

    #[test]
    fn keys_with_internal_punctuation_and_braces() {
        let text = "See @doe:1999.x. And @{odd key}.";
        let found = find_clusters(text);
        assert_eq!(found[0].items[0].key, "doe:1999.x");
        assert_eq!(found[1].items[0].key, "odd key");
    }

    #[test]
    fn not_citations() {
        assert!(find_clusters("mail jane@example.com now").is_empty());
        assert!(find_clusters("a [plain bracket] and @ alone").is_empty());
        assert!(find_clusters("[a; b] [@]").is_empty());
        // A bracket with one part lacking a key is not a cluster (its in-text key still is).
        let found = find_clusters("[@a; no key]");
        assert!(found.iter().all(|c| c.in_text));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "[@",
            "@",
            "[-@]",
            "@{",
            "@{}",
            "[@a, p.]",
            "[@a, §]",
            "é@ü [@ö, ¶ 3]",
        ] {
            let _ = find_clusters(text);
        }
    }

    #[test]
    fn apply_wraps_clusters_and_records_them() {
        let mut article = Article {
            blocks: vec![Block::new(BlockContent::Paragraph {
                inlines: vec![
                    Inline::text("Known "),
                    Inline::text("[@doe99, p. 3]"),
                    Inline::text(" and `x`."),
                ],
            })],
            ..Article::default()
        };
        apply(&mut article, false);
        assert_eq!(article.citations.len(), 1);
        assert_eq!(article.citations[0].kind, CitationKind::Reference);
        assert_eq!(article.citations[0].text, "[@doe99, p. 3]");
        assert_eq!(article.reference_clusters[0].citation, "c1");
        let BlockContent::Paragraph { inlines } = &article.blocks[0].content else {
            panic!()
        };
        assert!(matches!(&inlines[1], Inline::Cite { citation, .. } if citation == "c1"));
    }
}
