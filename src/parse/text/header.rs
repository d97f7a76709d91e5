//! The lines above the body: title, standfirst, byline and timestamp; and the dateline that opens
//! the first paragraph.

/// News agencies and desk labels that follow an author's name in a byline ("By A, Reuters").
const AGENCY_WORDS: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "associated",
    "press",
    "agence",
    "bloomberg",
    "xinhua",
    "yonhap",
    "kyodo",
    "dpa",
    "efe",
    "ansa",
    "tass",
    "upi",
    "cnn",
    "bbc",
    "news",
    "agency",
    "times",
    "post",
    "journal",
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "desk",
    "wire",
    "wires",
    "service",
    "media",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "pa",
    "aap",
    "ians",
    "pti",
    "anadolu",
    "newsroom",
];

/// Wire agencies that bylines print straight after the names, lowercase.
const WIRE_AGENCIES: &[&str] = &[
    "associated press",
    "the associated press",
    "reuters",
    "ap",
    "afp",
    "agence france-presse",
    "bloomberg",
    "bloomberg news",
    "xinhua",
    "yonhap",
    "kyodo news",
    "dpa",
    "upi",
];

/// Words allowed in a name besides capitalised ones ("Ana de la Cruz", "Pieter van Dam").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "bin", "al",
    "el", "y", "ibn", "st.",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Capitalised words that open ordinary sentences, never a dateline.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "For",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
    "All",
    "Officials",
    "Police",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "One",
    "Two",
    "Three",
    "Last",
    "Yesterday",
    "Today",
    "Earlier",
    "Later",
];

/// Lowercase connecting words a place name may contain ("Rio de Janeiro").
const PLACE_PARTICLES: &[&str] = &[
    "de", "del", "la", "le", "el", "al", "of", "upon", "on", "am", "an", "der", "do", "da", "dos",
    "es", "sur", "the",
];

/// The names of a byline line, or `None` when the line is not a byline.
pub(super) fn byline(line: &str) -> Option<String> {
    if line.chars().count() > 160 {
        return None;
    }
    let lower = line.to_lowercase();
    let (rest, explicit) = if let Some(r) = strip_prefix_ci(line, &lower, "written by ") {
        (r, true)
    } else if let Some(r) = strip_prefix_ci(line, &lower, "words by ") {
        (r, true)
    } else if let Some(r) = strip_prefix_ci(line, &lower, "by ") {
        (r, true)
    } else {
        (line, false)
    };
    // Drop the agency after a bar, a bullet or a dash: "By A | Agency". What follows the separator
    // must be a short label, never a sentence ("BERLIN, Germany—The mayor said ..." is a dateline).
    let mut parts = split_label(rest);
    let head = parts.next().unwrap_or(rest).trim();
    let mut agency_label = false;
    if let Some(tail) = parts.next() {
        // Without "By", only a named agency makes it a byline ("Home | Science" is a trail).
        agency_label = tail.split_whitespace().any(is_agency_word)
            && is_agency(tail.trim())
            && head.split_whitespace().count() >= 2;
        let tail = tail.trim();
        let label =
            tail.split_whitespace().count() <= 6 && !tail.ends_with(['.', '!', '?', '"', '”']);
        if !(explicit || agency_label) || !(label || is_timestamp(tail)) {
            return None;
        }
    }
    let located = strip_locations(head);
    let rest = located.trim_end_matches([',', ';']).trim();
    // Drop a trailing agency or desk label after the last comma: "A, Reuters", "A, Staff Writer",
    // "A, for The Courier", "A, Education correspondent".
    let mut names = rest;
    let mut had_agency = false;
    if let Some(comma) = rest.rfind(',') {
        let last = rest[comma + 1..].trim();
        let last = last.strip_prefix("for ").unwrap_or(last);
        if is_agency(last) || is_desk_label(last) {
            names = rest[..comma].trim();
            had_agency = true;
        }
    }
    // "By JANE DOE Associated Press": a wire agency written straight after the names.
    if explicit && !had_agency {
        let lower_names = names.to_lowercase();
        for agency in WIRE_AGENCIES {
            if let Some(head) = lower_names.strip_suffix(agency) {
                if head.ends_with(' ') && head.trim().contains(' ') {
                    names = names[..head.len()].trim();
                    break;
                }
            }
        }
    }
    // "A and B, Reuters" or "A / PA Media" needs no "By"; anything else does.
    if !(explicit || had_agency || agency_label) || names.is_empty() {
        return None;
    }
    if !looks_like_names(names) {
        return None;
    }
    Some(names.to_string())
}

