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
    trusted: bool,
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
    options.render.raw_html = if input.trusted {
        RawHtml::Trusted
    } else {
        RawHtml::Escape
    };
    options.render.sources_panel = input.sources_panel;
    options.render.standalone = input.standalone;
    let Ok(article) = parse(&input.text, &options) else {
        assert!(input.text.len() > options.parse.max_input_bytes);
        return;
    };
    let html = to_html(&article, &options.render);
    if !input.trusted {
        assert!(!html.contains("<script"), "markup passed through: {html}");
    }
    let json = serde_json::to_string(&article).expect("the model serializes");
    assert!(json.starts_with('{'));
});
