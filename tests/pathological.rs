//! Pathological input: nothing hangs, nothing panics, nothing overflows the stack, and the work grows
//! linearly with the input. Time is the thread's CPU time, so that load from other processes does not
//! skew the ratios.
//!
//! The cases (defined once, in `pathological/cases.rs`, which `examples/pathological_inputs.rs`
//! also writes out for the same check in wasm, `tests/e2e/pathological.test.mjs`) are the 24 of cmark's `test/pathological_tests.py` (nested emphasis, unmatched openers and
//! closers, `[ (](` and `![[]()` repeated, nested brackets, deep block quotes and lists, NUL bytes,
//! backtick runs, unclosed links and comments, ...) plus news-specific ones (unmatched quote marks, one
//! huge paragraph, many names, many parenthetical acronyms, many "said"). Each case is generated at a
//! base size and at twice that size and runs through `parse` (format auto, text and/or Markdown),
//! `to_html` and JSON serialization. Timing is checked as a ratio only (no absolute limits):
//! time(2×) / time(1×) must stay ≤ 3 (a quadratic step gives 4). Each size runs once; a pair over
//! the limit runs three more times at each size and the least times count, so that a stray
//! disturbance does not fail it.
//!
//! Sizes: by default the base size is 32 KiB and the doubled size 64 KiB, so that a plain
//! `cargo test` stays quick in the debug profile (the deep-nesting tests below use the full
//! sizes: 25,000 nested block quotes, 50,000 nested emphasis openers). `PATHOLOGICAL_KIB=1024` runs
//! the 1 MiB / 2 MiB sizes; `scripts/test.sh` does, with this crate optimized (its
//! `--config 'profile.*.package.cite-reader.opt-level=2'`; debug assertions and overflow checks
//! stay on). `PATHOLOGICAL_CASE=text` runs only the cases whose name contains the text.
//!
//! A table of case, format, size, milliseconds and ratio is printed (`-- --nocapture` shows it).

// Timing uses the thread's CPU clock (cpu-time), which wasm32 does not have; `wasm-pack test`
// builds every test target for wasm32, so this file is native only.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Duration;

use cpu_time::ThreadTime;

use cite_reader::{parse, to_html, Article, FormatOption, Options, ParseOptions};

#[path = "pathological/cases.rs"]
mod cases;
use cases::CASES;
use FormatOption::{Auto, Markdown, Text};

