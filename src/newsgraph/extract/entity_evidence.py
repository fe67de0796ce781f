"""One name, one type per article, settled by the evidence the article and the lexicons give.

The recogniser types each mention on its own; an article names one thing by
one name. Per name, the mentions' own labels vote, and the evidence adds to
them: a known place name (the gazetteer) in a geographic context ("in São
Paulo", "Paraná-based") votes for a place, a given name from the learned list
opening the name ("Sarah Aldern" typed as an organisation) for a person, and a name the gazetteer does not know
against a place when an organisation is the other reading ("Netflix").
Awards are events, genres and currency signs are no names. Names that stand
for a state ("the Kremlin", "Beijing said") get its country.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsgraph.countries import country_code, is_demonym
from newsgraph.extract.entity_names import (
    Mention,
    covered_chars,
    ends_in_company_word,
    fold,
    give_way,
    person_name_parts,
    without_legal_form,
)
from newsgraph.extract.titles import is_honorific, is_title_head
from newsgraph.gazetteer import load_gazetteer
from newsgraph.gazetteer.context import in_geo_context, is_known_place, names_other_place
from newsgraph.gazetteer.features import STREET_HEADS, feature_type
from newsgraph.lexicon.given_names import is_given_name
from newsgraph.lexicon.name_kinds import AWARDS, GENRES, NOT_NAMES, PERSON_LIKE_COMPANIES
from newsgraph.lexicon.online import ONLINE_COMPANIES
from newsgraph.lexicon.state_actors import STATE_INSTITUTIONS, is_seat, state_actor

PLACE = frozenset({"GPE", "LOC", "FAC"})
_TYPED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
# Recogniser types a street's, a building's or a river's name is often given.
_FEATURE_RETYPED = frozenset({"PERSON", "ORG", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})
# Weight of one piece of evidence against one recogniser label.
EVIDENCE_WEIGHT = 2
# "Beijing said", "Moscow has warned": a capital acting as its government.
_GOVERNMENT_VERB = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|will\s+|would\s+|also\s+)?"
    r"(?:said|says|say|accused|accuses|warned|warns|announced|announces|condemned|condemns|"
    r"denied|denies|rejected|rejects|demanded|demands|urged|urges|insisted|insists|"
    r"responded|responds|threatened|threatens|claimed|claims|vowed|vows|called|calls|"
    r"imposed|imposes|sanctioned|retaliated|protested|agreed|signed|refused|refuses)\b"
)
_GEO_PHRASE = re.compile(
    r"\b(?:in|near|outside|across|throughout)\s+"
    r"((?:[A-Z][\w'’.-]*[\w.])(?:\s+(?:[A-Z][\w'’-]*\w))?(?:\s+(?:[A-Z][\w'’-]*\w))?)"
    r"|\b([A-Z][\w'’]*\w)-based\b"
    r"|(?<=[\w.]),\s+([A-Z][\w'’-]*\w(?:\s+[A-Z][\w'’-]*\w){0,2})(?=[\s.,;:)]|$)"
)
_INSTITUTION = re.compile(
    r"\b([A-Z][a-z]+)\s+("
    + "|".join(sorted((re.escape(w.title()) for w in STATE_INSTITUTIONS), key=len, reverse=True))
    + r")\b"
)
# Words that make a name an organisation's, whoever it is named after ("Edward Jones & Co").
_ORG_WORD = re.compile(
    r"&|\b(?:Co|Corp|Corporation|Inc|Ltd|LLC|PLC|plc|Group|Bank|Company|Holdings|Partners|"
    r"Foundation|Institute|University|College|Association|Party|Club|United|Fund|Trust|Bros|"
    r"Communications|Entertainment|Media|Records|Studios|Pictures|Motors|Airlines|Industries|"
    r"Systems?|Technologies|Enterprises|Associates|Prize|Award|Department|Police|Sheriff|Office|"
    r"Council|Committee|Commission|Board|Authority|Agency|Center|Centre|Hospital|School|Church|"
    r"County|City|District)\b"
)
# What only a listed company has next to its name: "Pirelli shares rose", "Magna was up 1/8",
# "Jones's shareholders", "a stake in Magna".
# Verbs of a price's move.
_PRICE_VERBS = "rose|fell|gained|lost|shed|jumped|slid|slipped|dropped|climbed|finished"
_MARKET_AFTER = re.compile(
    r"(?:'s|')?\s+(?:(?:shares|stock)\s+(?:rose|fell|closed|ended|were|jumped|slipped|gained|"
    r"lost|dropped|edged|climbed|slid|traded|reacted)|(?:was|were|closed|ended|finished)\s+"
    r"(?:up|down)\s+\$?\d|shareholders|stockholders|subsidiary|net\s+(?:profit|income|loss)|"
    r"earnings|revenues?|turnover)\b"
    # its shares as a noun: "$76 for each Guidant share" ("Smith shares his view" is a verb)
    r"|\s+share\b|\s+shares\b(?!\s+(?:his|her|its|their|the|a|an|this|that|some|my|our|"
    r"your|in|with)\b)"
    # a price move in money or per cent: "Biogen fell $28.63", "Biogen Idec shed 43%"
    r"|\s+(?:" + _PRICE_VERBS + r")\s+"
    r"(?:(?:up|down)\s+)?(?:[$€£]\d|\d[\d.,]*\s*(?:%|per\s*cent|percent))"
)
_MONEY_MOVE = re.compile(
    r"\s+(?:" + _PRICE_VERBS + r"|closed|ended|was|were)\s+(?:(?:up|down)\s+)?[$€£]\d"
)
_MARKET_BEFORE = re.compile(r"\b(?:[Ss]hares|[Ss]take|[Ss]tock|[Hh]oldings?)\s+(?:of|in)\s+$")
_COORDINATED = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|&)\s*$")
# "in March", "in May": calendar words, however many towns bear them.
_CALENDAR = re.compile(
    r"^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b"
)


def settle_types(mentions: list[Mention], body: str) -> list[Mention]:
    """Mentions retyped by evidence, non-names dropped, state actors given their country."""
    kept = [m for m in mentions if not _not_a_name(m, body)]
    for m in kept:
        _join_elided_part(m, body)
        _cut_genre(m)
        if m.label == "PERSON" and fold(m.text) in AWARDS:
            m.label = "EVENT"
        elif _acronym_not_person(m, body):
            m.label = "ORG"
        elif m.text in ONLINE_COMPANIES:
            m.label, m.country = "ORG", None
        _retype_feature(m)
        if m.label == "NORP" and _city_not_people(m):
            m.label = "GPE"
    _vote(kept, body)
    _state_actors(kept, body)
    _vessels(kept, body)
    return _things_not_persons(kept, body)


# The elided particle and word that end a name: "Palme d'Or", "Côte d'Ivoire", "Val d'Isère".
_ELIDED_PART = re.compile(r" d['’][A-Z][\w-]*")


# Genres that name no region, people or place ("Western Pennsylvania", "Country Music").
_FILM_GENRES = frozenset(
    "comedy drama thriller horror documentary romance fantasy musical animation sitcom".split()
)


def _cut_genre(m: Mention) -> None:
    """'Comedy Meet The Fockers' typed as a person at a sentence's start: the genre word
    says the rest is a work's title."""
    if m.label == "PERSON" and len(m.tokens) > 1:
        first = m.tokens[0]
        if fold(first) in _FILM_GENRES and m.text.startswith(first + " "):
            m.start += len(first) + 1
            m.text = m.text[len(first) + 1 :]
            m.tokens = m.tokens[1:]
            m.label, m.country = "WORK_OF_ART", None


