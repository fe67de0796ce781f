"""The article text of a parsed page: trafilatura, a fallback, and paragraph-level cleanup.

trafilatura runs in precision mode (best on the HTML benchmark), first in its
fast mode. Its full mode also runs readability (and at times justext) and
takes their text when its own is empty, short, without paragraphs or mostly
tables, or when readability finds over twice as much; the full mode runs only
when the fast result is one of the first kinds (``_doubtful``). The last
case is left out: on the benchmark it swapped a right body for a wrong one.
When precision mode keeps almost nothing, its default mode gets a second
chance (fast: the full run has just consulted readability and justext), and
when trafilatura rejects the page outright (short CJK and Arabic pages), the
page's own paragraphs outside navigation are the body. The paragraphs kept
are then checked for what trafilatura lets through on news pages: the
headline repeated, captions and credits, bylines, date stamps,
"Read more:"-style teasers and the furniture found in the markup.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.external import SANITIZED_XPATH

from newsgraph.clean.byline import parse_byline
from newsgraph.record import Media, Removed

# Chosen on the 181-page HTML benchmark (docs/benchmarks/body_html.md):
# precision mode raises F1 from 0.960 to 0.964; comments are never article text.
TRAFILATURA_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
}
# Precision mode sometimes keeps only a notice; below this size the full mode runs
# (fast mode's text is doubtful), then the default mode (fast) is tried too and kept
# when it finds several times more text.
_SHORT_BODY = 500
_LONGER_BY = 3
# trafilatura's time grows faster than linearly with the element count; news pages have
# a few thousand elements (at most 1,600 on the benchmark). Beyond this, paragraphs only.
_MAX_ELEMENTS = 50_000
_FALLBACK_TAGS = ("p", "blockquote", "pre", "h2", "h3", "li")
# A table cell holding more text than this is a page's layout, not a value.
_LAYOUT_CELL_CHARS = 400
_NOT_CONTENT = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|header|sidebar|cookie|share|social|related|comments?)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(r"^(?:(?:written|words|story|reporting)\s+)?by\s", re.IGNORECASE)
_TEASER = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content|coverage))?|read\s+(?:more|also|next)|"
    r"see\s+(?:more|also)|also\s+read|more\s*(?:on\s+this(?:\s+story)?)?|don'?t\s+miss|"
    r"recommended|watch|listen|must\s+read|trending)\s*(?::|\||»|>|-|–)",
    re.IGNORECASE,
)
_TEASER_ALONE = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content))?|read\s+more|see\s+more|don'?t\s+miss|"
    r"more\s+stories|recommended(?:\s+for\s+you)?|tags?|comments?|share(?:\s+this)?(?:\s+article)?|"
    r"advertisement|sponsored)\s*:?$",
    re.IGNORECASE,
)
# Calls to action trafilatura keeps at the ends of articles; checked on short edge paragraphs.
_PROMPTS = (
    (
        re.compile(r"^(?:like this (?:story|article)\?|share (?:this|it)\b|click to share)", re.I),
        "share",
    ),
    (
        re.compile(r"^follow (?:us|@\w+|[\w ]{2,40} on (?:twitter|facebook|instagram|x)\b)", re.I),
        "share",
    ),
    (re.compile(r"^(?:subscribe|sign up|get the latest|get our|join our)\b", re.I), "subscribe"),
    (re.compile(r"^have a (?:news )?tip\b", re.I), "boilerplate"),
    (re.compile(r"^also on [\w-]+\.\w{2,}\b", re.I), "related"),
)
_YEAR_OR_TIME = re.compile(r"\b(?:1[89]|20)\d{2}\b|\b\d{1,2}[:h]\d{2}\b")
_DATE_WORD = re.compile(
    r"\b(?:\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|"
    r"aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|"
    r"updated|published|posted|last|modified|on|at|de|às|le|am|um|den|el|del|gmt|utc|[ecmp][sd]t|et)\b",
    re.IGNORECASE,
)
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a text, inner whitespace collapsed."""
    return [p for p in (_WS.sub(" ", line).strip() for line in text.split("\n")) if p]


def _trafilatura(tree: HtmlElement, url: str | None, **overrides) -> tuple[str, etree._Element]:
    """trafilatura's text (paragraphs joined by blank lines) and its body element."""
    options = {**TRAFILATURA_OPTIONS, **overrides}
    try:
        doc = bare_extraction(tree, url=url, with_metadata=False, **options)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return "", etree.Element("body")
    if doc is None or not doc.text:
        return "", etree.Element("body")
    return "\n\n".join(paragraphs(doc.text)), doc.body


def _doubtful(text: str, body: etree._Element) -> bool:
    """A fast-mode result trafilatura's full mode would check against readability and
    justext: short, without a paragraph of text, more tables than paragraphs, or holding
    elements its extractor should have dropped (navigation, figures, forms, ...)."""
    if len(text) < _SHORT_BODY:
        return True
    filled = body.xpath(".//p[normalize-space()]")
    return (
        not filled
        or len(body.findall(".//table")) > len(filled)
        or bool(body.xpath(SANITIZED_XPATH))
    )


def _page_paragraphs(tree: HtmlElement) -> str:
    """The page's paragraphs outside navigation and footers, for pages trafilatura rejects."""
    texts: list[str] = []
    seen: set[str] = set()
    for el in tree.iter(*_FALLBACK_TAGS):
        ancestors = list(el.iterancestors())
        if any(a.tag in _FALLBACK_TAGS for a in ancestors):
            continue
        if any(
            a.tag in ("nav", "footer", "header", "aside")
            or _NOT_CONTENT.search(f"{a.get('class') or ''} {a.get('id') or ''}")
            for a in ancestors
        ):
            continue
        text = " ".join(el.text_content().split())
        if len(text) >= 10 and text not in seen:
            seen.add(text)
            texts.append(text)
    body = "\n\n".join(texts)
    return body if len(body) >= 20 else ""


