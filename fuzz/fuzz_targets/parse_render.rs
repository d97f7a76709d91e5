//! Arbitrary text and options through parse, render and JSON serialization: no panic, no hang, no
//! stack overflow, and no markup from the article when raw HTML is escaped.
#![no_main]

use arbitrary::Arbitrary;
use cite_reader::{parse, to_html, FormatOption, Options, RawHtml};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    format: u8,
    quotes: bool,
    abbreviations: bool,
    /// 0: escape, 1: sanitize, 2 and up: trusted.
    raw_html: u8,
    sources_panel: bool,
    standalone: bool,
    /// Exercise the input-size limit too.
    max_input_bytes: Option<u16>,
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
    options.analyze.quotes = input.quotes;
    options.analyze.abbreviations = input.abbreviations;
    options.render.raw_html = match input.raw_html {
        0 => RawHtml::Escape,
        1 => RawHtml::Sanitize,
        _ => RawHtml::Trusted,
    };
    let trusted = options.render.raw_html == RawHtml::Trusted;
    options.render.sources_panel = input.sources_panel;
    options.render.standalone = input.standalone;
    let Ok(article) = parse(&input.text, &options) else {
        assert!(input.text.len() > options.parse.max_input_bytes);
        return;
    };
    let html = to_html(&article, &options.render);
    if !trusted {
        assert!(!html.contains("<script"), "markup passed through: {html}");
        assert!(!html.contains("href=\"javascript"), "script URL: {html}");
    }
    let json = serde_json::to_string(&article).expect("the model serializes");
    assert!(json.starts_with('{'));
});
