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
