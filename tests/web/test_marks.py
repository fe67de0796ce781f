"""marks.py: every finding marked in place, nested HTML whatever the overlaps, all text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

from newsgraph.record import (
    Article,
    DateMention,
    Entity,
    Event,
    EventActor,
    Place,
    Quote,
    Span,
    Speaker,
)
from newsgraph.web.marks import Mark, actor_path, article_marks, body_html, paragraphs


class _Tree(HTMLParser):
    """Checks that tags nest and collects the text and the opened elements."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.opened: list[tuple[str, dict[str, str | None]]] = []
        self.inside: list[list[str]] = []  # the classes of each opened element's ancestors
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside.append(list(self.classes))
        self.stack.append(tag)
        self.opened.append((tag, dict(attrs)))
        self.classes.append(dict(attrs).get("class") or tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        self.classes.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


def span(body: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = body.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


BODY = (
    'The mayor said: "We have never seen the sea come this far into Split," '
    "Ivan Perić told reporters on Thursday.\n\n"
    "Croatia accused the port authority of delays in Split."
)


def harbour() -> Article:
    quote = span(BODY, '"We have never seen the sea come this far into Split,"')
    ivan = span(BODY, "Ivan Perić")
    told = span(BODY, "told")
    split1, split2 = span(BODY, "Split"), span(BODY, "Split", 1)
    accused = span(BODY, "accused")
    return Article(
        body=BODY,
        quotes=[
            Quote(
                **quote.model_dump(),
                kind="direct",
                speaker=Speaker(text=ivan.text, start=ivan.start, end=ivan.end, entity="E1"),
                role="the mayor of Split",
                cue="told",
                cue_start=told.start,
                cue_end=told.end,
                venue="reporters",
            )
        ],
        entities=[
            Entity(
                id="E1", key="person:ivan peric", name="Ivan Perić", type="PERSON", mentions=[ivan]
            ),
            Entity(id="E2", key="gpe:split", name="Split", type="GPE", mentions=[split1]),
            Entity(
                id="E3",
                key="gpe:croatia",
                name="Croatia",
                type="GPE",
                mentions=[span(BODY, "Croatia")],
            ),
        ],
        places=[Place(entity="E2", name="Split", country="HRV", mentions=[split1, split2])],
        dates=[
            DateMention(
                **span(BODY, "Thursday").model_dump(), value="2024-03-14", granularity="day"
            )
        ],
        events=[
            Event(
                type="ACCUSE",
                actor=EventActor(**span(BODY, "Croatia").model_dump(), entity="E3", country="HRV"),
                recipient=EventActor(**span(BODY, "the port authority").model_dump()),
                trigger=accused,
                start=span(BODY, "Croatia").start,
                end=len(BODY),
            )
        ],
    )


def test_each_kind_is_a_different_mark_in_place() -> None:
    tree = parse(body_html(harbour()))
    assert "".join(tree.text) == BODY.replace("\n\n", "")
    kinds = [a["class"] for _, a in tree.opened if a.get("class")]
    for kind in ("quote", "speaker", "cue", "entity", "place", "date", "event"):
        assert f"mk mk-{kind}" in kinds


def test_quote_and_event_are_focusable_and_tell_who() -> None:
    tree = parse(body_html(harbour()))
    quote = next(a for _, a in tree.opened if a.get("class") == "mk mk-quote")
    assert quote["tabindex"] == "0"
    assert quote["aria-describedby"] == "quote-0"
    assert quote["data-tip"].splitlines() == [
        "speaker: Ivan Perić",
        "role: the mayor of Split",
        "cue: told",
        "venue: reporters",
        "kind: direct",
    ]
    event = next(a for _, a in tree.opened if a.get("class") == "mk mk-event")
    assert event["tabindex"] == "0"
    assert event["data-tip"].splitlines() == [
        "event: ACCUSE",
        "actor: Croatia (HRV)",
        "recipient: the port authority",
    ]


def test_entities_and_places_link_to_actor_pages() -> None:
    tree = parse(body_html(harbour()))
    links = [a["href"] for tag, a in tree.opened if tag == "a"]
    assert actor_path("person:ivan peric") in links
    assert links.count(actor_path("gpe:split")) == 2  # both mentions of the place
    assert actor_path("person:ivan peric") == "/actors/person%3Aivan%20peric"


def test_marks_without_links() -> None:
    tree = parse(body_html(harbour(), article_marks(harbour(), linked=False)))
    assert [tag for tag, _ in tree.opened if tag == "a"] == []
    assert "mk mk-place" in [a.get("class") for _, a in tree.opened]


def test_a_place_mention_that_is_an_entity_mention_is_marked_once() -> None:
    marks = article_marks(harbour())
    split = span(BODY, "Split")
    assert [m.kind for m in marks if (m.start, m.end) == (split.start, split.end)] == ["place"]


def test_marks_inside_a_quote_nest_in_it() -> None:
    tree = parse(body_html(harbour()))
    n = next(i for i, (_, a) in enumerate(tree.opened) if a.get("class") == "mk mk-place")
    assert tree.inside[n] == ["p", "mk mk-quote"]
    n = next(i for i, (_, a) in enumerate(tree.opened) if a.get("class") == "mk mk-entity")
    assert tree.inside[n] == ["p", "mk mk-speaker"]  # the speaker's name is a link inside it


def test_overlapping_marks_are_split_and_nest() -> None:
    body = "one two three four"
    a = Article(body=body)
    marks = [
        Mark(0, 13, "quote", "q", ref="quote-0"),  # one two three
        Mark(4, 18, "date", "d"),  # two three four: crosses the quote's end
    ]
    tree = parse(body_html(a, marks))
    assert "".join(tree.text) == body
    dates = [attrs for _, attrs in tree.opened if attrs.get("class") == "mk mk-date"]
    assert len(dates) == 2  # closed at the quote's end, opened again after it
    assert "data-cont" not in dates[0] and "data-cont" in dates[1]
    quotes = [attrs for _, attrs in tree.opened if attrs.get("class") == "mk mk-quote"]
    assert len(quotes) == 1 and quotes[0]["tabindex"] == "0"


def test_a_mark_across_paragraphs_is_reopened_in_the_next_and_loses_focus() -> None:
    body = "first part\n\nsecond part"
    tree = parse(body_html(Article(body=body), [Mark(6, 18, "quote", "q", ref="quote-0")]))
    opened = [attrs for tag, attrs in tree.opened if tag == "mark"]
    assert [("tabindex" in a, "data-cont" in a) for a in opened] == [(True, False), (False, True)]
    assert [tag for tag, _ in tree.opened].count("p") == 2


def test_links_never_nest() -> None:
    body = "New York City"
    marks = [
        Mark(0, 13, "entity", "a", href="/actors/a"),
        Mark(0, 8, "place", "b", href="/actors/b"),
    ]
    html = body_html(Article(body=body), marks)
    assert html.count("<a ") == 1
    parse(html)


def test_all_text_and_facts_are_escaped() -> None:
    body = 'Hi <script>alert(1)</script> and "><img src=x onerror=alert(1)>'
    marks = [Mark(0, len(body), "quote", '"><img src=x onerror=alert(1)>', ref="quote-0")]
    html = body_html(Article(body=body), marks)
    assert "<script>" not in html and "<img" not in html
    tree = parse(html)
    assert [tag for tag, _ in tree.opened] == ["p", "mark"]
    assert "".join(tree.text) == body
    assert tree.opened[1][1]["data-tip"] == '"><img src=x onerror=alert(1)>'


def test_spans_outside_the_body_are_dropped() -> None:
    article = Article(
        body="short",
        dates=[DateMention(start=2, end=99, text="x", value="2024", granularity="year")],
    )
    assert article_marks(article) == []
    assert body_html(article) == "<p>short</p>"


def test_empty_body_and_paragraphs() -> None:
    assert body_html(Article(body="")) == ""
    assert paragraphs("a\n\n\n b\n\n") == [(0, 1), (4, 6)]


def test_a_date_tip_tells_its_mod() -> None:
    article = harbour()
    article.dates = [
        DateMention(
            **span(BODY, "Thursday").model_dump(),
            value="2024-03-14",
            granularity="day",
            reliable=False,
            mod="START",
        )
    ]
    tips = [m.tip for m in article_marks(article) if m.kind == "date"]
    assert tips == ["date: 2024-03-14 (day, START, inferred)"]