/// The base size of every generated case, in bytes.
fn base_size() -> usize {
    std::env::var("PATHOLOGICAL_KIB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(32)
        * 1024
}

/// Parses, renders and serializes `text`; returns the model.
fn run(text: &str, format: FormatOption) -> Article {
    let options = Options {
        parse: ParseOptions {
            format,
            ..ParseOptions::default()
        },
        ..Options::default()
    };
    let article = parse(text, &options).unwrap_or_else(|e| panic!("parse failed: {e}"));
    let html = to_html(&article, &options.render);
    assert!(
        !html.is_empty() || article.blocks.is_empty(),
        "the blocks were not rendered"
    );
    let json = serde_json::to_string(&article).unwrap();
    assert!(json.starts_with('{'));
    article
}

/// The least CPU time of `runs` runs on this thread: time spent waiting for a core while other
/// work runs does not count, so the ratios hold on a busy machine.
fn least_cpu_time(text: &str, format: FormatOption, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let t = ThreadTime::now();
            run(text, format);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Runs on a thread with a small stack (the size of a browser's wasm stack is ~1 MiB), so that
/// unbounded recursion shows up as a failure here rather than only in the browser.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap_or_else(|_| panic!("panicked or overflowed the stack"))
}

#[test]
fn pathological_inputs_finish_in_linear_time() {
    let size = base_size();
    let filter = std::env::var("PATHOLOGICAL_CASE").unwrap_or_default();
    println!(
        "{:<50} {:<8} {:>9} {:>9} {:>9} {:>9} {:>6}",
        "case", "format", "bytes", "ms", "bytes×2", "ms", "ratio"
    );
    let mut failures = Vec::new();
    let mut tried = 0;
    for case in CASES {
        if !case.name.contains(filter.as_str()) {
            continue;
        }
        for &format in case.formats {
            tried += 1;
            let small = (case.make)(size);
            let large = (case.make)(2 * size);
            let (n1, n2) = (small.len(), large.len());
            let (t1, t2, again) = on_small_stack(move || {
                let (mut t1, mut t2) = (
                    least_cpu_time(&small, format, 1),
                    least_cpu_time(&large, format, 1),
                );
                // Other work on a shared machine (cache and memory bandwidth) can land on either
                // side: measure again before calling a ratio superlinear.
                let again = t2.as_secs_f64() > 3.0 * t1.as_secs_f64().max(1e-3);
                if again {
                    t1 = t1.min(least_cpu_time(&small, format, 3));
                    t2 = t2.min(least_cpu_time(&large, format, 3));
                }
                (t1, t2, again)
            });
            let (ms1, ms2) = (t1.as_secs_f64() * 1e3, t2.as_secs_f64() * 1e3);
            // Under a millisecond the clock measures noise, not growth.
            let ratio = ms2 / ms1.max(1.0);
            println!(
                "{:<50} {:<8} {:>9} {:>9.1} {:>9} {:>9.1} {:>6.2}{}",
                case.name,
                format!("{format:?}"),
                n1,
                ms1,
                n2,
                ms2,
                ratio,
                if again { " (measured 4 times)" } else { "" }
            );
            if ratio > 3.0 {
                failures.push(format!("{} ({format:?}): ratio {ratio:.2}", case.name));
            }
        }
    }
    println!("{tried} case/format pairs tried, {} failed", failures.len());
    assert!(failures.is_empty(), "superlinear: {failures:#?}");
}

fn with_format(format: FormatOption) -> Options {
    Options {
        parse: ParseOptions {
            format,
            ..ParseOptions::default()
        },
        ..Options::default()
    }
}

/// Deep nesting at the sizes: the model is flattened below a limit, with a warning, and
/// every recursive walk (analysis, rendering, serialization, dropping) finishes on a small stack.
#[test]
fn deep_nesting_is_flattened_with_a_warning() {
    let cases: Vec<(&str, String)> = vec![
        (
            "25,000 nested block quotes",
            format!("{}deep", "> ".repeat(25_000)),
        ),
        (
            "50,000 nested emphasis",
            format!(
                "{}deep{}",
                "*a **a ".repeat(25_000),
                " a** a*".repeat(25_000)
            ),
        ),
        (
            "nested lists",
            (0..1_000)
                .map(|i| format!("{}- deep\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "block quotes of lists",
            format!("{}deep", "> - ".repeat(10_000)),
        ),
        (
            "nested links and images",
            format!("{}deep{}", "[![".repeat(10_000), "](u)](v)".repeat(10_000)),
        ),
        (
            "nested footnote definitions",
            format!("x[^a]\n\n{}deep", "[^a]: > ".repeat(5_000)),
        ),
    ];
    for (name, text) in cases {
        let (warnings, html, kept) = on_small_stack(move || {
            let article = run(&text, Markdown);
            let html = to_html(&article, &Options::default().render);
            let kept = serde_json::to_string(&article).unwrap().contains("deep");
            (article.warnings, html, kept)
        });
        assert!(kept, "{name}: the innermost text was lost");
        assert!(
            html.contains("deep"),
            "{name}: the innermost text was not rendered"
        );
        assert!(
            warnings.iter().any(|w| w.contains("nesting")),
            "{name}: no warning about the nesting: {warnings:?}"
        );
        println!("{name}: ok, warnings {warnings:?}");
    }
}

/// A pseudo-random byte string (xorshift), the same on every run.
fn junk(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn readable(warning: &str) -> bool {
    !warning.is_empty()
        && warning.len() < 300
        && warning.starts_with(|c: char| c.is_alphanumeric())
        && !warning.contains("{")
}

/// Empty and junk input give an article with a readable warning, never an error or a panic.
#[test]
fn empty_and_junk_input_give_readable_warnings() {
    let surrogates: Vec<u16> = "a lone "
        .encode_utf16()
        .chain([0xD800, 0x20, 0xDC00])
        .collect();
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("whitespace only", " \n\t\n\u{a0}\r\n   ".to_string()),
        (
            "binary junk",
            String::from_utf8_lossy(&junk(64 * 1024, 0x9e37_79b9)).into_owned(),
        ),
        ("lone surrogates", String::from_utf16_lossy(&surrogates)),
        ("NUL bytes", "\0\0\0 a\0b".to_string()),
    ];
    for (name, text) in cases {
        for format in [Auto, Text, Markdown] {
            let article = parse(&text, &with_format(format))
                .unwrap_or_else(|e| panic!("{name} ({format:?}) is an error: {e}"));
            to_html(&article, &Options::default().render);
            assert!(
                !article.warnings.is_empty(),
                "{name} ({format:?}): no warning"
            );
            for w in &article.warnings {
                assert!(readable(w), "{name} ({format:?}): unreadable warning {w:?}");
            }
        }
    }
    // Lone surrogates written as escapes in Markdown become U+FFFD, not a panic.
    let article = parse("a &#xD800; b &#55296;", &with_format(Markdown)).unwrap();
    assert!(
        article.blocks[0].text.contains('\u{FFFD}'),
        "{:?}",
        article.blocks
    );
}

/// 1 MiB of one character, in every format, and input over the size limit is a clear error.
#[test]
fn one_character_repeated_and_the_size_limit() {
    for c in ['a', '“', '>', '\u{0}'] {
        let text = c.to_string().repeat((1 << 20) / c.len_utf8());
        for format in [Auto, Text, Markdown] {
            let text = text.clone();
            let warnings = on_small_stack(move || run(&text, format).warnings);
            assert!(
                warnings.len() <= 30,
                "{c:?} ({format:?}): {} warnings",
                warnings.len()
            );
            for w in &warnings {
                assert!(readable(w), "{c:?} ({format:?}): unreadable warning {w:?}");
            }
        }
    }
    let mut options = with_format(Auto);
    options.parse.max_input_bytes = 1000;
    let err = parse(&"a".repeat(1001), &options).unwrap_err().to_string();
    assert!(
        err.contains("1001") && err.contains("1000") && err.contains("maxInputBytes"),
        "{err}"
    );
}
