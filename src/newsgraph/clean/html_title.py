"""An HTML page's headline, chosen among the titles the page declares.

Candidates: JSON-LD ``headline``, ``<meta>`` titles (og:title, ...), the
first ``<h1>`` (the one in the article when there is one) and ``<title>``.
Each is cleaned (entities decoded twice over, tags dropped, the literal
"None" of a null JSON field refused), loses the site's name at either end
when the page names its site elsewhere (og:site_name, the JSON-LD
publisher, the host), and is refused when it is only the site's name or a
section word ("Opinion"). The candidate the others agree with wins (equal,
or the start or end of a longer one); ties go to the most explicit source.
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
    """Keys of the site's names: declared names and the host ("forbes.com", "forbes")."""
    keys = {_key(n) for n in names if n}
    labels = (urlsplit(url or "").hostname or "").removeprefix("www.").split(".")
    if len(labels) > 1:  # "edition.cnn.com": "editioncnn", "edition", "cnn"
        keys.add(_key(".".join(labels)))
        keys.update(x for x in labels[-3:-1] if x not in ("co", "com", "org", "net", "gov"))
    keys.discard("")
    return keys


def _is_site_part(part: str, sites: set[str]) -> bool:
    key = _key(part)
    return key in sites or (bool(_DATE_PART.fullmatch(part)) and any(c.isdigit() for c in part))


def without_site(title: str, sites: set[str]) -> str:
    """The title without the site's name (and a date) at its start or end."""
    pieces = _SEPARATOR.split(title)  # text, separator, text, ...
    while len(pieces) > 2 and _is_site_part(pieces[-1], sites):
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


def _first_h1(tree: HtmlElement) -> str:
    h1s = tree.xpath("//h1")[:5]
    for h1 in h1s:
        if any(a.tag in ("article", "main") for a in h1.iterancestors()):
            return h1.text_content()
    return h1s[0].text_content() if h1s else ""


def title_candidates(
    tree: HtmlElement, meta: dict[str, list[str]], headlines: list[str]
) -> list[tuple[str, str]]:
    """(title, provenance) the page declares, most explicit source first."""
    found = [(h, "json-ld") for h in headlines]
    found += [(meta[k][0], "meta") for k in _TITLE_META if meta.get(k)]
    found.append((_first_h1(tree), "text"))
    found += [(t, "meta") for t in tree.xpath("//title/text()")[:1]]
    return [(clean_title(text), source) for text, source in found]


def choose_title(candidates: list[tuple[str, str]], sites: set[str]) -> tuple[str, str] | None:
    """The candidate the others agree with most, without the site's name; None if none fits.

    A candidate that is the short end of another ("The Coast Times" of "Harbour
    vote | The Coast Times") is taken for the site's name too.
    """
    raws = [(raw, source, _ends(raw)) for raw, source in candidates if raw]
    shorter = set().union(*(short for _, _, (_, short) in raws))
    sites = sites | {_key(raw) for raw, _, _ in raws if _key(raw) in shorter}
    kept: list[tuple[str, str, set[str]]] = []  # title, source, what it agrees with
    for raw, source, (longer, _) in raws:
        title = without_site(raw, sites)
        key = _key(title)
        if key and key not in sites and key not in _SECTIONS and len(title) <= 400:
            kept.append((title, source, {key, _key(raw)} | longer))
    if not kept:
        return None

    def rank(i: int) -> tuple[int, int]:
        key = _key(kept[i][0])
        return sum(key in form for j, (_, _, form) in enumerate(kept) if j != i), -i

    best = max(range(len(kept)), key=rank)
    return kept[best][0], kept[best][1]
