//! Model → HTML: our own writer, every text and attribute escaped in one place.
//!
//! - `escape.rs`: escaping and the URL policy (the only code that meets HTML syntax with article text),
//! - `html.rs`: the private writer over the model (blocks, inlines, citation markers),
//! - `popups.rs`: what each citation's popup says,
//! - `references.rs`: `[@key]` citation popups and the bibliography,
//! - `sanitize.rs`: raw HTML cut down to an allowlist (`rawHtml: "sanitize"`),
//! - this file: the reader's frame (header, body, footnotes, sources, dropped lines, popups, page).
//!
//! The `data-*` hooks written here are a contract with the browser code (`mount`) and its tests;
//! class names are for styling only.

mod escape;
mod html;
mod popups;
mod references;
mod sanitize;

use crate::{Article, RenderOptions, SourceKind};
use html::Writer;

/// The reader's stylesheet, inlined into standalone pages. Native only: the JS API has no
/// `standalone` option (pages load `reader.css` themselves), so the wasm does not carry it.
#[cfg(not(target_arch = "wasm32"))]
const READER_CSS: &str = include_str!("../../www/reader.css");

/// Writes the article as an HTML fragment (or a whole page when `options.standalone`).
pub fn to_html(article: &Article, options: &RenderOptions) -> String {
    let mut w = Writer::new(article, options);
    w.raw("<div class=\"cr-reader\" data-cite-reader-content dir=\"auto\">\n");
    header(&mut w);
    w.raw("<div class=\"cr-body\">\n");
    w.blocks(&article.blocks, false);
    w.raw("</div>\n");
    footnotes(&mut w);
    references::bibliography(&mut w);
    if options.sources_panel {
        sources(&mut w);
    }
    dropped(&mut w);
    popups::write_popups(&mut w);
    w.raw("</div>\n");
    #[cfg(not(target_arch = "wasm32"))]
    if options.standalone {
        return page(article, &w.out);
    }
    w.out
}

/// Writes only the body blocks, as they appear inside the reader's body: no header (so no title),
/// footnotes, panels or popups. For conformance tests and for hosts that lay out the rest
/// themselves; citation markers still point at popups that only [`to_html`] writes.
pub fn body_html(article: &Article, options: &RenderOptions) -> String {
    let mut w = Writer::new(article, options);
    w.blocks(&article.blocks, false);
    w.out
}

/// Title, standfirst and the meta line, when the article has any of them.
fn header(w: &mut Writer<'_>) {
    let a = w.article;
    let present = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    let meta = present(&a.byline) || present(&a.dateline) || present(&a.timestamp);
    if !(present(&a.title) || present(&a.standfirst) || meta) {
        return;
    }
    w.raw("<header class=\"cr-header\">\n");
    if let Some(title) = a.title.as_deref().filter(|s| !s.trim().is_empty()) {
        w.raw("<h1 class=\"cr-title\">");
        w.text(title);
        w.raw("</h1>\n");
    }
    if let Some(standfirst) = a.standfirst.as_deref().filter(|s| !s.trim().is_empty()) {
        w.raw("<p class=\"cr-standfirst\">");
        w.text(standfirst);
        w.raw("</p>\n");
    }
    if meta {
        w.raw("<p class=\"cr-meta\">");
        let mut first = true;
        // The byline and dateline as the article wrote them (with agency and date), so no word of
        // the header is lost; the bare fields when a reader other than the text one made the model.
        let byline = match (&a.byline_line, &a.byline) {
            (Some(line), _) => Some(line.clone()),
            (None, Some(names)) => Some(format!("By {names}")),
            (None, None) => None,
        };
        let dateline = a
            .dateline_line
            .as_deref()
            .map(|line| line.trim_end_matches(['-', '—', '–', ' ']))
            .or(a.dateline.as_deref());
        let parts = [
            ("cr-byline", byline.as_deref()),
            ("cr-dateline", dateline),
            ("cr-timestamp", a.timestamp.as_deref()),
        ];
        for (class, value) in parts {
            let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
                continue;
            };
            if !first {
                w.raw(" ");
            }
            first = false;
            w.raw(&format!("<span class=\"{class}\">"));
            w.text(value);
            w.raw("</span>");
        }
        w.raw("</p>\n");
    }
    w.raw("</header>\n");
}

/// The numbered notes, each with links back to where it is cited.
fn footnotes(w: &mut Writer<'_>) {
    let notes = &w.article.footnotes;
    if notes.is_empty() {
        return;
    }
    w.raw("<section class=\"cr-footnotes\" aria-label=\"Footnotes\">\n<hr>\n<ol>\n");
    for note in notes {
        w.footnote_item(note);
    }
    w.raw("</ol>\n</section>\n");
}

/// Nouns for the sources summary, singular and plural, in the order the summary lists them.
const KIND_NOUNS: [(SourceKind, &str, &str); 6] = [
    (SourceKind::Person, "person", "people"),
    (SourceKind::Organization, "organization", "organizations"),
    (SourceKind::Publication, "news outlet", "news outlets"),
    (SourceKind::Unnamed, "unnamed source", "unnamed sources"),
    (SourceKind::Document, "document", "documents"),
    (SourceKind::Work, "work", "works"),
];

