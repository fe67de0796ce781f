"""The entities annotator: one Entity per real-world actor in the article.

The recogniser's spans (``doc.ents``, numeric types skipped) are cleaned into
names (``entity_names``), corrected where the article itself shows the type
("Ganja and Barda" after a "Ganja" that is a place; one type per name, settled
by the gazetteer, given names and state actors in ``entity_evidence``), and grouped into
entities (``entity_merge``). Every mention span is an offset into
``article.body`` (``doc.text == article.body``).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field
from spacy.tokens import Doc

from newsgraph.extract import annotator
from newsgraph.extract.entity_evidence import (
    hometowns,
    institution_mentions,
    missed_places,
    names_in_capitals,
    online_companies,
    repeated_mentions,
    settle_types,
    surname_mentions,
)
from newsgraph.extract.entity_merge import acronym_mentions, cluster, vote_labels
from newsgraph.extract.entity_names import STORM, Mention, clean_mention, give_way
from newsgraph.extract.entity_persons import particle_surnames, royal_names
from newsgraph.extract.entity_teams import is_club_name, retype_teams
from newsgraph.extract.entity_works import quoted_works
from newsgraph.gazetteer import load_gazetteer
from newsgraph.gazetteer.context import in_geo_context, is_known_place
from newsgraph.lexicon.institutions import FOREIGN_INSTITUTION_WORDS
from newsgraph.nlp import text_of
from newsgraph.record import Article, Entity, Span

# Dates, numbers and amounts belong to other annotators.
NUMERIC = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
_COORDINATORS = frozenset({"and", "or", ",", "&"})


class EntitiesSettings(BaseModel):
    """The entities annotator's look-around windows."""

    title_window: int = Field(
        12,
        description="Tokens before a name (within its sentence) read for a title "
        '("Israeli Ambassador to Azerbaijan George Deek").',
    )
    appositive_window: int = Field(
        12,
        description="Tokens after a person's name within which an appositive title must end "
        '("George Deek, Israel\'s ambassador to Azerbaijan,").',
    )
    country_max_tokens: int = Field(
        6, description="Longest span, in tokens, looked up as a country or nationality name."
    )
    acronym_window: int = Field(
        14,
        description='Characters after a multi-word name searched for its acronym ("... (IRGC)").',
    )


# A town this large is a city a listed one-word "person" may be ("Ganja and Barda").
_CITY_POPULATION = 15_000


def _is_city(name: str) -> bool:
    return any(
        c.feature.startswith("PPL") and c.population >= _CITY_POPULATION
        for c in load_gazetteer().lookup(name)
    )


