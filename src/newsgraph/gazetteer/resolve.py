"""Choosing one place for each toponym, from the article's own context.

Each toponym (a group of mentions of one entity) gets its candidates from the
gazetteer and a score: a prior (population on a log scale, plus a bonus for
countries, continents and states, so that a country's name denotes the
country) and the article's context, gathered in a first pass: the countries
and states that the other toponyms confidently resolve to, and the countries
named through nationality words. A qualifier written after a comma ("Long
Beach, CA", "Athens, Ga.", "Paris, France") restricts the candidates to the
state or country it names.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from newsgraph.countries import country_code, is_country_name
from newsgraph.gazetteer.features import feature_type
from newsgraph.gazetteer.tables import (
    CITY_POPULATION,
    SITES,
    Candidate,
    Gazetteer,
    is_descriptive,
    load_gazetteer,
    name_key,
)


class Ranking(BaseModel):
    """The weights and cut-offs of the choice among same-named places."""

    feature_bonus: dict[str, float] = Field(
        default_factory=lambda: {
            "CONT": 5.0,
            "RGN": 4.0,
            **dict.fromkeys(sorted(SITES), 4.0),
            "PCLI": 4.0,
            "ADM1": 1.0,
            "ADM2": 0.5,
            "PPLC": 2.5,
            "PPL": 0.0,
        },
        description="Prior bonus by GeoNames feature code, so that a country's name denotes "
        "the country (codes not listed get 0).",
    )
    population_weight: float = Field(
        1.3, description="Prior score per factor of ten in a candidate's population."
    )
    main_name_bonus: float = Field(
        1.0, description="Prior bonus when the text writes the place's own name, not an alias."
    )
    city_over_state_population: int = Field(
        1_000_000,
        description="A city at least this large is meant rather than the state of the same "
        'name it lies in ("New York").',
    )
    country_weight: float = Field(
        4.0, description="Context bonus for a candidate in a country the article is about."
    )
    state_weight: float = Field(
        2.0,
        description="Context bonus for a candidate in a first-level division the article is about.",
    )
    county_state_weight: float = Field(
        3.0,
        description="The same bonus for a second-level division: a county's name recurs "
        "across states (18 Montgomery Counties in the US), and local news names its state.",
    )
    confident_margin: float = Field(
        1.0, description="A choice this far ahead of the runner-up counts as context for others."
    )
    context_passes: int = Field(
        2, description="Rounds of re-scoring every toponym with the others' choices as context."
    )
    min_population_without_context: int = Field(
        5000,
        description="A town outside the article's countries smaller than this is dropped "
        "(more often a wrong match than a place).",
    )
    facility_min_population: int = Field(
        100_000,
        description="A facility (FAC) whose name is also a town resolves only to a town at "
        "least this large in the article's countries.",
    )
    backoff_to_focus: bool = Field(
        True,
        description="Place a street or building the gazetteer lacks at the town the text is about.",
    )
    focus_min_mentions: int = Field(
        2,
        description="Mentions a town needs to be the town the text is about (once is enough "
        'for a name that says it is a street or a building: "Royal Street").',
    )
    locate_by_text: bool = Field(
        True,
        description="Place a street, building or feature the gazetteer lacks at the town the "
        'text puts it in ("Collins Avenue in Miami Beach", "Oulton Park, Cheshire").',
    )


# ", Qualifier" right after a toponym: up to four capitalised words or a state code.
_QUALIFIER = re.compile(r"\s*,\s*((?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*){0,3})")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text naming a place: offsets into the text, and the words."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Toponym:
    """The mentions of one place in a text, with the entity type that found them."""

    mentions: tuple[Mention, ...]
    kind: str = "GPE"  # GPE, LOC or FAC


Constraint = tuple[str, str | None]  # (country alpha-2, admin1 code or None)


def _qualifier(gaz: Gazetteer, phrase: str) -> Candidate | None:
    """The country or state a qualifier names ("CA", "Calif.", "France", "New Mexico")."""
    words = phrase.split()[:4]  # "New South Wales"; longer text after a comma is no qualifier
    for n in range(len(words), 0, -1):
        part = " ".join(words[:n]).rstrip(",;:")
        state = gaz.us_state(part) if (len(part) <= 6 and part[:1].isupper()) else None
        if state is not None:
            return state
        for cand in gaz.lookup(part):
            if cand.feature in ("PCLI", "ADM1"):
                return cand
    return None


def _constraint(area: Candidate) -> Constraint:
    return area.cc, (area.admin1 if area.feature == "ADM1" else None)


# What joins two names of one list: "California or Washington", "Oregon, Washington".
_JOINER = r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+"
# One more name of a list: ", Clay", ", and Wilkin", " and Barrow", "/Grant".
_LIST_STEP = re.compile(rf"(?:{_JOINER}|/)[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}}")
_DIVISIONS_AFTER = re.compile(r"\s+([Cc]ounties|[Pp]arishes)\b")
_DIVISION_WORD = {"counties": "County", "parishes": "Parish"}
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&|/)\s*$")


def _division_list(text: str, start: int, end: int) -> str | None:
    """'County' when the name ending at ``end`` is one of a list closed by "counties"
    ("Becker, Clay, Douglas and Wilkin counties"), 'Parish' by "parishes", else None.
    One name alone before "counties" is a state's or an area's ("Indiana counties",
    "metro Athens counties")."""
    pos = end
    for steps in range(16):
        closing = _DIVISIONS_AFTER.match(text, pos)
        if closing is not None:
            listed = steps or _LIST_BEFORE.search(text, max(0, start - 6), start)
            return _DIVISION_WORD[closing.group(1).lower()] if listed else None
        step = _LIST_STEP.match(text, pos)
        if step is None:
            return None
        pos = step.end()
    return None


def _names_and_qualifiers(
    gaz: Gazetteer, text: str, toponym: Toponym
) -> tuple[list[str], list[Candidate]]:
    """The names a toponym's mentions write, and the states or countries written after
    them. A name in a list closed by "counties" is a county's ("Clay" in "Becker, Clay
    and Douglas counties"), in every mention, when such a county exists."""
    division = next(
        (d for m in toponym.mentions if (d := _division_list(text, m.start, m.end)) is not None),
        None,
    )
    counties = [f"{m.text} {division}" for m in toponym.mentions] if division else []
    if counties and all(gaz.lookup(c) for c in counties):  # not "in Georgia and Nassau and..."
        return counties, []
    names, quals = [], []
    for m in toponym.mentions:
        head, _, tail = m.text.partition(",")
        if tail.strip():
            names.append(head.strip())
            q = _qualifier(gaz, tail.strip())
        else:
            names.append(m.text)
            after = _QUALIFIER.match(text, m.end)
            q = _qualifier(gaz, after.group(1)) if after else None
            q = q or _institution_home(gaz, text, m.start)
        if q is not None:
            quals.append(q)
    return names, quals


