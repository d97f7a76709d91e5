//! The HTML renderer as a reader and a page author meet it: escaping, the URL policy, footnotes
//! and their popups, link popups, the sources panel, dropped lines, ids, and the standalone page.

use cite_reader::{
    parse, to_html, Abbreviation, Article, Block, BlockContent, Citation, CitationKind, Format,
    FormatOption, Inline, Options, ParseOptions, RawHtml, RenderOptions, Source, SourceKind,
};

/// Markdown, with smart punctuation off: these tests are about which characters reach the page, so
/// they must not be curled on the way.
fn markdown(input: &str) -> Article {
    let options = Options {
        parse: ParseOptions {
            format: FormatOption::Markdown,
            smart_punctuation: false,
            ..ParseOptions::default()
        },
        ..Options::default()
    };
    parse(input, &options).expect("parses")
}

fn render_md(input: &str) -> String {
    to_html(&markdown(input), &RenderOptions::default())
}

// -------------------------------------------------------------------------------------------------
// A strict reader of our own output. Everything from the article is escaped, so every `<` in the
// output must open a well-formed tag that the renderer wrote.

#[derive(Debug, Clone)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!doctype html>") {
            rest = after;
            continue;
        }
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        assert!(
            name_len > 0,
            "a bare `<` in the output: {:?}",
            &rest[..rest.len().min(60)]
        );
        let name = rest[..name_len].to_string();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('>') {
                rest = after;
                break;
            }
            let attr_len = rest
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .expect("a tag closes");
            let attr = rest[..attr_len].to_string();
            rest = &rest[attr_len..];
            let mut value = String::new();
            if let Some(after) = rest.strip_prefix("=\"") {
                let end = after
                    .find('"')
                    .expect("attribute values are quoted and close");
                value = decode(&after[..end]);
                rest = &after[end + 1..];
            }
            attrs.push((attr, value));
        }
        // The stylesheet of a standalone page is CSS, not markup.
        if name == "style" && !closing {
            let end = rest.find("</style>").expect("the style element closes");
            rest = &rest[end..];
        }
        out.push(Tag {
            name,
            closing,
            attrs,
        });
    }
    out
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The elements the renderer writes; article content never adds one.
const OUR_TAGS: &[&str] = &[
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "del",
    "details",
    "button",
    "div",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "span",
    "strong",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    // Standalone page only.
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
];

const OUR_ATTRS: &[&str] = &[
    "href", "src", "alt", "title", "class", "id", "rel", "tabindex", "style", "start", "type",
    "disabled", "checked", "hidden", "dir", "charset", "name", "content", "open",
];

/// What makes markup unsafe, if any: an element or attribute we do not write, an event handler, a
/// script URL, or a style that is not ours.
fn unsafe_markup(html: &str) -> Option<String> {
    for tag in tags(html) {
        if !OUR_TAGS.contains(&tag.name.as_str()) {
            return Some(format!("element <{}>", tag.name));
        }
        for (name, value) in &tag.attrs {
            let known = OUR_ATTRS.contains(&name.as_str())
                || name.starts_with("data-")
                || name.starts_with("aria-");
            if !known || name.starts_with("on") {
                return Some(format!("attribute {name}={value:?} on <{}>", tag.name));
            }
            if name == "href" || name == "src" {
                if let Some(scheme) = browser_scheme(value) {
                    if !["http", "https", "mailto"].contains(&scheme.as_str()) {
                        return Some(format!("{name}={value:?}"));
                    }
                }
            }
            if name == "style" && !value.starts_with("text-align: ") {
                return Some(format!("style={value:?}"));
            }
        }
    }
    None
}