/// Splits a byline at the separator before its label: a bar, a bullet, a dash, or a spaced
/// slash ("A / PA Media").
fn split_label(line: &str) -> impl Iterator<Item = &str> {
    let at = [" / "]
        .iter()
        .filter_map(|sep| line.find(sep).map(|i| (i, sep.len())))
        .chain(
            line.char_indices()
                .find(|(_, c)| matches!(c, '|' | '•' | '·' | '—' | '–'))
                .map(|(i, c)| (i, c.len_utf8())),
        )
        .min();
    match at {
        Some((i, len)) => [line.get(..i), line.get(i + len..)],
        None => [Some(line), None],
    }
    .into_iter()
    .flatten()
}

/// "Education correspondent", "Senior Political Reporter": a desk label, its last word a job.
fn is_desk_label(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The time printed on the same line after a byline's names: "By A | Updated March 3, 2024", "A ·
/// March 3, 2024".
pub(super) fn trailing_timestamp(line: &str) -> Option<String> {
    let (_, tail) = line.split_once(['|', '•', '·', '—', '–'])?;
    let tail = tail.trim();
    is_timestamp(tail).then(|| tail.to_string())
}

/// Removes each reporter's location: "A in Lendava and B in Qaswan" → "A and B". A location is
/// " in " followed by a capitalised word, up to the next ", " or " and ".
fn strip_locations(names: &str) -> String {
    let mut out = String::new();
    let mut rest = names;
    while !rest.is_empty() {
        let cut = [", ", " and ", " & "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, sep.len())))
            .min();
        let (part, sep, next) = match cut {
            Some((at, len)) => (&rest[..at], &rest[at..at + len], &rest[at + len..]),
            None => (rest, "", ""),
        };
        let person = match part.find(" in ") {
            Some(at) if part[at + 4..].starts_with(char::is_uppercase) => &part[..at],
            _ => part,
        };
        out.push_str(person);
        out.push_str(sep);
        rest = next;
    }
    out
}

/// Lowercase job words that end a desk label written after the names ("Environment correspondent").
const ROLE_WORDS: &[&str] = &[
    "bureau",
    "correspondent",
    "reporter",
    "editor",
    "writer",
    "columnist",
    "producer",
    "analyst",
    "contributor",
];

/// Desk words that may precede a role word ("Chief Political correspondent").
const DESK_WORDS: &[&str] = &[
    "chief",
    "senior",
    "deputy",
    "associate",
    "assistant",
    "contributing",
    "staff",
    "special",
    "foreign",
    "political",
    "national",
    "international",
    "global",
];

/// "Jane Doe Environment correspondent" → "Jane Doe": a desk label printed straight after the
/// name, recognised by its lowercase role word.
fn strip_trailing_desk(names: &str) -> &str {
    let words: Vec<(usize, &str)> = names
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let Some(&(_, last)) = words.last() else {
        return names;
    };
    if !ROLE_WORDS.contains(&last) {
        return names;
    }
    let mut keep = words.len() - 1;
    // The subject of the desk ("Environment"), then any desk words before it.
    if keep >= 3 {
        keep -= 1;
    }
    while keep > 2
        && words
            .get(keep - 1)
            .is_some_and(|(_, w)| DESK_WORDS.contains(&w.to_lowercase().as_str()))
    {
        keep -= 1;
    }
    match words.get(keep) {
        Some(&(at, _)) => names[..at].trim_end(),
        None => names,
    }
}

/// An outlet's name standing alone ("The Daily Courier"): two to five capitalised words, no
/// sentence punctuation.
pub(super) fn is_outlet_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && !line.ends_with(['.', '!', '?', ',', ':', '"', '”'])
}

