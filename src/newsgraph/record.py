"""The one data model: an Article and everything found in it.

Every span is ``start``/``end``, Python string offsets into ``Article.body``
(``body[start:end] == text``). The JSON produced by ``Article.to_dict()`` is
the contract other tools read; ``docs/record.schema.json`` is generated from
these models (``python -m newsgraph.record > docs/record.schema.json``).
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"

RemovedReason = Literal[
    "ad",
    "share",
    "navigation",
    "related",
    "credit",
    "caption",
    "byline",
    "bio",
    "title",
    "date",
    "cookie",
    "subscribe",
    "comments",
    "footer",
    "boilerplate",
]
Provenance_ = Literal["meta", "json-ld", "byline", "text", "caption", "input", "url"]


class _Model(BaseModel):
    """Every part of a record.

    A long body's record holds hundreds of thousands of small parts, and pydantic
    keeps a set of the fields given to each instance (for ``exclude_unset``, which
    records never use): half of a part's memory. The instances of a class share one
    set of all its fields instead.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", _all_fields(type(self)))


@cache
def _all_fields(cls: type[BaseModel]) -> set[str]:
    return set(cls.model_fields)


class Span(_Model):
    """A stretch of the body."""

    start: int
    end: int
    text: str


class Author(_Model):
    name: str
    bio: str | None = None
    outlet: str | None = None


class Media(_Model):
    kind: Literal["image", "video", "audio", "graphic"] = "image"
    credit: str | None = None
    caption: str | None = None
    url: str | None = None


class Related(_Model):
    rel: Literal["previous", "next", "related"]
    title: str
    url: str | None = None


class Removed(_Model):
    """A piece of the input that cleaning dropped, and why."""

    text: str
    reason: RemovedReason


class Link(_Model):
    """A hyperlink inside the article body (HTML input only)."""

    start: int
    end: int
    url: str


class Entity(_Model):
    """One real-world actor in the article, with all its mentions merged."""

    id: str = Field(description="Article-local id, e.g. 'E1'.")
    key: str = Field(description="Corpus-wide key: normalised name plus type.")
    name: str = Field(description="The fullest proper form of the name.")
    type: str = Field(description="OntoNotes type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...")
    aliases: list[str] = Field(default_factory=list)
    description: str | None = Field(default=None, description="Titles and roles split off.")
    country: str | None = Field(default=None, description="ISO 3166 alpha-3, where one is denoted.")
    mentions: list[Span] = Field(default_factory=list)


class Place(_Model):
    entity: str | None = Field(default=None, description="Id of the entity this place resolves.")
    name: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.")
    geonameid: int | None = Field(
        default=None,
        description="GeoNames id; None for the seas, rivers and regions of newsgraph's own "
        "table and for a place located, not identified (see feature).",
    )
    feature: str | None = Field(
        default=None,
        description="GeoNames feature code, e.g. PPLC, PCLI, SEA, STM. None for a street, "
        "building or feature the gazetteer lacks: it takes the coordinates and country of the "
        'town the text puts it in ("Collins Avenue in Miami Beach") or is about, so its '
        "point is approximate.",
    )
    mentions: list[Span] = Field(default_factory=list)


class DateMention(_Model):
    start: int
    end: int
    text: str
    value: str = Field(
        description="ISO 8601 / TimeML value: 2023, 2023-06, 2023-10-07, P5Y, PAST_REF"
    )
    granularity: str = Field(
        description="day, week, month, quarter, half, season, year, decade, century, time, "
        "duration, set (a repeated time: daily, every Monday), ref (PAST_REF, ...)"
    )
    reliable: bool = Field(
        default=True,
        description="True when it rests on an explicit calendar expression, "
        "False when inferred (a relative or underspecified expression).",
    )
    mod: str | None = Field(
        default=None,
        description="TimeML mod: the part of the stretch (START, MID, END: early, mid-, late "
        "2023) or the bound on the amount (APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, "
        "EQUAL_OR_MORE: about, nearly, more than, up to, at least five years; BEFORE, AFTER: "
        "pre-, post-1959); null when the words give none.",
    )
    freq: str | None = Field(
        default=None,
        description="TimeML freq of a set: how often it recurs in the period its value names "
        '("twice a week": value P1W, freq 2X); null otherwise.',
    )


class Speaker(_Model):
    text: str
    start: int
    end: int
    entity: str | None = None


