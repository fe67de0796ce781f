"""Sports teams named after their town: "Leeds beat Chelsea 2-1", "Arsenal 2 Liverpool 0".

In a result a town's, county's or state's name stands for its team, an organisation,
and must not be geocoded as the town. The recogniser types such names as places (or,
in capitals, as persons). A name is read as a team when one of its mentions stands
where only a competitor can: in a score line, before or after a result verb
("beat", "drew with", "v"), or before a squad role ("Leeds manager"). Every mention
of that name in the article then becomes the team, except where the words around
place it on a map ("in Leeds", "ARLINGTON, Texas"). Countries stay places: national
sides are named by their country, and a reader looking for the country finds it.
A name that ends in a club word ("Manchester United", "Blackburn Rovers") is a team
wherever it stands, unless the gazetteer knows it as a place.
"""

from __future__ import annotations

import re

from newsgraph.extract.entity_names import Mention, fold, person_name_parts
from newsgraph.gazetteer import load_gazetteer
from newsgraph.gazetteer.context import in_geo_context

_RETYPED = frozenset({"GPE", "LOC", "PERSON", "FAC"})
_CLUB_WORD = re.compile(
    r"\s(?:United|Rovers|Wanderers|Athletic|Athletico|Albion|Hotspur|Rangers|FC|F\.C\.|AFC|CF)$"
)
# Words after a town's name that make a club's name where it competes, though the town and
# the word together may also name a place ("Stoke City", "Derby County").
_CLUB_SECOND_WORDS = frozenset(
    "Forest Villa Palace City Town County Argyle Orient Wednesday Alexandra Vale Stanley".split()
)
_RESULT_VERB = (
    r"(?:beat|beats|beating|defeated|defeats|defeating|drew\s+with|draw\s+with|drawing\s+with|"
    r"lost\s+to|lose\s+to|losing\s+to|edged|thrashed|routed|"
    r"crushed|hammered|overcame|outplayed|eliminated|knocked\s+out|v|vs\.?|versus)"
)
# What a player does for a side: "homered for Cleveland", "equalised for Real".
_SCORED = r"(?:homer(?:ed|s)?|scored|score|goals?|equali[sz]ed|try|tries|touchdowns?)"
# What only a competitor is followed by: a result verb, a squad role, or a score
# ("Leeds 2 Chelsea 1", a table row "Birmingham 2 1 1 0 5 Reading"; not a year, and not a
# tennis set "6-4").
_AFTER = re.compile(
    rf"(?:'s)?\s+(?:{_RESULT_VERB}|manager|coach|striker|goalkeeper|midfielder|defender|"
    r"captain|skipper|pitcher|quarterback|batsman|bowler|fans|supporters|squad|boss|"
    r"\d{1,3}(?:\s+\d{1,3})*(?![\d.,:/-])(?=\s*(?:$|\n|[,;(]|\s[A-Z])))\b",
    re.MULTILINE,
)
# ... or preceded by: a result verb, or the first side's score in a score line.
_BEFORE = re.compile(rf"(?:\b{_RESULT_VERB}|[A-Za-z]\s\d{{1,3}})\s+(?:the\s+)?$")
# Words that make a place's name a side, though a person's could stand there too ("Milan
# chairman", "homered for Seattle", "a victory over Leeds"; not "Trump's victory over
# Clinton"). Not "lead over" or "win over": places lead in figures and voters are won over.
_SIDE_AFTER = re.compile(r"(?:'s)?\s+(?:side|chairman|players|keeper|forward|winger)\b")
_SIDE_BEFORE = re.compile(rf"\b(?:{_SCORED}\s+for|(?:victory|winners)\s+over)\s+(?:the\s+)?$")
# A state or country after its town: "ARLINGTON, Texas".
_QUALIFIER = re.compile(r"[A-Z][\w.]*\s*,\s*$")


def is_club_name(name: str) -> bool:
    """'Manchester United', 'Blackburn Rovers': a name that ends in a club word."""
    return _CLUB_WORD.search(name) is not None


def _is_country(name: str) -> bool:
    return any(c.feature == "PCLI" for c in load_gazetteer().lookup(name))


# How far before a name its result verb or the other side's score may start.
_LOOK_BACK = 30


def _competes(m: Mention, body: str) -> bool:
    line_start = body.rfind("\n", max(0, m.start - _LOOK_BACK), m.start) + 1
    before = body[max(line_start, m.start - _LOOK_BACK) : m.start]
    if _AFTER.match(body, m.end) or _BEFORE.search(before):
        return True
    return m.label != "PERSON" and bool(
        _SIDE_AFTER.match(body, m.end) or _SIDE_BEFORE.search(before)
    )


def retype_teams(mentions: list[Mention], body: str) -> None:
    """Type as ORG every mention of a name that competes somewhere in the article.

    A part of a person's name in the article is that person, competing or not
    ("Agassi beat Washington" after "MaliVai Washington").
    """
    gaz = load_gazetteer()
    person_parts = person_name_parts(mentions)
    teams: set[str] = set()
    for m in mentions:
        name = fold(m.text)
        if m.label not in _RETYPED or m.country is not None or name in person_parts:
            continue
        if is_club_name(m.text):
            if not gaz.lookup(m.text):
                teams.add(name)
        elif _competes(m, body) and (
            (gaz.lookup(m.text) and not _is_country(m.text)) or _town_and_word(m)
        ):
            teams.add(name)
    # "Forest boss Nuno" after "Nottingham Forest": a team's second word, where it competes
    seconds = {name.split()[1] for name in teams if len(name.split()) == 2}
    persons = person_name_parts([m for m in mentions if fold(m.text) not in teams])
    for m in mentions:
        name = fold(m.text)
        if name in seconds and name not in persons and _competes(m, body):
            teams.add(name)
    for m in mentions:
        if fold(m.text) in teams and m.label in _RETYPED and not _placed(m, body):
            m.label = "ORG"


def _town_and_word(m: Mention) -> bool:
    """A town's name and a word clubs take after it ("Nottingham Forest", "Stoke City";
    not "Austin Krajicek"): a club's name, where it competes."""
    return (
        len(m.tokens) == 2
        and m.tokens[1] in _CLUB_SECOND_WORDS
        and any(not c.is_area for c in load_gazetteer().lookup(m.tokens[0]))
    )


def _placed(m: Mention, body: str) -> bool:
    """The words around put this mention on a map: "in Leeds", "ARLINGTON, Texas"."""
    before = body[max(0, m.start - _LOOK_BACK) : m.start]
    return in_geo_context(body, m.start, m.end) or bool(_QUALIFIER.search(before))
