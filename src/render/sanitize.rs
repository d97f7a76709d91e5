//! `rawHtml: "sanitize"`: raw HTML from a Markdown article, cut down to an allowlist of harmless
//! formatting and written again by us.
//!
//! A small tolerant tokenizer reads the raw HTML (text, start and end tags with attributes,
//! comments, doctypes, processing instructions); nothing of the input is copied to the output as
//! markup. Allowed elements are written anew by the [`Writer`] with only their allowed attributes,
//! every value escaped and every URL through the URL policy. Elements that carry script, styles,
//! frames, forms or foreign content are dropped with everything inside them; other unknown elements
//! lose their tags and keep their text.
//!
//! Inline HTML reaches the writer in fragments (`<b>`, text, `</b>`), so the elements opened by
//! raw HTML are kept on a stack in the writer: a closer without an opener in the same run of
//! inlines (or the same HTML block) is dropped, and what is still open at the end of the run is
//! closed there. The output is therefore always balanced, and raw HTML can never close an element
//! the writer opened.

use super::html::Writer;

/// Where the raw HTML stands: a block of its own, or a fragment among the inlines of a paragraph.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Context {
    /// `BlockContent::Html`: block and inline elements are allowed.
    Block,
    /// `Inline::Html`: inline elements only, so raw HTML cannot make the browser close the
    /// paragraph, list item or table cell it stands in.
    Inline,
}

/// Inline formatting elements allowed everywhere, with the attributes each keeps.
const INLINE: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("abbr", &["title"]),
    ("b", &[]),
    ("br", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("del", &[]),
    ("em", &[]),
    ("i", &[]),
    ("img", &["src", "alt", "title", "width", "height"]),
    ("ins", &[]),
    ("kbd", &[]),
    ("mark", &[]),
    ("q", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("small", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("sup", &[]),
    ("u", &[]),
    ("var", &[]),
];

/// Block elements, allowed in HTML blocks only.
const BLOCK: &[&str] = &[
    "blockquote",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content is raw text up to their end tag (the tokenizer skips it unread).
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe", "noscript",
];

/// Elements dropped together with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "object", "form", "svg", "math", "template", "applet", "frameset", "frame", "select", "audio",
    "video", "canvas", "head",
];

/// Every element dropped with its content, for [`OpenTags::dropping`].
const DROPPED: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "iframe",
    "noscript",
    "plaintext",
    "object",
    "form",
    "svg",
    "math",
    "template",
    "applet",
    "frameset",
    "frame",
    "select",
    "audio",
    "video",
    "canvas",
    "head",
];

/// The elements raw HTML opened and the writer has not yet closed; `floor` is where the current
/// run of inlines (or HTML block) starts: closers only match above it.
#[derive(Default)]
pub(super) struct OpenTags {
    tags: Vec<&'static str>,
    floor: usize,
    /// Inline HTML opened an element dropped with its content (`<script>` in one fragment, its
    /// text and `</script>` in later ones): everything in the run is dropped up to its end tag.
    dropping: Option<&'static str>,
}

impl OpenTags {
    /// Whether the inlines now being written fall inside a dropped element.
    pub(super) fn dropping(&self) -> bool {
        self.dropping.is_some()
    }

    /// Starts a run (a sequence of inlines or an HTML block); returns the floor to restore.
    pub(super) fn enter(&mut self) -> usize {
        std::mem::replace(&mut self.floor, self.tags.len())
    }
}

/// Ends a run: closes what raw HTML left open in it and restores the outer run's floor.
pub(super) fn leave(w: &mut Writer<'_>, outer_floor: usize) {
    let floor = w.open_tags.floor;
    while w.open_tags.tags.len() > floor {
        if let Some(tag) = w.open_tags.tags.pop() {
            close(w, tag);
        }
    }
    w.open_tags.floor = outer_floor;
    w.open_tags.dropping = None;
}

/// Writes `html` sanitized. Block context: the block is its own run, closed at its end.
pub(super) fn write(w: &mut Writer<'_>, html: &str, context: Context) {
    let outer = (context == Context::Block).then(|| w.open_tags.enter());
    let mut rest = html;
    if let Some(name) = w.open_tags.dropping {
        // Inside a dropped element opened by an earlier fragment: skip to its end tag.
        let end = if RAW_TEXT.contains(&name) {
            skip_raw_text(rest, name)
        } else if name == "plaintext" {
            None
        } else {
            // Content dropped with the element: this fragment ends it if it is its end tag.
            let closes = rest
                .strip_prefix("</")
                .and_then(read_tag)
                .filter(|t| t.name == name);
            closes.map(|t| t.rest)
        };
        match end {
            Some(after) => {
                w.open_tags.dropping = None;
                rest = after;
            }
            None => rest = "",
        }
    }
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(w, rest);
            break;
        };
        text(w, &rest[..lt]);
        rest = &rest[lt..];
        rest = markup(w, rest, context);
    }
    if let Some(outer) = outer {
        leave(w, outer);
    }
}

