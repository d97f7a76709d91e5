// The bundled citation styles by name. Shared by the core (`bib::styles`) and the engine, which
// `include!`s this file so that the browser's engine module needs nothing else from the crate.

/// The bundled styles: name and kind ("author-date", "numeric", "note"). The first is the default.
pub const STYLE_KINDS: &[(&str, &str)] = &[
    ("apa", "author-date"),
    ("ieee", "numeric"),
    ("chicago-notes", "note"),
];

/// Other names that select a bundled style (file names as Pandoc documents write them).
pub const STYLE_ALIASES: &[(&str, &str)] = &[
    ("apa.csl", "apa"),
    ("ieee.csl", "ieee"),
    ("chicago", "chicago-notes"),
    ("chicago-notes-bibliography", "chicago-notes"),
    ("chicago-notes-bibliography.csl", "chicago-notes"),
];

/// The bundled style's name for `name` (case-insensitive, aliases accepted).
pub fn style_name(name: &str) -> Option<&'static str> {
    let lower = name.trim().to_ascii_lowercase();
    STYLE_KINDS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n == lower)
        .or_else(|| {
            STYLE_ALIASES
                .iter()
                .find(|(alias, _)| *alias == lower)
                .map(|(_, n)| *n)
        })
}

/// The error message for a style name that is not bundled.
pub fn unknown_style(name: &str) -> String {
    let names: Vec<&str> = STYLE_KINDS.iter().map(|(n, _)| *n).collect();
    format!(
        "unknown citation style `{name}`; the styles are {}",
        names.join(", ")
    )
}
