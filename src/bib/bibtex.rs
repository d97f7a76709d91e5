//! A small BibTeX/BibLaTeX reader: entries, their keys and raw fields (`{…}`, `"…"`, numbers,
//! `@string` macros, `#` concatenation). It gives the core what a popup shows before the engine has
//! formatted anything (author, title, year) and finds the line of a syntax error; the engine reads
//! the same text with its own, complete parser.

use std::collections::BTreeMap;

/// One entry: `@article{key, field = {value}, …}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BibEntry {
    /// The entry type, lowercase (`article`).
    pub kind: String,
    pub key: String,
    /// Field names lowercase; values with braces and TeX accents simplified.
    pub fields: BTreeMap<String, String>,
}

/// A syntax error and its 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BibError {
    pub line: usize,
    pub message: String,
}

/// Reads every entry; the first syntax error stops the reading.
pub fn parse(text: &str) -> Result<Vec<BibEntry>, BibError> {
    let mut p = Parser {
        text,
        pos: 0,
        strings: default_months(),
    };
    let mut entries = Vec::new();
    while let Some(at) = p.text[p.pos..].find('@') {
        p.pos += at + 1;
        let kind = p.ident().to_ascii_lowercase();
        if kind.is_empty() {
            return Err(p.error("expected an entry type after @"));
        }
        p.space();
        let close = match p.peek() {
            Some('{') => '}',
            Some('(') => ')',
            _ => return Err(p.error(&format!("expected {{ after @{kind}"))),
        };
        p.pos += 1;
        match kind.as_str() {
            "comment" => {
                p.skip_balanced(close)?;
            }
            "preamble" => {
                p.skip_balanced(close)?;
            }
            "string" => {
                p.space();
                let name = p.ident().to_ascii_lowercase();
                p.space();
                p.expect('=')?;
                let value = p.value()?;
                p.space();
                p.expect(close)?;
                p.strings.insert(name, value);
            }
            _ => {
                p.space();
                let key = p.key();
                if key.is_empty() {
                    return Err(p.error(&format!("the @{kind} entry has no key")));
                }
                let mut fields = BTreeMap::new();
                loop {
                    p.space();
                    match p.peek() {
                        Some(',') => p.pos += 1,
                        Some(c) if c == close => {
                            p.pos += 1;
                            break;
                        }
                        None => return Err(p.error(&format!("entry `{key}` is not closed"))),
                        _ => return Err(p.error("expected , between fields")),
                    }
                    p.space();
                    if p.peek() == Some(close) {
                        p.pos += 1;
                        break;
                    }
                    let name = p.ident().to_ascii_lowercase();
                    if name.is_empty() {
                        return Err(p.error(&format!("expected a field name in entry `{key}`")));
                    }
                    p.space();
                    p.expect('=')?;
                    let value = p.value()?;
                    fields.insert(name, clean(&value));
                }
                entries.push(BibEntry { kind, key, fields });
            }
        }
    }
    Ok(entries)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    strings: BTreeMap<String, String>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn line(&self) -> usize {
        self.text[..self.pos].matches('\n').count() + 1
    }

    fn error(&self, message: &str) -> BibError {
        BibError {
            line: self.line(),
            message: message.to_string(),
        }
    }

    fn space(&mut self) {
        loop {
            let rest = &self.text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            // `%` comments run to the end of the line.
            if trimmed.starts_with('%') {
                self.pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                break;
            }
        }
    }

    fn expect(&mut self, c: char) -> Result<(), BibError> {
        self.space();
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            Ok(())
        } else {
            Err(self.error(&format!("expected `{c}`")))
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || "_-:.+/'".contains(c) {
                self.pos += c.len_utf8();
            } else {
                break;
            }
        }
        &self.text[start..self.pos]
    }

    fn key(&mut self) -> String {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c == ',' || c == '}' || c == ')' || c.is_whitespace() {
                break;
            }
            self.pos += c.len_utf8();
        }
        self.text[start..self.pos].to_string()
    }

    /// Skips to the `close` that ends the current `@comment`/`@preamble` body.
    fn skip_balanced(&mut self, close: char) -> Result<(), BibError> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            self.pos += c.len_utf8();
            match c {
                '{' | '(' if c != close => depth += 1,
                c2 if c2 == close && depth == 0 => return Ok(()),
                '}' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        Err(self.error("an @comment or @preamble is not closed"))
    }

    /// A field value: parts joined by `#`.
    fn value(&mut self) -> Result<String, BibError> {
        let mut out = String::new();
        loop {
            self.space();
            match self.peek() {
                Some('{') => {
                    let start_line = self.line();
                    self.pos += 1;
                    let from = self.pos;
                    let mut depth = 0usize;
                    loop {
                        let Some(c) = self.peek() else {
                            return Err(BibError {
                                line: start_line,
                                message: "a { is never closed".to_string(),
                            });
                        };
                        self.pos += c.len_utf8();
                        match c {
                            '\\' => {
                                // An escaped brace does not count.
                                if let Some(n) = self.peek().filter(|n| "{}".contains(*n)) {
                                    self.pos += n.len_utf8();
                                }
                            }
                            '{' => depth += 1,
                            '}' if depth == 0 => break,
                            '}' => depth -= 1,
                            '\n' if depth == 0 && starts_field_or_entry(&self.text[self.pos..]) => {
                                // The next line starts a field or an entry: this brace was
                                // never closed.
                                return Err(BibError {
                                    line: start_line,
                                    message: "a { is never closed".to_string(),
                                });
                            }
                            _ => {}
                        }
                    }
                    out.push_str(&self.text[from..self.pos - 1]);
                }
                Some('"') => {
                    let start_line = self.line();
                    self.pos += 1;
                    let from = self.pos;
                    let mut depth = 0usize;
                    loop {
                        let Some(c) = self.peek() else {
                            return Err(BibError {
                                line: start_line,
                                message: "a \" is never closed".to_string(),
                            });
                        };
                        self.pos += c.len_utf8();
                        match c {
                            '{' => depth += 1,
                            '}' => depth = depth.saturating_sub(1),
                            '"' if depth == 0 => break,
                            _ => {}
                        }
                    }
                    out.push_str(&self.text[from..self.pos - 1]);
                }
                Some(c) if c.is_alphanumeric() => {
                    let word = self.ident().to_string();
                    if word.chars().all(|c| c.is_ascii_digit()) {
                        out.push_str(&word);
                    } else {
                        match self.strings.get(&word.to_ascii_lowercase()) {
                            Some(v) => out.push_str(v),
                            None => {
                                return Err(self.error(&format!("unknown @string `{word}`")));
                            }
                        }
                    }
                }
                _ => return Err(self.error("expected a value: {…}, \"…\" or a number")),
            }
            self.space();
            if self.peek() == Some('#') {
                self.pos += 1;
            } else {
                return Ok(out);
            }
        }
    }
}

