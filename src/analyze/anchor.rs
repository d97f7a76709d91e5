//! Anchoring: turns marks (byte ranges of a unit's plain text) into `Inline::Cite` nodes.

use super::{Mark, UnitKind};
use crate::{Article, Block, BlockContent, Inline};

/// Calls `f` on every text unit of the article in reading order: body blocks, then footnotes.
pub(super) fn visit_units(article: &mut Article, f: &mut dyn FnMut(&mut Vec<Inline>, UnitKind)) {
    visit_blocks(&mut article.blocks, false, f);
    for note in &mut article.footnotes {
        visit_blocks(&mut note.blocks, true, f);
    }
}

fn visit_blocks(blocks: &mut [Block], nested: bool, f: &mut dyn FnMut(&mut Vec<Inline>, UnitKind)) {
    for block in blocks {
        match &mut block.content {
            BlockContent::Paragraph { inlines } => f(
                inlines,
                if nested {
                    UnitKind::Other
                } else {
                    UnitKind::Paragraph
                },
            ),
            BlockContent::Heading { inlines, .. } => f(inlines, UnitKind::Heading),
            BlockContent::BlockQuote { blocks } => visit_blocks(blocks, true, f),
            BlockContent::List { items, .. } => {
                for item in items {
                    visit_blocks(&mut item.blocks, true, f);
                }
            }
            BlockContent::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    f(cell, UnitKind::Other);
                }
            }
            BlockContent::Code { .. } | BlockContent::Html { .. } | BlockContent::Rule => {}
        }
    }
}

/// Numbers the marks' citations in reading order, wraps their spans, and stores the citations.
pub(super) fn anchor(article: &mut Article, mut marks: Vec<Mark>) {
    // Reading order; an enclosing span before the spans inside it.
    marks.sort_by(|a, b| (a.unit, a.start, b.end).cmp(&(b.unit, b.start, a.end)));
    let first_id = article.citations.len() + 1;
    for (i, mark) in marks.iter_mut().enumerate() {
        mark.citation.id = format!("c{}", first_id + i);
    }
    let mut next = 0;
    let mut unit = 0;
    visit_units(article, &mut |inlines, _| {
        while next < marks.len() && marks[next].unit == unit {
            let m = &marks[next];
            wrap(inlines, m.start, m.end, &m.citation.id);
            next += 1;
        }
        unit += 1;
    });
    // Rebuild block texts? They do not change: a Cite adds no text.
    article
        .citations
        .extend(marks.into_iter().map(|m| m.citation));
    renumber_in_document_order(article);
}

/// Citations made at parse time (links, footnotes) and by analysis interleave in the text; the ids
/// stay as assigned, but the list is sorted so that it reads in document order.
fn renumber_in_document_order(article: &mut Article) {
    let mut order = Vec::new();
    visit_units(article, &mut |inlines, _| collect_ids(inlines, &mut order));
    let position = |id: &str| order.iter().position(|o| o == id).unwrap_or(usize::MAX);
    let mut keyed: Vec<_> = std::mem::take(&mut article.citations)
        .into_iter()
        .map(|c| (position(&c.id), c))
        .collect();
    keyed.sort_by_key(|(p, _)| *p);
    article.citations = keyed.into_iter().map(|(_, c)| c).collect();
}

fn collect_ids(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::Cite { citation, children } => {
                out.push(citation.clone());
                collect_ids(children, out);
            }
            Inline::Link {
                citation, children, ..
            } => {
                if let Some(c) = citation {
                    out.push(c.clone());
                }
                collect_ids(children, out);
            }
            Inline::FootnoteRef {
                citation: Some(c), ..
            } => out.push(c.clone()),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children } => collect_ids(children, out),
            _ => {}
        }
    }
}

/// Length of an inline's plain text, as `inline_text` writes it.
fn plain_len(inline: &Inline) -> usize {
    crate::model::inline_text(std::slice::from_ref(inline)).len()
}

