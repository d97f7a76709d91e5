//! Scholarly citations: `[@key]` clusters resolved against a bibliography (CSL-JSON, CSL YAML from
//! front matter, or BibTeX/BibLaTeX) and formatted in a citation style.
//!
//! - [`setup`] (before the Markdown reader): the style and the entries, from the options and the
//!   front matter;
//! - [`resolve`] (after `parse::citations` has wrapped the clusters): finds each key, formats the
//!   clusters and the bibliography (with the CSL engine in native builds; in the core wasm with a
//!   plain author-date / numeric / note fallback until the browser's engine module has loaded), and
//!   fills the model;
//! - [`add_sources`] (after analysis, which owns `Article.sources`): one `work` source per cited
//!   entry.

pub(crate) mod bibtex;
#[cfg(not(target_arch = "wasm32"))]
pub mod engine;
pub(crate) mod entries;
pub(crate) mod styles;

use crate::model::{BibliographyInput, Reference};
use crate::parse::front_matter::FrontMatter;
use crate::{Article, Error, Inline, ParseOptions, Source, SourceKind};
use entries::{Parsed, RawEntry};
use std::collections::{BTreeMap, BTreeSet};

/// The default style (author-date).
pub const DEFAULT_STYLE: &str = "apa";

/// What the citations are resolved against.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Setup {
    pub style: &'static str,
    pub parsed: Parsed,
    /// A bibliography was given (even one that did not parse): in-text `@key` citations count only
    /// then, so that `@handles` in articles without one stay text.
    pub has_bibliography: bool,
    pub link_citations: bool,
    pub warnings: Vec<String>,
    /// The bibliography files the front matter names (reported in the model).
    pub file_names: Vec<String>,
}

/// Chooses the style and reads the entries. An unknown style name is an error naming the styles.
pub(crate) fn setup(front: Option<&FrontMatter>, options: &ParseOptions) -> Result<Setup, Error> {
    let (style_option, style_name) = match (
        &options.citation_style,
        front.and_then(|f| f.style.as_ref()),
    ) {
        (Some(s), _) => ("citationStyle", Some(s.as_str())),
        (None, Some(s)) => ("csl (front matter)", Some(s.as_str())),
        (None, None) => ("citationStyle", None),
    };
    let style = match style_name {
        None => DEFAULT_STYLE,
        Some(name) => styles::style_name(name).ok_or_else(|| Error::InvalidOption {
            name: style_option.to_string(),
            reason: styles::unknown_style(name),
        })?,
    };
    let mut setup = Setup {
        style,
        link_citations: front.and_then(|f| f.link_citations).unwrap_or(true),
        ..Setup::default()
    };
    if let Some(text) = options
        .bibliography
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        setup.has_bibliography = true;
        match entries::parse_text(text) {
            Ok(parsed) => merge(&mut setup.parsed, parsed),
            Err(warning) => setup
                .warnings
                .push(format!("{warning}; citations to it show as unknown keys.")),
        }
    }
    if let Some(front) = front {
        if let Some(items) = &front.references {
            setup.has_bibliography = true;
            merge(&mut setup.parsed, entries::from_csl(items.clone()));
        }
        if !front.bibliography_files.is_empty() {
            setup.has_bibliography = true;
            setup.file_names = front.bibliography_files.clone();
            let unread: Vec<&str> = front
                .bibliography_files
                .iter()
                .filter(|name| !options.bibliography_files.iter().any(|f| &f.name == *name))
                .map(String::as_str)
                .collect();
            if !unread.is_empty() && setup.parsed.entries.is_empty() {
                setup.warnings.push(format!(
                    "The bibliography file {} is named in the front matter but was not read: the command line and <cite-reader src> read it next to the article; otherwise pass its text as the `bibliography` option.",
                    unread.join(", ")
                ));
            }
        }
    }
    for file in &options.bibliography_files {
        setup.has_bibliography = true;
        match &file.text {
            Ok(text) => match entries::parse_text(text) {
                Ok(parsed) => merge(&mut setup.parsed, parsed),
                Err(warning) => setup.warnings.push(format!(
                    "{}; citations to it show as unknown keys.",
                    warning.replacen(
                        "The bibliography",
                        &format!("The bibliography file {}", file.name),
                        1
                    )
                )),
            },
            Err(why) => setup.warnings.push(format!(
                "The bibliography file {} could not be read ({why}); citations to it show as unknown keys.",
                file.name
            )),
        }
    }
    Ok(setup)
}

