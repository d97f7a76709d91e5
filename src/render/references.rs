//! Scholarly references: the popup of a `[@key]` citation cluster and the bibliography at the end.
//!
//! A cluster's popup lists the formatted entries of its whole cluster in the order the style gives
//! them, each with its locator and its DOI or URL as a link (new tab, `rel="noopener"`), then any
//! unknown key. The bibliography lists the cited entries with ids (`{prefix}ref-N`) that popups
//! link to. When the entries are not formatted yet (the core wasm has no CSL engine), the raw
//! entries are written and the bibliography section carries the engine's request in
//! `data-bibliography-request`, so that the browser can format them once its engine module has
//! loaded: it finds entries by `data-reference` (bibliography) and `data-reference-entry` (popups),
//! and in-text citations by their `data-citation`.

use super::escape::{escape_href, safe_url, Url};
use super::html::Writer;
use crate::{Citation, Reference, ReferenceCluster};

/// The body of a reference citation's popup.
pub(super) fn popup(w: &mut Writer<'_>, citation: &Citation) {
    let article = w.article;
    let Some(cluster) = article
        .reference_clusters
        .iter()
        .find(|c| c.citation == citation.id)
    else {
        w.raw("<p class=\"cr-pop-ref\"><strong>");
        w.text(&citation.text);
        w.raw("</strong></p>");
        return;
    };
    let note_style = article
        .bibliography
        .as_ref()
        .is_some_and(|b| crate::bib::styles::STYLE_KINDS.contains(&(b.style.as_str(), "note")));
    w.raw("<p class=\"cr-pop-label\">");
    w.text(if note_style { "Note" } else { "Cited" });
    w.raw("</p>\n<p class=\"cr-pop-ref\" data-reference-citation>");
    w.text(&cluster.formatted);
    w.raw("</p>\n");
    let found: Vec<&str> = cluster
        .order
        .iter()
        .map(String::as_str)
        .chain(
            cluster
                .items
                .iter()
                .filter(|i| i.found)
                .map(|i| i.key.as_str()),
        )
        .fold(Vec::new(), |mut keys, k| {
            if !keys.contains(&k) {
                keys.push(k);
            }
            keys
        });
    // `link-citations: false` in the front matter: no links from citations to the bibliography.
    let jump = !matches!(&article.bibliography, Some(b) if !b.link_citations);
    w.raw("<ol class=\"cr-pop-entries\">\n");
    for key in found {
        let Some((index, reference)) = find(w, key) else {
            continue;
        };
        w.raw("<li");
        w.attr("data-reference-entry", key);
        w.raw("><span class=\"cr-entry-text\">");
        entry_text(w, reference);
        w.raw("</span>");
        locators(w, cluster, key);
        if jump {
            w.raw(" <a class=\"cr-entry-jump\"");
            let href = format!("#{}ref-{}", w.options.id_prefix, index + 1);
            w.out.push_str(" href=\"");
            escape_href(&href, &mut w.out);
            w.out.push('"');
            w.raw(">In the references</a>");
            w.wrote_link = true;
        }
        w.raw("</li>\n");
    }
    for item in cluster.items.iter().filter(|i| !i.found) {
        w.raw("<li class=\"cr-pop-unknown\">Unknown key <code>?");
        w.text(&item.key);
        w.raw("</code>: the bibliography has no entry with this key.</li>\n");
    }
    w.raw("</ol>");
}

fn find<'a>(w: &Writer<'a>, key: &str) -> Option<(usize, &'a Reference)> {
    w.article
        .references
        .iter()
        .enumerate()
        .find(|(_, r)| r.key == key)
}

/// "page 33", with the prefix and suffix written around the key.
fn locators(w: &mut Writer<'_>, cluster: &ReferenceCluster, key: &str) {
    for item in cluster.items.iter().filter(|i| i.key == key) {
        if let Some(locator) = &item.locator {
            w.raw(" <span class=\"cr-entry-locator\">");
            w.text(&format!(
                "{} {}",
                locator.label.replace('-', " "),
                locator.value
            ));
            w.raw("</span>");
        }
    }
}

/// The entry: formatted when a style has formatted it, else the raw entry; its URLs become links,
/// a DOI written bare ("doi: 10.1/x") links to doi.org, and one the text does not show is added.
fn entry_text(w: &mut Writer<'_>, reference: &Reference) {
    let text = reference.formatted.as_deref().unwrap_or(&reference.raw);
    let Some(doi) = reference
        .fields
        .get("doi")
        .map(|d| d.trim_start_matches("https://doi.org/"))
        .filter(|d| !d.is_empty())
    else {
        linked_text(w, text);
        return;
    };
    let bare_at = text
        .match_indices(doi)
        .map(|(at, _)| at)
        .find(|&at| !text[..at].ends_with("doi.org/"));
    match bare_at {
        Some(at) => {
            linked_text(w, &text[..at]);
            external_link(w, &format!("https://doi.org/{doi}"), doi);
            linked_text(w, &text[at + doi.len()..]);
        }
        None if text.contains(doi) => linked_text(w, text),
        None => {
            linked_text(w, text);
            w.raw(" ");
            let url = format!("https://doi.org/{doi}");
            external_link(w, &url, &url);
        }
    }
}

/// `<a href target="_blank" rel="noopener">`, or the text alone when the URL policy refuses it.
fn external_link(w: &mut Writer<'_>, url: &str, shown: &str) {
    match safe_url(url) {
        Some(Url::External(clean)) => {
            w.raw("<a");
            w.out.push_str(" href=\"");
            escape_href(&clean, &mut w.out);
            w.out.push('"');
            w.raw(" target=\"_blank\" rel=\"noopener\">");
            w.text(shown);
            w.raw("</a>");
            w.wrote_link = true;
        }
        _ => w.text(shown),
    }
}

/// Text in which each `http(s)://` URL becomes a link that opens in a new tab.
fn linked_text(w: &mut Writer<'_>, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find("https://").or_else(|| rest.find("http://")) {
        let (before, from) = rest.split_at(at);
        w.text(before);
        let end = from
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(from.len());
        // Sentence punctuation after a URL is not part of it.
        let url = from[..end].trim_end_matches(['.', ',', ';', ')', ']']);
        external_link(w, url, url);
        rest = &from[url.len()..];
    }
    w.text(rest);
}

/// The bibliography: the cited entries, after the footnotes.
pub(super) fn bibliography(w: &mut Writer<'_>) {
    let article = w.article;
    if !article.references.iter().any(|r| r.cited) {
        return;
    }
    let formatted = article.references.iter().any(|r| r.formatted.is_some());
    w.raw("<section class=\"cr-bibliography\" aria-label=\"References\"");
    if let Some(style) = article.bibliography.as_ref().map(|b| b.style.as_str()) {
        w.attr("data-bibliography-style", style);
    }
    if !formatted {
        if let Some(request) = crate::bib::engine_request(article) {
            w.attr("data-bibliography-request", &request.to_string());
        }
    }
    w.raw(">\n<h2>References</h2>\n<ol class=\"cr-references\">\n");
    for (i, reference) in article.references.iter().enumerate() {
        if !reference.cited {
            continue;
        }
        w.raw("<li");
        w.id_attr("id", &format!("ref-{}", i + 1));
        w.attr("data-reference", &reference.key);
        w.raw(">");
        let saved = std::mem::replace(&mut w.wrote_link, false);
        entry_text(w, reference);
        w.wrote_link = saved;
        w.raw("</li>\n");
    }
    w.raw("</ol>\n</section>\n");
}
