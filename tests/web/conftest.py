"""A small store for the web tests, built once per session through the real ingest path
(reading, cleaning, annotating, clustering): a few invented articles with quotes,
places and events, one story carried by two outlets (a wire copy), and one article
whose title, body and URL hold script and markup that every page must show as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.corpus.runner import ingest
from newsgraph.web.app import create_app

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_LINK = "javascript:alert(document.cookie)"

_WIRE = (
    "OSLO (Reuters) - Norway's foreign minister Kari Lunde accused Russia on Tuesday of "
    "violating Norwegian airspace over the Barents Sea, and said Oslo would summon the "
    "Russian ambassador.\n\n"
    '"This is a serious breach of our sovereignty and we will not accept it," Lunde told '
    "reporters in Oslo.\n\n"
    "Russia's embassy in Oslo rejected the accusation. \"Our aircraft stayed over neutral "
    'waters at all times," said Dmitri Volkov, a spokesman for the embassy.\n\n'
    "The Norwegian air force said two fighter jets had been scrambled from the Bodo air "
    "base to follow the Russian aircraft for nearly an hour.\n\n"
    "Reporting by Nora Dahl; Editing by Peter Graff"
)

ARTICLES = [
    {
        "title": "Norway accuses Russia of airspace violation",
        "text": _WIRE,
        "url": "https://www.reuters.example/world/norway-russia-airspace",
        "published": "2024-03-12",
        "source": "reuters.com",
    },
    {
        "title": "Norway accuses Russia of airspace violation",
        "text": _WIRE.replace("on Tuesday", "on Tuesday afternoon"),
        "url": "https://dailynews.example/world/2024/03/12/norway",
        "published": "2024-03-12",
        "source": "dailynews.example",
    },
    {
        "title": "Storm floods Dalmatian harbours as clean-up begins",
        "text": (
            "Harbour towns along the Dalmatian coast began clearing debris on Thursday after "
            "a storm drove the sea into the streets of Split and Trogir.\n\n"
            '"We have never seen the sea come this far into the city," said Ivan Peric, the '
            "mayor of Split, as crews pumped water out of the old town.\n\n"
            "The Croatian government promised aid to the fishing communities. Prime minister "
            'Andrej Plenkovic said: "Nobody will be left alone with the damage."\n\n'
            "Ferries to the islands of Brac and Hvar were cancelled for a second day."
        ),
        "url": "https://coastal.example/news/storm-floods-harbours",
        "published": "2024-03-14",
        "source": "coastal.example",
    },
    {
        "title": "Fishermen protest new quotas in Split",
        "text": (
            "Hundreds of fishermen protested in Split on Monday against new fishing quotas "
            "set by the European Union.\n\n"
            '"These quotas will ruin families who have fished here for generations," said '
            "Ivan Peric, the mayor of Split, who joined the protest.\n\n"
            "The Croatian government said it would ask the European Commission to review the "
            "quotas. Andrej Plenkovic said the fishermen had been heard."
        ),
        "url": "https://coastal.example/news/fishermen-protest",
        "published": "2024-04-02",
        "source": "coastal.example",
    },
    {
        "title": f"Council warns of phishing {XSS_SCRIPT}",
        "text": (
            "The city council of Bergen warned residents on Friday about messages that carry "
            f"hidden code such as {XSS_SCRIPT} and {XSS_IMG} in their text.\n\n"
            f'"Never click a link that begins with {XSS_LINK}," said Marit Olsen, the head '
            "of the council's security office, speaking in Bergen.\n\n"
            "The council said it had received more than two hundred reports of such messages "
            "since January, most of them sent to elderly residents."
        ),
        "url": XSS_LINK,
        "published": "2024-05-03",
        "source": "bergen.example",
    },
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    """The store built from ``ARTICLES`` (JSON Lines, ingested in-process)."""
    root = tmp_path_factory.mktemp("web")
    feed = root / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    db = root / "web.db"
    summary = ingest([feed], db, workers=1, progress=False)
    assert summary.counts.failed == 0, summary.counts.errors
    return db


@pytest.fixture(scope="session")
def web_app(web_db):
    """The app over ``web_db``."""
    return create_app(web_db)


@pytest.fixture(scope="session")
def client(web_app) -> TestClient:
    """A test client of ``web_app``; server errors come back as 500 answers, not raised."""
    return TestClient(web_app, raise_server_exceptions=False)
