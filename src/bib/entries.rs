//! Bibliography input → raw entries: CSL-JSON (an array of items, or an object holding one), CSL YAML
//! items from front matter, and BibTeX/BibLaTeX text.

use super::bibtex;
use serde_json::Value;
use std::collections::BTreeMap;

/// An entry as the core reads it: enough for a popup before any style has formatted it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawEntry {
    pub key: String,
    /// `type`, `author`, `title`, `year`, `container`, `publisher`, `volume`, `page`, `doi`, `url`.
    pub fields: BTreeMap<String, String>,
    /// Family names of the authors (or editors), for short citations.
    pub families: Vec<String>,
}

/// A parsed bibliography text: its entries, and the engine's input it becomes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub entries: Vec<RawEntry>,
    pub csl_json: Vec<Value>,
    pub bibtex: String,
}

/// Reads a bibliography given as text. The error is one sentence naming the format and the line.
pub fn parse_text(text: &str) -> Result<Parsed, String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            format!(
                "The bibliography could not be read (CSL-JSON, line {}: {e})",
                e.line()
            )
        })?;
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut map) => match map
                .remove("references")
                .or_else(|| map.remove("items"))
            {
                Some(Value::Array(items)) => items,
                _ if map.contains_key("id") => vec![Value::Object(map)],
                _ => {
                    return Err(
                        "The bibliography could not be read (CSL-JSON, line 1: expected a list of entries)"
                            .to_string(),
                    )
                }
            },
            _ => {
                return Err(
                    "The bibliography could not be read (CSL-JSON, line 1: expected a list of entries)"
                        .to_string(),
                )
            }
        };
        return Ok(from_csl(items));
    }
    let entries = bibtex::parse(text).map_err(|e| {
        format!(
            "The bibliography could not be read (BibTeX, line {}: {})",
            e.line, e.message
        )
    })?;
    if entries.is_empty() && !text.trim().is_empty() {
        return Err(
            "The bibliography could not be read (line 1: neither CSL-JSON nor BibTeX entries)"
                .to_string(),
        );
    }
    Ok(Parsed {
        entries: entries.iter().map(from_bibtex).collect(),
        csl_json: Vec::new(),
        bibtex: text.to_string(),
    })
}

/// CSL-JSON or CSL YAML items.
pub fn from_csl(items: Vec<Value>) -> Parsed {
    let entries = items.iter().filter_map(csl_entry).collect();
    Parsed {
        entries,
        csl_json: items,
        bibtex: String::new(),
    }
}

fn csl_entry(item: &Value) -> Option<RawEntry> {
    let key = match item.get("id")? {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let mut fields = BTreeMap::new();
    let text = |name: &str| match item.get(name) {
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut put = |field: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            fields.insert(field.to_string(), v);
        }
    };
    put("type", text("type"));
    put("title", text("title"));
    put("container", text("container-title"));
    put("publisher", text("publisher"));
    put("volume", text("volume"));
    put("page", text("page"));
    put("doi", text("DOI").or_else(|| text("doi")));
    put("url", text("URL").or_else(|| text("url")));
    put("year", item.get("issued").and_then(csl_year));
    let names = item
        .get("author")
        .or_else(|| item.get("editor"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut families = Vec::new();
    let mut full = Vec::new();
    for name in &names {
        let family = name.get("family").and_then(Value::as_str);
        let given = name.get("given").and_then(Value::as_str);
        let literal = name.get("literal").and_then(Value::as_str);
        match (family, given, literal) {
            (Some(f), Some(g), _) => {
                families.push(f.to_string());
                full.push(format!("{f}, {g}"));
            }
            (Some(f), None, _) => {
                families.push(f.to_string());
                full.push(f.to_string());
            }
            (None, _, Some(l)) => {
                families.push(l.to_string());
                full.push(l.to_string());
            }
            _ => {}
        }
    }
    put("author", Some(full.join("; ")));
    Some(RawEntry {
        key,
        fields,
        families,
    })
}

/// The year of a CSL date: `{"date-parts": [[1999, 3]]}`, `{"raw": "1999"}`, `"1999-03-01"`, 1999.
fn csl_year(date: &Value) -> Option<String> {
    match date {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => year_in(s),
        Value::Object(map) => {
            if let Some(first) = map
                .get("date-parts")
                .and_then(|p| p.get(0))
                .and_then(|p| p.get(0))
            {
                return match first {
                    Value::Number(n) => Some(n.to_string()),
                    Value::String(s) => year_in(s),
                    _ => None,
                };
            }
            ["raw", "literal"]
                .iter()
                .find_map(|k| map.get(*k).and_then(Value::as_str).and_then(year_in))
        }
        _ => None,
    }
}

/// The first run of four digits.
fn year_in(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3))
        .find(|&i| bytes[i..i + 4].iter().all(u8::is_ascii_digit))
        .map(|i| text[i..i + 4].to_string())
}

