//! The pathological inputs, defined once: `tests/pathological.rs` times them natively and
//! `examples/pathological_inputs.rs` writes them to files for the browser test
//! (`tests/e2e/pathological.test.mjs`), so the native and the wasm checks run the same inputs.

use cite_reader::FormatOption;

/// `unit` repeated until the text is at least `size` bytes.
fn repeat(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len()).max(1))
}

/// `open`ⁿ `middle` `close`ⁿ, about `size` bytes.
fn nested(open: &str, middle: &str, close: &str, size: usize) -> String {
    let n = (size / (open.len() + close.len())).max(1);
    let mut s = open.repeat(n);
    s.push_str(middle);
    s.push_str(&close.repeat(n));
    s
}

/// Lines built from their index until the text is at least `size` bytes.
fn lines(size: usize, line: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < size {
        s.push_str(&line(i));
        i += 1;
    }
    s
}

/// An invented name for index `i`: syllables, so that every name is a different capitalized word.
fn name(i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mi", "ra", "te", "vu", "so", "ne", "di", "pa", "ro", "zu", "be", "fi", "go",
        "ha",
    ];
    let mut word = String::new();
    let mut n = i;
    loop {
        word.push_str(SYLLABLES[n % 16]);
        n /= 16;
        if n == 0 {
            break;
        }
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

/// Three capital letters for index `i`.
fn acronym(i: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    [letter(i / 676), letter(i / 26), letter(i)]
        .iter()
        .collect()
}

use FormatOption::{Auto, Markdown, Text};

/// One pathological input: a generator of about `size` bytes and the formats to read it as.
pub struct Case {
    /// What the input is, for the printed table.
    pub name: &'static str,
    /// The formats it is parsed as.
    pub formats: &'static [FormatOption],
    /// The input at about the given size in bytes.
    pub make: fn(usize) -> String,
}

/// Every case: cmark's pathological tests, then pulldown-cmark's extensions, then news text.
pub const CASES: &[Case] = &[
    // cmark's pathological tests.
    Case {
        name: "nested strong emph",
        formats: &[Markdown],
        make: |n| nested("*a **a ", "b", " a** a*", n),
    },
    Case {
        name: "many emph closers with no openers",
        formats: &[Markdown, Text],
        make: |n| repeat("a_ ", n),
    },
    Case {
        name: "many emph openers with no closers",
        formats: &[Markdown, Text],
        make: |n| repeat("_a ", n),
    },
    Case {
        name: "many link closers with no openers",
        formats: &[Markdown, Text],
        make: |n| repeat("a]", n),
    },
    Case {
        name: "many link openers with no closers",
        formats: &[Markdown, Text],
        make: |n| repeat("[a", n),
    },
    Case {
        name: "mismatched openers and closers",
        formats: &[Markdown],
        make: |n| repeat("*a_ ", n),
    },
    Case {
        name: "openers and closers multiple of 3",
        formats: &[Markdown],
        make: |n| format!("a**b{}", repeat("c* ", n)),
    },
    Case {
        name: "link openers and emph closers",
        formats: &[Markdown],
        make: |n| repeat("[ a_", n),
    },
    Case {
        name: "pattern [ (]( repeated",
        formats: &[Markdown, Text],
        make: |n| repeat("[ (](", n),
    },
    Case {
        name: "pattern ![[]() repeated",
        formats: &[Markdown],
        make: |n| repeat("![[]()", n),
    },
    Case {
        name: "hard link/emph case",
        formats: &[Markdown],
        make: |n| repeat("**x [a*b**c*](d) ", n),
    },
    Case {
        name: "nested brackets",
        formats: &[Markdown, Text],
        make: |n| nested("[", "a", "]", n),
    },
    Case {
        name: "nested block quotes",
        formats: &[Markdown],
        make: |n| nested("> ", "a", "", n),
    },
    Case {
        name: "deeply nested lists",
        formats: &[Markdown],
        make: |n| lines(n, |i| format!("{}* a\n", "  ".repeat(i % 2000))),
    },
    Case {
        name: "U+0000 in input",
        formats: &[Auto, Markdown, Text],
        make: |n| repeat("abc\u{0}de\u{0}\n", n),
    },
    Case {
        name: "backticks",
        formats: &[Markdown],
        make: |n| lines(n, |i| format!("e{}", "`".repeat(i % 5000 + 1))),
    },
    Case {
        name: "unclosed links A",
        formats: &[Markdown],
        make: |n| repeat("[a](<b", n),
    },
    Case {
        name: "unclosed links B",
        formats: &[Markdown],
        make: |n| repeat("[a](b", n),
    },
    Case {
        name: "unclosed <!--",
        formats: &[Markdown],
        make: |n| format!("</{}", repeat("<!--", n)),
    },
    Case {
        name: "empty lines in deeply nested lists",
        formats: &[Markdown],
        make: |n| format!("{}x{}", "- ".repeat(n / 4), "\n".repeat(n / 2)),
    },
    Case {
        name: "empty lines in deeply nested lists in blockquote",
        formats: &[Markdown],
        make: |n| format!("> {}x\n{}", "- ".repeat(n / 4), ">\n".repeat(n / 4)),
    },
    Case {
        name: "emph in deep blockquote",
        formats: &[Markdown],
        make: |n| format!("{}{}", ">".repeat(n / 3), "a*".repeat(n / 3)),
    },
    Case {
        name: "many reference definitions",
        formats: &[Markdown],
        make: |n| {
            let half = lines(n / 2, |i| format!("[r{i}]: /u{i}\n"));
            let count = half.lines().count();
            let uses = lines(n / 2, |i| format!("[r{}] ", i % count));
            format!("{half}\n{uses}\n")
        },
    },
    Case {
        name: "many link labels with backslashes",
        formats: &[Markdown],
        make: |n| repeat("[\\\\\\\\\\\\]: /u\n", n),
    },
    // Beyond cmark: footnotes, tables and smart punctuation, which pulldown-cmark and we add.
    Case {
        name: "many footnotes and references",
        formats: &[Markdown],
        make: |n| {
            let defs = lines(n / 2, |i| format!("[^n{i}]: Note {i}.\n"));
            let count = defs.lines().count();
            let refs = lines(n / 2, |i| format!("A claim.[^n{}] ", i % count));
            format!("{refs}\n\n{defs}")
        },
    },
    Case {
        name: "table with many rows",
        formats: &[Markdown],
        make: |n| {
            format!(
                "| a | b | c |\n|---|:-:|--:|\n{}",
                repeat("| x | *y* | `z` |\n", n)
            )
        },
    },
    Case {
        name: "table with many columns, short rows",
        formats: &[Markdown],
        make: |n| {
            let cols = 500;
            format!(
                "{}|\n{}|\n{}",
                "| a ".repeat(cols),
                "|---".repeat(cols),
                repeat("| x |\n", n)
            )
        },
    },
    // News-specific.
    Case {
        name: "100,000 unmatched quote marks",
        formats: &[Auto, Text, Markdown],
        make: |n| repeat("“a ", n),
    },
    Case {
        name: "unmatched straight and single quotes",
        formats: &[Text],
        make: |n| repeat("\"a 'b ‘c ", n),
    },
    Case {
        name: "one huge paragraph",
        formats: &[Auto, Text, Markdown],
        make: |n| {
            repeat(
                "The council met on Tuesday, and “we will vote,” a member said, according to the minutes. ",
                n,
            )
        },
    },
    Case {
        name: "many names",
        formats: &[Text],
        make: |n| {
            lines(n, |i| {
                format!(
                    "“Yes,” said {} {}, a spokesperson for the {} Agency. Mr. {} agreed.\n\n",
                    name(i),
                    name(i + 7),
                    name(i + 3),
                    name(i + 7)
                )
            })
        },
    },
    Case {
        name: "many names in one paragraph",
        formats: &[Text],
        make: |n| {
            lines(n, |i| {
                format!("{} {} said it was fine. ", name(i), name(i + 5))
            })
        },
    },
    Case {
        name: "many (ABC) parentheticals",
        formats: &[Text, Markdown],
        make: |n| {
            lines(n, |i| {
                let a = acronym(i);
                let long: Vec<String> = a.chars().map(|c| format!("{c}xx")).collect();
                format!("The {} ({a}) met; the {a} agreed. ", long.join(" "))
            })
        },
    },
    Case {
        name: "many said",
        formats: &[Text],
        make: |n| repeat("said ", n),
    },
    Case {
        name: "many said with quotes, one paragraph",
        formats: &[Text],
        make: |n| repeat("“Yes,” he said. ", n),
    },
    Case {
        name: "many short lines",
        formats: &[Auto, Text],
        make: |n| repeat("Home |\nAdvertisement\nBy A\n", n),
    },
    Case {
        name: "one character",
        formats: &[Auto, Text, Markdown],
        make: |n| repeat("a", n),
    },
];
