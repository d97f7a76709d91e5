//! Small word lists: honorifics, titles, speech verbs, role nouns, organization words, unnamed-source
//! nouns, family names, countries and their capitals. General vocabulary only, no article's names.

/// Honorifics that bind to a person's name without being a role. The gender they imply, if any.
pub(super) fn honorific(word: &str) -> Option<Option<Gender>> {
    match word {
        // "Uncle" and "Aunty": respected elders in Aboriginal Australian usage.
        "Mr." | "Mr" | "Sir" | "Uncle" => Some(Some(Gender::Male)),
        "Ms." | "Ms" | "Mrs." | "Mrs" | "Miss" | "Dame" | "Madam" | "Aunty" | "Auntie" => {
            Some(Some(Gender::Female))
        }
        // British style writes these without a full stop.
        "Dr." | "Dr" | "Prof." | "Prof" | "Mx." | "Mx" => Some(None),
        _ => None,
    }
}

/// A person's grammatical gender as the text shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Capitalized title words that, before a name, are its role ("Defense Minister", "Gen.").
pub(super) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Councilwoman"
            | "Councilman"
            | "Councilmember"
            | "Councilor"
            | "Councillor"
            | "Alderman"
            | "Alderwoman"
            | "Assemblywoman"
            | "Assemblyman"
            | "Minister"
            | "Premier"
            | "Chancellor"
            | "Secretary"
            | "Governor"
            | "Gov."
            | "Senator"
            | "Sen."
            | "Representative"
            | "Rep."
            | "Congressman"
            | "Congresswoman"
            | "Ambassador"
            | "Mayor"
            | "General"
            | "Gen."
            | "Lt."
            | "Col."
            | "Colonel"
            | "Major"
            | "Maj."
            | "Capt."
            | "Captain"
            | "Sgt."
            | "Sgt"
            | "Sergeant"
            | "Cllr"
            | "Cr"
            | "Cr."
            | "Coun."
            | "Insp"
            | "Insp."
            | "Inspector"
            | "Supt"
            | "Supt."
            | "Superintendent"
            | "Admiral"
            | "Adm."
            | "Judge"
            | "Advocate"
            | "Reverend"
            | "Rev."
            | "Rev"
            | "Rabbi"
            | "Imam"
            | "Pastor"
            | "Bishop"
            | "Archbishop"
            | "Canon"
            | "Cardinal"
            | "Justice"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Director"
            | "Commissioner"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Sheikh"
            | "Leader"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Chief"
            | "Envoy"
            | "CEO"
            | "Commander"
            | "Professor"
            | "Speaker"
            | "Attorney"
    )
}

/// A lowercase noun shaped like an occupation ("electrician", "pharmacist", "carpenter",
/// "consultant", "fisherman"), for appositions where the word list has no entry. Not the common
/// nouns of those shapes that name things ("river", "number", "center").
pub(super) fn looks_like_occupation(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let w = w
        .strip_suffix('s')
        .filter(|w| !w.ends_with('s'))
        .unwrap_or(w);
    if w.chars().count() < 5 || !w.chars().all(|c| c.is_lowercase() || c == '-') {
        return false;
    }
    let shaped = [
        "ian", "ist", "er", "or", "ant", "ent", "man", "woman", "eer", "ive",
    ]
    .iter()
    .any(|s| w.ends_with(s));

    shaped
        && !is_trade_noun(w)
        && !matches!(
            w,
            "number"
                | "order"
                | "river"
                | "quarter"
                | "water"
                | "power"
                | "paper"
                | "letter"
                | "matter"
                | "border"
                | "center"
                | "centre"
                | "corner"
                | "chapter"
                | "cluster"
                | "sector"
                | "factor"
                | "error"
                | "floor"
                | "tower"
                | "corridor"
                | "event"
                | "percent"
                | "content"
                | "statement"
                | "agreement"
                | "government"
                | "department"
                | "parliament"
                | "incident"
                | "element"
                | "segment"
                | "investment"
                | "amount"
                | "account"
                | "plant"
                | "grant"
                | "restaurant"
                | "motive"
                | "initiative"
                | "alternative"
                | "offensive"
                | "summer"
                | "winter"
                | "weather"
                | "shelter"
                | "theater"
                | "theatre"
                | "another"
                | "together"
                | "whether"
                | "either"
                | "neither"
                | "rather"
                | "however"
                | "further"
                | "former"
                | "earlier"
                | "later"
                | "longer"
                | "larger"
                | "smaller"
                | "bigger"
                | "higher"
                | "lower"
                | "major"
                | "minor"
                | "senior"
                | "junior"
                | "interior"
                | "exterior"
                | "superior"
                | "prior"
                | "recent"
                | "current"
                | "different"
                | "independent"
                | "significant"
                | "important"
                | "relevant"
                | "vibrant"
                | "giant"
                | "woman"
        )
}

