//! People, organizations and other sources: names, honorifics, titles, roles, aliases, and the
//! mentions that refer to them.

use super::tokens::Tok;
use super::words::{self, Gender};
use crate::SourceKind;

pub(super) use super::registry::{Entity, Registry};

/// One reference to an entity in a unit's text, outside quotations.
#[derive(Clone, Copy, Debug)]
pub(super) struct Mention {
    pub entity: usize,
    /// Byte range of the name as written (honorific and title included, possessive excluded).
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
    /// Token indices of the first and last word.
    pub first_tok: usize,
    pub last_tok: usize,
    /// A capital city standing for its country.
    pub metonym: bool,
}

/// Context for reading the names of one sentence.
pub(super) struct Sentence<'a> {
    pub unit: usize,
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Token index range of the sentence.
    pub first: usize,
    pub last: usize,
    /// Byte end of the sentence.
    pub end: usize,
    /// Byte ranges of quotations.
    pub quotes: &'a [(usize, usize)],
}

impl Sentence<'_> {
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// "… and Prices Office": when "and" or "&" follows token `b` and name words follow it, the
    /// last of them (at most `most` after the first).
    fn names_after_and(&self, b: usize, most: usize) -> Option<usize> {
        let joined = b + 2 <= self.last
            && matches!(self.word(b + 1), "and" | "&")
            && self.adjacent(b, b + 1)
            && self.adjacent(b + 1, b + 2)
            && self.namey(b + 2)
            && !self.quoted(b + 2);
        if !joined {
            return None;
        }
        let mut c = b + 2;
        while c < self.last && c < b + 2 + most && self.adjacent(c, c + 1) && self.namey(c + 1) {
            c += 1;
        }
        Some(c)
    }

    fn quoted(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| super::tokens::inside(self.quotes, t.start))
    }

    fn namey(&self, i: usize) -> bool {
        let w = self.word(i);
        w.chars().next().is_some_and(char::is_uppercase) || words::strip_particle(w) != w
    }

    /// Words `a` and `b` are next to each other with only a space between them (no punctuation,
    /// no possessive on `a`).
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.toks.get(a), self.toks.get(b)) else {
            return false;
        };
        !x.possessive && gap_is_space(self.text, x.full_end, y.start)
    }

    /// Like [`Self::adjacent`], but a possessive may sit on `a` ("South Korea's foreign minister").
    fn loosely_adjacent(&self, a: usize, b: usize) -> bool {
        let (Some(x), Some(y)) = (self.toks.get(a), self.toks.get(b)) else {
            return false;
        };
        gap_is_space(self.text, x.full_end, y.start)
    }

    /// The lowercased word before token `i` inside the sentence, if any.
    pub fn before(&self, i: usize) -> Option<String> {
        (i > self.first && i <= self.last + 1).then(|| self.word(i - 1).to_lowercase())
    }

    /// The token index of the first word after byte `pos` in the sentence.
    pub fn tok_at_or_after(&self, pos: usize) -> Option<usize> {
        (self.first..=self.last).find(|&i| self.toks.get(i).is_some_and(|t| t.start >= pos))
    }

    /// Whether the word after token `i` (skipping fillers and an apposition) is a speech or belief
    /// verb.
    pub fn followed_by_speech_verb(&self, i: usize) -> bool {
        let mut j = i + 1;
        // An apposition: ", a spokeswoman for ...," then the verb; a short parenthetical
        // ("(pictured)") before it or before the verb is skipped.
        let after_paren = |end: usize| {
            end + self
                .text
                .get(end..)
                .map_or(0, super::speakers::parenthetical_len)
        };
        if let Some(t) = self.toks.get(i) {
            let end = after_paren(t.full_end);
            if end > t.full_end {
                j = self.tok_at_or_after(end).unwrap_or(self.last + 1);
            }
            if self.text.get(end..).is_some_and(|r| r.starts_with(", ")) {
                let mut k = j;
                while k <= self.last && k < j + 16 {
                    let tk = self.toks[k];
                    let end = after_paren(tk.full_end);
                    if self.text.get(end..).is_some_and(|r| r.starts_with(',')) {
                        j = self.tok_at_or_after(end).unwrap_or(self.last + 1);
                        break;
                    }
                    k += 1;
                }
            }
        }
        while j <= self.last && words::is_filler(self.word(j)) {
            j += 1;
        }
        j <= self.last && {
            let w = self.word(j);
            words::is_speech_verb(w) || words::is_belief_verb(w)
        }
    }
}

/// "Said Ms. X: “…”": a capitalized speech verb opening the sentence before a short name and a
/// colon or comma is not part of the name.
fn inverted_speech_verb(s: &Sentence, i: usize) -> bool {
    i == s.first
        && i < s.last
        && words::is_speech_verb(&s.word(i).to_lowercase())
        && (i + 1..=s.last.min(i + 4)).any(|k| {
            s.toks
                .get(k)
                .and_then(|t| s.text.get(t.full_end..))
                .is_some_and(|r| r.starts_with([':', ',']))
        })
}

fn gap_is_space(text: &str, from: usize, to: usize) -> bool {
    from < to
        && to - from <= 2
        && text
            .get(from..to)
            .is_some_and(|g| g.chars().all(|c| c == ' '))
}

