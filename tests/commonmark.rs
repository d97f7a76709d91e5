//! CommonMark conformance: every example of the specification (`../shared/suites/commonmark/spec.txt`)
//! goes through our parse + render, and pulldown-cmark's own HTML writer runs on the same options as
//! the yardstick. Both are compared with the specification's expected HTML.
//!
//! How the comparison works:
//! - Our side is [`cite_reader::body_html`] (the body blocks only, no reader frame), preceded by the
//!   `<h1 class="cr-title">` of the full render when the article's leading H1 became its title.
//!   Raw HTML is trusted, analysis is off, smart punctuation is off; the options are otherwise the
//!   reader's (tables, footnotes, strikethrough, task lists).
//! - Both sides are normalised the same way ([`normalize`]): character references decoded and
//!   re-escaped one way, `<br />` written `<br>`, whitespace next to block-level tags dropped
//!   (outside `<pre>`), attributes sorted, and the attributes the reader adds for its own use
//!   removed (`data-*`, `aria-*`, `rel`, `tabindex`, ids and classes that start with `cr-`).
//! - An example that pulldown-cmark's writer passes, we must pass too, unless it is listed in
//!   [`DELIBERATE`] with the reason. A listed example that passes after all fails the test, so the
//!   list stays true.
//!
//! Run: `cargo test --test commonmark -- --nocapture`.

use std::collections::BTreeMap;
use std::path::Path;

mod support;
use support::examples;

use cite_reader::{
    body_html, parse, to_html, AnalyzeOptions, FormatOption, Options, ParseOptions, RawHtml,
    RenderOptions,
};
use pulldown_cmark::{html::push_html, Options as CmarkOptions, Parser};

const SPEC: &str = "../shared/suites/commonmark/spec.txt";
const EXPECTED_EXAMPLES: usize = 652;

/// A leading H1 becomes `Article::title`, which the model keeps as plain text: its emphasis or
/// link is not rendered (the words are).
const TITLE_IS_PLAIN_TEXT: &str = "a leading H1 is the article title, kept as plain text";
/// The URL policy makes links only of http, https, mailto, relative and fragment URLs; other
/// schemes are shown as the link text.
const UNKNOWN_SCHEME: &str = "the URL policy refuses schemes other than http, https and mailto";

/// Examples where we differ from the specification on purpose (and pulldown-cmark does not).
const DELIBERATE: &[(usize, &str)] = &[
    (66, TITLE_IS_PLAIN_TEXT),  // # foo *bar* \*baz\*
    (80, TITLE_IS_PLAIN_TEXT),  // Foo *bar* / ===
    (81, TITLE_IS_PLAIN_TEXT),  // Foo *bar / baz* / ====
    (82, TITLE_IS_PLAIN_TEXT),  // the same, indented
    (214, TITLE_IS_PLAIN_TEXT), // # [Foo] with a reference definition
    (596, UNKNOWN_SCHEME),      // <irc://foo.bar:2233/baz>
    (598, UNKNOWN_SCHEME),      // <a+b+c:d>
    (599, UNKNOWN_SCHEME),      // <made-up-scheme://foo,bar>
    (601, UNKNOWN_SCHEME),      // <localhost:5001/foo>
];

fn our_options() -> Options {
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
            raw_html: RawHtml::Trusted,
            ..RenderOptions::default()
        },
    }
}

/// Our HTML for the blocks of `input`, the title included.
fn ours(input: &str, options: &Options) -> String {
    let article = parse(input, options).expect("Markdown within the size limit parses");
    let mut html = String::new();
    if article.title.is_some() {
        let full = to_html(&article, &options.render);
        let start = full
            .find("<h1 class=\"cr-title\">")
            .expect("a title is rendered in the header");
        let end = full[start..].find("</h1>").expect("the title closes") + start + 5;
        html.push_str(&full[start..end]);
        html.push('\n');
    }
    html.push_str(&body_html(&article, &options.render));
    html
}

fn pulldown(input: &str) -> String {
    let options = CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_FOOTNOTES
        | CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_TASKLISTS;
    let mut html = String::new();
    push_html(&mut html, Parser::new_ext(input, options));
    html
}