/// Family relations, which introduce people as roles do ("Her son, NAME,"), and the gender they
/// show.
pub(super) fn kinship_gender(word: &str) -> Option<Gender> {
    match word {
        "son" | "husband" | "father" | "brother" | "grandson" | "grandfather" | "nephew"
        | "uncle" | "widower" | "stepson" | "stepfather" => Some(Gender::Male),
        "daughter" | "wife" | "mother" | "sister" | "granddaughter" | "grandmother" | "niece"
        | "aunt" | "widow" | "stepdaughter" | "stepmother" => Some(Gender::Female),
        _ => None,
    }
}

/// Letters written after a name for an office or honour ("NAME SC", "NAME MP", "NAME Jr."): not
/// part of the name.
pub(super) fn is_post_nominal(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "SC" | "QC"
            | "KC"
            | "MP"
            | "MSP"
            | "MEP"
            | "MBE"
            | "OBE"
            | "CBE"
            | "KBE"
            | "DBE"
            | "Jr"
            | "Sr"
            | "PhD"
            | "MD"
            | "Esq"
    )
}

/// "maker", "supplier", "operator": a trade that names a company after "the" ("the battery
/// maker") and a person after "a" ("a bread maker in Ibadan, who …").
pub(super) fn is_trade_noun(word: &str) -> bool {
    [
        "maker",
        "producer",
        "supplier",
        "operator",
        "lender",
        "carrier",
        "retailer",
        "insurer",
        "manufacturer",
        "developer",
        "exporter",
        "importer",
        "distributor",
        "provider",
        "builder",
        "broadcaster",
        "publisher",
        "processor",
        "refiner",
        "exchange",
    ]
    .iter()
    .any(|c| word.ends_with(c))
}

/// Lowercase nouns that name a role ("spokesperson for ...", "leader", "an expert at ...").
pub(super) fn is_role_noun(word: &str) -> bool {
    if kinship_gender(word).is_some() || matches!(word, "partner" | "cousin") {
        return true;
    }
    // "secretary-general", "editor-in-chief", "director-general"
    if word.contains('-') && !word.starts_with("co-") {
        return word
            .split('-')
            .any(|p| p != "general" && p != "chief" && is_role_noun(p));
    }
    let w = word.trim_end_matches(['s', ',']);
    matches!(
        w,
        "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "spokespeople"
            | "expert"
            | "analyst"
            | "professor"
            | "researcher"
            | "official"
            | "minister"
            | "director"
            | "president"
            | "chief"
            | "head"
            | "leader"
            | "founder"
            | "co-founder"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "executive"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "lawmaker"
            | "legislator"
            | "senator"
            | "representative"
            | "governor"
            | "mayor"
            | "commander"
            | "general"
            | "economist"
            | "scientist"
            | "lawyer"
            | "attorney"
            | "member"
            | "fellow"
            | "adviser"
            | "advisor"
            | "strategist"
            | "editor"
            | "reporter"
            | "correspondent"
            | "activist"
            | "author"
            | "manager"
            | "officer"
            | "diplomat"
            | "deputy"
            | "aide"
            | "candidate"
            | "owner"
            | "historian"
            | "partner"
            | "premier"
            | "chancellor"
            | "judge"
            | "prosecutor"
            | "consultant"
            | "engineer"
            | "physician"
            | "doctor"
            | "teacher"
            | "student"
            | "farmer"
            | "resident"
            | "coach"
            | "ceo"
            | "scholar"
            | "specialist"
            | "commentator"
            | "negotiator"
            | "mediator"
            | "organizer"
            | "organiser"
            | "superintendent"
            | "inspector"
            | "investigator"
            | "administrator"
            | "treasurer"
            | "vice"
            | "delegate"
            | "operator"
            | "builder"
            | "manufacturer"
            | "pilot"
            | "captain"
            | "worker"
            | "nurse"
            | "architect"
            | "designer"
            | "trader"
            | "banker"
            | "broker"
            | "chemist"
            | "physicist"
            | "biologist"
            | "geologist"
            | "hydrologist"
            | "father"
            | "mother"
            | "parent"
            | "grandfather"
            | "grandmother"
            | "widow"
            | "underwriter"
            | "lecturer"
            | "pharmacist"
            | "accountant"
            | "auditor"
            | "planner"
            | "surveyor"
            | "dealer"
            | "campaigner"
            | "volunteer"
            | "shopkeeper"
            | "driver"
            | "miner"
            | "fisherman"
            | "fisherwoman"
            | "entrepreneur"
            | "investor"
            | "landlord"
            | "paramedic"
            | "surgeon"
            | "midwife"
            | "principal"
            | "councillor"
            | "councilor"
            | "commissioner"
            | "regulator"
            | "steward"
            | "curator"
            | "priest"
            | "pastor"
            | "imam"
            | "rabbi"
            | "bishop"
    ) || (w.len() > 6 && w.ends_with("ologist"))
}

