//! Footnote examples (`../shared/suites/footnotes/footnotes.txt`, from pulldown-cmark's specs).
//!
//! Our footnote HTML is deliberately different from the suite's: references open popups, and the
//! notes are one numbered list at the end, numbered in order of first reference. So instead of the
//! markup, each example checks what a reader gets, using the suite's expected HTML as the truth:
//! - the body says the same words (references aside), and has as many references;
//! - every note the suite renders is in our list, saying the same words;
//! - each reference shows the number of the note it links to, and that note exists;
//! - the notes are an ordered list at the end, numbered 1, 2, ... in order;
//! - every in-page link (references, back-links, popup pointers) resolves to an id on the page,
//!   and each note links back to each of its references;
//! - nothing panics.
//!
//! Run: `cargo test --test footnotes -- --nocapture`.

use std::path::Path;

mod support;
use support::{examples, Example};

use cite_reader::{
    parse, to_html, AnalyzeOptions, Article, FormatOption, Options, ParseOptions, RawHtml,
    RenderOptions,
};

const SUITE: &str = "../shared/suites/footnotes/footnotes.txt";
const EXPECTED_EXAMPLES: usize = 26;
const PREFIX: &str = "cr-";

fn options() -> Options {
    Options {
        parse: ParseOptions {
            format: FormatOption::Markdown,
            smart_punctuation: false,
            ..ParseOptions::default()
        },
        analyze: AnalyzeOptions {
            quotes: false,
            abbreviations: false,
        },
        render: RenderOptions {
            id_prefix: PREFIX.to_string(),
            // The suite's HTML passes raw HTML (comments) through; escaping is tests/render.rs's.
            raw_html: RawHtml::Trusted,
            ..RenderOptions::default()
        },
    }
}

