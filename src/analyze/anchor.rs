//! Anchoring: turns marks (byte ranges of a unit's plain text) into `Inline::Cite` nodes.

use super::{Mark, UnitKind};
use crate::{Article, Block, BlockContent, Inline};

/// What [`visit_units`] calls for each unit: its inlines, its kind, and its plain text when the
/// model already holds it (a paragraph's or heading's block text), so it need not be built again.
pub(super) type UnitVisitor<'f> = dyn FnMut(&mut Vec<Inline>, UnitKind, Option<&str>) + 'f;

/// Calls `f` on every text unit of the article in reading order: body blocks, then footnotes.
pub(super) fn visit_units(article: &mut Article, f: &mut UnitVisitor<'_>) {
    visit_blocks(&mut article.blocks, false, f);
    for note in &mut article.footnotes {
        visit_blocks(&mut note.blocks, true, f);
    }
}

fn visit_blocks(blocks: &mut [Block], nested: bool, f: &mut UnitVisitor<'_>) {
    for block in blocks {
        // A block's text is its inlines' plain text (`Block::new`); a Cite adds none.
        let text = Some(block.text.as_str());
        match &mut block.content {
            BlockContent::Paragraph { inlines } => f(
                inlines,
                if nested {
                    UnitKind::Other
                } else {
                    UnitKind::Paragraph
                },
                text,
            ),
            BlockContent::Heading { inlines, .. } => f(inlines, UnitKind::Heading, text),
            BlockContent::BlockQuote { blocks } => visit_blocks(blocks, true, f),
            BlockContent::List { items, .. } => {
                for item in items {
                    visit_blocks(&mut item.blocks, true, f);
                }
            }
            BlockContent::Table { head, rows, .. } => {
                for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                    f(cell, UnitKind::Other, None);
                }
            }
            BlockContent::Code { .. } | BlockContent::Html { .. } | BlockContent::Rule => {}
        }
    }
}

/// Numbers the marks' citations in reading order, wraps their spans, and stores the citations.
pub(super) fn anchor(article: &mut Article, mut marks: Vec<Mark>) {
    // Reading order; an enclosing span before the spans inside it.
    super::sort_stable_by_position(&mut marks, |m| [m.unit, m.start, usize::MAX - m.end]);
    let first_id = article.citations.len() + 1;
    for (i, mark) in marks.iter_mut().enumerate() {
        mark.citation.id = format!("c{}", first_id + i);
    }
    let mut next = 0;
    let mut unit = 0;
    if marks.is_empty() {
        renumber_in_document_order(article);
        return;
    }
    visit_units(article, &mut |inlines, _, _| {
        let from = next;
        while next < marks.len() && marks[next].unit == unit {
            next += 1;
        }
        if next > from {
            let spans: Vec<(usize, usize, &str)> = marks[from..next]
                .iter()
                .map(|m| (m.start, m.end, m.citation.id.as_str()))
                .collect();
            wrap_all(inlines, &spans);
        }
        unit += 1;
    });
    // Block texts do not change: a Cite adds no text.
    article
        .citations
        .extend(marks.into_iter().map(|m| m.citation));
    renumber_in_document_order(article);
}

/// Citations made at parse time (links, footnotes) and by analysis interleave in the text; the ids
/// stay as assigned, but the list is sorted so that it reads in document order.
fn renumber_in_document_order(article: &mut Article) {
    let mut order = Vec::new();
    visit_units(article, &mut |inlines, _, _| {
        collect_ids(inlines, &mut order)
    });
    let mut position = std::collections::HashMap::with_capacity(order.len());
    for (i, id) in order.into_iter().enumerate() {
        position.entry(id).or_insert(i);
    }
    super::sort_stable_by_position(&mut article.citations, |c| {
        [position.get(&c.id).copied().unwrap_or(usize::MAX), 0, 0]
    });
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

/// Length of inline content's plain text, as `inline_text` writes it, without building the text.
fn plain_len(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text { text } | Inline::Code { text } => text.len(),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. }
            | Inline::Cite { children, .. } => plain_len(children),
            Inline::Image { alt, .. } => plain_len(alt),
            Inline::Html { .. } => 0,
            Inline::SoftBreak | Inline::HardBreak => 1,
            Inline::FootnoteRef { label, number, .. } => match number {
                Some(n) => n.to_string().len() + 2,
                None => label.len() + 3,
            },
        })
        .sum()
}

/// How deeply citation spans may nest in one another. Analyses nest two or three deep (an
/// abbreviation in a quote in an attribution); crossing spans nest one more level each, so without a
/// bound a run of crossing spans would build a tree as deep as the run, and every recursive walk of
/// the model (rendering, serialization) would follow it.
const MAX_SPAN_DEPTH: usize = 16;

