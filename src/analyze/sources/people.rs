//! People, organizations and other sources: names, honorifics, titles, roles, aliases, and the
//! mentions that refer to them.

use std::collections::HashMap;

use super::tokens::Tok;
use super::words::{self, Gender};
use crate::{Abbreviation, SourceKind};

/// A place in the article: (unit, byte).
pub(super) type Pos = (usize, usize);

/// Someone or something the text names.
#[derive(Clone, Debug)]
pub(super) struct Entity {
    /// Canonical full name, as first introduced, without honorific or title.
    pub name: String,
    pub kind: SourceKind,
    pub role: Option<String>,
    /// Other forms the text uses, in order of first use.
    pub aliases: Vec<String>,
    /// The name's words.
    pub tokens: Vec<String>,
    pub gender: Option<Gender>,
    /// Where the name first appears: unit and byte range.
    pub first: (usize, usize, usize),
    /// A quote or an attribution points at it.
    pub cited: bool,
    /// A country (capital-city metonyms may join it).
    pub country: bool,
}

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

/// Every entity met so far, and the order they were mentioned in.
#[derive(Default)]
pub(super) struct Registry {
    pub entities: Vec<Entity>,
    history: Vec<(Pos, usize)>,
    abbreviations: Vec<Abbreviation>,
    /// Genders learned from the pronouns that resolved to a person, applied between sentences.
    pub gender_hints: std::cell::RefCell<Vec<(usize, Gender)>>,
    // Indexes, so that a lookup does not scan every entity: an article naming thousands of people
    // would otherwise take time growing with the square of their number.
    /// Canonical name → entity.
    by_name: HashMap<String, usize>,
    /// Canonical name or alias → the first entity that has it.
    by_form: HashMap<String, usize>,
    /// The word a reference to a person must end with (see [`name_refers_to`]) → the entities.
    by_key_word: HashMap<String, Vec<usize>>,
    /// Initials of a multi-word organization or publication name → the first such entity.
    by_initials: HashMap<String, usize>,
}

/// Notes `value` under `key` unless a smaller one is there: lookups want the first entity.
fn keep_first(map: &mut HashMap<String, usize>, key: &str, value: usize) {
    map.entry(key.to_string())
        .and_modify(|v| *v = (*v).min(value))
        .or_insert(value);
}

/// A name's words without particles, as [`name_refers_to`] compares them.
fn name_words<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    tokens
        .into_iter()
        .map(words::strip_particle)
        .filter(|t| !words::is_particle(t))
        .collect()
}

/// How far back pronoun and alias resolution looks, in mentions.
const HISTORY_WINDOW: usize = 400;

impl Registry {
    pub fn new(abbreviations: &[Abbreviation]) -> Registry {
        Registry {
            abbreviations: abbreviations.to_vec(),
            ..Registry::default()
        }
    }

    /// Applies the genders that pronouns revealed.
    pub fn apply_gender_hints(&mut self) {
        for (e, g) in self.gender_hints.take() {
            if let Some(ent) = self.entities.get_mut(e) {
                if ent.gender.is_none() {
                    ent.gender = Some(g);
                }
            }
        }
    }

    /// Records a mention of `entity` at `pos`.
    pub fn record(&mut self, pos: Pos, entity: usize) {
        self.history.push((pos, entity));
    }

    /// The most recently mentioned entity before `before` that `fits`.
    pub fn recent(&self, before: Pos, fits: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .filter(|(p, _)| *p < before)
            .map(|&(_, e)| e)
            .find(|&e| self.entities.get(e).is_some_and(&fits))
    }

