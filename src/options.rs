//! Options: plain structs with `Default`. Every default is written on its field.

use crate::Error;

/// All options, grouped by pipeline stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// How text becomes a model.
    pub parse: ParseOptions,
    /// What the analysis looks for.
    pub analyze: AnalyzeOptions,
    /// How the model becomes HTML.
    pub render: RenderOptions,
}

/// Which format to read the input as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormatOption {
    /// Detect it from the text (default).
    #[default]
    Auto,
    /// Plain text as copied out of a web page.
    Text,
    /// Markdown.
    Markdown,
}

impl FormatOption {
    /// Reads "auto", "text" or "markdown" (also "md", "plain").
    pub fn from_name(name: &str) -> Option<FormatOption> {
        match name.to_ascii_lowercase().as_str() {
            "auto" => Some(FormatOption::Auto),
            "text" | "plain" | "txt" => Some(FormatOption::Text),
            "markdown" | "md" => Some(FormatOption::Markdown),
            _ => None,
        }
    }
}

/// Options for reading the input.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseOptions {
    /// The input format. Default: [`FormatOption::Auto`].
    pub format: FormatOption,
    /// The largest input accepted, in bytes; larger input is an error. Default: 8 MiB.
    pub max_input_bytes: usize,
    /// The bibliography that Markdown `[@key]` citations cite: CSL-JSON or BibTeX/BibLaTeX text
    /// (front matter `references:` adds to it). Default: `None`.
    pub bibliography: Option<String>,
    /// Bibliography files a shell has read for the article (the names its front matter's
    /// `bibliography:` gives, or the CLI's `--bibliography`): each file's name and its text, or why
    /// it could not be read (a warning naming it). The core reads no files: a name the front matter
    /// gives that is missing here gets a warning too. Default: empty.
    pub bibliography_files: Vec<BibliographyFile>,
    /// The citation style: "apa" (author-date), "ieee" (numeric) or "chicago-notes" (notes);
    /// overrides the front matter's `csl`. Default: `None` (the front matter's, else "apa").
    pub citation_style: Option<String>,
    /// Markdown only: turn straight quotes into curly ones, `--` and `---` into dashes and `...` into
    /// an ellipsis, as a typeset article would show them. Default: `true`. (The CommonMark
    /// conformance suite runs with it off, since the specification's examples expect the characters
    /// as typed.)
    pub smart_punctuation: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            format: FormatOption::Auto,
            max_input_bytes: 8 * 1024 * 1024,
            bibliography: None,
            bibliography_files: Vec::new(),
            citation_style: None,
            smart_punctuation: true,
        }
    }
}

/// A bibliography file as a shell read it (see [`ParseOptions::bibliography_files`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BibliographyFile {
    /// The name as the front matter (or the command line) gives it: `refs.bib`.
    pub name: String,
    /// The file's text (CSL-JSON or BibTeX/BibLaTeX), or why it could not be read ("not found").
    pub text: Result<String, String>,
}

/// Options for the citation analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct AnalyzeOptions {
    /// Find quotations, attributions, speakers and sources. Default: `true`.
    pub quotes: bool,
    /// Find abbreviations defined in the text and mark their later uses. Default: `true`.
    pub abbreviations: bool,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions {
            quotes: true,
            abbreviations: true,
        }
    }
}

/// What to do with raw HTML written in Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RawHtml {
    /// Show it as text (default): nothing in the article becomes markup.
    #[default]
    Escape,
    /// Keep an allowlist of harmless formatting elements and attributes (links and images through
    /// the URL policy), drop everything else (scripts, styles, frames, forms, comments and event
    /// handlers with their content), and write the result anew, balanced.
    Sanitize,
    /// Pass it through unchanged. Unsafe with untrusted articles; for trusted input and conformance
    /// tests only.
    Trusted,
}

/// Options for writing HTML.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderOptions {
    /// Raw HTML policy. Default: [`RawHtml::Escape`].
    pub raw_html: RawHtml,
    /// Prefix of every id the renderer writes, so article content cannot clobber page ids or globals.
    /// Default: `"cr-"`.
    pub id_prefix: String,
    /// Write the "Sources in this article" panel. Default: `true`.
    pub sources_panel: bool,
    /// Write a whole HTML page with the reader's CSS inlined instead of a fragment (native builds;
    /// the wasm build always writes a fragment and does not carry the CSS). Default: `false`.
    pub standalone: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            raw_html: RawHtml::Escape,
            id_prefix: "cr-".to_string(),
            sources_panel: true,
            standalone: false,
        }
    }
}

/// Options of the interactive reader that `mount` wires in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MountOptions {
    /// Delay before a popup opens on hover, in milliseconds. Default: 150.
    pub hover_delay_ms: u32,
    /// Grace delay before a popup closes once the pointer has left marker and popup, in
    /// milliseconds. Default: 300.
    pub close_delay_ms: u32,
    /// Allow several popups open at once. Default: `false` (opening one closes the others).
    pub allow_multiple: bool,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            hover_delay_ms: 150,
            close_delay_ms: 300,
            allow_multiple: false,
        }
    }
}