/// Verbs that attribute words to a subject ("said", "told", "wrote", "believes").
pub(super) fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "stated"
            | "states"
            | "asked"
            | "asks"
            | "explained"
            | "explains"
            | "noted"
            | "notes"
            | "argued"
            | "argues"
            | "insisted"
            | "insists"
            | "continued"
            | "replied"
            | "responded"
            | "warned"
            | "warns"
            | "declared"
            | "announced"
            | "tweeted"
            | "posted"
            | "recalled"
            | "acknowledged"
            | "conceded"
            | "claimed"
            | "claims"
            | "observed"
            | "remarked"
            | "stressed"
            | "emphasized"
            | "emphasised"
            | "urged"
            | "vowed"
            | "pledged"
            | "predicted"
            | "cautioned"
            | "suggested"
            | "complained"
            | "lamented"
            | "quipped"
            | "joked"
            | "admitted"
            | "countered"
            | "reported"
            | "reports"
            | "confirmed"
            | "denied"
            | "testified"
            | "accused"
            | "wrote,"
            | "recounted"
            | "maintained"
            | "contended"
            | "concluded"
            | "agreed"
            | "shouted"
            | "whispered"
            | "promised"
    )
}

/// Verbs that attribute a view or a claim without quotation marks ("believes", "thinks").
pub(super) fn is_belief_verb(word: &str) -> bool {
    matches!(
        word,
        "believes"
            | "believe"
            | "believed"
            | "thinks"
            | "think"
            | "thought"
            | "estimates"
            | "estimated"
            | "expects"
            | "expected"
            | "fears"
            | "feared"
            | "hopes"
            | "doubts"
            | "contends"
            | "argues"
    )
}

/// Verbs that, with a subject right before them, make a quoted phrase in their clause that
/// subject's words ("which he defined as ...", "Smith lauded the ...").
pub(super) fn is_declaring_verb(word: &str) -> bool {
    is_speech_verb(word)
        || is_belief_verb(word)
        || matches!(
            word,
            "defined"
                | "defines"
                | "called"
                | "calls"
                | "described"
                | "describes"
                | "termed"
                | "labeled"
                | "labelled"
                | "lauded"
                | "praised"
                | "hailed"
                | "criticized"
                | "criticised"
                | "condemned"
                | "denounced"
                | "urged"
                | "demanded"
                | "ordered"
                | "pushed"
                | "promised"
                | "reiterated"
                | "highlighted"
                | "underlined"
                | "underscored"
                | "referred"
                | "dismissed"
                | "rejected"
                | "vowed"
                | "accused"
                | "blamed"
                | "welcomed"
                | "expressed"
                | "offered"
                | "sought"
                | "pointed"
                | "spoke"
                | "speaks"
                | "promised,"
                | "touted"
                | "insisted"
                | "cited"
                | "characterized"
                | "characterised"
        )
}