/// The scheme a browser reads in an attribute value, per the URL Standard: tabs and line breaks
/// removed, C0 controls and spaces trimmed, then a letter followed by letters, digits, `+`, `-`
/// or `.` up to a `:`. `None` means a relative URL.
fn browser_scheme(value: &str) -> Option<String> {
    let v: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let v = v.trim_matches(|c: char| c <= ' ');
    let (scheme, _) = v.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

fn assert_safe(html: &str, what: &str) {
    if let Some(problem) = unsafe_markup(html) {
        panic!("{what}: the output holds {problem}:\n{html}");
    }
}

// -------------------------------------------------------------------------------------------------
// Escaping

#[test]
fn script_in_text_is_shown_not_run() {
    let html = render_md(
        "Hello <script>alert(1)</script> & \"friends\" 'all'.\n\n<script>\nalert(2)\n</script>\n",
    );
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    // (The analysis marks "friends" as a quoted term, so the quote may sit inside a marker.)
    assert!(html.contains("&amp; "), "{html}");
    assert!(html.contains("&quot;friends&quot;"), "{html}");
    assert!(html.contains("&#39;all&#39;"), "{html}");
    // The raw HTML block is shown as its source.
    assert!(
        html.contains("<pre class=\"cr-raw-html\">&lt;script&gt;\nalert(2)\n&lt;/script&gt;"),
        "{html}"
    );
    assert_safe(&html, "script in text");
}

#[test]
fn quotes_cannot_break_out_of_attributes() {
    let html = render_md(
        "[a](https://example.com \"x\\\" onmouseover=\\\"alert(1)\") ![b\" onerror=\"alert(2)](/i.png)\n",
    );
    assert_safe(&html, "attribute break-out");
    let all = tags(&html);
    let link = all.iter().find(|t| t.name == "a").expect("a link");
    assert_eq!(link.get("title"), Some("x\" onmouseover=\"alert(1)"));
    let img = all.iter().find(|t| t.name == "img").expect("an image");
    assert_eq!(img.get("alt"), Some("b\" onerror=\"alert(2)"));

    // A hostile id prefix is escaped as well.
    let options = RenderOptions {
        id_prefix: "\"><script>x</script>".into(),
        ..RenderOptions::default()
    };
    let html = to_html(&markdown("## Heading\n\nNote[^1].\n\n[^1]: N.\n"), &options);
    assert!(!html.contains("<script"), "{html}");
    assert_safe(&html, "hostile prefix");
}

#[test]
fn trusted_raw_html_passes_through() {
    let options = RenderOptions {
        raw_html: RawHtml::Trusted,
        ..RenderOptions::default()
    };
    let html = to_html(
        &markdown("<div class=\"x\">hi</div>\n\nan <b>inline</b> tag\n"),
        &options,
    );
    assert!(html.contains("<div class=\"x\">hi</div>"), "{html}");
    assert!(html.contains("an <b>inline</b> tag"), "{html}");
}

// -------------------------------------------------------------------------------------------------
// URL policy

fn link_article(url: &str) -> Article {
    let mut article = Article {
        format: Format::Markdown,
        ..Article::default()
    };
    article.blocks.push(Block::new(BlockContent::Paragraph {
        inlines: vec![
            Inline::Link {
                url: url.to_string(),
                title: "t".into(),
                children: vec![Inline::text("click")],
                citation: Some("c1".into()),
            },
            Inline::Image {
                url: url.to_string(),
                title: String::new(),
                alt: vec![Inline::text("picture")],
            },
        ],
    }));
    article.citations.push(Citation {
        id: "c1".into(),
        kind: CitationKind::Link,
        text: "click".into(),
        source: None,
        cue: None,
        detail: Some(url.to_string()),
    });
    article
}

#[test]
fn script_and_data_urls_never_become_targets() {
    // Written in Markdown: the parser decodes references, so these arrive as script URLs.
    let markdown_vectors = [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;vascript:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](java&#x0A;script:alert(1))",
        "[click](<  javascript:alert(1)>)",
        "[click](vbscript:msgbox(1))",
        "[click](VBScript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](DATA:text/html,<script>alert(1)</script>)",
        "![click](javascript:alert(1))",
        "![click](data:image/svg+xml,<svg onload=alert(1)>)",
        "[click][r]\n\n[r]: javascript:alert(1)",
    ];
    for vector in markdown_vectors {
        let html = render_md(vector);
        assert!(
            !tags(&html)
                .iter()
                .any(|t| t.get("href").is_some() || t.get("src").is_some()),
            "{vector:?} became a target:\n{html}"
        );
        assert!(html.contains("click"), "{vector:?} lost its text:\n{html}");
        assert_safe(&html, vector);
    }
    let html = render_md("<javascript:alert(1)>");
    assert!(
        html.contains("<span class=\"cr-link-blocked\">javascript:alert(1)</span>"),
        "{html}"
    );
    // Built by hand, with the characters Markdown cannot carry.
    let model_vectors = [
        "\u{0}javascript:alert(1)",
        " \u{1f}javascript:alert(1)",
        "\tjava\nscript:alert(1)",
        "java\rscript:alert(1)",
        "javascript\u{0}:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "\u{a0}javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "made-up-scheme:thing",
    ];
    for url in model_vectors {
        let html = to_html(&link_article(url), &RenderOptions::default());
        let all = tags(&html);
        assert!(
            !all.iter()
                .any(|t| t.get("href").is_some() || t.get("src").is_some()),
            "{url:?} became a target:\n{html}"
        );
        // The refused link keeps its words, without a title that could carry the address.
        let span = all
            .iter()
            .find(|t| t.get("class") == Some("cr-link-blocked"))
            .expect("a span for the refused link");
        assert_eq!(span.get("title"), None);
        assert!(html.contains(">click</span>"), "{html}");
        assert!(html.contains(">picture</span>"), "{html}");
        // No popup is left without a trigger.
        assert!(!html.contains("data-popup-for"), "{html}");
        assert_safe(&html, url);
    }
}

#[test]
fn web_mail_relative_and_fragment_urls_are_links() {
    let html = render_md(
        "[a](https://example.com/x) [b](HTTP://example.com) [c](mailto:me@example.com) \
         [d](/local/page?x=1&y=2) [e](#top) [f](//cdn.example.com/x) <https://example.com/ö>\n",
    );
    let hrefs: Vec<(String, Option<String>)> = tags(&html)
        .into_iter()
        .filter(|t| t.name == "a" && !t.closing)
        .map(|t| {
            (
                t.get("href").unwrap_or("").to_string(),
                t.get("rel").map(String::from),
            )
        })
        .collect();
    let external = Some("noopener noreferrer".to_string());
    assert_eq!(
        hrefs,
        vec![
            ("https://example.com/x".to_string(), external.clone()),
            ("HTTP://example.com".to_string(), external.clone()),
            ("mailto:me@example.com".to_string(), external.clone()),
            ("/local/page?x=1&y=2".to_string(), None),
            ("#top".to_string(), None),
            ("//cdn.example.com/x".to_string(), external.clone()),
            ("https://example.com/%C3%B6".to_string(), external),
        ]
    );
    assert_safe(&html, "allowed links");
}

// -------------------------------------------------------------------------------------------------
// Footnotes and links

fn between<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let s = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{html}"));
    let e = html[s..]
        .find(end)
        .map(|e| s + e + end.len())
        .unwrap_or(html.len());
    &html[s..e]
}