/// A line that reads `name =` or `@type{`.
fn starts_field_or_entry(line: &str) -> bool {
    let line = line.trim_start_matches([' ', '\t']);
    if line.starts_with('@') {
        return true;
    }
    let name_len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    name_len > 0
        && line[name_len..]
            .trim_start_matches([' ', '\t'])
            .starts_with('=')
}

fn default_months() -> BTreeMap<String, String> {
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .enumerate()
    .map(|(i, m)| (m.to_string(), (i + 1).to_string()))
    .collect()
}

/// A value as a reader sees it: braces dropped, common TeX accents and escapes resolved,
/// whitespace collapsed.
pub fn clean(value: &str) -> String {
    const ACCENTS: &[(&str, &str)] = &[
        ("\\'e", "é"),
        ("\\'a", "á"),
        ("\\'i", "í"),
        ("\\'o", "ó"),
        ("\\'u", "ú"),
        ("\\'E", "É"),
        ("\\`e", "è"),
        ("\\`a", "à"),
        ("\\\"o", "ö"),
        ("\\\"u", "ü"),
        ("\\\"a", "ä"),
        ("\\\"O", "Ö"),
        ("\\\"U", "Ü"),
        ("\\\"A", "Ä"),
        ("\\^e", "ê"),
        ("\\^o", "ô"),
        ("\\~n", "ñ"),
        ("\\c{c}", "ç"),
        ("\\c c", "ç"),
        ("\\ss", "ß"),
        ("\\&", "&"),
        ("\\%", "%"),
        ("\\_", "_"),
        ("\\$", "$"),
        ("\\#", "#"),
        ("---", "—"),
        ("--", "–"),
        ("~", "\u{a0}"),
    ];
    let mut s = value.to_string();
    for (tex, plain) in ACCENTS {
        s = s.replace(tex, plain);
        // `{\'e}` and `\'{e}` forms.
        if let Some(letter) = tex.strip_prefix('\\').and_then(|t| t.get(1..)) {
            if letter.len() == 1 {
                let braced = format!("{}{{{}}}", &tex[..2], letter);
                s = s.replace(&braced, plain);
            }
        }
    }
    let s: String = s.chars().filter(|c| *c != '{' && *c != '}').collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_fields_strings_and_concatenation() {
        let text = "% a comment\n@string{jn = \"Journal of Things\"}\n@Article{doe99,\n  author = {Doe, Jane and Roe, Ann},\n  title = {On {TeX} Caf{\\'e}s},\n  journal = jn # \" Quarterly\",\n  year = 1999, month = mar,\n}\n@book(roe, title = \"Books\")\n";
        let entries = parse(text).unwrap();
        assert_eq!(entries.len(), 2);
        let e = &entries[0];
        assert_eq!(e.kind, "article");
        assert_eq!(e.key, "doe99");
        assert_eq!(e.fields["author"], "Doe, Jane and Roe, Ann");
        assert_eq!(e.fields["title"], "On TeX Cafés");
        assert_eq!(e.fields["journal"], "Journal of Things Quarterly");
        assert_eq!(e.fields["year"], "1999");
        assert_eq!(e.fields["month"], "3");
        assert_eq!(entries[1].key, "roe");
    }

    #[test]
    fn errors_name_the_line() {
        let e =
            parse("@article{a,\n title = {ok},\n author = {Open,\n year = 1999\n}\n").unwrap_err();
        assert_eq!(e.line, 3, "{e:?}");
        let e = parse("@article{a,\n title = ok\n}").unwrap_err();
        assert_eq!(e.line, 2, "{e:?}");
        assert!(parse("@article{a, title = {x}").is_err());
        assert!(parse("@{x}").is_err());
    }
}