/// Words right before a quotation that make it a term mentioned, not words spoken.
pub(super) fn is_scare_cue(word: &str) -> bool {
    matches!(
        word,
        "term"
            | "terms"
            | "word"
            | "words"
            | "phrase"
            | "phrases"
            | "expression"
            | "slogan"
            | "label"
            | "so-called"
            | "dubbed"
            | "nicknamed"
            | "titled"
            | "entitled"
            | "headlined"
            | "catchphrase"
            | "buzzword"
            | "moniker"
    )
}

/// Adverbs and auxiliaries allowed between a subject and its speech verb ("also said", "has said").
/// Words that end a noun phrase: auxiliaries and pronouns ("officers had been ordered", "he
/// understood residents' fears").
pub(super) fn ends_noun_phrase(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "be"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "can"
            | "did"
            | "does"
            | "do"
    ) || pronoun(word).is_some()
}

pub(super) fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "previously"
            | "once"
            | "has"
            | "have"
            | "had"
            | "had,"
            | "recently"
            | "earlier"
            | "further"
            | "again"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "separately"
            | "flatly"
            | "firmly"
            | "simply"
            | "still"
            | "long"
            | "often"
            | "once,"
            | "herself"
            | "himself"
            | "reportedly"
            | "allegedly"
            | "apparently"
            | "openly"
            | "repeatedly,"
    )
}

/// Capitalized words that start sentences but are no names ("The", "However", "According").
pub(super) fn is_capitalized_function_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['\'', '’']),
        "The"
            | "A"
            | "An"
            | "According"
            | "In"
            | "However"
            | "But"
            | "And"
            | "Or"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "During"
            | "Other"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "It"
            | "He"
            | "She"
            | "They"
            | "We"
            | "I"
            | "You"
            | "On"
            | "At"
            | "For"
            | "With"
            | "As"
            | "By"
            | "From"
            | "To"
            | "Of"
            | "Also"
            | "Some"
            | "Many"
            | "Most"
            | "Still"
            | "Yet"
            | "Meanwhile"
            | "Although"
            | "Though"
            | "Since"
            | "Despite"
            | "Under"
            | "Over"
            | "Last"
            | "Next"
            | "Asked"
            | "Speaking"
            | "Writing"
            | "So"
            | "Now"
            | "Then"
            | "There"
            | "Here"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "Such"
            | "Both"
            | "Each"
            | "Every"
            | "All"
            | "No"
            | "Not"
            | "One"
            | "Two"
            | "Three"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Spacer"
            | "Advertisement"
            | "Home"
            | "Read"
            | "More"
            | "Photo"
            | "Image"
            | "Share"
    )
}

/// Lowercase words that end a backward scan for a role before a name (determiners, prepositions,
/// conjunctions, verbs of speech).
pub(super) fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "by"
            | "with"
            | "and"
            | "or"
            | "but"
            | "for"
            | "from"
            | "in"
            | "on"
            | "at"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "said"
            | "says"
            | "told"
            | "according"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "when"
            | "while"
            | "after"
            | "before"
            | "than"
            | "about"
            | "alongside"
            | "between"
            | "into"
            | "against"
            | "under"
            | "over"
            | "like"
            | "joined"
            | "met"
    )
}

/// Prepositions and conjunctions after which a name is an object, not a subject.
pub(super) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "of" | "to"
            | "by"
            | "with"
            | "and"
            | "or"
            | "for"
            | "from"
            | "in"
            | "on"
            | "at"
            | "as"
            | "about"
            | "alongside"
            | "between"
            | "into"
            | "against"
            | "under"
            | "over"
            | "like"
            | "than"
            | "toward"
            | "towards"
            | "without"
            | "among"
            | "across"
            | "behind"
            | "beside"
            | "near"
            | "via"
            | "upon"
            | "through"
            | "the"
            | "a"
            | "an"
            | "joined"
            | "met"
            | "visited"
            | "told"
            | "asked"
            | "urged"
            | "took"
            | "obliged"
            | "help"
            | "helped"
            | "support"
            | "supported"
            | "invited"
            | "thanked"
            | "accused"
            | "criticized"
            | "praised"
            | "called"
            | "if"
            | "whether"
    )
}