#[test]
fn footnotes_have_markers_a_numbered_list_and_popups() {
    let html = render_md(
        "Claim one.[^src] Claim two.[^plain] Claim three.[^src]\n\n\
         [^src]: Reported by [a paper](https://news.example/story).\n\
         [^plain]: Just a *remark*.\n",
    );
    // Markers, as the browser code expects them.
    assert!(
        html.contains(
            "<sup class=\"cr-fnref\"><a href=\"#cr-fn-1\" id=\"cr-fnref-1\" data-citation=\"c1\" \
         data-kind=\"footnote\" aria-describedby=\"cr-pop-c1\">1</a></sup>"
        ),
        "{html}"
    );
    assert!(
        html.contains("href=\"#cr-fn-2\" id=\"cr-fnref-2\" data-citation=\"c2\""),
        "{html}"
    );
    // The second reference to note 1 gets its own id.
    assert!(
        html.contains("href=\"#cr-fn-1\" id=\"cr-fnref-1-2\" data-citation=\"c3\""),
        "{html}"
    );

    // The list at the end: numbered by first reference, with a way back to each reference.
    let section = between(
        &html,
        "<section class=\"cr-footnotes\" aria-label=\"Footnotes\">",
        "</section>",
    );
    assert!(section.contains("<ol>"));
    let first = between(
        section,
        "<li id=\"cr-fn-1\" data-footnote=\"1\">",
        "</li>\n",
    );
    assert!(first.contains("Reported by"), "{first}");
    assert!(first.contains(
        "<a href=\"#cr-fnref-1\" class=\"cr-backref\" aria-label=\"Back to reference 1\">↩</a>"
    ));
    assert!(first.contains("href=\"#cr-fnref-1-2\""), "{first}");
    let second = between(
        section,
        "<li id=\"cr-fn-2\" data-footnote=\"2\">",
        "</li>\n",
    );
    assert!(second.contains("Just a <em>remark</em>."), "{second}");
    assert!(
        html.find("<section class=\"cr-footnotes\"").unwrap() > html.find("Claim three").unwrap()
    );

    // Popups: the note itself; a note with a link is a dialog, one without is a tooltip.
    let pop1 = between(&html, "<div id=\"cr-pop-c1\"", "</div>\n");
    assert!(pop1.contains("data-popup-for=\"c1\""));
    assert!(pop1.contains("data-popup-role=\"dialog\""), "{pop1}");
    assert!(
        pop1.contains("Reported by <a href=\"https://news.example/story\""),
        "{pop1}"
    );
    let pop2 = between(&html, "<div id=\"cr-pop-c2\"", "</div>\n");
    assert!(pop2.contains("data-popup-role=\"tooltip\""), "{pop2}");
    assert!(pop2.contains("Just a <em>remark</em>."), "{pop2}");
    // The copy in a popup carries no ids and no markers of its own.
    assert!(
        !pop1.contains(" id=\"cr-fnref") && !pop1.contains("data-citation"),
        "{pop1}"
    );
    assert_wired(&html);
}

