//! The HTML writer: a private struct that walks the model and appends to one string.
//!
//! All article text reaches the output through [`Writer::text`] and [`Writer::attr`] (both
//! [`escape`]), and every link or image target through [`Writer::url_attr`] ([`safe_url`]). Markup
//! the writer makes up itself is written with [`Writer::raw`].

use std::collections::{HashMap, HashSet};

use super::escape::{escape, escape_href, safe_url, Url};
use super::sanitize::{self, Context, OpenTags};
use crate::{
    Align, Article, Block, BlockContent, Citation, Footnote, Inline, ListItem, RawHtml,
    RenderOptions, Source,
};

/// Where the writer is writing. Article content appears twice (in place, and in the popups of the
/// footnotes that hold it); only the first copy may carry ids and citation markers, so that every
/// id is unique and every `data-citation` names one trigger.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// The reading text and the footnotes list: ids, markers.
    Main,
    /// Inside a popup: plain formatting and links only.
    Popup,
}

pub(super) struct Writer<'a> {
    pub(super) article: &'a Article,
    pub(super) options: &'a RenderOptions,
    pub(super) out: String,
    pub(super) mode: Mode,
    /// Set when an `<a href>` is written; tells a popup that it holds something to interact with.
    pub(super) wrote_link: bool,
    citations: HashMap<&'a str, &'a Citation>,
    sources: HashMap<&'a str, &'a Source>,
    /// Heading anchors (without the prefix): fragment links to them get the prefix too.
    headings: HashSet<&'a str>,
    /// For each footnote reference's citation: which reference to its note it is (1, 2, ...).
    ref_ordinal: HashMap<&'a str, usize>,
    /// For each footnote number: how many references point at it.
    ref_total: HashMap<usize, usize>,
    /// The notes by number.
    notes: HashMap<usize, &'a Footnote>,
    /// The title of the link that carries each link citation.
    link_titles: HashMap<&'a str, &'a str>,
    /// How many citations point at each source.
    cited: HashMap<&'a str, usize>,
    /// The citations whose marker has been written, in order: each gets a popup.
    pub(super) markers: Vec<&'a str>,
    marked: HashSet<&'a str>,
    /// Elements opened by sanitized raw HTML and not yet closed (`rawHtml: "sanitize"`).
    pub(super) open_tags: OpenTags,
}