/// Finds the names in one sentence (outside quotations), binding each to an entity and learning
/// new entities and their roles as the text introduces them.
pub(super) fn scan_sentence(reg: &mut Registry, s: &Sentence) -> Vec<Mention> {
    reg.set_now(s.unit);
    if (s.first..=s.last).any(|k| matches!(s.word(k), "she" | "She" | "he" | "He") && !s.quoted(k))
    {
        reg.person_for_pronoun(s.unit);
    }
    let mut out = Vec::new();
    let mut i = s.first;
    while i <= s.last {
        if s.quoted(i) {
            i += 1;
            continue;
        }
        // "the company", "the union": an alias of the organization it refers back to.
        // "the Miravian interior ministry": a capitalized qualifier, lowercase words and an
        // organization noun name an organization of their own.
        if let Some(m) = qualified_organization(reg, s, i) {
            reg.record((s.unit, m.start), m.entity);
            i = m.last_tok + 1;
            out.push(m);
            continue;
        }
        // "the port authority": up to two lowercase words before the head noun.
        if s.word(i).eq_ignore_ascii_case("the") && i < s.last && !s.quoted(i + 1) {
            // (Not "the third-largest lender" or "the new bank": those describe.)
            let head = (i + 1..=s.last.min(i + 3))
                .take_while(|&k| {
                    let w = s.word(k);
                    w.chars().next().is_some_and(char::is_lowercase)
                        && w.chars().all(char::is_alphabetic)
                        && !w.ends_with("est")
                        && !matches!(
                            w,
                            "new" | "combined" | "merged" | "former" | "other" | "same" | "old"
                        )
                        && s.adjacent(k - 1, k)
                })
                .find(|&k| words::organization_head(s.word(k)).is_some());
            let found = head.and_then(|k| {
                let h = words::organization_head(s.word(k))?;
                let t = s.toks.get(i)?;
                Some((k, h, (s.unit, t.start)))
            });
            if let Some((k, h, pos)) = found {
                // Not the organization this sentence is about: "X, which sits on the regulator's
                // panel" speaks of another body (but "an X spokeswoman said the bloc's …" may
                // mean X).
                let sentence_start = (s.unit, s.toks.get(s.first).map_or(0, |t| t.start));
                let subject = out.first().filter(|m: &&Mention| {
                    let next_lower = s
                        .word(m.last_tok + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                    let modifier = next_lower && s.adjacent(m.last_tok, m.last_tok + 1);
                    !m.possessive && !modifier
                });
                let named_here = |e: usize| subject.is_some_and(|m| m.entity == e);
                let e = reg
                    .find_by_head(h, sentence_start)
                    .filter(|&e| !named_here(e))
                    .or_else(|| reg.find_by_head(h, pos).filter(|&e| !named_here(e)));
                if let Some(e) = e {
                    let words_: Vec<&str> = (i + 1..=k).map(|x| s.word(x)).collect();
                    reg.add_alias(e, &format!("the {}", words_.join(" ")));
                    reg.record(pos, e);
                }
            }
        }
        if !s.namey(i) || inverted_speech_verb(s, i) {
            i += 1;
            continue;
        }
        let mut b = i;
        while b < s.last && s.adjacent(b, b + 1) && !s.quoted(b + 1) {
            if s.namey(b + 1) {
                b += 1;
                continue;
            }
            // "de la", "van der": up to two particles, then a name word.
            let mut p = b + 1;
            while p < s.last && p < b + 3 && words::is_particle(s.word(p)) && s.adjacent(p, p + 1) {
                p += 1;
            }
            if p > b + 1 && s.namey(p) && !s.quoted(p) {
                b = p;
            } else {
                break;
            }
        }
        // "Fair Trade and Prices Office": one word joined by "and" to words that end in an
        // organization word (two names of their own are two organizations: "Alder Savings and
        // Westby Bank").
        let first_word = (i..=b)
            .find(|&k| !words::is_capitalized_function_word(s.word(k)))
            .unwrap_or(i);
        if let Some(c) = (b == first_word).then(|| s.names_after_and(b, 4)).flatten() {
            if words::is_organization_word(s.word(c))
                && !words::is_publication_word(s.word(c))
                && !words::is_capitalized_function_word(s.word(b + 2))
            {
                b = c;
            }
        }
        // "East Riding of Yorkshire Council": a place, "of", and a name that ends in an
        // organization word.
        if b + 2 <= s.last
            && s.word(b + 1) == "of"
            && s.adjacent(b, b + 1)
            && s.adjacent(b + 1, b + 2)
            && s.namey(b + 2)
            && !words::is_organization_word(s.word(b))
        {
            let mut c = b + 2;
            while c < s.last && c < b + 5 && s.adjacent(c, c + 1) && s.namey(c + 1) {
                c += 1;
            }
            if words::is_organization_word(s.word(c)) && !words::is_publication_word(s.word(c)) {
                b = c;
            }
        }
        // "Chamber of Shipping", "Agency for Road Safety", "University of the Western Plains": an
        // organization word, "of", a name.
        while b + 2 <= s.last
            && words::is_organization_word(s.word(b))
            && matches!(s.word(b + 1), "of" | "for" | "on")
            && s.adjacent(b, b + 1)
            && s.adjacent(b + 1, b + 2)
            && {
                let the = usize::from(s.word(b + 2) == "the" && s.adjacent(b + 2, b + 3));
                s.namey(b + 2 + the)
                    && !s.quoted(b + 2 + the)
                    && !words::is_capitalized_function_word(s.word(b + 2 + the))
            }
        {
            b += 2 + usize::from(s.word(b + 2) == "the");
            while b < s.last && s.adjacent(b, b + 1) && !s.quoted(b + 1) && s.namey(b + 1) {
                b += 1;
            }
            // "Ministry of Industry and Trade", "Committee for Disaster Prevention and
            // Control": one or two more name words joined by "and" (not a second name that ends
            // in an organization word of its own: "Ministry of Health and Kelso Bank").
            if let Some(c) = s.names_after_and(b, 1).filter(|_| s.word(b + 1) == "and") {
                let next_namey = c < s.last && s.adjacent(c, c + 1) && s.namey(c + 1);
                let own_name = (b + 2..=c).any(|k| words::is_organization_word(s.word(k)))
                    || reg.is_name_word(s.word(b + 2));
                if !next_namey && !own_name {
                    b = c;
                }
            }
        }
        let mut a = i;
        while a <= b && words::is_capitalized_function_word(s.word(a)) {
            a += 1;
        }
        if a <= b {
            if let Some(m) = classify(reg, s, a, b) {
                reg.record((s.unit, m.start), m.entity);
                out.push(m);
            } else if (2..=4).contains(&(b - a + 1))
                // At a sentence's start only a name that a verb follows ("Ada Quill lifts …").
                && (a > s.first
                    || s.word(b + 1).chars().next().is_some_and(char::is_lowercase))
                && (a..=b).all(|k| !s.toks.get(k).is_some_and(|t| t.possessive) || k == b)
            {
                let at = (s.unit, s.toks.get(a).map_or(0, |t| t.start));
                // A subject a verb follows may turn out a person a pronoun refers to.
                let next = s.word(b + 1);
                let subject = b < s.last
                    && s.adjacent(b, b + 1)
                    && next.chars().next().is_some_and(char::is_lowercase)
                    && !words::is_preposition(next)
                    && !words::is_stop_word(next);
                reg.note_unclaimed_run(s.word(a), span_text(s, a, b), at, subject);
            }
        }
        i = b + 1;
    }
    out
}

/// "the French foreign ministry" at token `i` ("the"): the organization it names, as a mention.
fn qualified_organization(reg: &mut Registry, s: &Sentence, i: usize) -> Option<Mention> {
    if !s.word(i).eq_ignore_ascii_case("the") || s.quoted(i + 1) {
        return None;
    }
    let a = i + 1;
    let mut k = a;
    while k <= s.last && k < a + 2 && s.namey(k) && !s.toks.get(k)?.possessive {
        if !s.adjacent(k - 1, k) || words::is_organization_word(s.word(k)) {
            return None;
        }
        k += 1;
    }
    let qualified = k > a;
    let mut h = k;
    while h <= s.last && h < k + 3 {
        let w = s.word(h);
        if !w.chars().next().is_some_and(char::is_lowercase) || !s.adjacent(h - 1, h) {
            return None;
        }
        if let Some(head) = words::organization_head(w) {
            if matches!(head, "*" | "+" | "#") {
                return None;
            }
            // "the foreign ministry of Kastel": the place after "of" qualifies it instead.
            let mut h = h;
            if !qualified {
                if s.word(h + 1) != "of" || !s.adjacent(h, h + 1) || !s.adjacent(h + 1, h + 2) {
                    return None;
                }
                let mut n = h + 2;
                if !s.namey(n) || words::is_capitalized_function_word(s.word(n)) {
                    return None;
                }
                while n < s.last && n < h + 4 && s.adjacent(n, n + 1) && s.namey(n + 1) {
                    n += 1;
                }
                h = n;
            }
            // Not "the Miravian interior ministry's": that is how a role begins.
            let (x, y) = (s.toks.get(a)?, s.toks.get(h)?);
            let name = s.text.get(x.start..y.end)?.to_string();
            let e = match reg.find_named(&name) {
                Some(e) => e,
                None => reg.get_or_add(&name, SourceKind::Organization, (s.unit, x.start, y.end)),
            };
            return Some(Mention {
                entity: e,
                start: x.start,
                end: y.end,
                possessive: y.possessive,
                first_tok: a,
                last_tok: h,
                metonym: false,
            });
        }
        h += 1;
    }
    None
}

fn span_text<'a>(s: &'a Sentence, a: usize, b: usize) -> &'a str {
    match (s.toks.get(a), s.toks.get(b)) {
        (Some(x), Some(y)) => s.text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    }
}