#[test]
fn link_popups_show_the_address_with_its_host_in_bold() {
    let html = render_md(
        "Read [the report](https://reports.example.org/2024/a.pdf \"Annual report\") and \
         [this](https://trusted.example@evil.example/login).\n",
    );
    assert!(html.contains(
        "<a href=\"https://reports.example.org/2024/a.pdf\" title=\"Annual report\" data-citation=\"c1\" \
         data-kind=\"link\" aria-describedby=\"cr-pop-c1\" rel=\"noopener noreferrer\">the report</a>"
    ), "{html}");
    let pop = between(&html, "<div id=\"cr-pop-c1\"", "</div>\n");
    assert!(pop.contains("data-popup-role=\"tooltip\""), "{pop}");
    assert!(
        pop.contains(
            "<p class=\"cr-pop-url\">https://<strong>reports.example.org</strong>/2024/a.pdf</p>"
        ),
        "{pop}"
    );
    assert!(pop.contains("Annual report"), "{pop}");
    // The host a reader would really reach is the one in bold, not what comes before an `@`.
    let pop = between(&html, "<div id=\"cr-pop-c2\"", "</div>\n");
    assert!(
        pop.contains("https://trusted.example@<strong>evil.example</strong>/login"),
        "{pop}"
    );
}

#[test]
fn every_id_carries_the_prefix() {
    let options = RenderOptions {
        id_prefix: "story7-".into(),
        ..RenderOptions::default()
    };
    let html = to_html(
        &markdown(
            "Intro, see [details](#details).[^1]\n\n## Details\n\nMore.[^1]\n\n[^1]: A note.\n",
        ),
        &options,
    );
    let all = tags(&html);
    let ids: Vec<&str> = all.iter().filter_map(|t| t.get("id")).collect();
    assert!(ids.len() >= 6, "{ids:?}");
    for id in &ids {
        assert!(id.starts_with("story7-"), "id {id:?} lacks the prefix");
    }
    assert!(ids.contains(&"story7-details"));
    // In-page links go to the prefixed ids, including the author's own link to a heading.
    for tag in &all {
        if let Some(target) = tag.get("href").and_then(|h| h.strip_prefix('#')) {
            assert!(ids.contains(&target), "#{target} points nowhere");
        }
    }
    assert!(html.contains("href=\"#story7-details\""), "{html}");
    assert_wired(&html);
}