impl<'a> Writer<'a> {
    pub(super) fn new(article: &'a Article, options: &'a RenderOptions) -> Writer<'a> {
        let mut writer = Writer {
            article,
            options,
            out: String::with_capacity(4096),
            mode: Mode::Main,
            wrote_link: false,
            citations: article
                .citations
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            sources: article.sources.iter().map(|s| (s.id.as_str(), s)).collect(),
            headings: HashSet::new(),
            ref_ordinal: HashMap::new(),
            ref_total: HashMap::new(),
            notes: article.footnotes.iter().map(|n| (n.number, n)).collect(),
            link_titles: HashMap::new(),
            cited: HashMap::new(),
            markers: Vec::new(),
            marked: HashSet::new(),
            open_tags: OpenTags::default(),
        };
        for citation in &article.citations {
            if let Some(source) = &citation.source {
                *writer.cited.entry(source).or_insert(0) += 1;
            }
        }
        let all_blocks = std::iter::once(article.blocks.as_slice())
            .chain(article.footnotes.iter().map(|n| n.blocks.as_slice()));
        for blocks in all_blocks {
            writer.index(blocks);
        }
        writer
    }

    /// Records heading anchors and link titles, and numbers footnote references, in document order.
    fn index(&mut self, blocks: &'a [Block]) {
        for block in blocks {
            match &block.content {
                BlockContent::Heading { id, inlines, .. } => {
                    if let Some(id) = id {
                        self.headings.insert(id);
                    }
                    self.index_inlines(inlines);
                }
                BlockContent::Paragraph { inlines } => self.index_inlines(inlines),
                BlockContent::BlockQuote { blocks } => self.index(blocks),
                BlockContent::List { items, .. } => {
                    for item in items {
                        self.index(&item.blocks);
                    }
                }
                BlockContent::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        self.index_inlines(cell);
                    }
                }
                BlockContent::Code { .. } | BlockContent::Html { .. } | BlockContent::Rule => {}
            }
        }
    }

    fn index_inlines(&mut self, inlines: &'a [Inline]) {
        for inline in inlines {
            match inline {
                Inline::FootnoteRef {
                    number: Some(n),
                    citation: Some(c),
                    ..
                } => {
                    let total = self.ref_total.entry(*n).or_insert(0);
                    *total += 1;
                    self.ref_ordinal.insert(c, *total);
                }
                Inline::Link {
                    children,
                    citation,
                    title,
                    ..
                } => {
                    if let Some(c) = citation {
                        self.link_titles.insert(c, title);
                    }
                    self.index_inlines(children);
                }
                Inline::Emphasis { children }
                | Inline::Strong { children }
                | Inline::Strikethrough { children }
                | Inline::Cite { children, .. } => self.index_inlines(children),
                _ => {}
            }
        }
    }

    pub(super) fn citation(&self, id: &str) -> Option<&'a Citation> {
        self.citations.get(id).copied()
    }

    pub(super) fn source(&self, id: &str) -> Option<&'a Source> {
        self.sources.get(id).copied()
    }

    /// The note numbered `number`.
    pub(super) fn note(&self, number: usize) -> Option<&'a Footnote> {
        self.notes.get(&number).copied()
    }

    /// The title of the link that carries citation `id`.
    pub(super) fn link_title(&self, id: &str) -> Option<&'a str> {
        self.link_titles.get(id).copied()
    }

    /// How many citations point at source `id`.
    pub(super) fn times_cited(&self, id: &str) -> usize {
        self.cited.get(id).copied().unwrap_or(0)
    }

    /// How many references point at footnote `number`.
    pub(super) fn references_to(&self, number: usize) -> usize {
        self.ref_total.get(&number).copied().unwrap_or(0)
    }

    // -----------------------------------------------------------------------------------------
    // The only ways to write

    /// Markup made up by the writer (never article content).
    pub(super) fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Article text, escaped.
    pub(super) fn text(&mut self, text: &str) {
        escape(text, &mut self.out);
    }

    /// ` name="value"`, the value escaped.
    pub(super) fn attr(&mut self, name: &str, value: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        escape(value, &mut self.out);
        self.out.push('"');
    }

    /// ` name="{prefix}{value}"`: every id and id reference the writer makes.
    pub(super) fn id_attr(&mut self, name: &str, value: &str) {
        let prefixed = format!("{}{}", self.options.id_prefix, value);
        self.attr(name, &prefixed);
    }

    /// ` name="#{prefix}{value}"`: a link to an id the writer made.
    fn id_ref_attr(&mut self, name: &str, value: &str) {
        let target = format!("#{}{}", self.options.id_prefix, value);
        self.attr(name, &target);
    }

    /// ` name="url"` for a URL the policy allows; fragment links to a heading of the article get
    /// the id prefix. Returns what kind of URL it is, or `None` (having written nothing) when the
    /// policy refuses it.
    pub(super) fn url_attr(&mut self, name: &str, url: &str) -> Option<Url> {
        let url = safe_url(url)?;
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        match &url {
            Url::External(u) | Url::Relative(u) => escape_href(u, &mut self.out),
            Url::Fragment(fragment) => {
                self.out.push('#');
                if self.headings.contains(fragment.as_str()) {
                    let prefix = self.options.id_prefix.clone();
                    escape_href(&prefix, &mut self.out);
                }
                escape_href(fragment, &mut self.out);
            }
        }
        self.out.push('"');
        Some(url)
    }

    // -----------------------------------------------------------------------------------------
    // Blocks

    /// Writes blocks; in a tight list, paragraphs are written without `<p>`.
    pub(super) fn blocks(&mut self, blocks: &'a [Block], tight: bool) {
        for block in blocks {
            self.block(block, tight);
        }
    }

    fn block(&mut self, block: &'a Block, tight: bool) {
        match &block.content {
            BlockContent::Paragraph { inlines } => {
                if tight {
                    self.inlines(inlines);
                    self.raw("\n");
                } else {
                    self.raw("<p>");
                    self.inlines(inlines);
                    self.raw("</p>\n");
                }
            }
            BlockContent::Heading { level, id, inlines } => {
                let level = (*level).clamp(1, 6);
                self.raw(&format!("<h{level}"));
                if let (Some(id), Mode::Main) = (id, self.mode) {
                    self.id_attr("id", id);
                }
                self.raw(">");
                self.inlines(inlines);
                self.raw(&format!("</h{level}>\n"));
            }
            BlockContent::BlockQuote { blocks } => {
                self.raw("<blockquote>\n");
                self.blocks(blocks, false);
                self.raw("</blockquote>\n");
            }
            BlockContent::List {
                start,
                tight: list_tight,
                items,
            } => self.list(*start, *list_tight, items),
            BlockContent::Code { info, code } => {
                self.raw("<pre><code");
                let language = info
                    .as_deref()
                    .and_then(|i| i.split(' ').next())
                    .filter(|l| !l.is_empty());
                if let Some(language) = language {
                    self.attr("class", &format!("language-{language}"));
                }
                self.raw(">");
                self.text(code);
                self.raw("</code></pre>\n");
            }
            BlockContent::Html { html } => match self.options.raw_html {
                RawHtml::Trusted => self.raw(html),
                RawHtml::Sanitize => sanitize::write(self, html, Context::Block),
                RawHtml::Escape => {
                    self.raw("<pre class=\"cr-raw-html\">");
                    self.text(html);
                    self.raw("</pre>\n");
                }
            },
            BlockContent::Rule => self.raw("<hr>\n"),
            BlockContent::Table { align, head, rows } => self.table(align, head, rows),
        }
    }

    fn list(&mut self, start: Option<u64>, tight: bool, items: &'a [ListItem]) {
        match start {
            None => self.raw("<ul>\n"),
            Some(1) => self.raw("<ol>\n"),
            Some(n) => self.raw(&format!("<ol start=\"{n}\">\n")),
        }
        for item in items {
            self.raw("<li>");
            let mut blocks = item.blocks.as_slice();
            if let Some(checked) = item.task {
                // The box goes where the item's text starts: inside its first paragraph.
                let checkbox = if checked {
                    "<input disabled=\"\" type=\"checkbox\" checked=\"\">\n"
                } else {
                    "<input disabled=\"\" type=\"checkbox\">\n"
                };
                match blocks.first() {
                    Some(Block {
                        content: BlockContent::Paragraph { inlines },
                        ..
                    }) if !tight => {
                        self.raw("<p>");
                        self.raw(checkbox);
                        self.inlines(inlines);
                        self.raw("</p>\n");
                        blocks = &blocks[1..];
                    }
                    _ => self.raw(checkbox),
                }
            }
            self.blocks(blocks, tight);
            self.raw("</li>\n");
        }
        self.raw(if start.is_some() {
            "</ol>\n"
        } else {
            "</ul>\n"
        });
    }

    fn table(&mut self, align: &[Align], head: &'a [Vec<Inline>], rows: &'a [Vec<Vec<Inline>>]) {
        self.raw("<table><thead><tr>");
        for (i, cell) in head.iter().enumerate() {
            self.cell("th", align.get(i), cell);
        }
        self.raw("</tr></thead><tbody>\n");
        for row in rows {
            self.raw("<tr>");
            for (i, cell) in row.iter().enumerate() {
                self.cell("td", align.get(i), cell);
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody></table>\n");
    }

    fn cell(&mut self, tag: &str, align: Option<&Align>, inlines: &'a [Inline]) {
        self.raw(&format!("<{tag}"));
        match align {
            Some(Align::Left) => self.raw(" class=\"cr-align-left\""),
            Some(Align::Center) => self.raw(" class=\"cr-align-center\""),
            Some(Align::Right) => self.raw(" class=\"cr-align-right\""),
            _ => {}
        }
        self.raw(">");
        self.inlines(inlines);
        self.raw(&format!("</{tag}>"));
    }

    /// A footnote's list entry: its blocks, then a link back to each reference (inside the last
    /// paragraph when the note ends with one, as readers expect the arrow after the text).
    pub(super) fn footnote_item(&mut self, note: &'a Footnote) {
        self.raw("<li");
        self.id_attr("id", &format!("fn-{}", note.number));
        self.attr("data-footnote", &note.number.to_string());
        self.raw(">");
        let (last_paragraph, before) = match note.blocks.split_last() {
            Some((
                Block {
                    content: BlockContent::Paragraph { inlines },
                    ..
                },
                before,
            )) => (Some(inlines), before),
            _ => (None, note.blocks.as_slice()),
        };
        self.blocks(before, false);
        match last_paragraph {
            Some(inlines) => {
                self.raw("<p>");
                self.inlines(inlines);
                self.backrefs(note.number);
                self.raw("</p>\n");
            }
            None => self.backrefs(note.number),
        }
        self.raw("</li>\n");
    }

    fn backrefs(&mut self, number: usize) {
        for k in 1..=self.references_to(number) {
            self.raw(" <a");
            self.id_ref_attr("href", &fnref_name(number, k));
            self.raw(" class=\"cr-backref\"");
            let label = if k == 1 {
                format!("Back to reference {number}")
            } else {
                format!("Back to reference {number}, use {k}")
            };
            self.attr("aria-label", &label);
            self.raw(">↩");
            if k > 1 {
                self.raw(&format!("<sup>{k}</sup>"));
            }
            self.raw("</a>");
        }
    }

    // -----------------------------------------------------------------------------------------
    // Inlines

    pub(super) fn inlines(&mut self, inlines: &'a [Inline]) {
        // Each run of inlines closes what its raw HTML opened (sanitize mode only opens any).
        let outer_floor = self.open_tags.enter();
        for inline in inlines {
            self.inline(inline);
        }
        sanitize::leave(self, outer_floor);
    }

    fn inline(&mut self, inline: &'a Inline) {
        if self.open_tags.dropping() && !matches!(inline, Inline::Html { .. }) {
            // Inside `<script>…</script>` written as inline HTML (sanitize mode): dropped.
            return;
        }
        match inline {
            Inline::Text { text } => self.text(text),
            Inline::Code { text } => {
                self.raw("<code>");
                self.text(text);
                self.raw("</code>");
            }
            Inline::Emphasis { children } => self.wrapped("em", children),
            Inline::Strong { children } => self.wrapped("strong", children),
            Inline::Strikethrough { children } => self.wrapped("del", children),
            Inline::Link {
                url,
                title,
                children,
                citation,
            } => self.link(url, title, children, citation.as_deref()),
            Inline::Image { url, title, alt } => {
                let alt_text = alt_text(alt);
                let start = self.out.len();
                self.raw("<img");
                if self.url_attr("src", url).is_some() {
                    self.attr("alt", &alt_text);
                    if !title.is_empty() {
                        self.attr("title", title);
                    }
                    self.raw(">");
                } else {
                    // A refused image shows its description instead.
                    self.out.truncate(start);
                    self.raw("<span class=\"cr-image-blocked\">");
                    self.text(&alt_text);
                    self.raw("</span>");
                }
            }
            Inline::Html { html } => match self.options.raw_html {
                RawHtml::Trusted => self.raw(html),
                RawHtml::Sanitize => sanitize::write(self, html, Context::Inline),
                RawHtml::Escape => self.text(html),
            },
            Inline::SoftBreak => self.raw("\n"),
            Inline::HardBreak => self.raw("<br>\n"),
            Inline::FootnoteRef {
                label,
                number,
                citation,
            } => self.footnote_ref(label, *number, citation.as_deref()),
            Inline::Cite { citation, children } => self.cite(citation, children),
        }
    }

    fn wrapped(&mut self, tag: &str, children: &'a [Inline]) {
        self.raw(&format!("<{tag}>"));
        self.inlines(children);
        self.raw(&format!("</{tag}>"));
    }

    fn link(&mut self, url: &str, title: &str, children: &'a [Inline], citation: Option<&'a str>) {
        let start = self.out.len();
        self.raw("<a");
        let Some(kind) = self.url_attr("href", url) else {
            // A refused target: the words stay, the link goes (and no title, which could carry it).
            self.out.truncate(start);
            self.raw("<span class=\"cr-link-blocked\">");
            self.inlines(children);
            self.raw("</span>");
            return;
        };
        self.wrote_link = true;
        if !title.is_empty() {
            self.attr("title", title);
        }
        if let Some(citation) = citation.and_then(|id| self.citation(id)) {
            match self.mode {
                Mode::Main => self.marker_attrs(citation),
                Mode::Popup => self.nested_attrs(citation),
            }
        }
        if matches!(kind, Url::External(_)) {
            self.raw(" rel=\"noopener noreferrer\"");
        }
        self.raw(">");
        self.inlines(children);
        self.raw("</a>");
    }

    fn footnote_ref(&mut self, label: &str, number: Option<usize>, citation: Option<&'a str>) {
        let Some(number) = number else {
            // Not a footnote after all: the text as written.
            self.text(&format!("[^{label}]"));
            return;
        };
        let citation = citation.and_then(|c| self.citation(c));
        match (self.mode, citation) {
            (Mode::Main, Some(citation)) => {
                let ordinal = self.ref_ordinal.get(citation.id.as_str()).copied();
                self.raw("<sup class=\"cr-fnref\"><a");
                self.id_ref_attr("href", &format!("fn-{number}"));
                self.id_attr("id", &fnref_name(number, ordinal.unwrap_or(1)));
                self.marker_attrs(citation);
                self.raw(">");
                self.text(&number.to_string());
                self.raw("</a></sup>");
                self.wrote_link = true;
            }
            _ => {
                self.raw("<sup class=\"cr-fnref\">");
                self.text(&number.to_string());
                self.raw("</sup>");
            }
        }
    }

    fn cite(&mut self, id: &'a str, children: &'a [Inline]) {
        let Some(citation) = self.citation(id) else {
            self.inlines(children);
            return;
        };
        if self.mode == Mode::Popup {
            // A citation inside popup content (a quote in a footnote): the browser code turns it
            // into a live marker when the popup opens.
            self.wrote_link = true;
            self.raw("<span");
            self.attr("class", &format!("cr-cite cr-{}", kind_name(citation)));
            self.nested_attrs(citation);
            self.raw(">");
            self.inlines(children);
            self.raw("</span>");
            return;
        }
        let kind = kind_name(citation);
        self.raw("<span");
        self.attr("class", &format!("cr-cite cr-{kind}"));
        self.marker_attrs(citation);
        self.raw(" tabindex=\"0\">");
        self.inlines(children);
        self.raw("</span>");
    }

    /// The hooks of a citation inside popup content: not a trigger until its popup is shown.
    fn nested_attrs(&mut self, citation: &'a Citation) {
        self.attr("data-nested-citation", &citation.id);
        self.attr("data-nested-kind", kind_name(citation));
    }

    /// `data-citation`, `data-kind` and `aria-describedby` of a citation's trigger; records that
    /// its popup is needed.
    fn marker_attrs(&mut self, citation: &'a Citation) {
        self.attr("data-citation", &citation.id);
        self.attr("data-kind", kind_name(citation));
        self.id_attr("aria-describedby", &format!("pop-{}", citation.id));
        if self.marked.insert(&citation.id) {
            self.markers.push(&citation.id);
        }
    }
}

/// The id name of the `k`th reference to footnote `number`: `fnref-3`, then `fnref-3-2`, ...
fn fnref_name(number: usize, k: usize) -> String {
    if k <= 1 {
        format!("fnref-{number}")
    } else {
        format!("fnref-{number}-{k}")
    }
}

/// The citation kind as the DOM contract spells it (the model's JSON name).
pub(super) fn kind_name(citation: &Citation) -> &'static str {
    use crate::CitationKind::*;
    match citation.kind {
        Quote => "quote",
        Attribution => "attribution",
        Mention => "mention",
        Footnote => "footnote",
        Reference => "reference",
        Link => "link",
        Abbreviation => "abbreviation",
    }
}