/// Wraps the plain-text byte range `start..end` of `inlines` in a `Cite`. A boundary inside a text
/// node splits it; a boundary inside any other node widens the range to the whole node, except that a
/// range wholly inside one formatting node is wrapped inside it. Nothing is wrapped inside a link.
fn wrap(inlines: &mut Vec<Inline>, start: usize, end: usize, id: &str) {
    if start >= end {
        return;
    }
    let mut offsets = Vec::with_capacity(inlines.len() + 1);
    let mut pos = 0;
    for inline in inlines.iter() {
        offsets.push(pos);
        pos += plain_len(inline);
    }
    offsets.push(pos);
    let end = end.min(pos);
    let Some(first) = (0..inlines.len()).find(|&i| offsets[i + 1] > start) else {
        return;
    };
    let Some(last) = (first..inlines.len()).rev().find(|&i| offsets[i] < end) else {
        return;
    };
    if first == last && (start > offsets[first] || end < offsets[first + 1]) {
        let (lo, hi) = (start - offsets[first], end - offsets[first]);
        match &mut inlines[first] {
            Inline::Text { text } => {
                let (Some(pre), Some(mid), Some(post)) =
                    (text.get(..lo), text.get(lo..hi), text.get(hi..))
                else {
                    return;
                };
                let (pre, mid, post) = (pre.to_string(), mid.to_string(), post.to_string());
                let mut replacement = Vec::new();
                if !pre.is_empty() {
                    replacement.push(Inline::Text { text: pre });
                }
                replacement.push(Inline::Cite {
                    citation: id.to_string(),
                    children: vec![Inline::Text { text: mid }],
                });
                if !post.is_empty() {
                    replacement.push(Inline::Text { text: post });
                }
                inlines.splice(first..=first, replacement);
                return;
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Cite { children, .. } => {
                wrap(children, lo, hi, id);
                return;
            }
            Inline::Link { .. } | Inline::FootnoteRef { .. } => return,
            _ => {}
        }
    }
    // The range covers several nodes: split text nodes at the edges, widen to whole other nodes.
    let mut last = last;
    if let Inline::Text { text } = &inlines[last] {
        let cut = end - offsets[last];
        if cut < text.len() && text.is_char_boundary(cut) {
            let (head, tail) = text.split_at(cut);
            let (head, tail) = (head.to_string(), tail.to_string());
            inlines.splice(
                last..=last,
                [Inline::Text { text: head }, Inline::Text { text: tail }],
            );
        }
    }
    let mut first = first;
    if let Inline::Text { text } = &inlines[first] {
        let cut = start - offsets[first];
        if cut > 0 && text.is_char_boundary(cut) {
            let (head, tail) = text.split_at(cut);
            let (head, tail) = (head.to_string(), tail.to_string());
            inlines.splice(
                first..=first,
                [Inline::Text { text: head }, Inline::Text { text: tail }],
            );
            first += 1;
            last += 1;
        }
    }
    let children: Vec<Inline> = inlines.drain(first..=last).collect();
    inlines.insert(
        first,
        Inline::Cite {
            citation: id.to_string(),
            children,
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inline_text;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    #[test]
    fn wraps_a_range_inside_one_text_node() {
        let mut inlines = vec![t("He said “yes” twice.")];
        let start = "He said ".len();
        let end = start + "“yes”".len();
        wrap(&mut inlines, start, end, "c1");
        assert_eq!(inlines.len(), 3);
        assert_eq!(
            inlines[1],
            Inline::Cite {
                citation: "c1".into(),
                children: vec![t("“yes”")]
            }
        );
        assert_eq!(inline_text(&inlines), "He said “yes” twice.");
    }

    #[test]
    fn wraps_across_formatting_and_nests() {
        let mut inlines = vec![
            t("a \"b "),
            Inline::Emphasis {
                children: vec![t("c")],
            },
            t(" d\" e"),
        ];
        wrap(&mut inlines, 2, 9, "c1");
        assert_eq!(inline_text(&inlines), "a \"b c d\" e");
        let Inline::Cite { children, .. } = &inlines[1] else {
            panic!("no cite: {inlines:?}")
        };
        assert_eq!(inline_text(children), "\"b c d\"");
        // A second, inner mark lands inside the first.
        wrap(&mut inlines, 3, 4, "c2");
        let Inline::Cite { children, .. } = &inlines[1] else {
            panic!()
        };
        assert!(children
            .iter()
            .any(|c| matches!(c, Inline::Cite { citation, .. } if citation == "c2")));
    }

    #[test]
    fn never_splits_inside_a_character_or_a_link() {
        let mut inlines = vec![t("“é”")];
        wrap(&mut inlines, 1, 2, "c1");
        assert_eq!(inlines, vec![t("“é”")]);
        let mut inlines = vec![Inline::Link {
            url: "https://example.com".into(),
            title: String::new(),
            children: vec![t("a link")],
            citation: None,
        }];
        wrap(&mut inlines, 2, 4, "c1");
        assert!(matches!(inlines[0], Inline::Link { .. }));
    }
}
