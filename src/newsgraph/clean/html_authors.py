"""An HTML page's authors: JSON-LD, ``<meta>`` and the byline the page shows, with bios.

Byline elements are ranked from most to least specific (``itemprop=author``
with a name inside, ``itemprop``/``rel=author``, a ``byline`` class, an
author-name class, any author class, ``<meta itemprop=author>``, a "By ..."
line under the headline);
the most specific kind that names anyone is read, skipping comments and
boxes of other stories. Author boxes give bios to the names they mention.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newsgraph.clean.byline import lone_name, parse_byline
from newsgraph.clean.html_classes import ClassIndex
from newsgraph.clean.html_jsonld import ld_text
from newsgraph.record import Author

# byline candidates: these and the elements with a byline or author class;
# _byline_kind ranks them from most to least specific
_MARKED_XPATH = (
    "//@itemprop[contains(concat(' ', ., ' '), ' author ')]/.."
    " | //@rel[contains(concat(' ', ., ' '), ' author ')]/.."
)
_AUTHOR_NAME_CLASS = re.compile(r"author-name|author__name|authorName")
_LINE_TAGS = frozenset("br div p li ul ol h1 h2 h3 h4 h5 h6 time address section".split())
_BIO_XPATH = '//*[@itemprop="author"]//*[@itemprop="description"]'
_BIO_CLASS = re.compile(r"bio|about|info|description|box|details", re.IGNORECASE)
_IN_COMMENTS = re.compile(r"comment|reply|respon", re.IGNORECASE)
# class names that start a box of other stories' bylines
_ASIDE_PREFIXES = ("related", "recommend", "sidebar", "widget", "trending", "popular", "recirc")
_BY = re.compile(r"\s*by\s+\w", re.IGNORECASE)
_BYLINE_CLASS = 3  # rank of an element with a "byline" class
_HIDDEN = 6  # rank of <meta itemprop="author">
_UNDER_HEADING = 7  # rank of a "By ..." line under the headline


def _is_person(item: dict) -> bool:
    types = item.get("@type")
    return any(str(t).lower() == "person" for t in (types if isinstance(types, list) else [types]))


def _json_ld_authors(article: dict, ids: dict[str, dict]) -> list[Author]:
    """The article's authors; a lone given name ("Regan") only from an object typed Person."""
    raw = article.get("author") or article.get("creator") or []
    raw = raw if isinstance(raw, list) else [raw]
    authors: list[Author] = []
    for item in raw[:20]:
        if isinstance(item, dict) and "name" not in item:
            item = ids.get(str(item.get("@id")), item)
        if isinstance(item, dict):
            kind = str(item.get("@type", "Person")).lower()
            if "organization" in kind:
                continue
            name, bio = ld_text(item.get("name")), ld_text(item.get("description")) or None
        else:
            name, bio = ld_text(item), None
        found = parse_byline(name)
        if not found and isinstance(item, dict) and _is_person(item) and lone_name(name):
            found = [Author(name=name)]
        for author in found:
            author.bio = clean_bio(bio, author.name)
            authors.append(author)
    return authors


def _authors_from_texts(texts: list[str]) -> list[Author]:
    authors: list[Author] = []
    for text in texts:
        for author in parse_byline(text):
            if all(a.name != author.name for a in authors):
                authors.append(author)
    return authors


def _lines(el: HtmlElement) -> str:
    """Text of an element with a line break at <br>, block elements and source line breaks."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        block = node.tag in _LINE_TAGS
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    walk(el)
    text = re.sub(r"[ \t\r\f\v\u00a0]*\n\s*", "\n", "".join(parts))
    return re.sub(r"[ \t\r\f\v\u00a0]+", " ", text).strip()


def _byline_kind(el: HtmlElement) -> tuple[int, list[HtmlElement]]:
    """Rank of a byline candidate (0 = most specific) and the elements holding the name."""
    if "author" in (el.get("itemprop") or "").split():
        names = el.xpath('.//*[@itemprop="name"]')
        holders = names or [el]
        if all(h.tag == "meta" for h in holders):  # microdata not shown on the page
            return _HIDDEN, holders
        return (0 if names else 1), holders
    if "author" in (el.get("rel") or "").split():
        return 2, [el]
    kind = el.get("class") or ""
    if "byline" in kind:
        return 3, [el]
    return (4 if _AUTHOR_NAME_CLASS.search(kind) else 5), [el]


def _aside(el: HtmlElement) -> bool:
    """In comments, or in a box of other stories (related, sidebar, widget, ...)."""
    for a in (el, *el.iterancestors()):
        if a.tag in ("body", "html"):
            return False
        marks = f"{a.get('class') or ''} {a.get('id') or ''}"
        if a.tag == "aside" or _IN_COMMENTS.search(marks):
            return True
        if any(token.lower().startswith(_ASIDE_PREFIXES) for token in marks.split()):
            return True
    return False


def _by_line_under_heading(tree: HtmlElement) -> list[HtmlElement]:
    """A "By ..." line among the three elements after the article's ``<h1>``."""
    for h1 in tree.xpath("//h1")[:3]:
        for el in list(h1.itersiblings())[:3]:
            if _BY.match(el.text_content()):
                return [el]
    return []


