//! Markdown (pulldown-cmark events) → article model.

use crate::Article;

/// Reads Markdown into blocks, footnotes and link/footnote citations.
pub(crate) fn parse(input: &str) -> Article {
    // Placeholder until the Markdown reader lands: one paragraph per blank-line-separated chunk.
    Article {
        blocks: input
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| crate::Block::paragraph(p.trim()))
            .collect(),
        ..Article::default()
    }
}