/// The separate names of a byline: "A, B and C" → ["A", "B", "C"].
pub(super) fn author_names(byline: &str) -> Vec<String> {
    byline
        .split([','])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(str::trim)
        .filter(|n| n.split_whitespace().count() >= 2)
        .map(str::to_string)
        .collect()
}

/// A note about the article's own author ("Jane Doe is a reporter covering ...", "Jane Doe
/// contributed reporting."): it opens with a byline name and speaks of reporting.
pub(super) fn is_author_note(line: &str, authors: &[String]) -> bool {
    if line.chars().count() > 300 {
        return false;
    }
    let lower = line.to_lowercase();
    let about_work = ROLE_WORDS.iter().any(|r| lower.contains(r))
        || lower.contains("contributed")
        || lower.contains(" covers ");
    // "Jess covers council …": the note may use the first name alone.
    about_work
        && authors.iter().any(|a| {
            let first = a.split_whitespace().next().unwrap_or(a);
            [a.as_str(), first].iter().any(|name| {
                line.strip_prefix(name).is_some_and(|rest| {
                    [" is ", " was ", " contributed", " covers ", " reported"]
                        .iter()
                        .any(|v| rest.starts_with(v))
                })
            })
        })
}

fn strip_prefix_ci<'a>(line: &'a str, lower: &str, prefix: &str) -> Option<&'a str> {
    if lower.starts_with(prefix) && line.is_char_boundary(prefix.len()) {
        line.get(prefix.len()..).map(str::trim)
    } else {
        None
    }
}

/// Whether `s` names an agency, an outlet or a desk ("Reuters", "The Harbour Post", "Staff
/// Writer"): capitalised words of which one is an agency word, or a single capitalised word (a
/// person's name has at least two).
pub(super) fn is_agency(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let known = words.iter().any(|w| is_agency_word(w));
    capitalised && (known || words.len() == 1 || words[0] == "The")
}

fn is_agency_word(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    AGENCY_WORDS.contains(&w.as_str()) || w == "france-presse"
}

/// A line that only names a wire agency or the author's desk ("Reuters", "Associated Press",
/// "Business reporter, The Daily News"), as pages print under a byline.
pub(super) fn is_agency_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalised = line.chars().next().is_some_and(char::is_uppercase);
    let agency = (1..=3).contains(&words.len())
        && words.iter().all(|w| is_agency_word(w) || *w == "The")
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let desk = (2..=7).contains(&words.len())
        && !line.ends_with(['.', '!', '?'])
        && words.iter().any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            matches!(
                w.as_str(),
                "reporter" | "correspondent" | "editor" | "writer" | "staff" | "columnist"
            )
        });
    capitalised && (agency || desk)
}

/// The names of a byline without "By" ("Jane Doe", "Jane Doe and Ivo Lang", "Jane Doe in Lendava"),
/// which only counts right above a timestamp or an agency line.
pub(super) fn bare_byline(line: &str) -> Option<String> {
    if line.chars().count() > 120 {
        return None;
    }
    // "Jane Doe · The Daily" or "Jane Doe | March 3, 2024": an outlet or a time after a separator.
    let head = match line.split_once(['|', '•', '·', '—', '–']) {
        Some((head, tail)) => {
            let tail = tail.trim();
            let label = tail.split_whitespace().count() <= 6
                && !tail.ends_with(['.', '!', '?', '"', '”', ',']);
            if !(label || is_timestamp(tail)) {
                return None;
            }
            head.trim()
        }
        None => line,
    };
    // "Jane Doe, Science Editor".
    let head = match head.rsplit_once(',') {
        Some((names, desk)) if is_agency(desk.trim()) => names.trim(),
        _ => head,
    };
    // "Jane Doe in Lendava": the reporter's location follows the names.
    let located = strip_locations(head);
    let names = strip_trailing_desk(&located);
    if names.starts_with("The ") {
        return None;
    }
    let words = names.split_whitespace().count();
    ((2..=8).contains(&words) && looks_like_names(names)).then(|| names.to_string())
}