# An institution named after its home, then the town it is in: "Monash University in
# Melbourne", "the British Antarctic Survey in Cambridge", "the University of Washington in
# Seattle". Only institutions that stand where their name says (not "the New York Times in
# London").
_INSTITUTION_IN = re.compile(
    r"(?:\b(?P<home>[A-Z][\w'’-]+)\s+(?:[A-Z][\w'’-]+\s+){0,2}?(?P<kind>%s)"
    r"|\b(?P<kind2>%s)\s+of\s+(?P<home2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))"
    r"\s+(?:in|at)\s+$" % (("University|Institute|College|Survey|Observatory|Hospital|Museum",) * 2)
)


def _institution_home(gaz: Gazetteer, text: str, start: int) -> Candidate | None:
    """The country an institution's name gives the town written after it: "Monash
    University in [Melbourne]" is Australia's (Monash a city of 190,000 there), "the British
    Antarctic Survey in [Cambridge]" Britain's."""
    found = _INSTITUTION_IN.search(text, max(0, start - 80), start)
    if found is None:
        return None
    home = found.group("home") or found.group("home2")
    code = country_code(home)
    if code is None:
        places = gaz.areas_and_towns(home, CITY_POPULATION)
        if not places:
            return None
        code = max(places, key=lambda c: c.population).cc
    return gaz.country_by_code(code)


def _is_demonym(name: str) -> bool:
    """A nationality word ("Russian", "Canadians"): it names people, not a place."""
    return country_code(name) is not None and not is_country_name(name)


