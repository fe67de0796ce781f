"""Grouping cleaned mentions into one entity per real-world actor.

Rules, in order:
- the same name in different types is one entity, typed by vote ("Ganja"
  once a person, once a place, is a place);
- countries group by their country code, nationality words by their singular;
- a person's shorter name ("Deek", "Donald Trump") joins the fuller one with
  the same surname ("George Deek", "Donald J. Trump"), preferring the latest
  one before it; a lone first name joins the only person who has it;
- an acronym the text defines ("... Guard Corps (IRGC)") joins its expansion;
- an organisation's short name that begins its full one ("the Working Group",
  after "the Working Group for Azerbaijan-Israel ... Relations") joins it;
- everything else groups by its folded name and type.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.countries import country_code, country_name, is_country_name
from newsgraph.extract.entity_names import (
    Mention,
    covered_chars,
    ends_in_company_word,
    fold,
    storm_name,
    without_legal_form,
)
from newsgraph.gazetteer.context import is_known_place

# When one name gets several types equally often, the first here wins.
_PRIORITY = ("GPE", "ORG", "PERSON", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART")
_PERSON_OR_PLACE = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")


@dataclass
class Cluster:
    """The mentions of one entity and what they say about it."""

    label: str
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None

    @property
    def name(self) -> str:
        """The fullest form: most words, then most letters, then first seen."""
        if self.label == "NORP":
            singular = [m.text for m in self.mentions if not m.text.endswith("s")]
            if singular:
                return singular[0]
        best = max(self.mentions, key=lambda m: (len(m.tokens), len(m.text), -m.start))
        return best.text

    @property
    def description(self) -> str | None:
        found = [m.description for m in self.mentions if m.description]
        return max(found, key=len) if found else None

    @property
    def key(self) -> str:
        if self.country and self.label == "GPE" and is_country_name(self.name):
            return f"gpe:{fold(country_name(self.country) or self.name)}"
        if self.label == "NORP":
            name = _singular(self.name)
        elif self.label == "ORG":
            name = fold(without_legal_form(self.name))
        else:
            name = fold(self.name)
        return f"{self.label.lower()}:{name}"

    @property
    def aliases(self) -> list[str]:
        name, seen, out = self.name, set(), []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.text != name and m.text not in seen:
                seen.add(m.text)
                out.append(m.text)
        return out


def _singular(word: str) -> str:
    """Folded nationality word without a plural -s: 'Azerbaijanis' -> 'azerbaijani'."""
    folded = fold(word)
    if folded.endswith("s") and country_code(folded[:-1]) == country_code(folded):
        return folded[:-1]
    return folded


def vote_labels(mentions: list[Mention]) -> None:
    """Settle person-or-place doubts: the same name gets the type most of its mentions have.

    Only a person/place disagreement is settled ("Ganja" once a person, once
    a city); organisation against place is often right both ways ("New York"
    the team and the city).
    """
    votes: dict[str, Counter] = {}
    for m in mentions:
        votes.setdefault(fold(m.text), Counter())[m.label] += 1
    for m in mentions:
        counts = votes[fold(m.text)]
        if len(counts) > 1 and set(counts) <= _PERSON_OR_PLACE and "PERSON" in counts:
            top = max(counts.values())
            tied = [lab for lab, n in counts.items() if n == top]
            m.label = min(tied, key=lambda lab: _PRIORITY.index(lab) if lab in _PRIORITY else 99)


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` names the person ``full`` names: same surname, no clash before it."""
    if len(short) >= len(full) or fold(short[-1]) != fold(full[-1]):
        return False
    if len(short) == 1:
        return True
    if short[0].islower():  # a surname with its particle: "ten Hag", "van der Vaart"
        return [fold(t) for t in short] == [fold(t) for t in full[-len(short) :]]
    first_s, first_f = fold(short[0]).rstrip("."), fold(full[0]).rstrip(".")
    return first_s == first_f or (len(first_s) == 1 and first_f.startswith(first_s))


def _acronym_definitions(mentions: list[Mention], body: str, window: int) -> dict[str, int]:
    """Acronym -> index of the mention it abbreviates, for 'Long Name (ACR)' in the text,
    the bracket opening within ``window`` characters of the name."""
    defs: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if len(m.tokens) < 2:
            continue
        match = re.match(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)", body[m.end : m.end + window])
        if match and _ACRONYM.match(match.group(1)):
            defs.setdefault(match.group(1), i)
    return defs


def acronym_mentions(mentions: list[Mention], body: str, window: int) -> list[Mention]:
    """Mentions of defined acronyms the recogniser missed, found by plain search;
    ``window``: characters after a name searched for its bracketed acronym."""
    defs = _acronym_definitions(mentions, body, window)
    if not defs:
        return []
    covered = covered_chars(mentions, body)
    extra = []
    for acr, i in defs.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", body):
            if any(covered[hit.start() : hit.end()]):
                continue
            extra.append(Mention(hit.start(), hit.end(), acr, mentions[i].label, tokens=(acr,)))
    return extra