/// Capitalised name words joined by commas, "and" or "&", with name particles and initials.
fn looks_like_names(s: &str) -> bool {
    let mut capitalised = 0;
    let mut words = 0;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        if raw.is_empty() {
            continue;
        }
        words += 1;
        let lower = raw.to_lowercase();
        if lower == "and" || raw == "&" || NAME_PARTICLES.contains(&lower.as_str()) {
            continue;
        }
        let first = raw.chars().next();
        if !first.is_some_and(char::is_uppercase) {
            return false;
        }
        // "J.", "O'Neil", "Smith-Jones"; no digits or sentence punctuation.
        if raw
            .chars()
            .any(|c| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
        {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= 1 && words <= 16 && !s.ends_with(". ")
}

/// Whether a line is a publication or update time ("Published 3:04 PM EDT, March 3, 2024",
/// "March 3, 2024", "2024-03-03 10:00", "Sept. 5, 2023 at 9:00 a.m. ET").
pub(super) fn is_timestamp(line: &str) -> bool {
    if line.chars().count() > 100 {
        return false;
    }
    // "Published March 3, 2025Updated March 4, 2025": two times run together by the copy.
    let lower = line
        .to_lowercase()
        .replace("updated", " updated")
        .replace("first published", " first published");
    let lower = lower.trim_start();
    for keyword in [
        "published",
        "updated",
        "last updated",
        "first published",
        "posted",
        "modified",
        "last modified",
        "date:",
    ] {
        if let Some(rest) = lower.strip_prefix(keyword) {
            let rest = rest.trim_start_matches([':', ' ', 'o', 'n']);
            if rest.chars().any(|c| c.is_ascii_digit()) && date_tokens_only(rest) {
                return true;
            }
        }
    }
    date_tokens_only(lower) && (has_date(lower) || is_relative_time(lower))
}

/// "5 hours ago", "Updated 20 minutes ago".
fn is_relative_time(lower: &str) -> bool {
    let words: Vec<&str> = tokens(lower).collect();
    words.last() == Some(&"ago") && words.iter().any(|w| is_number_like(w))
}

fn has_date(lower: &str) -> bool {
    let has_month = tokens(lower).any(|t| MONTHS.contains(&t.trim_end_matches('.')));
    let has_iso = lower.split_whitespace().any(|w| {
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    has_month || has_iso
}

fn tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·' || c == '•')
        .filter(|t| !t.is_empty())
}

/// Every token is part of a date or time: months, weekdays, numbers, clock times, "a.m.", zones.
fn date_tokens_only(lower: &str) -> bool {
    let mut any = false;
    for t in tokens(lower) {
        any = true;
        // "updated:" inside "PUBLISHED: 09:12 EST | UPDATED: 11:47 EST".
        let t = if t.len() > 1 {
            t.trim_end_matches(':')
        } else {
            t
        };
        let bare = t.trim_end_matches('.');
        let ok = MONTHS.contains(&bare)
            || WEEKDAYS.contains(&bare)
            || matches!(
                t,
                "at" | "on" | "-" | "–" | "—" | "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m"
            )
            || is_duration_word(bare)
            || matches!(
                bare,
                "updated" | "published" | "posted" | "modified" | "last" | "first"
            )
            || is_number_like(t)
            || (bare.len() <= 4 && bare.chars().all(|c| c.is_ascii_alphabetic()) && is_zone(bare))
            || bare.starts_with("utc")
            || bare.starts_with("gmt");
        if !ok {
            return false;
        }
    }
    any
}

/// Words of "5 min read" and "3 hours ago", which pages print next to the date.
fn is_duration_word(t: &str) -> bool {
    matches!(
        t,
        "min"
            | "mins"
            | "minute"
            | "minutes"
            | "read"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "day"
            | "days"
            | "ago"
    )
}

/// "3", "3rd", "2024", "10:00", "3:04pm", "2024-03-03", "2024-03-03t10:00:00z", "03/03/2024".
fn is_number_like(t: &str) -> bool {
    let t = t.trim_end_matches(['.', ')']).trim_start_matches('(');
    let t = ["am", "pm", "st", "nd", "rd", "th", "z", "h"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '/' | '.' | 't' | '+'))
}

fn is_zone(t: &str) -> bool {
    matches!(
        t,
        "et" | "est"
            | "edt"
            | "ct"
            | "cst"
            | "cdt"
            | "mt"
            | "mst"
            | "mdt"
            | "pt"
            | "pst"
            | "pdt"
            | "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "kst"
            | "jst"
            | "ist"
            | "hkt"
            | "sgt"
            | "aest"
            | "aedt"
            | "wat"
            | "eat"
            | "sast"
            | "msk"
            | "gst"
            | "pkt"
            | "ict"
            | "wib"
            | "awst"
            | "acst"
            | "nzst"
            | "nzdt"
            | "hst"
            | "akst"
            | "art"
            | "brt"
    )
}

/// Whether a line opens with a dateline that no title would have ("SEOUL, South Korea—").
pub(super) fn has_strong_dateline(line: &str) -> bool {
    dateline(line).is_some_and(|d| d.strong)
}

/// Whether a line can be a title: short, no final period, not a sentence of prose.
pub(super) fn is_title_like(line: &str) -> bool {
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    if !(3..=200).contains(&chars) || words > 30 {
        return false;
    }
    if !line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "“\"‘'".contains(c))
    {
        return false;
    }
    if line.ends_with('.') && !ends_with_abbreviation(line) && !is_headline_case(line) {
        return false;
    }
    !line.ends_with([',', ';', ':'])
}

/// A headline of two short sentences in title case ("A Town's Water Went Bad. Then the Blame
/// Began."): every word of four letters or more capitalised, no more than 20 words.
fn is_headline_case(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let two_sentences = line.matches(". ").count() == 1;
    let title_case = words.iter().all(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        w.chars().filter(|c| c.is_alphabetic()).count() < 4
            || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    (4..=20).contains(&words.len()) && two_sentences && title_case
}

/// "... in the U.S." ends with a period that is part of an abbreviation.
fn ends_with_abbreviation(line: &str) -> bool {
    let last = line.split_whitespace().last().unwrap_or("");
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    let dots = last.chars().filter(|&c| c == '.').count();
    dots >= 2 && letters <= dots
}

/// Whether a line reads like a standfirst: one or two sentences of summary.
pub(super) fn is_standfirst_like(line: &str) -> bool {
    let chars = line.chars().count();
    let sentences = line.matches(". ").count();
    (30..=400).contains(&chars)
        && sentences <= 2
        && bare_byline(line).is_none()
        && line.chars().next().is_some_and(char::is_uppercase)
}

/// A dateline found at the start of a paragraph: the place, and where the text proper begins.
pub(super) struct Dateline {
    pub place: String,
    pub body_start: usize,
    /// A place in capitals, with an agency or date, or "City, Country": no title looks like this.
    pub strong: bool,
}

/// Finds a dateline ("SEOUL, South Korea—", "LAGOS, Nigeria (AP) — ", "Geneva, March 3 (Reuters) - ",
/// "KYIV, Ukraine, Jan. 5 —") at the start of `para`.
pub(super) fn dateline(para: &str) -> Option<Dateline> {
    if let Some(d) = colon_dateline(para) {
        return Some(d);
    }
    let (dash_at, dash_len) = find_dash(para)?;
    let mut prefix = para[..dash_at].trim_end();
    let mut qualified = false;
    // A trailing "(AP)" or "(Reuters)".
    if prefix.ends_with(')') {
        let open = prefix.rfind('(')?;
        let agency = &prefix[open + 1..prefix.len() - 1];
        let words = agency.split_whitespace().count();
        if words == 0 || words > 4 || !agency.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        prefix = prefix[..open].trim_end();
        qualified = true;
    }
    // A trailing date: ", March 3", ", Jan. 5", ", 3 March", ", March 3, 2024".
    let (without_date, had_date) = strip_trailing_date(prefix);
    prefix = without_date;
    qualified |= had_date;
    let place = prefix.trim_end_matches([',', ' ']).trim();
    if !is_place(place) {
        return None;
    }
    let first_word = place
        .split([' ', ','])
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let shouting = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first_word.chars().any(char::is_lowercase);
    let segments = place.split(',').filter(|s| !s.trim().is_empty()).count();
    let body_start = dash_at + dash_len;
    let rest = &para[body_start..];
    let body_start = body_start + (rest.len() - rest.trim_start().len());
    // "Geneva — The talks ..." (a capitalised place, then a new sentence) but not "Officials — who
    // ..." or "The minister — ...".
    let sentence_follows = para[body_start..]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "“\"‘".contains(c));
    let plain_place = place.split_whitespace().count() <= 3
        && !place.contains('.')
        && !SENTENCE_OPENERS.contains(&first_word)
        && sentence_follows;
    let strong = shouting || qualified || segments >= 2;
    if !(strong || plain_place) {
        return None;
    }
    // The text after the dash must begin like a sentence.
    if para[body_start..].is_empty() {
        return None;
    }
    Some(Dateline {
        place: place.to_string(),
        body_start,
        strong,
    })
}

/// "DOHA: Pakistan and …", "WASHINGTON: The …": a place in capitals closed by a colon (the style
/// of South Asian and Gulf papers).
fn colon_dateline(para: &str) -> Option<Dateline> {
    let colon = para.get(..40.min(para.len()))?.find(": ")?;
    let place = para.get(..colon)?.trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let shouting = letters >= 3 && !place.chars().any(char::is_lowercase);
    if !shouting || !is_place(place) {
        return None;
    }
    let rest = para.get(colon + 2..)?;
    let body_start = colon + 2 + (rest.len() - rest.trim_start().len());
    para.get(body_start..)?
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || "“\"‘".contains(c))
        .then(|| Dateline {
            place: place.to_string(),
            body_start,
            strong: true,
        })
}

