"""A page's class and id attributes read once, for the steps that look for elements by name.

One pass over the tree's ``class`` and ``id`` attributes costs what one XPath
``contains()`` query over them costs; the metadata steps (bylines, author
boxes, datelines) and the related-links step each filter this list instead
of querying the tree again.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement


class ClassIndex:
    """Every ``class`` and ``id`` attribute with its element, in page order."""

    def __init__(self, tree: HtmlElement) -> None:
        self._items = [
            (value.attrname == "class", str(value), value.getparent())
            for value in tree.xpath("//@class | //@id")
        ]

    def having(self, *parts: str, ids: tuple[str, ...] = ()) -> list[HtmlElement]:
        """Elements whose class contains any of ``parts`` or whose id any of ``ids``
        (case-sensitive), in page order, each once."""
        # one alternation per attribute kind: a regex search per value, not a loop over parts
        by_kind = {
            kind: re.compile("|".join(map(re.escape, names))).search if names else None
            for kind, names in ((True, parts), (False, ids))
        }
        found: list[HtmlElement] = []
        for is_class, value, el in self._items:
            search = by_kind[is_class]
            if search is not None and search(value) and (not found or found[-1] is not el):
                found.append(el)
        return found
