"""The shipped event tables: trigger words coded in PLOVER, actor names and role nouns.

Two sources of triggers, in this order of trust: ``plover_terms.tsv``, newsgraph's own
lexicon written from the PLOVER codebook, and PETRARCH2's CAMEO verb dictionary
(``cameo_verbs.tsv``, ``cameo_patterns.tsv.gz``) read through CAMEO2PLOVER
(``cameo_plover.tsv``). Actors come from PETRARCH2's Phoenix dictionaries
(``actors.tsv.gz``, ``agents.tsv``) and ``sector_words.tsv``. The generated tables are
rebuilt by ``training/build_event_tables.py``; docs/events.md says what came from where.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

_DATA = files("newsgraph") / "data" / "events"
# Phoenix codes that begin with one of these are not a country's.
INTERNATIONAL = ("IGO", "NGO", "MNC", "IMG", "UIS", "INT")


@dataclass(frozen=True)
class Code:
    """A PLOVER coding: type, mode and contexts."""

    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorCode:
    """A Phoenix actor code split into country (or IGO/NGO) and sector."""

    country: str | None
    sector: str | None


def _rows(name: str) -> list[list[str]]:
    raw = (_DATA / name).read_bytes()
    text = gzip.decompress(raw).decode() if name.endswith(".gz") else raw.decode()
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _code(fields: list[str]) -> Code:
    mode = fields[0].strip() if fields else ""
    context = tuple(c.strip() for c in fields[1].split(",") if c.strip()) if len(fields) > 1 else ()
    return Code(type="", mode=mode or None, context=context)


def split_actor_code(code: str) -> ActorCode:
    """'AFGGOV' -> AFG/GOV, 'IGOUNO' -> IGO/None, 'PSEREBHMS' -> PSE/REB, 'ELI' -> None/ELI."""
    first, rest = code[:3], code[3:]
    if first in INTERNATIONAL:
        return ActorCode(first, None)
    if first not in _countries():  # a code with no country: a sector alone
        return ActorCode(None, first or None)
    return ActorCode(first, rest[:3] or None)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """ISO alpha-3 codes, and the few others Phoenix and PLOVER use for states (Kosovo)."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX", "KSV", "PSE"}


@dataclass(frozen=True, eq=False)  # hashed by identity: functions that read it can be cached
class Lexicon:
    verbs: dict[str, Code]  # own verb lemmas, "verb+particle" too
    transitive: dict[str, Code]  # own verb lemmas as they read with an object ("struck a base")
    nouns: dict[str, Code]  # own nouns that trigger on their own
    objects: dict[str, Code]  # own nouns that trigger only as a light verb's object
    cameo_verbs: dict[str, Code]
    cameo_patterns: dict[tuple[str, str], Code]
    actors: dict[str, str]  # lower-case name -> Phoenix code
    agents: dict[str, str]  # lower-case role noun -> sector

    def actor(self, name: str) -> ActorCode | None:
        code = self.actors.get(name)
        return split_actor_code(code) if code else None


def _cameo(plover: dict[str, Code], code: str) -> Code | None:
    """A CAMEO code's PLOVER coding, backing off to its parent codes."""
    while code:
        if code in plover:
            return plover[code]
        code = code[:-1]
    return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The tables, loaded once per process."""
    verbs: dict[str, Code] = {}
    transitive: dict[str, Code] = {}
    nouns: dict[str, Code] = {}
    objects: dict[str, Code] = {}
    table = {"V": verbs, "T": transitive, "N": nouns, "O": objects}
    for term, pos, kind, *rest in _rows("plover_terms.tsv"):
        code = _code(rest)
        table[pos].setdefault(term, Code(kind, code.mode, code.context))
        if pos == "N":
            objects.setdefault(term, Code(kind, code.mode, code.context))
    plover = {}
    for cameo, kind, *rest in _rows("cameo_plover.tsv"):
        code = _code(rest)
        plover[cameo] = Code(kind, code.mode, code.context)
    cameo_verbs = {}
    for verb, cameo in _rows("cameo_verbs.tsv"):
        if (code := _cameo(plover, cameo)) is not None:
            cameo_verbs[verb] = code
    patterns = {}
    for verb, key, cameo in _rows("cameo_patterns.tsv.gz"):
        if (code := _cameo(plover, cameo)) is not None:
            patterns[(verb, key)] = code
    actors = {name: code for name, code in _rows("actors.tsv.gz")}
    agents = {name: sector for name, sector in _rows("agents.tsv")}
    for word, sector in _rows("sector_words.tsv"):
        agents[word] = sector
    return Lexicon(verbs, transitive, nouns, objects, cameo_verbs, patterns, actors, agents)