fn from_bibtex(entry: &bibtex::BibEntry) -> RawEntry {
    let f = &entry.fields;
    let get = |names: &[&str]| names.iter().find_map(|n| f.get(*n).cloned());
    let mut fields = BTreeMap::new();
    fields.insert("type".to_string(), entry.kind.clone());
    let mut put = |field: &str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            fields.insert(field.to_string(), v);
        }
    };
    put("title", get(&["title"]));
    put(
        "container",
        get(&["journaltitle", "journal", "booktitle", "series"]),
    );
    put("publisher", get(&["publisher", "institution", "school"]));
    put("volume", get(&["volume"]));
    put("page", get(&["pages"]));
    put("doi", get(&["doi"]));
    put("url", get(&["url"]));
    put(
        "year",
        get(&["year"]).or_else(|| get(&["date"]).and_then(|d| year_in(&d))),
    );
    let names = get(&["author", "editor"]).unwrap_or_default();
    let mut families = Vec::new();
    let mut full = Vec::new();
    for name in names
        .split(" and ")
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let family = match name.split_once(',') {
            Some((family, _)) => family.trim().to_string(),
            None => name.rsplit(' ').next().unwrap_or(name).trim().to_string(),
        };
        families.push(family);
        full.push(name.to_string());
    }
    put("author", Some(full.join("; ")));
    RawEntry {
        key: entry.key.clone(),
        fields,
        families,
    }
}

impl RawEntry {
    /// "Doe", "Doe and Roe", "Doe et al.", or the title when no one is named.
    pub fn short_author(&self) -> String {
        match self.families.as_slice() {
            [] => self
                .fields
                .get("title")
                .cloned()
                .unwrap_or_else(|| self.key.clone()),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [a, ..] => format!("{a} et al."),
        }
    }

    pub fn year(&self) -> String {
        self.fields
            .get("year")
            .cloned()
            .unwrap_or_else(|| "n.d.".to_string())
    }

    /// The raw entry in one line: "Doe, Jane; Roe, Ann (1999). Title. Container. DOI".
    pub fn raw_line(&self) -> String {
        let mut out = String::new();
        if let Some(author) = self.fields.get("author") {
            out.push_str(author);
            out.push(' ');
        }
        out.push_str(&format!("({}).", self.year()));
        for field in ["title", "container", "publisher"] {
            if let Some(v) = self.fields.get(field) {
                out.push(' ');
                out.push_str(v.trim_end_matches('.'));
                out.push('.');
            }
        }
        if let Some(doi) = self.fields.get("doi") {
            out.push_str(&format!(
                " https://doi.org/{}",
                doi.trim_start_matches("https://doi.org/")
            ));
        } else if let Some(url) = self.fields.get("url") {
            out.push(' ');
            out.push_str(url);
        }
        out.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csl_json_entries() {
        let text = r#"[{"id": "doe99", "type": "book", "title": "Things",
            "author": [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Ann"}],
            "issued": {"date-parts": [[1999, 3]]}, "DOI": "10.1/x"}]"#;
        let parsed = parse_text(text).unwrap();
        let e = &parsed.entries[0];
        assert_eq!(e.key, "doe99");
        assert_eq!(e.short_author(), "Doe and Roe");
        assert_eq!(e.year(), "1999");
        assert_eq!(
            e.raw_line(),
            "Doe, Jane; Roe, Ann (1999). Things. https://doi.org/10.1/x"
        );
        assert_eq!(parsed.csl_json.len(), 1);
    }

    #[test]
    fn bibtex_entries() {
        let parsed =
            parse_text("@book{k, author = {Jane Doe and Roe, Ann and Li, Bo}, date = {2001-02}}")
                .unwrap();
        assert_eq!(parsed.entries[0].short_author(), "Doe et al.");
        assert_eq!(parsed.entries[0].year(), "2001");
        assert!(parsed.bibtex.starts_with("@book"));
    }

    #[test]
    fn bad_bibliographies_name_the_line() {
        let e = parse_text("[\n{\"id\": \"a\",\n\"title\": }\n]").unwrap_err();
        assert!(e.contains("CSL-JSON, line 3"), "{e}");
        let e = parse_text("@book{a,\n title = {x}\n year = 1999}").unwrap_err();
        assert!(e.contains("BibTeX, line 3"), "{e}");
        assert!(parse_text("just words").is_err());
    }
}
