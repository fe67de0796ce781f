"""A fully annotated Article built by hand, so store tests do not depend on the annotators."""

from __future__ import annotations

import pytest

from newsgraph.record import (
    Article,
    Author,
    DateMention,
    Entity,
    Event,
    EventActor,
    Place,
    Quote,
    Span,
    Speaker,
)
from newsgraph.store import open as open_store
from newsgraph.store import writes
from newsgraph.store.db import connect, transaction

_GEONAMES = {"Oslo": 3143244, "Bergen": 3161732, "Tromso": 3133880}


def _span(body: str, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Span(start=start, end=start + len(text), text=text)


def make_article(
    speaker: str = "George Deek",
    city: str = "Oslo",
    published: str | None = "2023-10-09",
    extra: str = "",
) -> Article:
    """An article where every list of the record is filled, spans consistent with the body."""
    body = (
        f"{city} -- {speaker} said on Monday that the embassy would stay open. "
        f'"We condemn the attack by Hamas," {speaker} told reporters in {city}. '
        f"Norway will send aid on 12 October 2023, officials said.{extra}"
    )
    person, place = _span(body, speaker), _span(body, city)
    quote = _span(body, "We condemn the attack by Hamas,")
    said = _span(body, "said", 0)
    return Article(
        id=f"art-{speaker}-{city}-{published}",
        url=f"https://www.example-{city.lower()}.com/news/1",
        title=f"{speaker} condemns attack",
        published=published,
        language="en",
        body=body,
        authors=[Author(name="Kari Nordmann")],
        entities=[
            Entity(
                id="E1",
                key=f"{speaker.lower()}|PERSON",
                name=speaker,
                type="PERSON",
                aliases=[speaker.split()[-1]],
                description="ambassador",
                mentions=[person, _span(body, speaker, 1)],
            ),
            Entity(
                id="E2",
                key=f"{city.lower()}|GPE",
                name=city,
                type="GPE",
                country="NOR",
                mentions=[place],
            ),
            Entity(
                id="E3", key="hamas|ORG", name="Hamas", type="ORG", mentions=[_span(body, "Hamas")]
            ),
        ],
        places=[
            Place(
                entity="E2",
                name=city,
                lat=59.91,
                lon=10.75,
                country="NOR",
                geonameid=_GEONAMES.get(city),
                feature="PPLC",
                mentions=[place],
            )
        ],
        dates=[
            DateMention(
                start=body.index("12 October 2023"),
                end=body.index("12 October 2023") + 15,
                text="12 October 2023",
                value="2023-10-12",
                granularity="day",
            ),
        ],
        quotes=[
            Quote(
                start=quote.start,
                end=quote.end,
                text=quote.text,
                kind="direct",
                fragments=[Span(start=quote.start, end=quote.end, text=quote.text)],
                speaker=Speaker(text=speaker, start=person.start, end=person.end, entity="E1"),
                role="ambassador",
                cue="told",
                cue_start=body.index("told"),
                cue_end=body.index("told") + 4,
                venue=None,
                tone=-12.5,
            ),
            Quote(
                start=said.end + 1,
                end=said.end + 40,
                text=body[said.end + 1 : said.end + 40],
                kind="indirect",
                speaker=None,
            ),
        ],
        events=[
            Event(
                type="ACCUSE",
                mode="condemn",
                actor=EventActor(
                    text=speaker,
                    start=person.start,
                    end=person.end,
                    entity="E1",
                    country="ISR",
                    sector="GOV",
                ),
                recipient=EventActor(
                    text="Hamas",
                    start=body.index("Hamas"),
                    end=body.index("Hamas") + 5,
                    entity="E3",
                ),
                place="E2",
                date="2023-10-09",
                start=quote.start,
                end=quote.end,
                context=["political"],
                future=True,
                claimed_by=EventActor(
                    text=speaker, start=person.start, end=person.end, entity="E1"
                ),
                trigger=Span(
                    start=quote.start, end=quote.start + 4, text=body[quote.start : quote.start + 4]
                ),
            ),
        ],
    )


@pytest.fixture
def article() -> Article:
    return make_article()


@pytest.fixture
def build():
    """The article builder, for tests that need several different articles."""
    return make_article


@pytest.fixture
def store(tmp_path, build):
    """A store of four articles: two copies of one story (one cluster, a wire copy), two
    other stories."""
    arts = [
        build(speaker="George Deek", city="Oslo", published="2023-10-09"),
        build(speaker="George Deek", city="Oslo", published="2023-10-10", extra=" More."),
        build(speaker="Jonas Store", city="Bergen", published="2023-11-02"),
        build(speaker="Anne Holt", city="Tromso", published=None),
    ]
    conn = connect(tmp_path / "s.db", write=True)
    with transaction(conn):
        run = writes.start_run(conn, [], {})
        pks = [
            writes.insert_article(conn, a, run_id=run, source=s)
            for a, s in zip(arts, ["vg.no", "nrk.no", "vg.no", "dagbladet.no"], strict=True)
        ]
        writes.join_cluster(conn, pks[1], pks[0])
        writes.mark_syndicated(conn, pks[0], "NTB", [pks[1]])
    conn.close()
    with open_store(tmp_path / "s.db") as s:
        yield s
