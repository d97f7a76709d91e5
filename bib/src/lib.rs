//! cite-reader's bibliography engine for the browser, a second wasm module that the reader loads
//! (dynamic `import()`) only when an article has citations and a bibliography, so that the core
//! module stays small. It is the native engine's own source file (`src/bib/engine.rs`), compiled
//! here with a JSON binding: the request is `Article.bibliography` plus `Article.reference_clusters`
//! (the core writes it on the bibliography section as `data-bibliography-request`).
#![forbid(unsafe_code)]

#[path = "../../src/bib/engine.rs"]
mod engine;

use wasm_bindgen::prelude::*;

/// Formats a bibliography request (JSON text: `{style, csl_json, bibtex, clusters}`) and returns
/// the response as JSON text: `{class, citations: [{citation, text, note, order}], bibliography:
/// [{key, text}], warnings}`. An unknown style or malformed request is an `Error`.
#[wasm_bindgen(js_name = formatBibliography)]
pub fn format_bibliography(json_input: &str) -> Result<String, JsError> {
    format_json(json_input).map_err(|message| JsError::new(&message))
}

/// The bundled style names, as a JSON list.
#[wasm_bindgen(js_name = bibliographyStyles)]
pub fn bibliography_styles() -> String {
    let names: Vec<&str> = engine::STYLE_KINDS.iter().map(|(n, _)| *n).collect();
    serde_json::to_string(&names).unwrap_or_else(|_| "[]".to_string())
}

/// The binding's work, without wasm types (tested natively).
pub fn format_json(json_input: &str) -> Result<String, String> {
    let request: engine::Request = serde_json::from_str(json_input)
        .map_err(|e| format!("the bibliography request is not valid: {e}"))?;
    let response = engine::format(&request)?;
    serde_json::to_string(&response).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_a_request_and_names_styles_on_error() {
        let request = r#"{"style": "ieee", "csl_json": [{"id": "a", "type": "book",
            "title": "T", "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": [[2001]]}}],
            "clusters": [{"citation": "c1", "items": [{"key": "a",
            "locator": {"label": "page", "value": "3"}}]}]}"#;
        let out: serde_json::Value = serde_json::from_str(&format_json(request).unwrap()).unwrap();
        assert_eq!(out["citations"][0]["text"], "[1, p. 3]");
        assert!(out["bibliography"][0]["text"]
            .as_str()
            .unwrap()
            .contains("J. Doe"));
        let err = format_json(r#"{"style": "mla"}"#).unwrap_err();
        assert!(err.contains("apa, ieee, chicago-notes"), "{err}");
    }
}