def _fix_coordinated_places(mentions: list[Mention], body: str) -> None:
    """'Ganja and Barda': a one-word 'person' listed with a place, and named like a city, is one."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = body[a.end : b.start].strip()
        if between not in _COORDINATORS:
            continue
        for place, other in ((a, b), (b, a)):
            if (
                place.label == "GPE"
                and other.label == "PERSON"
                and len(other.tokens) == 1
                and _is_city(other.text)
            ):
                other.label = "GPE"


def mentions_of(doc: Doc, settings: EntitiesSettings | None = None) -> list[Mention]:
    """Cleaned, non-numeric entity mentions of a parsed document, in text order."""
    settings = settings or EntitiesSettings()
    body = text_of(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ in NUMERIC:
            continue
        mention = clean_mention(
            doc,
            ent,
            title_window=settings.title_window,
            appositive_window=settings.appositive_window,
            country_max_tokens=settings.country_max_tokens,
        )
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda m: m.start)
    found = _join_shared_bodies(_join_of_phrases(_join_split_places(found, body), body), body)
    found = _named_storms(institution_mentions(_foreign_institutions(found, body), body), body)
    found = particle_surnames(royal_names(found, body), body)
    found = sorted(found + missed_places(found, body), key=lambda m: m.start)
    found = sorted(found + online_companies(found, body), key=lambda m: m.start)
    found = sorted(found + hometowns(found, body), key=lambda m: m.start)
    found = quoted_works(settle_types(found, body), body)
    found = sorted(found + repeated_mentions(found, body), key=lambda m: m.start)
    found = sorted(found + names_in_capitals(found, body), key=lambda m: m.start)
    found = sorted(found + surname_mentions(found, body), key=lambda m: m.start)
    vote_labels(found)
    _fix_coordinated_places(found, body)
    _retype_name_parts(found, body)
    retype_teams(found, body)
    return found


def _retype_name_parts(mentions: list[Mention], body: str) -> None:
    """'Mohamed' typed ORG after 'Ahmed Mohamed': a person's surname or first name is the person.

    A known place name stays a place where the words around place it ("in Washington",
    "visited Washington" after "George Washington"). A "name" that is a person already named followed by a
    known place ("Lebed Chechnya peace plan", a headline misread) names no one.
    """
    persons = {m.text for m in mentions if m.label == "PERSON"}
    parts: set[str] = set()
    for m in mentions:
        if m.label != "PERSON" or len(m.tokens) < 2 or is_club_name(m.text):
            continue
        if " ".join(m.tokens[:-1]) in persons and is_known_place(m.tokens[-1], areas_only=True):
            continue
        parts.add(m.tokens[-1])
        parts.add(m.tokens[0])
    for m in mentions:
        if (
            m.label != "PERSON"
            and len(m.tokens) == 1
            and (m.text in parts or _capitals_of(m, parts))
            and m.country is None
            and not (is_known_place(m.text) and _placed(body, m.start, m.end))
        ):
            m.label = "PERSON"


def _capitals_of(m: Mention, parts: set[str]) -> bool:
    """Is the mention a part of a person's name in capitals ("DELGADO:" in a transcript)
    that the recogniser does not call a place ("NEWARK" opening a story is the town,
    whoever "Newark Fire" is)?"""
    return m.text.isupper() and m.text.title() in parts and m.label not in _PLACE_LABELS


# A journey's end or start puts a name on a map, as "in X" does.
_TRAVEL_BEFORE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|(?:flew|flies|fly|travel(?:l?ed)?|returned|moved|went|came)\s+"
    r"(?:back\s+)?(?:to|from))\s+$"
)


def _placed(body: str, start: int, end: int) -> bool:
    return in_geo_context(body, start, end) or bool(
        _TRAVEL_BEFORE.search(body[max(0, start - 40) : start])
    )


_CONNECTORS = (" for ", " of ", " on ")
# A run of capitalised words, hyphenated or joined by small words: the rest of a proper name.
_NAME_RUN = re.compile(
    r"[A-Z][\w'’.&]*(?:[-–][A-Z][\w'’.&]*)*"
    r"(?:\s+(?:(?:and|of|for|on|the)\s+)?[A-Z][\w'’.&]*(?:[-–][A-Z][\w'’.&]*)*)*"
)


_PLACE_LABELS = frozenset({"GPE", "LOC"})
# The rest of a place's name after a hyphen: "-Sheikh" of "Sharm El-Sheikh".
_HYPHEN_AFTER = re.compile(r"[-–][A-Z][\w'’]*")
# A word abbreviated before a place's name ("ST.", "Ft.", "MT."), right before a piece.
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Z][A-Za-z]{1,2}\. ?$")


def _join_split_places(mentions: list[Mention], body: str) -> list[Mention]:
    """'ST' + 'LOUIS' from a dateline in capitals: two place pieces a dot or a space
    apart that together are a known place's name are that place.

    The recogniser also cuts an abbreviated first word off whatever follows it, and
    types the pieces as it likes ("ST" an organisation and "LOUIS" a place, "ST" and
    "JOHN'S" a person, "FT." nothing and "WORTH" a place): an abbreviation and a dot
    before a piece, which together are a known place, are that place when the piece is
    a place or the whole name is in capitals, as a dateline is. A place cut before a
    hyphen ("Sharm El" + "-Sheikh") runs on over it when the whole is a known place."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.start < prev.end:
            continue  # a piece of a place already joined ("Sheikh" of "Sharm El-Sheikh")
        tail = _HYPHEN_AFTER.match(body, m.end) if m.label in _PLACE_LABELS else None
        if tail is not None and is_known_place(body[m.start : tail.end()]):
            m = _place_mention(body, m.start, tail.end())
        if (
            prev is not None
            and prev.label in _PLACE_LABELS
            and m.label in _PLACE_LABELS
            and body[prev.end : m.start] in (".", ". ", " ")
            and is_known_place(body[prev.start : m.end])
        ):
            out[-1] = _place_mention(body, prev.start, m.end)
            continue
        start = _abbreviated_start(body, m)
        if start is not None:
            if prev is not None and prev.end > start:
                if prev.start < start:
                    out.append(m)
                    continue
                out.pop()  # the abbreviation's own piece ("ST" typed an organisation)
            m = _place_mention(body, start, m.end)
        out.append(m)
    return out


def _abbreviated_start(body: str, m: Mention) -> int | None:
    """Where a place's name starts whose abbreviated first word the recogniser cut off
    ("FT. WORTH"), or None."""
    abbrev = _ABBREVIATION_BEFORE.search(body, max(0, m.start - 5), m.start)
    if abbrev is None:
        return None
    name = body[abbrev.start() : m.end]
    if m.label not in _PLACE_LABELS and not name.isupper():
        return None
    return abbrev.start() if is_known_place(name) else None


def _place_mention(body: str, start: int, end: int) -> Mention:
    text = body[start:end]
    return Mention(start, end, text, "GPE", tokens=tuple(text.split()))


