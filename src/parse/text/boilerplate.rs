//! Page furniture: lines a web page adds around an article (breadcrumbs, share buttons, captions,
//! copyright footers, tag lists). Each rule recognises a short line or a line of a recognisable form,
//! so that a real paragraph is never taken for furniture.

/// Junk lines that stand alone, compared case-insensitively with the whole trimmed line.
const JUNK_LINES: &[&str] = &[
    "spacer",
    "key events",
    "key event",
    "refresh",
    "show key events only",
    "skip to main content",
    "skip to content",
    "advertisement",
    "advertisement:",
    "ad",
    "sponsored",
    "sponsored content",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share via",
    "share this with",
    "share on",
    "listen to this article",
    "listen",
    "copy link",
    "link copied",
    "comments",
    "comment",
    "leave a comment",
    "view comments",
    "show comments",
    "image",
    "photo",
    "video",
    "gallery",
    "getty images",
    "print",
    "email",
    "save",
    "save article",
    "bookmark",
    "follow",
    "menu",
    "close",
    "search",
    "continue reading",
    "continue reading below",
    "story continues below",
    "story continues below advertisement",
    "article continues below advertisement",
    "scroll to continue",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "recommended",
    "more from",
    "you may also like",
    "related",
    "related stories",
    "related articles",
    "read more",
    "loading",
    "loading...",
    "toggle caption",
    "hide caption",
    "enlarge this image",
    "back to top",
    "top stories",
    "sign in",
    "log in",
    "register",
    "newsletter",
    "newsletters",
    "more",
    "next",
    "previous",
    "open in app",
    "follow us",
    "view gallery",
    "watch video",
    "watch",
    "play video",
    "expand",
    "enlarge",
    "audio",
    "listen to article",
    "save for later",
    "gift article",
    "gift this article",
    "share full article",
    "reprints",
    "print article",
    "related topics",
    "more on this story",
    "recommended",
    "close dialogue",
    "skip advertisement",
    "supported by",
    "learn more",
    "next image",
    "previous image",
    "reuse this content",
    "explore more on these topics",
    "topics",
    "tags",
    "more about",
    "see more",
    "explainer",
    "analysis",
    "live",
    "breaking",
    "exclusive",
    "opinion",
];

/// Line openings that mark furniture whatever follows, compared case-insensitively.
const JUNK_PREFIXES: &[&str] = &[
    "comments are closed",
    "listen · ",
    "this article is more than",
    "share this live blog",
    "have a news tip",
    "got a news tip",
    "skip to ",
    "copy link",
    "please turn on javascript",
    "please enable javascript",
    "javascript is disabled",
    "you need to enable javascript",
    "read more:",
    "read more »",
    "read more ›",
    "related:",
    "related coverage:",
    "related content:",
    "see also:",
    "also read:",
    "more:",
    "watch:",
    "listen to this article",
    "share on ",
    "share to ",
    "share via ",
    "subscribe ",
    "subscribe:",
    "sign up for ",
    "sign up to ",
    "sign up now",
    "follow us on ",
    "click here to ",
    "tags:",
    "tagged:",
    "topics:",
    "filed under:",
    "categories:",
    "advertisement ",
    "our standards:",
    "(reporting by ",
    "(additional reporting by ",
    "(writing by ",
    "(editing by ",
    "(compiled by ",
    "story continues",
    "article continues",
    "continue reading",
    "recommended:",
    "image caption",
    "image source",
    "media caption",
    "copyright ©",
    "copyright (c)",
    "all rights reserved",
];

/// Markers that open a photo credit inside a caption line.
const CREDIT_MARKERS: &[&str] = &[
    "Photo:",
    "Photos:",
    "Photograph:",
    "Photographs:",
    "Photo by ",
    "Photograph by ",
    "Photo credit:",
    "Picture:",
    "Picture by ",
    "Pictures by ",
    "Picture credit:",
    "Image:",
    "Image credit:",
    "Illustration:",
    "Credit:",
    "Credits:",
    "Credit...",
    "Credit…",
    "PHOTO:",
    "CREDIT:",
];

