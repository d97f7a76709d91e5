//! The native `cite-reader` binary: what a server or a shell user sees.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cite-reader"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the binary finishes")
}

const MARKDOWN: &str =
    "# A title\n\nText with a note.[^n] And a [link](https://example.com/a).\n\n[^n]: The note.\n";

#[test]
fn parse_prints_the_model_as_json_with_the_contract_fields() {
    let out = run(&["parse", "-"], MARKDOWN);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for field in [
        "title",
        "standfirst",
        "dateline",
        "byline",
        "blocks",
        "sources",
        "citations",
        "abbreviations",
        "dropped",
        "warnings",
    ] {
        assert!(model.get(field).is_some(), "missing {field}: {model}");
    }
    assert_eq!(model["format"], "markdown");
    assert_eq!(model["blocks"][0]["kind"], "paragraph");
    assert!(model["blocks"][0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Text with a note."));
}

#[test]
fn format_flag_forces_plain_text() {
    let out = run(&["parse", "--format", "text", "-"], MARKDOWN);
    assert!(out.status.success());
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["format"], "text");
}

#[test]
fn render_prints_escaped_html_and_a_standalone_page() {
    let out = run(&["render", "--format", "text", "-"], "Fish & <chips>\n");
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("Fish &amp; &lt;chips&gt;"), "{html}");
    assert!(!html.contains("<chips>"));
    assert!(!html.contains("<html"));

    let out = run(&["render", "--standalone", "-"], MARKDOWN);
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.to_ascii_lowercase().starts_with("<!doctype html>"),
        "{page}"
    );
    assert!(page.contains("<style>"));
}

#[test]
fn bad_arguments_are_clear_errors() {
    let out = run(&["parse", "--format", "pdf", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--format must be auto, text or markdown")
    );

    let out = run(&["parse", "/nonexistent/article.txt"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/article.txt"));

    let out = run(&["parse", "--options", "{\"rawHTML\": 1}", "-"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("option `rawHTML`"));
}

#[test]
fn invalid_utf8_is_read_with_a_warning() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cite-reader"))
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Caf\xe9 opens today.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = model["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("UTF-8")),
        "{warnings:?}"
    );
    assert!(model["blocks"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Caf\u{fffd}"));
}

const ELEMENT_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scholar/element/"
);

#[test]
fn bibliography_files_named_in_front_matter_are_read_next_to_the_article() {
    let path = format!("{ELEMENT_DIR}essay.md");
    let out = run(&["render", &path], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8_lossy(&out.stdout);
    // Formatted from refs.bib by the CSL engine (the default author-date style).
    assert!(
        html.contains("Quill, P., &amp; Marsh, O. (2019). Counting Twice"),
        "{html}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_missing_bibliography_file_is_one_warning_naming_it_and_the_article_still_renders() {
    let path = format!("{ELEMENT_DIR}missing-bib.md");
    let out = run(&["parse", &path], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let warnings: Vec<&str> = model["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| w.contains("not-there.bib"))
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", model["warnings"]);
    assert_eq!(
        model["bibliography_files"],
        serde_json::json!(["refs.bib", "not-there.bib"])
    );
    // The file that exists still counts: its entry is found, the other key is unknown.
    let found: Vec<bool> = model["reference_clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["items"][0]["found"].as_bool().unwrap())
        .collect();
    assert_eq!(found, [true, false]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("not-there.bib").count(), 1, "{stderr}");

    let out = run(&["render", &path], "");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Without Its Bibliography"));
}

#[test]
fn bibliography_flag_reads_a_file_for_standard_input() {
    let bib = format!("{ELEMENT_DIR}refs.bib");
    let out = run(
        &["parse", "--bibliography", &bib, "-"],
        "# Essay\n\nAs argued [@quill2019].\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(model["reference_clusters"][0]["items"][0]["found"], true);
    assert_eq!(model["warnings"], serde_json::json!([]));

    let out = run(&["parse", "--bibliography"], "");
    assert_eq!(out.status.code(), Some(2));
}
