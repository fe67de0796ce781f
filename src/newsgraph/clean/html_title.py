"""An HTML page's headline, chosen among the titles the page declares.

Candidates: JSON-LD ``headline``, ``<meta>`` titles (og:title, ...), the
article's ``<h1>`` and ``<title>``. Each is cleaned (entities decoded twice
over, tags dropped, the literal "None" of a null JSON field refused), loses
the site's name at either end when the page names its site elsewhere
(og:site_name and its parts, the JSON-LD publisher, the host, or the short
end another candidate has), and is refused when it is only the site's name
or a section word ("Opinion"). The candidate that most kinds of source
agree with wins (equal, or the start or end of a longer one); the heading
the page shows on its article counts for more than one kind, since
og:title and JSON-LD often carry a headline written for sharing; any other
first ``<h1>`` breaks a tie, and gives way when no other title shares half its
words (a logo). A heading is cut at a declared site name only.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

# " | ", " - ", " » " ...: what sites put between a headline and their name
_SEPARATOR = re.compile(r"(\s+[|\-–—:·»]\s+)")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_DATE_PART = re.compile(r"[\d\s./\-:]{6,}")
_DOMAIN_END = re.compile(r"\.(?:com|org|net|co\.uk|[a-z]{2})$")
_NULLS = frozenset({"none", "null", "undefined", "untitled", "nan"})
# a section or page-kind word is a page's label, never its headline
_SECTIONS = frozenset(
    """opinion opinions news home homepage world politics sport sports business technology
    tech science health entertainment culture lifestyle life arts travel music movies tv books
    video videos analysis editorial editorials commentary comment columns columnists features
    blog blogs local national international economy markets finance money environment
    climate style fashion food magazine latest photos gallery podcasts podcast reviews review
    obituaries weather education letters article page""".split()
)
_TITLE_META = ("og:title", "twitter:title", "title", "dc.title", "headline")
_HEADLINE_MARK = re.compile(r"headline|title|\bhed\b|heading")
# the article's heading outweighs one kind of source that disagrees, not two; any other
# first <h1> breaks a tie, unless no other title shares half its words (a logo)
_WEIGHT = {"heading": 1.5, "h1": 0.5}
_LOGO_H1 = -0.5
_META_KINDS = frozenset({"json-ld", "meta", "title"})
_KIND_GROUP = {"json-ld": "json-ld", "meta": "meta", "heading": "h1", "h1": "h1", "title": "title"}
_PROVENANCE = {
    "json-ld": "json-ld",
    "meta": "meta",
    "heading": "text",
    "h1": "text",
    "title": "meta",
}


def clean_title(value: str | None) -> str:
    """A title's text: entities decoded (also when escaped twice), tags dropped, one space."""
    text = value or ""
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub("", text)
    text = " ".join(text.split())
    return "" if text.lower() in _NULLS else text


def _key(text: str) -> str:
    """Letters and digits only, lower case, without a leading "the" or a trailing ".com"."""
    text = _DOMAIN_END.sub("", text.lower().strip())
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", text))


def site_keys(names: list[str], url: str | None) -> set[str]:
    """Keys of the site's names: declared names, their parts, the host ("forbes.com", "forbes")."""
    keys = {_key(n) for n in names if n}
    keys.update(_key(part) for n in names for part in _SEPARATOR.split(n)[::2])
    labels = (urlsplit(url or "").hostname or "").removeprefix("www.").split(".")
    if len(labels) > 1:  # "edition.cnn.com": "editioncnn", "edition", "cnn"
        keys.add(_key(".".join(labels)))
        keys.update(x for x in labels[-3:-1] if x not in ("co", "com", "org", "net", "gov"))
    keys.discard("")
    return keys


def _is_site_part(part: str, sites: set[str], *, last: bool = False) -> bool:
    """The site's name (at the end: also a longer name starting with it) or a date."""
    key = _key(part)
    if key in sites or (bool(_DATE_PART.fullmatch(part)) and any(c.isdigit() for c in part)):
        return True
    return last and any(len(site) >= 5 and key.startswith(site) for site in sites)


def without_site(title: str, sites: set[str], *, longer: bool = True) -> str:
    """The title without the site's name (and a date) at its start or end.

    With ``longer``, at the end a part that starts with the site's name goes too
    ("About bugs - Vortex Cannon Entertainment" on vortexcannon.org).
    """
    pieces = _SEPARATOR.split(title)  # text, separator, text, ...
    while len(pieces) > 2 and _is_site_part(pieces[-1], sites, last=longer):
        pieces = pieces[:-2]
    while len(pieces) > 2 and _is_site_part(pieces[0], sites):
        pieces = pieces[2:]
    return "".join(pieces).strip()


