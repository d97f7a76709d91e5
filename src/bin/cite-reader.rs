//! The native command line over the same core as the wasm build: parse to JSON, render to HTML.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cite_reader::{options_from_json, BibliographyFile, FormatOption, Options};

const USAGE: &str = "\
usage: cite-reader parse  [--format auto|text|markdown] [--options JSON] [--bibliography FILE]... FILE|-
       cite-reader render [--format auto|text|markdown] [--options JSON] [--bibliography FILE]... [--standalone] FILE|-

  parse    print the article model as JSON (see the README for its shape)
  render   print the reader's HTML: a fragment, or with --standalone a whole page with the CSS inlined

  --format      how to read the input (default: auto, detected from the text)
  --options     the JS API's options object, e.g. '{\"rawHtml\":\"escape\",\"idPrefix\":\"a-\"}'
  --bibliography  a bibliography file (CSL-JSON or BibTeX/BibLaTeX; may be repeated); the files the
                front matter names (`bibliography: refs.bib`) are read too, next to the article
  --standalone  (render) write a whole HTML page
  FILE          the article; - reads standard input";

struct Command {
    render: bool,
    options: Options,
    input: String,
    /// `--bibliography` files, as given (relative to the working directory).
    bibliographies: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "-V" || a == "--version") {
        println!("cite-reader {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    let command = match read_args(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("cite-reader: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&command) {
        Ok(output) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(output.as_bytes());
            let _ = stdout.write_all(b"\n");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("cite-reader: {message}");
            ExitCode::from(1)
        }
    }
}

fn read_args(args: &[String]) -> Result<Command, String> {
    let mut iter = args.iter();
    let render = match iter.next().map(String::as_str) {
        Some("parse") => false,
        Some("render") => true,
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("no command given".to_string()),
    };
    let mut format = None;
    let mut json = None;
    let mut standalone = false;
    let mut input = None;
    let mut bibliographies = Vec::new();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => {
                let name = iter.next().ok_or("--format needs a value")?;
                format = Some(FormatOption::from_name(name).ok_or_else(|| {
                    format!("--format must be auto, text or markdown, not `{name}`")
                })?);
            }
            "--options" => json = Some(iter.next().ok_or("--options needs a JSON object")?),
            "--bibliography" => bibliographies.push(
                iter.next()
                    .ok_or("--bibliography needs a file name")?
                    .to_string(),
            ),
            "--standalone" if render => standalone = true,
            "-" => input = Some("-".to_string()),
            flag if flag.starts_with('-') => return Err(format!("unknown flag `{flag}`")),
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    let mut options = match json {
        Some(text) => {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|e| format!("--options is not JSON: {e}"))?;
            options_from_json(&value).map_err(|e| e.to_string())?.0
        }
        None => Options::default(),
    };
    if let Some(format) = format {
        options.parse.format = format;
    }
    options.render.standalone = standalone;
    let input = input.ok_or("no input file given (use - for standard input)")?;
    Ok(Command {
        render,
        options,
        input,
        bibliographies,
    })
}

fn run(command: &Command) -> Result<String, String> {
    let bytes = if command.input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(&command.input).map_err(|e| format!("cannot read {}: {e}", command.input))?
    };
    // Invalid UTF-8 is replaced, not refused: the article is still read, with a warning in the model.
    let text = String::from_utf8_lossy(&bytes);
    let lossy = matches!(text, std::borrow::Cow::Owned(_));
    let mut options = command.options.clone();
    options.parse.bibliography_files = read_bibliographies(command, &text);
    for file in &options.parse.bibliography_files {
        if let Err(why) = &file.text {
            eprintln!(
                "cite-reader: warning: the bibliography file {} could not be read ({why}); the article is shown without it",
                file.name
            );
        }
    }
    if command.render {
        cite_reader::render(&text, &options).map_err(|e| e.to_string())
    } else {
        let mut article = cite_reader::parse(&text, &options).map_err(|e| e.to_string())?;
        if lossy {
            article.warnings.push(
                "The input was not valid UTF-8; invalid bytes were replaced with U+FFFD.".into(),
            );
        }
        serde_json::to_string_pretty(&article).map_err(|e| e.to_string())
    }
}

/// The `--bibliography` files and those the front matter names (read relative to the article's
/// folder; standard input's are relative to the working directory). A file that cannot be read is
/// passed on with the reason, which the core turns into a warning naming it.
fn read_bibliographies(command: &Command, text: &str) -> Vec<BibliographyFile> {
    let folder = match command.input.as_str() {
        "-" => Path::new("."),
        input => Path::new(input).parent().unwrap_or(Path::new(".")),
    };
    let named = cite_reader::bibliography_files(text)
        .into_iter()
        .map(|name| (folder.join(&name), name));
    let given = command
        .bibliographies
        .iter()
        .map(|name| (PathBuf::from(name), name.clone()));
    given
        .chain(named)
        .map(|(path, name)| BibliographyFile {
            text: std::fs::read(&path)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => format!("no such file in {}", folder_of(&path)),
                    _ => e.to_string(),
                }),
            name,
        })
        .collect()
}

/// The folder a file was looked for in, as the user would write it.
fn folder_of(path: &Path) -> String {
    match path.parent().map(Path::display).map(|d| d.to_string()) {
        Some(folder) if !folder.is_empty() => folder,
        _ => ".".to_string(),
    }
}
