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
    for case in 0..300 {
        let text = article(&mut rng);
        let model = parse(&text, &options(FormatOption::Text)).unwrap();
        let mut kept = String::new();
        for field in [
            &model.title,
            &model.standfirst,
            &model.byline,
            &model.dateline,
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
        for word in text.split_whitespace() {
            // The dateline's dash and agency tag are punctuation the model re-expresses as fields.
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() || word.contains('\0') {
                continue;
            }
            assert!(
                kept.contains(word),
                "case {case} lost {word:?}\ninput: {text:?}\nkept: {kept:?}"
            );
        }
    }
}
