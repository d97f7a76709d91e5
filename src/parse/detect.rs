//! Format detection: does this text read as Markdown or as plain text?

use crate::Format;

/// Guesses the format of `input`: Markdown when it shows Markdown syntax (headings, lists, links,
/// emphasis, fences, footnotes, front matter) on enough lines, plain text otherwise.
pub fn detect_format(input: &str) -> Format {
    let mut score = 0usize;
    let mut lines = 0usize;
    for line in input.lines().take(2000) {
        let t = line.trim_start();
        if t.is_empty() {
            continue;
        }
        lines += 1;
        let strong_block = t.starts_with("# ")
            || t.starts_with("## ")
            || t.starts_with("### ")
            || t.starts_with("```")
            || t.starts_with("~~~")
            || t.starts_with("[^")
            // An abbreviation definition (PHP Markdown Extra): `*[HTML]: Hyper Text ...`.
            || (t.starts_with("*[") && t.contains("]:"))
            || (t.starts_with('|') && t.ends_with('|') && t.len() > 2)
            || t == "---";
        let list = t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ");
        let inline = t.contains("](") || t.contains("[^") || t.contains("**") || t.contains("`");
        if strong_block {
            score += 3;
        } else if list || inline || t.starts_with("> ") {
            score += 1;
        }
    }
    if lines > 0 && score * 4 >= lines.max(2) {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_with_headings_and_links_is_markdown() {
        let md = "# Title\n\nSome text with a [link](https://example.com).\n\n- one\n- two\n";
        assert_eq!(detect_format(md), Format::Markdown);
    }

    #[test]
    fn news_text_is_text() {
        let txt = "Home |\n\nA Title Line\n\nLONDON—The minister said on Monday that talks had failed.\n\n\"We tried,\" she said.\n";
        assert_eq!(detect_format(txt), Format::Text);
    }
}