/// Capitalized words that make a name an organization.
pub(super) fn is_organization_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']),
        "Ministry"
            | "Department"
            | "Agency"
            | "Observatory"
            | "Research"
            | "Analytics"
            | "Consulting"
            | "Advisers"
            | "Advisors"
            | "Forum"
            | "Tribunal"
            | "Laboratories"
            | "Museum"
            | "League"
            | "Collective"
            | "Programme"
            | "Minerals"
            | "Mining"
            | "Foods"
            | "Provisions"
            | "Institute"
            | "Institution"
            | "Party"
            | "Council"
            | "University"
            | "College"
            | "Company"
            | "Co"
            | "Inc"
            | "Corp"
            | "Corporation"
            | "Ltd"
            | "LLC"
            | "Bank"
            | "Association"
            | "Office"
            | "Commission"
            | "Committee"
            | "Group"
            | "Court"
            | "Police"
            | "Army"
            | "Navy"
            | "Force"
            | "Forces"
            | "Administration"
            | "Authority"
            | "Board"
            | "Bureau"
            | "Foundation"
            | "Fund"
            | "Organization"
            | "Organisation"
            | "Union"
            | "Federation"
            | "Center"
            | "Centre"
            | "Service"
            | "Services"
            | "Society"
            | "Trust"
            | "Alliance"
            | "Coalition"
            | "Front"
            | "Movement"
            | "Church"
            | "Parliament"
            | "Congress"
            | "Senate"
            | "Assembly"
            | "Cabinet"
            | "Government"
            | "Embassy"
            | "Consulate"
            | "Club"
            | "Industries"
            | "Holdings"
            | "Systems"
            | "Technologies"
            | "Labs"
            | "Laboratory"
            | "Hospital"
            | "School"
            | "Academy"
            | "Secretariat"
            | "Directorate"
            | "Command"
            | "Guard"
            | "Network"
            | "Partners"
            | "Associates"
            | "Initiative"
            | "Project"
            | "Watch"
            | "Chamber"
            | "Cooperative"
            | "Co-operative"
            | "Consortium"
            | "Semiconductor"
            | "Semiconductors"
            | "Motors"
            | "Airlines"
            | "Airways"
            | "Pharmaceuticals"
            | "Freight"
            | "Logistics"
            | "Securities"
            | "Bancorp"
            | "Insurance"
            | "Electronics"
            | "Chemicals"
            | "Enterprise"
            | "Enterprises"
            | "Engineering"
            | "Construction"
            | "Markets"
            | "Inspectorate"
            | "Capital"
            | "Aerospace"
            | "Telecom"
            | "Ventures"
            | "Utilities"
            | "Railways"
    ) || is_publication_word(word)
}

/// Organization words of public bodies rather than companies ("Board", "Ministry").
pub(super) fn is_public_body_word(word: &str) -> bool {
    matches!(
        word,
        "Ministry"
            | "Department"
            | "Agency"
            | "Council"
            | "Commission"
            | "Committee"
            | "Office"
            | "Authority"
            | "Board"
            | "Bureau"
            | "Administration"
            | "Government"
            | "Parliament"
            | "Congress"
            | "Senate"
            | "Assembly"
            | "Court"
            | "Police"
            | "Army"
            | "Navy"
            | "Service"
            | "Union"
            | "Organization"
            | "Organisation"
            | "Federation"
            | "Fund"
            | "Directorate"
            | "Secretariat"
            | "Embassy"
            | "Chamber"
    )
}

/// Capitalized words that make a name a publication or news outlet.
pub(super) fn is_publication_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches(['.', ',']),
        "News"
            | "Times"
            | "Post"
            | "Journal"
            | "Gazette"
            | "Press"
            | "Tribune"
            | "Herald"
            | "Broadcasting"
            | "Television"
            | "Radio"
            | "Daily"
            | "Weekly"
            | "Magazine"
            | "Review"
            | "Chronicle"
            | "Telegraph"
            | "Courier"
            | "Observer"
            | "Monitor"
            | "Wire"
            | "Newswire"
            | "Reporter"
            | "Dispatch"
            | "Bulletin"
            | "Express"
            | "Mirror"
            | "Guardian"
            | "Independent"
            | "Standard"
            | "Inquirer"
            | "Sentinel"
    )
}