/// Every trigger is reachable with the keyboard and has exactly one popup; ids are unique; every
/// tooltip is free of anything interactive.
fn assert_wired(html: &str) {
    let all = tags(html);
    let ids: Vec<&str> = all.iter().filter_map(|t| t.get("id")).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "duplicate ids: {ids:?}");
    for tag in all.iter().filter(|t| t.get("data-citation").is_some()) {
        let keyboard =
            (tag.name == "a" && tag.get("href").is_some()) || tag.get("tabindex") == Some("0");
        assert!(keyboard, "trigger not keyboard reachable: {tag:?}");
        let citation = tag.get("data-citation").unwrap_or_default();
        let popups = all
            .iter()
            .filter(|t| t.get("data-popup-for") == Some(citation))
            .count();
        assert_eq!(popups, 1, "citation {citation} has {popups} popups");
        let described = tag.get("aria-describedby").expect("aria-describedby");
        assert!(ids.contains(&described), "{described} is not an id");
    }
    for start in html
        .match_indices("data-popup-role=\"tooltip\"")
        .map(|(i, _)| i)
    {
        let body = &html[start..start + html[start..].find("</div>\n").unwrap_or(0)];
        for interactive in ["<a ", "<button", "<input", "tabindex"] {
            assert!(
                !body.contains(interactive),
                "a tooltip holds {interactive}: {body}"
            );
        }
    }
}

// -------------------------------------------------------------------------------------------------
// Sources, abbreviations, the header, dropped lines

fn cite(id: &str, text: &str) -> Inline {
    Inline::Cite {
        citation: id.into(),
        children: vec![Inline::text(text)],
    }
}

fn citation(
    id: &str,
    kind: CitationKind,
    text: &str,
    source: Option<&str>,
    cue: Option<&str>,
) -> Citation {
    Citation {
        id: id.into(),
        kind,
        text: text.into(),
        source: source.map(String::from),
        cue: cue.map(String::from),
        detail: None,
    }
}