#[test]
fn commonmark_spec() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SPEC);
    let Ok(spec) = std::fs::read_to_string(&path) else {
        println!(
            "commonmark: SKIPPED, {} is not there (the suite lives in ../shared)",
            path.display()
        );
        return;
    };
    let examples = examples(&spec);
    assert_eq!(
        examples.len(),
        EXPECTED_EXAMPLES,
        "the spec file should hold {EXPECTED_EXAMPLES} examples"
    );
    let options = our_options();
    let deliberate: BTreeMap<usize, &str> = DELIBERATE.iter().copied().collect();
    let (mut ours_pass, mut theirs_pass) = (0, 0);
    let mut regressions = Vec::new();
    let mut stale = Vec::new();
    for ex in &examples {
        let expected = normalize(&ex.expected);
        let our_html = ours(&ex.input, &options);
        let we_pass = normalize(&our_html) == expected;
        let they_pass = normalize(&pulldown(&ex.input)) == expected;
        ours_pass += usize::from(we_pass);
        theirs_pass += usize::from(they_pass);
        match (they_pass, we_pass, deliberate.get(&ex.number)) {
            (true, false, None) => regressions.push(format!(
                "example {} ({}):\n--- input\n{}--- expected\n{}--- ours\n{}--- ours, normalised\n{}\n",
                ex.number,
                ex.section,
                ex.input,
                ex.expected,
                our_html,
                normalize(&our_html)
            )),
            (true, true, Some(reason)) | (false, _, Some(reason)) => stale.push(format!(
                "example {} is listed as a deliberate difference ({reason}) but {}",
                ex.number,
                if we_pass {
                    "we pass it"
                } else {
                    "pulldown-cmark fails it too"
                }
            )),
            _ => {}
        }
    }
    let n = examples.len();
    println!("commonmark: {ours_pass}/{n} pass (pulldown-cmark {theirs_pass}/{n})");
    println!(
        "commonmark: {} deliberate differences listed",
        deliberate.len()
    );
    assert!(
        regressions.is_empty(),
        "{} examples pass with pulldown-cmark's writer but not with ours:\n\n{}",
        regressions.len(),
        regressions.join("\n")
    );
    assert!(stale.is_empty(), "{}", stale.join("\n"));
    assert!(ours_pass + deliberate.len() >= theirs_pass);
}

// -------------------------------------------------------------------------------------------------
// Normalisation

#[derive(Debug)]
enum Token {
    Text(String),
    Tag {
        name: String,
        closing: bool,
        attrs: Vec<(String, Option<String>)>,
    },
    /// Comments, declarations, processing instructions, CDATA: compared as written.
    Other(String),
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "dd",
    "dt",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The HTML in a canonical spelling, so that two writers that mean the same markup compare equal.
fn normalize(html: &str) -> String {
    let tokens = tokenize(html);
    let is_block = |t: Option<&Token>| matches!(t, Some(Token::Tag { name, .. }) if BLOCK_TAGS.contains(&name.as_str()));
    let mut out = String::new();
    let mut pre_depth = 0usize;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Text(text) => {
                let mut text = text.as_str();
                if pre_depth == 0 {
                    if i == 0 || is_block(tokens.get(i.wrapping_sub(1))) {
                        text = text.trim_start();
                    }
                    if is_block(tokens.get(i + 1)) || i + 1 == tokens.len() {
                        text = text.trim_end();
                    }
                }
                escape_canonical(text, &mut out);
            }
            Token::Tag {
                name,
                closing,
                attrs,
            } => {
                if name == "pre" {
                    if *closing {
                        pre_depth = pre_depth.saturating_sub(1);
                    } else {
                        pre_depth += 1;
                    }
                }
                out.push('<');
                if *closing {
                    out.push('/');
                }
                out.push_str(name);
                let mut kept: Vec<(String, Option<String>)> =
                    attrs.iter().filter_map(keep_attr).collect();
                kept.sort();
                for (attr, value) in kept {
                    out.push(' ');
                    out.push_str(&attr);
                    if let Some(value) = value {
                        out.push_str("=\"");
                        escape_canonical(&value, &mut out);
                        out.push('"');
                    }
                }
                out.push('>');
            }
            Token::Other(raw) => out.push_str(raw),
        }
    }
    out
}