def _signature(el: HtmlElement, depth: int = 3) -> list[tuple[str, str]]:
    """Tag and class of an element and its nearest ancestors."""
    chain = [el, *list(el.iterancestors())[: depth - 1]]
    return [(a.tag, a.get("class") or "") for a in chain]


def _continued(tree: HtmlElement, body: str) -> list[str]:
    """Paragraphs of later containers just like the one the body ends in.

    Some sites cut an article into chunks (ads, galleries between them), each in its own
    container with the same class (a later one may add a modifier) under the same
    parents; trafilatura keeps the first chunk only.
    """
    last = body.rsplit("\n\n", 1)[-1]
    container = next(
        (
            p.getparent()
            for p in tree.iter("p")
            # collapsing whitespace only shortens a text: shorter ones need no collapsing
            if len(raw := p.text_content()) >= len(last) and " ".join(raw.split()) == last
        ),
        None,
    )
    if container is None or not (container.get("class") or "").strip():
        return []
    classes = set(container.get("class").split())
    ancestors = _signature(container)[1:]
    seen = set(body.split("\n\n"))
    extra: list[str] = []
    after = False
    for el in tree.iter(container.tag):
        if el is container:
            after = True
        elif (
            after
            # the same class, maybe with a modifier ("article-text article-text--continued")
            and classes <= set((el.get("class") or "").split())
            and _signature(el)[1:] == ancestors
        ):
            for p in el.iter("p"):
                text = " ".join(p.text_content().split())
                if text and text not in seen:
                    seen.add(text)
                    extra.append(text)
    return extra


def _layout_tables(tree: HtmlElement) -> list[HtmlElement]:
    """Tables that lay out a page rather than hold data: a cell with paragraphs of text
    in it (long, or broken by blank lines) rather than a value."""
    return [
        table
        for table in tree.iter("table")
        if any(
            len(cell.text_content()) > _LAYOUT_CELL_CHARS
            or cell.xpath("./br[following-sibling::node()[1][self::br]] | ./p")
            for cell in table.iter("td", "th")
        )
    ]


def _without_layout_tables(tree: HtmlElement) -> HtmlElement:
    """A copy of the page with its layout tables turned into plain blocks, so their
    cells are read as the page's text and not as rows of a data table (the menu row
    kept, the article flattened into one cell)."""
    if not _layout_tables(tree):
        return tree
    tree = deepcopy(tree)
    for table in _layout_tables(tree):
        for el in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
            el.tag = "div"
    return tree


def extract_body(tree: HtmlElement, url: str | None) -> str:
    """The article text, paragraphs joined by blank lines; "" when the page has none."""
    if tree.xpath("count(//*)") > _MAX_ELEMENTS:
        return _page_paragraphs(tree)
    tree = _without_layout_tables(tree)
    body, element = _trafilatura(tree, url, fast=True)
    if _doubtful(body, element):
        body, _ = _trafilatura(tree, url)
    if len(body) < _SHORT_BODY:
        # fast: readability and justext were consulted by the full run just above
        fuller, _ = _trafilatura(tree, url, favor_precision=False, fast=True)
        if len(fuller) > _LONGER_BY * max(len(body), 1):
            body = fuller
    if body:
        return "\n\n".join([body, *_continued(tree, body)])
    return _page_paragraphs(tree)


def _is_date_line(para: str) -> bool:
    """A short paragraph that is only a date or time stamp, in any common layout."""
    if len(para) > 80 or not _YEAR_OR_TIME.search(para):
        return False
    words = re.findall(r"[^\W\d_]{2,}", _DATE_WORD.sub(" ", para))
    has_year_and_time = bool(re.search(r"\b(?:1[89]|20)\d{2}\b", para)) and bool(
        re.search(r"\b\d{1,2}[:h]\d{2}\b", para)
    )
    return len(words) <= (4 if has_year_and_time else 2)


def split_off(
    body: str, media: list[Media], title: str | None, furniture: list[Removed]
) -> tuple[str, list[Removed]]:
    """Drop paragraphs that are the headline, a caption or credit, a byline, a date stamp,
    a teaser link or page furniture; return the body kept and what was dropped."""
    captions = {m.caption for m in media if m.caption}
    credits = {m.credit for m in media if m.credit}
    both = {f"{m.caption} {m.credit}" for m in media if m.caption and m.credit}
    furniture_texts = {r.text: r.reason for r in furniture}
    paras = body.split("\n\n") if body else []
    kept: list[str] = []
    removed: list[Removed] = []
    for i, para in enumerate(paras):
        edge = i < 3 or i >= len(paras) - 3
        reason = None
        if i < 3 and title and para.casefold() == title.casefold():
            reason = "title"
        elif para in captions or para in both:
            reason = "caption"
        elif para in credits:
            reason = "credit"
        elif para in furniture_texts:
            reason = furniture_texts[para]
        elif len(para) < 120 and _BYLINE_START.match(para) and parse_byline(para):
            reason = "byline"
        elif edge and _is_date_line(para):
            reason = "date"
        elif _TEASER_ALONE.match(para) or (len(para) < 200 and _TEASER.match(para)):
            reason = "related"
        elif edge and len(para) < 200:
            reason = next((kind for rx, kind in _PROMPTS if rx.match(para)), None)
        if reason:
            removed.append(Removed(text=para, reason=reason))
        else:
            kept.append(para)
    return "\n\n".join(kept), removed
