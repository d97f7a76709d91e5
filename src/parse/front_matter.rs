//! YAML front matter (`---` … `---` at the top of a Markdown article), sliced off before the Markdown
//! reader sees the text. Reads Pandoc's keys: `title`, `author`, `date`, `bibliography`,
//! `references`, `csl` / `citation-style`, `link-citations`.

use super::yaml;
use serde_json::Value;

/// What the front matter says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// Author names, in order.
    pub authors: Vec<String>,
    pub date: Option<String>,
    /// `bibliography:` file names (the core reads no files: they are reported, not loaded).
    pub bibliography_files: Vec<String>,
    /// Inline `references:` (CSL YAML items).
    pub references: Option<Vec<Value>>,
    /// `csl:` or `citation-style:`, the style's name.
    pub style: Option<String>,
    pub link_citations: Option<bool>,
    /// Problems, with the line of the article they are on.
    pub warnings: Vec<String>,
}

/// Splits `input` into its front matter (when it starts with one) and the body after it.
pub fn split(input: &str) -> (Option<FrontMatter>, &str) {
    let text = input.strip_prefix('\u{feff}').unwrap_or(input);
    let Some(after_open) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, input);
    };
    // As in Pandoc, a blank line right after the opening `---` means it is a thematic break.
    if after_open.starts_with('\n') || after_open.starts_with("\r\n") {
        return (None, input);
    }
    // The closing `---` or `...` on a line of its own.
    let mut offset = 0;
    let mut close = None;
    for line in after_open.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = close else {
        return (None, input);
    };
    let yaml_text = &after_open[..yaml_end];
    // A thematic break followed by a paragraph is not front matter: the block must read as a
    // mapping (or be empty).
    let front = match yaml::parse(yaml_text) {
        Ok(Value::Object(map)) => read(&map),
        // Two thematic breaks, or a break, a paragraph and a setext underline, are not front matter.
        Ok(_) => return (None, input),
        Err(e) => {
            if !looks_like_yaml(yaml_text) {
                return (None, input);
            }
            FrontMatter {
                warnings: vec![format!(
                    "The front matter could not be read (line {}: {}); it was left out.",
                    e.line + 1,
                    e.message
                )],
                ..FrontMatter::default()
            }
        }
    };
    (Some(front), &after_open[body_start..])
}

/// The first line of a YAML block is `key:` something.
fn looks_like_yaml(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .is_some_and(|l| {
            let l = l.trim();
            l.split_once(':')
                .is_some_and(|(k, _)| !k.is_empty() && !k.contains(' '))
        })
}

fn read(map: &serde_json::Map<String, Value>) -> FrontMatter {
    let mut front = FrontMatter::default();
    for (key, value) in map {
        match key.as_str() {
            "title" => front.title = text(value),
            "author" | "authors" => front.authors = names(value),
            "date" => front.date = text(value),
            "bibliography" => front.bibliography_files = strings(value),
            "references" => match value {
                Value::Array(items) => front.references = Some(items.clone()),
                _ => front
                    .warnings
                    .push("Front matter `references` must be a list of entries.".to_string()),
            },
            "csl" | "citation-style" => front.style = text(value),
            "link-citations" => front.link_citations = value.as_bool(),
            _ => {}
        }
    }
    front
}

fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other).into_iter().collect(),
    }
}

/// Author names: a string, a list of strings, or maps with `name` (Quarto) or `family`/`given`
/// (CSL).
fn names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().flat_map(names).collect(),
        Value::Object(map) => {
            if let Some(name) = map.get("name").and_then(|n| match n {
                Value::Object(_) => names(n).into_iter().next(),
                other => text(other),
            }) {
                return vec![name];
            }
            let given = map.get("given").and_then(text);
            let family = map.get("family").and_then(text);
            match (given, family) {
                (Some(g), Some(f)) => vec![format!("{g} {f}")],
                (None, Some(n)) | (Some(n), None) => vec![n],
                (None, None) => Vec::new(),
            }
        }
        other => text(other).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_keys_and_slices_the_body() {
        let input = "---\ntitle: On Things\nauthor:\n  - Jane Doe\n  - name: Ann Roe\ndate: 2024-03-01\ncsl: ieee\nlink-citations: true\nbibliography: refs.bib\n---\n\n# Body\n";
        let (front, body) = split(input);
        let front = front.unwrap();
        assert_eq!(front.title.as_deref(), Some("On Things"));
        assert_eq!(front.authors, vec!["Jane Doe", "Ann Roe"]);
        assert_eq!(front.date.as_deref(), Some("2024-03-01"));
        assert_eq!(front.style.as_deref(), Some("ieee"));
        assert_eq!(front.link_citations, Some(true));
        assert_eq!(front.bibliography_files, vec!["refs.bib"]);
        assert_eq!(body, "\n# Body\n");
    }

    #[test]
    fn no_front_matter() {
        let input = "---\n\nA paragraph after a rule.\n";
        assert_eq!(split(input), (None, input));
        assert_eq!(split("# Title\n").0, None);
        let input = "---\nJust some words here\n---\n";
        assert_eq!(split(input).0, None);
        let input = "---\n---\nText.\n";
        assert_eq!(split(input), (None, input));
    }

    #[test]
    fn a_broken_front_matter_warns_with_the_line() {
        let (front, body) = split("---\ntitle: ok\nauthor: \"open\n---\nBody\n");
        let front = front.unwrap();
        assert!(front.warnings[0].contains("line 3"), "{:?}", front.warnings);
        assert_eq!(body, "Body\n");
    }
}