/// Capitalized words that make a name a place, never a speaker ("Fifth Avenue").
pub(super) fn is_place_word(word: &str) -> bool {
    matches!(
        word,
        "Avenue"
            | "Street"
            | "St."
            | "Road"
            | "Boulevard"
            | "Square"
            | "River"
            | "Lake"
            | "Mountain"
            | "Mountains"
            | "Island"
            | "Islands"
            | "Bay"
            | "Valley"
            | "Bridge"
            | "Plaza"
            | "Peninsula"
            | "Sea"
            | "Ocean"
            | "Strait"
            | "Delta"
            | "Province"
            | "County"
            | "District"
            | "Airport"
            | "Station"
            | "Harbor"
            | "Port"
    )
}

/// Lowercase head nouns of unnamed sources ("some observers", "a senior official", "state media").
pub(super) fn is_unnamed_source_noun(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "observers"
            | "officials"
            | "official"
            | "analysts"
            | "analyst"
            | "experts"
            | "expert"
            | "sources"
            | "source"
            | "people"
            | "person"
            | "diplomats"
            | "diplomat"
            | "residents"
            | "resident"
            | "witnesses"
            | "witness"
            | "critics"
            | "media"
            | "reports"
            | "report"
            | "insiders"
            | "insider"
            | "figure"
            | "aides"
            | "aide"
            | "investigators"
            | "researchers"
            | "economists"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "officers"
            | "officer"
            | "lawmakers"
            | "executives"
            | "executive"
            | "employees"
            | "employee"
            | "staff"
            | "workers"
            | "activists"
            | "scientists"
            | "authorities"
            | "police"
            | "prosecutors"
            | "documents"
            | "document"
            | "statement"
            | "filing"
            | "filings"
            | "memo"
            | "survey"
            | "poll"
            | "pilot"
            | "pilots"
            | "passenger"
            | "passengers"
            | "captain"
            | "engineers"
            | "engineer"
            | "doctors"
            | "nurses"
            | "traders"
            | "bankers"
            | "members"
            | "veterans"
            | "students"
            | "parents"
            | "teachers"
            | "farmers"
            | "lawyers"
            | "advocates"
            | "supporters"
            | "opponents"
            | "campaigners"
            | "organizers"
            | "protesters"
            | "locals"
            | "neighbors"
            | "neighbours"
            | "owners"
            | "owner"
            | "groups"
            | "dealers"
            | "brokers"
            | "broker"
            | "shopkeepers"
            | "merchants"
            | "shoppers"
            | "commuters"
            | "drivers"
            | "growers"
            | "leaders"
            | "unions"
            | "voters"
            | "users"
            | "customers"
            | "consumers"
            | "investors"
            | "economist"
            | "strategists"
            | "managers"
            | "insurers"
            | "lenders"
            | "homeowners"
            | "tenants"
            | "villagers"
            | "fishermen"
            | "volunteers"
            | "rescuers"
            | "firefighters"
    )
}

/// Nouns of documents that speak for their author ("a statement from the ministry").
pub(super) fn is_document_noun(word: &str) -> bool {
    matches!(
        word,
        "statement"
            | "report"
            | "filing"
            | "memo"
            | "letter"
            | "notice"
            | "release"
            | "post"
            | "survey"
            | "study"
            | "poll"
            | "analysis"
            | "audit"
            | "review"
    )
}

/// Determiners that open an unnamed source ("some analysts", "one cafe owner", "a spokesman").
pub(super) fn is_source_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "some"
            | "many"
            | "several"
            | "one"
            | "two"
            | "three"
            | "few"
            | "other"
            | "another"
            | "most"
    )
}

