//! Escaping and URL policy: the only place where article text meets HTML syntax.
//!
//! Text and attribute values go through [`escape`]; link and image targets go through [`safe_url`]
//! (which decides) and [`escape_href`] (which writes). Nothing else writes article content.

/// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by character references, which makes it
/// safe both as element text and as a double- or single-quoted attribute value.
pub(super) fn escape(text: &str, out: &mut String) {
    // In bulk: scan bytes for the next special one and copy the run before it whole. Every special
    // byte is ASCII, so both ends of each run are character boundaries.
    let mut start = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let reference = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(text.get(start..i).unwrap_or_default());
        out.push_str(reference);
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

/// The schemes a link or image may use. Everything else (`javascript:`, `data:`, `vbscript:`,
/// `file:`, unknown schemes) is written as text, never as a target.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// What a URL is, once cleaned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Url {
    /// An `http`, `https` or `mailto` URL, or a protocol-relative one (`//host/path`).
    External(String),
    /// A path relative to the page.
    Relative(String),
    /// A fragment of this page (`#id`), without the `#`.
    Fragment(String),
}

/// Decides whether `url` may become an `href` or `src`, and if so returns it cleaned.
///
/// Browsers drop tabs and line breaks anywhere in a URL and control characters and spaces at its
/// ends, and read schemes case-insensitively; the decision is made on the URL as a browser would
/// read it. A second guard looks again with character references decoded and every control
/// character removed: the output is always escaped, so `&#106;avascript:` or `java\0script:`
/// could not run anyway, but such a URL is refused rather than trusted to stay inert.
pub(super) fn safe_url(url: &str) -> Option<Url> {
    let drop_breaks = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect()
    };
    let cleaned = drop_breaks(url)
        .trim_matches(|c: char| c.is_control() || c == ' ')
        .to_string();
    // The second guard is stricter than browsers: it drops every control character, not only
    // tabs and line breaks, and also trims Unicode spaces.
    let decoded: String = decode_references(&cleaned)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    let decoded = decoded.trim_matches(|c: char| c.is_control() || c.is_whitespace());
    if let Some(scheme) = scheme_of(&cleaned).or_else(|| scheme_of(decoded)) {
        let scheme = scheme.to_ascii_lowercase();
        return ALLOWED_SCHEMES
            .contains(&scheme.as_str())
            .then_some(Url::External(cleaned));
    }
    if let Some(fragment) = cleaned.strip_prefix('#') {
        return Some(Url::Fragment(fragment.to_string()));
    }
    if cleaned.starts_with("//") || cleaned.starts_with("\\\\") {
        return Some(Url::External(cleaned));
    }
    Some(Url::Relative(cleaned))
}

/// The scheme of `url` as the URL Standard reads it: an ASCII letter, then letters, digits, `+`,
/// `-` or `.`, then `:`. Anything else (`foo):`, a leading non-breaking space) makes the URL
/// relative in every browser, so it cannot run script. (`safe_url` also refuses URLs that only
/// show a scheme once character references are decoded.)
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find(':')?;
    let scheme = &url[..end];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some(scheme)
}