/// The first dash of the opening (em, en, "--" or a spaced hyphen) within its first 100 bytes.
fn find_dash(para: &str) -> Option<(usize, usize)> {
    let window_end = para
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 100)
        .unwrap_or(para.len());
    let window = &para[..window_end];
    let mut best: Option<(usize, usize)> = None;
    for pat in ["—", "–", "--", " - "] {
        if let Some(at) = window.find(pat) {
            let len = pat.len();
            if best.map_or(true, |(b, _)| at < b) {
                best = Some((at, len));
            }
        }
    }
    best
}

fn strip_trailing_date(prefix: &str) -> (&str, bool) {
    let Some(comma) = prefix.rfind(',') else {
        return (prefix, false);
    };
    let tail = prefix[comma + 1..].trim();
    let lower = tail.to_lowercase();
    if !lower.is_empty() && date_tokens_only(&lower) && has_month_or_day(&lower) {
        // ", March 3, 2024": the year was the tail; strip the month-day part too.
        let head = &prefix[..comma];
        if lower.chars().all(|c| c.is_ascii_digit()) {
            let (h, _) = strip_trailing_date(head);
            return (h, true);
        }
        return (head, true);
    }
    (prefix, false)
}

fn has_month_or_day(lower: &str) -> bool {
    tokens(lower).any(|t| {
        let bare = t.trim_end_matches('.');
        MONTHS.contains(&bare) || WEEKDAYS.contains(&bare)
    }) || (lower.len() == 4 && lower.chars().all(|c| c.is_ascii_digit()))
}

