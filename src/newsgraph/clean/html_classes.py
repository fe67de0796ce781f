"""A page's class and id attributes read once, for the steps that look for elements by name.

One pass over the tree's ``class`` and ``id`` attributes costs what one XPath
``contains()`` query over them costs; the metadata steps (bylines, author
boxes, datelines) and the related-links step each search this index instead
of querying the tree again. The values of each kind are joined into one text,
so a lookup is one regex scan of that text, not one search per element.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml.html import HtmlElement

_SEP = "\x00"  # never in a parsed attribute value


class _Values:
    """The values of one attribute kind, joined, with each value's start and element."""

    def __init__(self, items: list[tuple[int, str, HtmlElement]]) -> None:
        self.text = _SEP.join(value for _, value, _ in items)
        self.starts: list[int] = []
        start = 0
        for _, value, _ in items:
            self.starts.append(start)
            start += len(value) + 1
        self.items = items

    def hits(self, names: tuple[str, ...]) -> list[tuple[int, HtmlElement]]:
        """(page position, element) of the values containing any of ``names``."""
        if not names or not self.items:
            return []
        seen: set[int] = set()
        found = []
        for m in re.finditer("|".join(map(re.escape, names)), self.text):
            i = bisect_right(self.starts, m.start()) - 1
            if i not in seen:
                seen.add(i)
                found.append(self.items[i][::2])
        return found


class ClassIndex:
    """Every ``class`` and ``id`` attribute with its element, in page order."""

    def __init__(self, tree: HtmlElement) -> None:
        items = [
            (value.attrname == "class", str(value).replace(_SEP, " "), value.getparent())
            for value in tree.xpath("//@class | //@id")
        ]
        self._classes = _Values([(i, v, el) for i, (c, v, el) in enumerate(items) if c])
        self._ids = _Values([(i, v, el) for i, (c, v, el) in enumerate(items) if not c])

    def having(self, *parts: str, ids: tuple[str, ...] = ()) -> list[HtmlElement]:
        """Elements whose class contains any of ``parts`` or whose id any of ``ids``
        (case-sensitive), in page order, each once."""
        hits = self._classes.hits(parts)
        if ids:
            hits = sorted(hits + self._ids.hits(ids), key=lambda hit: hit[0])
        found: list[HtmlElement] = []
        for _, el in hits:
            if not found or found[-1] is not el:
                found.append(el)
        return found
