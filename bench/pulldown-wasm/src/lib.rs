//! pulldown-cmark's own `push_html`, compiled to wasm for the browser benchmark.
//!
//! cite-reader reads Markdown with pulldown-cmark and writes HTML with its own writer after building
//! a model and analyzing it; this crate does only the first and last step with pulldown-cmark's
//! writer, so it is the ceiling for that design. The extensions match the ones cite-reader's Markdown
//! format documents: footnotes, tables, strikethrough, task lists and smart punctuation.
#![forbid(unsafe_code)]

use pulldown_cmark::{html, Options, Parser};
use wasm_bindgen::prelude::wasm_bindgen;

/// The extensions cite-reader enables.
fn options() -> Options {
    Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders Markdown to HTML with pulldown-cmark's `push_html`.
#[wasm_bindgen(js_name = pushHtml)]
pub fn push_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options()));
    out
}

/// Renders Markdown to HTML with no extension: plain CommonMark.
#[wasm_bindgen(js_name = pushHtmlCommonmark)]
pub fn push_html_commonmark(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 2);
    html::push_html(&mut out, Parser::new(markdown));
    out
}