def _candidates(
    gaz: Gazetteer, names: list[str], city_over_state: int, hamlet_population: int
) -> list[Candidate]:
    """The places the names may denote; a division loses to a city inside it that bears
    its name ("Barda", the town, not the district; "New York", the city; "Saint-Louis",
    the town holding half its region's people, which then competes as a town with
    St. Louis, Missouri), and a town smaller than ``hamlet_population`` to a region or
    natural feature of its name."""
    seen: dict[tuple[int, str], Candidate] = {}
    for name in names:
        found = gaz.lookup(name)
        if _is_demonym(name) and not any(c.is_area for c in found):
            continue  # "Russian", "English" (a town in Indiana): people, not a place
        for cand in found:
            seen.setdefault((cand.geonameid, cand.name), cand)
    cands = list(seen.values())
    keys = {name_key(n) for n in names}
    towns = [c for c in cands if not c.is_area]
    named: dict[tuple[str, str], int] = {}
    for c in towns:
        if name_key(c.name) in keys:
            named[(c.cc, c.admin1)] = max(named.get((c.cc, c.admin1), 0), c.population)
    big = {(c.cc, c.admin1) for c in towns if c.population >= city_over_state}

    # "Middle East", "Levant": a region or natural feature, not the hamlet named after it
    region = any(c.feature == "RGN" or c.feature in SITES for c in cands)

    def outranked(c: Candidate) -> bool:
        if region and not c.is_area and c.population < hamlet_population:
            return True
        if c.feature not in ("ADM1", "ADM2"):
            return False
        inside = (c.cc, c.admin1)
        if inside in big or (inside in named and name_key(c.name) not in keys):
            return True
        # "Saint-Louis" (Senegal), "Puducherry": a division named after the town that holds
        # half its people or more is, in news, the town; one that is no more than its town
        # (a municipality: Carolina, Puerto Rico) stays a division, at the same point
        return inside in named and named[inside] < c.population <= 2 * named[inside]

    return [c for c in cands if not outranked(c)]


def _satisfies(cand: Candidate, q: Constraint) -> bool:
    cc, admin1 = q
    if cand.cc != cc:
        return False
    return admin1 is None or cand.admin1 == admin1


def _prior(cand: Candidate, keys: set[str], ranking: Ranking) -> float:
    score = ranking.population_weight * math.log10(cand.population + 10)
    score += ranking.feature_bonus.get(cand.feature, 0.0)
    if name_key(cand.name) in keys:
        score += ranking.main_name_bonus
    return score


@dataclass
class _Context:
    countries: Counter
    states: Counter
    country_weight: float
    state_weight: float
    county_state_weight: float

    def score(self, cand: Candidate, own: Counter, own_states: Counter) -> float:
        """Context bonus, leaving out what this toponym itself contributed."""
        total = 0.0
        c = self.countries[cand.cc] - own[cand.cc]
        top = max((n - own[k] for k, n in self.countries.items()), default=0)
        if c > 0 and top > 0:
            total += self.country_weight * min(1.0, c / top)
        key = (cand.cc, cand.admin1)
        s = self.states[key] - own_states[key]
        if s > 0 and cand.feature != "PCLI":
            top_s = max(n - own_states[k] for k, n in self.states.items())
            weight = self.county_state_weight if cand.feature == "ADM2" else self.state_weight
            total += weight * min(1.0, s / top_s)
        return total


def _evidence(choice: Candidate | None, confident: bool, weight: int) -> tuple[Counter, Counter]:
    countries, states = Counter(), Counter()
    if choice is None or not confident or not choice.cc:
        return countries, states
    countries[choice.cc] += weight
    if choice.feature != "PCLI":
        states[(choice.cc, choice.admin1)] += weight
    return countries, states


