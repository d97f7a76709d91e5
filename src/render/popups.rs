//! What each citation's popup says. The bodies are written once, hidden, after the article; the
//! browser code shows the one a trigger's `aria-describedby` names. Popup containers carry
//! `data-popup-for`, `data-popup-role` and `data-popup-kind` only: `data-citation` and `data-kind`
//! mark triggers, so that a query for them finds nothing else. Citations inside a body carry
//! `data-nested-citation`, which the browser code turns into a live marker when the popup opens.

use super::escape::{safe_url, split_host, Url};
use super::html::{Mode, Writer};
use crate::{Block, BlockContent, Citation, CitationKind, Inline, SourceKind};

/// Writes the hidden container with one popup body per citation marker written so far.
pub(super) fn write_popups(w: &mut Writer<'_>) {
    if w.markers.is_empty() {
        return;
    }
    w.raw("<div class=\"cr-popup-contents\" hidden>\n");
    let markers = std::mem::take(&mut w.markers);
    for id in &markers {
        let Some(citation) = w.citation(id) else {
            continue;
        };
        let (body, interactive) = body(w, citation);
        w.raw("<div");
        w.id_attr("id", &format!("pop-{}", citation.id));
        w.attr("data-popup-for", &citation.id);
        // For print, where these bodies become the numbered notes (footnotes print as themselves).
        w.attr("data-popup-kind", super::html::kind_name(citation));
        // Tooltips hold text only; anything a reader can click or focus makes it a dialog.
        w.attr(
            "data-popup-role",
            if interactive { "dialog" } else { "tooltip" },
        );
        w.raw(">");
        w.raw(&body);
        w.raw("</div>\n");
    }
    w.markers = markers;
    w.raw("</div>\n");
}

/// Renders a citation's popup body on its own: the markup, and whether it holds a link.
fn body(w: &mut Writer<'_>, citation: &Citation) -> (String, bool) {
    let saved_out = std::mem::take(&mut w.out);
    let saved_mode = std::mem::replace(&mut w.mode, Mode::Popup);
    let saved_link = std::mem::replace(&mut w.wrote_link, false);
    match citation.kind {
        CitationKind::Footnote => footnote(w, citation),
        CitationKind::Link => link(w, citation),
        CitationKind::Quote | CitationKind::Attribution | CitationKind::Mention => {
            speech(w, citation)
        }
        CitationKind::Abbreviation => abbreviation(w, citation),
        CitationKind::Reference => reference(w, citation),
    }
    let body = std::mem::replace(&mut w.out, saved_out);
    let interactive = std::mem::replace(&mut w.wrote_link, saved_link);
    w.mode = saved_mode;
    (body, interactive)
}

/// The note itself.
fn footnote(w: &mut Writer<'_>, citation: &Citation) {
    let note = citation.text.parse::<usize>().ok().and_then(|n| w.note(n));
    let Some(note) = note else {
        w.raw("<p>");
        w.text(&citation.text);
        w.raw("</p>");
        return;
    };
    w.raw("<p class=\"cr-pop-label\">Note ");
    w.text(&note.number.to_string());
    w.raw("</p>\n");
    w.blocks(&note.blocks, false);
}

/// Where the link goes, its host in bold (the part that says who is behind it), and its title; for
/// a link to a heading of the article, the heading and its first paragraph.
fn link(w: &mut Writer<'_>, citation: &Citation) {
    let url = citation.detail.as_deref().unwrap_or_default();
    if let Some(id) = url.trim().strip_prefix('#') {
        let article = w.article;
        if let Some((heading, paragraph)) = section(&article.blocks, id) {
            w.raw("<p class=\"cr-pop-label\">Section</p>\n<p class=\"cr-pop-heading\"><strong>");
            w.inlines(heading);
            w.raw("</strong></p>");
            if let Some(paragraph) = paragraph {
                w.raw("\n<p class=\"cr-pop-excerpt\">");
                w.inlines(paragraph);
                w.raw("</p>");
            }
            return;
        }
    }
    w.raw("<p class=\"cr-pop-url\">");
    let shown = match safe_url(url) {
        Some(Url::External(u)) | Some(Url::Relative(u)) => u,
        _ => url.trim().to_string(),
    };
    match split_host(&shown) {
        Some((before, host, after)) => {
            w.text(before);
            w.raw("<strong>");
            w.text(host);
            w.raw("</strong>");
            w.text(after);
        }
        None => w.text(&shown),
    }
    w.raw("</p>");
    if let Some(title) = w.link_title(&citation.id).filter(|t| !t.is_empty()) {
        w.raw("\n<p class=\"cr-pop-title\">");
        w.text(title);
        w.raw("</p>");
    }
}

