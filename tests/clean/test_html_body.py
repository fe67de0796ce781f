"""extract_body: trafilatura's fast mode first, its full mode when the fast result is doubtful."""

from lxml import etree

from newsgraph.clean import html_body
from newsgraph.clean.html import clean_html
from newsgraph.clean.html_body import _doubtful
from tests.clean.test_html import PARAGRAPHS, page


def _spy(monkeypatch) -> list[bool]:
    """The ``fast`` flag of every call to trafilatura, in call order."""
    calls: list[bool] = []
    real = html_body.bare_extraction

    def spy(*args, **kwargs):
        calls.append(bool(kwargs.get("fast")))
        return real(*args, **kwargs)

    monkeypatch.setattr(html_body, "bare_extraction", spy)
    return calls


def _body(xml: str) -> etree._Element:
    return etree.fromstring(f"<body>{xml}</body>")


def test_a_plain_article_is_read_by_the_fast_mode_alone(monkeypatch):
    calls = _spy(monkeypatch)
    out = clean_html(page(), url="https://coast.example/2023/10/harbour")
    assert out.body.split("\n\n") == PARAGRAPHS
    assert calls == [True]


def test_a_page_the_fast_mode_reads_as_empty_gets_the_full_mode(monkeypatch):
    # text in <font> runs, no paragraph element: the fast mode finds nothing, justext
    # (full mode only) finds the article
    runs = "".join(f"<font>{p}</font><br><br>" for p in PARAGRAPHS)
    html = f"<html><head><title>Harbour</title></head><body><font>{runs}</font></body></html>"
    calls = _spy(monkeypatch)
    out = clean_html(html)
    assert out.body.split("\n\n") == PARAGRAPHS
    assert calls[:2] == [True, False]


def test_doubtful_fast_results():
    long_text = "\n\n".join(PARAGRAPHS)
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert not _doubtful(long_text, _body(paras))
    assert _doubtful(PARAGRAPHS[0], _body(f"<p>{PARAGRAPHS[0]}</p>"))  # short
    assert _doubtful(long_text, _body(f"<list><item>{long_text}</item></list>"))  # no paragraph
    tables = "<table><row><cell>1</cell></row></table>" * 5
    assert _doubtful(long_text, _body(paras + tables))  # mostly tables
    assert _doubtful(long_text, _body(paras + "<nav><p>Home</p></nav>"))  # left-over menu
