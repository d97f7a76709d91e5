//! Native benchmarks of the pipeline's stages: `cargo bench --bench pipeline`.
//!
//! - `parse`: text → model without citation analysis (both analyses switched off);
//! - `parse_analyze`: text → analyzed model (`cite_reader::parse` with default options); the
//!   difference from `parse` is the analysis;
//! - `render`: analyzed model → HTML (`cite_reader::to_html`);
//! - `pipeline`: text → HTML (`cite_reader::render`), what the browser's `render` calls.
//!
//! Inputs: the CommonMark spec and the news fixture from ../shared (skipped with a notice when
//! absent), the bench's own long footnoted article and short post, and 1 MB of generated news text.
//! The browser benchmark (scripts/bench.sh) measures the same code compiled to wasm.

use std::hint::black_box;
use std::time::Duration;

use cite_reader::{parse, render, to_html, FormatOption, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");
const LONG_ARTICLE: &str = include_str!("../bench/inputs/long-footnotes.md");
const SHORT_POST: &str = include_str!("../bench/inputs/short-post.md");

struct Input {
    name: &'static str,
    text: String,
    format: FormatOption,
}

fn inputs() -> Vec<Input> {
    let mut inputs = Vec::new();
    match std::fs::read_to_string(format!("{SHARED}/suites/commonmark/spec.txt")) {
        Ok(text) => inputs.push(Input {
            name: "commonmark-spec",
            text,
            format: FormatOption::Markdown,
        }),
        Err(_) => {
            println!("notice: ../shared/suites/commonmark/spec.txt absent; skipping the spec")
        }
    }
    match std::fs::read_to_string(format!("{SHARED}/fixtures/kim-weapons-factories.txt")) {
        Ok(text) => inputs.push(Input {
            name: "news-fixture",
            text,
            format: FormatOption::Text,
        }),
        Err(_) => println!("notice: ../shared/fixtures absent; skipping the news fixture"),
    }
    inputs.push(Input {
        name: "long-footnotes",
        text: LONG_ARTICLE.to_string(),
        format: FormatOption::Markdown,
    });
    inputs.push(Input {
        name: "short-post",
        text: SHORT_POST.to_string(),
        format: FormatOption::Markdown,
    });
    inputs.push(Input {
        name: "news-1mb",
        text: news_text(1024 * 1024),
        format: FormatOption::Text,
    });
    inputs
}

fn options(format: FormatOption, analysis: bool) -> Options {
    let mut options = Options::default();
    options.parse.format = format;
    options.parse.max_input_bytes = 64 * 1024 * 1024;
    options.analyze.quotes = analysis;
    options.analyze.abbreviations = analysis;
    options
}

fn stages(c: &mut Criterion) {
    for input in inputs() {
        let plain = options(input.format, false);
        let full = options(input.format, true);
        let article = match parse(&input.text, &full) {
            Ok(article) => article,
            Err(error) => {
                println!(
                    "notice: {} does not parse ({error}); skipping it",
                    input.name
                );
                continue;
            }
        };
        let mut group = c.benchmark_group(input.name);
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        if input.text.len() > 100 * 1024 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::new("parse", input.text.len()), |b| {
            b.iter(|| parse(black_box(&input.text), &plain))
        });
        group.bench_function(BenchmarkId::new("parse_analyze", input.text.len()), |b| {
            b.iter(|| parse(black_box(&input.text), &full))
        });
        group.bench_function(BenchmarkId::new("render", input.text.len()), |b| {
            b.iter(|| to_html(black_box(&article), &full.render))
        });
        group.bench_function(BenchmarkId::new("pipeline", input.text.len()), |b| {
            b.iter(|| render(black_box(&input.text), &full))
        });
        group.finish();
    }
}

/// Plain-text news of at least `bytes` bytes: a title, a byline, then varied paragraphs (invented
/// names, organizations and numbers from a small seeded generator), like bench/page/inputs.js.
fn news_text(bytes: usize) -> String {
    const GIVEN: &[&str] = &[
        "Ana", "Boris", "Celine", "Dario", "Esme", "Farid", "Greta", "Hugo",
    ];
    const FAMILY: &[&str] = &[
        "Albrecht", "Brannock", "Dovrin", "Galloway", "Novak", "Szabo",
    ];
    const ORGS: &[(&str, &str)] = &[
        ("Regional Water Authority", "RWA"),
        ("Northern Shipping Council", "NSC"),
        ("Institute for Grid Studies", "IGS"),
        ("Office of Budget Review", "OBR"),
    ];
    const CLAIMS: &[&str] = &[
        "We did not expect the numbers to move this quickly",
        "The plan works on paper, but paper does not carry freight",
        "It will take another season before anyone can judge it fairly",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        // xorshift64*: deterministic, no dependency.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    };
    let mut out = String::from("Council Delays Vote on the Canal Locks\n\nBy Ana Novak\n\n");
    while out.len() < bytes {
        let given = GIVEN[next(GIVEN.len())];
        let family = FAMILY[next(FAMILY.len())];
        let (org, acronym) = ORGS[next(ORGS.len())];
        let claim = CLAIMS[next(CLAIMS.len())];
        let number = 2 + next(97);
        let paragraph = match next(4) {
            0 => format!("“{claim},” Mr. {family} said. “{claim}.”"),
            1 => format!(
                "{given} {family}, a senior analyst at the {org} ({acronym}), said freight had \
                 fallen by {number} percent."
            ),
            2 => format!(
                "According to the {acronym}, prices rose in {number} districts last year, though \
                 the agency cautioned that the sample was small."
            ),
            _ => format!(
                "Some observers said the tender would be delayed again. Ms. {family} disagreed: \
                 “{claim}.”"
            ),
        };
        out.push_str(&paragraph);
        out.push_str("\n\n");
    }
    out
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages
}
criterion_main!(benches);