/// Lowercase nouns with which an article refers back to an organization it named ("the ministry").
pub(super) fn organization_head(word: &str) -> Option<&'static str> {
    Some(match word {
        "ministry" => "Ministry",
        "department" => "Department",
        "agency" => "Agency",
        "institute" => "Institute",
        "party" => "Party",
        "council" => "Council",
        "university" => "University",
        "company" | "firm" | "manufacturer" | "carrier" | "airline" | "automaker" | "retailer"
        | "lender" | "insurer" | "startup" | "conglomerate" => "*",
        "bank" => "Bank",
        "association" => "Association",
        "office" => "Office",
        "commission" => "Commission",
        "committee" => "Committee",
        "group" => "Group",
        "court" => "Court",
        "foundation" => "Foundation",
        "union" => "Union",
        "federation" => "Federation",
        "board" => "Board",
        "bureau" => "Bureau",
        "embassy" => "Embassy",
        "center" => "Center",
        "centre" => "Centre",
        "newspaper" | "paper" | "outlet" | "broadcaster" => "+",
        "government" => "Government",
        "army" => "Army",
        "police" => "Police",
        "coalition" => "Coalition",
        "alliance" => "Alliance",
        "chamber" => "Chamber",
        "directorate" => "Directorate",
        "fund" => "Fund",
        "trust" => "Trust",
        "society" => "Society",
        "institution" => "Institution",
        "service" => "Service",
        "authority" => "Authority",
        "cooperative" | "co-operative" => "Cooperative",
        "operator" | "utility" | "supplier" | "chipmaker" | "consortium" | "developer"
        | "charity" | "nonprofit" => "*",
        "regulator" | "bloc" | "watchdog" => "#",
        _ => return None,
    })
}

/// Pronouns that can stand for a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    He,
    She,
    They,
    It,
}

/// Reads a pronoun in any case.
pub(super) fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_ascii_lowercase().as_str() {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "they" => Some(Pronoun::They),
        "it" => Some(Pronoun::It),
        _ => None,
    }
}

/// Name particles that belong to a surname ("al-", "van", "de").
pub(super) fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "al" | "el"
            | "bin"
            | "bint"
            | "binti"
            | "ibn"
            | "abu"
            | "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "dos"
            | "das"
            | "du"
            | "la"
            | "le"
            | "y"
            | "ter"
            | "zu"
    )
}

/// Strips a name particle written with a hyphen ("al-Assad" → "Assad") for comparing surnames.
pub(super) fn strip_particle(word: &str) -> &str {
    for prefix in [
        "al-", "el-", "Al-", "El-", "ad-", "as-", "an-", "ar-", "at-",
    ] {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return rest;
            }
        }
    }
    word
}

/// Family names written first (Korean, Chinese, Japanese usage in English text).
pub(super) fn is_family_name_first(word: &str) -> bool {
    matches!(
        word,
        "Kim"
            | "Lee"
            | "Park"
            | "Pak"
            | "Choi"
            | "Choe"
            | "Koo"
            | "Ku"
            | "Cheong"
            | "Chung"
            | "Jung"
            | "Jeong"
            | "Kang"
            | "Cho"
            | "Jo"
            | "Yoon"
            | "Yun"
            | "Jang"
            | "Lim"
            | "Han"
            | "Oh"
            | "Seo"
            | "Shin"
            | "Kwon"
            | "Hwang"
            | "Ahn"
            | "Song"
            | "Hong"
            | "Moon"
            | "Ri"
            | "Yang"
            | "Baek"
            | "Nam"
            | "Noh"
            | "Roh"
            | "Wang"
            | "Li"
            | "Zhang"
            | "Liu"
            | "Chen"
            | "Zhao"
            | "Huang"
            | "Zhou"
            | "Wu"
            | "Xu"
            | "Sun"
            | "Ma"
            | "Zhu"
            | "Hu"
            | "Guo"
            | "He"
            | "Lin"
            | "Luo"
            | "Gao"
            | "Zheng"
            | "Liang"
            | "Xie"
            | "Tang"
            | "Feng"
            | "Deng"
            | "Cao"
            | "Peng"
            | "Xi"
            | "Wen"
            | "Yu"
            | "Jiang"
            | "Qin"
            | "Mao"
    )
}

/// Vietnamese family names: written first, but the press uses the given name, the last word, on
/// second reference ("Nguyen Van An" → "An"; "Mr. Nguyen" is also seen).
pub(super) fn is_vietnamese_family_name(word: &str) -> bool {
    matches!(
        word,
        "Nguyen"
            | "Nguyễn"
            | "Tran"
            | "Trần"
            | "Le"
            | "Lê"
            | "Pham"
            | "Phạm"
            | "Hoang"
            | "Hoàng"
            | "Huynh"
            | "Huỳnh"
            | "Phan"
            | "Vu"
            | "Vũ"
            | "Vo"
            | "Võ"
            | "Dang"
            | "Đặng"
            | "Bui"
            | "Bùi"
            | "Do"
            | "Đỗ"
            | "Ho"
            | "Hồ"
            | "Ngo"
            | "Ngô"
            | "Duong"
            | "Dương"
            | "Ly"
            | "Lý"
            | "Trinh"
            | "Trịnh"
            | "Dinh"
            | "Đinh"
            | "Truong"
            | "Trương"
            | "Luu"
            | "Lưu"
    )
}

