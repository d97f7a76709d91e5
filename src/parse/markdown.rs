//! Markdown (pulldown-cmark events) → article model.
//!
//! The event stream is folded into the model with a stack of open containers (`tree.rs`). Then
//! passes over the finished tree do what needs the whole document: the leading H1 becomes the title,
//! headings get unique anchor slugs, footnotes are numbered in order of first reference, and links
//! and footnote references get their citations.

mod abbr;
mod tree;

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Options as CmarkOptions, Parser};

use crate::model::inline_text;
use crate::{Article, Block, BlockContent, Citation, CitationKind, Footnote, Inline};
use tree::{Definition, TreeBuilder};

/// Reads Markdown into blocks, footnotes and link/footnote citations; `smart_punctuation` turns
/// straight quotes, `--` and `...` into typographic ones.
pub(crate) fn parse(input: &str, smart_punctuation: bool) -> Article {
    let mut options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_FOOTNOTES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_TASKLISTS
        // Pandoc's `## Methods {#methods}`: a heading's id as written.
        | CmarkOptions::ENABLE_HEADING_ATTRIBUTES;
    if smart_punctuation {
        options |= CmarkOptions::ENABLE_SMART_PUNCTUATION;
    }
    let abbr::Extracted {
        source,
        abbreviations,
        warnings: abbreviation_warnings,
    } = abbr::extract(input, options);
    let mut builder = TreeBuilder::default();
    for event in Parser::new_ext(&source, options) {
        builder.event(event);
    }
    let (blocks, definitions, mut warnings) = builder.finish();
    warnings.extend(abbreviation_warnings);
    let mut article = Article {
        blocks,
        warnings,
        // Defined with `*[SHORT]: long`: the analysis marks their uses.
        abbreviations,
        ..Article::default()
    };
    take_title(&mut article);
    assign_heading_ids(&mut article.blocks);
    number_footnotes(&mut article, definitions);
    assign_citations(&mut article);
    refresh_texts(&mut article.blocks);
    for note in &mut article.footnotes {
        refresh_texts(&mut note.blocks);
    }
    article
}

// ---------------------------------------------------------------------------------------------
// Whole-document passes

/// A leading H1 with text is the article's title, not a block.
fn take_title(article: &mut Article) {
    let Some(Block {
        content: BlockContent::Heading {
            level: 1, inlines, ..
        },
        ..
    }) = article.blocks.first()
    else {
        return;
    };
    let title = inline_text(inlines).trim().to_string();
    if title.is_empty() {
        return;
    }
    article.title = Some(title);
    article.blocks.remove(0);
}

/// Ids the renderer writes for its own elements (after the prefix); a heading slug never takes one.
const RESERVED_ID_STARTS: [&str; 3] = ["fn-", "fnref-", "pop-"];

/// Gives every heading a unique id: the one written (`{#id}`), else a slug of its text (lowercase
/// letters and digits, words joined by `-`). A repeated id gets `-1`, `-2`, ...; a slug never takes
/// an id written on a later heading.
fn assign_heading_ids(blocks: &mut [Block]) {
    let mut written: HashSet<String> = HashSet::new();
    visit_blocks_mut(blocks, &mut |block| {
        if let BlockContent::Heading { id: Some(id), .. } = &block.content {
            written.insert(id.clone());
        }
    });
    // Ids handed out, and for each base the last number tried after it.
    let mut taken: HashSet<String> = HashSet::new();
    let mut counter: HashMap<String, usize> = HashMap::new();
    visit_blocks_mut(blocks, &mut |block| {
        if let BlockContent::Heading { id, inlines, .. } = &mut block.content {
            let (mut base, own) = match id.take() {
                Some(given) => (given, true),
                None => (slug(&inline_text(inlines)), false),
            };
            if RESERVED_ID_STARTS.iter().any(|r| base.starts_with(r)) {
                base = format!("h-{base}");
            }
            let free = |c: &String| !taken.contains(c) && (own || !written.contains(c));
            let mut candidate = base.clone();
            if !free(&candidate) {
                let n = counter.entry(base.clone()).or_insert(0);
                loop {
                    *n += 1;
                    candidate = format!("{base}-{n}");
                    if free(&candidate) {
                        break;
                    }
                }
            }
            taken.insert(candidate.clone());
            *id = Some(candidate);
        }
    });
}

/// Lowercase alphanumerics; any run of other characters becomes one `-`. Never empty.
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