def _byline_authors(tree: HtmlElement, classes: ClassIndex) -> tuple[list[Author], list[str], int]:
    """Authors from the most specific kind of byline element that names any, its texts, its rank.

    Bylines in comments and in boxes of other stories are not read.
    """
    by_kind: dict[int, list[str]] = {}
    marked = tree.xpath(_MARKED_XPATH)
    classed = [el for el in classes.having("byline", "author", "Author") if el not in marked]
    candidates = [_byline_kind(el) for el in (marked + classed)[:50]]
    candidates += [(_UNDER_HEADING, [el]) for el in _by_line_under_heading(tree)]
    for kind, holders in candidates:
        for holder in holders:
            if _aside(holder):
                continue
            text = _lines(holder) if holder.tag != "meta" else holder.get("content", "")
            if 0 < len(text) <= 300:
                by_kind.setdefault(kind, []).append(text)
    for kind in sorted(by_kind):
        texts = by_kind[kind][:10]
        authors = _authors_from_texts(texts)
        if authors:
            return authors, texts, kind
    return [], [], _UNDER_HEADING + 1


def _names(authors: list[Author]) -> set[str]:
    return {a.name.casefold() for a in authors}


def page_authors(
    tree: HtmlElement,
    classes: ClassIndex,
    articles: list[dict],
    ids: dict[str, dict],
    meta_texts: list[str],
) -> tuple[list[Author], str | None, list[str]]:
    """The page's authors, where they came from, and the byline texts when from a byline.

    Declared authors (JSON-LD, else ``<meta>``) stand unless the visible
    byline names more people including them, or, against ``<meta>`` only,
    a byline element names other people (the meta then names the poster).
    """
    declared: list[Author] = []
    source = None
    for article in articles:
        declared = _json_ld_authors(article, ids)
        if declared:
            source = "json-ld"
            break
    if not declared:
        declared = _authors_from_texts(meta_texts)
        source = "meta" if declared else None
    shown, texts, rank = _byline_authors(tree, classes)
    names = _names(declared)
    if shown and (
        not declared
        or any(names < _names(parse_byline(text)) for text in texts)
        or (rank <= _BYLINE_CLASS and not names & _names(shown))
    ):
        declared, source = shown, "byline"
    else:
        texts = []
    _attach_bios(tree, classes, declared)
    return declared, source, texts


def clean_bio(text: str | None, name: str) -> str | None:
    """An author's bio without markup, handles and box labels; None unless it reads as prose."""
    if not text:
        return None
    text = re.sub(r"<[^>]+>|\S+@\S+\.\w+|(?<!\w)@\w{1,30}", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"^about(?:\s+the\s+author)?\b:?\s*", "", text, flags=re.IGNORECASE)
    # start where the name is followed by prose ("Jane Doe is a ...", "Jane covers ...")
    for key in (name, name.split()[0]):
        m = re.search(re.escape(key) + r"\s+(?=[^\W\d_]*[a-z])(?![A-Z])", text)
        if m:
            text = text[m.start() :]
            break
    if len(re.findall(r"\b[a-z]{2,}\b", text)) < 3 or not re.search(r"[.!?](?:\s|$)", text):
        return None
    return text


def _attach_bios(tree: HtmlElement, classes: ClassIndex, authors: list[Author]) -> None:
    """An author box's text as the bio of the author it names (by surname)."""
    if not authors or all(a.bio for a in authors):
        return
    boxes = [
        el for el in classes.having("author", "Author") if _BIO_CLASS.search(el.get("class") or "")
    ]
    boxes += [el for el in tree.xpath(_BIO_XPATH) if el not in boxes]
    for el in boxes[:20]:
        text = " ".join(el.text_content().split())
        if not 40 <= len(text) <= 1500:
            continue
        for author in authors:
            if author.bio is None and author.name.split()[-1] in text:
                author.bio = clean_bio(text, author.name)
                break
