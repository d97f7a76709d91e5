//! Shared by the suite tests: reading examples in the CommonMark spec format.

/// One example: its number (from 1, in file order), the section it stands in, the Markdown, and
/// the HTML the suite expects.
pub struct Example {
    pub number: usize,
    pub section: String,
    pub input: String,
    pub expected: String,
}

/// Reads the examples of a file in the CommonMark spec format: a fence of 32 backticks with
/// `example`, the Markdown, a line with a single `.`, the HTML, the closing fence; `→` stands for a
/// tab. The section is the last `#` heading before the example.
pub fn examples(spec: &str) -> Vec<Example> {
    let fence = "`".repeat(32);
    let open = format!("{fence} example");
    let mut out = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if let Some(heading) = line.strip_prefix('#') {
            section = heading.trim_start_matches('#').trim().to_string();
            continue;
        }
        if line != open {
            continue;
        }
        let (mut input, mut expected) = (String::new(), String::new());
        let mut in_output = false;
        for line in lines.by_ref() {
            if line == fence {
                break;
            }
            if line == "." && !in_output {
                in_output = true;
                continue;
            }
            let target = if in_output { &mut expected } else { &mut input };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        out.push(Example {
            number: out.len() + 1,
            section: section.clone(),
            input,
            expected,
        });
    }
    out
}
