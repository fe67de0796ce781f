"""A page's class attributes read once, for the steps that look for elements by class.

One pass over the tree's ``class`` attributes costs what one XPath ``contains()``
query over them costs; the metadata steps (bylines, author boxes, datelines)
each filter this list instead of querying the tree again.
"""

from __future__ import annotations

from lxml.html import HtmlElement


class ClassIndex:
    """Every element with a ``class`` attribute, with that attribute, in page order."""

    def __init__(self, tree: HtmlElement) -> None:
        self._items = [(str(value), value.getparent()) for value in tree.xpath("//@class")]

    def having(self, *parts: str) -> list[HtmlElement]:
        """Elements whose class contains any of ``parts`` (case-sensitive), in page order."""
        return [el for value, el in self._items if any(p in value for p in parts)]
