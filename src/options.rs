//! Options: plain structs with `Default`. Every default is written on its field.

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
            smart_punctuation: true,
        }
    }
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
    /// Write a whole HTML page with the reader's CSS inlined instead of a fragment. Default: `false`.
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