def _ends(title: str) -> tuple[set[str], set[str]]:
    """Keys of the title's starts and ends at a separator: the longer and the shorter part."""
    pieces = _SEPARATOR.split(title)
    longer: set[str] = set()
    shorter: set[str] = set()
    for i in range(2, len(pieces), 2):
        head, tail = "".join(pieces[: i - 1]), "".join(pieces[i:])
        (longer if len(head) > len(tail) else shorter).add(_key(head))
        (longer if len(tail) > len(head) else shorter).add(_key(tail))
    return longer, shorter


def _is_marked(h1: HtmlElement) -> bool:
    """An ``<h1>`` inside the article or marked as its headline."""
    marks = f"{h1.get('class') or ''} {h1.get('itemprop') or ''}".lower()
    return any(a.tag in ("article", "main") for a in h1.iterancestors()) or bool(
        _HEADLINE_MARK.search(marks)
    )


def _page_heading(tree: HtmlElement) -> tuple[str, str]:
    """The article's heading and its kind: "heading" when marked as such, else "h1"."""
    h1s = tree.xpath("//h1")[:5]
    for h1 in h1s:
        if _is_marked(h1) and h1.text_content().strip():
            return h1.text_content(), "heading"
    return (h1s[0].text_content(), "h1") if h1s else ("", "h1")


def title_candidates(
    tree: HtmlElement, meta: dict[str, list[str]], headlines: list[str]
) -> list[tuple[str, str]]:
    """(title, kind of source) the page declares, most explicit source first.

    Kinds: "json-ld", "meta", "heading" (the article's ``<h1>``), "h1" and "title".
    """
    found = [(h, "json-ld") for h in headlines]
    found += [(meta[k][0], "meta") for k in _TITLE_META if meta.get(k)]
    found.append(_page_heading(tree))
    found += [(t, "title") for t in tree.xpath("//title/text()")[:1]]
    return [(clean_title(text), kind) for text, kind in found]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) >= 3 or not w.isascii()}


def _echoed(heading: str, kept: list[tuple[str, str, set[str]]]) -> bool:
    """Half the heading's words or more are in another candidate title."""
    words = _words(heading)
    return any(
        len(words & _words(title)) * 2 >= len(words) > 0 for title, _, _ in kept if title != heading
    )


def choose_title(candidates: list[tuple[str, str]], sites: set[str]) -> tuple[str, str] | None:
    """(title, provenance) of the candidate most kinds of source agree with; None if none fits.

    A candidate that is the short end of another's metadata title ("The Coast
    Times" of "Harbour vote | The Coast Times"), once declared site names are
    gone, is taken for the site's name too. A heading on the page is cut at a
    declared site name only, and refused when it is a site's name.
    """
    given_by: dict[str, set[str]] = {}
    for raw, kind in candidates:
        given_by.setdefault(_key(raw), set()).add(_KIND_GROUP[kind])
    # a "site name" two kinds of source give as the title is the title (application-name
    # holding the headline)
    sites = {site for site in sites if len(given_by.get(site, ())) < 2}
    raws = [
        (without_site(raw, sites, longer=_KIND_GROUP[kind] != "h1"), raw, kind)
        for raw, kind in candidates
        if raw
    ]
    shorter = set().union(*(_ends(first)[1] for first, _, kind in raws if kind in _META_KINDS))
    ends = sites | {_key(first) for first, _, _ in raws if _key(first) in shorter}
    kept: list[tuple[str, str, set[str]]] = []  # title, kind, what it agrees with
    for first, raw, kind in raws:
        title = first if _KIND_GROUP[kind] == "h1" else without_site(first, ends)
        key = _key(title)
        if key and key not in ends and key not in _SECTIONS and len(title) <= 400:
            kept.append((title, kind, {key, _key(raw)} | _ends(raw)[0] | _ends(first)[0]))
    if not kept:
        return None

    def rank(i: int) -> tuple[float, int]:
        key, kind = _key(kept[i][0]), _KIND_GROUP[kept[i][1]]
        kinds = {_KIND_GROUP[k] for _, k, form in kept if key in form} | {kind}
        weight = _WEIGHT.get(kept[i][1], 0)
        if kept[i][1] == "h1" and len(kinds) == 1 and not _echoed(kept[i][0], kept):
            weight = _LOGO_H1
        return len(kinds) + weight, -i

    best = _key(kept[max(range(len(kept)), key=rank)][0])
    # the same title from several sources: the most explicit one's text and provenance
    title, kind = next((t, k) for t, k, _ in kept if _key(t) == best)
    return title, _PROVENANCE[kind]