/// Drops what the reader adds for its own use; keeps the rest.
fn keep_attr((name, value): &(String, Option<String>)) -> Option<(String, Option<String>)> {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("data-")
        || lower.starts_with("aria-")
        || lower == "rel"
        || lower == "tabindex"
    {
        return None;
    }
    if lower == "id" && value.as_deref().is_some_and(|v| v.starts_with("cr-")) {
        return None;
    }
    if lower == "class" {
        let classes: Vec<&str> = value
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .filter(|c| !c.starts_with("cr-"))
            .collect();
        if classes.is_empty() && value.as_deref().is_some_and(|v| v.contains("cr-")) {
            return None;
        }
        return Some((lower, Some(classes.join(" "))));
    }
    Some((name.clone(), value.clone()))
}

fn escape_canonical(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Decodes the character references HTML writers use for escaping: the five named ones and
/// numeric ones. Others stay as written (both sides carry them the same way).
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A forgiving tokenizer: anything that does not read as a tag is text.
fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < html.len() {
        if bytes[i] == b'<' {
            if let Some((token, len)) = read_markup(&html[i..]) {
                if !text.is_empty() {
                    tokens.push(Token::Text(decode(&std::mem::take(&mut text))));
                }
                tokens.push(token);
                i += len;
                continue;
            }
        }
        let c = html[i..].chars().next().expect("i is a char boundary");
        text.push(c);
        i += c.len_utf8();
    }
    if !text.is_empty() {
        tokens.push(Token::Text(decode(&text)));
    }
    tokens
}

/// Reads a tag, comment or declaration at the start of `s`: the token and its length.
fn read_markup(s: &str) -> Option<(Token, usize)> {
    let closer = |open: &str, close: &str| -> Option<(Token, usize)> {
        let end = s[open.len()..].find(close)? + open.len() + close.len();
        Some((Token::Other(s[..end].to_string()), end))
    };
    if s.starts_with("<!--") {
        return closer("<!--", "-->");
    }
    if s.starts_with("<![CDATA[") {
        return closer("<![CDATA[", "]]>");
    }
    if s.starts_with("<?") {
        return closer("<?", "?>");
    }
    if s.starts_with("<!") {
        return closer("<!", ">");
    }
    let bytes = s.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let mut i = if closing { 2 } else { 1 };
    if !bytes.get(i).is_some_and(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    {
        i += 1;
    }
    let name = s[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                i += 1;
                break;
            }
            b'/' => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !b"=>/".contains(b))
        {
            i += 1;
        }
        if i == attr_start {
            return None;
        }
        let attr = s[attr_start..i].to_string();
        while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            match bytes.get(i)? {
                q @ (b'"' | b'\'') => {
                    let end = s[i + 1..].find(*q as char)? + i + 1;
                    value = Some(decode(&s[i + 1..end]));
                    i = end + 1;
                }
                _ => {
                    let start = i;
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    value = Some(decode(&s[start..i]));
                }
            }
        }
        attrs.push((attr, value));
    }
    Some((
        Token::Tag {
            name,
            closing,
            attrs,
        },
        i,
    ))
}

#[test]
fn normalisation_treats_equivalent_markup_alike() {
    assert_eq!(
        normalize("<p>a &quot;b&quot; &#39;c&#x27;</p>\n<hr />"),
        normalize("<p>a \"b\" 'c'</p><hr>")
    );
    assert_eq!(
        normalize("<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>"),
        normalize("<li>a<ul><li>b</li></ul></li>")
    );
    // Ours-only attributes go; the rest stays, in any order.
    assert_eq!(
        normalize(
            r#"<a href="x" data-citation="c1" rel="noopener noreferrer" aria-describedby="cr-pop-c1" title="t">y</a>"#
        ),
        normalize(r#"<a title="t" href="x">y</a>"#)
    );
    // Whitespace that matters stays.
    assert_ne!(
        normalize("<em>a</em> <em>b</em>"),
        normalize("<em>a</em><em>b</em>")
    );
    assert_ne!(
        normalize("<pre><code>a\n</code></pre>"),
        normalize("<pre><code>a</code></pre>")
    );
    assert_ne!(normalize("<p>a</p>"), normalize("<p>b</p>"));
}
