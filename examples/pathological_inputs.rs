//! Writes the pathological inputs of `tests/pathological/cases.rs` to files, for the browser test
//! `tests/e2e/pathological.test.mjs` to run in wasm the same inputs the native test runs.
//!
//! `cargo run --example pathological_inputs -- [KIB] [DIR]` writes, for every case, the input at
//! KIB KiB (default 1024) and at twice that, as `DIR/NN.1.txt` and `DIR/NN.2.txt` (default DIR
//! `target/pathological`), and `DIR/cases.json` listing each case's name, formats and files.

use std::path::PathBuf;

use cite_reader::FormatOption;

#[path = "../tests/pathological/cases.rs"]
mod cases;

fn format_name(format: FormatOption) -> &'static str {
    match format {
        FormatOption::Auto => "auto",
        FormatOption::Text => "text",
        FormatOption::Markdown => "markdown",
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let kib: usize = match args.next() {
        Some(arg) => arg.parse().map_err(|e| format!("KIB {arg:?}: {e}"))?,
        None => 1024,
    };
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/pathological"));
    std::fs::create_dir_all(&dir)?;
    let mut listing = Vec::new();
    for (i, case) in cases::CASES.iter().enumerate() {
        let mut files = Vec::new();
        let mut bytes = Vec::new();
        for factor in [1, 2] {
            let text = (case.make)(factor * kib * 1024);
            let file = format!("{i:02}.{factor}.txt");
            std::fs::write(dir.join(&file), &text)?;
            files.push(file);
            bytes.push(text.len());
        }
        let formats: Vec<&str> = case.formats.iter().map(|&f| format_name(f)).collect();
        listing.push(serde_json::json!({
            "name": case.name,
            "formats": formats,
            "files": files,
            "bytes": bytes,
        }));
    }
    std::fs::write(
        dir.join("cases.json"),
        serde_json::to_string_pretty(&listing)?,
    )?;
    println!(
        "{} cases at {kib} KiB and {} KiB in {}",
        listing.len(),
        2 * kib,
        dir.display()
    );
    Ok(())
}
