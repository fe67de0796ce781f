"""Figures, captions and photo credits of an HTML page; links to related articles.

Captions come from ``<figcaption>`` and caption-classed elements; a credit
is an element classed as such (credit, copyright, photographer, source)
or a credit line inside the caption ("Photo: ...", "(AP Photo/...)",
"... /Getty Images", "© ..."). Figures inside related-story, navigation
and footer blocks are teasers, not the article's media, and are skipped.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from newsgraph.clean.html_classes import ClassIndex
from newsgraph.lexicon.agencies import AGENCIES, alternation
from newsgraph.record import Media, Related

_CREDIT_CLASS = re.compile(
    r"credit|copyright|photographer|attribution|(?:^|[\s_-])source(?:$|[\s_-])|courtesy",
    re.IGNORECASE,
)
_CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
_TEASER_BLOCK = re.compile(
    r"related|recommend|more-?stories|read-?more|promo|teaser|sidebar|footer|"
    r"(?:^|[\s_-])nav(?:$|[\s_-])|menu|trending|most-?popular|outbrain|taboola",
    re.IGNORECASE,
)
_AGENCY = alternation(AGENCIES)
_CREDIT_LINE = re.compile(
    r"\s*[(\[]?\s*(?:(?:photo(?:graph)?s?|image|picture|pic|credit|foto|video|source|"
    r"illustration)\s*(?:by|:)\s*|©\s*|\(c\)\s*|copyright\s+)(?P<credit>[^()\[\]]{2,120}?)\s*[)\]]?\s*$"
    rf"|\s*[(\[]?(?P<agency>(?:{_AGENCY})\s+Photo(?:/[^()\[\]]{{2,80}})?)\s*[)\]]?\s*$"
    rf"|\s+[(\[]?(?P<slash>[\w.' -]{{2,60}}/(?:{_AGENCY})[\w ]*)\s*[)\]]?\s*$"
    rf"|\s*[(\[](?P<paren>(?:{_AGENCY})\b[^()\[\]]{{0,60}})[)\]]\s*$",
    re.IGNORECASE,
)
# "Image credit:", "Photo by", "Image copyright", ... before the credited name
_CREDIT_LABEL = re.compile(
    r"^(?:(?:photo(?:graph)?|image|picture|pic|foto|video)s?\s*)?"
    r"(?:credit|copyright|courtesy(?:\s+of)?|by|:|©)\s*:?\s*",
    re.IGNORECASE,
)
_UI_WORDS = re.compile(
    r"(?:(?:image|photo|picture|video|credit|caption|close|open|expand|enlarge|toggle|hide|show|"
    r"more|less|view|gallery|fullscreen)\W*){1,4}",
    re.IGNORECASE,
)
_CAPTION_LABEL = re.compile(r"^(?:image|photo|video)\s+caption\s*:?\s*", re.IGNORECASE)
_RELATED = re.compile(
    r"related|more-?stories|recommend|read-?more|also-?read|more-?from|you-?may|see-?also|"
    r"further-?reading",
    re.IGNORECASE,
)
# cheap XPath prefilter (substring tests on attribute nodes, in C); _RELATED and class tokens decide
# class and id parts of previous/next and related-article blocks
_MARKED_CLASSES = ("elated", "ecommend", "prev", "Prev", "next", "Next")
_MARKED_IDS = ("elated",)
_PREV_NEXT_LABEL = re.compile(
    r"^\s*(?:«|‹|<|←)?\s*(?:previous|prev|next|older|newer)\s+(?:article|post|story|entry)?\s*"
    r"(?:»|›|>|→)?\s*:?\s*",
    re.IGNORECASE,
)
_MAX_RELATED = 20


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _classes(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _in_teaser_block(el: HtmlElement) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("nav", "footer", "aside") or _TEASER_BLOCK.search(_classes(anc)):
            return True
    return False


def split_credit(caption: str) -> tuple[str, str | None]:
    """(caption, credit) from a caption that may end in a credit line."""
    m = _CREDIT_LINE.search(caption)
    if not m:
        return caption, None
    credit = m.group("credit") or m.group("agency") or m.group("slash") or m.group("paren")
    if len(credit.split()) > 8:  # "A photo by the lake shows ...": prose, not a credit line
        return caption, None
    return caption[: m.start()].rstrip(" ,;:|-–—"), _norm(credit)


def _image_url(el: HtmlElement, base: str | None) -> str | None:
    img = el if el.tag == "img" else next(iter(el.iter("img")), None)
    if img is None:
        return None
    src = img.get("src") or img.get("data-src") or img.get("data-original")
    if not src or src.startswith("data:"):
        return None
    return urljoin(base, src) if base else src


def _media_kind(el: HtmlElement) -> str:
    if next(iter(el.iter("video")), None) is not None:
        return "video"
    if next(iter(el.iter("audio")), None) is not None:
        return "audio"
    return "image"


def _caption_and_credit(
    container: HtmlElement, caption_el: HtmlElement | None
) -> tuple[str, str | None]:
    credit = None
    credit_texts = []
    for el in container.iter():
        if el is not container and _CREDIT_CLASS.search(_classes(el)):
            text = _norm(el.text_content())
            if text and len(text) < 200:
                credit_texts.append(text)
    caption = _norm(caption_el.text_content()) if caption_el is not None else ""
    for text in credit_texts:
        if caption.endswith(text):
            caption = caption[: -len(text)].rstrip(" ,;:|-–—")
        credit = credit or text
    if credit is None and caption:
        caption, credit = split_credit(caption)
    elif credit:
        # a credit element that holds the caption too: "Jane in 2002. Photo by Ann Smith"
        lead, inner = split_credit(credit)
        if inner and lead:
            caption, credit = caption or lead, inner
    if credit:
        credit = _CREDIT_LABEL.sub("", credit).strip(" ()[]") or None
    if credit and not caption and len(credit.split()) > 8:
        caption, credit = credit, None  # a sentence in a credit-classed element is a caption
    caption = _CAPTION_LABEL.sub("", caption)
    if _UI_WORDS.fullmatch(caption):
        caption = ""
    # "Full caption ... less Full caption ... more": an expand/collapse widget shows it twice
    head, sep, tail = caption.partition(" less ")
    if sep and len(head) >= 30 and tail.startswith(head[:30]):
        caption = head
    return caption, credit


def page_media(tree: HtmlElement, base_url: str | None = None) -> list[Media]:
    """Figures with a caption or a credit, in page order, without teasers and duplicates."""
    media: list[Media] = []
    seen: set[tuple[str, str | None]] = set()
    containers = tree.xpath(
        "//figure | //@class[contains(., 'caption') or contains(., 'Caption')]/.."
    )
    for container in containers[:200]:
        if container.tag != "figure" and (
            container.tag in ("html", "body")
            or any(
                a.tag == "figure" or _CAPTION_CLASS.search(_classes(a))
                for a in container.iterancestors()
            )
        ):
            continue  # inside a figure, or a caption within a caption: seen with its container
        if _in_teaser_block(container):
            continue
        if container.tag == "figure":
            caption_el = next(iter(container.iter("figcaption")), None)
            if caption_el is None:
                caps = [e for e in container.iter() if _CAPTION_CLASS.search(_classes(e))]
                caption_el = caps[0] if caps else None
        else:
            caption_el = container
        if caption_el is not None and caption_el.xpath(".//h1 | .//h2 | .//h3 | .//time"):
            continue  # a header block named "...caption", not a figure's caption
        caption, credit = _caption_and_credit(container, caption_el)
        if not caption and not credit:
            continue
        if len(caption) > 1000:
            continue
        key = (caption, credit)
        if key in seen:
            continue
        seen.add(key)
        media.append(
            Media(
                kind=_media_kind(container),
                caption=caption or None,
                credit=credit,
                url=_image_url(container, base_url),
            )
        )
    return media


def _related_title(text: str) -> str:
    return _norm(_PREV_NEXT_LABEL.sub("", _norm(text)))


def page_related(
    tree: HtmlElement, classes: ClassIndex, base_url: str | None = None
) -> list[Related]:
    """Previous/next article links (rel=prev/next, prev/next classes) and related-article links."""
    related: list[Related] = []
    seen: set[str] = set()

    def add(rel: str, anchor: HtmlElement) -> None:
        href = (anchor.get("href") or "").strip()
        title = _related_title(anchor.text_content() or anchor.get("title") or "")
        if not href or href.startswith(("#", "javascript:")) or len(title.split()) < 3:
            return
        url = urljoin(base_url, href) if base_url else href
        if url in seen or len(related) >= _MAX_RELATED:
            return
        seen.add(url)
        related.append(Related(rel=rel, title=title[:300], url=url))

    for anchor in tree.xpath("//a[@rel and @href]"):
        rel = anchor.get("rel", "").lower().split()
        if "prev" in rel or "previous" in rel:
            add("previous", anchor)
        elif "next" in rel:
            add("next", anchor)
    outer: list[HtmlElement] = []
    for el in classes.having(*_MARKED_CLASSES, ids=_MARKED_IDS):
        names = _classes(el)
        parts = {p.lower() for p in re.split(r"[\s_-]+", names)}
        rel = "previous" if parts & {"prev", "previous"} else "next" if "next" in parts else None
        if rel:
            anchors = [el] if el.tag == "a" else el.xpath(".//a[@href]")
            for anchor in anchors[:1]:
                add(rel, anchor)
        elif _RELATED.search(names) and el.tag not in ("html", "body", "a"):
            if not outer or not any(anc is outer[-1] for anc in el.iterancestors()):
                outer.append(el)
    for block in outer[:30]:
        for anchor in block.iter("a"):
            if anchor.get("href"):
                add("related", anchor)
    return related
