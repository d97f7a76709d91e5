//! The build without the `scholar` feature (front matter, `[@key]` citations, bibliographies):
//! `cargo test --no-default-features --test without_scholar`. In a default build this file has no
//! tests (the scholarly readers are tested in tests/scholar.rs).
#![cfg(not(feature = "scholar"))]

use cite_reader::{parse, Format, Options};

#[test]
fn front_matter_stays_in_the_text_and_a_bibliography_is_ignored_with_a_warning() {
    let text = "---\ntitle: Front matter title\n---\n\nA claim [@doe99].\n";
    let mut options = Options::default();
    options.parse.bibliography = Some(r#"[{"id": "doe99", "title": "A work"}]"#.to_string());
    let article = parse(text, &options).expect("parses");
    assert_eq!(article.format, Format::Markdown);
    assert_ne!(article.title.as_deref(), Some("Front matter title"));
    assert!(article.references.is_empty());
    assert!(article.reference_clusters.is_empty());
    assert!(
        article.warnings.iter().any(|w| w.contains("scholar")),
        "warnings: {:?}",
        article.warnings
    );
    let all_text: String = article.blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(all_text.contains("[@doe99]"), "blocks: {all_text}");
}