/// Reads the flat, camelCase options object of the JS API and the CLI's `--options` (for example
/// `{"format": "markdown", "rawHtml": "escape", "hoverDelay": 200}`). Unknown keys and values of the
/// wrong type are errors that name the option and say why.
pub fn options_from_json(value: &serde_json::Value) -> Result<(Options, MountOptions), Error> {
    let map = match value {
        serde_json::Value::Null => return options_from_entries(Vec::new()),
        serde_json::Value::Object(map) => map,
        _ => return Err(invalid("options", "must be an object")),
    };
    options_from_entries(map.iter().map(|(key, value)| {
        let value = match value {
            serde_json::Value::Null => OptionValue::Null,
            serde_json::Value::Bool(b) => OptionValue::Bool(*b),
            serde_json::Value::Number(n) => match n.as_u64() {
                Some(n) => OptionValue::Whole(n),
                None => OptionValue::Number(n.as_f64().unwrap_or(f64::NAN)),
            },
            serde_json::Value::String(s) => OptionValue::String(s.clone()),
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
                OptionValue::Json(value.to_string())
            }
        };
        (key.clone(), value)
    }))
}

/// One value of an options object. The wasm binding reads the JS object into these directly, so
/// the wasm carries no JSON library; the CLI gets them from JSON.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    Null,
    Bool(bool),
    /// A whole number ≥ 0.
    Whole(u64),
    /// Any other number.
    Number(f64),
    String(String),
    /// A list or an object, as JSON text (the `bibliography` option takes parsed CSL-JSON).
    Json(String),
    /// Anything else, described for error messages ("a function").
    Other(&'static str),
}

impl std::fmt::Display for OptionValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionValue::Null => f.write_str("null"),
            OptionValue::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            OptionValue::Whole(n) => write!(f, "{n}"),
            // Integer formatting only: float formatting would cost the wasm ~20 KB.
            OptionValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
                write!(f, "{}", *n as i64)
            }
            OptionValue::Number(_) => f.write_str("a fractional number"),
            OptionValue::String(s) => write!(f, "\"{s}\""),
            OptionValue::Json(json) if json.starts_with('[') => f.write_str("an array"),
            OptionValue::Json(_) => f.write_str("an object"),
            OptionValue::Other(what) => f.write_str(what),
        }
    }
}

/// Reads the options object as its (key, value) entries: see [`options_from_json`].
pub fn options_from_entries(
    entries: impl IntoIterator<Item = (String, OptionValue)>,
) -> Result<(Options, MountOptions), Error> {
    let mut options = Options::default();
    let mut mount = MountOptions::default();
    for (key, value) in entries {
        let name = key.as_str();
        let value = &value;
        match name {
            "format" => {
                options.parse.format = FormatOption::from_name(string(name, value)?)
                    .ok_or_else(|| invalid(name, "must be \"auto\", \"text\" or \"markdown\""))?
            }
            "maxInputBytes" => options.parse.max_input_bytes = whole(name, value)?,
            "bibliography" => {
                options.parse.bibliography = match value {
                    // A parsed CSL-JSON list (or object) arrives as its JSON text.
                    OptionValue::String(text) | OptionValue::Json(text) => Some(text.clone()),
                    OptionValue::Null => None,
                    _ => {
                        return Err(invalid(
                            name,
                            "must be CSL-JSON or BibTeX text, or a CSL-JSON list",
                        ))
                    }
                }
            }
            "bibliographyFiles" => options.parse.bibliography_files = bibliography_files(value)?,
            "citationStyle" => {
                let style = string(name, value)?;
                let known = crate::bib::styles::style_name(style)
                    .ok_or_else(|| invalid(name, &crate::bib::styles::unknown_style(style)))?;
                options.parse.citation_style = Some(known.to_string());
            }
            "quotes" => options.analyze.quotes = boolean(name, value)?,
            "abbreviations" => options.analyze.abbreviations = boolean(name, value)?,
            "rawHtml" => {
                options.render.raw_html = match string(name, value)? {
                    "escape" => RawHtml::Escape,
                    "sanitize" => RawHtml::Sanitize,
                    "trusted" => RawHtml::Trusted,
                    _ => {
                        return Err(invalid(
                            name,
                            "must be \"escape\", \"sanitize\" or \"trusted\"",
                        ))
                    }
                }
            }
            "idPrefix" => {
                let prefix = string(name, value)?;
                let valid = prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if !valid || !prefix.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    return Err(invalid(
                        name,
                        "must start with a letter and hold only letters, digits, - and _",
                    ));
                }
                options.render.id_prefix = prefix.to_string();
            }
            "sourcesPanel" => options.render.sources_panel = boolean(name, value)?,
            "hoverDelay" => mount.hover_delay_ms = whole(name, value)?,
            "closeDelay" => mount.close_delay_ms = whole(name, value)?,
            "allowMultiple" => mount.allow_multiple = boolean(name, value)?,
            _ => {
                return Err(invalid(
                    name,
                    &format!(
                        "is not an option; the options are {}",
                        OPTION_NAMES.join(", ")
                    ),
                ))
            }
        }
    }
    Ok((options, mount))
}