def _join_of_phrases(mentions: list[Mention], body: str) -> list[Mention]:
    """'Working Group' + 'for' + 'Azerbaijan-Israel Interparliamentary Relations': one name.

    An organisation followed by for/of/on and a capitalised run that holds an
    organisation, or words the recogniser left out, is one organisation's name,
    whatever pieces the recogniser cut it into. A person's name ends the run.
    """
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        prev = out[-1] if out else None
        if (
            prev is None
            or prev.label != "ORG"
            or prev.description
            or body[prev.end : m.start] not in _CONNECTORS
            or m.label == "PERSON"
        ):
            out.append(m)
            i += 1
            continue
        run = _NAME_RUN.match(body, m.start)
        run_end = run.end() if run else m.end
        j = i
        while j < len(mentions) and mentions[j].start < run_end and mentions[j].label != "PERSON":
            j += 1
        inside = mentions[i:j]
        if j < len(mentions) and mentions[j].start < run_end:  # a person ends the name
            run_end = mentions[j].start
        end = len(body[: max(run_end, inside[-1].end)].rstrip(" -–"))
        if not (any(x.label == "ORG" for x in inside) or end > inside[-1].end):
            out.append(m)
            i += 1
            continue
        text = body[prev.start : end]
        out[-1] = Mention(prev.start, end, text, "ORG", tokens=tuple(text.split()))
        i = j
    return out


# The last word of a public body named for two areas or fields: "Avon and Somerset Police",
# "Nigerian Midstream and Downstream Petroleum Regulatory Authority".
_SHARED_BODY = re.compile(
    r"\b(?:Police|Constabulary|Council|Service|Trust|Board|Authority|Commission|Association)$"
)
# One to three capitalised words and "and" just before the body's mention, not "The".
_FRONT = re.compile(r"(?<![\w'’-])(?:The )?((?:[A-Z][\w'’-]*\s){0,2}[A-Z][\w'’-]*)(?: and | & )$")


def _join_shared_bodies(mentions: list[Mention], body: str) -> list[Mention]:
    """'Avon' + 'and' + 'Somerset Police': one organisation, whatever the recogniser made of
    the words before "and" ("Avon" a person, "Nigerian Midstream" nothing)."""
    out: list[Mention] = []
    for m in mentions:
        front = None
        if m.label == "ORG" and _SHARED_BODY.search(m.text):
            front = _FRONT.search(body, max(0, m.start - 80), m.start)
        if front is not None:
            start = front.start(1)
            before = [p for p in out if p.end > start]
            if all(p.start >= start and not p.description for p in before) and not any(
                p.label == "PERSON" and " " in p.text for p in before
            ):
                del out[len(out) - len(before) :]
                text = body[start : m.end]
                m = Mention(start, m.end, text, "ORG", tokens=tuple(text.split()))
        out.append(m)
    return out


# An institution named in another language (`lexicon.institutions`): its word, then
# capitalised words joined by the small words of that language. The recogniser cuts such
# names into persons and places ("Fundación Ideas" + "Paz", "Nación" + "Argentina").
_FOREIGN_INSTITUTION = re.compile(
    r"\b(?:" + "|".join(sorted(w.capitalize() for w in FOREIGN_INSTITUTION_WORDS)) + ")"
    r"(?:\s+(?:(?:de|del|la|las|los|el|para|pour|le|les|des|du|da|do|dos|das|della|di|per|"
    r"y|e|et|und|für)\s+)*[A-ZÀ-Þ][\w'’-]*)+"
)


def _foreign_institutions(mentions: list[Mention], body: str) -> list[Mention]:
    """Each institution named in another language is one organisation, whatever pieces
    the recogniser made of it: they give way to it."""
    found = [
        Mention(hit.start(), hit.end(), hit.group(0), "ORG", tokens=tuple(hit.group(0).split()))
        for hit in _FOREIGN_INSTITUTION.finditer(body)
        if " " in hit.group(0)
    ]
    return give_way(mentions, found)


def _named_storms(mentions: list[Mention], body: str) -> list[Mention]:
    """Storms are events, never the person ("Storm Bert") or the place ("Hurricane
    Florence") their name is: each replaces the mentions it overlaps."""
    storms = [
        Mention(hit.start(), hit.end(), hit.group(), "EVENT", tokens=tuple(hit.group().split()))
        for hit in STORM.finditer(body)
    ]
    names = {s.tokens[-1] for s in storms}
    for m in mentions:
        if m.text in names:  # "Rafael strengthened": the storm again
            m.label, m.country = "EVENT", None
    return give_way(mentions, storms)


@annotator("entities", assigns=("entities",), settings=EntitiesSettings)
def annotate_entities(doc: Doc, article: Article, settings: EntitiesSettings | None = None) -> None:
    """Fill ``article.entities``: merged mentions, names, descriptions, countries, keys."""
    settings = settings or EntitiesSettings()
    body = article.body
    mentions = mentions_of(doc, settings)
    mentions += acronym_mentions(mentions, body, settings.acronym_window)
    entities = []
    for n, group in enumerate(cluster(mentions, body, settings.acronym_window), start=1):
        spans = [Span(start=m.start, end=m.end, text=body[m.start : m.end]) for m in group.mentions]
        entities.append(
            Entity(
                id=f"E{n}",
                key=group.key,
                name=group.name,
                type=group.label,
                aliases=group.aliases,
                description=group.description,
                country=group.country,
                mentions=spans,
            )
        )
    article.entities = entities