fn merge(into: &mut Parsed, from: Parsed) {
    into.entries.extend(from.entries);
    into.csl_json.extend(from.csl_json);
    if !from.bibtex.is_empty() {
        if !into.bibtex.is_empty() {
            into.bibtex.push('\n');
        }
        into.bibtex.push_str(&from.bibtex);
    }
}

/// How a style's citations read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    AuthorDate,
    Numeric,
    Note,
}

fn class_of(style: &str) -> Class {
    match styles::STYLE_KINDS.iter().find(|(n, _)| *n == style) {
        Some((_, "numeric")) => Class::Numeric,
        Some((_, "note")) => Class::Note,
        _ => Class::AuthorDate,
    }
}

/// Formatted output, from the engine or the fallback.
struct Formatted {
    /// Per cluster: the formatted text (a note's text for note styles) and the keys in order.
    clusters: Vec<(String, Vec<String>)>,
    /// Bibliography: keys in order, with their text when a style formatted them.
    bibliography: Vec<(String, Option<String>)>,
}

/// Resolves the keys of the article's clusters, formats them and fills the model.
pub(crate) fn resolve(article: &mut Article, setup: Setup) {
    article.warnings.extend(setup.warnings.iter().cloned());
    article.bibliography_files = setup.file_names.clone();
    if article.reference_clusters.is_empty() {
        return;
    }
    let mut by_key: BTreeMap<String, RawEntry> = BTreeMap::new();
    for entry in &setup.parsed.entries {
        if by_key.contains_key(&entry.key) {
            article.warnings.push(format!(
                "The bibliography has two entries with the key `{}`; the first is used.",
                entry.key
            ));
            continue;
        }
        by_key.insert(entry.key.clone(), entry.clone());
    }
    let mut unknown = BTreeSet::new();
    for cluster in &mut article.reference_clusters {
        for item in &mut cluster.items {
            item.found = by_key.contains_key(&item.key);
            if !item.found && unknown.insert(item.key.clone()) {
                article.warnings.push(format!(
                    "Unknown citation key `{}`: the bibliography has no such entry.",
                    item.key
                ));
            }
        }
    }
    let class = class_of(setup.style);
    let formatted =
        format_with_engine(article, &setup).unwrap_or_else(|| fallback(article, &by_key, class));

    // The model: clusters, citations, the inline text, then the references.
    let mut display = BTreeMap::new();
    for (i, cluster) in article.reference_clusters.iter_mut().enumerate() {
        let (text, order) = formatted.clusters.get(i).cloned().unwrap_or_default();
        let unknown: Vec<String> = cluster
            .items
            .iter()
            .filter(|it| !it.found)
            .map(|it| format!("?{}", it.key))
            .collect();
        // In-text citations name the author in numeric and note styles too: "Doe [1]", "Doe¹".
        let author = cluster
            .items
            .first()
            .filter(|_| cluster.in_text && class != Class::AuthorDate && !text.is_empty())
            .and_then(|it| by_key.get(&it.key))
            .map(RawEntry::short_author);
        let shown = match (class, author) {
            (Class::Note, Some(author)) => format!("{author}{}", superscript(i + 1)),
            (Class::Note, None) if !text.is_empty() => superscript(i + 1),
            (Class::Numeric, Some(author)) if !text.starts_with(&author) => {
                format!("{author} {text}")
            }
            _ => text.clone(),
        };
        let shown = match (shown.is_empty(), unknown.is_empty()) {
            (true, _) => unknown.join("; "),
            (false, true) => shown,
            (false, false) => format!("{shown} {}", unknown.join("; ")),
        };
        // A note style's cluster is its note; any other's is what the text shows.
        cluster.formatted = if class == Class::Note && !text.is_empty() {
            text
        } else {
            shown.clone()
        };
        cluster.order = order;
        display.insert(cluster.citation.clone(), (shown, cluster.formatted.clone()));
    }
    for citation in &mut article.citations {
        if let Some((_, detail)) = display.get(&citation.id) {
            citation.detail = Some(detail.clone());
        }
    }
    let note_markers: BTreeSet<String> = article
        .reference_clusters
        .iter()
        .filter(|c| class == Class::Note && !c.in_text)
        .map(|c| c.citation.clone())
        .collect();
    replace_cite_text(article, &display, &note_markers);

    let cited: BTreeSet<&str> = article
        .reference_clusters
        .iter()
        .flat_map(|c| c.items.iter().filter(|i| i.found).map(|i| i.key.as_str()))
        .collect();
    let mut references = Vec::new();
    let mut listed = BTreeSet::new();
    for (key, text) in &formatted.bibliography {
        if let Some(entry) = by_key.get(key) {
            listed.insert(key.clone());
            references.push(reference(entry, text.clone(), cited.contains(key.as_str())));
        }
    }
    for entry in &setup.parsed.entries {
        if listed.insert(entry.key.clone()) {
            references.push(reference(entry, None, cited.contains(entry.key.as_str())));
        }
    }
    article.references = references;
    if !by_key.is_empty() {
        article.bibliography = Some(BibliographyInput {
            style: setup.style.to_string(),
            csl_json: setup.parsed.csl_json.clone(),
            bibtex: setup.parsed.bibtex.clone(),
            link_citations: setup.link_citations,
        });
    }
}