/// Reads one piece of markup at the start of `s` (which starts with `<`) and returns the rest.
fn markup<'s>(w: &mut Writer<'_>, s: &'s str, context: Context) -> &'s str {
    let after = &s[1..];
    if let Some(comment) = after.strip_prefix("!--") {
        // `<!-->` and `<!--->` end at once, as in browsers; otherwise up to `-->` or the end.
        for short in [">", "->"] {
            if let Some(rest) = comment.strip_prefix(short) {
                return rest;
            }
        }
        return comment.find("-->").map_or("", |end| &comment[end + 3..]);
    }
    if after.starts_with(['!', '?']) {
        // Doctype, CDATA, processing instruction, bogus comment: up to the next `>`.
        return after.find('>').map_or("", |end| &after[end + 1..]);
    }
    if let Some(end_tag) = after.strip_prefix('/') {
        if !end_tag.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some(rest) = end_tag.strip_prefix('>') {
                return rest;
            }
            // `</ ...>` and the like are bogus comments.
            return end_tag.find('>').map_or("", |end| &end_tag[end + 1..]);
        }
        let Some(tag) = read_tag(end_tag) else {
            return "";
        };
        end(w, &tag.name);
        return tag.rest;
    }
    if !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        text(w, "<");
        return after;
    }
    let Some(tag) = read_tag(after) else {
        // A tag cut off by the end of the input is dropped, as browsers drop it.
        return "";
    };
    let name = tag.name.as_str();
    let skipped = if RAW_TEXT.contains(&name) {
        Some(skip_raw_text(tag.rest, name))
    } else if name == "plaintext" {
        Some(None)
    } else if DROP_WITH_CONTENT.contains(&name) && !tag.self_closing {
        Some(skip_element(tag.rest, name))
    } else {
        None
    };
    if let Some(skipped) = skipped {
        return skipped.unwrap_or_else(|| {
            // The element goes on past this piece of HTML: inline HTML comes in fragments, so
            // what follows in the run (text, formatting) is dropped up to its end tag.
            if context == Context::Inline {
                w.open_tags.dropping = DROPPED.iter().find(|n| **n == name).copied();
            }
            ""
        });
    }
    start(w, &tag, context);
    tag.rest
}

/// A start or end tag as read.
struct Tag<'s> {
    /// Lowercased.
    name: String,
    /// Lowercased names with their values as written (character references not yet decoded).
    attrs: Vec<(String, &'s str)>,
    self_closing: bool,
    /// The input after the tag's `>`.
    rest: &'s str,
}

/// Reads a tag from just after `<` or `</`, the way the HTML tokenizer does; `None` when the input
/// ends inside it.
fn read_tag(s: &str) -> Option<Tag<'_>> {
    let name_end = s.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')?;
    let name = s[..name_end].to_ascii_lowercase();
    let mut rest = &s[name_end..];
    let mut attrs: Vec<(String, &str)> = Vec::new();
    let mut self_closing = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if let Some(after) = rest.strip_prefix('>') {
            return Some(Tag {
                name,
                attrs,
                self_closing,
                rest: after,
            });
        }
        if let Some(after) = rest.strip_prefix('/') {
            self_closing = after.starts_with('>');
            rest = after;
            continue;
        }
        if rest.is_empty() {
            return None;
        }
        self_closing = false;
        // An attribute name may start with `=`; it ends at space, `/`, `>` or `=`.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let name_len = rest[first..]
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '='))
            .map_or(rest.len(), |n| n + first);
        let attr_name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            rest = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
            if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
                let body = &rest[1..];
                let close = body.find(quote)?;
                value = &body[..close];
                rest = &body[close + 1..];
            } else {
                let len = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(rest.len());
                value = &rest[..len];
                rest = &rest[len..];
            }
        }
        // The first of two attributes with one name wins, as in browsers.
        if !attrs.iter().any(|(n, _)| *n == attr_name) {
            attrs.push((attr_name, value));
        }
    }
}

/// Skips the raw text of `name` up to and including its end tag; `None` when the input ends first.
fn skip_raw_text<'s>(s: &'s str, name: &str) -> Option<&'s str> {
    let mut from = 0;
    while let Some(i) = s[from..].find("</").map(|i| i + from) {
        let after = &s[i + 2..];
        let matches = after
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && after[name.len()..]
                .starts_with(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>');
        if matches {
            let tail = &after[name.len()..];
            return Some(tail.find('>').map_or("", |e| &tail[e + 1..]));
        }
        from = i + 2;
    }
    None
}