fn noun(kind: SourceKind, count: usize) -> &'static str {
    KIND_NOUNS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or(
            "source",
            |(_, one, many)| if count == 1 { one } else { many },
        )
}

/// The groups of the sources panel, in order, with their headings.
const KIND_GROUPS: [(SourceKind, &str); 6] = [
    (SourceKind::Person, "People"),
    (SourceKind::Organization, "Organizations"),
    (SourceKind::Publication, "News agencies and outlets"),
    (SourceKind::Document, "Documents"),
    (SourceKind::Unnamed, "Unnamed sources"),
    (SourceKind::Work, "Works"),
];

/// "Sources in this article": a summary by kind, then the sources grouped by kind, each with its
/// role and how often it is cited. A plain list without script; `mount` makes each name a toggle
/// that highlights the source's citations and steps through them with the (hidden) controls.
fn sources(w: &mut Writer<'_>) {
    let a = w.article;
    if a.sources.is_empty() {
        return;
    }
    w.raw("<section class=\"cr-sources\" aria-label=\"Sources in this article\" data-sources-panel>\n");
    w.raw("<details open>\n<summary><h2>Sources in this article</h2></summary>\n");
    w.raw("<p class=\"cr-sources-summary\">");
    let total = a.sources.len();
    let by_kind: Vec<String> = KIND_NOUNS
        .iter()
        .filter_map(|(kind, _, _)| {
            let n = a.sources.iter().filter(|s| s.kind == *kind).count();
            (n > 0).then(|| format!("{n} {}", noun(*kind, n)))
        })
        .collect();
    let summary = format!(
        "{total} {}: {}",
        if total == 1 { "source" } else { "sources" },
        by_kind.join(", ")
    );
    w.text(&summary);
    w.raw("</p>\n");
    w.raw(
        "<div class=\"cr-sources-nav\" data-sources-nav hidden>\
         <button type=\"button\" data-sources-step=\"-1\">Previous</button> \
         <span class=\"cr-sources-status\" data-sources-status aria-live=\"polite\"></span> \
         <button type=\"button\" data-sources-step=\"1\">Next</button> \
         <button type=\"button\" data-sources-clear>Clear</button></div>\n",
    );
    // Each source's citations with a marker in the text, in reading order (one pass, not one
    // pass per source).
    let mut cited_by: std::collections::HashMap<&str, Vec<&str>> = std::collections::HashMap::new();
    for &id in &w.markers {
        if let Some(source) = w.citation(id).and_then(|c| c.source.as_deref()) {
            cited_by.entry(source).or_default().push(id);
        }
    }
    for (kind, heading) in KIND_GROUPS {
        if !a.sources.iter().any(|s| s.kind == kind) {
            continue;
        }
        w.raw("<h3 class=\"cr-sources-group\">");
        w.text(heading);
        w.raw("</h3>\n<ul>\n");
        for source in a.sources.iter().filter(|s| s.kind == kind) {
            w.raw("<li");
            w.attr("data-source", &source.id);
            if let Some(cited) = cited_by.get(source.id.as_str()) {
                w.attr("data-source-citations", &cited.join(" "));
            }
            w.raw("><strong class=\"cr-source-name\" data-source-pick>");
            w.text(&source.name);
            w.raw("</strong>");
            if let Some(role) = source.role.as_deref().filter(|r| !r.trim().is_empty()) {
                w.text(" — ");
                w.text(role.trim());
            }
            let times = w.times_cited(&source.id);
            if times > 0 {
                w.raw(" <span class=\"cr-source-count\">");
                w.text(&format!("· cited {}", popups::times(times)));
                w.raw("</span>");
            }
            w.raw("</li>\n");
        }
        w.raw("</ul>\n");
    }
    w.raw("</details>\n</section>\n");
}

/// What the parser removed as page furniture, folded away but one click from view.
fn dropped(w: &mut Writer<'_>) {
    let lines = &w.article.dropped;
    if lines.is_empty() {
        return;
    }
    let n = lines.len();
    w.raw("<details class=\"cr-dropped\"><summary>");
    w.text(&format!(
        "Page furniture removed ({n} {})",
        if n == 1 { "line" } else { "lines" }
    ));
    w.raw("</summary>\n<ul>\n");
    for line in lines {
        w.raw("<li>");
        w.text(line);
        w.raw("</li>\n");
    }
    w.raw("</ul>\n</details>\n");
}

/// A whole HTML5 page around the reader, with its stylesheet inlined.
#[cfg(not(target_arch = "wasm32"))]
fn page(article: &Article, fragment: &str) -> String {
    let mut title = String::new();
    escape::escape(
        article
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or("Article"),
        &mut title,
    );
    format!(
        "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{READER_CSS}\n</style>\n</head>\n<body>\n\
         <main>\n{fragment}</main>\n</body>\n</html>\n"
    )
}