fn classify(reg: &mut Registry, s: &Sentence, a: usize, mut b: usize) -> Option<Mention> {
    // "NAME SC", "NAME MP": letters after the name are not part of it.
    while b > a + 1 && words::is_post_nominal(s.word(b)) {
        b -= 1;
    }
    // "Council said", "the Ministry said": an organization named before by its head word.
    if a == b && words::is_organization_word(s.word(a)) {
        let head = s.word(a).to_lowercase();
        let pos = (s.unit, s.toks.get(a)?.start);
        if let Some(e) = reg.find_by_head(&head, pos) {
            let (start, end) = (s.toks.get(a)?.start, s.toks.get(a)?.end);
            return Some(Mention {
                entity: e,
                start,
                end,
                possessive: s.toks.get(a)?.possessive,
                first_tok: a,
                last_tok: a,
                metonym: false,
            });
        }
    }
    let words_ab: Vec<&str> = (a..=b).map(|i| s.word(i)).collect();
    let start = s.toks.get(a)?.start;
    let end = s.toks.get(b)?.end;
    let possessive = s.toks.get(b)?.possessive;
    let mention = |entity| Mention {
        entity,
        start,
        end,
        possessive,
        first_tok: a,
        last_tok: b,
        metonym: false,
    };
    let surface = span_text(s, a, b).to_string();
    // "Coach NAME said" opening a sentence: a role noun capitalized by its position is a title.
    let opening_role = |t: usize| {
        let w = s.word(t).to_lowercase();
        t == s.first && t + 1 < b && (words::is_role_noun(&w) || words::looks_like_occupation(&w))
    };
    let title_at = (a..=b)
        .rev()
        .find(|&t| {
            words::is_title(s.word(t)) || words::honorific(s.word(t)).is_some() || opening_role(t)
        })
        .map(|t| {
            // "Chief Executive NAME", "Chief Financial Officer NAME": role words after the
            // title, up to three.
            (t + 1..b.min(t + 4))
                .rev()
                .find(|&k| words::is_role_noun(&s.word(k).to_lowercase()))
                .unwrap_or(t)
        });
    let has_org = words_ab.iter().any(|w| words::is_organization_word(w));

    if let Some(t) = title_at.filter(|_| !has_org || title_at.is_some_and(|t| t < b)) {
        if t == b {
            return None;
        }
        let gender = (a..=t).find_map(|k| words::honorific(s.word(k)).flatten());
        let real_title = (a..=t).any(|k| words::is_title(s.word(k)));
        let name: Vec<&str> = (t + 1..=b).map(|k| s.word(k)).collect();
        let unclaimed = (name.len() == 1)
            .then(|| reg.unclaimed_person(name[0]).map(str::to_string))
            .flatten();
        let entity = match reg.find_person(&name, gender) {
            Some(e) => {
                reg.add_alias(e, &surface);
                e
            }
            // "Mr Ferreira" after "Nicholas Ferreira, prosecuting,": the full name seen first.
            None if unclaimed.is_some() => {
                let full = unclaimed.unwrap_or_default();
                let e = reg.get_or_add(&full, SourceKind::Person, (s.unit, start, end));
                reg.add_alias(e, &surface);
                e
            }
            None => {
                let e = reg.get_or_add(
                    &name.join(" "),
                    SourceKind::Person,
                    (s.unit, s.toks.get(t + 1)?.start, end),
                );
                if gender.is_none() && !real_title {
                    // "Dr. X" with no earlier full name: still a person.
                }
                e
            }
        };
        let ent = &mut reg.entities[entity];
        if ent.gender.is_none() {
            ent.gender = gender;
        }
        if real_title && ent.role.is_none() {
            let title = span_text(s, a, t).to_string();
            // "Senator NAME (I-Vt.), one of the bill's authors,": the title and the apposition.
            let appos = if possessive { None } else { apposition(s, b) };
            ent.role = Some(match appos {
                Some(ap) => format!("{title}, {ap}"),
                None => title,
            });
        }
        if ent.role.is_none() && !possessive {
            let role = apposition(s, b).or_else(|| pre_apposition(s, a));
            reg.entities[entity].role = role;
        }
        return Some(mention(entity));
    }

    // "Director of the X Department of Agriculture Tran Quoc Bao said", "Committee Chair NAME
    // said": a role ending in an organization word, run together with the person's name.
    {
        // The name starts after the last organization word, or at a family name that is
        // written first ("... Rural Development Tran Quoc Bao").
        let surname_first =
            |w: &str| words::is_vietnamese_family_name(w) || words::is_family_name_first(w);
        // (Not inside a name that itself opens with a family name: "Nguyen Dinh Phuc".)
        let split = (a + 1..b)
            .find(|&f| surname_first(s.word(f)) && !surname_first(s.word(a)))
            .map(|f| f - 1)
            .or_else(|| {
                (a..b)
                    .rev()
                    .find(|&k| words::is_organization_word(s.word(k)))
            });
        if let Some(k) = split {
            let tail = &words_ab[k + 1 - a..];
            let name_like = (2..=4).contains(&tail.len())
                && tail.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !words::is_organization_word(w)
                        && !words::is_capitalized_function_word(w)
                        && !w.chars().any(|c| c.is_ascii_digit())
                        && w.chars().skip(1).all(|c| !c.is_uppercase())
                });
            let person_evidence =
                s.followed_by_speech_verb(b) || (!possessive && apposition(s, b).is_some());
            if name_like && person_evidence {
                let name = tail.join(" ");
                let first = s.toks.get(k + 1)?.start;
                let e = match reg.find_person(tail, None) {
                    Some(e) => e,
                    None => reg.get_or_add(&name, SourceKind::Person, (s.unit, first, end)),
                };
                if reg.entities[e].role.is_none() {
                    // "Chairwoman of the provincial People's Committee NAME": the role runs
                    // from a title opening the sentence.
                    let opening = s.word(s.first).to_lowercase();
                    let from = if s.first < a
                        && (words::is_role_noun(&opening) || words::is_title(s.word(s.first)))
                        && !span_text(s, s.first, k).contains(',')
                    {
                        s.first
                    } else {
                        a
                    };
                    reg.entities[e].role = Some(span_text(s, from, k).to_string());
                }
                return Some(Mention {
                    entity: e,
                    start: first,
                    end,
                    possessive,
                    first_tok: k + 1,
                    last_tok: b,
                    metonym: false,
                });
            }
        }
    }

    if has_org {
        let publication = words_ab.iter().any(|w| words::is_publication_word(w));
        // "Two carriers, Nordby and Saltica Express," are companies whatever their names say.
        let described =
            organization_descriptor(s, a).is_some() || coordinated_with_organization(reg, s, a);
        let kind = if !described && (publication || (b > a && words_ab.contains(&"News"))) {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        // "Department for Environment, Food and Rural Affairs (Defra)": a defined long form the
        // name's words begin is the whole name.
        let surface = s
            .text
            .get(start..)
            .and_then(|rest| reg.long_form_starting(&surface, rest))
            .map_or(surface, str::to_string);
        let existed = reg.find_named(&surface);
        let e = existed.unwrap_or_else(|| reg.get_or_add(&surface, kind, (s.unit, start, end)));
        if existed.is_none() {
            let role = organization_premodifier(s, a)
                .or_else(|| organization_descriptor(s, a))
                .or_else(|| apposition(s, b));
            reg.entities[e].role = role;
        }
        return Some(mention(e));
    }

    // A short form, or a mixed-case one the text defines ("MoD").
    let defined = reg.is_short_form(surface.as_str());
    if a == b
        && surface.chars().count() >= 2
        && (defined || surface.chars().all(|c| c.is_uppercase() || c == '.'))
    {
        if let Some(e) = reg.find_abbreviation(&surface) {
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
    }
    if let Some(country) = words::country(&surface) {
        let e = reg.get_or_add(country, SourceKind::Organization, (s.unit, start, end));
        reg.entities[e].country = true;
        reg.add_alias(e, &surface);
        return Some(mention(e));
    }
    if let Some(country) = words::country_of_capital(&surface) {
        let e = reg.get_or_add(country, SourceKind::Organization, (s.unit, start, end));
        reg.entities[e].country = true;
        let mut m = mention(e);
        m.metonym = true;
        return Some(m);
    }
    if let Some(e) = reg.find_person(&words_ab, None) {
        reg.add_alias(e, &surface);
        return Some(mention(e));
    }
    if let Some(e) = reg.find_named(&surface) {
        return Some(mention(e));
    }
    // "Halvik" for "Halvik Semiconductor" or "Halvik Marine Engineering": the first word of an
    // organization's name (of three or four words when it ends in an organization word).
    if a == b {
        if let Some(e) = reg.entities.iter().rposition(|e| {
            e.kind == SourceKind::Organization
                && !e.country
                && (e.tokens.len() == 2
                    || (e.tokens.len() <= 4
                        && e.tokens
                            .last()
                            .is_some_and(|t| words::is_organization_word(t))
                        && e.tokens
                            .iter()
                            .all(|t| t.chars().next().is_some_and(char::is_uppercase))))
                && e.tokens.first().is_some_and(|t| *t == surface)
                && !e
                    .tokens
                    .last()
                    .is_some_and(|t| words::is_public_body_word(t))
        }) {
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
    }
    // "Nordby and NAME said": a name coordinated with an organization is one.
    if coordinated_with_organization(reg, s, a) {
        let e = new_organization(reg, &surface, (s.unit, start, end));
        return Some(mention(e));
    }
    // "The railway operator, NAME," / "the city's main supplier, NAME": an organization.
    if let Some(role) = organization_descriptor(s, a) {
        let e = new_organization(reg, &surface, (s.unit, start, end));
        let ent = &mut reg.entities[e];
        ent.role = ent.role.take().or(Some(role));
        return Some(mention(e));
    }
    // "NAME, which owns the mine," / "NAME, the municipal operator,": an organization.
    let org_apposition = !possessive
        && s.toks
            .get(b)
            .and_then(|t| s.text.get(t.full_end..))
            .is_some_and(|r| {
                r.starts_with(", which ")
                    || r.strip_prefix(", ").is_some_and(|r| {
                        let phrase = r.split([',', '.', ';', '(']).next().unwrap_or("");
                        let ws: Vec<&str> = phrase.split_whitespace().collect();
                        ws.len() <= 6
                            && ws.first().is_some_and(|w| matches!(*w, "the" | "a" | "an"))
                            && ws.last().is_some_and(|w| {
                                words::organization_head(w).is_some_and(|h| h != "+")
                            })
                            // not "NAME, a spokeswoman for the board,": a person's role
                            && !ws.iter().any(|w| {
                                words::is_role_noun(w) && words::organization_head(w).is_none()
                            })
                    })
            });
    if org_apposition && !s.namey(b + 1) {
        let e = new_organization(reg, &surface, (s.unit, start, end));
        if reg.entities[e].role.is_none() {
            reg.entities[e].role = apposition_text(s, b);
        }
        return Some(mention(e));
    }
    // "NAME's chief executive": a new name that has officers is an organization.
    if possessive && possessive_of_role(s, b) {
        let e = new_organization(reg, &surface, (s.unit, start, end));
        return Some(mention(e));
    }

    // A new name: a person when the text gives a role or makes it speak.
    let premodifier = person_premodifier(s, a).or_else(|| pre_apposition(s, a));
    let appos = if possessive { None } else { apposition(s, b) };
    let of_org = if possessive {
        None
    } else {
        of_organization(s, b)
    };
    let before = s.before(a);
    let after_according = a >= s.first + 2
        && s.word(a - 2).eq_ignore_ascii_case("according")
        && s.word(a - 1) == "to";
    let object = before.as_deref().is_some_and(words::is_preposition);
    let place = b > a && words_ab.last().is_some_and(|w| words::is_place_word(w));
    let speaks = !possessive && !object && !place && s.followed_by_speech_verb(b);
    let inverted = before.as_deref().is_some_and(words::is_speech_verb);
    let told = before.as_deref() == Some("told");
    let has_role = premodifier.is_some() || appos.is_some() || of_org.is_some();
    // "NAME, whose husband …" / "NAME, who lives …": a relative clause of a person.
    // What follows the name, past a short bracket ("NAME (pictured), 81, whose …").
    let after_name = s.toks.get(b).and_then(|t| {
        let r = s.text.get(t.full_end..)?;
        r.get(super::speakers::parenthetical_len(r)..)
    });
    let who_clause = !possessive
        && after_name.is_some_and(|r| {
            // ", 34, who …": an age first.
            let r = r
                .strip_prefix(", ")
                .map(|x| x.trim_start_matches(|c: char| c.is_ascii_digit()))
                .filter(|x| x.starts_with(", "))
                .map_or(r, |x| x);
            r.starts_with(", who ") || r.starts_with(", whose ")
        });
    // "NAME, 18, sat" / "NAME, now 18,": an age makes a person.
    let aged = !possessive
        && after_name
            .and_then(|r| r.strip_prefix(", "))
            .map(|r| r.strip_prefix("now ").unwrap_or(r))
            .is_some_and(|r| {
                let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                (1..=3).contains(&digits) && r[digits..].starts_with([',', ' '])
            });
    // "Thailand's NAME": a person introduced by their country.
    let countrys = a > s.first
        && s.toks.get(a - 1).is_some_and(|t| t.possessive)
        && words::country(s.word(a - 1)).is_some()
        && s.adjacent(a - 1, a);
    let has_role = has_role || who_clause || countrys || aged;
    if b > a && !place && (has_role || after_according || speaks || (inverted && !told)) {
        // "Ortiz Salgado said" for "Valeria Ortiz Salgado", named elsewhere in the article.
        let full = reg
            .unclaimed_person(s.word(b))
            .filter(|run| run.len() > surface.len() && run.ends_with(&format!(" {surface}")))
            .map(str::to_string);
        let e = reg.get_or_add(
            full.as_deref().unwrap_or(&surface),
            SourceKind::Person,
            (s.unit, start, end),
        );
        reg.add_alias(e, &surface);
        let role = premodifier.or(appos).or(of_org);
        let ent = &mut reg.entities[e];
        if let Some(g) = role.as_deref().and_then(role_gender) {
            ent.gender = Some(g);
        }
        ent.role = ent.role.take().or(role);
        return Some(mention(e));
    }
    if a == b && words::is_unnamed_source_noun(&surface.to_lowercase()) {
        return None;
    }
    // "Al-Kuwari, who finished second, said": a relative "who" speaks of a person.
    if a == b && (speaks || inverted) && !told && who_clause {
        let full = reg.unclaimed_person(&surface).map(str::to_string);
        let e = reg.get_or_add(
            full.as_deref().unwrap_or(&surface),
            SourceKind::Person,
            (s.unit, start, end),
        );
        reg.add_alias(e, &surface);
        return Some(mention(e));
    }
    // "said Quill" / "Quill said" after "Ada Quill went …": the person named earlier.
    if a == b && (speaks || inverted) && !told {
        if let Some(full) = reg.unclaimed_person(&surface).map(str::to_string) {
            let e = reg.get_or_add(&full, SourceKind::Person, (s.unit, start, end));
            reg.add_alias(e, &surface);
            if reg.entities[e].role.is_none() {
                reg.entities[e].role = appos;
            }
            return Some(mention(e));
        }
    }
    if a == b && (after_according || speaks || told) {
        let kind = if told || after_according {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        // "Dresvon said" after "the business of Dresvon Metals": the full name seen first.
        if let Some(full) = reg.unclaimed_run(&surface).map(str::to_string) {
            // "Park said" after "Park Ji-hoon": a family name written first is a person's.
            let kind = if words::is_family_name_first(&surface)
                || words::is_vietnamese_family_name(&surface)
            {
                SourceKind::Person
            } else {
                SourceKind::Organization
            };
            let e = reg.get_or_add(&full, kind, (s.unit, start, end));
            reg.add_alias(e, &surface);
            return Some(mention(e));
        }
        let e = reg.get_or_add(&surface, kind, (s.unit, start, end));
        if reg.entities[e].role.is_none() {
            reg.entities[e].role = appos;
        }
        return Some(mention(e));
    }
    None
}

/// A new organization named by `surface`; a single word that began a longer name seen earlier
/// ("Halcyon's co-founder" after "Halcyon Orbital has …") takes that name, the word its alias.
fn new_organization(reg: &mut Registry, surface: &str, first: (usize, usize, usize)) -> usize {
    match reg
        .unclaimed_run(surface)
        .filter(|_| !surface.contains(' '))
        .map(str::to_string)
    {
        Some(full) => {
            let e = reg.get_or_add(&full, SourceKind::Organization, first);
            reg.add_alias(e, surface);
            e
        }
        None => reg.get_or_add(surface, SourceKind::Organization, first),
    }
}

/// The gender a role's words show ("spokeswoman", "chairman"); "managing" or "human" show none.
pub(super) fn role_gender(role: &str) -> Option<Gender> {
    role.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .find_map(|w| {
            if w.ends_with("woman") || w.ends_with("women") {
                Some(Gender::Female)
            } else if let Some(g) = words::kinship_gender(&w) {
                Some(g)
            } else if (w.ends_with("man") || w.ends_with("men"))
                && (w == "man" || words::is_role_noun(&w) || words::is_title(&capitalize(&w)))
            {
                Some(Gender::Male)
            } else {
                None
            }
        })
}

fn capitalize(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "North Korean leader NAME": a role noun right before the name, with the words that qualify it.
fn person_premodifier(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    if p < s.first || !s.adjacent(p, a) {
        return None;
    }
    let noun = s.word(p);
    // "striker NAME", "carpenter NAME": an occupation-shaped noun right before a name of two
    // words or more works as a role word does.
    let occupation = words::looks_like_occupation(noun) && s.namey(a + 1) && s.adjacent(a, a + 1);
    if !noun.chars().next().is_some_and(char::is_lowercase)
        || !(words::is_role_noun(noun) || occupation)
    {
        return None;
    }
    Some(span_text(s, qualifiers_before(s, p, 6), p).to_string())
}

/// "the railway operator, NAME" / "the company NAME": a noun that names a kind of organization
/// right before a new name, with the words that qualify it.
fn organization_descriptor(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    let (tp, ta) = (s.toks.get(p)?, s.toks.get(a)?);
    let gap = s.text.get(tp.full_end..ta.start)?;
    if p < s.first || tp.possessive || !(gap == ", " || gap == " ") {
        return None;
    }
    let noun = s.word(p);
    // "the company NAME", "two large carriers, NAME"
    let head = words::organization_head(noun)
        .or_else(|| words::organization_head(noun.strip_suffix('s')?))
        .or_else(|| words::organization_head(&format!("{}y", noun.strip_suffix("ies")?)))?;
    if head == "+" || s.quoted(p) {
        return None;
    }
    Some(span_text(s, qualifiers_before(s, p, 5), p).to_string())
}

/// Where the words qualifying the noun at `p` begin ("the state-run *news agency*"): up to `most`
/// adjacent words back, stopping at a stop word, a speech verb, a function word or a quotation.
fn qualifiers_before(s: &Sentence, p: usize, most: usize) -> usize {
    let mut q = p;
    while q > s.first && p - q < most && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && (words::is_stop_word(w) || words::is_speech_verb(w)))
            || words::is_capitalized_function_word(w)
            || s.quoted(q - 1)
        {
            break;
        }
        q -= 1;
    }
    q
}

/// "Nordby and NAME": a new name joined by "and" to the organization named right before it.
fn coordinated_with_organization(reg: &Registry, s: &Sentence, a: usize) -> bool {
    if a < s.first + 2 || s.word(a - 1) != "and" {
        return false;
    }
    let Some(t) = s.toks.get(a - 2) else {
        return false;
    };
    reg.last_mention().is_some_and(|((u, at), e)| {
        u == s.unit
            && at <= t.start
            && reg.entities.get(e).is_some_and(|e| {
                e.kind == SourceKind::Organization
                    && !e.country
                    && e.tokens.last().is_some_and(|l| l == s.word(a - 2))
            })
    })
}

/// "NAME's chief executive" / "NAME's managing director": lowercase words then a role noun.
fn possessive_of_role(s: &Sentence, b: usize) -> bool {
    (b + 1..=s.last.min(b + 3))
        .take_while(|&k| {
            let w = s.word(k);
            w.chars().next().is_some_and(char::is_lowercase) && s.adjacent(k - 1, k) || k == b + 1
        })
        .any(|k| {
            let w = s.word(k);
            w.chars().next().is_some_and(char::is_lowercase)
                && words::is_role_noun(w)
                // "Miravia's transport minister" is a place's officer, not a company's.
                && !matches!(
                    w.trim_end_matches('s'),
                    "member"
                        | "resident"
                        | "minister"
                        | "mayor"
                        | "governor"
                        | "premier"
                        | "ambassador"
                        | "envoy"
                        | "senator"
                        | "lawmaker"
                        | "legislator"
                        | "general"
                        | "commander"
                        | "leader"
                        | "diplomat"
                        | "representative"
                        | "delegate"
                )
        })
}

/// "North Korea's state-run AGENCY": qualifying words before an organization's name.
fn organization_premodifier(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    if p < s.first || !s.adjacent(p, a) {
        return None;
    }
    let w = s.word(p);
    let qualifier = w.chars().next().is_some_and(char::is_lowercase)
        && (w.contains('-')
            || matches!(
                w,
                "official"
                    | "independent"
                    | "private"
                    | "public"
                    | "national"
                    | "ruling"
                    | "opposition"
                    | "leading"
                    | "influential"
                    | "nonprofit"
                    | "nonpartisan"
            ));
    if !qualifier {
        return None;
    }
    let mut q = p;
    while q > s.first && p - q < 5 && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && words::is_stop_word(w)) || words::is_capitalized_function_word(w) {
            break;
        }
        q -= 1;
    }
    Some(span_text(s, q, p).to_string())
}