def resolve_toponyms(
    text: str,
    toponyms: Sequence[Toponym],
    countries: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
    ranking: Ranking | None = None,
    towns: Sequence[tuple[Candidate, int]] = (),
    inside: Sequence[Candidate | None] = (),
) -> list[Candidate | None]:
    """One place (or None) for each toponym, chosen with the whole text as context.

    Args:
        text: the text the mention offsets point into.
        toponyms: the places named, each with all its mentions.
        countries: ISO alpha-2 or alpha-3 codes the text is known to be about
            (from nationality words, say); each counts as one mention.
        gazetteer: defaults to ``load_gazetteer()``.
        ranking: weights and cut-offs of the choice (default: ``Ranking()``).
        towns: places the text names that are not among ``toponyms`` (inside an
            organisation's name, say), each with its number of mentions: they count
            toward the town the text is about.
        inside: parallel to ``toponyms`` when given: the place a toponym's own name
            says it lies in ("Hartford Hospital": Hartford), where a street or building
            the gazetteer lacks is placed rather than at the town the text is about.

    Returns:
        A list parallel to ``toponyms``.
    """
    gaz = gazetteer or load_gazetteer()
    ranking = ranking or Ranking()
    prepared = []
    for top in toponyms:
        names, quals = _names_and_qualifiers(gaz, text, top)
        cands = _candidates(
            gaz, names, ranking.city_over_state_population, ranking.min_population_without_context
        )
        for q in quals:  # a qualifier that some candidate meets restricts the rest
            kept = [c for c in cands if _satisfies(c, _constraint(q))]
            if kept:
                cands = kept
        sites = [c for c in cands if c.feature in SITES]
        if top.kind == "FAC" and sites:
            cands = sites  # a facility is no town: "Heathrow" the airport, not the Florida town
        if not cands and quals:  # "Thruxton, Hampshire": at least the county we are told
            cands = quals[:1]
        keys = {name_key(n) for n in names}
        priors = [_prior(c, keys, ranking) for c in cands]
        prepared.append((top, cands, priors))

    base = Counter()
    for code in countries:
        country = gaz.country_by_code(code)
        if country is not None:
            base[country.cc] += 1

    # "the West Coast", "Central": an area so called in the article's own countries only
    generic = [all(is_descriptive(m.text) for m in top.mentions) for top in toponyms]
    choices: list[Candidate | None] = []
    own: list[tuple[Counter, Counter]] = []
    for (top, cands, priors), vague in zip(prepared, generic, strict=True):
        choice, confident = _pick([] if vague else cands, priors, ranking.confident_margin)
        choices.append(choice)
        own.append(_evidence(choice, confident, len(top.mentions)))

    for _ in range(ranking.context_passes):
        ctx = _Context(
            base.copy(),
            Counter(),
            ranking.country_weight,
            ranking.state_weight,
            ranking.county_state_weight,
        )
        for c_ev, s_ev in own:
            ctx.countries.update(c_ev)
            ctx.states.update(s_ev)
        new_choices, new_own = [], []
        for (top, cands, priors), (c_ev, s_ev), vague in zip(prepared, own, generic, strict=True):
            scored = [
                (c, p + ctx.score(c, c_ev, s_ev))
                for c, p in zip(cands, priors, strict=True)
                if not (vague and c.cc and ctx.countries[c.cc] <= c_ev[c.cc])
            ]
            choice, confident = _pick(
                [c for c, _ in scored], [x for _, x in scored], ranking.confident_margin
            )
            choice = _plausible(choice, top.kind, ctx.countries, c_ev, ranking)
            new_choices.append(choice)
            new_own.append(_evidence(choice, confident, len(top.mentions)))
        choices, own = new_choices, new_own
    choices = _listed_with_states(text, prepared, choices)
    if ranking.locate_by_text:
        choices = _located_by_text(text, toponyms, choices)
    if ranking.backoff_to_focus:
        choices = _located_at_focus(
            prepared, choices, ranking.focus_min_mentions, towns, inside or [None] * len(choices)
        )
    return choices


_COORDINATION = re.compile(_JOINER)


def _listed_with_states(
    text: str,
    prepared: list[tuple[Toponym, list[Candidate], list[float]]],
    choices: list[Candidate | None],
) -> list[Candidate | None]:
    """A town named like a state and listed with that country's states is the state:
    "western states such as California or Washington", "Oregon and Washington laws"."""
    states = {
        (m.start, m.end): choice
        for (top, _, _), choice in zip(prepared, choices, strict=True)
        if choice is not None and choice.feature == "ADM1"
        for m in top.mentions
    }
    out = list(choices)
    for i, ((top, cands, _), choice) in enumerate(zip(prepared, choices, strict=True)):
        if choice is None or choice.is_area:
            continue
        for m in top.mentions:
            beside = [c for (a, b), c in states.items() if _coordinated(text, (a, b), m)]
            state = next(
                (c for c in cands if c.feature == "ADM1" and any(s.cc == c.cc for s in beside)),
                None,
            )
            if state is not None:
                out[i] = state
                break
    return out


def _coordinated(text: str, span: tuple[int, int], m: Mention) -> bool:
    """The two names stand next to each other in a list."""
    a, b = span
    if b <= m.start:
        gap = text[b : m.start]
    elif m.end <= a:
        gap = text[m.end : a]
    else:
        return False
    return _COORDINATION.fullmatch(gap) is not None


def _located_at_focus(
    prepared: list[tuple[Toponym, list[Candidate], list[float]]],
    choices: list[Candidate | None],
    min_mentions: int,
    towns: Sequence[tuple[Candidate, int]],
    inside: Sequence[Candidate | None],
) -> list[Candidate | None]:
    """Streets and buildings the gazetteer lacks (or whose namesake towns were all
    rejected), placed at the place their own name says they lie in (``inside``), else
    at the town the text is about. A name whose own head word says it is a street or a
    building ("Royal Street") may take a town named once; any other ("Nou Camp",
    "Breakfast" the show) needs the town named ``min_mentions`` times."""
    toponyms = [top for top, _, _ in prepared]
    strict = _focus(toponyms, choices, min_mentions, towns)
    loose = _focus(toponyms, choices, 1, towns)
    out = []
    for (top, cands, _), choice, own in zip(prepared, choices, inside, strict=True):
        if choice is None and (not cands or top.kind == "FAC"):
            named = any(feature_type(m.text) is not None for m in top.mentions)
            focus = own or (loose if named else strict)
            choice = _located_in(top, focus) if focus is not None else None
        out.append(choice)
    return out


