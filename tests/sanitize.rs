//! `rawHtml: "sanitize"` through the public API: formatting written in raw HTML survives, nothing
//! else does, and the page stays well formed. Runs every vector of ../shared/suites/xss as a raw
//! HTML block, inline HTML and a footnote body (skipped with a notice when ../shared is absent).

use cite_reader::{render, FormatOption, Options, ParseOptions, RawHtml, RenderOptions};

fn options(raw_html: RawHtml) -> Options {
    Options {
        parse: ParseOptions {
            format: FormatOption::Markdown,
            ..ParseOptions::default()
        },
        render: RenderOptions {
            raw_html,
            sources_panel: false,
            ..RenderOptions::default()
        },
        ..Options::default()
    }
}

fn sanitized(markdown: &str) -> String {
    render(markdown, &options(RawHtml::Sanitize)).unwrap()
}

/// A start or end tag of our (well-formed, double-quoted) output.
struct Tag {
    name: String,
    end: bool,
    attrs: Vec<(String, String)>,
}

/// Reads the tags of HTML this crate wrote: `<name a="v">`, `</name>`; text has no raw `<`.
fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        let gt = rest.find('>').expect("every tag is closed");
        let inside = &rest[..gt];
        rest = &rest[gt + 1..];
        if inside.starts_with('!') {
            continue; // the standalone page's doctype
        }
        let (end, inside) = match inside.strip_prefix('/') {
            Some(name) => (true, name),
            None => (false, inside),
        };
        let name_len = inside.find(' ').unwrap_or(inside.len());
        let mut attrs = Vec::new();
        let mut a = &inside[name_len..];
        while let Some(eq) = a.find("=\"") {
            let name = a[..eq].trim().to_string();
            let value_end = a[eq + 2..].find('"').expect("quoted value") + eq + 2;
            attrs.push((name, a[eq + 2..value_end].to_string()));
            a = &a[value_end + 1..];
        }
        assert!(
            a.trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' '),
            "stray text in a tag: {inside:?}"
        );
        out.push(Tag {
            name: inside[..name_len].to_string(),
            end,
            attrs,
        });
    }
    out
}

const VOID: &[&str] = &["br", "hr", "img", "input", "meta", "link"];

/// Why `html` is unsafe or unbalanced, if it is.
fn problem(html: &str) -> Option<String> {
    let mut open: Vec<String> = Vec::new();
    for tag in tags(html) {
        if [
            "script", "style", "iframe", "object", "embed", "base", "form", "meta", "link", "svg",
            "math", "textarea", "title",
        ]
        .contains(&tag.name.as_str())
        {
            return Some(format!("<{}> in {html}", tag.name));
        }
        for (name, value) in &tag.attrs {
            if name.starts_with("on") || name == "style" || name == "srcdoc" {
                return Some(format!("{name}= in {html}"));
            }
            let lower = value.to_ascii_lowercase();
            if (name == "href" || name == "src")
                && ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| lower.trim_start().starts_with(s))
            {
                return Some(format!("{name}={value} in {html}"));
            }
        }
        if tag.end {
            if open.pop().as_deref() != Some(tag.name.as_str()) {
                return Some(format!("unbalanced </{}> in {html}", tag.name));
            }
        } else if !VOID.contains(&tag.name.as_str()) {
            open.push(tag.name);
        }
    }
    (!open.is_empty()).then(|| format!("left open: {open:?} in {html}"))
}

#[test]
fn formatting_survives_and_links_are_safe() {
    let html = sanitized(
        "Text with <b>bold</b>, <em>stress</em>, H<sub>2</sub>O and <abbr title=\"World Health \
         Organization\" class=\"x\">WHO</abbr>.\n\n<table><tr><td onclick=\"x()\">cell</td></tr>\
         </table>\n\nA <a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_top\">link</a>.\n",
    );
    assert!(html.contains("<b>bold</b>"), "{html}");
    assert!(html.contains("<em>stress</em>"), "{html}");
    assert!(html.contains("H<sub>2</sub>O"), "{html}");
    assert!(
        html.contains("<abbr title=\"World Health Organization\">WHO</abbr>"),
        "{html}"
    );
    assert!(
        html.contains("<table><tr><td>cell</td></tr></table>"),
        "{html}"
    );
    assert!(
        html.contains(
            "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">link</a>"
        ),
        "{html}"
    );
    assert_eq!(problem(&html), None);
}