/// A mark's span in the tree of spans of one unit. Crossing spans are resolved when the tree is
/// built: a span that starts inside another and ends after it is widened to enclose it.
struct SpanNode<'a> {
    start: usize,
    end: usize,
    id: &'a str,
    children: Vec<usize>,
    /// Levels in this node's subtree, itself included.
    height: usize,
}

/// Builds the tree of `spans`, sorted by start and then by end descending (enclosing first).
/// Returns the nodes and the indices of the top-level ones, which are disjoint and in order.
fn span_tree<'a>(spans: &[(usize, usize, &'a str)]) -> (Vec<SpanNode<'a>>, Vec<usize>) {
    let mut nodes: Vec<SpanNode<'a>> = Vec::with_capacity(spans.len());
    let mut roots = Vec::new();
    // The open spans containing the current position, outermost first.
    let mut stack: Vec<usize> = Vec::new();
    for &(start, end, id) in spans {
        if start >= end {
            continue;
        }
        while stack.last().is_some_and(|&top| nodes[top].end <= start) {
            stack.pop();
        }
        // Open spans that the new one does not fit inside (it ends later, or it is the same range,
        // in which case the later mark encloses the earlier, as wrapping one after the other does)
        // are a suffix of the stack: they end up inside the new span.
        let inside = |n: &SpanNode| n.end < end || (n.end == end && n.start == start);
        let level = stack
            .iter()
            .rposition(|&n| !inside(&nodes[n]))
            .map_or(0, |p| p + 1);
        let new = nodes.len();
        let (start, height) = match stack.get(level) {
            Some(&enclosed) => (nodes[enclosed].start, nodes[enclosed].height + 1),
            None => (start, 1),
        };
        if level + height > MAX_SPAN_DEPTH {
            continue;
        }
        let children = match stack.get(level) {
            Some(&enclosed) => vec![enclosed],
            None => Vec::new(),
        };
        let siblings = match level.checked_sub(1).and_then(|p| stack.get(p)) {
            Some(&parent) => &mut nodes[parent].children,
            None => &mut roots,
        };
        if level < stack.len() {
            // The enclosed span is its parent's last child: the new span takes its place.
            siblings.pop();
        }
        siblings.push(new);
        nodes.push(SpanNode {
            start,
            end,
            id,
            children,
            height,
        });
        for (depth, &ancestor) in stack.iter().take(level).enumerate() {
            let below = level - depth + height;
            if nodes[ancestor].height < below {
                nodes[ancestor].height = below;
            }
        }
        stack.insert(level, new);
    }
    (nodes, roots)
}

/// A span to wrap at one level of the inline tree: a tree node, with its range clipped to what it
/// may cover at this level.
#[derive(Clone, Copy)]
struct Piece {
    node: usize,
    start: usize,
    end: usize,
}

/// Wraps each plain-text byte range of `spans` (sorted as [`span_tree`] wants) in a `Cite`, in one
/// pass over the inline tree. A boundary inside a text node splits it; a boundary inside any other
/// node widens the range to the whole node, except that a range wholly inside one formatting node is
/// wrapped inside it. Nothing is wrapped inside a link or a footnote reference; of several ranges
/// inside one atomic node (code, image, ...), the first wraps the whole node and the others are not
/// anchored.
fn wrap_all(inlines: &mut Vec<Inline>, spans: &[(usize, usize, &str)]) {
    let (nodes, roots) = span_tree(spans);
    let pieces = roots
        .iter()
        .map(|&n| Piece {
            node: n,
            start: nodes[n].start,
            end: nodes[n].end,
        })
        .collect();
    let content = std::mem::take(inlines);
    *inlines = wrap_pieces(content, 0, pieces, &nodes);
}

/// The children of `piece`'s node, clipped to `piece`'s range.
fn child_pieces(piece: Piece, nodes: &[SpanNode]) -> Vec<Piece> {
    nodes[piece.node]
        .children
        .iter()
        .map(|&c| Piece {
            node: c,
            start: nodes[c].start.max(piece.start),
            end: nodes[c].end.min(piece.end),
        })
        .filter(|p| p.start < p.end)
        .collect()
}