/// The words in commas right after token `b` ("the municipal operator"), unless a clause.
fn apposition_text(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?.strip_prefix(", ")?;
    let phrase = rest
        .split([',', ';', '(', '—'])
        .next()?
        .trim()
        .trim_end_matches('.');
    (!phrase.starts_with("which") && !phrase.is_empty()).then(|| phrase.to_string())
}

/// "NAME, spokesperson for X,": a role in commas right after a name.
fn apposition(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?;
    // "NAME (I-Vt.), one of …" / "Fund (KDF), a public fund …"
    let rest = rest.get(super::speakers::parenthetical_len(rest)..)?;
    // "NAME, 67, a retired teacher"
    let rest = match rest.strip_prefix(", ").map(|r| {
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        (r, digits)
    }) {
        Some((r, d)) if (1..=3).contains(&d) && r.get(d..).is_some_and(|x| x.starts_with(", ")) => {
            r.get(d..)?
        }
        _ => rest,
    };
    let phrase = rest.strip_prefix(", ")?;
    let mut cut = phrase
        .find([',', ';', '—', '(', ')', '“', '"'])
        .unwrap_or(phrase.len());
    if let Some(p) = phrase.find(". ") {
        cut = cut.min(p);
    }
    let phrase = phrase.get(..cut)?.trim().trim_end_matches('.');
    let ws: Vec<&str> = phrase.split_whitespace().collect();
    let first = *ws.first()?;
    // "who farms 800 hectares", "who lives near the crossing", "who has held a season ticket
    // since 1984": what the person does or has done.
    let perfect = matches!(ws.get(1), Some(&"has") | Some(&"had"))
        && ws
            .get(2)
            .is_some_and(|w| w.ends_with("ed") || matches!(*w, "held" | "run" | "led" | "been"))
        && !ws
            .get(2)
            .is_some_and(|w| words::is_speech_verb(w) || words::is_belief_verb(w));
    if first == "who"
        && (perfect
            || ws.get(1).is_some_and(|w| {
                w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !matches!(*w, "says" | "does" | "goes" | "thinks" | "believes" | "was")
            }))
    {
        return Some(phrase.to_string());
    }
    if first == "who"
        && ws.get(1).is_some_and(|w| {
            matches!(
                *w,
                "chairs"
                    | "leads"
                    | "heads"
                    | "runs"
                    | "directs"
                    | "founded"
                    | "co-founded"
                    | "represents"
                    | "manages"
                    | "oversees"
                    | "advises"
                    | "chaired"
                    | "led"
                    | "headed"
                    | "ran"
                    | "directed"
            )
        })
    {
        return Some(phrase.to_string());
    }
    if !first.chars().next().is_some_and(char::is_lowercase)
        || matches!(
            first,
            "which"
                | "who"
                | "whose"
                | "where"
                | "when"
                | "that"
                | "and"
                | "but"
                | "or"
                | "according"
                | "while"
                | "as"
                | "if"
                | "because"
                | "so"
                | "then"
        )
        || words::is_speech_verb(first)
    {
        return None;
    }
    // ", farmer NAME,": a name with its role before it, not a role of the name before.
    if (words::is_role_noun(first) || words::looks_like_occupation(first))
        && ws
            .get(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    // A long phrase is a role only when it opens like one: "a 58-year-old electrician from X
    // who crosses the bridge twice a day".
    let opens_with_role = matches!(first, "a" | "an" | "the")
        && ws.iter().skip(1).take(3).any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            words::is_role_noun(w) || words::looks_like_occupation(w)
        });
    if ws.len() > 14 && !opens_with_role {
        return None;
    }
    let role = opens_with_role
        || ws.iter().take(6).any(|w| {
            let w = w.trim_end_matches(['.', ',']);
            // "a public fund created in 2019", "a trade body of six states"
            let singular = w.strip_suffix('s').unwrap_or(w);
            words::is_role_noun(w)
                || words::organization_head(w)
                    .or_else(|| words::organization_head(singular))
                    .is_some_and(|h| h != "+")
        });
    role.then(|| phrase.to_string())
}