class Quote(_Model):
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "mixed"]
    fragments: list[Span] = Field(
        default_factory=list,
        description="The verbatim words: each stretch between quote marks inside the quote "
        "(one for a plain direct quote; the parts of an interrupted quotation; the quoted "
        "words of a mixed quote); empty for an indirect quote.",
    )
    speaker: Speaker | None = None
    role: str | None = None
    cue: str | None = None
    cue_start: int | None = Field(default=None, description="Start of the cue in the body.")
    cue_end: int | None = Field(default=None, description="End of the cue in the body.")
    venue: str | None = None
    tone: float | None = Field(
        default=None, description="The quotation's own tone, on Tone.tone's scale (-100..100)."
    )


class EventActor(_Model):
    """Who acts, is acted on, or claims an event: the words, and what they are coded as."""

    text: str
    start: int
    end: int
    entity: str | None = Field(default=None, description="Id of the entity the words refer to.")
    country: str | None = Field(default=None, description="ISO 3166 alpha-3, or IGO codes.")
    sector: str | None = Field(
        default=None, description="PLOVER/Phoenix sector: GOV, MIL, LEG, JUD, POL, REB, ..."
    )


class Event(_Model):
    """One event the text states, coded in PLOVER, resting on the sentence at start/end."""

    type: str = Field(description="PLOVER event type, e.g. ACCUSE, SUPPORT, ASSAULT.")
    mode: str | None = Field(default=None, description="PLOVER mode: how, e.g. 'aerial'.")
    context: list[str] = Field(
        default_factory=list, description="PLOVER contexts, e.g. 'military', 'economic'."
    )
    negated: bool = Field(default=False, description="The text says it did not happen.")
    hypothetical: bool = Field(
        default=False, description="Conditional, threatened, demanded or possible, not done."
    )
    future: bool = Field(default=False, description="Announced for the future, not yet done.")
    claimed_by: EventActor | None = Field(
        default=None,
        description="Who states it, when it is reported inside a quote or attribution.",
    )
    actor: EventActor | None = None
    recipient: EventActor | None = None
    place: str | None = Field(default=None, description="Id of an entity that is a place.")
    date: str | None = Field(default=None, description="When, as an ISO 8601 / TimeML value.")
    trigger: Span | None = Field(default=None, description="The words that state the event.")
    start: int = Field(description="Start of the sentence or clause it rests on.")
    end: int = Field(description="End of the sentence or clause it rests on.")


class Tone(_Model):
    """GDELT's V2Tone fields for one article, from the VADER lexicon."""

    tone: float = Field(description="Positive minus negative score (-100..100).")
    positive: float = Field(description="Percent of words with positive valence.")
    negative: float = Field(description="Percent of words with negative valence.")
    polarity: float = Field(description="Percent of words with any valence.")
    activity: float = Field(
        description="Activity reference density: percent of words that are verbs."
    )
    self_group: float = Field(
        description="Self/group reference density: percent of words that are pronouns."
    )
    words: int = Field(description="Word count of the body.")


class Provenance(_Model):
    """Where each metadata value came from, so a user can trust or discard it."""

    published: Provenance_ | None = None
    title: Provenance_ | None = None
    authors: Provenance_ | None = None


class Article(_Model):
    schema_version: str = SCHEMA_VERSION
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 or null.")
    language: str | None = None
    body: str = ""
    authors: list[Author] = Field(default_factory=list)
    media: list[Media] = Field(default_factory=list)
    related: list[Related] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    provenance: Provenance = Field(default_factory=Provenance)
    warnings: list[str] = Field(
        default_factory=list,
        description="What newsgraph had to repair or guess on this input, or could not do "
        "(e.g. '5 undecodable bytes replaced', 'not annotated: language de').",
    )
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    tone: Tone | None = None

    def to_dict(self) -> dict:
        """The record as plain JSON-ready data (what the CLI prints)."""
        return self.model_dump(mode="json")

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        return cls.model_validate(data)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)


_WS = re.compile(r"\s+")


def body_id(body: str) -> str:
    """Stable id: a hash of the body with whitespace and case normalised."""
    norm = _WS.sub(" ", body).strip().lower()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def json_schema() -> dict:
    """The JSON Schema of the article record."""
    schema = Article.model_json_schema()
    schema["$id"] = f"https://newsgraph.invalid/record/{SCHEMA_VERSION}"
    return schema


if __name__ == "__main__":
    print(json.dumps(json_schema(), indent=2))