/// Endings of a line that name a photo agency.
const CREDIT_ENDINGS: &[&str] = &[
    "getty images",
    "getty images)",
    "via getty images",
    "via reuters",
    "via ap",
    "ap photo",
    "(ap photo)",
    "shutterstock",
    "shutterstock)",
    "alamy",
    "alamy)",
    "epa-efe",
    "file photo",
    "(file photo)",
];

/// Headings of the topic or tag list that closes many pages, one topic a line after them.
const TAG_LIST_HEADINGS: &[&str] = &[
    "topics",
    "tags",
    "related topics",
    "explore more on these topics",
    "more on this story",
    "more on these topics",
    "filed under",
    "categories",
    "share this with",
    "share on",
    "share via",
];

/// Labels after which the next line is a photo caption ("Image caption,").
const CAPTION_LABELS: &[&str] = &["image caption", "media caption", "caption"];

/// Whether `line` labels the caption on the next line.
pub(super) fn opens_caption(line: &str) -> bool {
    let lower = line.to_lowercase();
    CAPTION_LABELS.contains(&lower.trim_end_matches([',', ':', '.', ' ']))
}

/// Whether `line` can be a caption: a short line, at most two sentences.
pub(super) fn is_caption_text(line: &str) -> bool {
    line.split_whitespace().count() <= 40 && line.matches(". ").count() <= 1
}

/// Whether `line` opens a list of topics, one a line.
pub(super) fn opens_tag_list(line: &str) -> bool {
    let lower = line.to_lowercase();
    TAG_LIST_HEADINGS.contains(&lower.trim_end_matches(':'))
}

/// Whether `line` can be one entry of a topic list: a few words, no sentence.
pub(super) fn is_tag_item(line: &str) -> bool {
    line.split_whitespace().count() <= 4
        && line.chars().count() <= 40
        && !line.ends_with(['.', '!', '?', ',', ':', '"', '”'])
}

/// Whether `line` (already trimmed) is page furniture rather than article content.
pub(super) fn is_boilerplate(line: &str) -> bool {
    if line.is_empty() {
        return false;
    }
    let lower = line.to_lowercase();
    if JUNK_LINES.contains(&lower.trim_end_matches([':', '.'])) {
        return true;
    }
    if line.chars().all(is_rule_char) {
        return true;
    }
    // Every rule below recognises a line of a known form; a long line is prose.
    if line.chars().count() > 400 {
        return false;
    }
    if JUNK_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    is_copyright(line, &lower)
        || is_credit_line(line, &lower)
        || is_contact_line(&lower)
        || is_newsletter_blurb(&lower)
        || is_print_note(&lower)
        || lower.ends_with(", opens new tab")
        || (lower.starts_with("reporting from ") && line.chars().count() <= 60)
        || is_gallery_counter(&lower)
        || is_reading_time(&lower)
        || is_comment_count(&lower)
        || (is_breadcrumb(line)
            && !super::header::is_timestamp(line)
            && super::header::byline(line).is_none())
        || is_caption(line, &lower)
        || opens_teaser_list(line)
        || is_reporting_credit(line)
        || is_bare_number_or_time(line)
}

