//! Text → article model: format detection, then Markdown events or plain-text lines → blocks.

mod detect;
mod markdown;
mod text;

use crate::{Article, Error, FormatOption, ParseOptions};

pub use detect::detect_format;

/// Reads `input` into an article model, without citation analysis.
pub fn parse_structure(input: &str, options: &ParseOptions) -> Result<Article, Error> {
    if input.len() > options.max_input_bytes {
        return Err(Error::InputTooLarge {
            bytes: input.len(),
            limit: options.max_input_bytes,
        });
    }
    let format = match options.format {
        FormatOption::Auto => detect_format(input),
        FormatOption::Text => crate::Format::Text,
        FormatOption::Markdown => crate::Format::Markdown,
    };
    let mut article = match format {
        crate::Format::Markdown => markdown::parse(input, options.smart_punctuation),
        crate::Format::Text => text::parse(input),
    };
    article.format = format;
    if input.trim().is_empty() {
        article.warnings.push("The article is empty.".to_string());
    }
    Ok(article)
}
