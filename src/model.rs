//! The article model: what `parse` produces, `analyze` enriches and `render` writes.
//!
//! Its JSON shape is a contract (`shared/spec/article-json.md`): the field names below are read by
//! tests and evaluations outside the crate. Fields may be added, never renamed.

use serde::Serialize;

/// The input format, as detected or as forced by [`crate::ParseOptions::format`].
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text as copied out of a web page.
    #[default]
    Text,
    /// CommonMark with footnotes, tables, strikethrough, task lists and smart punctuation.
    Markdown,
}

/// A parsed, analyzed article.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The format the text was read as.
    pub format: Format,
    /// The title line, when there is one.
    pub title: Option<String>,
    /// The summary line under the title, when there is one.
    pub standfirst: Option<String>,
    /// The place part of the dateline only: "SEOUL, South Korea".
    pub dateline: Option<String>,
    /// The dateline as written, with its date, agency and dash ("GENEVA, March 3 (Reuters) -"),
    /// which the reader shows; `dateline` holds the place alone.
    pub dateline_line: Option<String>,
    /// Author names only.
    pub byline: Option<String>,
    /// The byline as written ("By A and B | Agency"), which the reader shows; `byline` holds the
    /// names alone.
    pub byline_line: Option<String>,
    /// A publication or update time line, as written.
    pub timestamp: Option<String>,
    /// The body in reading order. Title, standfirst, byline, timestamp and boilerplate are not blocks.
    pub blocks: Vec<Block>,
    /// Footnote definitions, numbered in order of first reference.
    pub footnotes: Vec<Footnote>,
    /// Who or what the article cites.
    pub sources: Vec<Source>,
    /// Every span that gets a popup.
    pub citations: Vec<Citation>,
    /// Short forms defined in the text.
    pub abbreviations: Vec<Abbreviation>,
    /// Input lines removed as page furniture, in order: nothing is lost silently.
    pub dropped: Vec<String>,
    /// Recoverable problems (unknown footnote, unbalanced quote, ...).
    pub warnings: Vec<String>,
}

/// A block of the body. `kind` and `text` (its plain text) are the contract; the rest carries what the
/// renderer needs.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Block {
    /// What the block is and what it holds.
    #[serde(flatten)]
    pub content: BlockContent,
    /// The block's plain text (inline markup removed; children joined by blank lines).
    pub text: String,
}

/// The kinds of block, serialized as `kind`.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockContent {
    /// A paragraph of running text.
    Paragraph { inlines: Vec<Inline> },
    /// A heading; `id` is the anchor (without the render prefix).
    Heading {
        level: u8,
        id: Option<String>,
        inlines: Vec<Inline>,
    },
    /// A block quotation.
    #[serde(rename = "blockquote")]
    BlockQuote { blocks: Vec<Block> },
    /// A bulleted or numbered list.
    List {
        /// The first number of an ordered list; `None` for a bulleted list.
        start: Option<u64>,
        /// Tight lists render their items' paragraphs without `<p>`.
        tight: bool,
        items: Vec<ListItem>,
    },
    /// A code block; `info` is the fence's info string.
    Code { info: Option<String>, code: String },
    /// A raw HTML block, as written (the renderer escapes it unless told otherwise).
    Html { html: String },
    /// A thematic break.
    Rule,
    /// A GFM table.
    Table {
        align: Vec<Align>,
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// Table column alignment.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    None,
    Left,
    Center,
    Right,
}

/// One item of a list.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ListItem {
    /// `Some(checked)` for a task list item.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

/// A footnote definition.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Footnote {
    /// The label as written (`[^label]`).
    pub label: String,
    /// The number shown to the reader, from 1, in order of first reference.
    pub number: usize,
    pub blocks: Vec<Block>,
}

