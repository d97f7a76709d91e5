//! Shared by the tests that score articles against gold annotations (tests/news_eval.rs,
//! tests/speech.rs): reading a plain-text article and comparing names as the gold writes them.

use cite_reader::{parse, Article, FormatOption, Options, ParseOptions};

/// Parses `text` as a plain-text news article with the default options.
pub fn read_article(text: &str) -> Article {
    let options = Options {
        parse: ParseOptions {
            format: FormatOption::Text,
            ..Default::default()
        },
        ..Default::default()
    };
    parse(text, &options).unwrap()
}

/// Names compared without the case of their first letter: a phrase opening a sentence ("Analysts
/// said") names the same unnamed source as "analysts".
pub fn same_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    fold(a) == fold(b)
}

/// The first `n` characters of `s`.
pub fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}