/// Footnote labels match like link labels: case-insensitively, with runs of whitespace as one space.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Numbers footnotes in order of first reference (the body first, then the notes in number order,
/// so a note cited only from another note follows it); notes never referenced come last, with a
/// warning. Sets each reference's number and stores the notes in number order.
fn number_footnotes(article: &mut Article, definitions: Vec<Definition>) {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, def) in definitions.iter().enumerate() {
        let key = label_key(&def.label);
        match by_key.entry(key) {
            std::collections::hash_map::Entry::Occupied(_) => article.warnings.push(format!(
                "footnote [^{}] is defined more than once; references go to the first definition",
                def.label
            )),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    let refs_in = |blocks: &[Block]| -> Vec<usize> {
        let mut found = Vec::new();
        visit_refs(blocks, &mut |label| {
            if let Some(&i) = by_key.get(&label_key(label)) {
                found.push(i);
            }
        });
        found
    };
    let mut referenced = vec![false; definitions.len()];
    for blocks in std::iter::once(&article.blocks).chain(definitions.iter().map(|d| &d.blocks)) {
        for i in refs_in(blocks) {
            referenced[i] = true;
        }
    }
    let mut numbering = Numbering {
        order: Vec::new(),
        number_of: vec![None; definitions.len()],
    };
    for i in refs_in(&article.blocks) {
        numbering.take(i);
    }
    let mut scanned = 0;
    // Every definition before this index has its number (numbers are never taken back).
    let mut first_unnumbered = 0;
    loop {
        while scanned < numbering.order.len() {
            for i in refs_in(&definitions[numbering.order[scanned]].blocks) {
                numbering.take(i);
            }
            scanned += 1;
        }
        // What the body never leads to comes last, in the order written.
        while numbering
            .number_of
            .get(first_unnumbered)
            .is_some_and(|n| n.is_some())
        {
            first_unnumbered += 1;
        }
        let i = first_unnumbered;
        let Some(def) = definitions.get(i) else {
            break;
        };
        let first_of_label = by_key.get(&label_key(&def.label)) == Some(&i);
        if first_of_label && !referenced[i] {
            article
                .warnings
                .push(format!("footnote [^{}] is never referenced", def.label));
        }
        numbering.take(i);
    }
    let Numbering { order, number_of } = numbering;
    let number = |label: &str| -> Option<usize> { number_of[*by_key.get(&label_key(label))?] };
    let mut undefined: Vec<String> = Vec::new();
    let mut seen_undefined: std::collections::HashSet<String> = Default::default();
    let mut set_numbers = |blocks: &mut [Block]| {
        visit_inlines_mut(blocks, &mut |inline, _| {
            if let Inline::FootnoteRef {
                label,
                number: slot,
                ..
            } = inline
            {
                *slot = number(label);
                if slot.is_none() && seen_undefined.insert(label.clone()) {
                    undefined.push(label.clone());
                }
            }
        })
    };
    set_numbers(&mut article.blocks);
    let mut slots: Vec<Option<Definition>> = definitions.into_iter().map(Some).collect();
    for (k, &i) in order.iter().enumerate() {
        if let Some(mut def) = slots[i].take() {
            set_numbers(&mut def.blocks);
            article.footnotes.push(Footnote {
                label: def.label,
                number: k + 1,
                blocks: def.blocks,
            });
        }
    }
    for label in undefined {
        article.warnings.push(format!(
            "footnote [^{label}] is referenced but never defined"
        ));
    }
}

/// Footnote numbers as they are handed out: `order[k]` is the definition numbered `k + 1`, and
/// `number_of` the inverse.
struct Numbering {
    order: Vec<usize>,
    number_of: Vec<Option<usize>>,
}

impl Numbering {
    /// Gives definition `i` the next number, unless it has one.
    fn take(&mut self, i: usize) {
        if self.number_of[i].is_none() {
            self.order.push(i);
            self.number_of[i] = Some(self.order.len());
        }
    }
}

/// Gives each footnote reference and each link a citation, numbered in document order: the body,
/// then the notes. A link to a heading of the article (`#methods`) is a link citation whose popup
/// shows the heading and its first paragraph; a link to any other fragment of the page stays a
/// plain link, with a warning.
fn assign_citations(article: &mut Article) {
    let mut headings: HashSet<String> = HashSet::new();
    visit_blocks_mut(&mut article.blocks, &mut |block| {
        if let BlockContent::Heading { id: Some(id), .. } = &block.content {
            headings.insert(id.clone());
        }
    });
    let mut missing: Vec<String> = Vec::new();
    let mut citations = Vec::new();
    let mut cite = |inline: &mut Inline, in_alt: bool| {
        if in_alt {
            return;
        }
        let id = format!("c{}", citations.len() + 1);
        match inline {
            Inline::FootnoteRef {
                label,
                number: Some(n),
                citation,
            } => {
                citations.push(Citation {
                    id: id.clone(),
                    kind: CitationKind::Footnote,
                    text: n.to_string(),
                    source: None,
                    cue: None,
                    detail: Some(label.clone()),
                });
                *citation = Some(id);
            }
            Inline::Link { url, .. }
                if url
                    .trim()
                    .strip_prefix('#')
                    .is_some_and(|fragment| !headings.contains(fragment)) =>
            {
                let fragment = url.trim().to_string();
                if fragment.len() > 1 && !missing.contains(&fragment) {
                    missing.push(fragment);
                }
            }
            Inline::Link {
                url,
                children,
                citation,
                ..
            } => {
                citations.push(Citation {
                    id: id.clone(),
                    kind: CitationKind::Link,
                    text: inline_text(children),
                    source: None,
                    cue: None,
                    detail: Some(url.clone()),
                });
                *citation = Some(id);
            }
            _ => {}
        }
    };
    visit_inlines_mut(&mut article.blocks, &mut cite);
    for note in &mut article.footnotes {
        visit_inlines_mut(&mut note.blocks, &mut cite);
    }
    article.citations = citations;
    for fragment in missing.into_iter().take(20) {
        article.warnings.push(format!(
            "The link to {fragment} points at no heading of the article; it stays a plain link."
        ));
    }
}

/// Recomputes every block's plain text (footnote numbers are known only now).
fn refresh_texts(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        match &mut block.content {
            BlockContent::BlockQuote { blocks } => refresh_texts(blocks),
            BlockContent::List { items, .. } => {
                for item in items {
                    refresh_texts(&mut item.blocks);
                }
            }
            _ => {}
        }
        let content = std::mem::replace(&mut block.content, BlockContent::Rule);
        *block = Block::new(content);
    }
}