/// Decodes numeric character references and the named ones that spell URL syntax.
pub(super) fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12) else {
            // No terminating `;` nearby: browsers still accept a numeric reference without it.
            let (c, used) = numeric_prefix(&rest[1..]);
            match c {
                Some(c) => {
                    out.push(c);
                    rest = &rest[1 + used..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "colon" => Some(':'),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            "sol" => Some('/'),
            "num" => Some('#'),
            "amp" => Some('&'),
            "lpar" => Some('('),
            "rpar" => Some(')'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some('\u{a0}'),
            _ => numeric_prefix(name).0,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads `#123` or `#x7B` at the start of `s`: the character and the bytes used.
fn numeric_prefix(s: &str) -> (Option<char>, usize) {
    let Some(body) = s.strip_prefix('#') else {
        return (None, 0);
    };
    let (radix, digits_from) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits: String = s[digits_from..]
        .chars()
        .take_while(|c| c.is_digit(radix))
        .take(8)
        .collect();
    if digits.is_empty() {
        return (None, 0);
    }
    let c = u32::from_str_radix(&digits, radix)
        .ok()
        .and_then(char::from_u32);
    (c, digits_from + digits.len())
}

/// Appends `url` as an attribute value: bytes that are not URL-safe are percent-encoded, the way
/// CommonMark renderers write destinations (so `ö` becomes `%C3%B6`), and `&` and `'` become
/// references. No `"`, `<` or `>` survives: they are percent-encoded.
pub(super) fn escape_href(url: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut start = 0;
    for (i, &b) in url.as_bytes().iter().enumerate() {
        if is_href_safe(b) {
            continue;
        }
        // Every byte at or above 0x80 is encoded, so a run left as it is is ASCII and both its ends
        // are character boundaries; an empty run may start inside a character, so skip it.
        if start < i {
            out.push_str(&url[start..i]);
        }
        match b {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
        start = i + 1;
    }
    out.push_str(&url[start..]);
}

/// ASCII letters, digits and the URL punctuation that needs no encoding (`%` included, so existing
/// percent-escapes stay as they are).
fn is_href_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%()*+,-./:;=?@^_~".contains(&b)
}

/// Splits a URL for display around its host, which a reader should see at a glance:
/// `https://user@host:8080/path` → (`https://user@`, `host`, `:8080/path`). `None` when the URL has
/// no host (relative paths, fragments).
pub(super) fn split_host(url: &str) -> Option<(&str, &str, &str)> {
    if let Some(address) = url
        .get(..7)
        .filter(|s| s.eq_ignore_ascii_case("mailto:"))
        .map(|_| &url[7..])
    {
        let address_end = address.find('?').unwrap_or(address.len());
        let at = address[..address_end].rfind('@')?;
        let host_start = 7 + at + 1;
        let host_end = 7 + address_end;
        return Some((
            &url[..host_start],
            &url[host_start..host_end],
            &url[host_end..],
        ));
    }
    let authority_start = url.find("//")? + 2;
    if url[..authority_start - 2].contains(['/', '?', '#']) {
        return None;
    }
    let authority_len = url[authority_start..]
        .find(['/', '?', '#', '\\'])
        .unwrap_or(url.len() - authority_start);
    let authority = &url[authority_start..authority_start + authority_len];
    let host_start = authority_start + authority.rfind('@').map_or(0, |at| at + 1);
    let host = &url[host_start..authority_start + authority_len];
    // A port is not part of the name; an IPv6 literal keeps its colons.
    let host_len = if host.starts_with('[') {
        host.find(']').map_or(host.len(), |e| e + 1)
    } else {
        host.find(':').unwrap_or(host.len())
    };
    if host_len == 0 {
        return None;
    }
    let host_end = host_start + host_len;
    Some((
        &url[..host_start],
        &url[host_start..host_end],
        &url[host_end..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape(s, &mut out);
        out
    }

    #[test]
    fn escapes_all_five() {
        assert_eq!(
            escaped(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        // Runs of other text, multi-byte characters included, are copied as they are.
        assert_eq!(escaped("« Köln »<b>–&"), "« Köln »&lt;b&gt;–&amp;");
        assert_eq!(escaped("plain café"), "plain café");
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn allows_web_mail_relative_and_fragment_urls() {
        assert!(matches!(
            safe_url("https://example.com"),
            Some(Url::External(_))
        ));
        assert!(matches!(
            safe_url("HTTP://example.com"),
            Some(Url::External(_))
        ));
        assert!(matches!(safe_url("mailto:a@b.c"), Some(Url::External(_))));
        assert!(matches!(
            safe_url("//example.com/x"),
            Some(Url::External(_))
        ));
        assert_eq!(safe_url("/a/b?c#d"), Some(Url::Relative("/a/b?c#d".into())));
        assert_eq!(safe_url("a/b:c"), Some(Url::Relative("a/b:c".into())));
        assert_eq!(safe_url("#notes"), Some(Url::Fragment("notes".into())));
    }

    #[test]
    fn refuses_script_and_unknown_schemes_however_spelled() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "&#106avascript:alert(1)",
            "javascript&colon;alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "made-up:thing",
            "jav&#x09;ascript:alert(1)",
            "javascript&#58;alert(1)",
            "\u{0}javascript:alert(1)",
            "\u{a0}javascript:alert(1)",
        ] {
            assert_eq!(safe_url(url), None, "{url:?} was allowed");
        }
    }

    #[test]
    fn what_is_not_a_scheme_is_a_relative_url() {
        // Browsers read these as paths: no scheme, nothing to run.
        for url in ["foo):", "%6Aavascript:alert(1)", "a b:c", "1http://x"] {
            assert!(matches!(safe_url(url), Some(Url::Relative(_))), "{url:?}");
        }
    }

    #[test]
    fn hrefs_are_percent_encoded_and_escaped() {
        let mut out = String::new();
        escape_href("/föö?a=1&b='2'\"<x>", &mut out);
        assert_eq!(out, "/f%C3%B6%C3%B6?a=1&amp;b=&#x27;2&#x27;%22%3Cx%3E");
    }

    #[test]
    fn finds_the_host_a_reader_should_see() {
        assert_eq!(
            split_host("https://example.com/a/b"),
            Some(("https://", "example.com", "/a/b"))
        );
        assert_eq!(
            split_host("https://trusted.example@evil.example:8080/x"),
            Some(("https://trusted.example@", "evil.example", ":8080/x"))
        );
        assert_eq!(
            split_host("mailto:me@example.org?subject=hi"),
            Some(("mailto:me@", "example.org", "?subject=hi"))
        );
        assert_eq!(split_host("/relative/path"), None);
        assert_eq!(split_host("a/b//c"), None);
    }
}
