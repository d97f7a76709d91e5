//! Citation analysis: finds who said what, abbreviations and their uses, and anchors each finding to
//! its span in the model.
//!
//! Analyzers read the article as a list of text units (paragraphs, headings, list items, table
//! cells, footnote paragraphs: see [`units`]) and report [`Mark`]s: byte ranges of a unit's plain
//! text with the citation they carry. This module numbers the citations and wraps their spans in
//! [`Inline::Cite`] nodes, so analyzers never touch the inline tree.

mod abbreviations;
mod anchor;
mod sources;

use crate::{AnalyzeOptions, Article, Citation, Inline};

/// One run of text the analysis reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The plain text, as [`crate::model::inline_text`] gives it.
    pub text: String,
    /// Where the unit stands.
    pub kind: UnitKind,
}

/// Where a text unit stands in the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Paragraph,
    Heading,
    /// A list item, table cell, block quotation or footnote paragraph.
    Other,
}

/// A finding: a span of one unit and the citation it carries (its `id` is assigned here).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into the units.
    pub unit: usize,
    /// Byte range in the unit's text.
    pub start: usize,
    pub end: usize,
    pub citation: Citation,
}

/// Runs every analysis on `article` and anchors what they find.
///
/// Each stage is a function of its own in the wasm (`#[inline(never)]` here and on the stage
/// wrappers below): inlined, the whole pipeline became one 165 KB function, which the browser
/// must compile whole before the first render, whatever the article needs.
#[inline(never)]
pub fn analyze(article: &mut Article, options: &AnalyzeOptions) {
    let units = units(article);
    let mut marks = Vec::new();
    if options.abbreviations {
        // Markdown's `*[SHORT]: long` definitions, read by the parser.
        let defined = std::mem::take(&mut article.abbreviations);
        let (abbreviations, abbreviation_marks) = find_abbreviations(&units, &defined);
        article.abbreviations = abbreviations;
        marks.extend(outside_code(article, abbreviation_marks));
    }
    if options.quotes {
        let found = find_sources(&units, &article.abbreviations);
        article.sources = found.sources;
        article.warnings.extend(found.warnings);
        marks.extend(found.marks);
    }
    anchor_marks(article, marks);
}

#[inline(never)]
fn find_abbreviations(
    units: &[Unit],
    defined: &[crate::Abbreviation],
) -> (Vec<crate::Abbreviation>, Vec<Mark>) {
    abbreviations::find(units, defined)
}

#[inline(never)]
fn find_sources(units: &[Unit], abbreviations: &[crate::Abbreviation]) -> sources::SpeechFindings {
    sources::find(units, abbreviations)
}

#[inline(never)]
fn anchor_marks(article: &mut Article, marks: Vec<Mark>) {
    anchor::anchor(article, marks);
}

/// Sorts `items` by `key`, keeping equal keys in their order (like `sort_by_key`), through one
/// unstable sort of `(key, index)` pairs: every caller shares that one sort's code, where each
/// `sort_by_key` on its own element type would bring a stable sort of its own into the wasm
/// (4–8 KB each).
pub(crate) fn sort_stable_by_position<T>(items: &mut Vec<T>, key: impl Fn(&T) -> [usize; 3]) {
    let mut keyed: Vec<([usize; 3], usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        keyed
            .into_iter()
            .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The article's text units in reading order: body blocks, then footnotes.
pub fn units(article: &mut Article) -> Vec<Unit> {
    let mut units = Vec::new();
    anchor::visit_units(article, &mut |inlines: &mut Vec<Inline>, kind, text| {
        units.push(Unit {
            text: match text {
                Some(text) => {
                    debug_assert_eq!(text, crate::model::inline_text(inlines));
                    text.to_string()
                }
                None => crate::model::inline_text(inlines),
            },
            kind,
        });
    });
    units
}

/// Drops the marks that fall inside inline code (a short form in code is code, not a use) or a
/// link's text (the link is a marker of its own: no marker inside another).
fn outside_code(article: &mut Article, mut marks: Vec<Mark>) -> Vec<Mark> {
    if marks.is_empty() {
        return marks;
    }
    let mut code: Vec<Vec<(usize, usize)>> = Vec::new();
    anchor::visit_units(article, &mut |inlines: &mut Vec<Inline>, _, _| {
        let mut spans = Vec::new();
        code_spans(inlines, &mut 0, &mut spans);
        code.push(spans);
    });
    marks.retain(|m| {
        !code
            .get(m.unit)
            .is_some_and(|spans| spans.iter().any(|&(s, e)| m.start < e && s < m.end))
    });
    marks
}

/// The byte ranges of inline code and link texts in the plain text of `inlines`, which starts at
/// `*at`.
fn code_spans(inlines: &[Inline], at: &mut usize, out: &mut Vec<(usize, usize)>) {
    for inline in inlines {
        match inline {
            Inline::Code { text } => {
                out.push((*at, *at + text.len()));
                *at += text.len();
            }
            Inline::Link { children, .. } => {
                let start = *at;
                code_spans(children, at, out);
                out.push((start, *at));
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Cite { children, .. } => code_spans(children, at, out),
            Inline::Image { alt, .. } => code_spans(alt, at, out),
            other => *at += crate::model::inline_text(std::slice::from_ref(other)).len(),
        }
    }
}