def _join_elided_part(m: Mention, body: str) -> None:
    """A mention the recogniser ended before "d'Or" gets its last word back."""
    tail = _ELIDED_PART.match(body, m.end)
    if tail is not None:
        m.end = tail.end()
        m.text = body[m.start : m.end]
        m.tokens = (*m.tokens, tail.group(0).strip())


def _retype_feature(m: Mention) -> None:
    """'Assiniboine Avenue' typed ORG, 'Lake Manassas' typed PERSON, 'Miami Valley Hospital'
    typed GPE: the head word makes the name a facility or a natural feature ("Ricki Lake", a
    person's two words ending in a surname-like head, stays a person)."""
    if m.label not in _FEATURE_RETYPED and m.label != "GPE":
        return
    kind = feature_type(m.text, person=m.label == "PERSON")
    if m.label == "GPE" and (
        kind != "FAC"
        or m.text.split()[-1].lower() in STREET_HEADS
        or load_gazetteer().lookup(m.text)
    ):
        return  # a town may be "Lake Forest" or "New Castle", a street "Wall Street" the markets
    if kind is not None:
        m.label, m.country = kind, None


# A ship's name follows its kind: "the aircraft carrier Carl Vinson", "carriers Vinson and
# Enterprise", "the tanker Exxon Valdez", "USS Cole".
_VESSEL_BEFORE = re.compile(
    r"(?:\b(?:aircraft\s+carriers?|warships?|frigates?|destroyers?|submarines?|tankers?|"
    r"cruise\s+ships?|cargo\s+ships?|container\s+ships?|ferry|ferries|yachts?|vessels?|"
    r"ships?|liners?|trawlers?)|\b(?:USS|HMS|RMS|MV|MS|SS|INS|HMAS|HMCS))\s+(?:the\s+)?$"
)


