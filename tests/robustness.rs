//! Property test: arbitrary articles never panic, never emit markup from plain text, never lose a word.
//!
//! A small deterministic generator (no extra dependency) mixes the tokens that exercise every reader:
//! Markdown syntax, quote marks, honorifics, parentheses, HTML, multi-byte text.

use cite_reader::{parse, render, FormatOption, Options, ParseOptions};

const TOKENS: &[&str] = &[
    "Mr.",
    "Ms.",
    "Dr.",
    "said",
    "told",
    "according to",
    "Ahn",
    "Garcia",
    "Bello",
    "(UNDP)",
    "United Nations Development Programme",
    "(AP)",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    ",",
    ".",
    "—",
    " -- ",
    "\n",
    "\n\n",
    "#",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "[^1]",
    "[^1]:",
    "> ",
    "- ",
    "1. ",
    "|",
    "---",
    "<script>alert(1)</script>",
    "<b>",
    "&amp;",
    "javascript:alert(1)",
    "https://example.com/a?b=c",
    "é",
    "日本",
    "🙂",
    "\u{0}",
    "\t",
    "Home |",
    "Advertisement",
    "SEOUL, South Korea—",
    "By Ana Ruiz",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn article(rng: &mut Rng) -> String {
    let len = rng.below(120);
    let mut text = String::new();
    for _ in 0..len {
        text.push_str(TOKENS[rng.below(TOKENS.len())]);
        if rng.below(3) > 0 {
            text.push(' ');
        }
    }
    text
}

/// Line templates of copied news pages: header lines, furniture, datelines before sentences.
const LINES: &[&str] = &[
    "Home | World | Europe",
    "Advertisement",
    "By Ana Ruiz and Tomas Berg | Harbour Post",
    "Published 9:12 AM, March 3, 2024",
    "BERLIN, Germany—Mayor Lena Hofbauer said the plan would pass.",
    "GENEVA, March 3 (Reuters) - Delegates said talks would resume.",
    "LAGOS (AP) — The minister, Bola Adeyemi, said: “We will not wait.”",
    "Port Talla Council Approves Harbour Plan",
    "Share this article",
    "“It will pass,” she said.",
    "The Ocean Survey Board (OSB) said it would publish data.",
    "Photo: Ana Ruiz/Harbour Post",
];

fn structured_article(rng: &mut Rng) -> String {
    let mut text = String::new();
    for _ in 0..2 + rng.below(10) {
        if rng.below(3) == 0 {
            text.push_str(&article(rng).replace('\n', " "));
        } else {
            text.push_str(LINES[rng.below(LINES.len())]);
        }
        text.push_str(if rng.below(4) == 0 { "\n" } else { "\n\n" });
    }
    text
}

fn options(format: FormatOption) -> Options {
    Options {
        parse: ParseOptions {
            format,
            ..ParseOptions::default()
        },
        ..Options::default()
    }
}

#[test]
fn arbitrary_articles_render_without_panic_or_markup() {
    let mut rng = Rng(0x5eed_c17e);
    for case in 0..600 {
        let text = article(&mut rng);
        for format in [
            FormatOption::Auto,
            FormatOption::Text,
            FormatOption::Markdown,
        ] {
            let options = options(format);
            let html =
                render(&text, &options).unwrap_or_else(|e| panic!("case {case}: {e}\n{text:?}"));
            assert!(
                !html.contains("<script"),
                "case {case} wrote a script tag:\n{text:?}\n{html}"
            );
            assert!(
                !html.contains("<b>"),
                "case {case} passed raw HTML through:\n{text:?}"
            );
            assert!(
                !html.contains("href=\"javascript"),
                "case {case}:\n{text:?}"
            );
            let model = parse(&text, &options).unwrap();
            serde_json::to_string(&model).unwrap();
        }
    }
}

#[test]
fn plain_text_keeps_every_word() {
    let mut rng = Rng(0xa11_7e47);
    for case in 0..600 {
        let text = if case % 2 == 0 {
            article(&mut rng)
        } else {
            structured_article(&mut rng)
        };
        let model = parse(&text, &options(FormatOption::Text)).unwrap();
        let mut kept = String::new();
        for field in [
            &model.title,
            &model.standfirst,
            &model.byline_line,
            &model.dateline_line,
            &model.timestamp,
        ] {
            kept.extend(field.iter().map(|s| format!("{s} ")));
        }
        for block in &model.blocks {
            kept.push_str(&block.text);
            kept.push(' ');
        }
        for line in &model.dropped {
            kept.push_str(line);
            kept.push(' ');
        }
        // Words are runs of letters and digits: punctuation around them (a dateline's dash, an
        // agency tag's parentheses) is re-expressed by the model's fields.
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            assert!(
                kept.contains(word),
                "case {case} lost {word:?}\ninput: {text:?}\nkept: {kept:?}"
            );
        }
    }
}