/// "Ana Ruiz contributed reporting from Lendava.", "Iturbe reported from Mexico City.",
/// "Additional reporting by Ana Ruiz": who else worked on the story, a line of its own.
fn is_reporting_credit(line: &str) -> bool {
    if line.chars().count() > 200 {
        return false;
    }
    let lower = line.to_lowercase();
    if lower.starts_with("additional reporting by ") || lower.starts_with("with reporting by ") {
        return true;
    }
    let Some(at) = [
        " contributed reporting",
        " contributed to this report",
        " contributed research",
        " reported from ",
    ]
    .iter()
    .filter_map(|m| lower.find(m))
    .min() else {
        return false;
    };
    // Then at most a place: "… from Mexico City.", "… from Tarvik, Kastel." (not a clause: "…,
    // the editor said").
    let after = line[at..].trim_end_matches('.');
    let place_words = after
        .split_once(" from ")
        .map(|(_, place)| {
            place
                .split([' ', ','])
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
        .unwrap_or(false);
    if (after.contains(',') && !place_words) || after.split_whitespace().count() > 8 {
        return false;
    }
    // The names before it: capitalised words, commas and "and" only.
    let names = &line[..at];
    let words: Vec<&str> = names.split_whitespace().collect();
    (1..=12).contains(&words.len())
        && words.iter().all(|w| {
            matches!(*w, "and" | "&")
                || w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-.'’,".contains(c))
        })
        && !lower.contains(". ")
}

/// Openings of the staff credits that close wire and newspaper articles.
const CREDIT_OPENINGS: &[&str] = &[
    "reporting by ",
    "additional reporting by ",
    "writing by ",
    "editing by ",
    "compiled by ",
    "with files from ",
    "with reporting by ",
    "with additional reporting by ",
];

/// Lowercase words a staff credit contains besides names ("Reporting by A in B; Editing by C").
const CREDIT_WORDS: &[&str] = &[
    "by",
    "and",
    "in",
    "from",
    "with",
    "editing",
    "writing",
    "reporting",
    "additional",
    "compiled",
    "files",
    "research",
    "graphics",
    "de",
    "da",
    "del",
    "van",
    "von",
    "al",
    "bin",
];

/// Endings of a contributor note ("Jane Doe in Lagos contributed to this report.").
const CONTRIBUTED_ENDINGS: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "contributed research",
];

/// "Reporting by A in B; Editing by C", "With files from A", "A in B contributed to this report.":
/// who helped write the article, named at its end. Only names and credit words may follow the
/// opening, so "Reporting by the agency showed ..." stays prose.
fn is_credit_line(line: &str, lower: &str) -> bool {
    if line.chars().count() > 240 {
        return false;
    }
    let trimmed = lower.trim_end_matches(['.', ')', ' ']);
    if CONTRIBUTED_ENDINGS.iter().any(|e| trimmed.ends_with(e)) {
        return line.split_whitespace().count() <= 25;
    }
    let lower = lower.trim_start_matches('(');
    let Some(opening) = CREDIT_OPENINGS.iter().find(|o| lower.starts_with(*o)) else {
        return false;
    };
    let rest = line
        .trim_start_matches('(')
        .get(opening.len()..)
        .unwrap_or("");
    rest.split(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '/' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.starts_with(char::is_uppercase) || CREDIT_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// "Write to Jane Doe at jane@example.com", "Contact the author: jane@example.com".
fn is_contact_line(lower: &str) -> bool {
    lower.chars().count() <= 200
        && lower.contains('@')
        && [
            "write to ",
            "email ",
            "e-mail ",
            "contact ",
            "reach ",
            "follow ",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "Get the day's top stories delivered to your inbox": a newsletter's pitch.
fn is_newsletter_blurb(lower: &str) -> bool {
    let every = [
        "every morning",
        "every monday",
        "every week",
        "every day",
        "every weekday",
    ];
    lower.chars().count() <= 200
        && (lower.contains("to your inbox")
            || lower.contains("in your inbox")
            || (lower.contains("newsletter") && lower.contains("sign up"))
            || (lower.starts_with("get ") && every.iter().any(|e| lower.contains(e)))
            || (lower.starts_with("join our ")
                && ["channel", "community", "newsletter", "group"]
                    .iter()
                    .any(|w| lower.contains(w))))
}

/// A line that is only a number ("132" comments) or a clock time ("16:05 GMT", "11:48 a.m."), as
/// share bars and live blogs print.
fn is_bare_number_or_time(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = words.len() == 1
        && line.chars().count() <= 7
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let clock = (1..=3).contains(&words.len())
        && words.first().is_some_and(|w| {
            // "16:05", and "18.30" as British papers write it.
            let (h, m) = w.split_once([':', '.']).unwrap_or(("", ""));
            !h.is_empty()
                && h.len() <= 2
                && h.chars().all(|c| c.is_ascii_digit())
                && m.len() >= 2
                && m.chars().take(2).all(|c| c.is_ascii_digit())
        })
        && words.iter().skip(1).all(|w| {
            let w = w.to_lowercase();
            matches!(
                w.as_str(),
                "am" | "pm" | "a.m." | "p.m." | "gmt" | "utc" | "bst" | "cet"
            ) || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        });
    number || clock || is_ticker(&words)
}

/// "KOEL.AS +4.2%": a stock ticker and its move.
fn is_ticker(words: &[&str]) -> bool {
    matches!(words, [symbol, change]
        if symbol.len() <= 12
            && symbol.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c.is_ascii_digit())
            && change.starts_with(['+', '-', '−'])
            && change.ends_with('%')
            && change.chars().skip(1).filter(|c| *c != '%').all(|c| c.is_ascii_digit() || c == '.'))
}

/// "A version of this article appears in print on ...".
fn is_print_note(lower: &str) -> bool {
    lower.chars().count() <= 300
        && (lower.starts_with("a version of this article appears in print")
            || (lower.starts_with("published in ")
                && lower.chars().count() <= 80
                && lower.chars().any(|c| c.is_ascii_digit()))
            || lower.starts_with("a version of this story appears in print")
            || lower.starts_with("this article appeared in print"))
}

/// Headings of a list of links to other articles ("Recommended", "Most read"), one teaser headline a
/// line after them.
const TEASER_HEADINGS: &[&str] = &[
    "recommended",
    "related",
    "related stories",
    "related articles",
    "related coverage",
    "related content",
    "more from",
    "more stories",
    "more on this story",
    "most read",
    "most popular",
    "most viewed",
    "read next",
    "read more",
    "you may also like",
    "you might also like",
    "top stories",
    "trending",
    "trending now",
    "editor's picks",
    "editors' picks",
];

/// Whether `line` opens a list of teaser headlines.
pub(super) fn opens_teaser_list(line: &str) -> bool {
    let lower = line.to_lowercase().replace('’', "'");
    TEASER_HEADINGS.contains(&lower.trim_end_matches([':', '.']))
}

/// Whether `line` can be a teaser headline: a short line that does not end like prose.
pub(super) fn is_teaser_item(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=16).contains(&words)
        && line.chars().count() <= 120
        && line
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c))
        && !line.ends_with(['.', ',', ':', ';', '"', '”', '’', '\''])
}

/// Bullets, bars and rules standing alone.
fn is_rule_char(c: char) -> bool {
    matches!(
        c,
        '|' | '•' | '·' | '*' | '-' | '–' | '—' | '_' | '=' | '~' | '›' | '»' | '>' | '/' | ' '
    )
}

fn is_copyright(line: &str, lower: &str) -> bool {
    if line.starts_with('©') || lower.starts_with("(c) ") {
        return line.chars().count() < 200;
    }
    // "Copyright 2024 The Daily ..." but not "Copyright lawyers say ...".
    if let Some(rest) = lower.strip_prefix("copyright ") {
        return rest.starts_with(|c: char| c.is_ascii_digit()) || lower.contains("rights reserved");
    }
    false
}

/// "1/3", "2 of 12": an image gallery's position.
fn is_gallery_counter(lower: &str) -> bool {
    let parts: Vec<&str> = lower
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "of")
        .collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
        && (lower.contains('/') || lower.contains(" of "))
}

