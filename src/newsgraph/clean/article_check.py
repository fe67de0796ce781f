"""Is what cleaning kept an article? A menu or a photo caption is not, and saying so
(``NoArticleError``) beats returning it as a body.

Two signs, each cheap: the body is mostly short link-like lines (a navigation
page: "Section 0 ... Section 29"), or it is short while most of the page's text
lies elsewhere (a caption or teaser taken from a page whose article was not
found). Short items on short pages (a brief, a wire flash) pass; ``min_body``
(``Options.min_body``, CLI ``--min-body``) sets what counts as short, and 0
turns the second sign off.
"""

from __future__ import annotations

import re

from newsgraph.clean.lines import SENTENCE_END

_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_TAGS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]+>", re.S | re.I)

# A line of at most this many words without a sentence end reads as a link, a label
# ("Home", "Section 12", "World news"); real lists (deals, calendars) have longer lines.
_LINK_WORDS = 4
# A body of at least this many lines, this share of them link-like, is a menu.
_MENU_LINES = 6
_MENU_SHARE = 0.7
# A short body is not the article when the page has this many times more text.
_ELSEWHERE = 5


def page_text_chars(text: str, format: str) -> int:
    """Characters of visible text in the input (markup, scripts and styles left out)."""
    if format == "html":
        text = _TAGS.sub(" ", text)
    return len(" ".join(text.split()))


def _link_like(line: str) -> bool:
    """A menu entry or a label; a row of figures ("Shr 12 cts vs 10 cts", "May 1248 bid")
    is not one."""
    numbers = _NUMBER.findall(line)
    figures = len(numbers) >= 2 or any(len(n) >= 3 or "." in n or "," in n for n in numbers)
    return len(line.split()) <= _LINK_WORDS and not SENTENCE_END.search(line) and not figures


def not_an_article(body: str, page_chars: int, min_body: int) -> str | None:
    """Why the body is not an article, or None when it may be one."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()]
    links = sum(_link_like(ln) for ln in lines)
    if len(lines) >= _MENU_LINES and links >= _MENU_SHARE * len(lines):
        return (
            f"no article in the input: {links} of its {len(lines)} lines of text are "
            "short link-like lines, as in a menu"
        )
    size = len(" ".join(body.split()))
    if size < min_body and page_chars >= _ELSEWHERE * max(size, 1):
        return (
            f"no article in the input: the text found is {size} characters and the page "
            f"holds {page_chars:,} (--min-body {size} or less keeps short items)"
        )
    return None