#[test]
fn footnote_examples() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SUITE);
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!(
            "footnotes: SKIPPED, {} is not there (the suite lives in ../shared)",
            path.display()
        );
        return;
    };
    let examples = examples(&text);
    assert_eq!(examples.len(), EXPECTED_EXAMPLES);
    let mut failures = Vec::new();
    for ex in &examples {
        let problems = check(ex);
        if !problems.is_empty() {
            failures.push(format!(
                "example {} ({}):\n--- input\n{}--- expected\n{}--- problems\n{}\n",
                ex.number,
                ex.section,
                ex.input,
                ex.expected,
                problems.join("\n")
            ));
        }
    }
    let n = examples.len();
    println!("footnotes: {}/{n} examples pass", n - failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What is wrong with our rendering of one example.
fn check(ex: &Example) -> Vec<String> {
    let options = options();
    let article = match std::panic::catch_unwind(|| parse(&ex.input, &options)) {
        Ok(Ok(article)) => article,
        Ok(Err(e)) => return vec![format!("parse error: {e}")],
        Err(_) => return vec!["parse panicked".into()],
    };
    let html = match std::panic::catch_unwind(|| to_html(&article, &options.render)) {
        Ok(html) => html,
        Err(_) => return vec!["render panicked".into()],
    };
    let mut problems = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };

    // Split our page: the body, the notes section, and the rest (popups).
    let body_start = html.find("<div class=\"cr-body\">").unwrap_or(0);
    let section_start = html.find("<section class=\"cr-footnotes\"");
    let body_end = section_start
        .or_else(|| html.find("<div class=\"cr-popup-contents\""))
        .unwrap_or(html.len());
    let body = &html[body_start..body_end];
    let section = section_start
        .map(|s| &html[s..s + html[s..].find("</section>").unwrap_or(html.len() - s)])
        .unwrap_or("");

    // The body says the same words, and has as many references.
    let expected_body = remove_elements(&ex.expected, "class=\"footnote-definition\"");
    let expected_refs = ex.expected.matches("class=\"footnote-reference\"").count();
    let mut our_body_text = text(&remove_elements(body, "class=\"cr-fnref\""));
    if let Some(title) = &article.title {
        our_body_text = format!("{title} {our_body_text}").trim().to_string();
    }
    let expected_body_text = text(&remove_elements(
        &expected_body,
        "class=\"footnote-reference\"",
    ));
    expect(
        our_body_text == expected_body_text,
        format!(
            "body text differs:\n  ours:     {our_body_text:?}\n  expected: {expected_body_text:?}"
        ),
    );
    let our_refs = html.matches("<sup class=\"cr-fnref\"><a ").count();
    expect(
        our_refs == expected_refs,
        format!("{our_refs} footnote references rendered, the suite has {expected_refs}"),
    );

    // Every note the suite renders is in our list, with the same words.
    let expected_notes = definitions(&ex.expected);
    expect(
        article.footnotes.len() == expected_notes.len(),
        format!(
            "{} notes in the model, the suite has {}",
            article.footnotes.len(),
            expected_notes.len()
        ),
    );
    let mut used = vec![false; article.footnotes.len()];
    for (label, content) in &expected_notes {
        let found = article
            .footnotes
            .iter()
            .enumerate()
            .find(|(i, n)| !used[*i] && n.label == *label);
        let Some((i, note)) = found else {
            expect(false, format!("note [^{label}] is missing from the model"));
            continue;
        };
        used[i] = true;
        let Some(item) = element_with(section, &format!("id=\"{PREFIX}fn-{}\"", note.number))
        else {
            expect(
                false,
                format!(
                    "note [^{label}] (number {}) is not in the list",
                    note.number
                ),
            );
            continue;
        };
        let ours = text(&remove_elements(
            &remove_elements(item, "class=\"cr-backref\""),
            "class=\"cr-fnref\"",
        ));
        let theirs = text(&remove_elements(
            &remove_elements(content, "class=\"footnote-definition-label\""),
            "class=\"footnote-reference\"",
        ));
        expect(
            ours == theirs,
            format!("note [^{label}] says {ours:?}, the suite says {theirs:?}"),
        );
    }

    // Notes: an ordered list at the end, numbered 1, 2, ... in order.
    if !article.footnotes.is_empty() {
        expect(section_start.is_some(), "no footnotes section".into());
        expect(
            section.contains("<ol>"),
            "the notes are not an ordered list".into(),
        );
        let numbers: Vec<String> = attribute_values(section, "data-footnote");
        let wanted: Vec<String> = (1..=article.footnotes.len())
            .map(|n| n.to_string())
            .collect();
        expect(numbers == wanted, format!("notes numbered {numbers:?}"));
        expect(
            !body.contains("data-footnote="),
            "a note is rendered inside the body".into(),
        );
    }

    // Each reference shows the number of the note it links to.
    for marker in find_all(&html, "<sup class=\"cr-fnref\"><a ") {
        let tag_end = html[marker..]
            .find('>')
            .map(|e| marker + e)
            .unwrap_or(marker);
        let tag = &html[marker..html.len().min(tag_end + 40)];
        let href = attribute_values(tag, "href")
            .into_iter()
            .next()
            .unwrap_or_default();
        let shown = html[tag_end..]
            .split_once("\">")
            .and_then(|(_, rest)| rest.split_once("</a>"))
            .map(|(n, _)| n.to_string())
            .unwrap_or_default();
        expect(
            href == format!("#{PREFIX}fn-{shown}"),
            format!("a reference shows {shown:?} but links to {href:?}"),
        );
    }

    // Every in-page link and popup pointer resolves; every note links back to its references.
    let ids = attribute_values(&html, "id");
    for href in attribute_values(&html, "href") {
        if let Some(target) = href.strip_prefix('#') {
            expect(
                ids.iter().any(|id| id == target),
                format!("{href} points nowhere"),
            );
        }
    }
    for target in attribute_values(&html, "aria-describedby") {
        expect(
            ids.contains(&target),
            format!("aria-describedby={target} points nowhere"),
        );
    }
    let mut seen = ids.clone();
    seen.sort();
    seen.dedup();
    expect(seen.len() == ids.len(), "an id is written twice".into());
    check_backrefs(&article, &html, &mut problems);
    problems
}

