//! A small reader for the YAML subset that front matter uses, into `serde_json::Value`.
//!
//! Why not a YAML crate: `serde_yaml` (with `unsafe-libyaml`) would be the biggest dependency of the
//! core wasm, whose budget is ~120 KB gzipped for wasm, JS and CSS together, and front matter only
//! ever holds a handful of keys and Pandoc's `references:` (CSL YAML). Supported: block mappings and
//! sequences (including `- key: value` items and `- - 1953` nested sequences), plain, single- and
//! double-quoted scalars, flow sequences and mappings (`[1953, 4]`, `{family: Doe}`), literal and
//! folded block scalars (`|`, `>`), comments. Anchors, tags and multi-document streams are not.
//! Errors name the line (1-based, counted from the front matter's first line).

use serde_json::{Map, Value};

/// Why the YAML could not be read, with the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub message: String,
}

#[derive(Clone, Debug)]
struct Line<'a> {
    number: usize,
    indent: usize,
    text: &'a str,
}

/// Reads a YAML document; an empty document is `Null`.
pub fn parse(source: &str) -> Result<Value, YamlError> {
    let lines: Vec<Line<'_>> = source
        .lines()
        .enumerate()
        .map(|(i, raw)| {
            let indent = raw.len() - raw.trim_start_matches(' ').len();
            Line {
                number: i + 1,
                indent,
                text: raw[indent..].trim_end(),
            }
        })
        .collect();
    let mut reader = Reader {
        lines,
        pos: 0,
        depth: 0,
    };
    reader.skip_blank();
    if reader.pos >= reader.lines.len() {
        return Ok(Value::Null);
    }
    let indent = reader.lines[reader.pos].indent;
    let value = reader.node(indent)?;
    reader.skip_blank();
    if let Some(line) = reader.lines.get(reader.pos) {
        return Err(err(line.number, "unexpected text after the document"));
    }
    Ok(value)
}

fn err(line: usize, message: &str) -> YamlError {
    YamlError {
        line,
        message: message.to_string(),
    }
}

struct Reader<'a> {
    lines: Vec<Line<'a>>,
    pos: usize,
    /// Block nesting so far: bounded, so that no input can exhaust the stack.
    depth: usize,
}

/// The deepest nesting read (front matter needs a handful of levels).
const MAX_DEPTH: usize = 64;