/// "5 min read", "Reading time: 4 minutes".
fn is_reading_time(lower: &str) -> bool {
    if lower.starts_with("reading time") {
        return lower.len() < 40;
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.as_slice(), [n, unit, "read"]
        if n.chars().all(|c| c.is_ascii_digit()) && unit.starts_with("min"))
}

/// "12 comments", "Comments (12)".
fn is_comment_count(lower: &str) -> bool {
    // "Read 24 Comments", "View 3 comments"
    let lower = ["read ", "view ", "see ", "show "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(lower);
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [n, "comments" | "comment"] => n.chars().all(|c| c.is_ascii_digit()),
        ["comments" | "comment", n] => n
            .trim_matches(['(', ')'])
            .chars()
            .all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// "Home |", "Home | World | Asia", "News > Business", "World › Europe": short capitalised segments
/// joined by a navigation separator.
fn is_breadcrumb(line: &str) -> bool {
    let separators = ['|', '>', '›', '»', '/'];
    let has_separator = line
        .split_whitespace()
        .any(|w| w.chars().count() == 1 && w.chars().all(|c| separators.contains(&c)))
        || line.ends_with('|')
        || line.starts_with('|');
    if !has_separator {
        return false;
    }
    let segments: Vec<&str> = line
        .split(|c| separators.contains(&c))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() || segments.len() > 8 {
        return false;
    }
    segments.iter().all(|s| {
        let words = s.split_whitespace().count();
        words <= 4
            && s.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            // "U.S." is a segment; a sentence's full stop is not.
            && (!s.ends_with(['.', '!', '?', ',', ':']) || is_dotted_initials(s))
            && !s.contains(['“', '”', '"'])
    })
}

/// "U.S.", "U.K.": capital letters each followed by a full stop.
fn is_dotted_initials(s: &str) -> bool {
    s.len() >= 4
        && s.chars().enumerate().all(|(i, c)| {
            if i % 2 == 0 {
                c.is_uppercase()
            } else {
                c == '.'
            }
        })
}

/// A caption that carries a photo credit: "... (Photo: X/Reuters)", "... Photograph: X/AP",
/// "... Credit: ...", "... | AFP via Getty Images".
fn is_caption(line: &str, lower: &str) -> bool {
    let tail = lower.trim_end_matches(['.', ' ']);
    if CREDIT_ENDINGS.iter().any(|e| tail.ends_with(e)) {
        return true;
    }
    // "Photo: Rescue workers at the gate on Wednesday. Agency/Name": a caption labelled as one.
    if line.chars().count() <= 250
        && ["Photo:", "Picture:", "Image:", "PHOTO:"]
            .iter()
            .any(|m| line.starts_with(m))
    {
        return true;
    }
    for marker in CREDIT_MARKERS {
        if let Some(at) = line.rfind(marker) {
            let credit = &line[at + marker.len()..];
            // The credit is a name or two and an agency, not another sentence.
            if credit.trim().chars().count() <= 80 && !credit.contains(". ") {
                return true;
            }
        }
    }
    // "... (ABC Gippsland: Jess Doe)": an outlet and a photographer in closing brackets.
    if let Some(inner) = line
        .trim_end()
        .strip_suffix(')')
        .and_then(|l| l.rfind('(').map(|at| &l[at + 1..]))
    {
        if let Some((outlet, name)) = inner.split_once(": ") {
            let capitalised = |s: &str| {
                let ws: Vec<&str> = s.split_whitespace().collect();
                (1..=4).contains(&ws.len())
                    && ws
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            };
            if capitalised(outlet) && capitalised(name) && line.len() > inner.len() + 10 {
                return true;
            }
        }
    }
    // "... (Kim Hong-Ji/Reuters)" or "... Kim Hong-Ji/AP": a slash credit closing the line.
    let end = line.trim_end_matches([')', '.', ' ']);
    if let Some(slash) = end.rfind('/') {
        let agency = &end[slash + 1..];
        let before = &end[..slash];
        let name = before
            .rsplit(['(', '|', ':'])
            .next()
            .unwrap_or(before)
            .trim();
        let capitalised = |s: &str| {
            !s.is_empty()
                && s.split_whitespace().count() <= 4
                && s.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        if capitalised(agency) && capitalised(name) && !line.ends_with('.') {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{is_boilerplate, is_teaser_item, opens_teaser_list};

    #[test]
    fn teaser_lists() {
        assert!(opens_teaser_list("Recommended"));
        assert!(opens_teaser_list("Editor’s picks"));
        assert!(!opens_teaser_list("Recommended reading for the council"));
        assert!(is_teaser_item("Tarnia’s rail strike enters its third week"));
        assert!(is_teaser_item("Why is the old dam still standing?"));
        assert!(!is_teaser_item(
            "The council met on Monday and voted for the plan."
        ));
        assert!(!is_teaser_item("“We will not back down,” she said."));
    }

    #[test]
    fn recognises_furniture() {
        for line in [
            "Home |",
            "Home | World | Asia",
            "News > Business",
            "World › Europe",
            "Spacer",
            "ADVERTISEMENT",
            "Share on Facebook",
            "Read more: Markets slide as rates rise",
            "Related: The week in pictures",
            "Subscribe to our morning newsletter",
            "Sign up for the Daily Brief",
            "Listen to this article · 4 min",
            "Copy link",
            "© 2024 Example Media Group",
            "Copyright 2023 The Morning Ledger. All rights reserved.",
            "Tags: trade, ports, shipping",
            "Topics: Energy",
            "|",
            "•",
            "132",
            "16:05 GMT",
            "Skip to contentSkip to site index",
            "Copy Link copied",
            "Please turn on JavaScript to use this feature",
            "Join our WhatsApp channel for the latest news",
            "Get the week's top stories every Monday.",
            "Olu Benn reported from Tarvik, Kastel.",
            "KOEL.AS +4.2%",
            "News > U.S. > Courts",
            "Listen · 6 min",
            "Refresh",
            "18.30 IST",
            "Key event",
            "Read 24 Comments",
            "This article is more than 1 year old",
            "Have a news tip? Email the newsroom.",
            "Ines Marlow contributed reporting from Tarvik.",
            "Marlow reported from Sedra.",
            "Additional reporting by Olu Benn",
            "Comments are closed on this story.",
            "Published in The Harbour Post, March 5th, 2025",
            "Most viewed",
            "A farmer on her rebuilt dairy at Tarvik. (Harbour Radio: Ines Marlow)",
            "Residents outside the council chambers. Picture by Olu Benn",
            "Workers load a ship in the harbour. (Photo: Ana Ruiz/Reuters)",
            "The mayor at the opening on Friday. Photograph: Tom Hale/AP",
            "A flooded street in the old town. Credit: City Council",
            "Protesters outside parliament | AFP via Getty Images",
            "Getty Images",
            "5 min read",
            "1/3",
            "2 of 12",
            "Close dialogue",
            "SKIP ADVERTISEMENT",
            "A protest outside the court last month.Credit...Petar Ivanov for The Daily",
            "(Reporting by Priya Lal; Editing by Tom Hogue)",
            "Reporting from Varna, Tarnia",
            "Reporting by Priya Lal in Varna; Editing by Tom Hogue",
            "With files from Ana Kiri",
            "Additional reporting by Ana Kiri and Tom Hale",
            "Harbour Post writer Ana Kiri in Sedra contributed to this report.",
            "Write to Ana Kiri at ana.kiri@example.org",
            "Get the best of our science coverage delivered to your inbox each week",
            "A version of this article appears in print on June 2, 2024, Section B, Page 3.",
            "Our Standards: The Trust Principles.",
            "Follow Ana Kiri on X: @anakiri",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn keeps_prose() {
        for line in [
            "Kim Visits Factories, Vows to Advance Arms",
            "Copyright lawyers say the ruling will be appealed.",
            "Subscribers to the service complained about the outage on Monday, the company said.",
            "The council voted 5/4 to approve the plan.",
            "Related companies were not named in the filing.",
            "“We will not back down,” she said.",
            "Share prices fell 3% on Tuesday.",
            "June 2, 2024 | 07:40 am GMT+8",
            "Reporting by the agency showed the losses were larger than thought.",
            "With files from the archive, the historians rebuilt the timeline.",
            "Write to the council, the residents were told, and wait.",
            "Staff contributed to this report, the editor said in a note to readers on Monday.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