/// The heading with anchor `id` (in any block container) and the first paragraph after it, before
/// the next heading: what a cross-reference's popup shows.
fn section<'a>(blocks: &'a [Block], id: &str) -> Option<(&'a [Inline], Option<&'a [Inline]>)> {
    for (i, block) in blocks.iter().enumerate() {
        match &block.content {
            BlockContent::Heading {
                id: Some(anchor),
                inlines,
                ..
            } if anchor == id => {
                let paragraph = blocks
                    .get(i + 1..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|b| !matches!(b.content, BlockContent::Heading { .. }))
                    .find_map(|b| match &b.content {
                        BlockContent::Paragraph { inlines } => Some(inlines.as_slice()),
                        _ => None,
                    });
                return Some((inlines, paragraph));
            }
            BlockContent::BlockQuote { blocks } => {
                if let Some(found) = section(blocks, id) {
                    return Some(found);
                }
            }
            BlockContent::List { items, .. } => {
                if let Some(found) = items.iter().find_map(|item| section(&item.blocks, id)) {
                    return Some(found);
                }
            }
            _ => {}
        }
    }
    None
}

/// Who is cited: a badge with the kind of source, the full name, the role the article gives, the
/// words that attribute it, and how often the article cites this source.
fn speech(w: &mut Writer<'_>, citation: &Citation) {
    let source = citation.source.as_deref().and_then(|s| w.source(s));
    let Some(source) = source else {
        w.raw("<p class=\"cr-pop-none\">");
        w.text(match citation.kind {
            CitationKind::Quote => "Quoted words — no speaker named in the text",
            _ => "No source named in the text",
        });
        w.raw("</p>");
        write_cue(w, citation);
        return;
    };
    w.raw("<p class=\"cr-pop-source\"><span class=\"cr-badge\"");
    w.attr("data-source-kind", source_kind_name(source.kind));
    w.raw(">");
    w.text(source_kind_label(source.kind));
    w.raw("</span> <strong class=\"cr-pop-name\">");
    w.text(&source.name);
    w.raw("</strong></p>");
    if let Some(role) = source.role.as_deref().filter(|r| !r.trim().is_empty()) {
        w.raw("\n<p class=\"cr-pop-role\">");
        w.text(role);
        w.raw("</p>");
    }
    write_cue(w, citation);
    let cited = w.times_cited(&source.id);
    w.raw("\n<p class=\"cr-pop-count\">");
    w.text(&format!("Cited {} in this article", times(cited)));
    w.raw("</p>");
}

fn write_cue(w: &mut Writer<'_>, citation: &Citation) {
    if let Some(cue) = citation.cue.as_deref().filter(|c| !c.trim().is_empty()) {
        w.raw("\n<p class=\"cr-pop-cue\">“");
        w.text(cue.trim());
        w.raw("”</p>");
    }
}

/// "once", "twice", "3 times".
pub(super) fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// The short form and what it stands for (from the citation, or the article's definitions).
fn abbreviation(w: &mut Writer<'_>, citation: &Citation) {
    let short = citation.text.trim();
    let long = citation.detail.clone().or_else(|| {
        w.article
            .abbreviations
            .iter()
            .find(|a| a.short == short)
            .map(|a| a.long.clone())
    });
    w.raw("<p><abbr>");
    w.text(short);
    w.raw("</abbr>");
    match long {
        Some(long) => {
            w.raw(" stands for <strong>");
            w.text(&long);
            w.raw("</strong></p>");
        }
        None => w.raw(": the text does not say what it stands for</p>"),
    }
}

/// A bibliography reference: the cluster's formatted entries (see `references.rs`).
fn reference(w: &mut Writer<'_>, citation: &Citation) {
    super::references::popup(w, citation);
}

/// The badge text for a kind of source.
pub(super) fn source_kind_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "Person",
        SourceKind::Organization => "Organization",
        SourceKind::Publication => "News outlet",
        SourceKind::Unnamed => "Unnamed source",
        SourceKind::Document => "Document",
        SourceKind::Work => "Work",
    }
}

/// The kind as the model's JSON spells it, for styling hooks.
pub(super) fn source_kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Person => "person",
        SourceKind::Organization => "organization",
        SourceKind::Publication => "publication",
        SourceKind::Unnamed => "unnamed",
        SourceKind::Document => "document",
        SourceKind::Work => "work",
    }
}
