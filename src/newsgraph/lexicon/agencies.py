"""News agencies and photo agencies, each listed once with the ways text writes its name.

Wire-copy detection (``corpus.dedup``) reads the news agencies: datelines
"(Reuters) -", sign-offs, "By the Associated Press", and outlet names that are
the agency itself. Bylines (``clean.byline``) read their one-word names as
outlet words. Photo credits (``clean.html_media``, ``clean.text_meta``) read
every agency, news or photo: "Jane Roe/AFP", "(Getty Images)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """One agency: its canonical name, how text writes it, and outlet markers.

    ``written`` holds each form as cased in running text (patterns that must not
    read "ap" in "a map" match it case-sensitively); ``outlets`` holds further
    lower-case markers of an outlet name that is the agency ("apnews.com").
    """

    name: str
    written: tuple[str, ...]
    news: bool = True  # False: a photo agency or picture library, never a wire
    outlets: tuple[str, ...] = ()

    @property
    def markers(self) -> tuple[str, ...]:
        """Lower-case words that make an outlet name this agency's own. Two-letter codes
        are left out: "ap" and "pa" are too common in outlet names and domains (".pa")."""
        written = (w.lower() for w in self.written if len(w) > 2)
        return tuple(dict.fromkeys([*written, *self.outlets]))


AGENCIES: tuple[Agency, ...] = (
    Agency("AP", ("AP", "Associated Press"), outlets=("apnews", "ap news")),
    Agency("Reuters", ("Reuters", "Reuter")),
    Agency(
        "AFP", ("AFP", "Agence France-Presse", "Agence France Presse"), outlets=("agence france",)
    ),
    Agency("dpa", ("dpa",)),
    Agency("UPI", ("UPI", "United Press International"), outlets=("united press",)),
    Agency("Xinhua", ("Xinhua",)),
    Agency("EFE", ("EFE",)),
    Agency("ANSA", ("ANSA",)),
    Agency("Kyodo", ("Kyodo",)),
    Agency("PA", ("PA", "Press Association", "PA Media", "PA Wire")),
    Agency("AAP", ("AAP", "Australian Associated Press")),
    Agency("Bloomberg", ("Bloomberg",)),
    Agency("TASS", ("TASS",)),
    Agency("Yonhap", ("Yonhap",)),
    Agency("PTI", ("PTI",)),
    Agency("IANS", ("IANS",)),
    Agency("ANI", ("ANI",)),
    Agency("Anadolu", ("Anadolu",)),
    Agency("EPA", ("EPA",), news=False),
    Agency("Getty Images", ("Getty Images", "Getty Image"), news=False),
    Agency("Shutterstock", ("Shutterstock",), news=False),
    Agency("iStock", ("iStock", "iStockphoto"), news=False),
    Agency("Alamy", ("Alamy",), news=False),
    Agency("Sipa", ("Sipa",), news=False),
    Agency("ZUMA Press", ("Zuma", "Zuma Press"), news=False),
    Agency("NurPhoto", ("NurPhoto",), news=False),
    Agency("SOPA Images", ("SOPA",), news=False),
    Agency("eyevine", ("eyevine",), news=False),
    Agency("Unsplash", ("Unsplash",), news=False),
    Agency("Pexels", ("Pexels",), news=False),
    Agency("Wikimedia Commons", ("Wikimedia Commons",), news=False),
)
NEWS_AGENCIES: tuple[Agency, ...] = tuple(a for a in AGENCIES if a.news)
# One-word names of the news agencies, lower-cased ("reuters", "afp", "xinhua").
NEWS_AGENCY_WORDS = frozenset(w.lower() for a in NEWS_AGENCIES for w in a.written if " " not in w)

_CANONICAL = {w.lower(): a.name for a in AGENCIES for w in a.written}


def alternation(agencies: Iterable[Agency]) -> str:
    """A regex alternation of every written form, longest first, a space matching any
    run of whitespace ("Getty  Images"). Case as written; compile with re.I to ignore it."""
    forms = sorted({w for a in agencies for w in a.written}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


def canonical(written: str) -> str | None:
    """The agency's canonical name for one written form ("Agence France-Presse" -> "AFP")."""
    return _CANONICAL.get(" ".join(written.split()).lower())