fn reference(entry: &RawEntry, formatted: Option<String>, cited: bool) -> Reference {
    Reference {
        key: entry.key.clone(),
        name: format!("{} {}", entry.short_author(), entry.year()),
        source: String::new(),
        fields: entry.fields.clone(),
        raw: entry.raw_line(),
        formatted,
        cited,
    }
}

/// The engine's request for an article: its bibliography input and clusters, as JSON (the same
/// shape the browser's engine module takes).
pub fn engine_request(article: &Article) -> Option<serde_json::Value> {
    let input = article.bibliography.as_ref()?;
    Some(serde_json::json!({
        "style": input.style,
        "csl_json": input.csl_json,
        "bibtex": input.bibtex,
        "clusters": article.reference_clusters,
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn format_with_engine(article: &mut Article, setup: &Setup) -> Option<Formatted> {
    if setup.parsed.entries.is_empty() {
        return None;
    }
    let request = engine::Request {
        style: setup.style.to_string(),
        csl_json: setup.parsed.csl_json.clone(),
        bibtex: setup.parsed.bibtex.clone(),
        clusters: article
            .reference_clusters
            .iter()
            .map(|c| engine::ClusterRequest {
                citation: c.citation.clone(),
                in_text: c.in_text,
                items: c
                    .items
                    .iter()
                    .map(|it| engine::ItemRequest {
                        key: it.key.clone(),
                        prefix: it.prefix.clone(),
                        suffix: it.suffix.clone(),
                        locator: it.locator.as_ref().map(|l| engine::LocatorRequest {
                            label: l.label.clone(),
                            value: l.value.clone(),
                        }),
                        suppress_author: it.suppress_author,
                    })
                    .collect(),
            })
            .collect(),
    };
    let response = match engine::format(&request) {
        Ok(response) => response,
        Err(message) => {
            article.warnings.push(message);
            return None;
        }
    };
    article.warnings.extend(response.warnings.iter().cloned());
    Some(Formatted {
        clusters: response
            .citations
            .into_iter()
            .map(|c| (c.text, c.order))
            .collect(),
        bibliography: response
            .bibliography
            .into_iter()
            .map(|e| (e.key, Some(e.text)))
            .collect(),
    })
}

/// The core wasm has no engine: the browser's engine module formats later.
#[cfg(target_arch = "wasm32")]
fn format_with_engine(_: &mut Article, _: &Setup) -> Option<Formatted> {
    None
}

/// Plain citations without a CSL engine: "(Doe 1999, p. 33)", "Doe (1999)", "[1]", or a note
/// "Doe, Title (1999), p. 33." — what the reader shows until the engine has formatted them.
fn fallback(article: &Article, by_key: &BTreeMap<String, RawEntry>, class: Class) -> Formatted {
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    for cluster in &article.reference_clusters {
        for item in cluster.items.iter().filter(|i| i.found) {
            let next = numbers.len() + 1;
            numbers.entry(item.key.as_str()).or_insert(next);
        }
    }
    let mut clusters = Vec::new();
    for cluster in &article.reference_clusters {
        let mut parts = Vec::new();
        let mut order = Vec::new();
        for item in &cluster.items {
            let Some(entry) = by_key.get(&item.key) else {
                continue;
            };
            order.push(item.key.clone());
            let locator = item
                .locator
                .as_ref()
                .map(|l| format!(", {}", locator_text(&l.label, &l.value)))
                .unwrap_or_default();
            let core = match class {
                Class::AuthorDate if cluster.in_text => {
                    format!("{} ({}{locator})", entry.short_author(), entry.year())
                }
                Class::AuthorDate if item.suppress_author => format!("{}{locator}", entry.year()),
                Class::AuthorDate => {
                    format!("{} {}{locator}", entry.short_author(), entry.year())
                }
                Class::Numeric => {
                    let n = numbers.get(item.key.as_str()).copied().unwrap_or(0);
                    if cluster.in_text {
                        format!("{} [{n}{locator}]", entry.short_author())
                    } else {
                        format!("{n}{locator}")
                    }
                }
                Class::Note => {
                    let title = entry.fields.get("title").cloned().unwrap_or_default();
                    format!(
                        "{}, {} ({}){locator}",
                        entry.short_author(),
                        title,
                        entry.year()
                    )
                }
            };
            let mut part = String::new();
            if !item.prefix.is_empty() {
                part.push_str(&item.prefix);
                part.push(' ');
            }
            part.push_str(&core);
            if !item.suffix.is_empty() {
                part.push_str(", ");
                part.push_str(&item.suffix);
            }
            parts.push(part);
        }
        let text = if parts.is_empty() {
            String::new()
        } else {
            match class {
                Class::AuthorDate if cluster.in_text => parts.join("; "),
                Class::AuthorDate => format!("({})", parts.join("; ")),
                Class::Numeric if cluster.in_text => parts.join("; "),
                Class::Numeric => format!("[{}]", parts.join(", ")),
                Class::Note => format!("{}.", parts.join("; ")),
            }
        };
        clusters.push((text, order));
    }
    let mut keys: Vec<&RawEntry> = numbers.keys().filter_map(|k| by_key.get(*k)).collect();
    match class {
        Class::Numeric => keys.sort_by_key(|e| numbers.get(e.key.as_str()).copied()),
        _ => keys.sort_by_key(|e| (e.short_author().to_lowercase(), e.year())),
    }
    Formatted {
        clusters,
        bibliography: keys.into_iter().map(|e| (e.key.clone(), None)).collect(),
    }
}

fn locator_text(label: &str, value: &str) -> String {
    let plural = value.contains(['-', '–', ',', '&']);
    let term = match (label, plural) {
        ("page", false) => "p.",
        ("page", true) => "pp.",
        ("chapter", _) => "chap.",
        ("section", false) => "sec.",
        ("section", true) => "secs.",
        ("figure", _) => "fig.",
        ("paragraph", _) => "para.",
        ("volume", _) => "vol.",
        ("note", _) => "n.",
        ("number", _) => "no.",
        ("verse", _) => "v.",
        ("line", false) => "l.",
        ("line", true) => "ll.",
        (other, _) => other,
    };
    format!("{term} {value}")
}

fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|d| d.to_digit(10).and_then(|d| DIGITS.get(d as usize)).copied())
        .collect()
}

/// Replaces each reference citation's inline text (the cluster as written) by its formatted form.
/// A note marker (`trim_before`) hangs on the word before it, as a footnote number does.
fn replace_cite_text(
    article: &mut Article,
    display: &BTreeMap<String, (String, String)>,
    trim_before: &BTreeSet<String>,
) {
    fn walk(
        inlines: &mut [Inline],
        display: &BTreeMap<String, (String, String)>,
        trim_before: &BTreeSet<String>,
    ) {
        for i in 0..inlines.len() {
            let mut trim = false;
            if let Some(inline) = inlines.get_mut(i) {
                match inline {
                    Inline::Cite { citation, children } => match display.get(citation.as_str()) {
                        Some((shown, _)) => {
                            *children = vec![Inline::text(shown)];
                            trim = trim_before.contains(citation.as_str());
                        }
                        None => walk(children, display, trim_before),
                    },
                    Inline::Emphasis { children }
                    | Inline::Strong { children }
                    | Inline::Strikethrough { children } => walk(children, display, trim_before),
                    _ => {}
                }
            }
            if trim && i > 0 {
                if let Some(Inline::Text { text }) = inlines.get_mut(i - 1) {
                    let kept = text.trim_end().len();
                    text.truncate(kept);
                }
            }
        }
    }
    crate::parse::citations::visit_inline_runs(article, &mut |inlines| {
        walk(inlines, display, trim_before)
    });
    article
        .blocks
        .iter_mut()
        .for_each(crate::Block::refresh_text);
    for note in &mut article.footnotes {
        note.blocks.iter_mut().for_each(crate::Block::refresh_text);
    }
}

/// Adds one `work` source per cited reference (after analysis, which writes `Article.sources`) and
/// points each reference citation at its first work.
pub(crate) fn add_sources(article: &mut Article) {
    if article.references.is_empty() {
        return;
    }
    let first = article.sources.len() + 1;
    let mut ids = BTreeMap::new();
    let cited = article.references.iter_mut().filter(|r| r.cited);
    for (number, reference) in (first..).zip(cited) {
        let id = format!("s{number}");
        let short = reference.name.clone();
        reference.source = id.clone();
        ids.insert(reference.key.clone(), id.clone());
        article.sources.push(Source {
            id,
            name: short,
            kind: SourceKind::Work,
            role: Some(
                reference
                    .formatted
                    .clone()
                    .unwrap_or_else(|| reference.raw.clone()),
            ),
            aliases: vec![reference.key.clone()],
        });
    }
    let first_work: BTreeMap<String, String> = article
        .reference_clusters
        .iter()
        .filter_map(|c| {
            let key = c
                .order
                .iter()
                .chain(c.items.iter().map(|i| &i.key))
                .find(|k| ids.contains_key(*k))?;
            Some((c.citation.clone(), ids.get(key)?.clone()))
        })
        .collect();
    for citation in &mut article.citations {
        if let Some(source) = first_work.get(&citation.id) {
            citation.source = Some(source.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Block;

    /// The core wasm's citations (no engine): the fallback for each kind of style.
    #[test]
    fn fallback_citations_per_style_kind() {
        let parsed = entries::parse_text(
            r#"[{"id": "a", "title": "Tides", "author": [{"family": "Lee", "given": "M."}],
                "issued": {"date-parts": [[2010]]}},
               {"id": "b", "title": "Salt", "author": [{"family": "Roe"}, {"family": "Poe"}],
                "issued": {"date-parts": [[1999]]}}]"#,
        )
        .unwrap();
        let by_key: BTreeMap<String, RawEntry> = parsed
            .entries
            .iter()
            .map(|e| (e.key.clone(), e.clone()))
            .collect();
        let mut article = Article {
            blocks: vec![Block::paragraph(
                "One [see @b, pp. 3-4; @a]. Two @a [p. 9]. Three [-@a].",
            )],
            ..Article::default()
        };
        crate::parse::citations::apply(&mut article, true);
        for cluster in &mut article.reference_clusters {
            for item in &mut cluster.items {
                item.found = true;
            }
        }
        let texts = |class| -> Vec<String> {
            fallback(&article, &by_key, class)
                .clusters
                .into_iter()
                .map(|(text, _)| text)
                .collect()
        };
        assert_eq!(
            texts(Class::AuthorDate),
            [
                "(see Roe and Poe 1999, pp. 3-4; Lee 2010)",
                "Lee (2010, p. 9)",
                "(2010)"
            ]
        );
        assert_eq!(
            texts(Class::Numeric),
            ["[see 1, pp. 3-4, 2]", "Lee [2, p. 9]", "[2]"]
        );
        assert_eq!(
            texts(Class::Note)[0],
            "see Roe and Poe, Salt (1999), pp. 3-4; Lee, Tides (2010)."
        );
        let bibliography = fallback(&article, &by_key, Class::AuthorDate).bibliography;
        let keys: Vec<&str> = bibliography.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b"], "author-date sorts by author");
    }
}