#[test]
fn raw_html_cannot_close_the_readers_elements() {
    let html = sanitized("Para </p></div></div> <i>open\n\n<div>\n\n</div></div>\n");
    assert_eq!(problem(&html), None);
    assert!(html.contains("<i>open</i></p>"), "{html}");
}

#[test]
fn the_three_modes_differ_as_documented() {
    let text = "Say <b>hi</b> <script>alert(1)</script>\n";
    let escaped = render(text, &options(RawHtml::Escape)).unwrap();
    assert!(escaped.contains("&lt;b&gt;hi&lt;/b&gt;"), "{escaped}");
    let clean = render(text, &options(RawHtml::Sanitize)).unwrap();
    assert!(
        clean.contains("<b>hi</b>") && !clean.contains("alert"),
        "{clean}"
    );
    let trusted = render(text, &options(RawHtml::Trusted)).unwrap();
    assert!(trusted.contains("<script>alert(1)</script>"), "{trusted}");
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Pieces of HTML and Markdown soup: allowed and dropped tags, broken attributes, comments,
/// references, emphasis and link syntax, line breaks.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "<b>", "</b>", "<i>", "</i>", "<div>", "</div>", "<p>", "</p>", "<ul><li>", "</li>", "</ul>",
    "<a href=\"", "javascript:alert(1)", "https://example.org/", "\">", "</a>", "<img src=x ",
    "onerror=alert(1)", ">", "<", "/>", "<script>", "</script>", "<style>", "</style>", "<svg>",
    "</svg>", "<!--", "-->", "<!DOCTYPE html>", "<?x ?>", "&amp;", "&", "&#60;", "&#x3C", "'",
    "\"", "=", " ", "text", "*", "**", "_", "[", "](", ")", "`", "\n", "\n\n", "> ", "- ",
    "<table><tr><td>", "</td></tr></table>", "<abbr title='", "<pre>", "</pre>", "<textarea>",
    "</textarea>", "<SCRIPT SRC=x>", "</scrip", "<iframe src=x>", "<form action=x>", "é", "\u{0}",
];

#[test]
fn random_html_soup_comes_out_safe_and_balanced() {
    let mut rng = Rng(0x5a17_12e0);
    for case in 0..1500 {
        let mut text = String::new();
        for _ in 0..1 + rng.below(40) {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let html = sanitized(&text);
        if let Some(problem) = problem(&html) {
            panic!("case {case}: {problem}\ninput: {text:?}");
        }
    }
}

#[test]
fn every_xss_vector_comes_out_safe_and_balanced() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/suites/xss");
    let files = ["h5sc-vectors.json", "dompurify-payloads.json"];
    if !std::path::Path::new(dir).join(files[0]).exists() {
        println!("sanitize: skipped the XSS vectors: {dir} is absent");
        return;
    }
    let mut tried = 0;
    let mut failed = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let vectors: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        for vector in vectors {
            let payload = vector["payload"].as_str().unwrap();
            let payload = payload.replace("%js_uri_alert%", "javascript:alert(1)");
            let one_line = payload.replace(['\r', '\n'], " ");
            for article in [
                format!("Before.\n\n{payload}\n\nAfter.\n"),
                format!("Before {one_line} after.\n"),
                format!("A note.[^x]\n\n[^x]: {one_line}\n"),
            ] {
                tried += 1;
                if let Some(problem) = problem(&sanitized(&article)) {
                    failed.push(problem);
                }
            }
        }
    }
    println!(
        "sanitize: {tried} XSS placements tried, {} failed",
        failed.len()
    );
    assert_eq!(tried, 372 * 3);
    assert!(failed.is_empty(), "{}", failed.join("\n\n"));
}
