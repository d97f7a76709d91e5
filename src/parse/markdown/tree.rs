//! Events → tree: pulldown-cmark's event stream folded into blocks with a stack of open
//! containers. What needs the whole document (numbers, ids, citations) is done afterwards by the
//! parent module.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use crate::{Align, Block, BlockContent, Inline, ListItem};

/// An open container on the builder's stack.
enum Frame {
    /// The document, a block quote or a footnote definition: holds blocks. Inline events that arrive
    /// directly (they do not, outside list items) are gathered into a paragraph.
    Blocks {
        kind: BlocksKind,
        blocks: Vec<Block>,
        pending: Vec<Inline>,
    },
    /// A list item. pulldown-cmark writes no paragraph events inside the items of a tight list: the
    /// inline runs in `pending` become paragraphs, and `saw_paragraph` tells a loose list.
    Item {
        task: Option<bool>,
        blocks: Vec<Block>,
        pending: Vec<Inline>,
        saw_paragraph: bool,
    },
    List {
        start: Option<u64>,
        items: Vec<ListItem>,
        loose: bool,
    },
    Paragraph(Vec<Inline>),
    /// A heading: its level, the id written as `{#id}`, its content.
    Heading(u8, Option<String>, Vec<Inline>),
    Code {
        info: Option<String>,
        code: String,
    },
    Html(String),
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// The table head or a table row: a list of cells.
    Row {
        head: bool,
        cells: Vec<Vec<Inline>>,
    },
    Cell(Vec<Inline>),
    /// An inline container.
    Span(SpanKind, Vec<Inline>),
    /// Anything this reader does not model (extensions left off): its content joins the parent.
    Transparent(Vec<Inline>),
    /// Inline formatting nested past [`MAX_NESTING`]: like [`Frame::Flattened`], not a holder, so
    /// its content goes straight to the nearest holder (gathering it and handing it down at the
    /// end would copy the text once per level: quadratic time in the nesting depth).
    FlattenedSpan,
    /// A block container nested past [`MAX_NESTING`]: what it holds goes to the nearest container
    /// below it, so the model stays shallow enough to walk recursively.
    Flattened,
}

/// How deeply block quotes, lists, footnote definitions and inline formatting may nest in the
/// model. Real articles stay far below it; hostile input (100 000 `>` in a row) would otherwise
/// overflow the stack of every recursive walk over the model (analysis, rendering, serialisation,
/// even dropping it).
pub(super) const MAX_NESTING: usize = 40;

enum BlocksKind {
    Document,
    BlockQuote,
    Footnote(String),
}

enum SpanKind {
    Emphasis,
    Strong,
    Strikethrough,
    Link { url: String, title: String },
    Image { url: String, title: String },
}

/// A footnote definition as written, before numbering.
pub(super) struct Definition {
    pub(super) label: String,
    pub(super) blocks: Vec<Block>,
}

pub(super) struct TreeBuilder {
    stack: Vec<Frame>,
    definitions: Vec<Definition>,
    /// Open frames that count towards [`MAX_NESTING`].
    depth: usize,
    /// Positions in `stack` of the frames that are not [`Frame::Flattened`], innermost last, so
    /// that finding where content goes never walks a long run of flattened frames.
    holders: Vec<usize>,
    warnings: Vec<String>,
}

impl Default for TreeBuilder {
    fn default() -> Self {
        TreeBuilder {
            stack: vec![Frame::Blocks {
                kind: BlocksKind::Document,
                blocks: Vec::new(),
                pending: Vec::new(),
            }],
            definitions: Vec::new(),
            depth: 0,
            holders: vec![0],
            warnings: Vec::new(),
        }
    }
}