// ---------------------------------------------------------------------------------------------
// Walking the tree

/// Calls `f` on every block, outer before inner, in document order.
fn visit_blocks_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut Block)) {
    for block in blocks {
        f(block);
        match &mut block.content {
            BlockContent::BlockQuote { blocks } => visit_blocks_mut(blocks, f),
            BlockContent::List { items, .. } => {
                for item in items {
                    visit_blocks_mut(&mut item.blocks, f);
                }
            }
            _ => {}
        }
    }
}

/// Calls `f` on every inline in document order, outer before inner; the flag says the inline is
/// part of an image's alternative text (shown as plain text, never as a marker).
fn visit_inlines_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut Inline, bool)) {
    visit_blocks_mut(blocks, &mut |block| match &mut block.content {
        BlockContent::Paragraph { inlines } | BlockContent::Heading { inlines, .. } => {
            walk_inlines(inlines, false, f)
        }
        BlockContent::Table { head, rows, .. } => {
            for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                walk_inlines(cell, false, f);
            }
        }
        _ => {}
    });
}

fn walk_inlines(inlines: &mut [Inline], in_alt: bool, f: &mut dyn FnMut(&mut Inline, bool)) {
    for inline in inlines {
        f(inline, in_alt);
        match inline {
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. }
            | Inline::Cite { children, .. } => walk_inlines(children, in_alt, f),
            Inline::Image { alt, .. } => walk_inlines(alt, true, f),
            _ => {}
        }
    }
}

