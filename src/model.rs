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
    /// Bibliography entries (Markdown `[@key]` citations), in bibliography order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// One per `[@key]` citation cluster, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reference_clusters: Vec<ReferenceCluster>,
    /// The bibliography files the front matter names (`bibliography: refs.bib`), as written: the
    /// shells (CLI, `<cite-reader src>`) read them and pass their text back as the
    /// `bibliography_files` option; the core reads no files.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bibliography_files: Vec<String>,
    /// What the bibliography engine needs to format the references, when the article cites works
    /// and has a bibliography (the browser's engine module reads it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bibliography: Option<BibliographyInput>,
}

/// One bibliography entry.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct Reference {
    /// The citation key (`doe99`).
    pub key: String,
    /// A short name: author and year ("Doe and Roe 1999"), or title and year.
    pub name: String,
    /// The [`Source::id`] of the work.
    pub source: String,
    /// The entry's raw fields, as the bibliography gives them: `type`, `author`, `title`, `year`,
    /// `container`, `doi`, `url`, ...
    pub fields: std::collections::BTreeMap<String, String>,
    /// The raw entry in one line ("Doe, Jane. 1999. Title."): what a popup shows until (or unless)
    /// a style has formatted it.
    pub raw: String,
    /// The entry formatted by the citation style (plain text; URLs and DOIs written out).
    pub formatted: Option<String>,
    /// Whether the text cites it (uncited entries are not listed in the bibliography).
    pub cited: bool,
}

/// A citation cluster: `[see @doe99, p. 3; @roe]`, or in-text `@doe99 [p. 3]`.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct ReferenceCluster {
    /// The [`Citation::id`] of the cluster's citation.
    pub citation: String,
    /// Written in the text (`@doe99 says`) rather than in brackets.
    pub in_text: bool,
    /// The works cited, as written.
    pub items: Vec<CitedWork>,
    /// The formatted in-text citation ("(Doe 1999, p. 3)", "[1]").
    pub formatted: String,
    /// The keys of the cited works in the order the style renders them.
    pub order: Vec<String>,
}

/// One work cited in a cluster.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct CitedWork {
    pub key: String,
    /// Words before the key ("see").
    pub prefix: String,
    /// Words after the key and its locator ("and passim").
    pub suffix: String,
    pub locator: Option<Locator>,
    /// `[-@doe99]`: the author's name is left out.
    pub suppress_author: bool,
    /// Whether the bibliography has the key.
    pub found: bool,
}

/// Where in a work: a CSL locator type and its value (`page`, `33-35`).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    pub label: String,
    pub value: String,
}

/// The bibliography engine's input: a style and the entries (CSL-JSON items and BibTeX text).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
pub struct BibliographyInput {
    /// A bundled style name ("apa", "ieee", "chicago-notes").
    pub style: String,
    /// CSL-JSON items.
    pub csl_json: Vec<serde_json::Value>,
    /// BibTeX/BibLaTeX text.
    pub bibtex: String,
    /// Whether in-text citations link to their bibliography entries.
    pub link_citations: bool,
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

    /// Recomputes the plain text of this block and the blocks inside it, after their inline
    /// content has changed.
    pub fn refresh_text(&mut self) {
        match &mut self.content {
            BlockContent::BlockQuote { blocks } => blocks.iter_mut().for_each(Block::refresh_text),
            BlockContent::List { items, .. } => items
                .iter_mut()
                .flat_map(|item| item.blocks.iter_mut())
                .for_each(Block::refresh_text),
            _ => {}
        }
        self.text = self.content.plain_text();
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