def _focus(
    toponyms: Sequence[Toponym],
    choices: list[Candidate | None],
    min_mentions: int,
    towns: Sequence[tuple[Candidate, int]] = (),
) -> Candidate | None:
    """The town the text is about: named often enough and in most town mentions."""
    counts: Counter = Counter()
    by_id = {}
    named = [(c, len(t.mentions)) for t, c in zip(toponyms, choices, strict=True)]
    for choice, n in [*named, *towns]:
        if choice is not None and not choice.is_area:
            counts[choice.geonameid] += n
            by_id[choice.geonameid] = choice
    if not counts:
        return None
    gid, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    return by_id[gid] if n >= min_mentions and 2 * n > counts.total() else None


# What joins a facility to the place it is in: "X in Y", "X at Y", "X, Y", "X near Y".
# An acronym in brackets may come between: "New Bilibid Prison (NBP) in Muntinlupa".
_IN_PLACE = re.compile(
    r"(?:\s*\([A-Z]{2,8}\))?(?:\s+(?:in|at|on|near|outside)\s+(?:the\s+)?|\s*,\s*)"
)
# A town's possessive right before: "Harare's Third Street", "London’s Heathrow".
_POSSESSOR = re.compile(r"['’]s\s+$")


def _located_by_text(
    text: str, toponyms: Sequence[Toponym], choices: list[Candidate | None]
) -> list[Candidate | None]:
    """A facility or feature left without a place, written just before a town or county
    the text names ("Kamenné Square in Bratislava") or after its possessive ("Harare's
    Third Street"), takes that place's point."""
    out = list(choices)
    for _ in range(2):  # "Salt + Smoke, on Hampton Avenue in St. Louis Hills": a chain
        towns = [
            (m, choice)
            for top, choice in zip(toponyms, out, strict=True)
            if choice is not None and (not choice.is_area or choice.feature == "ADM2")
            for m in top.mentions
        ]
        at = {m.start: choice for m, choice in towns}
        owner = {m.end: choice for m, choice in towns}
        for i, (top, choice) in enumerate(zip(toponyms, out, strict=True)):
            if choice is not None or top.kind == "GPE":
                continue
            for m in top.mentions:
                join = _IN_PLACE.match(text, m.end)
                town = at.get(join.end()) if join else None
                poss = _POSSESSOR.search(text, max(0, m.start - 4), m.start)
                if town is None and poss is not None:
                    town = owner.get(poss.start())
                if town is not None:
                    out[i] = _located_in(top, town)
                    break
    return out


def _located_in(top: Toponym, town: Candidate) -> Candidate | None:
    """A street or building the gazetteer lacks, placed at the text's focus town."""
    if top.kind == "GPE":
        return None  # a political entity we do not know ("Islamic Republic") is no street
    name = max((m.text for m in top.mentions), key=len)
    return Candidate(0, name, "", town.cc, town.admin1, 0, town.lat, town.lon)


def _pick(
    cands: list[Candidate], scores: list[float], confident_margin: float
) -> tuple[Candidate | None, bool]:
    if not cands:
        return None, False
    order = sorted(range(len(cands)), key=lambda i: (-scores[i], cands[i].geonameid))
    best = cands[order[0]]
    margin = scores[order[0]] - scores[order[1]] if len(order) > 1 else math.inf
    confident = best.is_area or margin >= confident_margin
    return best, confident


def _plausible(
    choice: Candidate | None, kind: str, countries: Counter, own: Counter, ranking: Ranking
) -> Candidate | None:
    """Drop a choice the text gives too little ground for."""
    if choice is None or choice.is_area:  # a facility is no country ("Azerbaijan University")
        return choice if (choice is None or kind != "FAC" or choice.feature in SITES) else None
    in_context = countries[choice.cc] - own[choice.cc] > 0
    if kind == "FAC":
        return (
            choice if in_context and choice.population >= ranking.facility_min_population else None
        )
    if not in_context and choice.population < ranking.min_population_without_context:
        return None
    return choice