/// A news article as analysis would leave it, built by hand.
fn news_article() -> Article {
    let paragraph = Block::new(BlockContent::Paragraph {
        inlines: vec![
            cite("c1", "“We will rebuild,”"),
            Inline::text(" said the mayor. "),
            cite("c2", "according to the water board"),
            Inline::text(", and "),
            cite("c3", "“it was bound to happen,”"),
            Inline::text(" someone wrote. The "),
            cite("c4", "WHO"),
            Inline::text(" and the "),
            cite("c5", "IMF"),
            Inline::text(" agreed. "),
            cite("c6", "Officials"),
            Inline::text(" declined. "),
            cite("c7", "“Later,”"),
            Inline::text(" she added."),
        ],
    });
    let mut abbreviation = citation("c4", CitationKind::Abbreviation, "WHO", None, None);
    abbreviation.detail = Some("World Health Organization".into());
    Article {
        format: Format::Text,
        title: Some("Floods <recede> & towns count the cost".into()),
        standfirst: Some("Three weeks on, repairs begin.".into()),
        dateline: Some("RIVERTON, Exampleland".into()),
        byline: Some("Ana Writer and Bo Reporter".into()),
        byline_line: None,
        dateline_line: None,
        timestamp: Some("Updated 5 May 2025, 10:02".into()),
        blocks: vec![paragraph],
        sources: vec![
            Source {
                id: "s1".into(),
                name: "Maria Example-Mayor".into(),
                kind: SourceKind::Person,
                role: Some("mayor of Riverton".into()),
                aliases: vec!["the mayor".into(), "she".into()],
            },
            Source {
                id: "s2".into(),
                name: "Riverton Water Board".into(),
                kind: SourceKind::Organization,
                role: None,
                aliases: vec![],
            },
            Source {
                id: "s3".into(),
                name: "officials".into(),
                kind: SourceKind::Unnamed,
                role: None,
                aliases: vec![],
            },
        ],
        citations: vec![
            citation(
                "c1",
                CitationKind::Quote,
                "We will rebuild,",
                Some("s1"),
                Some("said during a briefing"),
            ),
            citation(
                "c2",
                CitationKind::Attribution,
                "according to the water board",
                Some("s2"),
                Some("according to"),
            ),
            citation(
                "c3",
                CitationKind::Quote,
                "it was bound to happen,",
                None,
                None,
            ),
            abbreviation,
            citation("c5", CitationKind::Abbreviation, "IMF", None, None),
            citation("c6", CitationKind::Mention, "Officials", Some("s3"), None),
            citation(
                "c7",
                CitationKind::Quote,
                "Later,",
                Some("s1"),
                Some("added"),
            ),
        ],
        abbreviations: vec![Abbreviation {
            short: "IMF".into(),
            long: "International Monetary Fund".into(),
        }],
        dropped: vec![
            "Home | News".into(),
            "Advertisement <img src=x onerror=alert(1)>".into(),
        ],
        warnings: vec![],
        footnotes: vec![],
        ..Article::default()
    }
}

#[test]
fn the_header_shows_title_standfirst_and_meta() {
    let html = to_html(&news_article(), &RenderOptions::default());
    let header = between(&html, "<header class=\"cr-header\">", "</header>");
    assert!(header
        .contains("<h1 class=\"cr-title\">Floods &lt;recede&gt; &amp; towns count the cost</h1>"));
    assert!(header.contains("<p class=\"cr-standfirst\">Three weeks on, repairs begin.</p>"));
    assert!(
        header.contains(
            "<p class=\"cr-meta\"><span class=\"cr-byline\">By Ana Writer and Bo Reporter</span> \
         <span class=\"cr-dateline\">RIVERTON, Exampleland</span> \
         <span class=\"cr-timestamp\">Updated 5 May 2025, 10:02</span></p>"
        ),
        "{header}"
    );
    // Without any of them, no header at all.
    let bare = to_html(&markdown("Just text.\n"), &RenderOptions::default());
    assert!(!bare.contains("<header"), "{bare}");
    assert!(bare.starts_with("<div class=\"cr-reader\" data-cite-reader-content dir=\"auto\">"));
}

