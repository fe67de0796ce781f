"""Country names, demonyms and nationality words to ISO 3166 alpha-3 codes.

``country_code("Azerbaijanis") == "AZE"``. The table joins pycountry's names
with three small files under ``data/ner/``: ``demonyms.tsv`` (adjective and
person forms, plurals in -s derived here), ``country_names.tsv`` (common
names and acronyms pycountry lacks: "Russia", "U.S.", "Ivory Coast") and
``country_parts.tsv`` (places that imply a country without being one:
"Scotland", "Gaza Strip").
A form that names two countries ("Congolese") maps to neither. Acronyms
match only in capitals, so "us" is not the United States.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

import pycountry

_DATA = files("newsgraph") / "data" / "ner"
_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’(\[]+|[\s\"'“”‘’)\],.;:!?]+$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACES = re.compile(r"\s+")
# Endings whose plural does not add -s ("the French", "the Swiss", "Chinese").
_NO_S_PLURAL = ("s", "sh", "ch", "ese", "x", "z", "men", "women")


def _fold(text: str) -> str:
    """Lower case, no diacritics, single spaces, no leading 'the'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _SPACES.sub(" ", text.replace("’", "'")).strip().casefold()
    return text[4:] if text.startswith("the ") else text


def _acronym(text: str) -> str | None:
    """The dot-less capitals of an acronym like 'U.S.' or 'UAE', else None."""
    bare = text.replace(".", "").replace(" ", "")
    return bare if 2 <= len(bare) <= 5 and bare.isalpha() and bare.isupper() else None


def _rows(name: str) -> list[tuple[str, list[str]]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, forms = line.partition("\t")
        rows.append((code.strip(), [f.strip() for f in forms.split(",") if f.strip()]))
    return rows


def _plural(form: str) -> str | None:
    return None if form.casefold().endswith(_NO_S_PLURAL) else form + "s"


class _Table:
    """Folded form -> code, with forms naming two countries dropped."""

    def __init__(self) -> None:
        self.codes: dict[str, set[str]] = {}
        self.fixed: dict[str, str] = {}

    def add(self, form: str, code: str) -> None:
        self.codes.setdefault(_fold(form), set()).add(code)

    def fix(self, form: str, code: str) -> None:
        """A form that wins over pycountry's names (an explicit choice)."""
        self.fixed.setdefault(_fold(form), code)

    def result(self) -> dict[str, str]:
        out = {f: next(iter(c)) for f, c in self.codes.items() if len(c) == 1}
        out.update(self.fixed)
        return out


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str], dict]:
    """(names, demonyms, parts, acronyms, display): folded form -> alpha-3; alpha-3 -> name."""
    names, demonyms, parts = _Table(), _Table(), _Table()
    acronyms: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if not value:
                continue
            names.add(value, country.alpha_3)
            plain = re.sub(r"\s*\(.*?\)", "", value)
            names.add(plain, country.alpha_3)
            if "," in plain:
                names.add(plain.split(",")[0], country.alpha_3)
    for code, forms in _rows("country_names.tsv"):
        for form in forms:
            if (acro := _acronym(form)) and form.replace(".", "").isupper():
                acronyms[acro] = code
            else:
                names.fix(form, code)
                display.setdefault(code, form)
    for code, forms in _rows("demonyms.tsv"):
        for form in forms:
            demonyms.add(form, code)
            if plural := _plural(form):
                demonyms.add(plural, code)
    for code, forms in _rows("country_parts.tsv"):
        for form in forms:
            parts.fix(form, code)
    return names.result(), demonyms.result(), parts.result(), acronyms, display


# Names of a country that are a common word in lower case.
_CAPITALISED_ONLY = frozenset({"states"})


def _clean(text: str) -> str:
    text = _EDGE_PUNCT.sub("", text.strip())
    text = _POSSESSIVE.sub("", text).strip()
    return text[4:].lstrip() if text[:4].casefold() == "the " else text


@lru_cache(maxsize=8192)
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country named or implied by ``name``, or None.

    Args:
        name: a country name ("Azerbaijan", "the U.S.", "Russia's"), a
            demonym or nationality word ("Azerbaijani", "Azerbaijanis",
            "Israelis", "American"). Case does not matter except for
            acronyms ("US" is the United States, "us" is not).

    Returns:
        The alpha-3 code, or None when the text names no single country
        (cities, "Arab", "Congolese", "Kurdish").

    Example:
        >>> country_code("Azerbaijanis")
        'AZE'
    """
    if not isinstance(name, str):
        return None
    text = _clean(name)
    if not text or len(text) > 80:
        return None
    names, demonyms, parts, acronyms, _ = _tables()
    if (acro := _acronym(text)) and acro in acronyms:
        return acronyms[acro]
    folded = _fold(text)
    if folded in _CAPITALISED_ONLY and text.islower():
        return None  # "all coastal states" is no "the States"
    return names.get(folded) or demonyms.get(folded) or parts.get(folded)


@lru_cache(maxsize=8192)
def is_country_name(name: str) -> bool:
    """True when ``name`` names a country (not a demonym): 'Iran', 'the UK'."""
    text = _clean(name) if isinstance(name, str) else ""
    if not text:
        return False
    names, _, _, acronyms, _ = _tables()
    acro = _acronym(text)
    return (acro is not None and acro in acronyms) or _fold(text) in names


def is_demonym(name: str) -> bool:
    """True when ``name`` is a nationality word of one country: 'Azerbaijanis', 'French'."""
    text = _clean(name) if isinstance(name, str) else ""
    return bool(text) and _fold(text) in _tables()[1] and not is_country_name(text)


def country_name(code: str) -> str | None:
    """The common English name of an alpha-3 code ('IRN' -> 'Iran'), or None."""
    if not code:
        return None
    code = code.upper()
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    preferred = _tables()[4].get(code)
    return preferred or getattr(country, "common_name", None) or country.name