def cluster(mentions: list[Mention], body: str, acronym_window: int) -> list[Cluster]:
    """Mentions (in text order) grouped into entities, in order of first mention;
    ``acronym_window`` as in ``acronym_mentions``."""
    mentions = sorted(mentions, key=lambda m: m.start)
    vote_labels(mentions)
    acronyms = _acronym_definitions(mentions, body, acronym_window)
    clusters: list[Cluster] = []
    owner: dict[int, Cluster] = {}
    by_key: dict[tuple, Cluster] = {}
    persons: list[Cluster] = []
    pending: list[int] = []

    def add(i: int, c: Cluster) -> None:
        c.mentions.append(mentions[i])
        owner[i] = c

    for i, m in enumerate(mentions):
        if m.label == "GPE" and m.country and is_country_name(m.text):
            key: tuple = (m.label, m.country)
        elif m.label == "NORP" and m.country:
            key = (m.label, _singular(m.text))
        elif m.text in acronyms and acronyms[m.text] in owner:
            add(i, owner[acronyms[m.text]])
            continue
        elif m.label == "ORG":
            key = (m.label, fold(without_legal_form(m.text)))  # "Pirelli", "Pirelli SpA"
        elif m.label == "EVENT" and (storm := storm_name(m.text)):
            key = (m.label, fold(storm))  # "Tropical Storm Rafael", "Rafael"
        else:
            key = (m.label, fold(m.text))
        if key in by_key:
            add(i, by_key[key])
            continue
        if m.label == "PERSON":
            match = _person_for(m, persons)
            if match is not None:
                add(i, match)
                by_key[key] = match
                continue
            if len(m.tokens) == 1:
                pending.append(i)
                continue
        if m.label == "ORG" and (head := _org_for(m, clusters)) is not None:
            add(i, head)
            by_key[key] = head
            continue
        c = Cluster(m.label, country=m.country)
        clusters.append(c)
        by_key[key] = c
        if m.label == "PERSON":
            persons.append(c)
        add(i, c)
    for i in pending:
        m = mentions[i]
        c = _person_for(m, persons, before=False)
        if c is None:
            key = ("PERSON", fold(m.text))
            c = by_key.get(key) or Cluster("PERSON")
            if key not in by_key:
                by_key[key] = c
                clusters.append(c)
                persons.append(c)
        add(i, c)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


def _org_for(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """The organisation whose fuller name this one begins: 'Working Group' -> '... for ...',
    'Drexel' -> 'Drexel Burnham Lambert Inc.' (a company's name with its legal form),
    'Arvana' -> 'Arvana Semiconductor' (a name and a company's word)."""
    n = len(m.tokens)
    short = [fold(t) for t in m.tokens]
    for c in clusters:
        if c.label != "ORG":
            continue
        for other in c.mentions:
            full = [fold(t) for t in other.tokens]
            if len(full) <= n or full[:n] != short:
                continue
            if len(full) == n + 1:
                if ends_in_company_word(other.tokens) and not _named_elsewhere(short, c, clusters):
                    return c
                continue
            if n > 1 and full[n] in ("for", "of", "on"):
                return c
            if without_legal_form(other.text) != other.text:
                return c
    return _team_for(m, clusters) if n == 1 else None


def _named_elsewhere(words: list[str], own: Cluster, clusters: list[Cluster]) -> bool:
    """Is the name part of another organisation's ("Warner" of "Time Warner", beside
    "Warner Bros")? Then which one it shortens is a guess."""
    n = len(words)
    return any(
        c is not own
        and c.label == "ORG"
        and any(
            [fold(t) for t in m.tokens[k : k + n]] == words
            for m in c.mentions
            for k in range(len(m.tokens) - n + 1)
        )
        for c in clusters
    )


def _team_for(m: Mention, clusters: list[Cluster]) -> Cluster | None:
    """'United' after 'Manchester United': the second word of one organisation named by a
    place and a word is that organisation, where no other one shares the word."""
    word = fold(m.text)
    found = {
        id(c): c
        for c in clusters
        if c.label == "ORG"
        for other in c.mentions
        if len(other.tokens) == 2
        and fold(other.tokens[1]) == word
        and is_known_place(other.tokens[0])
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _person_for(m: Mention, persons: list[Cluster], before: bool = True) -> Cluster | None:
    """The person entity a shorter name refers to: the latest one before it, or the only one."""

    def refers(other: Mention) -> bool:
        if _same_person(m.tokens, other.tokens):
            return True
        # A fuller name after a shorter one ("Donald Trump", then "Donald J. Trump").
        return len(other.tokens) > 1 and _same_person(other.tokens, m.tokens)

    found = [
        c
        for c in persons
        if any(refers(other) for other in c.mentions)
        and (not before or c.mentions[0].start < m.start)
    ]
    if not found and len(m.tokens) == 1:
        # "Paula" after "Paula Radcliffe": a first name, when only one person has it.
        first = fold(m.tokens[0])
        found = [
            c
            for c in persons
            if any(len(o.tokens) > 1 and fold(o.tokens[0]) == first for o in c.mentions)
            and (not before or c.mentions[0].start < m.start)
        ]
        return found[0] if len(found) == 1 else None
    if before:
        return max(found, key=lambda c: c.mentions[-1].start) if found else None
    return found[0] if len(found) == 1 else None