#[test]
fn cited_spans_are_markers_with_popups_about_their_source() {
    let html = to_html(&news_article(), &RenderOptions::default());
    assert!(
        html.contains(
            "<span class=\"cr-cite cr-quote\" data-citation=\"c1\" data-kind=\"quote\" \
         aria-describedby=\"cr-pop-c1\" tabindex=\"0\">“We will rebuild,”</span>"
        ),
        "{html}"
    );
    let quote = between(&html, "<div id=\"cr-pop-c1\"", "</div>\n");
    assert!(quote.contains("data-popup-role=\"tooltip\""));
    assert!(quote.contains(">Person</span>"), "{quote}");
    assert!(quote.contains("Maria Example-Mayor"), "{quote}");
    assert!(quote.contains("mayor of Riverton"), "{quote}");
    assert!(quote.contains("said during a briefing"), "{quote}");
    assert!(quote.contains("Cited twice in this article"), "{quote}");

    let attribution = between(&html, "<div id=\"cr-pop-c2\"", "</div>\n");
    assert!(
        attribution.contains(">Organization</span>"),
        "{attribution}"
    );
    assert!(attribution.contains("Riverton Water Board"));
    assert!(
        attribution.contains("Cited once in this article"),
        "{attribution}"
    );

    let speakerless = between(&html, "<div id=\"cr-pop-c3\"", "</div>\n");
    assert!(
        speakerless.contains("Quoted words — no speaker named in the text"),
        "{speakerless}"
    );

    let unnamed = between(&html, "<div id=\"cr-pop-c6\"", "</div>\n");
    assert!(unnamed.contains(">Unnamed source</span>"), "{unnamed}");

    // Abbreviations: from the citation, or from the article's definitions.
    let who = between(&html, "<div id=\"cr-pop-c4\"", "</div>\n");
    assert!(
        who.contains(
            "<p><abbr>WHO</abbr> stands for <strong>World Health Organization</strong></p>"
        ),
        "{who}"
    );
    let imf = between(&html, "<div id=\"cr-pop-c5\"", "</div>\n");
    assert!(
        imf.contains(
            "<p><abbr>IMF</abbr> stands for <strong>International Monetary Fund</strong></p>"
        ),
        "{imf}"
    );
    assert_wired(&html);
    assert_safe(&html, "news article");
}

#[test]
fn the_sources_panel_sums_up_who_is_cited() {
    let html = to_html(&news_article(), &RenderOptions::default());
    let panel = between(
        &html,
        "<section class=\"cr-sources\" aria-label=\"Sources in this article\" data-sources-panel>",
        "</section>",
    );
    assert!(panel.contains("<summary><h2>Sources in this article</h2></summary>"));
    assert!(panel.contains(
        "<p class=\"cr-sources-summary\">3 sources: 1 person, 1 organization, 1 unnamed source</p>"
    ), "{panel}");
    // Grouped by kind, people first, each with its role and how often it is cited.
    let people = panel.find("<h3 class=\"cr-sources-group\">People</h3>");
    let organizations = panel.find("<h3 class=\"cr-sources-group\">Organizations</h3>");
    let unnamed = panel.find("<h3 class=\"cr-sources-group\">Unnamed sources</h3>");
    assert!(
        people < organizations && organizations < unnamed && people.is_some(),
        "{panel}"
    );
    assert!(
        panel.contains(
            "<li data-source=\"s1\" data-source-citations=\"c1 c7\"><strong class=\"cr-source-name\" \
             data-source-pick>Maria Example-Mayor</strong> — mayor of Riverton \
             <span class=\"cr-source-count\">· cited twice</span></li>"
        ),
        "{panel}"
    );
    assert!(panel.contains("<strong class=\"cr-source-name\" data-source-pick>Riverton Water Board</strong> <span class=\"cr-source-count\">· cited once</span></li>"), "{panel}");

    let off = RenderOptions {
        sources_panel: false,
        ..RenderOptions::default()
    };
    assert!(!to_html(&news_article(), &off).contains("cr-sources"));
    // No sources, no panel.
    assert!(!render_md("Plain.\n").contains("cr-sources"));
}

#[test]
fn dropped_lines_are_kept_folded_away() {
    let html = to_html(&news_article(), &RenderOptions::default());
    let dropped = between(&html, "<details class=\"cr-dropped\">", "</details>");
    assert!(
        dropped.contains("<summary>Page furniture removed (2 lines)</summary>"),
        "{dropped}"
    );
    assert!(dropped.contains("<li>Home | News</li>"));
    assert!(
        dropped.contains("<li>Advertisement &lt;img src=x onerror=alert(1)&gt;</li>"),
        "{dropped}"
    );
    assert!(!render_md("Plain.\n").contains("cr-dropped"));
}