impl<'a> Reader<'a> {
    fn skip_blank(&mut self) {
        while let Some(line) = self.lines.get(self.pos) {
            if line.text.is_empty() || line.text.starts_with('#') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// A block node whose lines are indented by `indent`.
    fn node(&mut self, indent: usize) -> Result<Value, YamlError> {
        self.skip_blank();
        if self.depth >= MAX_DEPTH {
            let line = self.lines.get(self.pos).map_or(0, |l| l.number);
            return Err(err(line, "nested too deeply"));
        }
        self.depth += 1;
        let value = self.node_inner(indent);
        self.depth -= 1;
        value
    }

    fn node_inner(&mut self, indent: usize) -> Result<Value, YamlError> {
        let Some(line) = self.lines.get(self.pos).cloned() else {
            return Ok(Value::Null);
        };
        if is_item(line.text) {
            self.sequence(indent)
        } else if split_key(line.text).is_some() {
            self.mapping(indent)
        } else {
            self.pos += 1;
            scalar(line.text, line.number)
        }
    }

    fn sequence(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            let Some(line) = self.lines.get(self.pos).cloned() else {
                break;
            };
            if line.indent != indent || !is_item(line.text) {
                if line.indent > indent {
                    return Err(err(line.number, "bad indentation in a list"));
                }
                break;
            }
            let rest = line.text[1..].trim_start();
            let child_indent = indent + (line.text.len() - rest.len());
            if rest.is_empty() || rest.starts_with('#') {
                self.pos += 1;
                let value = self.child(indent)?;
                items.push(value);
            } else if is_item(rest) || (split_key(rest).is_some() && !is_flow(rest)) {
                // `- key: value` or `- - x`: the item is a block node starting on this line.
                self.lines[self.pos] = Line {
                    number: line.number,
                    indent: child_indent,
                    text: rest,
                };
                items.push(self.node(child_indent)?);
            } else {
                self.pos += 1;
                items.push(self.inline_value(rest, line.number, indent)?);
            }
        }
        Ok(Value::Array(items))
    }

    /// A mapping at `indent`.
    fn mapping(&mut self, indent: usize) -> Result<Value, YamlError> {
        let mut map = Map::new();
        loop {
            self.skip_blank();
            let Some(line) = self.lines.get(self.pos).cloned() else {
                break;
            };
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(err(line.number, "bad indentation in a mapping"));
            }
            if is_item(line.text) {
                break;
            }
            let Some((key, rest)) = split_key(line.text) else {
                return Err(err(line.number, "expected `key: value`"));
            };
            let key = match scalar(key, line.number)? {
                Value::String(s) => s,
                other => other.to_string(),
            };
            self.pos += 1;
            let value = if rest.is_empty() || rest.starts_with('#') {
                self.child(indent)?
            } else {
                self.inline_value(rest, line.number, indent)?
            };
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }

    /// The block node under a `key:` or `-` with nothing after it: more indented lines, or a
    /// sequence at the same indent (YAML allows `key:\n- item`).
    fn child(&mut self, parent_indent: usize) -> Result<Value, YamlError> {
        self.skip_blank();
        match self.lines.get(self.pos) {
            Some(next) if next.indent > parent_indent => {
                let indent = next.indent;
                self.node(indent)
            }
            Some(next) if next.indent == parent_indent && is_item(next.text) => {
                self.sequence(parent_indent)
            }
            _ => Ok(Value::Null),
        }
    }

    /// A value written after `key:` or `- ` on the same line: a block scalar, a flow collection,
    /// or a scalar (which may continue on more indented lines).
    fn inline_value(
        &mut self,
        text: &str,
        number: usize,
        indent: usize,
    ) -> Result<Value, YamlError> {
        let text = strip_comment(text);
        if text.starts_with('|') || text.starts_with('>') {
            return Ok(Value::String(self.block_scalar(text, indent)));
        }
        if is_flow(text) {
            let mut source = text.to_string();
            // A flow collection may run over several lines.
            let mut balance = Balance::default();
            balance.feed(text);
            while !balance.closed() {
                let Some(line) = self.lines.get(self.pos) else {
                    return Err(err(number, "unclosed [ or {"));
                };
                source.push(' ');
                source.push_str(line.text);
                balance.feed(line.text);
                self.pos += 1;
            }
            let mut flow = Flow {
                chars: source.chars().collect(),
                pos: 0,
                line: number,
                depth: 0,
            };
            let value = flow.value()?;
            flow.space();
            if flow.pos < flow.chars.len() {
                return Err(err(number, "unexpected text after a [ ] or { } value"));
            }
            return Ok(value);
        }
        // Plain multi-line scalars: more indented lines fold into one.
        let mut joined = text.to_string();
        while let Some(line) = self.lines.get(self.pos) {
            if line.indent > indent && !line.text.is_empty() && !text.starts_with(['"', '\'']) {
                joined.push(' ');
                joined.push_str(line.text);
                self.pos += 1;
            } else {
                break;
            }
        }
        scalar(&joined, number)
    }

    fn block_scalar(&mut self, header: &str, indent: usize) -> String {
        let literal = header.starts_with('|');
        let keep_last = !header.contains('-');
        let mut lines = Vec::new();
        let mut block_indent = None;
        while let Some(line) = self.lines.get(self.pos) {
            if line.text.is_empty() {
                lines.push(String::new());
                self.pos += 1;
                continue;
            }
            if line.indent <= indent {
                break;
            }
            let at = *block_indent.get_or_insert(line.indent);
            let extra = line.indent.saturating_sub(at);
            lines.push(format!("{}{}", " ".repeat(extra), line.text));
            self.pos += 1;
        }
        while lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        let mut out = if literal {
            lines.join("\n")
        } else {
            let mut folded = String::new();
            for (i, l) in lines.iter().enumerate() {
                if i > 0 {
                    folded.push(if l.is_empty() { '\n' } else { ' ' });
                }
                folded.push_str(l);
            }
            folded
        };
        if keep_last && !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

fn is_flow(text: &str) -> bool {
    text.starts_with('[') || text.starts_with('{')
}

/// Bracket depth of a flow collection read line by line, outside quotes.
#[derive(Default)]
struct Balance {
    depth: i64,
    quote: Option<char>,
}

impl Balance {
    fn feed(&mut self, text: &str) {
        for c in text.chars() {
            match self.quote {
                Some(q) if c == q => self.quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' => self.quote = Some(c),
                    '[' | '{' => self.depth += 1,
                    ']' | '}' => self.depth -= 1,
                    _ => {}
                },
            }
        }
    }

    fn closed(&self) -> bool {
        self.depth <= 0
    }
}

/// `key: rest` (the colon followed by a space or the end), outside quotes.
fn split_key(text: &str) -> Option<(&str, &str)> {
    if text.starts_with(['"', '\'']) {
        let q = text.chars().next()?;
        let close = text[1..].find(q)? + 1;
        let after = &text[close + 1..];
        let rest = after.strip_prefix(':')?;
        if rest.is_empty() || rest.starts_with(' ') {
            return Some((&text[..=close], rest.trim()));
        }
        return None;
    }
    if is_flow(text) {
        return None;
    }
    let mut from = 0;
    while let Some(off) = text[from..].find(':') {
        let at = from + off;
        let rest = &text[at + 1..];
        if rest.is_empty() || rest.starts_with(' ') {
            let key = text[..at].trim();
            if key.is_empty() || key.contains(" #") {
                return None;
            }
            return Some((key, rest.trim()));
        }
        from = at + 1;
    }
    None
}

fn strip_comment(text: &str) -> &str {
    if text.starts_with(['"', '\'']) {
        return text;
    }
    match text.find(" #") {
        Some(at) => text[..at].trim_end(),
        None => text,
    }
}

/// A scalar written on one line: quoted strings, null, booleans, integers, or plain text.
fn scalar(text: &str, line: usize) -> Result<Value, YamlError> {
    let text = strip_comment(text.trim());
    if let Some(inner) = text.strip_prefix('"') {
        let Some(inner) = inner.strip_suffix('"') else {
            return Err(err(line, "unclosed double quote"));
        };
        return Ok(Value::String(unescape_double(inner)));
    }
    if let Some(inner) = text.strip_prefix('\'') {
        let Some(inner) = inner.strip_suffix('\'') else {
            return Err(err(line, "unclosed single quote"));
        };
        return Ok(Value::String(inner.replace("''", "'")));
    }
    Ok(plain(text))
}

fn plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            if !digits.is_empty() && digits.len() < 16 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                if let Ok(n) = text.parse::<i64>() {
                    return Value::from(n);
                }
            }
            Value::String(text.to_string())
        }
    }
}