/// Skips the content of a dropped element up to its matching end tag, counting nested ones (and
/// skipping raw-text elements and comments whole, whose `<` are not tags); `None` when the input
/// ends first.
fn skip_element<'s>(s: &'s str, name: &str) -> Option<&'s str> {
    let mut depth = 1usize;
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let (closing, body) = match after.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, after),
        };
        if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
            rest = after;
            continue;
        }
        let tag = read_tag(body)?;
        rest = tag.rest;
        if !closing && RAW_TEXT.contains(&tag.name.as_str()) {
            rest = skip_raw_text(rest, &tag.name)?;
        } else if tag.name == name {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return Some(rest);
                }
            } else if !tag.self_closing {
                depth += 1;
            }
        }
    }
    None
}

/// The allowlist entry of `name` in `context`: its canonical name and its allowed attributes.
fn allowed(name: &str, context: Context) -> Option<(&'static str, &'static [&'static str])> {
    if let Some(&(tag, attrs)) = INLINE.iter().find(|(tag, _)| *tag == name) {
        return Some((tag, attrs));
    }
    if context == Context::Block {
        if let Some(&tag) = BLOCK.iter().find(|tag| **tag == name) {
            return Some((tag, &[]));
        }
    }
    None
}

fn start(w: &mut Writer<'_>, tag: &Tag<'_>, context: Context) {
    let Some((name, allowed_attrs)) = allowed(&tag.name, context) else {
        return;
    };
    let value = |attr: &str| {
        tag.attrs
            .iter()
            .find(|(n, _)| n == attr && allowed_attrs.contains(&attr))
            .map(|(_, v)| decode(v))
    };
    if name == "img" {
        let alt = value("alt").unwrap_or_default();
        let before = w.out.len();
        w.raw("<img");
        let src_ok = value("src").is_some_and(|src| w.url_attr("src", &src).is_some());
        if !src_ok {
            // No image without an allowed source: its description instead.
            w.out.truncate(before);
            w.text(&alt);
            return;
        }
        w.attr("alt", &alt);
        for attr in ["title", "width", "height"] {
            if let Some(v) = value(attr) {
                w.attr(attr, &v);
            }
        }
        w.raw(">");
        return;
    }
    w.raw("<");
    w.raw(name);
    if name == "a" {
        if let Some(href) = value("href") {
            if w.url_attr("href", &href).is_some() {
                w.wrote_link = true;
            }
        }
        if let Some(title) = value("title") {
            w.attr("title", &title);
        }
        w.raw(" rel=\"noopener noreferrer\"");
    } else {
        for &attr in allowed_attrs {
            if let Some(v) = value(attr) {
                w.attr(attr, &v);
            }
        }
    }
    w.raw(">");
    if !VOID.contains(&name) {
        w.open_tags.tags.push(name);
    }
}

fn end(w: &mut Writer<'_>, name: &str) {
    let floor = w.open_tags.floor;
    let Some(at) = w
        .open_tags
        .tags
        .get(floor..)
        .unwrap_or_default()
        .iter()
        .rposition(|open| *open == name)
        .map(|i| i + floor)
    else {
        // Not opened by raw HTML in this run: dropped, so the writer's own elements stay whole.
        return;
    };
    while w.open_tags.tags.len() > at {
        if let Some(open) = w.open_tags.tags.pop() {
            close(w, open);
        }
    }
}

fn close(w: &mut Writer<'_>, tag: &str) {
    w.raw("</");
    w.raw(tag);
    w.raw(">");
}

/// Text between tags: well-formed character references are kept as written (the browser reads
/// them as text), everything else is escaped.
fn text(w: &mut Writer<'_>, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        w.text(&rest[..amp]);
        let len = reference_len(&rest[amp..]);
        if len > 0 {
            w.raw(&rest[amp..amp + len]);
            rest = &rest[amp + len..];
        } else {
            w.text("&");
            rest = &rest[amp + 1..];
        }
    }
    w.text(rest);
}

/// The length of a well-formed character reference at the start of `s` (`&name;`, `&#123;`,
/// `&#x1F;`), or 0.
fn reference_len(s: &str) -> usize {
    let body = s.get(1..).unwrap_or("").as_bytes();
    let (skip, allowed): (usize, fn(&u8) -> bool) = match body {
        [b'#', b'x' | b'X', ..] => (2, u8::is_ascii_hexdigit),
        [b'#', ..] => (1, u8::is_ascii_digit),
        [c, ..] if c.is_ascii_alphabetic() => (0, u8::is_ascii_alphanumeric),
        _ => return 0,
    };
    let digits = body.get(skip..).unwrap_or(&[]);
    let run = digits.iter().take_while(|b| allowed(b)).count();
    if run == 0 || run > 32 || digits.get(run) != Some(&b';') {
        return 0;
    }
    1 + skip + run + 1
}