    fn most_recent_of(&self, candidates: &[usize]) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .take(HISTORY_WINDOW)
            .map(|&(_, e)| e)
            .find(|e| candidates.contains(e))
            .or_else(|| candidates.last().copied())
    }

    /// The person a name (or the name part after an honorific) refers to; an ambiguous name binds to
    /// the most recently mentioned person it fits.
    pub fn find_person(&self, name: &[&str], gender: Option<Gender>) -> Option<usize> {
        let key = name_words(name.iter().copied());
        let candidates = key
            .last()
            .and_then(|k| self.by_key_word.get(*k))
            .map_or(&[][..], Vec::as_slice);
        let named: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| {
                self.entities.get(i).is_some_and(|e| {
                    e.kind == SourceKind::Person && name_refers_to(&e.tokens, name)
                })
            })
            .collect();
        // A person whose gender the text has shown wins over one whose gender is unknown.
        let same: Vec<usize> = named
            .iter()
            .copied()
            .filter(|&i| gender.is_some() && self.entities[i].gender == gender)
            .collect();
        if !same.is_empty() {
            return self.most_recent_of(&same);
        }
        let open: Vec<usize> = named
            .into_iter()
            .filter(|&i| gender.is_none() || self.entities[i].gender.is_none())
            .collect();
        self.most_recent_of(&open)
    }

    /// The entity with exactly this canonical name or alias.
    pub fn find_named(&self, name: &str) -> Option<usize> {
        self.by_form.get(name).copied()
    }

    /// The most recently mentioned organization whose name ends in `head` ("the ministry"); `*`
    /// stands for any organization that is not a country ("the company"), `+` for any publication.
    pub fn find_by_head(&self, head: &str, before: Pos) -> Option<usize> {
        match head {
            "" => return None,
            "*" => {
                return self.recent(before, |e| e.kind == SourceKind::Organization && !e.country)
            }
            "+" => return self.recent(before, |e| e.kind == SourceKind::Publication),
            _ => {}
        }
        self.recent(before, |e| {
            matches!(e.kind, SourceKind::Organization | SourceKind::Publication)
                && e.tokens.last().is_some_and(|t| t == head)
        })
    }

    /// The entity a short form stands for: one the text defines, or one whose initials it is.
    pub fn find_abbreviation(&self, short: &str) -> Option<usize> {
        let short = short.trim_end_matches(['.']);
        if let Some(long) = self
            .abbreviations
            .iter()
            .find(|a| a.short == short)
            .map(|a| a.long.clone())
        {
            if let Some(e) = self.find_named(&long) {
                return Some(e);
            }
        }
        self.by_initials.get(short).copied()
    }

    /// Adds an entity, or returns the one with this name.
    pub fn get_or_add(
        &mut self,
        name: &str,
        kind: SourceKind,
        first: (usize, usize, usize),
    ) -> usize {
        if let Some(&i) = self.by_name.get(name) {
            return i;
        }
        let index = self.entities.len();
        let tokens: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        keep_first(&mut self.by_name, name, index);
        keep_first(&mut self.by_form, name, index);
        if kind != SourceKind::Person && tokens.len() >= 2 {
            keep_first(&mut self.by_initials, &initials(&tokens), index);
        }
        let words = name_words(tokens.iter().map(String::as_str));
        let mut keys: Vec<&str> = words.last().copied().into_iter().collect();
        if let Some(&first) = words.first() {
            if words.len() >= 2 && words::is_family_name_first(first) && !keys.contains(&first) {
                keys.push(first);
            }
        }
        for key in keys {
            self.by_key_word
                .entry(key.to_string())
                .or_default()
                .push(index);
        }
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            role: None,
            aliases: Vec::new(),
            tokens,
            gender: None,
            first,
            cited: false,
            country: false,
        });
        self.entities.len() - 1
    }

    /// Notes a form of the name the text uses, unless it is the canonical name.
    pub fn add_alias(&mut self, entity: usize, alias: &str) {
        let alias = alias.trim();
        if let Some(e) = self.entities.get_mut(entity) {
            if !alias.is_empty() && alias != e.name && !e.aliases.iter().any(|a| a == alias) {
                e.aliases.push(alias.to_string());
                keep_first(&mut self.by_form, alias, entity);
            }
        }
    }
}

