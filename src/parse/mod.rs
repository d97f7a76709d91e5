//! Text → article model: format detection, then Markdown events or plain-text lines → blocks.

pub(crate) mod citations;
mod detect;
pub(crate) mod front_matter;
mod markdown;
mod text;
mod yaml;

use crate::{Article, Error, FormatOption, ParseOptions};

pub use detect::detect_format;

/// Reads `input` into an article model, without citation analysis. Not inlined, nor are the two
/// readers (see `analyze::analyze`): the browser compiles only the reader an article uses.
#[inline(never)]
pub fn parse_structure(input: &str, options: &ParseOptions) -> Result<Article, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            bytes: input.len(),
            limit: options.max_input_bytes,
        });
    }
    // Front matter is sliced off before anything else reads the text; having one makes it Markdown.
    // Without the `scholar` feature the branches below are constant-false and the readers they
    // call (front matter, YAML, citations, bibliographies) drop out of the build.
    let scholar = cfg!(feature = "scholar");
    let (front, body) = match options.format {
        _ if !scholar => (None, input),
        FormatOption::Text => (None, input),
        _ => front_matter::split(input),
    };
    let format = match options.format {
        // Front matter or a bibliography: the article is scholarly Markdown.
        FormatOption::Auto if scholar && (front.is_some() || options.bibliography.is_some()) => {
            crate::Format::Markdown
        }
        FormatOption::Auto => detect_format(input),
        FormatOption::Text => crate::Format::Text,
        FormatOption::Markdown => crate::Format::Markdown,
    };
    let mut article = match format {
        crate::Format::Markdown if !scholar => {
            let mut article = read_markdown(body, options.smart_punctuation);
            if options.bibliography.is_some() {
                article.warnings.push(
                    "The bibliography was not read: this build has no `scholar` feature."
                        .to_string(),
                );
            }
            article
        }
        crate::Format::Markdown => read_scholarly_markdown(front.as_ref(), body, options)?,
        crate::Format::Text => read_text(input),
    };
    article.format = format;
    if input.trim().is_empty() {
        article.warnings.push("The article is empty.".to_string());
    }
    // Invalid bytes and lone surrogates arrive as U+FFFD (from a lossy decoding); control characters
    // other than whitespace are not text either. Say so once, with a count.
    let unreadable = input
        .chars()
        .filter(|&c| c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()))
        .count();
    if unreadable > 0 {
        article.warnings.push(format!(
            "The article contains {unreadable} unreadable character{} (invalid bytes, lone surrogates or control characters).",
            if unreadable == 1 { "" } else { "s" }
        ));
    }
    Ok(article)
}

#[inline(never)]
fn read_markdown(input: &str, smart_punctuation: bool) -> Article {
    markdown::parse(input, smart_punctuation)
}

/// Markdown with front matter, `[@key]` citations and a bibliography (the `scholar` feature).
#[inline(never)]
fn read_scholarly_markdown(
    front: Option<&front_matter::FrontMatter>,
    body: &str,
    options: &ParseOptions,
) -> Result<Article, Error> {
    let setup = crate::bib::setup(front, options)?;
    let mut article = read_markdown(body, options.smart_punctuation);
    if let Some(front) = front {
        apply_front_matter(&mut article, front);
    }
    citations::apply(&mut article, setup.has_bibliography);
    crate::bib::resolve(&mut article, setup);
    Ok(article)
}

#[inline(never)]
fn read_text(input: &str) -> Article {
    text::parse(input)
}

/// The front matter's title, authors and date fill the article's header, as a news article's do.
fn apply_front_matter(article: &mut Article, front: &front_matter::FrontMatter) {
    if let Some(title) = &front.title {
        article.title = Some(title.clone());
    }
    if !front.authors.is_empty() {
        let names = match front.authors.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        article.byline = Some(names.clone());
        article.byline_line = Some(names);
    }
    if let Some(date) = &front.date {
        article.timestamp = Some(date.clone());
    }
    article.warnings.extend(front.warnings.iter().cloned());
}