/// "Norway's fisheries minister, NAME,": a role in commas right before a name.
fn pre_apposition(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    let (tp, ta) = (s.toks.get(p)?, s.toks.get(a)?);
    if p < s.first || s.text.get(tp.full_end..ta.start)? != ", " {
        return None;
    }
    // "the mayor of Tarvik, NAME," / "the head of the Port Authority, NAME,": the role noun
    // before "of", "for" or "at" and a name.
    let p = role_noun_before(s, p)?;
    // The name must close the apposition with a comma.
    let b = (a..=s.last.min(a + 5)).find(|&k| !s.adjacent(k, k + 1))?;
    let close = s.toks.get(b)?.full_end;
    let close = close + super::speakers::parenthetical_len(s.text.get(close..)?);
    if !s.text.get(close..)?.starts_with(',') {
        return None;
    }
    let mut q = p;
    while q > s.first && p - q < 6 && s.loosely_adjacent(q - 1, q) {
        let w = s.word(q - 1);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        if (lower && (words::is_stop_word(w) || words::is_speech_verb(w)))
            || words::is_capitalized_function_word(w)
            || s.quoted(q - 1)
        {
            break;
        }
        q -= 1;
    }
    Some(span_text(s, q, a - 1).to_string())
}

/// The token of the role noun that heads the phrase ending at token `p`: `p` itself, or the noun
/// before "of"/"for"/"at" a few words back ("mayor of Tarvik", "head of the Port Authority").
fn role_noun_before(s: &Sentence, p: usize) -> Option<usize> {
    let is_role = |k: usize| {
        let w = s.word(k);
        w.chars().next().is_some_and(char::is_lowercase)
            && (words::is_role_noun(w) || words::looks_like_occupation(w))
    };
    if is_role(p) {
        return Some(p);
    }
    let mut k = p;
    while k > s.first && p - k < 6 {
        let w = s.word(k);
        if matches!(w, "of" | "for" | "at") {
            return (k > s.first && is_role(k - 1) && s.adjacent(k - 1, k)).then_some(k - 1);
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if !(capital || w == "the") || !s.loosely_adjacent(k - 1, k) || s.quoted(k) {
            return None;
        }
        k -= 1;
    }
    None
}

/// "NAME of the ORGANIZATION": the organization as a role.
fn of_organization(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?;
    let org = rest.strip_prefix(" of ")?;
    let org = org.strip_prefix("the ").unwrap_or(org);
    let end = org.find([',', ';', '.', '(', '—']).unwrap_or(org.len());
    let org = org.get(..end)?.trim();
    let ws: Vec<&str> = org.split_whitespace().take(6).collect();
    let caps = ws
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (caps >= 1 && ws.iter().take(caps).any(|w| words::is_organization_word(w)))
        .then(|| ws[..caps].join(" "))
}