/// An image description as plain text, the way CommonMark renderers fill `alt`: inline HTML and
/// code keep their text, breaks become spaces.
fn alt_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_alt_text(inlines, &mut out);
    out
}

fn push_alt_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text } | Inline::Code { text } | Inline::Html { html: text } => {
                out.push_str(text)
            }
            Inline::Emphasis { children }
            | Inline::Strong { children }
            | Inline::Strikethrough { children }
            | Inline::Link { children, .. }
            | Inline::Cite { children, .. } => push_alt_text(children, out),
            Inline::Image { alt, .. } => push_alt_text(alt, out),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::FootnoteRef { label, number, .. } => match number {
                Some(n) => out.push_str(&format!("[{n}]")),
                None => out.push_str(&format!("[^{label}]")),
            },
        }
    }
}

/// Sanitizes `html` alone, for the unit tests of `sanitize.rs`.
#[cfg(test)]
pub(super) fn sanitize_for_tests(html: &str, context: Context) -> String {
    let article = Article::default();
    let options = RenderOptions {
        raw_html: RawHtml::Sanitize,
        ..RenderOptions::default()
    };
    let mut w = Writer::new(&article, &options);
    let floor = w.open_tags.enter();
    sanitize::write(&mut w, html, context);
    sanitize::leave(&mut w, floor);
    w.out
}
