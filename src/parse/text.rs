//! Plain-text news lines → article model: boilerplate, title, byline, dateline, paragraphs.

use crate::Article;

/// Reads a plain-text article.
pub(crate) fn parse(input: &str) -> Article {
    // Placeholder until the news reader lands: one paragraph per non-empty line.
    Article {
        blocks: input
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| crate::Block::paragraph(l.trim()))
            .collect(),
        ..Article::default()
    }
}