/// Calls `f` with the label of every footnote reference, in document order.
fn visit_refs(blocks: &[Block], f: &mut dyn FnMut(&str)) {
    fn inlines(list: &[Inline], f: &mut dyn FnMut(&str)) {
        for inline in list {
            match inline {
                Inline::FootnoteRef { label, .. } => f(label),
                Inline::Emphasis { children }
                | Inline::Strong { children }
                | Inline::Strikethrough { children }
                | Inline::Link { children, .. }
                | Inline::Cite { children, .. } => inlines(children, f),
                Inline::Image { alt, .. } => inlines(alt, f),
                _ => {}
            }
        }
    }
    for block in blocks {
        match &block.content {
            BlockContent::Paragraph { inlines: list }
            | BlockContent::Heading { inlines: list, .. } => inlines(list, f),
            BlockContent::BlockQuote { blocks } => visit_refs(blocks, f),
            BlockContent::List { items, .. } => {
                for item in items {
                    visit_refs(&item.blocks, f);
                }
            }
            BlockContent::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    inlines(cell, f);
                }
            }
            BlockContent::Code { .. } | BlockContent::Html { .. } | BlockContent::Rule => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(input: &str) -> Article {
        parse(input, true)
    }

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert_eq!(slug("Hello, World!"), "hello-world");
        assert_eq!(slug("  Ünïcode   café  "), "ünïcode-café");
        assert_eq!(slug("?!"), "section");
    }

    /// The ids of the article's headings, in order.
    fn heading_ids(a: &crate::Article) -> Vec<String> {
        a.blocks
            .iter()
            .filter_map(|b| match &b.content {
                BlockContent::Heading { id, .. } => id.clone(),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn repeated_headings_get_numbered_ids() {
        let a = md("intro\n\n## Notes\n\n## Notes\n\n## Notes\n\n## Notes 1\n");
        let ids = heading_ids(&a);
        assert_eq!(ids, ["notes", "notes-1", "notes-2", "notes-1-1"]);
    }

    #[test]
    fn written_heading_ids_are_kept_and_slugs_make_way_for_them() {
        let a = md("intro\n\n## Methods\n\n## Other {#methods}\n");
        let ids = heading_ids(&a);
        assert_eq!(ids, ["methods-1", "methods"]);
        assert_eq!(a.blocks[2].text, "Other");
    }

    #[test]
    fn heading_ids_never_take_the_renderers_own_names() {
        let a = md("para\n\n## Fn 1\n");
        let BlockContent::Heading { id, .. } = &a.blocks[1].content else {
            panic!()
        };
        assert_eq!(id.as_deref(), Some("h-fn-1"));
    }

    #[test]
    fn leading_h1_is_the_title() {
        let a = md("# The *Title*\n\nBody.\n\n# Later H1\n");
        assert_eq!(a.title.as_deref(), Some("The Title"));
        assert_eq!(a.blocks.len(), 2);
        let b = md("Body first.\n\n# Not a title\n");
        assert_eq!(b.title, None);
        assert_eq!(b.blocks.len(), 2);
    }

    #[test]
    fn footnotes_are_numbered_by_first_reference() {
        let a = md("One[^b] two[^a] three[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n[^c]: Note C.\n");
        let labels: Vec<_> = a
            .footnotes
            .iter()
            .map(|n| (n.label.as_str(), n.number))
            .collect();
        assert_eq!(labels, [("b", 1), ("a", 2), ("c", 3)]);
        assert!(a
            .warnings
            .iter()
            .any(|w| w == "footnote [^c] is never referenced"));
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].text, "One[1] two[2] three[1].");
        let kinds: Vec<_> = a
            .citations
            .iter()
            .map(|c| (c.id.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(kinds, [("c1", "1"), ("c2", "2"), ("c3", "1")]);
        assert_eq!(a.citations[0].detail.as_deref(), Some("b"));
    }

    #[test]
    fn a_note_cited_only_from_a_note_follows_it() {
        let a = md("Body[^x].\n\n[^y]: Inner.\n[^x]: Outer[^y].\n");
        let labels: Vec<_> = a.footnotes.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["x", "y"]);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        // Citations: the body first, then the notes.
        assert_eq!(a.citations.len(), 2);
        assert_eq!(a.citations[1].text, "2");
    }

    #[test]
    fn notes_the_body_never_reaches_are_numbered_once_each() {
        // [^s] refers only to itself; [^t] is referenced nowhere.
        let a = md("Body[^r].\n\n[^r]: R.\n[^s]: S[^s].\n[^t]: T.\n");
        let numbers: Vec<_> = a
            .footnotes
            .iter()
            .map(|n| (n.label.as_str(), n.number))
            .collect();
        assert_eq!(numbers, [("r", 1), ("s", 2), ("t", 3)]);
        assert_eq!(a.warnings, ["footnote [^t] is never referenced"]);
        assert_eq!(a.footnotes[1].blocks[0].text, "S[2].");
    }

    #[test]
    fn footnote_labels_match_case_insensitively() {
        let a = md("Ref[^Note].\n\n[^note]: Text.\n");
        assert_eq!(a.footnotes.len(), 1);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
        assert_eq!(a.blocks[0].text, "Ref[1].");
    }

    #[test]
    fn links_get_citations_except_fragments() {
        let a = md(
            "See [the site](https://example.com/a \"T\"), [below](#notes) and <me@example.com>.\n",
        );
        assert_eq!(a.citations.len(), 2);
        assert_eq!(a.citations[0].kind, CitationKind::Link);
        assert_eq!(a.citations[0].text, "the site");
        assert_eq!(
            a.citations[0].detail.as_deref(),
            Some("https://example.com/a")
        );
        assert_eq!(
            a.citations[1].detail.as_deref(),
            Some("mailto:me@example.com")
        );
    }
}