/// Wraps `pieces` (disjoint, in order; offsets relative to the unit, `base` being the offset of
/// `inlines`) in `inlines`, recursing for the pieces nested in each.
fn wrap_pieces(
    inlines: Vec<Inline>,
    base: usize,
    pieces: Vec<Piece>,
    nodes: &[SpanNode],
) -> Vec<Inline> {
    let total = base + plain_len(&inlines);
    // Both are stacks: the next input node and the next piece are at the end.
    let mut input: Vec<(Inline, usize)> = inlines
        .into_iter()
        .rev()
        .map(|inline| {
            let len = plain_len(std::slice::from_ref(&inline));
            (inline, len)
        })
        .collect();
    let mut pieces: Vec<Piece> = pieces.into_iter().rev().collect();
    let mut out = Vec::with_capacity(input.len() + 2 * pieces.len());
    let mut pos = base;
    while let Some(piece) = pieces.pop() {
        if piece.start < pos {
            // Starts inside a node already written (only after a widening): not anchored.
            continue;
        }
        // Everything that ends before the piece starts stays as it is.
        while input
            .last()
            .is_some_and(|(_, len)| pos + len <= piece.start)
        {
            if let Some((inline, len)) = input.pop() {
                out.push(inline);
                pos += len;
            }
        }
        let end = piece.end.min(total);
        // The nodes the piece touches.
        let mut group: Vec<(Inline, usize)> = Vec::new();
        let mut group_end = pos;
        while group_end < end {
            let Some((inline, len)) = input.pop() else {
                break;
            };
            group_end += len;
            group.push((inline, len));
        }
        if group.is_empty() {
            continue;
        }
        let strictly_inside = group.len() == 1 && (piece.start > pos || end < group_end);
        if strictly_inside {
            let Some((inline, len)) = group.pop() else {
                continue;
            };
            let node_start = pos;
            match inline {
                Inline::Text { text } => {
                    let node_end = node_start + len;
                    let (lo, hi) = (piece.start - node_start, end - node_start);
                    let (Some(_), Some(_), Some(_)) =
                        (text.get(..lo), text.get(lo..hi), text.get(hi..))
                    else {
                        // Not at character boundaries: the spans inside may still fit.
                        input.push((Inline::Text { text }, len));
                        pieces.extend(child_pieces(piece, nodes).into_iter().rev());
                        continue;
                    };
                    // Every following piece that also lies strictly inside this text node is cut
                    // out of it here: handing the rest back as a new node after each piece would
                    // copy the rest once per piece, quadratic in a long paragraph.
                    let (mut piece, mut end, mut from) = (piece, end, 0);
                    loop {
                        let (lo, hi) = (piece.start - node_start, end - node_start);
                        let (Some(pre), Some(mid)) = (text.get(from..lo), text.get(lo..hi)) else {
                            // Not at character boundaries: the loop below hands it back.
                            pieces.push(piece);
                            break;
                        };
                        if !pre.is_empty() {
                            out.push(Inline::text(pre));
                        }
                        let inner = wrap_pieces(
                            vec![Inline::text(mid)],
                            piece.start,
                            child_pieces(Piece { end, ..piece }, nodes),
                            nodes,
                        );
                        out.push(Inline::Cite {
                            citation: nodes[piece.node].id.to_string(),
                            children: inner,
                        });
                        pos = end;
                        from = hi;
                        match pieces.last() {
                            Some(&next) if next.start > pos && next.end.min(total) < node_end => {
                                pieces.pop();
                                piece = next;
                                end = next.end.min(total);
                            }
                            _ => break,
                        }
                    }
                    if let Some(post) = text.get(from..).filter(|post| !post.is_empty()) {
                        input.push((Inline::text(post), post.len()));
                    }
                }
                Inline::Emphasis { .. }
                | Inline::Strong { .. }
                | Inline::Strikethrough { .. }
                | Inline::Cite { .. } => {
                    // Every piece that lies inside this node goes in at once.
                    let mut inside = vec![Piece { end, ..piece }];
                    while let Some(&next) = pieces.last() {
                        if next.end > group_end {
                            break;
                        }
                        inside.push(next);
                        pieces.pop();
                    }
                    let mut inline = inline;
                    if let Inline::Emphasis { children }
                    | Inline::Strong { children }
                    | Inline::Strikethrough { children }
                    | Inline::Cite { children, .. } = &mut inline
                    {
                        let content = std::mem::take(children);
                        *children = wrap_pieces(content, node_start, inside, nodes);
                    }
                    // A later piece may start inside this node and end after it.
                    input.push((inline, len));
                }
                Inline::Link { .. } | Inline::FootnoteRef { .. } => {
                    input.push((inline, len));
                }
                atomic => {
                    // Code, an image, a break: the piece widens to the whole node, and the other
                    // pieces inside it are not anchored.
                    while pieces.last().is_some_and(|next| next.end <= group_end) {
                        pieces.pop();
                    }
                    out.push(Inline::Cite {
                        citation: nodes[piece.node].id.to_string(),
                        children: vec![atomic],
                    });
                    pos = group_end;
                }
            }
            continue;
        }
        // The piece covers several nodes (or exactly one): split text nodes at the edges, widen to
        // whole other nodes.
        if let Some((Inline::Text { text }, len)) = group.last_mut() {
            let cut = *len - (group_end - end);
            if cut < text.len() && text.is_char_boundary(cut) {
                let tail = text.split_off(cut);
                input.push((Inline::Text { text: tail }, *len - cut));
                *len = cut;
                group_end = end;
            }
        }
        if let Some((Inline::Text { text }, len)) = group.first_mut() {
            let cut = piece.start - pos;
            if cut > 0 && text.is_char_boundary(cut) {
                let tail = text.split_off(cut);
                out.push(Inline::Text {
                    text: std::mem::replace(text, tail),
                });
                *len -= cut;
                pos += cut;
            }
        }
        let mut inner = child_pieces(
            Piece {
                start: pos,
                end: group_end,
                ..piece
            },
            nodes,
        );
        // Pieces that start inside the widened range go inside it.
        while let Some(&next) = pieces.last() {
            if next.start >= group_end {
                break;
            }
            pieces.pop();
            inner.push(Piece {
                end: next.end.min(group_end),
                ..next
            });
        }
        let content = group.into_iter().map(|(inline, _)| inline).collect();
        out.push(Inline::Cite {
            citation: nodes[piece.node].id.to_string(),
            children: wrap_pieces(content, pos, inner, nodes),
        });
        pos = group_end;
    }
    out.extend(input.into_iter().rev().map(|(inline, _)| inline));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::inline_text;

    fn t(s: &str) -> Inline {
        Inline::text(s)
    }

    /// Wraps one range, as anchoring a unit with one mark does.
    fn wrap(inlines: &mut Vec<Inline>, start: usize, end: usize, id: &str) {
        wrap_all(inlines, &[(start, end, id)]);
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

    #[test]
    fn many_marks_in_one_paragraph_each_wrap_their_own_words() {
        let word = "“yes” ";
        let n = 5_000;
        let mut inlines = vec![t(&word.repeat(n))];
        let ids: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
        let spans: Vec<(usize, usize, &str)> = (0..n)
            .map(|i| {
                (
                    i * word.len(),
                    i * word.len() + "“yes”".len(),
                    ids[i].as_str(),
                )
            })
            .collect();
        wrap_all(&mut inlines, &spans);
        assert_eq!(inline_text(&inlines), word.repeat(n));
        let cites: Vec<&Inline> = inlines
            .iter()
            .filter(|i| matches!(i, Inline::Cite { .. }))
            .collect();
        assert_eq!(cites.len(), n);
        assert_eq!(
            cites[n - 1],
            &Inline::Cite {
                citation: format!("c{}", n - 1),
                children: vec![t("“yes”")]
            }
        );
    }

    #[test]
    fn crossing_marks_nest_and_stay_shallow() {
        // Each span starts inside the previous one and ends after it: the later encloses the
        // earlier, as wrapping them one after the other does, but never deeper than the bound.
        let text = "abcdefghijklmnopqrstuvwxyz".repeat(4);
        let ids: Vec<String> = (0..60).map(|i| format!("c{i}")).collect();
        let spans: Vec<(usize, usize, &str)> =
            (0..60).map(|i| (i, i + 10, ids[i].as_str())).collect();
        let mut inlines = vec![t(&text)];
        wrap_all(&mut inlines, &spans);
        assert_eq!(inline_text(&inlines), text);
        fn depth(inlines: &[Inline]) -> usize {
            inlines
                .iter()
                .map(|i| match i {
                    Inline::Cite { children, .. } => 1 + depth(children),
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        assert!(depth(&inlines) >= 2, "{inlines:?}");
        assert!(depth(&inlines) <= MAX_SPAN_DEPTH, "{}", depth(&inlines));
    }

    #[test]
    fn several_marks_in_one_code_span_wrap_it_once() {
        let mut inlines = vec![
            t("see "),
            Inline::Code {
                text: "\"a\" and \"b\"".into(),
            },
        ];
        wrap_all(&mut inlines, &[(5, 8, "c1"), (13, 16, "c2")]);
        assert_eq!(inlines.len(), 2);
        let Inline::Cite { citation, children } = &inlines[1] else {
            panic!("{inlines:?}")
        };
        assert_eq!(citation, "c1");
        assert!(matches!(children[..], [Inline::Code { .. }]));
    }
}