/// An attribute value with its character references decoded (the writer escapes it again).
fn decode(value: &str) -> String {
    super::escape::decode_references(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(html: &str) -> String {
        super::super::html::sanitize_for_tests(html, Context::Block)
    }

    fn inline(html: &str) -> String {
        super::super::html::sanitize_for_tests(html, Context::Inline)
    }

    #[test]
    fn keeps_formatting_and_drops_the_rest() {
        assert_eq!(
            block("<p class=x>Hi <b onclick=\"alert(1)\">there</b></p>"),
            "<p>Hi <b>there</b></p>"
        );
        assert_eq!(block("<font color=red>red</font>"), "red");
        assert_eq!(
            block("<abbr title=\"a &amp; b\">AB</abbr>"),
            "<abbr title=\"a &amp; b\">AB</abbr>"
        );
    }

    #[test]
    fn drops_script_and_its_text() {
        assert_eq!(block("a<script>alert('</p>')</script>b"), "ab");
        assert_eq!(block("a<SCRIPT src=x></SCRIPT >b"), "ab");
        assert_eq!(block("a<style>p{}</style><title>t</title>b"), "ab");
        assert_eq!(block("a<svg><g><svg></svg>x</g></svg>b"), "ab");
        assert_eq!(block("a<iframe src=x>hello</iframe>b<plaintext><b>c"), "ab");
        assert_eq!(block("a<!-- <b> -->b<!DOCTYPE html><?php x ?>c"), "abc");
    }

    #[test]
    fn links_and_images_go_through_the_url_policy() {
        assert_eq!(
            block("<a href=\"https://e.example/?a=1&amp;b=2\" target=_blank>x</a>"),
            "<a href=\"https://e.example/?a=1&amp;b=2\" rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(
            block("<a href=\"jav&#x09;ascript:alert(1)\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>"
        );
        assert_eq!(block("<img src=javascript:alert(1) alt=\"a<b\">"), "a&lt;b");
        assert_eq!(
            block("<img src=/a.png alt=A width=10 onerror=alert(1)>"),
            "<img src=\"/a.png\" alt=\"A\" width=\"10\">"
        );
    }

    #[test]
    fn output_stays_balanced() {
        assert_eq!(block("<div><b>x</div>"), "<div><b>x</b></div>");
        assert_eq!(block("</div></p>x"), "x");
        assert_eq!(block("<ul><li>a"), "<ul><li>a</li></ul>");
        assert_eq!(inline("<div>x</div>"), "x");
    }

    #[test]
    fn text_is_escaped_but_references_kept() {
        assert_eq!(
            block("a < b & c &amp; &#60; &bogus"),
            "a &lt; b &amp; c &amp; &#60; &amp;bogus"
        );
        assert_eq!(
            block("<a href=x title='\"><script>'>y</a>"),
            "<a href=\"x\" title=\"&quot;&gt;&lt;script&gt;\" rel=\"noopener noreferrer\">y</a>"
        );
    }

    #[test]
    fn inline_script_text_in_later_fragments_is_dropped() {
        let options = crate::Options {
            parse: crate::ParseOptions {
                format: crate::FormatOption::Markdown,
                ..Default::default()
            },
            render: crate::RenderOptions {
                raw_html: crate::RawHtml::Sanitize,
                ..Default::default()
            },
            ..Default::default()
        };
        let html = crate::render(
            "Hi <script>alert(1)</script> *there* <svg>drawn</svg> <b>bold\n\nNext <style>p {}</style> para.",
            &options,
        )
        .unwrap();
        assert!(
            html.contains("<p>Hi  <em>there</em>  <b>bold</b></p>"),
            "{html}"
        );
        assert!(html.contains("<p>Next  para.</p>"), "{html}");
        assert!(
            !html.contains("alert") && !html.contains("drawn") && !html.contains("p {}"),
            "{html}"
        );
        // A script left open drops only the rest of its paragraph.
        let html = crate::render("Before <script>x\n\nAfter", &options).unwrap();
        assert!(
            html.contains("<p>Before </p>") && html.contains("<p>After</p>"),
            "{html}"
        );
    }

    #[test]
    fn unfinished_input_does_not_panic() {
        for html in [
            "<",
            "<a",
            "<a href=\"x",
            "</",
            "</a",
            "<!--",
            "<!",
            "<?",
            "<script>x",
            "<svg",
            "&",
            "&#",
            "&#x",
            "<é",
            "<a é=ö>",
        ] {
            let _ = block(html);
            let _ = inline(html);
        }
    }
}
