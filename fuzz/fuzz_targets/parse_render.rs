//! Arbitrary text and options through parse, render and JSON serialization: no panic, no hang, no
//! stack overflow, and, unless raw HTML is trusted, no active markup in the output: no element
//! that runs or loads code, no event-handler attribute, no script URL.
//!
//! The options come first in the input and the article text is the rest of it, so a seed corpus is
//! any file with `OPTION_BYTES` option bytes in front (see `fuzz/README.md`).
#![no_main]

use arbitrary::Arbitrary;
use cite_reader::{parse, to_html, Error, FormatOption, Options, RawHtml};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    /// Modulo 3: auto, text, markdown.
    format: u8,
    quotes: bool,
    abbreviations: bool,
    /// Modulo 3: escape, sanitize, trusted (an even share each).
    raw_html: u8,
    sources_panel: bool,
    standalone: bool,
    smart_punctuation: bool,
    /// Modulo 5: none, "apa", "ieee", "chicago-notes", an unknown name.
    citation_style: u8,
    /// Modulo 3: "cr-", "", a prefix with characters that need escaping.
    id_prefix: u8,
    /// Exercise the input-size limit too.
    max_input_bytes: Option<u16>,
    /// When set, the text up to about this byte is the `bibliography` option and the rest the
    /// article.
    bibliography_split: Option<u16>,
    /// The article: the rest of the input.
    text: String,
}

fuzz_target!(|input: Input| {
    let mut options = Options::default();
    options.parse.format = match input.format % 3 {
        0 => FormatOption::Auto,
        1 => FormatOption::Text,
        _ => FormatOption::Markdown,
    };
    if let Some(limit) = input.max_input_bytes {
        options.parse.max_input_bytes = usize::from(limit);
    }
    options.parse.smart_punctuation = input.smart_punctuation;
    options.parse.citation_style = match input.citation_style % 5 {
        0 => None,
        1 => Some("apa".to_string()),
        2 => Some("ieee".to_string()),
        3 => Some("chicago-notes".to_string()),
        _ => Some("no-such-style".to_string()),
    };
    let mut text = input.text.as_str();
    if let Some(split) = input.bibliography_split {
        let mut at = usize::from(split).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        options.parse.bibliography = Some(text[..at].to_string());
        text = &text[at..];
    }
    options.analyze.quotes = input.quotes;
    options.analyze.abbreviations = input.abbreviations;
    options.render.raw_html = match input.raw_html % 3 {
        0 => RawHtml::Escape,
        1 => RawHtml::Sanitize,
        _ => RawHtml::Trusted,
    };
    options.render.id_prefix = match input.id_prefix % 3 {
        0 => "cr-",
        1 => "",
        _ => "p\"<'&> ",
    }
    .to_string();
    options.render.sources_panel = input.sources_panel;
    options.render.standalone = input.standalone;
    let article = match parse(text, &options) {
        Ok(article) => article,
        // Errors parse gives: input over the size limit, or an unknown citation style (the
        // option's or the front matter's `csl:`), each with a message naming it.
        Err(Error::InputTooLarge { bytes, limit }) => {
            assert!(bytes == text.len() && bytes > limit);
            return;
        }
        Err(error @ Error::InvalidOption { .. }) => {
            assert!(error.to_string().contains("style"), "{error}");
            return;
        }
    };
    let html = to_html(&article, &options.render);
    if options.render.raw_html != RawHtml::Trusted {
        if let Err(problem) = inert(&html) {
            panic!("{problem}\n--- html ---\n{html}");
        }
    }
    let json = serde_json::to_string(&article).expect("the model serializes");
    assert!(json.starts_with('{'));
});

/// Elements that run or load code, or change how the page's URLs or forms behave (`<meta>` is
/// checked by its attributes: the standalone page writes its charset and viewport).
const ACTIVE_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "link",
    "svg", "math", "template", "noscript", "style",
];

/// Checks every tag of `html` the way a browser would read it: the writer escapes every `<` in
/// text, so each literal `<` starts a tag (or a comment or doctype, which `standalone` pages write).
fn inert(html: &str) -> Result<(), String> {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let (tag, after) = split_tag(rest);
        rest = after;
        let tag = tag.strip_prefix('/').unwrap_or(tag);
        if tag.starts_with('!') {
            continue;
        }
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        // `<style>` is the standalone page's own stylesheet, written once in its head.
        if ACTIVE_ELEMENTS.contains(&name.as_str()) && !(name == "style" && tag == "style") {
            return Err(format!("active element <{tag}>"));
        }
        for (attribute, value) in attributes(&tag[name_end..]) {
            let attribute = attribute.to_ascii_lowercase();
            if attribute.starts_with("on") {
                return Err(format!("event handler attribute in <{tag}>"));
            }
            if matches!(
                attribute.as_str(),
                "href" | "src" | "action" | "formaction" | "xlink:href" | "srcset" | "poster"
            ) && script_url(&value)
            {
                return Err(format!("script URL in <{tag}>"));
            }
            if attribute == "http-equiv" || attribute == "srcdoc" {
                return Err(format!("attribute {attribute} in <{tag}>"));
            }
        }
    }
    Ok(())
}

/// The tag's inside up to its `>` (quotes respected) and the text after it.
fn split_tag(s: &str) -> (&str, &str) {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return (&s[..i], &s[i + 1..]),
            _ => {}
        }
    }
    (s, "")
}

/// The attributes of a tag's inside after its name, values with our own escapes decoded.
fn attributes(mut s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if s.is_empty() {
            return out;
        }
        let name_end = s
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(s.len());
        let name = s[..name_end].to_string();
        s = s[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start();
            let (raw, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_ascii_whitespace())
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode(raw);
            s = next;
        }
        out.push((name, value));
    }
}

/// Decodes the character references the writer produces, and any numeric one.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a browser would read `url` as a `javascript:`, `vbscript:` or `data:` URL (it drops
/// tabs and line breaks anywhere and control characters and spaces at the ends).
fn script_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| cleaned.starts_with(scheme))
}