/// Each note has one back-link per reference to it, each to that reference's id.
fn check_backrefs(article: &Article, html: &str, problems: &mut Vec<String>) {
    for note in &article.footnotes {
        let refs = find_all(html, &format!("href=\"#{PREFIX}fn-{}\"", note.number)).len();
        let item = element_with(html, &format!("id=\"{PREFIX}fn-{}\"", note.number)).unwrap_or("");
        let backrefs = item.matches("class=\"cr-backref\"").count();
        if refs != backrefs {
            problems.push(format!(
                "note {} has {refs} references and {backrefs} back-links",
                note.number
            ));
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Small HTML helpers (the markup here is ours or the suite's, both well formed).

fn find_all(haystack: &str, needle: &str) -> Vec<usize> {
    haystack.match_indices(needle).map(|(i, _)| i).collect()
}

/// The values of every `name="…"` attribute, in order (entities decoded).
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    find_all(html, &needle)
        .into_iter()
        .filter_map(|i| {
            let start = i + needle.len();
            let end = html[start..].find('"')? + start;
            Some(decode(&html[start..end]))
        })
        .collect()
}

/// The element whose start tag contains `marker`, start tag to matching end tag.
fn element_with<'h>(html: &'h str, marker: &str) -> Option<&'h str> {
    let at = html.find(marker)?;
    let start = html[..at].rfind('<')?;
    let end = element_end(html, start)?;
    Some(&html[start..end])
}

/// Where the element starting at `start` ends (after its end tag), counting nested same-name tags.
fn element_end(html: &str, start: usize) -> Option<usize> {
    let name: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{name}"), format!("</{name}>"));
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let next_open = html[i..].find(&open).map(|p| p + i);
        let next_close = html[i..].find(&close).map(|p| p + i)?;
        match next_open {
            Some(o) if o < next_close => {
                let after = html.as_bytes().get(o + open.len());
                if after.is_some_and(|b| b.is_ascii_whitespace() || *b == b'>') {
                    depth += 1;
                }
                i = o + open.len();
            }
            _ => {
                depth = depth.saturating_sub(1);
                i = next_close + close.len();
                if depth == 0 {
                    return Some(i);
                }
            }
        }
    }
}

/// `html` without every element whose start tag contains `marker`.
fn remove_elements(html: &str, marker: &str) -> String {
    let mut out = html.to_string();
    while let Some(at) = out.find(marker) {
        let Some(start) = out[..at].rfind('<') else {
            break;
        };
        let end = element_end(&out, start).unwrap_or(out.len());
        out.replace_range(start..end, " ");
    }
    out
}

/// The footnote definitions of the suite's HTML: (label, inner HTML), in order.
fn definitions(html: &str) -> Vec<(String, String)> {
    find_all(html, "<div class=\"footnote-definition\" id=\"")
        .into_iter()
        .filter_map(|start| {
            let label_start = start + "<div class=\"footnote-definition\" id=\"".len();
            let label_end = html[label_start..].find('"')? + label_start;
            let end = element_end(html, start)?;
            let inner_start = html[start..].find('>')? + start + 1;
            Some((
                decode(&html[label_start..label_end]),
                html[inner_start..end - "</div>".len()].to_string(),
            ))
        })
        .collect()
}

/// The words of some HTML: tags dropped (each as a space), references decoded, whitespace collapsed.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match (c, in_tag) {
            ('<', false) => {
                in_tag = true;
                out.push(' ');
            }
            ('>', true) => in_tag = false,
            (c, false) => out.push(c),
            _ => {}
        }
    }
    let decoded = decode(&out);
    decoded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        // Tags count as spaces, so punctuation right after an element comes out spaced; close it up
        // the same way on both sides.
        .replace(" .", ".")
        .replace(" ,", ",")
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}