/// Countries (and the short forms the press uses), each with its capital.
const COUNTRIES: &[(&str, &str)] = &[
    ("Afghanistan", "Kabul"),
    ("Argentina", "Buenos Aires"),
    ("Australia", "Canberra"),
    ("Austria", "Vienna"),
    ("Belarus", "Minsk"),
    ("Belgium", "Brussels"),
    ("Brazil", "Brasília"),
    ("Canada", "Ottawa"),
    ("Chile", "Santiago"),
    ("China", "Beijing"),
    ("Colombia", "Bogotá"),
    ("Cuba", "Havana"),
    ("Denmark", "Copenhagen"),
    ("Egypt", "Cairo"),
    ("Ethiopia", "Addis Ababa"),
    ("Finland", "Helsinki"),
    ("France", "Paris"),
    ("Germany", "Berlin"),
    ("Greece", "Athens"),
    ("Hungary", "Budapest"),
    ("India", "New Delhi"),
    ("Indonesia", "Jakarta"),
    ("Iran", "Tehran"),
    ("Iraq", "Baghdad"),
    ("Ireland", "Dublin"),
    ("Israel", "Jerusalem"),
    ("Italy", "Rome"),
    ("Japan", "Tokyo"),
    ("Jordan", "Amman"),
    ("Kenya", "Nairobi"),
    ("Lebanon", "Beirut"),
    ("Mexico", "Mexico City"),
    ("Netherlands", "Amsterdam"),
    ("Nigeria", "Abuja"),
    ("North Korea", "Pyongyang"),
    ("Norway", "Oslo"),
    ("Pakistan", "Islamabad"),
    ("Peru", "Lima"),
    ("Philippines", "Manila"),
    ("Poland", "Warsaw"),
    ("Portugal", "Lisbon"),
    ("Qatar", "Doha"),
    ("Russia", "Moscow"),
    ("Saudi Arabia", "Riyadh"),
    ("South Africa", "Pretoria"),
    ("South Korea", "Seoul"),
    ("Spain", "Madrid"),
    ("Sweden", "Stockholm"),
    ("Switzerland", "Bern"),
    ("Syria", "Damascus"),
    ("Taiwan", "Taipei"),
    ("Thailand", "Bangkok"),
    ("Turkey", "Ankara"),
    ("Ukraine", "Kyiv"),
    ("United Kingdom", "London"),
    ("United States", "Washington"),
    ("Venezuela", "Caracas"),
    ("Vietnam", "Hanoi"),
];

/// The canonical country a name or short form stands for.
pub(super) fn country(name: &str) -> Option<&'static str> {
    let canonical = match name {
        "US" | "U.S." | "USA" | "U.S.A." | "America" => "United States",
        "UK" | "U.K." | "Britain" | "Great Britain" => "United Kingdom",
        "Viet Nam" => "Vietnam",
        "Türkiye" => "Turkey",
        _ => name,
    };
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == canonical)
        .map(|(c, _)| *c)
}

/// The country whose capital `name` is.
pub(super) fn country_of_capital(name: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(_, c)| *c == name).map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_parts() {
        assert!(is_title("Minister"));
        assert!(!is_title("Defense"));
    }

    #[test]
    fn particles_strip_only_before_a_capital() {
        assert_eq!(strip_particle("al-Assad"), "Assad");
        assert_eq!(strip_particle("al-"), "al-");
        assert_eq!(strip_particle("Smith"), "Smith");
    }

    #[test]
    fn capitals_map_to_countries() {
        assert_eq!(country_of_capital("Kyiv"), Some("Ukraine"));
        assert_eq!(country("U.S."), Some("United States"));
        assert_eq!(country("Atlantis"), None);
    }
}