/// Every key [`options_from_json`] reads.
pub const OPTION_NAMES: &[&str] = &[
    "format",
    "maxInputBytes",
    "bibliography",
    "bibliographyFiles",
    "citationStyle",
    "quotes",
    "abbreviations",
    "rawHtml",
    "idPrefix",
    "sourcesPanel",
    "hoverDelay",
    "closeDelay",
    "allowMultiple",
];

/// `bibliographyFiles`: an object from each file name to its text, or to `{ "error": "why" }` (or
/// `null`) when the file could not be read.
fn bibliography_files(value: &OptionValue) -> Result<Vec<BibliographyFile>, Error> {
    const NAME: &str = "bibliographyFiles";
    const SHAPE: &str = "must be an object from file names to their text (or { error: \"why\" })";
    let map = match value {
        OptionValue::Null => return Ok(Vec::new()),
        OptionValue::Json(json) => {
            match serde_json::from_str::<serde_json::Value>(json)
                .map_err(|_| invalid(NAME, SHAPE))?
            {
                serde_json::Value::Object(map) => map,
                _ => return Err(invalid(NAME, SHAPE)),
            }
        }
        _ => return Err(invalid(NAME, SHAPE)),
    };
    map.into_iter()
        .map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(text) => Ok(text),
                serde_json::Value::Null => Err("it could not be loaded".to_string()),
                serde_json::Value::Object(o) => match o.get("error") {
                    Some(serde_json::Value::String(why)) => Err(why.clone()),
                    _ => return Err(invalid(NAME, SHAPE)),
                },
                _ => return Err(invalid(NAME, SHAPE)),
            };
            Ok(BibliographyFile { name, text })
        })
        .collect()
}

fn invalid(name: &str, reason: &str) -> Error {
    Error::InvalidOption {
        name: name.to_string(),
        reason: reason.to_string(),
    }
}

fn string<'a>(name: &str, value: &'a OptionValue) -> Result<&'a str, Error> {
    match value {
        OptionValue::String(s) => Ok(s),
        _ => Err(invalid(name, &format!("must be a string, not {value}"))),
    }
}

fn boolean(name: &str, value: &OptionValue) -> Result<bool, Error> {
    match value {
        OptionValue::Bool(b) => Ok(*b),
        _ => Err(invalid(
            name,
            &format!("must be true or false, not {value}"),
        )),
    }
}

fn whole<T: TryFrom<u64>>(name: &str, value: &OptionValue) -> Result<T, Error> {
    match value {
        OptionValue::Whole(n) => T::try_from(*n).ok(),
        _ => None,
    }
    .ok_or_else(|| invalid(name, &format!("must be a whole number ≥ 0, not {value}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_camel_case_options() {
        let (options, mount) = options_from_json(&json!({
            "format": "markdown", "rawHtml": "trusted", "idPrefix": "x-", "hoverDelay": 10,
            "allowMultiple": true, "sourcesPanel": false
        }))
        .unwrap();
        assert_eq!(options.parse.format, FormatOption::Markdown);
        assert_eq!(options.render.raw_html, RawHtml::Trusted);
        assert_eq!(options.render.id_prefix, "x-");
        assert!(!options.render.sources_panel);
        assert_eq!(mount.hover_delay_ms, 10);
        assert!(mount.allow_multiple);
    }

    #[test]
    fn wrong_options_name_the_option_and_why() {
        let err = options_from_json(&json!({"fromat": "text"})).unwrap_err();
        assert!(err.to_string().contains("`fromat`"), "{err}");
        assert!(err.to_string().contains("format"), "{err}");
        let err = options_from_json(&json!({"hoverDelay": "fast"})).unwrap_err();
        assert!(
            err.to_string()
                .contains("`hoverDelay`: must be a whole number"),
            "{err}"
        );
        let err = options_from_json(&json!({"format": "html"})).unwrap_err();
        assert!(err.to_string().contains("\"markdown\""), "{err}");
        assert!(options_from_json(&json!("text")).is_err());
        let err = options_from_json(&json!({"hoverDelay": -2.5})).unwrap_err();
        assert!(err.to_string().contains("not a fractional number"), "{err}");
        let err = options_from_json(&json!({"closeDelay": -3})).unwrap_err();
        assert!(err.to_string().contains("not -3"), "{err}");
        let err = options_from_json(&json!({"quotes": [true]})).unwrap_err();
        assert!(err.to_string().contains("not an array"), "{err}");
    }

    #[test]
    fn reads_entries_as_the_wasm_binding_gives_them() {
        let (options, mount) = options_from_entries([
            ("format".to_string(), OptionValue::String("text".into())),
            ("closeDelay".to_string(), OptionValue::Whole(5)),
        ])
        .unwrap();
        assert_eq!(options.parse.format, FormatOption::Text);
        assert_eq!(mount.close_delay_ms, 5);
        let err = options_from_entries([("hoverDelay".to_string(), OptionValue::Number(1.5))])
            .unwrap_err();
        assert!(err.to_string().contains("`hoverDelay`"), "{err}");
    }
}