impl TreeBuilder {
    pub(super) fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.text(&text),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline(Inline::Code {
                    text: text.to_string(),
                })
            }
            Event::Html(html) => {
                if let Some(Frame::Html(buffer)) = self.stack.last_mut() {
                    buffer.push_str(&html);
                } else {
                    self.inline(Inline::Html {
                        html: html.to_string(),
                    });
                }
            }
            Event::InlineHtml(html) => self.inline(Inline::Html {
                html: html.to_string(),
            }),
            Event::FootnoteReference(label) => self.inline(Inline::FootnoteRef {
                label: label.to_string(),
                number: None,
                citation: None,
            }),
            Event::SoftBreak => self.inline(Inline::SoftBreak),
            Event::HardBreak => self.inline(Inline::HardBreak),
            Event::Rule => self.block(Block::new(BlockContent::Rule)),
            Event::TaskListMarker(checked) => {
                // The marker opens its item: directly (tight list) or its first paragraph.
                let item = self
                    .holders
                    .iter()
                    .rev()
                    .take(2)
                    .copied()
                    .find(|&at| matches!(self.stack.get(at), Some(Frame::Item { .. })));
                if let Some(Frame::Item { task, .. }) = item.and_then(|at| self.stack.get_mut(at)) {
                    *task = Some(checked);
                }
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let frame = match tag {
            Tag::Paragraph => {
                if let Some(Frame::Item { saw_paragraph, .. }) = self.stack.last_mut() {
                    *saw_paragraph = true;
                }
                Frame::Paragraph(Vec::new())
            }
            Tag::Heading { level, id, .. } => Frame::Heading(
                heading_level(level),
                id.map(|id| id.to_string()).filter(|id| !id.is_empty()),
                Vec::new(),
            ),
            Tag::BlockQuote(_) => Frame::Blocks {
                kind: BlocksKind::BlockQuote,
                blocks: Vec::new(),
                pending: Vec::new(),
            },
            Tag::CodeBlock(kind) => Frame::Code {
                info: match kind {
                    CodeBlockKind::Fenced(info) if !info.is_empty() => Some(info.to_string()),
                    _ => None,
                },
                code: String::new(),
            },
            Tag::HtmlBlock => Frame::Html(String::new()),
            Tag::List(start) => Frame::List {
                start,
                items: Vec::new(),
                loose: false,
            },
            Tag::Item => Frame::Item {
                task: None,
                blocks: Vec::new(),
                pending: Vec::new(),
                saw_paragraph: false,
            },
            Tag::FootnoteDefinition(label) => Frame::Blocks {
                kind: BlocksKind::Footnote(label.to_string()),
                blocks: Vec::new(),
                pending: Vec::new(),
            },
            Tag::Table(alignments) => Frame::Table {
                align: alignments.iter().map(|a| align(*a)).collect(),
                head: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Frame::Row {
                head: true,
                cells: Vec::new(),
            },
            Tag::TableRow => Frame::Row {
                head: false,
                cells: Vec::new(),
            },
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::Emphasis => Frame::Span(SpanKind::Emphasis, Vec::new()),
            Tag::Strong => Frame::Span(SpanKind::Strong, Vec::new()),
            Tag::Strikethrough => Frame::Span(SpanKind::Strikethrough, Vec::new()),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => Frame::Span(
                SpanKind::Link {
                    url: if link_type == LinkType::Email {
                        format!("mailto:{dest_url}")
                    } else {
                        dest_url.to_string()
                    },
                    title: title.to_string(),
                },
                Vec::new(),
            ),
            Tag::Image {
                dest_url, title, ..
            } => Frame::Span(
                SpanKind::Image {
                    url: dest_url.to_string(),
                    title: title.to_string(),
                },
                Vec::new(),
            ),
            // Superscript, subscript, definition lists and metadata blocks are not enabled; should
            // one appear, its text still reaches the reader.
            _ => Frame::Transparent(Vec::new()),
        };
        let frame = self.limit_nesting(frame);
        if is_block_frame(&frame) {
            self.flush_pending();
        }
        if !matches!(frame, Frame::Flattened | Frame::FlattenedSpan) {
            self.holders.push(self.stack.len());
        }
        self.stack.push(frame);
    }

    /// Counts the frame towards the nesting limit, or flattens it once the limit is reached. A
    /// list item is flattened exactly when its list was.
    fn limit_nesting(&mut self, frame: Frame) -> Frame {
        let flattened_parent = matches!(self.stack.last(), Some(Frame::Flattened));
        let frame = match frame {
            Frame::Item { .. } if flattened_parent => Frame::Flattened,
            frame if counts_towards_nesting(&frame) && self.depth >= MAX_NESTING => {
                if !self
                    .warnings
                    .iter()
                    .any(|w| w.starts_with("nesting deeper"))
                {
                    self.warnings.push(format!(
                        "nesting deeper than {MAX_NESTING} levels was flattened; the text is kept"
                    ));
                }
                match frame {
                    Frame::Span(..) => Frame::FlattenedSpan,
                    _ => Frame::Flattened,
                }
            }
            frame => frame,
        };
        if counts_towards_nesting(&frame) {
            self.depth += 1;
        }
        frame
    }

    fn end(&mut self, _tag: TagEnd) {
        // Start and end events are balanced, so the frame on top is the one this event closes.
        if self.stack.len() <= 1 {
            return;
        }
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if self.holders.last() == Some(&self.stack.len()) {
            self.holders.pop();
        }
        if counts_towards_nesting(&frame) {
            self.depth = self.depth.saturating_sub(1);
        }
        match frame {
            // Keep flattened list items and quotes apart as paragraphs.
            Frame::Flattened => self.flush_pending(),
            Frame::FlattenedSpan => {}
            Frame::Blocks {
                kind,
                mut blocks,
                pending,
            } => {
                push_paragraph(&mut blocks, pending);
                match kind {
                    BlocksKind::Footnote(label) => {
                        self.definitions.push(Definition { label, blocks });
                    }
                    BlocksKind::BlockQuote => {
                        self.block(Block::new(BlockContent::BlockQuote { blocks }))
                    }
                    BlocksKind::Document => {}
                }
            }
            Frame::Item {
                task,
                mut blocks,
                pending,
                saw_paragraph,
            } => {
                push_paragraph(&mut blocks, pending);
                if let Some(Frame::List { items, loose, .. }) = self.stack.last_mut() {
                    *loose |= saw_paragraph;
                    items.push(ListItem { task, blocks });
                }
            }
            Frame::List {
                start,
                items,
                loose,
            } => self.block(Block::new(BlockContent::List {
                start,
                tight: !loose,
                items,
            })),
            Frame::Paragraph(inlines) => {
                self.block(Block::new(BlockContent::Paragraph { inlines }))
            }
            Frame::Heading(level, id, inlines) => {
                self.block(Block::new(BlockContent::Heading { level, id, inlines }))
            }
            Frame::Code { info, code } => self.block(Block::new(BlockContent::Code { info, code })),
            Frame::Html(html) => self.block(Block::new(BlockContent::Html { html })),
            Frame::Table { align, head, rows } => {
                self.block(Block::new(BlockContent::Table { align, head, rows }))
            }
            Frame::Row { head, cells } => {
                if let Some(Frame::Table {
                    head: table_head,
                    rows,
                    ..
                }) = self.stack.last_mut()
                {
                    if head {
                        *table_head = cells;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Frame::Cell(inlines) => {
                if let Some(Frame::Row { cells, .. }) = self.stack.last_mut() {
                    cells.push(inlines);
                }
            }
            Frame::Span(kind, children) => {
                let inline = match kind {
                    SpanKind::Emphasis => Inline::Emphasis { children },
                    SpanKind::Strong => Inline::Strong { children },
                    SpanKind::Strikethrough => Inline::Strikethrough { children },
                    SpanKind::Link { url, title } => Inline::Link {
                        url,
                        title,
                        children,
                        citation: None,
                    },
                    SpanKind::Image { url, title } => Inline::Image {
                        url,
                        title,
                        alt: children,
                    },
                };
                self.inline(inline);
            }
            Frame::Transparent(children) => {
                for child in children {
                    self.inline(child);
                }
            }
        }
    }

    /// Text goes into a code or HTML block's buffer, or joins the inline run (merged with the text
    /// before it, so that analysis sees whole runs).
    fn text(&mut self, text: &str) {
        match self.top() {
            Some(Frame::Code { code, .. }) => code.push_str(text),
            Some(Frame::Html(html)) => html.push_str(text),
            _ => self.inline(Inline::text(text)),
        }
    }

    fn inline(&mut self, inline: Inline) {
        let Some(target) = self.top().and_then(inline_target) else {
            return;
        };
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (target.last_mut(), &inline)
        {
            last.push_str(text);
            return;
        }
        target.push(inline);
    }

    fn block(&mut self, block: Block) {
        self.flush_pending();
        match self.top() {
            Some(Frame::Blocks { blocks, .. }) | Some(Frame::Item { blocks, .. }) => {
                blocks.push(block)
            }
            // A block inside an inline container cannot happen in CommonMark; keep its text.
            Some(frame) => {
                if let Some(target) = inline_target(frame) {
                    target.push(Inline::text(&block.text));
                }
            }
            None => {}
        }
    }

    /// Turns the inline run gathered directly in a container (a tight list item) into a paragraph
    /// before a block follows it.
    fn flush_pending(&mut self) {
        if let Some(Frame::Blocks {
            blocks, pending, ..
        })
        | Some(Frame::Item {
            blocks, pending, ..
        }) = self.top()
        {
            push_paragraph(blocks, std::mem::take(pending));
        }
    }

    /// The innermost frame that holds content: flattened frames hand theirs down.
    fn top(&mut self) -> Option<&mut Frame> {
        let at = *self.holders.last()?;
        self.stack.get_mut(at)
    }

    pub(super) fn finish(mut self) -> (Vec<Block>, Vec<Definition>, Vec<String>) {
        // Balanced events leave only the document; be defensive about anything left open anyway.
        while self.stack.len() > 1 {
            self.end(TagEnd::Paragraph);
        }
        let blocks = match self.stack.pop() {
            Some(Frame::Blocks {
                mut blocks,
                pending,
                ..
            }) => {
                push_paragraph(&mut blocks, pending);
                blocks
            }
            _ => Vec::new(),
        };
        (blocks, self.definitions, self.warnings)
    }
}

/// Frames whose nesting the model would repeat: containers of blocks, and inline formatting.
fn counts_towards_nesting(frame: &Frame) -> bool {
    match frame {
        Frame::Blocks { kind, .. } => !matches!(kind, BlocksKind::Document),
        Frame::List { .. } | Frame::Span(..) => true,
        _ => false,
    }
}

fn is_block_frame(frame: &Frame) -> bool {
    !matches!(
        frame,
        Frame::Span(..)
            | Frame::Transparent(_)
            | Frame::Cell(_)
            | Frame::Flattened
            | Frame::FlattenedSpan
    )
}

/// Where inline content goes in a frame, if it holds inline content.
fn inline_target(frame: &mut Frame) -> Option<&mut Vec<Inline>> {
    match frame {
        Frame::Blocks { pending, .. } | Frame::Item { pending, .. } => Some(pending),
        Frame::Paragraph(inlines)
        | Frame::Heading(_, _, inlines)
        | Frame::Cell(inlines)
        | Frame::Span(_, inlines)
        | Frame::Transparent(inlines) => Some(inlines),
        _ => None,
    }
}

fn push_paragraph(blocks: &mut Vec<Block>, inlines: Vec<Inline>) {
    if !inlines.is_empty() {
        blocks.push(Block::new(BlockContent::Paragraph { inlines }));
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn align(alignment: Alignment) -> Align {
    match alignment {
        Alignment::None => Align::None,
        Alignment::Left => Align::Left,
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Article;

    fn md(input: &str) -> Article {
        super::super::parse(input, true)
    }

    #[test]
    fn tight_list_items_hold_paragraphs_and_stay_tight() {
        let a = md("- one\n- two\n  - nested\n");
        let BlockContent::List { tight, items, .. } = &a.blocks[0].content else {
            panic!("{a:?}")
        };
        assert!(tight);
        assert!(matches!(
            items[0].blocks[0].content,
            BlockContent::Paragraph { .. }
        ));
        assert_eq!(items[1].blocks.len(), 2);
        assert!(matches!(
            items[1].blocks[1].content,
            BlockContent::List { .. }
        ));
        let b = md("- one\n\n- two\n");
        let BlockContent::List { tight, .. } = &b.blocks[0].content else {
            panic!()
        };
        assert!(!tight);
    }

    #[test]
    fn adjacent_text_is_merged() {
        // pulldown-cmark splits text at the escaped character and at smart quotes.
        let a = md("a \\* b \"c\" d\n");
        let BlockContent::Paragraph { inlines } = &a.blocks[0].content else {
            panic!()
        };
        assert_eq!(inlines, &vec![Inline::text("a * b “c” d")]);
    }

    #[test]
    fn footnote_definitions_inside_containers_leave_the_body() {
        let a = md("> Quote.[^q]\n>\n> [^q]: The note.\n");
        assert_eq!(a.footnotes.len(), 1);
        let BlockContent::BlockQuote { blocks } = &a.blocks[0].content else {
            panic!()
        };
        assert_eq!(blocks.len(), 1);
    }

    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|b| match &b.content {
                BlockContent::BlockQuote { blocks } => 1 + depth(blocks),
                BlockContent::List { items, .. } => {
                    1 + items.iter().map(|i| depth(&i.blocks)).max().unwrap_or(0)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    fn inline_depth(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Emphasis { children } | Inline::Strong { children } => {
                    1 + inline_depth(children)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn hostile_nesting_is_flattened_and_keeps_its_text() {
        let a = md(&format!("{} deep words\n", ">".repeat(5000)));
        assert!(depth(&a.blocks) <= MAX_NESTING, "{}", depth(&a.blocks));
        assert!(a.blocks[0].text.contains("deep words"));
        assert!(a.warnings.iter().any(|w| w.starts_with("nesting deeper")));

        let lists: String = (0..200)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect();
        let a = md(&lists);
        assert!(depth(&a.blocks) <= MAX_NESTING);
        let text = &a.blocks[0].text;
        assert!(text.contains("item 0") && text.contains("item 150") && text.contains("item 199"));

        let a = md(&format!("{}x{}\n", "*".repeat(20000), "*".repeat(20000)));
        let BlockContent::Paragraph { inlines } = &a.blocks[0].content else {
            panic!()
        };
        assert!(inline_depth(inlines) <= MAX_NESTING);
        assert_eq!(a.blocks[0].text, "x");

        // Ordinary nesting is untouched.
        let a = md("> > - a\n>   > b\n");
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }

    #[test]
    fn tables_tasks_code_and_html_are_modelled() {
        let a = md("| a | b |\n|:--|--:|\n| 1 | 2 |\n\n- [x] done\n\n```rust\nfn x() {}\n```\n\n<div>hi</div>\n");
        let BlockContent::Table { align, head, rows } = &a.blocks[0].content else {
            panic!()
        };
        assert_eq!(align, &vec![Align::Left, Align::Right]);
        assert_eq!(head.len(), 2);
        assert_eq!(rows.len(), 1);
        let BlockContent::List { items, .. } = &a.blocks[1].content else {
            panic!()
        };
        assert_eq!(items[0].task, Some(true));
        assert_eq!(
            a.blocks[2].content,
            BlockContent::Code {
                info: Some("rust".into()),
                code: "fn x() {}\n".into()
            }
        );
        assert_eq!(
            a.blocks[3].content,
            BlockContent::Html {
                html: "<div>hi</div>\n".into()
            }
        );
    }
}