fn unescape_double(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Flow collections: `[a, "b", {c: d}]`.
struct Flow {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    depth: usize,
}

impl Flow {
    fn space(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Value, YamlError> {
        if self.depth >= MAX_DEPTH {
            return Err(err(self.line, "nested too deeply"));
        }
        self.depth += 1;
        let value = self.value_inner();
        self.depth -= 1;
        value
    }

    fn value_inner(&mut self) -> Result<Value, YamlError> {
        self.space();
        match self.chars.get(self.pos) {
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.space();
                    if self.chars.get(self.pos) == Some(&']') {
                        self.pos += 1;
                        return Ok(Value::Array(items));
                    }
                    items.push(self.value()?);
                    self.space();
                    match self.chars.get(self.pos) {
                        Some(',') => self.pos += 1,
                        Some(']') => {}
                        _ => return Err(err(self.line, "expected , or ] in a [ ] list")),
                    }
                }
            }
            Some('{') => {
                self.pos += 1;
                let mut map = Map::new();
                loop {
                    self.space();
                    if self.chars.get(self.pos) == Some(&'}') {
                        self.pos += 1;
                        return Ok(Value::Object(map));
                    }
                    let key = match self.scalar_until(&[':'])? {
                        Value::String(s) => s,
                        other => other.to_string(),
                    };
                    if self.chars.get(self.pos) != Some(&':') {
                        return Err(err(self.line, "expected : in a { } mapping"));
                    }
                    self.pos += 1;
                    let value = self.value()?;
                    map.insert(key, value);
                    self.space();
                    match self.chars.get(self.pos) {
                        Some(',') => self.pos += 1,
                        Some('}') => {}
                        _ => return Err(err(self.line, "expected , or } in a { } mapping")),
                    }
                }
            }
            Some(_) => self.scalar_until(&[',', ']', '}']),
            None => Err(err(self.line, "a value is missing")),
        }
    }

    fn scalar_until(&mut self, stops: &[char]) -> Result<Value, YamlError> {
        self.space();
        let start = self.pos;
        if let Some(&q) = self
            .chars
            .get(self.pos)
            .filter(|c| **c == '"' || **c == '\'')
        {
            self.pos += 1;
            while let Some(&c) = self.chars.get(self.pos) {
                self.pos += 1;
                if c == '\\' && q == '"' {
                    self.pos += 1;
                } else if c == q {
                    let text: String = self.chars[start..self.pos.min(self.chars.len())]
                        .iter()
                        .collect();
                    return scalar(&text, self.line);
                }
            }
            return Err(err(self.line, "unclosed quote"));
        }
        while let Some(&c) = self.chars.get(self.pos) {
            if stops.contains(&c) {
                break;
            }
            self.pos += 1;
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        Ok(plain(text.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn mappings_sequences_and_scalars() {
        let doc = "title: \"A: study\"\nauthor:\n  - Jane Doe\n  - 'Ro''e'\ndate: 2024-01-02\ndraft: false\ncount: 3\n";
        assert_eq!(
            parse(doc).unwrap(),
            json!({"title": "A: study", "author": ["Jane Doe", "Ro'e"], "date": "2024-01-02",
                   "draft": false, "count": 3})
        );
    }

    #[test]
    fn pandoc_references() {
        let doc = "references:\n- type: article-journal\n  id: wc53\n  author:\n  - family: Watson\n    given: J. D.\n  issued:\n    date-parts:\n    - - 1953\n      - 4\n  title: 'Molecular structure'\n  page: 737-738\n";
        assert_eq!(
            parse(doc).unwrap(),
            json!({"references": [{"type": "article-journal", "id": "wc53",
                "author": [{"family": "Watson", "given": "J. D."}],
                "issued": {"date-parts": [[1953, 4]]}, "title": "Molecular structure",
                "page": "737-738"}]})
        );
    }

    #[test]
    fn flow_collections_and_block_scalars() {
        let doc =
            "a: [1953, 4, {x: \"y, z\"}]\nb: |\n  line one\n  line two\nc: >-\n  folded\n  text\n";
        assert_eq!(
            parse(doc).unwrap(),
            json!({"a": [1953, 4, {"x": "y, z"}], "b": "line one\nline two\n", "c": "folded text"})
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("title: ok\nauthor: \"open\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("a:\n  b: 1\n c: 2\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(parse("a: [1, 2\n").is_err());
        assert!(parse(&format!("a: {}", "[".repeat(100_000))).is_err());
        let deep: String = (0..1_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&deep).is_err());
    }
}
