//! The bibliography engine: formats citation clusters and the bibliography with a real CSL processor
//! (Typst's hayagriva) and the bundled styles.
//!
//! This file depends only on hayagriva, serde and serde_json, never on the rest of the crate: the
//! native build compiles it as `cite_reader::bib::engine`, and the browser's separate engine module
//! (`bib/`, loaded on demand so the core wasm stays small) includes the same file. Its input and
//! output are JSON shapes ([`Request`], [`Response`]); the core fills a request from the article model
//! (`Article.bibliography` and `Article.reference_clusters`).
//!
//! Bundled styles (CSL 1.0, CC BY-SA 3.0, see `csl/NOTICE.md`): APA 7th edition (author-date, the
//! default), IEEE (numeric), Chicago Manual of Style notes and bibliography (notes). Locale: en-US.

use hayagriva::citationberg::{self, LocaleFile, Style};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    CitePurpose, LocatorPayload, SpecificLocator,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

include!("styles.rs");

/// The CSL of each bundled style.
const STYLE_XML: &[(&str, &str)] = &[
    ("apa", include_str!("csl/apa.csl")),
    ("ieee", include_str!("csl/ieee.csl")),
    (
        "chicago-notes",
        include_str!("csl/chicago-notes-bibliography.csl"),
    ),
];

const LOCALE_EN_US: &str = include_str!("csl/locales-en-US.xml");

/// What to format.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct Request {
    /// A bundled style name.
    pub style: String,
    /// CSL-JSON items.
    #[serde(default)]
    pub csl_json: Vec<serde_json::Value>,
    /// BibTeX/BibLaTeX text.
    #[serde(default)]
    pub bibtex: String,
    /// The citation clusters in document order.
    #[serde(default)]
    pub clusters: Vec<ClusterRequest>,
}

/// A cluster: `[see @a, p. 3; @b]`.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct ClusterRequest {
    /// The citation id, returned with its formatted text.
    pub citation: String,
    /// Written in the prose (`@a says`): "Doe (1999)" rather than "(Doe 1999)".
    #[serde(default)]
    pub in_text: bool,
    pub items: Vec<ItemRequest>,
}

/// One cited work.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct ItemRequest {
    pub key: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub locator: Option<LocatorRequest>,
    #[serde(default)]
    pub suppress_author: bool,
}

/// A CSL locator type and value.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct LocatorRequest {
    pub label: String,
    pub value: String,
}

/// What the engine made.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct Response {
    /// The style's kind: "author-date", "numeric" or "note".
    pub class: String,
    /// One per cluster, in request order.
    pub citations: Vec<FormattedCitation>,
    /// The bibliography entries in the style's order (cited works only).
    pub bibliography: Vec<FormattedEntry>,
    /// Problems with the entries (a field the engine could not read, ...).
    pub warnings: Vec<String>,
}

/// A formatted cluster.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct FormattedCitation {
    pub citation: String,
    /// The in-text citation, or for a note style the note's text.
    pub text: String,
    /// The note number (note styles only).
    pub note: Option<usize>,
    /// The keys of the cluster's works in the order the style renders them.
    pub order: Vec<String>,
}

/// A formatted bibliography entry.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq)]
pub struct FormattedEntry {
    pub key: String,
    /// Plain text; DOIs and URLs written out in full.
    pub text: String,
}

