//! # cite-reader
//!
//! Parses an article (plain-text news as copied out of a web page, or Markdown) into a model in which
//! every citation is anchored to its span and knows its source, and renders it as HTML whose
//! citations open popups: who said a quote and who they are, what an acronym stands for, what a
//! footnote says, where a link goes.
//!
//! text → [`parse`] (format detection, then Markdown events or plain-text lines → [`Article`]) →
//! analysis (quotes, speakers, sources, abbreviations → [`Citation`]s) → [`render`] (HTML, everything
//! escaped). In the browser, the wasm build's `mount` wires the popups.
//!
//! ```
//! use cite_reader::{parse, render, Options};
//!
//! let text = "# Notes\n\nAn essay with a footnote.[^1]\n\n[^1]: The note.\n";
//! let article = parse(text, &Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Notes"));
//! assert_eq!(article.blocks.len(), 1);
//! assert_eq!(article.footnotes.len(), 1);
//! let html = render(text, &Options::default()).unwrap();
//! assert!(html.contains("data-citation"));
//! ```
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![cfg_attr(target_arch = "wasm32", deny(unsafe_code))]

mod analyze;
pub mod bib;
mod error;
pub mod model;
mod options;
mod parse;
mod render;
#[cfg(target_arch = "wasm32")]
#[allow(unsafe_code)] // wasm-bindgen's generated glue; the core stays free of unsafe code.
#[doc(hidden)] // Public only so tests/wasm.rs can call the JS API's functions; JS is its interface.
pub mod wasm;

pub use analyze::{units, Unit, UnitKind};
pub use error::Error;
pub use model::{
    Abbreviation, Align, Article, BibliographyInput, Block, BlockContent, Citation, CitationKind,
    CitedWork, Footnote, Format, Inline, ListItem, Locator, Reference, ReferenceCluster, Source,
    SourceKind,
};
pub use options::{
    options_from_entries, options_from_json, AnalyzeOptions, BibliographyFile, FormatOption,
    MountOptions, OptionValue, Options, ParseOptions, RawHtml, RenderOptions, OPTION_NAMES,
};
pub use parse::detect_format;
pub use render::{body_html, to_html};

/// Parses and analyzes `text` into the article model.
pub fn parse(text: &str, options: &Options) -> Result<Article, Error> {
    let mut article = parse::parse_structure(text, &options.parse)?;
    analyze::analyze(&mut article, &options.analyze);
    if cfg!(feature = "scholar") {
        add_bibliography_sources(&mut article);
    }
    Ok(article)
}

/// The bibliography file names the article's front matter gives (`bibliography: refs.bib`), without
/// parsing the rest: what a shell reads and passes back as [`ParseOptions::bibliography_files`].
pub fn bibliography_files(text: &str) -> Vec<String> {
    parse::front_matter::split(text)
        .0
        .map(|front| front.bibliography_files)
        .unwrap_or_default()
}

/// Not inlined into `parse`: see `analyze::analyze`.
#[inline(never)]
fn add_bibliography_sources(article: &mut Article) {
    bib::add_sources(article);
}

/// Parses, analyzes and renders `text` as HTML.
pub fn render(text: &str, options: &Options) -> Result<String, Error> {
    let article = parse(text, options)?;
    Ok(to_html(&article, &options.render))
}
