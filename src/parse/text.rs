//! Plain-text news lines → article model: boilerplate, title, byline, dateline, paragraphs.
//!
//! Text copied out of a web page is a sequence of lines: page furniture (dropped, but kept in
//! `Article::dropped`), a header (title, standfirst, byline, timestamp), then the body, whose
//! paragraphs are separated by blank lines, or by single newlines when the copy lost its blank lines.

mod boilerplate;
mod header;

use crate::{Article, Block};

/// One input line: text, a paragraph break, or furniture (kept for `Article::dropped`).
#[derive(Debug, PartialEq)]
enum Line {
    Text(String),
    Blank,
    Dropped(String),
}

/// Reads a plain-text article.
pub(crate) fn parse(input: &str) -> Article {
    let mut article = Article::default();
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines = Vec::new();
    // After a "Topics" heading, the short lines that follow are its entries.
    let mut in_tag_list = false;
    // After a "Recommended" heading, the headline-like lines that follow are teasers.
    let mut in_teasers = false;
    // After an "Image caption" label, the next line is the caption.
    let mut caption_next = false;
    // Above the first paragraph of prose, a line that reads as a byline is one ("Jane Doe / PA
    // Media" would be a photo credit further down).
    let mut in_header = true;
    for raw in normalised.split('\n') {
        let line = raw.trim();
        let after_caption_label = caption_next;
        caption_next = false;
        if line.is_empty() {
            caption_next = after_caption_label;
            lines.push(Line::Blank);
        } else if in_header && header::byline(line).is_some() {
            lines.push(Line::Text(line.to_string()));
        } else if after_caption_label && boilerplate::is_caption_text(line) {
            lines.push(Line::Dropped(line.to_string()));
        } else if boilerplate::is_boilerplate(line) {
            caption_next = boilerplate::opens_caption(line);
            in_tag_list |= boilerplate::opens_tag_list(line);
            in_teasers |= boilerplate::opens_teaser_list(line);
            lines.push(Line::Dropped(line.to_string()));
        } else if (in_tag_list && boilerplate::is_tag_item(line))
            || (in_teasers && boilerplate::is_teaser_item(line))
        {
            lines.push(Line::Dropped(line.to_string()));
        } else {
            in_tag_list = false;
            in_teasers = false;
            in_header &= line.chars().count() < 200;
            lines.push(Line::Text(line.to_string()));
        }
    }
    let body_from = read_header(&mut lines, &mut article);
    if article.byline.is_none() {
        closing_byline(&mut lines[body_from..], &mut article);
    }
    // "Posted 4 Mar 2025" standing alone further down: a time, not a paragraph.
    for line in lines.iter_mut().skip(body_from) {
        if let Line::Text(t) = line {
            if header::is_timestamp(t) {
                *line = Line::Dropped(std::mem::take(t));
            }
        }
    }
    if let Some(byline) = article.byline.as_deref() {
        let authors = header::author_names(byline);
        let mut after_note = false;
        for line in lines.iter_mut().skip(body_from) {
            if let Line::Text(t) = line {
                // The author's note, the byline repeated under it, and their desk.
                let repeated = authors.iter().any(|a| a == t) || t.as_str() == byline;
                let desk = after_note && header::is_agency_line(t);
                if header::is_author_note(t, &authors) || repeated || desk {
                    after_note = true;
                    *line = Line::Dropped(std::mem::take(t));
                } else {
                    after_note = false;
                }
            }
        }
    }
    article.dropped = lines
        .iter()
        .filter_map(|l| match l {
            Line::Dropped(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let paragraphs = split_paragraphs(lines.get(body_from..).unwrap_or(&[]));
    for (i, mut text) in paragraphs.into_iter().enumerate() {
        if i == 0 {
            if let Some(d) = header::dateline(&text) {
                article.dateline = Some(d.place);
                article.dateline_line = text.get(..d.body_start).map(|s| s.trim().to_string());
                text = text.get(d.body_start..).unwrap_or("").to_string();
            }
        }
        article.blocks.push(Block::paragraph(&text));
    }
    article
}

/// Reads title, standfirst, byline and timestamp lines off the top; returns where the body begins.
/// Header furniture (a section label above the title, an agency name under the byline) is turned
/// into dropped lines.
fn read_header(lines: &mut [Line], article: &mut Article) -> usize {
    let texts: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| match l {
            Line::Text(t) => Some((i, t.as_str())),
            _ => None,
        })
        .collect();
    let mut furniture = Vec::new();
    let mut k = 0;
    while let Some(&(i, line)) = texts.get(k) {
        let next = texts.get(k + 1).map(|&(_, l)| l);
        if let Some(names) = header::byline(line) {
            if article.byline.is_some() {
                furniture.push(i);
            } else {
                article.byline = Some(names);
                article.byline_line = Some(line.to_string());
                // "By A | Updated March 3, 2024": the time shares the byline's line.
                if let Some(time) = header::trailing_timestamp(line) {
                    article.timestamp.get_or_insert(time);
                }
            }
        } else if header::is_timestamp(line) {
            // A second time ("Updated ...") is kept among the dropped lines, not lost.
            if article.timestamp.is_some() {
                furniture.push(i);
            }
            article.timestamp.get_or_insert_with(|| line.to_string());
        } else if let Some(names) = (article.byline.is_none()
            && article.title.is_some()
            && next.is_some_and(|n| header::is_timestamp(n) || header::is_agency_line(n)))
        .then(|| header::bare_byline(line))
        .flatten()
        {
            // A bare name under the title, directly above the timestamp or an agency name.
            article.byline = Some(names);
            article.byline_line = Some(line.to_string());
            if let Some(time) = header::trailing_timestamp(line) {
                article.timestamp.get_or_insert(time);
            }
        } else if header::is_agency_line(line)
            || (article.byline.is_some()
                && article.timestamp.is_none()
                && next.is_some_and(header::is_timestamp)
                && header::is_outlet_name(line))
        {
            // An agency, a desk, or an outlet's name between the byline and the time.
            furniture.push(i);
        } else if article.title.is_none()
            && header::is_outlet_name(line)
            && header::is_agency(line)
            && next.is_some_and(|n| header::is_title_like(n) && n.split_whitespace().count() >= 4)
        {
            // "The Tarvik Courier" above the title: the outlet's name.
            furniture.push(i);
        } else if article.title.is_none()
            && is_section_label(line)
            && texts
                .get(k + 1)
                .is_some_and(|&(_, n)| is_section_label(n) && header::byline(n).is_none())
        {
            // "Politics" then "Congress", or a whole menu: section labels, one per line.
            furniture.push(i);
        } else if article.title.is_none()
            && is_section_label(line)
            && texts.get(k + 1).is_some_and(|&(j, n)| {
                header::is_title_like(n)
                    && n.split_whitespace().count() >= 3
                    && !header::has_strong_dateline(n)
                    && (!matches!(lines.get(j + 1), Some(Line::Text(_)))
                        || texts.get(k + 2).is_some_and(|&(_, a)| {
                            header::byline(a).is_some() || header::is_timestamp(a)
                        })
                        // a standfirst between the title and the byline
                        || texts.get(k + 2).is_some_and(|&(_, a)| header::is_standfirst_like(a))
                            && texts.get(k + 3).is_some_and(|&(_, a)| {
                                header::byline(a).is_some()
                                    || header::bare_byline(a).is_some()
                                    || header::is_timestamp(a)
                            }))
            })
        {
            // "World" or "Politics" above the real title.
            furniture.push(i);
        } else if article.title.is_none()
            && header::is_title_like(line)
            && !header::has_strong_dateline(line)
        {
            article.title = Some(line.to_string());
            if let Some(&(_, next)) = texts.get(k + 1) {
                let after = texts.get(k + 2).map(|&(_, l)| l);
                let after_that = texts.get(k + 3).map(|&(_, l)| l);
                if is_standfirst(next, after, after_that) {
                    article.standfirst = Some(next.to_string());
                    k += 1;
                }
            }
        } else if article.title.is_some()
            && article.standfirst.is_none()
            && (article.byline.is_some() || article.timestamp.is_some())
            && header::is_standfirst_like(line)
            && next.is_some_and(header::has_strong_dateline)
        {
            // The standfirst printed under the byline and time, above the dateline.
            article.standfirst = Some(line.to_string());
        } else if let Some(skip) = (article.title.is_some()
            && (article.byline.is_none() || article.timestamp.is_none()))
        .then(|| header_line_ahead(&texts[k..]))
        .flatten()
        {
            // A standfirst, a share bar or a comment count between the title and the byline or
            // time: the first summary-like line is the standfirst, the rest furniture.
            for &(j, l) in texts.get(k..k + skip).unwrap_or(&[]) {
                if article.standfirst.is_none() && header::is_standfirst_like(l) {
                    article.standfirst = Some(l.to_string());
                } else {
                    furniture.push(j);
                }
            }
            k += skip;
            continue;
        } else {
            break;
        }
        k += 1;
    }
    let body_from = texts.get(k).map_or(lines.len(), |&(i, _)| i);
    for i in furniture {
        if let Some(line) = lines.get_mut(i) {
            if let Line::Text(t) = line {
                *line = Line::Dropped(std::mem::take(t));
            }
        }
    }
    body_from
}

/// "Reporting by Ana Ruiz in Lendava; Editing by Ivo Lang" closing a wire story: the byline when
/// the header had none. The line leaves the body and stays in `byline_line`.
fn closing_byline(lines: &mut [Line], article: &mut Article) {
    let texts = lines
        .iter_mut()
        .rev()
        .filter(|l| !matches!(l, Line::Blank))
        .take(8);
    for line in texts {
        let (Line::Text(t) | Line::Dropped(t)) = line else {
            continue;
        };
        let Some(rest) = t
            .strip_prefix("Reporting by ")
            .or_else(|| t.strip_prefix("Written by "))
        else {
            continue;
        };
        let names = rest.split([';', '.']).next().unwrap_or("");
        // "A in Geneva and B in Lagos" → "A and B" (the byline reader drops locations).
        if let Some(names) = header::byline(&format!("By {}", names.trim())) {
            article.byline = Some(names);
            article.byline_line = Some(std::mem::take(t));
            *line = Line::Blank;
            return;
        }
    }
}

/// How many lines come before a byline ("By ...") or a timestamp within the next three, when
/// those lines are short enough to be header lines rather than prose (at most one standfirst).
fn header_line_ahead(texts: &[(usize, &str)]) -> Option<usize> {
    let mut long = 0;
    for (n, &(_, line)) in texts.iter().enumerate().take(4) {
        let explicit_byline = header::byline(line).is_some()
            && line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
        if n > 0 && (explicit_byline || header::is_timestamp(line)) {
            return Some(n);
        }
        let chars = line.chars().count();
        if chars > 400 || header::has_strong_dateline(line) {
            return None;
        }
        if chars > 120 {
            long += 1;
            if long > 1 {
                return None;
            }
        }
    }
    None
}

/// A section label such as "World", "Climate crisis" or "US news": up to three words, the first
/// capitalised.
fn is_section_label(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && line.chars().count() <= 30
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !line.ends_with(['.', '!', '?', ':', ','])
}

/// A line directly under the title is a standfirst when it reads like a summary and the next line
/// is a byline, a timestamp, or a paragraph that opens with a dateline.
fn is_standfirst(line: &str, after: Option<&str>, after_that: Option<&str>) -> bool {
    if !header::is_standfirst_like(line)
        || header::byline(line).is_some()
        || header::is_timestamp(line)
        || header::has_strong_dateline(line)
    {
        return false;
    }
    let header_line = |l: &str| header::byline(l).is_some() || header::is_timestamp(l);
    after.is_some_and(|a| {
        header_line(a)
            || header::has_strong_dateline(a)
            || (header::bare_byline(a).is_some()
                && after_that.is_some_and(|t| header_line(t) || header::is_agency_line(t)))
    })
}

/// Groups body lines into paragraphs: blank lines separate them; a group whose lines each read as a
/// whole paragraph (text copied without blank lines) is split at every line.
fn split_paragraphs(lines: &[Line]) -> Vec<String> {
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        match line {
            Line::Text(t) => current.push(t),
            Line::Blank => {
                if !current.is_empty() {
                    groups.push(std::mem::take(&mut current));
                }
            }
            Line::Dropped(_) => {}
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    let mut paragraphs = Vec::new();
    for group in groups {
        if lines_are_paragraphs(&group) {
            paragraphs.extend(group.iter().map(|l| l.to_string()));
        } else {
            paragraphs.push(group.join(" "));
        }
    }
    paragraphs
}

/// Whether the lines of a blank-free group are paragraphs of their own rather than a paragraph
/// hard-wrapped at a fixed width: wrapped lines break mid-sentence and are never very long.
fn lines_are_paragraphs(group: &[&str]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let ends_sentence = |l: &&str| {
        l.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
            .ends_with(['.', '!', '?', ':', '…'])
            || l.ends_with(['"', '”'])
    };
    let head = &group[..group.len() - 1];
    if head.iter().all(ends_sentence) {
        return true;
    }
    let long = group.iter().any(|l| l.chars().count() > 120);
    let ending = group.iter().filter(|l| ends_sentence(l)).count();
    long && ending * 2 >= group.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_body_and_furniture() {
        let text = "\u{feff}Home | World\r\n\r\nPort Strike Enters Second Week\r\n\r\nDockworkers say they will not return until wages rise.\r\nBy Ana Ruiz and Tom Hale | Reuters\r\nUpdated 10:00 a.m. ET, March 4, 2024\r\n\r\nVALPARAISO, Chile (AP) — Dockworkers stayed out.\r\n\r\nAdvertisement\r\n\r\nThe union said talks would resume.\r\n";
        let a = parse(text);
        assert_eq!(a.title.as_deref(), Some("Port Strike Enters Second Week"));
        assert_eq!(
            a.standfirst.as_deref(),
            Some("Dockworkers say they will not return until wages rise.")
        );
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz and Tom Hale"));
        assert_eq!(
            a.timestamp.as_deref(),
            Some("Updated 10:00 a.m. ET, March 4, 2024")
        );
        assert_eq!(a.dateline.as_deref(), Some("VALPARAISO, Chile"));
        assert_eq!(a.dropped, vec!["Home | World", "Advertisement"]);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Dockworkers stayed out.",
                "The union said talks would resume."
            ]
        );
    }

    #[test]
    fn joins_wrapped_lines_and_splits_unwrapped_ones() {
        let wrapped = "Title Line\n\nThe council met on Monday and\nvoted to approve the budget.\n\nIt adjourned.";
        let a = parse(wrapped);
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(
            a.blocks[0].text,
            "The council met on Monday and voted to approve the budget."
        );
        let flat = "Title Line\nThe council met on Monday.\nIt voted to approve the budget.\nIt adjourned.";
        assert_eq!(parse(flat).blocks.len(), 3);
    }

    #[test]
    fn header_furniture_and_bare_names() {
        let text = "Climate\n\nGlaciers Retreat Faster Than Forecast — Again\n\nJane Okoro\nReuters\nMarch 3, 2024\n\nGeneva — The ice is going.\n\nScientists agree.";
        let a = parse(text);
        assert_eq!(
            a.title.as_deref(),
            Some("Glaciers Retreat Faster Than Forecast — Again")
        );
        assert_eq!(a.byline.as_deref(), Some("Jane Okoro"));
        assert_eq!(a.timestamp.as_deref(), Some("March 3, 2024"));
        assert_eq!(a.dropped, vec!["Climate", "Reuters"]);
        assert_eq!(a.dateline.as_deref(), Some("Geneva"));
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[0].text, "The ice is going.");
    }

    #[test]
    fn reads_a_header_with_a_kicker_and_a_located_byline_and_a_topic_list() {
        let text = "Skip to main content\n1/3\nNext image\nUS news\n\nFarmers Block Motorways as Diesel Protest Spreads\n\nTractor convoys shut three ring roads, with unions threatening a week of action\n\nMarta Kovac in Lendava\nTue 5 Mar 2024 14.12 GMT\nShare\n\nThousands of farmers blocked motorways on Tuesday.\n\nPolice said 2,000 vehicles took part.\n\nExplore more on these topics\nFarming\nProtest\nReuse this content\n";
        let a = parse(text);
        assert_eq!(
            a.title.as_deref(),
            Some("Farmers Block Motorways as Diesel Protest Spreads")
        );
        assert_eq!(
            a.standfirst.as_deref(),
            Some("Tractor convoys shut three ring roads, with unions threatening a week of action")
        );
        assert_eq!(a.byline.as_deref(), Some("Marta Kovac"));
        assert_eq!(a.timestamp.as_deref(), Some("Tue 5 Mar 2024 14.12 GMT"));
        assert_eq!(
            a.dropped,
            vec![
                "Skip to main content",
                "1/3",
                "Next image",
                "US news",
                "Share",
                "Explore more on these topics",
                "Farming",
                "Protest",
                "Reuse this content"
            ]
        );
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn a_header_with_a_kicker_a_bare_byline_with_an_outlet_and_a_teaser_list() {
        let text = "Harbour Works Stall. Then the Bills Arrive.\n\nExclusive: Port board papers show costs doubled while the contractor walked away\n\nIna Vell · Coastline Radio\n\nPosted: Jun 02, 2024 7:40 AM EST | Last Updated: 4 hours ago\n\nThe harbour works stopped in May.\n\nWith files from Ana Kiri\n\nRecommended\n\nTarnia’s rail strike enters its third week\n\nWhy is the old dam still standing?\n";
        let a = parse(text);
        assert_eq!(
            a.title.as_deref(),
            Some("Harbour Works Stall. Then the Bills Arrive.")
        );
        assert!(a
            .standfirst
            .as_deref()
            .is_some_and(|s| s.starts_with("Exclusive: Port board")));
        assert_eq!(a.byline.as_deref(), Some("Ina Vell"));
        assert!(a.timestamp.is_some());
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(
            a.dropped,
            vec![
                "With files from Ana Kiri",
                "Recommended",
                "Tarnia’s rail strike enters its third week",
                "Why is the old dam still standing?"
            ]
        );
    }

    #[test]
    fn a_byline_and_its_time_on_one_line() {
        let text = "Grain Prices Climb on Export Ban\n\nTraders expect shortages to spread to neighbouring markets\n\nBy Ina Vell | Updated Feb. 9, 2023 8:05 am ET\n\nGrain prices rose.";
        let a = parse(text);
        assert_eq!(a.byline.as_deref(), Some("Ina Vell"));
        assert_eq!(
            a.timestamp.as_deref(),
            Some("Updated Feb. 9, 2023 8:05 am ET")
        );
        assert!(a.standfirst.is_some());
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn an_outlet_line_a_labelled_caption_and_a_share_list() {
        let text = "Ferry Fares Rise Again\n\nBy Ina Vell, for The Evening Courier\n\nThe Evening Courier\n\nLast modified on Mon 3 Jun 2024 07.12 GMT\n\nFares rose on Monday.\n\nImage caption,\nPassengers queue at the terminal\n\nThe operator blamed fuel costs.\n\nShare this with\nEmail\nFacebook\n";
        let a = parse(text);
        assert_eq!(a.byline.as_deref(), Some("Ina Vell"));
        assert!(a.timestamp.is_some());
        assert_eq!(
            a.dropped,
            vec![
                "The Evening Courier",
                "Image caption,",
                "Passengers queue at the terminal",
                "Share this with",
                "Email",
                "Facebook"
            ]
        );
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn a_teaser_list_ends_at_the_first_paragraph() {
        let text = "Grain Prices Climb on Export Ban\n\nRelated\n\nFarmers Protest in Capital\n\nGrain prices rose on Monday, traders said.\n\nThe ban runs to June.";
        let a = parse(text);
        assert_eq!(a.dropped, vec!["Related", "Farmers Protest in Capital"]);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn an_ordinary_first_sentence_keeps_its_dash() {
        let a = parse("Budget Talks Resume\n\nOfficials — who asked not to be named — said so.");
        assert_eq!(a.dateline, None);
        assert!(a.blocks[0].text.starts_with("Officials — who"));
    }

    #[test]
    fn empty_and_odd_input_never_panics() {
        assert_eq!(parse(""), Article::default());
        for s in [
            "\r",
            "\u{feff}",
            "—",
            "A —",
            "(",
            "By",
            "|",
            "é—é",
            "X (Y) —",
        ] {
            let _ = parse(s);
        }
    }
}