/// Inline content.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Code {
        text: String,
    },
    Emphasis {
        children: Vec<Inline>,
    },
    Strong {
        children: Vec<Inline>,
    },
    Strikethrough {
        children: Vec<Inline>,
    },
    /// A link; `citation` is the id of its link citation, when it has one.
    Link {
        url: String,
        title: String,
        children: Vec<Inline>,
        citation: Option<String>,
    },
    Image {
        url: String,
        title: String,
        alt: Vec<Inline>,
    },
    /// Raw inline HTML, as written.
    Html {
        html: String,
    },
    SoftBreak,
    HardBreak,
    /// A footnote reference; `citation` is the id of its footnote citation. `number` is `None` for a
    /// reference to a footnote that is not defined (rendered as written, with a warning).
    FootnoteRef {
        label: String,
        number: Option<usize>,
        citation: Option<String>,
    },
    /// A span that analysis marked as a citation (a quote, an attribution, an abbreviation, ...).
    Cite {
        citation: String,
        children: Vec<Inline>,
    },
}

/// Who or what an article cites.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Source {
    /// Unique within the article: "s1", "s2", ...
    pub id: String,
    /// The canonical full name, as first introduced.
    pub name: String,
    pub kind: SourceKind,
    /// The role the text gives ("spokesperson for ..."), when it gives one.
    pub role: Option<String>,
    /// Every other form the text uses for this source ("Mr. Koo", "the ministry").
    pub aliases: Vec<String>,
}

/// What kind of thing a source is.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organization,
    Publication,
    Unnamed,
    Document,
    Work,
}

/// A span of the article that explains itself in a popup.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Citation {
    /// Unique within the article: "c1", "c2", ...
    pub id: String,
    pub kind: CitationKind,
    /// For a quote, the quoted words without their marks; otherwise the marked span.
    pub text: String,
    /// The [`Source::id`] this citation points at.
    pub source: Option<String>,
    /// The words that attribute it ("said", "according to", "told Reuters").
    pub cue: Option<String>,
    /// The link target (links) or the long form (abbreviations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// What a citation is.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CitationKind {
    Quote,
    Attribution,
    Mention,
    Footnote,
    Reference,
    Link,
    Abbreviation,
}

/// A short form that the text defines.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Abbreviation {
    pub short: String,
    pub long: String,
}

impl Block {
    /// A block whose plain text is computed from its content.
    pub fn new(content: BlockContent) -> Block {
        let text = content.plain_text();
        Block { content, text }
    }

    /// A paragraph of plain text.
    pub fn paragraph(text: &str) -> Block {
        Block::new(BlockContent::Paragraph {
            inlines: vec![Inline::text(text)],
        })
    }
}

impl BlockContent {
    fn plain_text(&self) -> String {
        match self {
            BlockContent::Paragraph { inlines } | BlockContent::Heading { inlines, .. } => {
                inline_text(inlines)
            }
            BlockContent::BlockQuote { blocks } => join_blocks(blocks),
            BlockContent::List { items, .. } => items
                .iter()
                .map(|item| join_blocks(&item.blocks))
                .collect::<Vec<_>>()
                .join("\n"),
            BlockContent::Code { code, .. } => code.clone(),
            BlockContent::Html { html } => html.clone(),
            BlockContent::Rule => String::new(),
            BlockContent::Table { head, rows, .. } => std::iter::once(head)
                .chain(rows)
                .map(|row| {
                    row.iter()
                        .map(|c| inline_text(c))
                        .collect::<Vec<_>>()
                        .join("\t")
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

fn join_blocks(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

impl Inline {
    /// A text node.
    pub fn text(text: &str) -> Inline {
        Inline::Text {
            text: text.to_string(),
        }
    }
}

/// The plain text of inline content: what a reader sees, without markup.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(inlines, &mut out);
    out
}

fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } => out.push_str(text),
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. }
            | Inline::Cite { children, .. } => push_inline_text(children, out),
            Inline::Image { alt, .. } => push_inline_text(alt, out),
            Inline::Html { .. } => {}
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::FootnoteRef { label, number, .. } => match number {
                Some(n) => out.push_str(&format!("[{n}]")),
                None => out.push_str(&format!("[^{label}]")),
            },
        }
    }
}