/// Capitalised place words ("SEOUL, South Korea", "Rio de Janeiro", "WASHINGTON, D.C.").
fn is_place(place: &str) -> bool {
    if place.is_empty() || place.chars().count() > 50 {
        return false;
    }
    let words: Vec<&str> = place.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let ok_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'));
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let particle = i > 0 && PLACE_PARTICLES.contains(w);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        // "D.C.", "N.Y."; after the city, a state's short form ("Calif.", "Tenn.").
        let dots_ok =
            !w.contains('.') || letters <= 3 || (i > 0 && w.ends_with('.') && letters <= 5);
        ok_chars && (capital || particle) && dots_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_sentence_is_never_a_byline() {
        assert_eq!(
            byline("BERLIN, Germany—Mayor Ana Pereira said the plan would pass."),
            None
        );
        assert_eq!(
            byline("By Ana Pereira — a sentence that goes on to say far more than a label would."),
            None
        );
        assert_eq!(
            byline("By Ana Pereira | Harbour Post"),
            Some("Ana Pereira".to_string())
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            byline("By Ana Ruiz and Tom Hale").as_deref(),
            Some("Ana Ruiz and Tom Hale")
        );
        assert_eq!(
            byline("By Ana Ruiz, Tom Hale and Lee Min").as_deref(),
            Some("Ana Ruiz, Tom Hale and Lee Min")
        );
        assert_eq!(byline("By Ana Ruiz | Reuters").as_deref(), Some("Ana Ruiz"));
        assert_eq!(byline("By Ana Ruiz, Reuters").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            byline("Ana Ruiz and Tom Hale, Reuters").as_deref(),
            Some("Ana Ruiz and Tom Hale")
        );
        assert_eq!(byline("Written by Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            byline("By JANE MORROW Associated Press").as_deref(),
            Some("JANE MORROW")
        );
        assert_eq!(
            byline("By Ana Ruiz and Tom Hale, The Harbour Post").as_deref(),
            Some("Ana Ruiz and Tom Hale")
        );
        assert_eq!(
            bare_byline("Marta Kovač in Lendava").as_deref(),
            Some("Marta Kovač")
        );
        assert_eq!(byline("By the end of the year, prices rose."), None);
        assert_eq!(byline("Officials said on Monday, Reuters"), None);
    }

    #[test]
    fn bylines_with_slashes_desk_labels_and_run_together_times() {
        assert_eq!(
            byline("Ines Marlow / PA Media").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(byline("Home / Science"), None);
        assert_eq!(byline("UK News / Politics"), None);
        assert_eq!(
            byline("By Ines Marlow, Education correspondent").as_deref(),
            Some("Ines Marlow")
        );
        assert!(is_timestamp(
            "Published March 3, 2025Updated March 4, 2025, 11:08 a.m. ET"
        ));
        assert!(is_timestamp(
            "Updated May 14 2025 - 5:12pm, first published 4:30pm"
        ));
        assert!(is_timestamp("Last updated: March 8, 2025 | 19:40 GST"));
    }

    #[test]
    fn colon_datelines_and_state_abbreviations() {
        let d = dateline("DOHA: Ministers met on Tuesday.").expect("a colon dateline");
        assert_eq!(d.place, "DOHA");
        let d = dateline("TARVIK, Calif. — The council met.").expect("a state abbreviation");
        assert_eq!(d.place, "TARVIK, Calif.");
        assert!(dateline("Note: The council met.").is_none());
        let d = dateline("TARVIK, the Kastel Isles — The council met.").expect("a place with the");
        assert_eq!(d.place, "TARVIK, the Kastel Isles");
    }

    #[test]
    fn bylines_with_desks_outlets_locations_and_times() {
        assert_eq!(
            byline("By Ines Marlow, Health Editor").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            byline("By TOBIAS RENN, FOREIGN AFFAIRS REPORTER").as_deref(),
            Some("TOBIAS RENN")
        );
        assert_eq!(
            byline("By Ines Marlow | Updated Feb. 9, 2023 8:05 am ET").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            trailing_timestamp("By Ines Marlow | Updated Feb. 9, 2023 8:05 am ET").as_deref(),
            Some("Updated Feb. 9, 2023 8:05 am ET")
        );
        assert_eq!(trailing_timestamp("By Ines Marlow | Harbour Post"), None);
        assert_eq!(
            byline("By Ines Marlow in Tarvik and Olu Benn in Sedra").as_deref(),
            Some("Ines Marlow and Olu Benn")
        );
        assert_eq!(
            bare_byline("Ines Marlow in Tarvik and Olu Benn in Sedra").as_deref(),
            Some("Ines Marlow and Olu Benn")
        );
        assert_eq!(
            bare_byline("Ines Marlow · Harbour Radio Network").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            bare_byline("Ines Marlow Transport correspondent").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            bare_byline("Ines Marlow Chief Political correspondent").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            bare_byline("Ines Marlow, Health Editor").as_deref(),
            Some("Ines Marlow")
        );
        assert_eq!(
            bare_byline("Ines Marlow · She said the plan had failed."),
            None
        );
        assert_eq!(bare_byline("The Evening Courier"), None);
        assert_eq!(
            byline("By Ines Marlow, for The Evening Courier").as_deref(),
            Some("Ines Marlow")
        );
        assert!(is_outlet_name("The Evening Courier"));
        assert!(!is_outlet_name("The council met."));
    }

    #[test]
    fn notes_about_the_author() {
        let authors = author_names("Ines Marlow and Olu Benn");
        assert_eq!(authors, vec!["Ines Marlow", "Olu Benn"]);
        assert!(is_author_note(
            "Ines Marlow is a reporter covering the northern coast.",
            &authors
        ));
        assert!(is_author_note(
            "Olu Benn contributed reporting from Sedra.",
            &authors
        ));
        assert!(!is_author_note(
            "Ines Marlow is the name of a ship that sank in 1911.",
            &authors
        ));
        assert!(!is_author_note(
            "Tom Hale is a reporter for the local paper.",
            &authors
        ));
    }

    #[test]
    fn titles_of_two_headline_sentences() {
        assert!(is_title_like(
            "The Bridge Was Closed. Then the Lawsuits Started."
        ));
        assert!(!is_title_like("The Pacific Council (PC) met."));
        assert!(!is_title_like(
            "The bridge was closed. Then the lawsuits started."
        ));
    }

    #[test]
    fn timestamps_with_labels_and_zones() {
        for t in [
            "PUBLISHED: 07:40 EST, 2 June 2024 | UPDATED: 10:05 EST, 2 June 2024",
            "Posted: Jun 02, 2024 7:40 AM EST | Last Updated: 4 hours ago",
            "June 2, 2024 | 07:40 am GMT+8",
            "Published 6 hours ago",
            "Feb. 9, 2023 at 8:05 a.m.",
        ] {
            assert!(is_timestamp(t), "{t}");
        }
    }

    #[test]
    fn timestamps() {
        for t in [
            "Published 3:04 PM EDT, March 3, 2024",
            "Updated 10:12 a.m. ET, Tue March 5, 2024",
            "March 3, 2024",
            "2024-03-03 10:00",
            "Sept. 5, 2023 at 9:00 a.m. ET",
            "3 March 2024",
            "March 3, 2024 · 5 min read",
            "Updated 3 hours ago",
            "March 3, 2024 10:14 AM GMT+8 Updated 2 hours ago",
        ] {
            assert!(is_timestamp(t), "{t}");
        }
        for t in [
            "March Madness Begins",
            "Published by the ministry on its website.",
        ] {
            assert!(!is_timestamp(t), "{t}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "SEOUL, South Korea—North Korean",
                "SEOUL, South Korea",
                "North",
            ),
            ("LAGOS, Nigeria (AP) — The", "LAGOS, Nigeria", "The"),
            ("BRUSSELS -- The", "BRUSSELS", "The"),
            ("Geneva, March 3 (Reuters) - The", "Geneva", "The"),
            ("WASHINGTON (AP) —The", "WASHINGTON", "The"),
            ("KYIV, Ukraine, Jan. 5 — The", "KYIV, Ukraine", "The"),
            ("WASHINGTON, D.C. — The", "WASHINGTON, D.C.", "The"),
            ("Geneva — The", "Geneva", "The"),
            ("New Delhi -- Officials", "New Delhi", "Officials"),
            ("MAPLE FALLS, Ore. — The", "MAPLE FALLS, Ore.", "The"),
        ];
        for (para, place, start) in cases {
            let d = dateline(para).unwrap_or_else(|| panic!("{para}"));
            assert_eq!(d.place, place);
            assert!(para[d.body_start..].starts_with(start), "{para}");
        }
        for para in [
            "Officials — who declined to be named — said the plan was dead.",
            "The minister - who resigned - spoke on Monday.",
            "In Geneva - the talks resumed.",
            "Mr. Kim — the leader — toured factories.",
            "Officials — The ones in charge — resigned.",
            "Smith — who resigned — spoke.",
        ] {
            assert!(dateline(para).is_none(), "{para}");
        }
    }
}