/// The capitals of a name's capitalized words ("Baltic Maritime News Agency" → "BMNA").
fn initials(tokens: &[String]) -> String {
    tokens
        .iter()
        .filter_map(|t| t.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// Whether `reference` (a name as written after any honorific) can refer to the person `full`:
/// the whole name; its first word when family names come first ("Park Ji Hoon" → "Park"); otherwise
/// any run of its last words ("Andrés Manuel López Obrador" → "López Obrador", "Nguyen Van An" →
/// "An"). Particles are ignored ("al-Assad" = "Assad").
pub(super) fn name_refers_to(full: &[String], reference: &[&str]) -> bool {
    let full: Vec<&str> = full
        .iter()
        .map(|t| words::strip_particle(t))
        .filter(|t| !words::is_particle(t))
        .collect();
    let reference: Vec<&str> = reference
        .iter()
        .map(|t| words::strip_particle(t))
        .filter(|t| !words::is_particle(t))
        .collect();
    if reference.is_empty() || full.is_empty() {
        return false;
    }
    if full == reference {
        return true;
    }
    if reference.len() >= full.len() {
        return false;
    }
    let first = full[0];
    if full.len() >= 2 && words::is_family_name_first(first) {
        return reference == [first];
    }
    full.ends_with(&reference)
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
        // An apposition: ", a spokeswoman for ...," then the verb.
        if let Some(t) = self.toks.get(i) {
            if self
                .text
                .get(t.full_end..)
                .is_some_and(|r| r.starts_with(", "))
            {
                let mut k = j;
                while k <= self.last && k < j + 16 {
                    let tk = self.toks[k];
                    if self
                        .text
                        .get(tk.full_end..)
                        .is_some_and(|r| r.starts_with(','))
                    {
                        j = k + 1;
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
    let mut out = Vec::new();
    let mut i = s.first;
    while i <= s.last {
        if s.quoted(i) || !s.namey(i) {
            i += 1;
            continue;
        }
        let mut b = i;
        while b < s.last
            && s.adjacent(b, b + 1)
            && !s.quoted(b + 1)
            && (s.namey(b + 1)
                || (words::is_particle(s.word(b + 1))
                    && s.adjacent(b + 1, b + 2)
                    && s.namey(b + 2)))
        {
            b += 1;
        }
        let mut a = i;
        while a <= b && words::is_capitalized_function_word(s.word(a)) {
            a += 1;
        }
        if a <= b {
            if let Some(m) = classify(reg, s, a, b) {
                reg.record((s.unit, m.start), m.entity);
                out.push(m);
            }
        }
        i = b + 1;
    }
    out
}

fn span_text<'a>(s: &'a Sentence, a: usize, b: usize) -> &'a str {
    match (s.toks.get(a), s.toks.get(b)) {
        (Some(x), Some(y)) => s.text.get(x.start..y.end).unwrap_or(""),
        _ => "",
    }
}

fn classify(reg: &mut Registry, s: &Sentence, a: usize, b: usize) -> Option<Mention> {
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
    let title_at = (a..=b)
        .rev()
        .find(|&t| words::is_title(s.word(t)) || words::honorific(s.word(t)).is_some());
    let has_org = words_ab.iter().any(|w| words::is_organization_word(w));

    if let Some(t) = title_at.filter(|_| !has_org || title_at.is_some_and(|t| t < b)) {
        if t == b {
            return None;
        }
        let gender = (a..=t).find_map(|k| words::honorific(s.word(k)).flatten());
        let real_title = (a..=t).any(|k| words::is_title(s.word(k)));
        let name: Vec<&str> = (t + 1..=b).map(|k| s.word(k)).collect();
        let entity = match reg.find_person(&name, gender) {
            Some(e) => {
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
            ent.role = Some(span_text(s, a, t).to_string());
        }
        if ent.role.is_none() && !possessive {
            let role = apposition(s, b).or_else(|| pre_apposition(s, a));
            reg.entities[entity].role = role;
        }
        return Some(mention(entity));
    }

    if has_org {
        let publication = words_ab.iter().any(|w| words::is_publication_word(w));
        let kind = if publication || (b > a && words_ab.contains(&"News")) {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        let existed = reg.find_named(&surface);
        let e = existed.unwrap_or_else(|| reg.get_or_add(&surface, kind, (s.unit, start, end)));
        if existed.is_none() {
            let role = organization_premodifier(s, a).or_else(|| apposition(s, b));
            reg.entities[e].role = role;
        }
        return Some(mention(e));
    }

    // A short form.
    if a == b
        && surface.chars().count() >= 2
        && surface.chars().all(|c| c.is_uppercase() || c == '.')
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
    if b > a && !place && (has_role || after_according || speaks || (inverted && !told)) {
        let e = reg.get_or_add(&surface, SourceKind::Person, (s.unit, start, end));
        let role = premodifier.or(appos).or(of_org);
        let ent = &mut reg.entities[e];
        if let Some(r) = &role {
            if r.contains("woman") {
                ent.gender = Some(Gender::Female);
            } else if r.contains("man") && !r.contains("human") {
                ent.gender = Some(Gender::Male);
            }
        }
        ent.role = ent.role.take().or(role);
        return Some(mention(e));
    }
    if a == b && words::is_unnamed_source_noun(&surface.to_lowercase()) {
        return None;
    }
    if a == b && (after_according || speaks || told) {
        let kind = if told || after_according {
            SourceKind::Publication
        } else {
            SourceKind::Organization
        };
        let e = reg.get_or_add(&surface, kind, (s.unit, start, end));
        return Some(mention(e));
    }
    None
}

/// "North Korean leader NAME": a role noun right before the name, with the words that qualify it.
fn person_premodifier(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    if p < s.first || !s.adjacent(p, a) {
        return None;
    }
    let noun = s.word(p);
    if !noun.chars().next().is_some_and(char::is_lowercase) || !words::is_role_noun(noun) {
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
    Some(span_text(s, q, p).to_string())
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

/// "NAME, spokesperson for X,": a role in commas right after a name.
fn apposition(s: &Sentence, b: usize) -> Option<String> {
    let t = s.toks.get(b)?;
    let rest = s.text.get(t.full_end..s.end)?;
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
        || ws.len() > 14
    {
        return None;
    }
    ws.iter()
        .take(5)
        .any(|w| words::is_role_noun(w.trim_end_matches(['.', ','])))
        .then(|| phrase.to_string())
}

/// "Norway's fisheries minister, NAME,": a role in commas right before a name.
fn pre_apposition(s: &Sentence, a: usize) -> Option<String> {
    let p = a.checked_sub(1)?;
    let (tp, ta) = (s.toks.get(p)?, s.toks.get(a)?);
    if p < s.first || s.text.get(tp.full_end..ta.start)? != ", " {
        return None;
    }
    let noun = s.word(p);
    if !noun.chars().next().is_some_and(char::is_lowercase) || !words::is_role_noun(noun) {
        return None;
    }
    // The name must close the apposition with a comma.
    let b = (a..=s.last.min(a + 5)).find(|&k| !s.adjacent(k, k + 1))?;
    if !s.text.get(s.toks.get(b)?.full_end..)?.starts_with(',') {
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
    Some(span_text(s, q, p).to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn family_name_first_binds_to_the_first_word() {
        assert!(name_refers_to(&n("Choi Minseok"), &["Choi"]));
        assert!(!name_refers_to(&n("Choi Minseok"), &["Minseok"]));
        assert!(name_refers_to(&n("Park Ji Hoon"), &["Park"]));
    }

    #[test]
    fn surnames_particles_and_double_surnames() {
        assert!(name_refers_to(
            &n("Andrés Manuel López Obrador"),
            &["López", "Obrador"]
        ));
        assert!(name_refers_to(
            &n("Andrés Manuel López Obrador"),
            &["Obrador"]
        ));
        assert!(name_refers_to(&n("Bashar al-Assad"), &["Assad"]));
        assert!(name_refers_to(&n("Bashar al-Assad"), &["al-Assad"]));
        assert!(name_refers_to(
            &n("Ursula von der Leyen"),
            &["von", "der", "Leyen"]
        ));
        assert!(name_refers_to(&n("Nguyen Van An"), &["An"]));
        assert!(!name_refers_to(&n("Jane Smith"), &["Jones"]));
    }

    #[test]
    fn an_ambiguous_surname_binds_to_the_most_recent_person() {
        let mut reg = Registry::new(&[]);
        let a = reg.get_or_add("Anna Berg", SourceKind::Person, (0, 0, 9));
        let b = reg.get_or_add("Tomas Berg", SourceKind::Person, (1, 0, 10));
        reg.entities[a].gender = Some(Gender::Female);
        reg.entities[b].gender = Some(Gender::Male);
        reg.record((0, 0), a);
        reg.record((1, 0), b);
        assert_eq!(reg.find_person(&["Berg"], None), Some(b));
        assert_eq!(reg.find_person(&["Berg"], Some(Gender::Female)), Some(a));
        reg.record((2, 0), a);
        assert_eq!(reg.find_person(&["Berg"], None), Some(a));
    }
}