/// Formats the clusters and the bibliography. An unknown style is an error naming the styles.
pub fn format(request: &Request) -> Result<Response, String> {
    let unknown = || unknown_style(&request.style);
    let name = style_name(&request.style).ok_or_else(unknown)?;
    let (_, class) = STYLE_KINDS
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or_else(unknown)?;
    let (_, xml) = STYLE_XML
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or_else(unknown)?;
    let style = match Style::from_xml(xml) {
        Ok(Style::Independent(style)) => style,
        _ => return Err(format!("the bundled style `{name}` could not be read")),
    };
    let locales: Vec<citationberg::Locale> = LocaleFile::from_xml(LOCALE_EN_US)
        .map(|l| vec![l.into()])
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let mut response = if !request.csl_json.is_empty() {
        if !request.bibtex.trim().is_empty() {
            warnings.push(
                "Both CSL-JSON and BibTeX entries were given; the BibTeX entries were left out."
                    .to_string(),
            );
        }
        let mut entries = Vec::new();
        for item in &request.csl_json {
            let key = item.get("id").map(|id| match id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            let parsed =
                serde_json::from_value::<citationberg::json::Item>(without_date_ranges(item));
            match (key, parsed) {
                (Some(key), Ok(entry)) => entries.push((key, entry)),
                (None, _) => warnings.push("A CSL-JSON entry has no `id`.".to_string()),
                (Some(key), Err(e)) => warnings.push(format!("Entry `{key}`: {e}")),
            }
        }
        run_csl(&entries, request, &style, &locales, *class == "author-date")
    } else {
        let mut entries = Vec::new();
        if !request.bibtex.trim().is_empty() {
            match hayagriva::io::from_biblatex_str(&request.bibtex) {
                Ok(library) => {
                    for entry in library.iter() {
                        entries.push((entry.key().to_string(), entry.clone()));
                    }
                }
                Err(errors) => {
                    for e in errors.iter().take(3) {
                        warnings.push(format!("The BibTeX bibliography could not be read: {e}"));
                    }
                }
            }
        }
        run_bibtex(&entries, request, &style, &locales, *class == "author-date")
    };
    response.class = class.to_string();
    warnings.append(&mut response.warnings);
    response.warnings = warnings;
    Ok(response)
}

/// CSL-JSON date ranges (`[[1999], [2001]]`) keep their first date: the engine takes single dates.
fn without_date_ranges(item: &serde_json::Value) -> serde_json::Value {
    let mut item = item.clone();
    if let Some(map) = item.as_object_mut() {
        for value in map.values_mut() {
            if let Some(parts) = value
                .get_mut("date-parts")
                .and_then(serde_json::Value::as_array_mut)
            {
                parts.truncate(1);
            }
        }
    }
    item
}

// hayagriva's `EntryLike` trait is not public, so the driver loop is written once for each entry
// type: BibLaTeX entries and CSL-JSON items.
macro_rules! define_run {
    ($name:ident, $entry:ty) => {
        fn $name(
            entries: &[(String, $entry)],
            request: &Request,
            style: &citationberg::IndependentStyle,
            locales: &[citationberg::Locale],
            author_date: bool,
        ) -> Response {
            let by_key: BTreeMap<&str, &$entry> =
                entries.iter().map(|(k, e)| (k.as_str(), e)).collect();
            let note_style = style.settings.class == citationberg::StyleClass::Note;
            let mut driver = BibliographyDriver::new();
            // Each request pushed to the driver: (cluster index, item indices it renders).
            let mut pushed: Vec<(usize, Vec<usize>)> = Vec::new();
            for (c, cluster) in request.clusters.iter().enumerate() {
                let known: Vec<usize> = (0..cluster.items.len())
                    .filter(|&i| {
                        cluster
                            .items
                            .get(i)
                            .is_some_and(|it| by_key.contains_key(it.key.as_str()))
                    })
                    .collect();
                if known.is_empty() {
                    continue;
                }
                let affixes = cluster
                    .items
                    .iter()
                    .any(|it| !it.prefix.is_empty() || !it.suffix.is_empty() || extra_locator(it));
                // Clusters with words around their items render item by item, so that each item's words
                // stand next to it; the others render whole, sorted and collapsed as the style says.
                let groups: Vec<Vec<usize>> = if affixes && known.len() > 1 {
                    known.iter().map(|&i| vec![i]).collect()
                } else {
                    vec![known]
                };
                for group in groups {
                    let mut items = Vec::new();
                    for &i in &group {
                        let Some(it) = cluster.items.get(i) else {
                            continue;
                        };
                        let Some(entry) = by_key.get(it.key.as_str()) else {
                            continue;
                        };
                        let locator = it.locator.as_ref().and_then(|l| {
                            l.label
                                .parse::<citationberg::taxonomy::Locator>()
                                .ok()
                                .map(|kind| SpecificLocator(kind, LocatorPayload::Str(&l.value)))
                        });
                        // Numeric and note styles have no author-year forms: they cite as usual.
                        let purpose = if !author_date || note_style {
                            None
                        } else if it.suppress_author {
                            Some(CitePurpose::Year)
                        } else if cluster.in_text {
                            Some(CitePurpose::Prose)
                        } else {
                            None
                        };
                        items.push(CitationItem::new(*entry, locator, None, false, purpose));
                    }
                    let note = note_style.then_some(c + 1);
                    driver.citation(CitationRequest::new(items, style, None, locales, note));
                    pushed.push((c, group));
                }
            }
            let rendered = driver.finish(BibliographyRequest::new(style, None, locales));

            let mut texts: Vec<Vec<(usize, String)>> = vec![Vec::new(); request.clusters.len()];
            for ((c, group), citation) in pushed.iter().zip(&rendered.citations) {
                let mut text = String::new();
                let _ = citation
                    .citation
                    .write_buf(&mut text, BufWriteFormat::Plain);
                if let Some(slot) = texts.get_mut(*c) {
                    slot.push((group.first().copied().unwrap_or(0), text));
                }
            }
            let bib_position: BTreeMap<String, usize> = rendered
                .bibliography
                .iter()
                .flat_map(|b| {
                    b.items
                        .iter()
                        .enumerate()
                        .map(|(i, it)| (it.key.clone(), i))
                })
                .collect();
            let sorted = style.citation.sort.is_some();
            let known = |k: &str| by_key.contains_key(k);
            let mut citations = Vec::new();
            for (c, cluster) in request.clusters.iter().enumerate() {
                let parts = texts.get(c).cloned().unwrap_or_default();
                let text = join_cluster(cluster, &parts, style);
                let order = if parts.len() == 1 {
                    rendered_order(cluster, sorted, &bib_position, &known)
                } else {
                    parts
                        .iter()
                        .filter_map(|(i, _)| cluster.items.get(*i).map(|it| it.key.clone()))
                        .collect()
                };
                citations.push(FormattedCitation {
                    citation: cluster.citation.clone(),
                    text,
                    note: note_style.then_some(c + 1),
                    order,
                });
            }
            let mut bibliography = Vec::new();
            if let Some(bib) = rendered.bibliography {
                for item in bib.items {
                    let mut text = String::new();
                    if let Some(first) = &item.first_field {
                        let _ = first.write_buf(&mut text, BufWriteFormat::Plain);
                        text.push(' ');
                    }
                    let _ = item.content.write_buf(&mut text, BufWriteFormat::Plain);
                    bibliography.push(FormattedEntry {
                        key: item.key,
                        text: text.trim().to_string(),
                    });
                }
            }
            Response {
                class: String::new(),
                citations,
                bibliography,
                warnings: Vec::new(),
            }
        }
    };
}

define_run!(run_bibtex, hayagriva::Entry);
define_run!(run_csl, citationberg::json::Item);

/// A locator the style cannot take as a locator (a term CSL has but the engine lacks) is written as
/// words instead.
fn extra_locator(item: &ItemRequest) -> bool {
    item.locator
        .as_ref()
        .is_some_and(|l| l.label.parse::<citationberg::taxonomy::Locator>().is_err())
}

/// The cluster's text from its rendered parts: one whole rendering, or one per item with each
/// item's prefix and suffix, joined with the style's delimiter inside its brackets.
fn join_cluster(
    cluster: &ClusterRequest,
    parts: &[(usize, String)],
    style: &citationberg::IndependentStyle,
) -> String {
    let layout = &style.citation.layout;
    let open = layout.prefix.as_deref().unwrap_or("");
    let close = layout.suffix.as_deref().unwrap_or("");
    let delimiter = layout.delimiter.as_deref().unwrap_or("; ");
    let words = |i: usize, inner: &str| {
        let Some(it) = cluster.items.get(i) else {
            return inner.to_string();
        };
        let mut s = String::new();
        if !it.prefix.is_empty() {
            s.push_str(&it.prefix);
            s.push(' ');
        }
        s.push_str(inner);
        if let Some(l) = it.locator.as_ref().filter(|_| extra_locator(it)) {
            s.push_str(&format!(", {} {}", l.label, l.value));
        }
        if !it.suffix.is_empty() {
            if !it.suffix.starts_with([',', ';', '.']) {
                s.push_str(", ");
            }
            s.push_str(&it.suffix);
        }
        s
    };
    // The style's brackets come off each part and go around the whole again.
    let mut bracketed = (false, false);
    let strip = |text: &str, bracketed: &mut (bool, bool)| -> String {
        let mut t = text.trim();
        if let Some(inner) = t.strip_prefix(open).filter(|_| !open.is_empty()) {
            bracketed.0 = true;
            t = inner;
        }
        if let Some(inner) = t.strip_suffix(close).filter(|_| !close.is_empty()) {
            bracketed.1 = true;
            t = inner;
        }
        t.to_string()
    };
    let inner = match parts {
        [] => return String::new(),
        [(i, text)] => {
            let inner = strip(text, &mut bracketed);
            if cluster.items.len() <= 1 {
                words(*i, &inner)
            } else {
                inner
            }
        }
        _ => parts
            .iter()
            .map(|(i, text)| {
                let inner = strip(text, &mut bracketed);
                words(*i, &inner)
            })
            .collect::<Vec<_>>()
            .join(delimiter),
    };
    // A cluster in brackets keeps the style's brackets even when an item form (author left out)
    // renders without them; an in-text citation has none of its own.
    let (had_open, had_close) = if cluster.in_text {
        bracketed
    } else {
        (true, true)
    };
    format!(
        "{}{inner}{}",
        if had_open { open } else { "" },
        if had_close { close } else { "" }
    )
}

/// The order in which a whole-cluster rendering gives its works: a style that sorts citations
/// sorts them as its bibliography (author-date by name and year, numeric by number), else as written.
fn rendered_order(
    cluster: &ClusterRequest,
    sorted: bool,
    bib_position: &BTreeMap<String, usize>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut keys: Vec<String> = cluster
        .items
        .iter()
        .map(|it| it.key.clone())
        .filter(|k| known(k))
        .collect();
    if sorted {
        keys.sort_by_key(|k| bib_position.get(k).copied().unwrap_or(usize::MAX));
    }
    keys
}