#[test]
fn standalone_is_a_whole_page_with_the_stylesheet() {
    let options = RenderOptions {
        standalone: true,
        ..RenderOptions::default()
    };
    let html = to_html(&news_article(), &options);
    assert!(html.starts_with("<!doctype html>\n"), "{html}");
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(
        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(html.contains("<title>Floods &lt;recede&gt; &amp; towns count the cost</title>"));
    let css = include_str!("../www/reader.css");
    assert!(html.contains(&format!("<style>\n{css}\n</style>")));
    assert!(html.contains("<div class=\"cr-reader\""));
    assert!(html.trim_end().ends_with("</html>"));
    assert_safe(&html, "standalone page");
    // A fragment is the default.
    assert!(!to_html(&news_article(), &RenderOptions::default()).contains("<!doctype"));
    // Untitled articles still get a page title.
    let untitled = to_html(&markdown("Text.\n"), &options);
    assert!(untitled.contains("<title>Article</title>"));
}

// -------------------------------------------------------------------------------------------------
// Attack vectors from ../shared/suites/xss

#[test]
fn xss_vectors_render_inert() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/suites/xss");
    let mut payloads = Vec::new();
    for file in ["dompurify-payloads.json", "h5sc-vectors.json"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            println!("xss: SKIPPED, {} is not there", dir.join(file).display());
            return;
        };
        let items: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        for item in items.as_array().into_iter().flatten() {
            if let Some(p) = item.get("payload").and_then(|p| p.as_str()) {
                payloads.push(fill_placeholders(p));
            }
        }
    }
    assert!(payloads.len() > 300, "{} payloads", payloads.len());
    let mut checked = 0;
    for payload in &payloads {
        let oneline = payload.replace('\n', " ");
        let inputs = [
            payload.clone(),
            format!("Text {oneline} more text\n"),
            format!("[link]({oneline})\n"),
            format!("[link](<{oneline}>)\n"),
            format!("![image]({oneline})\n"),
            format!(
                "[link](https://example.com \"{}\")\n",
                oneline.replace('"', "\\\"")
            ),
            format!("Note[^1]\n\n[^1]: {oneline}\n"),
            format!("| a |\n|---|\n| {} |\n", oneline.replace('|', "\\|")),
        ];
        for input in &inputs {
            for format in [FormatOption::Markdown, FormatOption::Text] {
                let options = Options {
                    parse: ParseOptions {
                        format,
                        ..ParseOptions::default()
                    },
                    render: RenderOptions {
                        standalone: true,
                        ..RenderOptions::default()
                    },
                    ..Options::default()
                };
                let article = parse(input, &options).expect("parses");
                let html = to_html(&article, &options.render);
                if let Some(problem) = unsafe_markup(&html) {
                    panic!("payload {payload:?} as {input:?} ({format:?}) left {problem}");
                }
                checked += 1;
            }
        }
    }
    println!(
        "xss: {} payloads, {checked} renderings, all inert",
        payloads.len()
    );
}

/// H5SC payloads name their script URLs and snippets by placeholder.
fn fill_placeholders(payload: &str) -> String {
    let mut out = String::new();
    let mut rest = payload;
    while let Some(start) = rest.find('%') {
        let name_end = rest[start + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .map(|e| start + 1 + e);
        match name_end {
            Some(end) if end > start + 1 && rest[end..].starts_with('%') => {
                out.push_str(&rest[..start]);
                let name = &rest[start + 1..end];
                out.push_str(if name.contains("uri") || name.contains("url") {
                    "javascript:alert(1)"
                } else {
                    "<script>alert(1)</script>"
                });
                rest = &rest[end + 1..];
            }
            _ => {
                out.push_str(&rest[..start + 1]);
                rest = &rest[start + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