# Two names joined by "and"/"or" (a bare comma may end a clause: "the ship Freewinds, Paris
# said").
_AND_OR = re.compile(r"^\s*,?\s+(?:and|or)\s+$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A name before a noun modifies it ("the Clinton administration"): the name may be a person's.
_MODIFIES_NOUN = re.compile(
    r"\s+(?!(?:in|on|at|and|or|to|of|for|with|by|from|as|is|was|are|were|has|had|have|will|"
    r"would|can|could|which|that|who|where|when|but)\b)[a-z]"
)


def _things_not_persons(mentions: list[Mention], body: str) -> list[Mention]:
    """A one-word "person" that every mention writes after "the" ("the Croisette", "the
    Cybertruck") and that names no person of the article nor opens a given name: a known
    place is the place, anything else is dropped, as no type is known. A plural stays: "the
    Clintons" is a family as often as "the Brewers" is a team."""
    name_parts = person_name_parts(mentions)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label == "PERSON":
            groups[fold(m.text)].append(m)
    dropped: set[int] = set()
    for name, group in groups.items():
        if len(group[0].tokens) != 1 or name in name_parts or name.endswith("s"):
            continue
        if is_given_name(group[0].text) or not all(
            _THE_BEFORE.search(body, max(0, m.start - 5), m.start)
            and not _MODIFIES_NOUN.match(body, m.end)
            for m in group
        ):
            continue
        if not is_known_place(group[0].text):
            dropped.update(id(m) for m in group)
            continue
        for m in group:
            m.label, m.country = "GPE", country_code(m.text)
    return [m for m in mentions if id(m) not in dropped]


def _vessels(mentions: list[Mention], body: str) -> None:
    """A name right after a kind of vessel, or listed with one that is, is the ship
    (OntoNotes' PRODUCT: a vehicle), whatever the recogniser typed, in every mention."""
    ships: set[str] = set()
    prev: Mention | None = None
    for m in mentions:
        listed = (
            prev is not None
            and fold(prev.text) in ships
            and _AND_OR.match(body[prev.end : m.start])
        )
        if listed or _VESSEL_BEFORE.search(body, max(0, m.start - 24), m.start):
            ships.add(fold(m.text))
        prev = m
    for m in mentions:
        if fold(m.text) in ships:
            m.label, m.country = "PRODUCT", None


# A town this large named with no word for its people is the town, whatever the type.
_CITY_POPULATION = 100_000


def _city_not_people(m: Mention) -> bool:
    """'Tunis' typed as a nationality: a large town's name that names no people."""
    if m.country or is_demonym(m.text):
        return False
    return any(
        not c.is_area and c.population >= _CITY_POPULATION for c in load_gazetteer().lookup(m.text)
    )


# A stock ticker in brackets after a company's name: "Nvidia (NVDA.O)", "(AAPL.OQ)".
_TICKER = re.compile(r"[A-Z]{1,6}\.[A-Z]{1,3}")


def _not_a_name(m: Mention, body: str) -> bool:
    """'US$' before an amount, a genre word typed as a person, a ticker, 'AI'."""
    if "$" in m.text or body[m.end : m.end + 1] == "$":
        return True
    if _TICKER.fullmatch(m.text) and body[m.start - 1 : m.start] == "(":
        return True
    if m.label in ("ORG", "NORP", "GPE") and m.text in NOT_NAMES:
        return True
    return m.label == "PERSON" and len(m.tokens) == 1 and fold(m.text) in GENRES


_CODE_NAME = re.compile(r"[A-Z]{1,4}\d{1,3}")


def _acronym_not_person(m: Mention, body: str) -> bool:
    """'LSEG' typed as a person: one short word in capitals with at most one vowel (no
    surname: "SILVA", "MILLER" in a results table), in a line that is not in capitals."""
    text = m.text
    if m.label != "PERSON" or len(m.tokens) != 1:
        return False
    if _CODE_NAME.fullmatch(text):
        return True  # "MI6", "G7": letters and a number name no person
    if not 3 <= len(text) <= 5:
        return False
    if not (text.isalpha() and text.isupper()) or sum(c in "AEIOU" for c in text) > 1:
        return False  # "L.A.", "B.C." are places
    line_start = body.rfind("\n", 0, m.start) + 1
    line_end = body.find("\n", m.end)
    line = body[line_start : line_end if line_end >= 0 else len(body)]
    return any(c.islower() for c in line)


def _geo_placed(mentions: list[Mention], body: str) -> set[int]:
    """Ids of mentions in a geographic context, or listed right after one ("in X and Y")."""
    placed: set[int] = set()
    prev: Mention | None = None
    for m in mentions:
        listed = (
            prev is not None and id(prev) in placed and _COORDINATED.match(body[prev.end : m.start])
        )
        if (listed and not names_other_place(body, m.end)) or in_geo_context(body, m.start, m.end):
            placed.add(id(m))
        prev = m
    return placed


def _evidence(m: Mention, placed: bool) -> Counter:
    """Evidence one mention gives about its name's type."""
    votes: Counter = Counter()
    if m.label in _TYPED and placed and is_known_place(m.text):
        votes["GPE"] += EVIDENCE_WEIGHT
    elif m.label == "PERSON" and len(m.tokens) > 1 and not is_given_name(m.tokens[0]):
        gaz = load_gazetteer()
        if any(c.feature in ("PCLI", "ADM1") for c in gaz.lookup(m.text)):
            votes["GPE"] += EVIDENCE_WEIGHT  # "Tamil Nadu": a state's name, no person's
    if m.label == "PERSON" and ends_in_company_word(m.tokens):
        votes["ORG"] += EVIDENCE_WEIGHT  # "Arvana Semiconductor", "Kestrel Micro Systems"
    elif (
        len(m.tokens) > 1
        and is_given_name(m.tokens[0])
        and m.label in ("ORG", "PERSON")
        and not _ORG_WORD.search(m.text)
        and fold(m.text) not in PERSON_LIKE_COMPANIES
        and not feature_type(m.text)
        and not load_gazetteer().lookup(m.text)  # "Belle Plaine", a town
    ):
        votes["PERSON"] += EVIDENCE_WEIGHT
    return votes


# A noun of a kind of organisation right before a name: "the daily Granma", "mineral water
# firm Multico", "first division team Deportivo Coruna".
_ORGANISATION_KINDS = (
    r"(?:daily|newspaper|weekly|magazine|tabloid|agency|broadcaster|network|firm|company|"
    r"group|conglomerate|carrier|airline|insurer|retailer|lender|brokerage|publisher|maker|"
    r"manufacturer|club|team|side|outfit|party|union|charity|think[\s-]tank|bank|chain|"
    r"consultancy)"
)
_KIND_BEFORE = re.compile(r"\b" + _ORGANISATION_KINDS + r"\s+$")  # "UK think-tank Demos"
# ... or right after it: "Zycie Warszawy daily said".
_KIND_AFTER = re.compile(r"\s+(?:daily|newspaper|weekly)\b")
# ... or in an appositive: "Elan, once the biggest firm on the Irish stock exchange", "Demos,
# a think tank". The kind noun must end its phrase ("a company spokesman" is a person).
_KIND_APPOSITIVE = re.compile(
    r"\s*,\s+(?:(?:once|now|still|also)\s+)?(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?"
    + _ORGANISATION_KINDS
    + r"(?=\s*[,.;:)]|\s+(?:in|of|on|at|for|with|that|which|whose|based|and)\b)"
)


# A person's age in apposition: "Duran, 45, takes on", "Sarah Lund, 32, of Leeds".
_AGE_AFTER = re.compile(r"\s*,\s+(?:1[4-9]|[2-9]\d)\s*,\s+[A-Za-z]")
# Nouns for a person, as the head of an appositive: "Valeska Paris, an Australian woman".
_PERSON_NOUNS = frozenset(
    """
    woman man girl boy mother father wife husband daughter son sister brother widow grandmother
    grandfather teenager actor actress singer rapper musician songwriter dancer comedian model
    lawyer attorney teacher student doctor nurse surgeon farmer fisherman soldier veteran
    priest pastor monk nun writer author novelist poet painter sculptor filmmaker director
    producer player striker midfielder defender goalkeeper batsman bowler jockey golfer boxer
    driver rider sprinter swimmer entrepreneur businessman businesswoman banker trader
    resident native mayor senator governor lawmaker legislator activist campaigner dissident
    """.split()
)
_PERSON_APPOSITIVE = re.compile(
    r"\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][\w-]*)"
    r"(?=\s*[,.;:)]|\s+(?:and|who|whose|from|of|in|at|for|with|on)\b)"
)


def _described_as_person(m: Mention, body: str) -> bool:
    """An appositive after the name says it is a person: "Valeska Paris, an Australian
    woman", "Onarheim, a 29-year-old fisherman"."""
    hit = _PERSON_APPOSITIVE.match(body, m.end)
    if hit is None:
        return False
    noun = hit.group("noun")
    return noun in _PERSON_NOUNS or noun.endswith("-year-old") or is_title_head(noun)


_WORD_BEFORE_NAME = re.compile(r"([A-Z][\w.]*)\s+$")
# A post set off before the name: "Its director-general, Olufemi Oke-Osanyintolu, urged".
# It opens the sentence: "According to the minister, Slovenia ..." is no post of Slovenia's.
_POST_BEFORE = re.compile(
    r"(?:^|[.!?\"”]\s+|\n)(?:Its|His|Her|Their|The)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?P<noun>[a-z][\w-]*),\s*$"
)


def _post_before(m: Mention, body: str) -> bool:
    """A person's post set off by a comma right before the name: "Its director-general,
    Olufemi Oke-Osanyintolu," ("the chief executive, Mary Barra,")."""
    hit = _POST_BEFORE.search(body, max(0, m.start - 60), m.start)
    if hit is None or is_known_place(m.text):
        return False
    noun = hit.group("noun")
    return is_title_head(noun) or is_title_head(noun.rsplit("-", 1)[0]) or noun in _PERSON_NOUNS


def _after_person_title(m: Mention, body: str) -> bool:
    """A person's title, capitalised, right before the name: "President Clinton", "Mr
    Clinton" (not "Clinton campaign", and not a modifier alone: "Former")."""
    before = _WORD_BEFORE_NAME.search(body, max(0, m.start - 16), m.start)
    if before is None:
        return False
    word = before.group(1)
    return is_honorific(word) or is_title_head(word)


def _described_as_organisation(m: Mention, body: str) -> bool:
    """The words next to the name say what kind of organisation it is; a country stays a
    country ("the England side" is the national team, which news names by its country)."""
    if country_code(m.text):
        return False
    before = _KIND_BEFORE.search(body, max(0, m.start - 16), m.start)
    if before is not None or _KIND_AFTER.match(body, m.end) is not None:
        return True
    # "In St. Louis, a financially troubled group of clinics ...": after a place the comma
    # closes a phrase, no appositive
    return _KIND_APPOSITIVE.match(body, m.end) is not None and not in_geo_context(
        body, m.start, m.end
    )


# A role in an organisation right after its name: "Ericsson spokesman", "Eagles owner
# Jeffrey Lurie", "Deportivo chairman Augusto Lendoiro". A person's name takes these too
# ("Clinton spokesman"), so only names that no person of the article bears count.
_ROLE_AFTER = re.compile(
    r"(?:'s?|’s?)?\s+(?:spokes(?:man|woman|person)|chairman|chairwoman|owner|shareholders|"
    r"chief\s+(?:executive|financial|operating|technology)|CEO|(?:co-)?founders?|headquarters|"
    r"executives|employees|board\s+(?:member|of)|coach|manager|president\s+[A-Z])\b"
)


def _organisation_role_after(m: Mention, body: str) -> bool:
    """A person-or-organisation name followed by a role in an organisation."""
    return m.label in ("PERSON", "ORG") and _ROLE_AFTER.match(body, m.end) is not None


def _no_large_place(m: Mention) -> bool:
    """No country, and no town of CITY_POPULATION people or more, bears the name."""
    if m.country or country_code(m.text):
        return False
    return all(
        c.population < _CITY_POPULATION and c.feature not in ("PCLI", "ADM1")
        for c in load_gazetteer().lookup(m.text)
    )


def _listed_company(m: Mention, body: str) -> bool:
    """A person-or-organisation name with a share price or shareholders next to it; a place
    keeps its type ("Italy's revenues"), unless only a small town bears the name ("Elan
    finished down $18.90")."""
    if m.label == "GPE":  # a county's jobless rate "was down 0.6 percent": only a price
        return _no_large_place(m) and _MONEY_MOVE.match(body, m.end) is not None
    if m.label not in ("PERSON", "ORG"):
        return False
    before = _MARKET_BEFORE.search(body, max(0, m.start - 16), m.start)
    return before is not None or _MARKET_AFTER.match(body, m.end) is not None


# Words that put a lone name on the way somewhere: "driving to Cirencester", "from Misrata".
_MOTION_BEFORE = re.compile(r"\b(?:to|from|into|via|toward|towards)\s+$")
# A person from a town: "a fisherman from", "residents from", "people from".
_PERSON_FROM = re.compile(
    r"\b(?:\w+(?:man|men|woman|women|er|ers|ist|ists|ent|ents|ian|ians)|people|family|"
    r"families)\s+from\s+$"
)


# The article says what kind of place the name is: "Trogir, a town in Croatia", "the
# village of Ballinamore". The kind noun must end its phrase ("a city councillor" is a
# person's title, "the city council" an organisation).
_PLACE_KINDS = (
    r"(?:town|city|village|hamlet|port|province|region|district|county|island|suburb|"
    r"capital|municipality|resort|settlement)"
)
_PLACE_KIND_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}?" + _PLACE_KINDS + r"(?=\s+(?:in|of|on|near|"
    r"north|south|east|west|outside|about|some|with)\b|\s*[,.;)]|$)"
)
_PLACE_KIND_BEFORE = re.compile(
    r"\bthe\s+(?:[\w-]+\s+){0,3}?" + _PLACE_KINDS + r"\s+of\s+$"
)  # "the village of Ballinamore", "the southern Belgian town of Chatelet"
# ... or a division's kind right after the name, ending the phrase: "Michoacan state",
# "Huize county", "in al-Daih village" (not "Texas state senator", "the town council").
_DIVISION_AFTER = re.compile(
    r"\s+(?:village|town|county|province|state|region|district|oblast|prefecture|"
    r"governorate|municipality)(?=\s*[,.;:)]|\s+(?:in|of|on|near|outside|and|where|"
    r"which|was|is|has|had|have|to|from|with|by|for|at|about|after|before)\b|$)"
)


def _named_as_place(m: Mention, body: str) -> bool:
    """The words next to the name call it a town, a village, a province... (any type the
    recogniser gave: the article's own words outrank it)."""
    before = _PLACE_KIND_BEFORE.search(body, max(0, m.start - 60), m.start)
    return before is not None or any(
        p.match(body, m.end) is not None for p in (_PLACE_KIND_AFTER, _DIVISION_AFTER)
    )


def _lone_place_name(group: list[Mention], body: str, name_parts: set[str]) -> bool:
    """A one-word "person" the article never names in full (no "Tom Nelson" anywhere),
    known as a place and written where a place goes ("in Nelson", "to Cirencester"):
    news introduces a person by full name first, so this is the place. A one-word
    "organisation" is the town only where a person comes from it ("a fisherman from
    Trogir"): a club is also joined from, and lost to, elsewhere ("joined from Nantes")."""
    first = group[0]
    labels = {m.label for m in group}
    if not labels <= {"PERSON", "ORG"} or len(first.tokens) != 1:
        return False
    if fold(first.text) in name_parts or not is_known_place(first.text):
        return False
    before = _MOTION_BEFORE if labels == {"PERSON"} else _PERSON_FROM
    return any(
        in_geo_context(body, m.start, m.end) or before.search(body, max(0, m.start - 30), m.start)
        for m in group
    )


def _division_of(name: str, countries: set[str]) -> bool:
    """'Paraná' typed ORG in an article that names Brazil: a state or province of a
    country the article names is that division (not a name with an organisation word)."""
    if _ORG_WORD.search(name):
        return False
    gaz = load_gazetteer()
    return any(c.feature == "ADM1" and gaz.iso3.get(c.cc) in countries for c in gaz.lookup(name))


def _lone_division(group: list[Mention], name_parts: set[str]) -> bool:
    """A one-word name only ever typed a person that is the name of a country or a state,
    no given name and no word of a person's name in the article: "Karnataka" (not "Jordan"
    where "Michael Jordan" is named)."""
    word = group[0].text
    if len(group[0].tokens) != 1 or any(m.label != "PERSON" for m in group):
        return False
    if fold(word) in name_parts or is_given_name(word):
        return False
    return any(
        c.feature in ("PCLI", "ADM1") and fold(c.name) == fold(word)
        for c in load_gazetteer().lookup(word)
    )


def _vote(mentions: list[Mention], body: str) -> None:
    """Every mention of a name takes the type its labels and evidence most support."""
    placed = _geo_placed(mentions, body)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label in _TYPED:
            groups[fold(m.text)].append(m)
    name_parts = person_name_parts(mentions)
    countries = {m.country for m in mentions if m.country}
    companies, first_words = _company_names(mentions)
    for group in groups.values():
        labels: Counter = Counter(m.label for m in group)
        evidence: Counter = Counter()
        for m in group:
            evidence.update(_evidence(m, id(m) in placed))
        if any(_described_as_organisation(m, body) or _listed_company(m, body) for m in group):
            evidence["ORG"] += EVIDENCE_WEIGHT * len(group)  # "the news weekly Der Spiegel"
        elif fold(group[0].text) not in name_parts and any(
            _organisation_role_after(m, body) for m in group
        ):
            evidence["ORG"] += EVIDENCE_WEIGHT * len(group)  # "Ericsson spokesman Per Zetterquist"
        name = fold(without_legal_form(group[0].text))
        # a name the recogniser also calls a place, where no place has it ("Husky")
        person_or_org = set(labels) <= {"PERSON", "ORG"} or (
            set(labels) <= {"PERSON", "ORG", "GPE"} and not is_known_place(group[0].text)
        )
        if name in companies or (
            person_or_org and (name in first_words or name.split()[0] in companies)
        ):
            evidence["ORG"] += EVIDENCE_WEIGHT * len(group)  # "Pirelli", "Pirelli Cables"
        if _lone_division(group, name_parts):
            evidence["GPE"] += EVIDENCE_WEIGHT * len(group)  # "a weak monsoon for Karnataka"
        if any(
            _AGE_AFTER.match(body, m.end) or _described_as_person(m, body) or _post_before(m, body)
            for m in group
        ):
            evidence["PERSON"] += EVIDENCE_WEIGHT * len(group)  # "Onarheim, 29, told Reuters"
        if any(_after_person_title(m, body) for m in group):
            evidence["PERSON"] += EVIDENCE_WEIGHT * len(group)  # "President Clinton" throughout
        if _lone_place_name(group, body, name_parts) or any(
            _named_as_place(m, body) for m in group
        ):
            evidence["GPE"] += EVIDENCE_WEIGHT * len(group)
        elif set(labels) & {"ORG", "PERSON"} and fold(group[0].text) not in name_parts:
            if _division_of(group[0].text, countries):
                evidence["GPE"] += EVIDENCE_WEIGHT
        if "ORG" in labels and PLACE & set(labels):
            if is_known_place(group[0].text):
                _place_placed(group, placed)  # "New York" the team and the city
                continue
            evidence["ORG"] += EVIDENCE_WEIGHT  # "Netflix": no place of that name
        votes = labels + evidence
        top = max(votes.values())
        tied = {label for label, n in votes.items() if n == top}
        if len(tied) == 1:
            winner = tied.pop()
        elif tied <= PLACE or group[0].label not in tied:
            continue  # no majority: each mention keeps its own type
        else:
            winner = group[0].label  # a tie: the first mention, which introduces the name
        for m in group:
            if m.label == winner or (winner == "GPE" and m.label in PLACE):
                continue
            m.label = winner
            m.country = country_code(m.text) if winner == "GPE" else None


def _company_names(mentions: list[Mention]) -> tuple[set[str], set[str]]:
    """The names the article gives with a legal form ("Pirelli SpA": "pirelli"), and the first
    words of the longer ones ("Stora Kopparbergs Bergslags AB": "stora"), which a
    person's or an organisation's one-word name also is only if it is that company."""
    companies: set[str] = set()
    first_words: set[str] = set()
    for m in mentions:
        name = without_legal_form(m.text)
        if name != m.text:
            companies.add(fold(name))
            if len(m.tokens) > 2:
                first_words.add(fold(m.tokens[0]))
        elif m.label in ("PERSON", "ORG") and ends_in_company_word(m.tokens):
            first_words.add(fold(m.tokens[0]))  # "Arvana" of "Arvana Semiconductor"
    return companies, first_words


def _place_placed(group: list[Mention], placed: set[int]) -> None:
    """A name both a team and a town keeps each mention's type, but where the words place
    a mention ("in Atlanta", "ATLANTA (AP) -") it is the town."""
    for m in group:
        if m.label == "ORG" and id(m) in placed:
            m.label, m.country = "GPE", country_code(m.text)


def _state_actors(mentions: list[Mention], body: str) -> None:
    """'the Kremlin' -> RUS; 'Beijing said' -> CHN; 'Israeli Embassy' an organisation of ISR."""
    for m in mentions:
        code = state_actor(fold(m.text))
        if code is not None and is_seat(fold(m.text)):
            m.label = "ORG"  # "the White House" acting: the government, not a building
        if code is None and m.label == "GPE" and m.country is None:
            code = _capital_as_government(m, body)
        if code is not None:
            m.country = code


def _capital_as_government(m: Mention, body: str) -> str | None:
    """The country of a capital that acts in the text ("Beijing said")."""
    if not _GOVERNMENT_VERB.match(body, m.end):
        return None
    gaz = load_gazetteer()
    capitals = [c for c in gaz.lookup(m.text) if c.feature == "PPLC"]
    if not capitals:
        return None
    return gaz.iso3.get(max(capitals, key=lambda c: c.population).cc)


def institution_mentions(mentions: list[Mention], body: str) -> list[Mention]:
    """'Israeli Embassy': a nationality word and a state institution are the country's
    organisation. An organisation mention over the institution words gets the country;
    where there is none, the two words become one."""
    found = []
    for hit in _INSTITUTION.finditer(body):
        code = country_code(hit.group(1))
        if code is None or not is_demonym(hit.group(1)):
            continue
        inside = [m for m in mentions if m.label == "ORG" and hit.start(2) <= m.start < hit.end()]
        for m in inside:
            m.country = m.country or code
        if not inside:
            text = hit.group(0)
            found.append(
                Mention(
                    hit.start(), hit.end(), text, "ORG", country=code, tokens=tuple(text.split())
                )
            )
    return give_way(mentions, found)


def repeated_mentions(mentions: list[Mention], body: str) -> list[Mention]:
    """Occurrences of a name the article already types elsewhere that no mention covers."""
    covered = covered_chars(mentions, body)
    known = {
        m.text: m
        for m in mentions
        if m.label in PLACE and len(m.text) > 3 and is_known_place(m.text)
    }
    found = []
    for text, m in known.items():
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(text)}(?![\w'’-])", body):
            if any(covered[hit.start() : hit.end()]) or _in_longer_name(body, *hit.span()):
                continue
            found.append(
                Mention(hit.start(), hit.end(), text, m.label, country=m.country, tokens=m.tokens)
            )
    return found


# Four or more words in a row with no small letter: a headline in capitals, on its own
# line or run into the text; or a speaker's label in a transcript, one to three words in
# capitals and a colon opening a line, quoted or not ("“PENCE: Well, ...").
_CAPS_RUN = re.compile(
    r"(?:[A-Z0-9][^\sa-z]*[ \t]+){3,}[A-Z0-9][^\sa-z]*"
    r"|(?m:(?:^|(?<=^[\"“]))[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}(?=:\s))"
)
_SURNAME = re.compile(r"[A-Z][a-z][\w'’-]+")
_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’.-]*[A-Z.](?![\w'’-])")


def _surnames(mentions: list[Mention]) -> list[str]:
    """Last words, written like a name ("Woods", not "and"), of persons named in full."""
    return [
        m.tokens[-1]
        for m in mentions
        if m.label == "PERSON" and len(m.tokens) > 1 and _SURNAME.fullmatch(m.tokens[-1])
    ]


def names_in_capitals(mentions: list[Mention], body: str) -> list[Mention]:
    """Uncovered names in a run of words in capitals (a wire headline: "SHEARER NAMED AS
    ENGLAND CAPTAIN", "ROMANIA BEAT LITHUANIA"), which the recogniser, trained mostly on
    ordinary case, skips: a name the article gives in ordinary case with one type, a
    person's surname, or a country's name (of four letters or more: "US" may be "us")."""
    names: dict[str, tuple[str, str | None]] = {}
    mixed: set[str] = set()
    for m in mentions:
        if m.label not in _TYPED or m.text.isupper():
            continue
        key = fold(m.text)
        if names.get(key, (m.label,))[0] != m.label:
            mixed.add(key)
        names[key] = (m.label, m.country)
    for surname in _surnames(mentions):
        names.setdefault(fold(surname), ("PERSON", None))
    covered = covered_chars(mentions, body)
    found = []
    for run in _CAPS_RUN.finditer(body):
        words = list(_CAPS_WORD.finditer(body, run.start(), run.end()))
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                if i + n > len(words):
                    continue
                start, end = words[i].start(), words[i + n - 1].end()
                text = body[start:end].rstrip(".") if n > 1 else body[start:end]
                end = start + len(text)
                key = fold(text)
                if key in mixed or any(covered[start:end]):
                    continue
                label, code = names.get(key, (None, None))
                if label is None and len(text) >= 4 and not is_demonym(text):
                    code = country_code(text)
                if code is not None and label is None:
                    label = "GPE"
                if label is not None:
                    found.append(
                        Mention(start, end, text, label, country=code, tokens=tuple(text.split()))
                    )
                    i += n - 1
                    break
            i += 1
    return found


_HOLIDAY = re.compile(
    r"Christmas|Easter|Ramadan|Eid|Thanksgiving|Halloween|Hanukkah|Passover|Diwali|Lent|Advent"
)


def surname_mentions(mentions: list[Mention], body: str) -> list[Mention]:
    """Uncovered occurrences of the surname of a person the article names in full ("Tiger
    Woods ... Woods, who turned pro"), where no other kind of name has the word and the
    article never writes it in small letters ("Given", "Such" are words too)."""
    # not "Christmas" of "Merry Christmas" read as a person
    surnames = {name for name in _surnames(mentions) if not _HOLIDAY.fullmatch(name)}
    for m in mentions:
        if m.label != "PERSON":
            surnames.discard(m.text)
    covered = covered_chars(mentions, body)
    found = []
    for name in surnames:
        if re.search(rf"(?<![\w'’-]){re.escape(name.lower())}(?![\w'’-])", body):
            continue
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", body):
            if any(covered[hit.start() : hit.end()]) or _in_longer_name(body, *hit.span()):
                continue
            found.append(Mention(*hit.span(), name, "PERSON", tokens=(name,)))
    return found


_HOMETOWN = re.compile(
    r"\s+of\s+(?!The\b)([A-Z][\w'’.-]*[\w.](?:\s+[A-Z][\w'’-]*\w)?)"
    r"(?![\w'’-]|\s+[A-Z]|\s+(?:of|and|&)\s)"
)


def hometowns(mentions: list[Mention], body: str) -> list[Mention]:
    """A known place after a person's name and "of" that no mention covers: "Rep. Dan
    Caulkins of Decatur", "Sarah Lund of Leeds" (the person's town, as local news writes)."""
    covered = covered_chars(mentions, body)
    named = {m.text for m in mentions}  # a name read elsewhere is left to the vote
    found = []
    for m in mentions:
        hit = _HOMETOWN.match(body, m.end) if m.label == "PERSON" else None
        if hit is None or any(covered[hit.start(1) : hit.end(1)]) or hit.group(1) in named:
            continue
        text = hit.group(1).rstrip(".") if hit.group(1).count(".") == 1 else hit.group(1)
        if is_known_place(text):
            start = hit.start(1)
            found.append(
                Mention(
                    start,
                    start + len(text),
                    text,
                    "GPE",
                    country=country_code(text),
                    tokens=tuple(text.split()),
                )
            )
    return found


def online_companies(mentions: list[Mention], body: str) -> list[Mention]:
    """Occurrences of a listed online company ("Twitter", "Facebook") no mention covers."""
    covered = covered_chars(mentions, body)
    found = []
    for hit in _ONLINE.finditer(body):
        if any(covered[hit.start() : hit.end()]) or re.match(
            r"\s+[A-Z]", body[hit.end() : hit.end() + 3]
        ):
            continue  # "Google Maps"
        before = _WORD_BEFORE_NAME.search(body, max(0, hit.start() - 30), hit.start())
        if before is None or _sentence_start(body, before.start()) or before.group(1)[-1] == ".":
            found.append(Mention(*hit.span(), hit.group(0), "ORG", tokens=(hit.group(0),)))
    return found


_ONLINE = re.compile(r"(?<![\w'’@#.-])(?:" + "|".join(sorted(ONLINE_COMPANIES)) + r")(?![\w'’-])")


def _in_longer_name(body: str, start: int, end: int) -> bool:
    """True when a capitalised word runs on either side ("Paulo" in "João Paulo")."""
    before = re.search(r"([A-Z][\w'’.-]*)\s+$", body[max(0, start - 30) : start])
    after = re.match(r"\s+[A-Z]", body[end : end + 3])
    return bool(before and not _sentence_start(body, start - len(before.group(0)))) or bool(after)


def _sentence_start(body: str, i: int) -> bool:
    return not body[:i].strip() or body[:i].rstrip()[-1] in '.!?\n"”'


def missed_places(mentions: list[Mention], body: str) -> list[Mention]:
    """Known place names in a geographic context ("in X", "X-based", "Y, X") no mention
    covers."""
    covered = covered_chars(mentions, body)
    found = []
    for hit in _GEO_PHRASE.finditer(body):
        group = next(g for g in (1, 2, 3) if hit.group(g))
        if _CALENDAR.match(hit.group(group)):
            continue
        text = hit.group(group).rstrip(".")
        start, end = hit.start(group), hit.start(group) + len(text)
        if "\n" in text or any(covered[start:end]) or is_demonym(text):
            continue
        if names_other_place(body, end) or not is_known_place(text):
            continue  # the whole capitalised run must be the name: "Clay Center" is not "Clay"
        if group == 3 and not in_geo_context(body, start, end):
            continue  # after a comma only a division after a place: "New Quay, Ceredigion"
        code = country_code(text)
        found.append(Mention(start, end, text, "GPE", country=code, tokens=tuple(text.split())))
    return found
