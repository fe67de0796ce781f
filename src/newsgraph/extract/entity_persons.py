"""Persons' names the recogniser cuts short or misses.

Monarchs and popes: "Queen Elizabeth II", "Sultan Hassanal Bolkiah". The recogniser often misses a name after a royal title, takes the title in and calls
the whole an organisation, or leaves the regnal numeral out ("Queen Elizabeth I" ->
"Elizabeth"). A royal title before a given name (or before any name with a numeral)
names a person: the name with its numeral, the title as the description.

Surnames with a particle: "Erik ten Hag" read as "Erik" and a number, later "ten Hag"
alone. The particle and the capitalised word after it belong to the name.
"""

from __future__ import annotations

import re

from newsgraph.extract.entity_names import Mention, covered_chars
from newsgraph.gazetteer import load_gazetteer
from newsgraph.gazetteer.features import feature_type
from newsgraph.lexicon.given_names import SURNAME_PARTICLES, is_given_name

_ROYAL = re.compile(
    r"\b(?P<title>Queen|King|Prince|Princess|Pope|Emperor|Empress|Sultan|Tsar|Czar|Emir|"
    r"Crown Prince|Grand Duke)\s+"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?){0,2}?)"
    r"(?:\s+(?P<numeral>[IVX]{1,5}))?"
    # the name ends here: no capitalised word or hyphen runs on, and no possessive of a
    # longer name ("Prince George's County"; "Queen Camilla's niece" is hers)
    r"(?![\w-]|['’](?!s\b)|\s+[A-Z]|['’]s\s+[A-Z])"
)


def royal_names(mentions: list[Mention], body: str) -> list[Mention]:
    """The mentions with royal names found, extended over their numeral or retyped."""
    out = list(mentions)
    for hit in _ROYAL.finditer(body):
        name = hit.group("name")
        start, end = hit.start("name"), hit.end()
        overlapping = [m for m in out if m.start < end and hit.start() < m.end]
        if len(overlapping) > 1 or (
            overlapping and not (hit.start() <= overlapping[0].start and overlapping[0].end <= end)
        ):
            continue  # a longer name holds the title ("Queen Elizabeth Hospital")
        # the recogniser read title and name as one name ("Sultan Hassanal Bolkiah")
        titled = bool(overlapping) and overlapping[0].start == hit.start()
        if feature_type(name) or not (
            is_given_name(name.split()[0]) or hit.group("numeral") or titled
        ):
            continue
        text = body[start:end]
        found = Mention(start, end, text, "PERSON", description=hit.group("title"))
        found.tokens = tuple(text.split())
        if overlapping:
            found.description = overlapping[0].description or found.description
            out.remove(overlapping[0])
        out.append(found)
    return sorted(out, key=lambda m: m.start)


_PARTICLE_SURNAME = re.compile(
    rf"\s+((?:(?:{'|'.join(sorted(SURNAME_PARTICLES))})\s+){{1,2}}[A-Z][\w'’-]+)"
)


_GIVEN_BEFORE_PARTICLE = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]+)(?=" + _PARTICLE_SURNAME.pattern + ")"
)


def _given_with_particle(mentions: list[Mention], body: str) -> list[Mention]:
    """A person's name the recogniser missed, "Ana de Armas": a given name before a
    particle surname (which the caller adds), unless the whole names a place ("Marina del
    Rey")."""
    found = []
    for hit in _GIVEN_BEFORE_PARTICLE.finditer(body):
        end = _PARTICLE_SURNAME.match(body, hit.end()).end()
        if (
            is_given_name(hit.group(1))
            and not any(m.start < end and hit.start() < m.end for m in mentions)
            and not load_gazetteer().lookup(body[hit.start() : end])
        ):
            found.append(
                Mention(hit.start(), hit.end(), hit.group(1), "PERSON", tokens=(hit.group(1),))
            )
    return found


def particle_surnames(mentions: list[Mention], body: str) -> list[Mention]:
    """Persons' mentions extended over a particle surname the recogniser left out, and the
    surname's later uses alone ("ten Hag said") as mentions of the person."""
    mentions = mentions + _given_with_particle(mentions, body)
    surnames: set[str] = set()
    for m in mentions:
        hit = _PARTICLE_SURNAME.match(body, m.end) if m.label == "PERSON" else None
        if hit is None or any(
            o.start < hit.end() and m.end < o.end for o in mentions if o is not m
        ):
            continue
        m.end = hit.end()
        m.text = body[m.start : m.end]
        m.tokens = tuple(m.text.split())
        surnames.add(hit.group(1))
    if not surnames:
        return mentions
    covered = covered_chars(mentions, body)
    found = [
        Mention(hit.start(), hit.end(), hit.group(0), "PERSON", tokens=tuple(hit.group(0).split()))
        for surname in surnames
        for hit in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", body)
        if not any(covered[hit.start() : hit.end()])
    ]
    return sorted(mentions + found, key=lambda m: m.start)
